//! Turns the engine's forecast into what the charts draw. Pure functions, tested natively.

use chrono::{Datelike, NaiveDate};
use scorecard::{Forecast, Indicator, RollingPeriod, Stage};
use scorecard_charts::{PeriodPoint, Timeline, TimelineRow, TimelineSegment, Trajectory};
use std::collections::BTreeMap;

/// How many periods the trajectory shows at most: enough for the history that explains the
/// trend and the projection, few enough for the labels to stay legible at 1024 pixels.
pub const MAX_PERIODS: usize = 9;

/// How many children the timeline shows at most; the table below it lists them all.
pub const MAX_TIMELINE_ROWS: usize = 30;

/// The 10th and 90th percentiles of each period's rolling average, from the Monte Carlo.
pub type Bands = BTreeMap<RollingPeriod, (f64, f64)>;

/// The unit an indicator is measured in, as the chart's axis says it.
pub fn unit(indicator: Indicator) -> &'static str {
    if indicator.is_percent() {
        "%"
    } else if indicator == Indicator::A3 {
        "children"
    } else {
        "days"
    }
}

/// The value a period shows: with the further adoptions the scenario expects where the
/// period is still open, else what the data says.
fn period_value(
    forecast: &Forecast,
    period: RollingPeriod,
    indicator: Indicator,
) -> (Option<f64>, bool, Option<f64>) {
    let figure = forecast
        .period_assumed(period)
        .or_else(|| forecast.period(period))
        .map(|p| *p.figure(indicator));
    match figure {
        Some(f) => (f.value, f.basis != scorecard::Basis::Actual, f.threshold),
        None => (None, false, None),
    }
}

/// The trajectory of `indicator`: the last [`MAX_PERIODS`] periods that hold any child, with
/// the Monte Carlo's band where it has run and a second forecast's line to compare.
pub fn trajectory(
    forecast: &Forecast,
    indicator: Indicator,
    bands: Option<&Bands>,
    comparison: Option<(&str, &Forecast)>,
) -> Trajectory {
    // A period that starts before the earliest year of data would be a one- or two-year
    // average passed off as a three-year one, so the chart starts at the first whole period.
    let first_year = forecast.years.first().map(|y| y.year);
    let periods: Vec<RollingPeriod> = forecast
        .rolling
        .iter()
        .map(|p| p.period)
        .filter(|p| first_year.is_some_and(|first| p.first_year() >= first))
        .filter(|p| period_value(forecast, *p, indicator).0.is_some())
        .collect();
    let shown = &periods[periods.len().saturating_sub(MAX_PERIODS)..];
    let points = shown
        .iter()
        .map(|&period| {
            let (rolling, projected, threshold) = period_value(forecast, period, indicator);
            let single_year = forecast
                .year_assumed(period.last_year)
                .or_else(|| forecast.year(period.last_year))
                .and_then(|y| y.figure(indicator).value);
            PeriodPoint {
                label: period.to_string(),
                rolling,
                projected,
                band: if projected {
                    bands.and_then(|b| b.get(&period).copied())
                } else {
                    None
                },
                threshold,
                single_year,
                comparison: comparison
                    .and_then(|(_, other)| period_value(other, period, indicator).0),
            }
        })
        .collect();
    Trajectory {
        // Short enough to fit the chart beside the answers; the description is in the
        // figures table and the term's explanation.
        title: format!("{}, three-year average", indicator.name()),
        unit: unit(indicator).to_string(),
        periods: points,
        comparison_name: comparison.map(|(name, _)| name.to_string()),
    }
}

/// A date as a fractional calendar year (1 July 2015 is about 2015.5), the timeline's axis.
pub fn fractional_year(date: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    date.year() as f64 + date.ordinal0() as f64 / days_in_year
}

