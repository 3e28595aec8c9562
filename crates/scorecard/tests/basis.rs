//! One basis for every figure: with the further adoptions the scenario expects, or from the
//! children in the data alone. The forecast, its required pace and the impact of a delay all
//! follow the basis they are asked for; values worked out by hand in the comments.

mod common;
use common::*;
use scorecard::{
    delay_impact, delay_impact_on, forecast, forecast_on, ChildRecord, Delayed, FiguresBasis,
    FinancialYear, Indicator, PaceTarget, RollingPeriod, WaitingOutcome,
};

fn period(text: &str) -> RollingPeriod {
    RollingPeriod::parse(text).unwrap()
}

/// 30 children adopted in 2014-15 at 535 days of A1; W1 (in care since 01/04/2014) and W2
/// (since 01/01/2015), both matched, expected to move in on 01/09/2015 and be adopted on
/// 04/01/2016; 20 adoptions expected in each of 2015-16 and 2016-17; as of 01/04/2015; target
/// A1 426 for 2014-17.
fn pipeline() -> Data {
    let mut children: Vec<ChildRecord> = (0..30)
        .map(|i| with_days(&format!("C{i}"), 535, 10, d(2014, 10, 1)))
        .collect();
    for (id, entered, decision, order, matched) in [
        (
            "W1",
            d(2014, 4, 1),
            d(2014, 6, 1),
            d(2014, 9, 1),
            d(2015, 3, 1),
        ),
        (
            "W2",
            d(2015, 1, 1),
            d(2015, 1, 15),
            d(2015, 2, 1),
            d(2015, 3, 15),
        ),
    ] {
        let mut c = ChildRecord::new(id, entered);
        c.shobpa_decision = Some(decision);
        c.placement_order = Some(order);
        c.matched = Some(matched);
        c.expected_placed = Some(d(2015, 9, 1));
        c.expected_adoption_order = Some(d(2016, 1, 4));
        children.push(c);
    }
    let mut data = Data::new(children, d(2015, 4, 1));
    for y in [2015, 2016] {
        data.scenario
            .expected_adoptions
            .insert(FinancialYear(y), 20);
    }
    data.target = Some(PaceTarget {
        indicator: Indicator::A1,
        value: 426.0,
        period: period("2014-17"),
    });
    data
}

#[test]
fn the_forecast_with_the_expected_adoptions_is_the_default() {
    let data = pipeline();
    let with = forecast_on(&data.input(), FiguresBasis::WithExpected);
    assert_eq!(with, forecast(&data.input()));
    // 2015-16 expects 20, of which W1 and W2 are 2: 18 further; 2016-17 20 further.
    assert_eq!(with.expected_not_in_data(period("2014-17")), 38);
    let on_basis = with.period_on_basis(period("2014-17")).unwrap();
    assert_eq!(Some(on_basis), with.period_assumed(period("2014-17")));
    assert_eq!(with.pace.as_ref().unwrap().waiting.unknown_adoptions, 38);
}

