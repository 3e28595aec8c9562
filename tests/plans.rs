//! Action plans from the figures: a red figure gives a performance action plan whose
//! performance, target and gap are the forecast's own, worked by hand.

use adoption_forecast::plans::red::{red_figures, start_plan};
use chrono::{Duration, NaiveDate};
use scorecard::{
    forecast, ChildRecord, ForecastInput, Indicator, RollingPeriod, Scenario, ThresholdSchedule,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One child adopted in each of 2013-14, 2014-15 and 2015-16, each after 500 days of A1.
fn children() -> Vec<ChildRecord> {
    [d(2013, 6, 1), d(2014, 6, 1), d(2015, 6, 1)]
        .iter()
        .enumerate()
        .map(|(i, &order)| {
            let placed = order - Duration::days(100);
            let entered = placed - Duration::days(500);
            let mut c = ChildRecord::new(format!("C{i}"), entered);
            c.shobpa_decision = Some(entered + Duration::days(100));
            c.placement_order = Some(entered + Duration::days(200));
            c.matched = Some(placed - Duration::days(20));
            c.placed = Some(placed);
            c.adoption_order = Some(order);
            c
        })
        .collect()
}

#[test]
fn a_red_figure_starts_a_plan_with_the_forecasts_own_figures() {
    let children = children();
    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    let f = forecast(&ForecastInput {
        children: &children,
        aggregates: &[],
        as_of: d(2016, 1, 15),
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    });
    // As of 15/01/2016 the period ending this March is 2013-16: 500 days against 426.
    let red = red_figures(&f);
    let a1 = red
        .iter()
        .find(|r| r.indicator == Indicator::A1 && r.label == "2013-16")
        .expect("A1 2013-16 is red");
    let figure = f
        .period(RollingPeriod::ending_march(2016))
        .unwrap()
        .figure(Indicator::A1);
    assert_eq!((a1.figure, a1.target), (figure.value.unwrap(), 426.0));
    assert_eq!(a1.figure, 500.0);
    let plan = start_plan(a1, &f, "the pace".into());
    assert_eq!(plan.title, "Performance action plan: A1 2013-16");
    let perf = plan.performance.unwrap();
    assert_eq!(
        (perf.performance, perf.target, perf.period.as_str()),
        (500.0, 426.0, "2013-16")
    );
    assert_eq!(perf.gap_text(), "500 days + / - Threshold: +74 days");
    assert!(perf
        .indicator_title
        .starts_with("A1: days from entering care"));
    assert_eq!(perf.required_pace, "the pace");
    assert!(!perf.met_by(500.0) && perf.met_by(426.0));
}
