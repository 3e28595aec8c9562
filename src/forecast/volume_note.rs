//! The expected adoptions of a year and the pipeline's adoptions that year are one quantity:
//! when the children already adopted and those the pipeline is projected to bring already
//! make more than the total expected, the figures count them all and none beyond, and the
//! screen says so rather than showing two totals that contradict each other.

use scorecard::Forecast;

/// One sentence per open year whose pipeline alone goes past its expected total.
pub fn pipeline_beyond_expected(forecast: &Forecast) -> Vec<String> {
    forecast
        .expected
        .iter()
        .filter(|e| e.adopted + e.projected > e.expected)
        .map(|e| {
            let made = e.adopted + e.projected;
            let adopted = match e.adopted {
                0 => String::new(),
                1 => "the 1 child already adopted and ".to_string(),
                n => format!("the {n} children already adopted and "),
            };
            format!(
                "In {}, {adopted}the {} projected from the pipeline make {made} adoptions, more \
                 than the {} expected: the figures with the adoptions we expect count these \
                 {made} and none beyond them.",
                e.year, e.projected, e.expected
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard::{forecast, ChildRecord, ForecastInput, Scenario, ThresholdSchedule};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_pipeline_past_the_expected_total_is_said_once_for_its_year() {
        // One child adopted in 2014-15 (so 1 a year is expected) and, as of 01/06/2015, one
        // adopted and two placed and due their orders in 2015-16: 3 adoptions against 1.
        let adopted = |id: &str, order: NaiveDate| {
            let mut c = ChildRecord::new(id, day(2013, 1, 1));
            c.shobpa_decision = Some(day(2013, 3, 1));
            c.placement_order = Some(day(2013, 5, 1));
            c.matched = Some(day(2013, 10, 1));
            c.placed = Some(day(2013, 11, 1));
            c.adoption_order = Some(order);
            c
        };
        let mut waiting = adopted("W1", day(2015, 1, 1));
        waiting.adoption_order = None;
        waiting.expected_adoption_order = Some(day(2015, 9, 1));
        let mut other = waiting.clone();
        other.child_id = "W2".into();
        let children = vec![
            adopted("A", day(2014, 6, 1)),
            adopted("B", day(2015, 4, 20)),
            waiting,
            other,
        ];
        let (thresholds, scenario) = (ThresholdSchedule::default(), Scenario::default());
        let f = forecast(&ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: day(2015, 6, 1),
            thresholds: &thresholds,
            scenario: &scenario,
            target: None,
            every_child: false,
        });
        assert_eq!(
            pipeline_beyond_expected(&f),
            vec![
                "In 2015-16, the 1 child already adopted and the 2 projected from the pipeline \
                 make 3 adoptions, more than the 1 expected: the figures with the adoptions we \
                 expect count these 3 and none beyond them."
                    .to_string()
            ]
        );
    }
}
