//! Action plans from the figures: a red figure gives a performance action plan whose
//! performance, target and gap are the forecast's own, worked by hand.

use adoption_forecast::plans::model::PlanOf;
use adoption_forecast::plans::red::{movers, red_figures, start_plan};
use chrono::{Duration, NaiveDate};
use scorecard::{
    forecast, ChildRecord, ForecastInput, Indicator, PaceTarget, RollingPeriod, Scenario,
    ThresholdSchedule,
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
    // Without a required pace (as for a single year's percentage) the plan says so.
    let plan = start_plan(a1, &f, None, PlanOf::Authority(0), None);
    assert_eq!(plan.title, "Performance action plan: A1 2013-16");
    // In a workspace of several authorities the title names whose figure it is.
    let theirs = start_plan(a1, &f, None, PlanOf::Authority(2), Some("Southshire"));
    assert_eq!(
        theirs.title,
        "Performance action plan: Southshire's A1 2013-16"
    );
    assert_eq!(theirs.of, PlanOf::Authority(2));
    let agency = start_plan(a1, &f, None, PlanOf::Agency, Some("All authorities"));
    assert_eq!(
        agency.title,
        "Performance action plan: All authorities' A1 2013-16"
    );
    let perf = plan.performance.unwrap();
    assert_eq!(
        (perf.performance, perf.target, perf.period.as_str()),
        (500.0, 426.0, "2013-16")
    );
    assert_eq!(perf.gap_text(), "500 days + / - Threshold: +74 days");
    assert!(perf
        .indicator_title
        .starts_with("A1: days from entering care"));
    assert_eq!(
        perf.required_pace,
        "Not worked out for a single year's percentage."
    );
    assert_eq!(perf.as_of, Some(d(2016, 1, 15)));
    assert_eq!(perf.counted, Some(scorecard::FiguresBasis::WithExpected));
    assert!(!perf.met_by(500.0) && perf.met_by(426.0));
}

/// The three adopted children above (A2 280 days each: placement order 200 days after entering
/// care, match 480 days after), and three in the pipeline as of 15/01/2016, each expected to
/// be adopted by March 2016: M1 matched on 01/09/2015 (its A2 is fixed), U1 and U2 not yet
/// matched.
fn with_pipeline() -> Vec<ChildRecord> {
    let mut all = children();
    for (id, order, matched) in [
        ("M1", d(2015, 3, 1), Some(d(2015, 9, 1))),
        ("U1", d(2015, 6, 1), None),
        ("U2", d(2015, 10, 1), None),
    ] {
        let mut c = ChildRecord::new(id, d(2014, 9, 1));
        c.shobpa_decision = Some(d(2014, 12, 1));
        c.placement_order = Some(order);
        c.matched = matched;
        if matched.is_none() {
            c.expected_match = Some(d(2016, 1, 25));
        }
        c.expected_placed = Some(d(2016, 2, 1));
        c.expected_adoption_order = Some(d(2016, 3, 20));
        all.push(c);
    }
    all
}

#[test]
fn the_children_still_able_to_move_a2_are_those_not_yet_matched() {
    let children = with_pipeline();
    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    let ask = |indicator: Indicator, value: f64| {
        forecast(&ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: d(2016, 1, 15),
            thresholds: &thresholds,
            scenario: &scenario,
            target: Some(PaceTarget {
                indicator,
                value,
                period: RollingPeriod::ending_march(2016),
            }),
            every_child: false,
        })
    };
    let period = Some(RollingPeriod::ending_march(2016));
    let a2 = ask(Indicator::A2, 121.0);
    let listed = movers(&a2, Indicator::A2, period, a2.pace.as_ref());
    let names: Vec<&str> = listed
        .iter()
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, ["U1", "U2"], "{listed:?}");
    // U1: placement order 01/06/2015 to 15/01/2016 = 228 days so far.
    let u1 = listed.iter().find(|l| l.starts_with("U1")).unwrap();
    assert!(
        u1.starts_with("U1: 228 days so far from the placement order, to be matched "),
        "{u1}"
    );
    // For A1 the matched child still moves the figure until it moves in.
    let a1 = ask(Indicator::A1, 426.0);
    let listed = movers(&a1, Indicator::A1, period, a1.pace.as_ref());
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(listed.iter().any(|l| l.starts_with("M1: ")));
}