/// The timeline of the pipeline's children, longest waiting first.
pub fn timeline(forecast: &Forecast) -> Timeline {
    let mut children: Vec<_> = forecast.pipeline.iter().collect();
    scorecard::sorting::sort_by(&mut children, |a, b| {
        b.days_so_far
            .cmp(&a.days_so_far)
            .then(a.child_id.cmp(&b.child_id))
    });
    let rows = children
        .into_iter()
        .take(MAX_TIMELINE_ROWS)
        .map(|child| {
            let m = &child.projection.milestones;
            let chain = [
                Some(m.entered_care),
                m.shobpa_decision,
                m.placement_order,
                m.matched,
                m.placed,
                m.adoption_order,
            ];
            let mut segments = Vec::new();
            let mut from = m.entered_care;
            for (i, end) in chain.iter().enumerate().skip(1) {
                // A milestone the record skips (and the projection need not fill) is joined
                // to the next one rather than drawn as a gap.
                let Some(end) = *end else { continue };
                segments.push(TimelineSegment {
                    stage: i - 1,
                    start: fractional_year(from),
                    end: fractional_year(end),
                    projected: child.projection.projected[i - 1],
                });
                from = end;
            }
            TimelineRow {
                label: child.child_id.clone(),
                segments,
                summary: format!(
                    "{}, {} days since entering care, adoption order projected in {}",
                    child.stage.label(),
                    child.days_so_far,
                    child.projection.year
                ),
            }
        })
        .collect();
    Timeline {
        title: "Children in the pipeline: stages known (solid) and projected (hollow)".into(),
        stage_names: Stage::ALL.iter().map(|s| s.label().to_string()).collect(),
        rows,
        as_of: fractional_year(forecast.as_of),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecard::{forecast, ChildRecord, ForecastInput, Scenario, ThresholdSchedule};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn adopted(id: &str, entered: NaiveDate, placed: NaiveDate, order: NaiveDate) -> ChildRecord {
        ChildRecord {
            shobpa_decision: Some(entered + chrono::Days::new(60)),
            placement_order: Some(entered + chrono::Days::new(120)),
            matched: Some(placed - chrono::Days::new(20)),
            placed: Some(placed),
            adoption_order: Some(order),
            ..ChildRecord::new(id, entered)
        }
    }

    /// One adoption in each of 2012-13, 2013-14 and 2014-15, seen from 30/06/2015.
    fn three_years() -> Forecast {
        let children = [
            // 01/01/2011 -> 01/11/2011: 304 days.
            adopted("K1", d(2011, 1, 1), d(2011, 11, 1), d(2012, 6, 1)),
            // 01/01/2012 -> 01/12/2012: 335 days (2012 is a leap year).
            adopted("K2", d(2012, 1, 1), d(2012, 12, 1), d(2013, 6, 1)),
            // 01/01/2013 -> 01/11/2013: 304 days.
            adopted("K3", d(2013, 1, 1), d(2013, 11, 1), d(2014, 6, 1)),
        ];
        forecast(&ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: d(2015, 6, 30),
            thresholds: &ThresholdSchedule::default(),
            scenario: &Scenario::default(),
            target: None,
            every_child: false,
        })
    }

    #[test]
    fn the_trajectory_starts_at_the_first_whole_three_year_period() {
        let t = trajectory(&three_years(), Indicator::A1, None, None);
        let labels: Vec<&str> = t.periods.iter().map(|p| p.label.as_str()).collect();
        // 2010-13 and 2011-14 would be averages of one and two years: not drawn. The forecast
        // runs to the period ending two years after this one, 2015-18.
        assert_eq!(labels, ["2012-15", "2013-16", "2014-17", "2015-18"]);
        // 2012-15: (304 + 335 + 304) / 3 = 314.33 days, all adopted, against 497.
        let first = &t.periods[0];
        assert!((first.rolling.unwrap() - 943.0 / 3.0).abs() < 1e-9);
        assert!(!first.projected);
        assert_eq!(first.threshold, Some(497.0));
        // 2013-16 is still open: it shows the further adoption the scenario expects (the mean
        // of the complete years, 1) at the last complete year's pace (304), so it is projected:
        // (335 + 304 + 304) / 3 = 314.33, against 426.
        let second = &t.periods[1];
        assert!(second.projected);
        assert!((second.rolling.unwrap() - 943.0 / 3.0).abs() < 1e-9);
        assert_eq!(second.threshold, Some(426.0));
        // 2014-17: K3 (304) and one expected adoption in each of 2015-16 and 2016-17 at 304.
        assert_eq!(t.periods[2].rolling, Some(304.0));
        assert!(t.periods[2].projected);
        assert_eq!(t.unit, "days");
    }

    #[test]
    fn the_band_is_drawn_only_where_the_figure_is_projected() {
        let bands: Bands = [
            (RollingPeriod::ending_march(2015), (300.0, 330.0)),
            (RollingPeriod::ending_march(2016), (305.0, 325.0)),
        ]
        .into_iter()
        .collect();
        let t = trajectory(&three_years(), Indicator::A1, Some(&bands), None);
        assert_eq!(t.periods[0].band, None);
        assert_eq!(t.periods[1].band, Some((305.0, 325.0)));
    }

    #[test]
    fn fractional_years_place_dates_on_the_timeline_axis() {
        assert_eq!(fractional_year(d(2015, 1, 1)), 2015.0);
        // 1 July 2016 is day 182 (0-based) of a 366-day year.
        assert!((fractional_year(d(2016, 7, 1)) - (2016.0 + 182.0 / 366.0)).abs() < 1e-12);
    }
}
