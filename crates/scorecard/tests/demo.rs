//! The demonstration dataset matches the Sheffield City Council scrutiny report's (2015) figures. The indicators are computed here by
//! straightforward code following DOMAIN.md's definitions, independently of the engine.

use chrono::NaiveDate;
use scorecard::demo::{demo_as_of, demo_dataset};
use scorecard::{validate, ChildRecord, FinancialYear};

fn days(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The financial year of a date, counted by hand: January to March belong to the year that
/// began the April before.
fn year_of(date: NaiveDate) -> i32 {
    let (y, m) = (
        date.format("%Y").to_string().parse::<i32>().unwrap(),
        date.format("%m").to_string().parse::<u32>().unwrap(),
    );
    if m >= 4 {
        y
    } else {
        y - 1
    }
}

fn adopted_in(children: &[ChildRecord], year: i32) -> Vec<&ChildRecord> {
    children
        .iter()
        .filter(|c| c.adoption_order.is_some_and(|d| year_of(d) == year))
        .collect()
}

fn a1(c: &ChildRecord) -> f64 {
    days(c.entered_care, c.placed.unwrap())
}

fn a2(c: &ChildRecord) -> f64 {
    days(c.placement_order.unwrap(), c.matched.unwrap()).max(0.0)
}

#[test]
fn the_demo_is_seen_from_30_june_2015_and_validates_without_any_problem() {
    let demo = demo_dataset();
    assert_eq!(demo.as_of, NaiveDate::from_ymd_opt(2015, 6, 30).unwrap());
    assert_eq!(demo_as_of(), demo.as_of);
    let problems = validate(&demo.children, &demo.aggregates);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(demo.authority.to_lowercase().contains("synthetic"));
}

#[test]
fn the_demo_is_the_same_every_time_with_demo_case_references() {
    let (a, b) = (demo_dataset(), demo_dataset());
    assert_eq!(a, b);
    assert_eq!(a.children[0].child_id, "DEMO-001");
    assert!(a.children.iter().all(|c| c.child_id.starts_with("DEMO-")));
}

#[test]
fn no_actual_date_is_after_the_as_of_date() {
    let demo = demo_dataset();
    for c in &demo.children {
        for date in [
            Some(c.entered_care),
            c.shobpa_decision,
            c.placement_order,
            c.matched,
            c.placed,
            c.foster_placement_start,
            c.adoption_order,
            c.left_route,
        ]
        .into_iter()
        .flatten()
        {
            assert!(date <= demo.as_of, "{} has {date}", c.child_id);
        }
    }
}

#[test]
fn the_last_complete_year_has_45_adoptions_at_535_days_of_a1_and_293_of_a2() {
    let demo = demo_dataset();
    let year = adopted_in(&demo.children, 2014);
    assert_eq!(year.len(), 45);
    let a1_mean = mean(&year.iter().map(|c| a1(c)).collect::<Vec<_>>());
    let a2_mean = mean(&year.iter().map(|c| a2(c)).collect::<Vec<_>>());
    // Sheffield City Council scrutiny report (2015), §3.5: 535 days; §3.10: 293 days.
    assert!((a1_mean - 535.0).abs() <= 3.0, "A1 {a1_mean}");
    assert!((a2_mean - 293.0).abs() <= 3.0, "A2 {a2_mean}");
}

#[test]
fn about_45_adoptions_a_year() {
    let demo = demo_dataset();
    // Sheffield City Council scrutiny report (2015), §7.2: between 40 and 50 children are adopted each year.
    for year in [2013, 2014] {
        let n = adopted_in(&demo.children, year).len();
        assert!((40..=50).contains(&n), "{year}: {n}");
    }
    for a in &demo.aggregates {
        assert!((35..=50).contains(&a.adopted), "{:?}", a.year);
    }
}

#[test]
fn twenty_two_children_are_placed_without_an_order_at_about_567_days_of_a2() {
    let demo = demo_dataset();
    let waiting: Vec<&ChildRecord> = demo
        .children
        .iter()
        .filter(|c| c.placed.is_some() && c.adoption_order.is_none() && c.left_route.is_none())
        .collect();
    assert_eq!(waiting.len(), 22);
    let values: Vec<f64> = waiting.iter().map(|c| a2(c)).collect();
    // Sheffield City Council scrutiny report (2015), §3.11: their A2 averages 567 days, far
    // above the 293 of 2014-15.
    assert!((mean(&values) - 567.0).abs() <= 3.0, "{}", mean(&values));
}

#[test]
fn the_published_three_year_averages_are_reproduced() {
    let demo = demo_dataset();
    // Child-weighted three-year mean: sum of days over all children of the three years.
    let rolling = |first: i32, a2_indicator: bool| -> f64 {
        let (mut total, mut count) = (0.0, 0.0);
        for year in first..first + 3 {
            if let Some(a) = demo
                .aggregates
                .iter()
                .find(|a| a.year == FinancialYear(year))
            {
                if a2_indicator {
                    total += a.a2_average_days.unwrap() * a.a2_children as f64;
                    count += a.a2_children as f64;
                } else {
                    total += a.a1_average_days * a.adopted as f64;
                    count += a.adopted as f64;
                }
            } else {
                for c in adopted_in(&demo.children, year) {
                    total += if a2_indicator { a2(c) } else { a1(c) };
                    count += 1.0;
                }
            }
        }
        total / count
    };
    // The Sheffield City Council scrutiny report (2015) appendices 1 and 2, the Sheffield rows for March 2013, 2014 and 2015.
    for (first, published_a1, published_a2) in [
        (2010, 596.0, 268.0),
        (2011, 593.0, 271.0),
        (2012, 565.0, 264.0),
    ] {
        // Within a few days: the demonstration is a realisation of a forward process, not
        // figures written in.
        let (got_a1, got_a2) = (rolling(first, false), rolling(first, true));
        assert!((got_a1 - published_a1).abs() <= 3.0, "{first}: A1 {got_a1}");
        assert!((got_a2 - published_a2).abs() <= 3.0, "{first}: A2 {got_a2}");
    }
}

#[test]
fn children_wait_at_every_stage_and_a_few_left_the_route() {
    let demo = demo_dataset();
    let pipeline: Vec<&ChildRecord> = demo
        .children
        .iter()
        .filter(|c| c.adoption_order.is_none() && c.left_route.is_none())
        .collect();
    let count = |test: &dyn Fn(&ChildRecord) -> bool| pipeline.iter().filter(|c| test(c)).count();
    assert!(
        count(&|c| c.shobpa_decision.is_none()) >= 3,
        "awaiting a decision"
    );
    assert!(count(&|c| c.shobpa_decision.is_some() && c.placement_order.is_none()) >= 3);
    assert!(count(&|c| c.placement_order.is_some() && c.matched.is_none()) >= 5);
    assert!(count(&|c| c.matched.is_some() && c.placed.is_none()) >= 2);
    let left = demo
        .children
        .iter()
        .filter(|c| c.left_route.is_some())
        .count();
    assert!((2..=8).contains(&left), "{left}");
    // Some foster-carer adoptions, each with the date the foster placement began.
    let by_carers: Vec<_> = demo
        .children
        .iter()
        .filter(|c| c.foster_carer_adoption)
        .collect();
    assert!(!by_carers.is_empty());
    assert!(by_carers.iter().all(|c| c.foster_placement_start.is_some()));
}

#[test]
fn the_demonstration_has_no_actual_date_after_its_as_of_date() {
    let demo = scorecard::demo_dataset();
    let problems = scorecard::validate_at(&demo.children, &demo.aggregates, demo.as_of);
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
}

/// How often the demonstration's actual figures fall inside the backtest's 10-90% bands
/// (reported, not asserted to a number: the demonstration is one made-up authority).
#[test]
fn the_demonstration_backtest_judges_its_past_forecasts() {
    let demo = scorecard::demo_dataset();
    let thresholds = scorecard::ThresholdSchedule::default();
    let scenario = scorecard::Scenario::default();
    let input = scorecard::ForecastInput {
        children: &demo.children,
        aggregates: &demo.aggregates,
        as_of: demo.as_of,
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    };
    let rows = scorecard::backtest(
        &input,
        scorecard::SimulationSettings {
            runs: 2000,
            seed: 2014,
        },
    );
    let c = scorecard::coverage(&rows);
    eprintln!("{}", scorecard::backtest_csv(&rows));
    eprintln!(
        "demonstration backtest: {} of {} actual figures inside the band ({:.0}% to {:.0}%), tenths {:?}",
        c.inside,
        c.judged,
        c.low * 100.0,
        c.high * 100.0,
        scorecard::tenths(&rows)
    );
    assert!(c.judged > 0, "the demonstration has past years to judge");
}

#[test]
fn the_demonstrations_tracking_dates_are_in_order_and_some_are_overdue() {
    let demo = scorecard::demo_dataset();
    let out_of_order: Vec<_> = scorecard::validate(&demo.children, &demo.aggregates)
        .into_iter()
        .filter(|p| {
            p.field
                .as_deref()
                .is_some_and(|f| scorecard::Field::TRACKING.iter().any(|t| t.column() == f))
        })
        .collect();
    assert!(out_of_order.is_empty(), "{out_of_order:?}");
    let dates = scorecard::timescales::milestone_dates(
        &demo.children,
        &scorecard::timescales::default_rules(),
        &scorecard::ThresholdSchedule::default(),
        demo.as_of,
        &scorecard::workdays::shipped_bank_holidays(),
    );
    let status = |s| dates.iter().filter(|m| m.status == s).count();
    use scorecard::timescales::MilestoneStatus::*;
    assert!(
        status(Overdue) > 0 && status(Done) > 0 && status(DoneLate) > 0,
        "{dates:?}"
    );
}