#[test]
fn without_the_expected_adoptions_every_figure_and_the_pace_count_the_data_alone() {
    let data = pipeline();
    let f = forecast_on(&data.input(), FiguresBasis::DataOnly);
    assert_eq!(f.basis, FiguresBasis::DataOnly);
    assert!(f.rolling_assumed.is_empty() && f.years_assumed.is_empty());
    assert_eq!(f.expected_not_in_data(period("2014-17")), 0);
    // The scenario's expectation is still reported, for the assumptions.
    assert_eq!(f.expected[0].expected, 20);
    // W1: 01/04/2014 to 01/09/2015 = 365 + 153 = 518 days; W2: 01/01/2015 to 01/09/2015 =
    // 243 days. 2014-17 from the data: (30 x 535 + 518 + 243) / 32 = 16811 / 32 = 525.3,
    // over 2 of its 3 years (2016-17 holds no child in the data).
    let a1 = *f
        .period_on_basis(period("2014-17"))
        .unwrap()
        .figure(Indicator::A1);
    assert!((a1.value.unwrap() - 16811.0 / 32.0).abs() < 1e-9, "{a1:?}");
    // The pace is asked of W1 and W2 alone, who have waited 365 and 90 days: 426.5 x 32 =
    // 13648 is under the 16050 already fixed, so it cannot be met; the best is placing both
    // today: (16050 + 365 + 90) / 32 = 515.8 days.
    let pace = f.pace.as_ref().unwrap();
    assert_eq!(pace.waiting.unknown_adoptions, 0);
    assert_eq!(pace.waiting.open_children(), 2);
    match pace.waiting.outcome {
        WaitingOutcome::NotPossible { best_average } => {
            assert!(
                (best_average - 16505.0 / 32.0).abs() < 1e-9,
                "{best_average}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(f
        .answers
        .iter()
        .all(|a| a.waiting.unknown_adoptions == 0 && a.unknown_adoptions == 0));
}

/// A adopted 2015-16 at 100 days, B adopted 2014-15 at 300 days, and P placed on 01/11/2015
/// (A1 304) with an adoption order expected on 20/03/2016, as of 01/01/2016; the scenario
/// expects 4 adoptions in 2015-16, 2 in 2016-17 and 2 in 2017-18, the further ones at 200
/// days of A1.
fn delayed() -> Data {
    let mut p = ChildRecord::new("P", d(2015, 1, 1));
    p.shobpa_decision = Some(d(2015, 3, 1));
    p.placement_order = Some(d(2015, 5, 1));
    p.matched = Some(d(2015, 9, 1));
    p.placed = Some(d(2015, 11, 1));
    p.expected_adoption_order = Some(d(2016, 3, 20));
    let mut data = Data::new(
        vec![
            with_days("A", 100, 10, d(2015, 6, 1)),
            with_days("B", 300, 10, d(2014, 6, 1)),
            p,
        ],
        d(2016, 1, 1),
    );
    for (y, n) in [(2015, 4), (2016, 2), (2017, 2)] {
        data.scenario.expected_adoptions.insert(FinancialYear(y), n);
    }
    data.scenario.assumed_pace.a1_days = Some(200.0);
    data
}

fn a1(impact: &scorecard::DelayImpact, text: &str) -> (Option<f64>, Option<f64>) {
    let c = impact
        .periods
        .iter()
        .find(|c| c.period == period(text) && c.before.indicator == Indicator::A1)
        .unwrap();
    (c.before.value, c.after.value)
}

#[test]
fn with_the_expected_adoptions_a_delayed_child_leaves_its_place_to_an_expected_one() {
    let data = delayed();
    // 30 days: P's order moves from 20/03/2016 to 19/04/2016, out of 2015-16 into 2016-17.
    let impact = delay_impact_on(
        &data.input(),
        Delayed::Child(2),
        30,
        FiguresBasis::WithExpected,
    );
    // Before: 2015-16 holds A and P, so 2 further adoptions at 200; after, A alone and 3.
    // 2013-16: (300 + 100 + 304 + 2 x 200) / 5 = 220.8, then (300 + 100 + 3 x 200) / 5 = 200.
    let (b, a) = a1(&impact, "2013-16");
    assert!((b.unwrap() - 220.8).abs() < 1e-9, "{b:?}");
    assert!((a.unwrap() - 200.0).abs() < 1e-9, "{a:?}");
    // The figure before the delay is the forecast's own.
    let f = forecast(&data.input());
    let own = f.period_on_basis(period("2013-16")).unwrap();
    assert_eq!(own.figure(Indicator::A1).value, b);
    // 2014-17 keeps every year's total: P and an expected adoption swap years within it,
    // (300 + 100 + 304 + 2 x 200 + 2 x 200) / 7 either way.
    let (b, a) = a1(&impact, "2014-17");
    assert_eq!(b, a);
    assert!((b.unwrap() - 1504.0 / 7.0).abs() < 1e-9, "{b:?}");
    // 2016-19: 2016-17 and 2017-18 held 4 expected adoptions at 200; P takes one's place:
    // (304 + 3 x 200) / 4 = 226.
    let (b, a) = a1(&impact, "2016-19");
    assert_eq!(b, Some(200.0));
    assert!((a.unwrap() - 226.0).abs() < 1e-9, "{a:?}");
}

#[test]
fn from_the_data_alone_the_delay_shows_the_childs_own_effect() {
    let data = delayed();
    let impact = delay_impact_on(&data.input(), Delayed::Child(2), 30, FiguresBasis::DataOnly);
    assert_eq!(impact, delay_impact(&data.input(), Delayed::Child(2), 30));
    // 2013-16 loses P: (300 + 100 + 304) / 3 before, (300 + 100) / 2 = 200 after.
    let (b, a) = a1(&impact, "2013-16");
    assert!((b.unwrap() - 704.0 / 3.0).abs() < 1e-9);
    assert_eq!(a, Some(200.0));
    assert_eq!(a1(&impact, "2016-19"), (None, Some(304.0)));
}
