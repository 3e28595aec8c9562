//! "How good is this forecast?": forecasts made as of past 31 Marches with only what was known
//! then, beside what happened.

mod common;
use common::*;
use scorecard::{
    as_known_on, backtest, backtest_csv, coverage, BacktestSpan, ChildRecord, FinancialYear,
    Indicator, SimulationSettings,
};

/// A: in care 01/01/2012, moved in 26/11/2012 (330 days), adopted 01/06/2013 (2013-14).
/// B: in care 01/01/2013, moved in 01/12/2013 (334 days), adopted 01/06/2014 (2014-15).
/// Everything as of 30/06/2015; spread 0, so each past forecast is the projection itself.
fn history() -> Data {
    let mut a = ChildRecord::new("A", d(2012, 1, 1));
    a.shobpa_decision = Some(d(2012, 3, 1));
    a.placement_order = Some(d(2012, 5, 1));
    a.matched = Some(d(2012, 10, 1));
    a.placed = Some(d(2012, 11, 26));
    a.adoption_order = Some(d(2013, 6, 1));
    let mut b = ChildRecord::new("B", d(2013, 1, 1));
    b.shobpa_decision = Some(d(2013, 3, 1));
    b.placement_order = Some(d(2013, 5, 1));
    b.matched = Some(d(2013, 10, 1));
    b.placed = Some(d(2013, 12, 1));
    b.adoption_order = Some(d(2014, 6, 1));
    let mut data = Data::new(vec![a, b], d(2015, 6, 30));
    data.scenario.spread_percent = Some(0.0);
    data
}

#[test]
fn a_record_as_known_on_a_day_hides_what_came_later() {
    let b = &history().children[1];
    let then = as_known_on(b, d(2013, 3, 31)).unwrap();
    assert_eq!(then.shobpa_decision, Some(d(2013, 3, 1)));
    assert_eq!(
        (then.placement_order, then.placed, then.adoption_order),
        (None, None, None)
    );
    assert_eq!(as_known_on(b, d(2012, 12, 31)), None, "not in care yet");
}

#[test]
fn each_past_31_march_is_forecast_and_compared_with_what_happened() {
    let data = history();
    let rows = backtest(&data.input(), SimulationSettings { runs: 20, seed: 1 });
    // The data starts in 2011-12; the years after 31/03/2012, 2013 and 2014 are over by
    // 30/06/2015: three forecasts, each of a year and a period, for A1, A10 and A2.
    assert_eq!(rows.len(), 3 * 2 * 3);
    let row = |as_of, span, ind| {
        *rows
            .iter()
            .find(|r| r.as_of == as_of && r.span == span && r.indicator == ind)
            .unwrap()
    };
    // As of 31/03/2014 B had moved in (334 days) and waited for its order: the forecast for
    // 2014-15 is 334 days, and 334 is what happened.
    let y = row(
        d(2014, 3, 31),
        BacktestSpan::Year(FinancialYear(2014)),
        Indicator::A1,
    );
    assert_eq!(
        (y.p10, y.p50, y.p90, y.actual),
        (Some(334.0), Some(334.0), Some(334.0), Some(334.0))
    );
    assert_eq!(y.inside_band(), Some(true));
    // As of 31/03/2013 A waited for its order: 2013-14 at 330 days, as happened.
    let y = row(
        d(2013, 3, 31),
        BacktestSpan::Year(FinancialYear(2013)),
        Indicator::A1,
    );
    assert_eq!((y.p50, y.actual), (Some(330.0), Some(330.0)));
    // 2012-15 has no data for 2012-13: its actual figure is partial, so nothing to judge.
    let p = row(
        d(2014, 3, 31),
        BacktestSpan::Period(scorecard::RollingPeriod::ending_march(2015)),
        Indicator::A1,
    );
    assert_eq!((p.actual, p.inside_band()), (None, None));
    // Nobody was adopted in 2012-13: no actual for the first forecast either.
    let y = row(
        d(2012, 3, 31),
        BacktestSpan::Year(FinancialYear(2012)),
        Indicator::A1,
    );
    assert_eq!(y.actual, None);
    // Judged rows: the two years, for A1, A10 (= A1 here) and A2; all inside.
    assert_eq!(coverage(&rows), (6, 6));
    let csv = backtest_csv(&rows);
    assert!(csv.starts_with("as_of,period,indicator,p10,p50,p90,actual,inside_band\n"));
    assert!(
        csv.contains("\n2014-03-31,2014-15,A1,334.0,334.0,334.0,334.0,yes\n"),
        "{csv}"
    );
    // The 2012-15 band is A and B, (330 + 334) / 2 = 332; there is no actual to judge it by.
    assert!(
        csv.contains("\n2014-03-31,2012-15,A1,332.0,332.0,332.0,,\n"),
        "{csv}"
    );
}
