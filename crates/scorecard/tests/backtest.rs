//! "How good is this forecast?": the baseline forecast made again as of every past quarter end
//! with only what was known then, beside what happened.

mod common;
use common::*;
use scorecard::{
    as_known_on, backtest, backtest_csv, coverage, tenths, BacktestRow, ChildRecord, Horizon,
    Indicator, RollingPeriod, SimulationSettings, StageDuration,
};

/// Z: in care 01/01/2010, moved in 01/11/2010, adopted 01/06/2011 (2011-12): the records
/// begin with 2011-12.
/// A: in care 01/01/2012, moved in 26/11/2012, adopted 01/06/2013 (2013-14).
/// B: in care 01/01/2013, moved in 01/12/2013, adopted 01/06/2014 (2014-15).
/// C: in care 01/06/2013; its route began with the SHOBPA decision of 01/02/2014; still
/// waiting for a placement order on 30/06/2015, the as-of date.
fn history() -> Data {
    let mut z = ChildRecord::new("Z", d(2010, 1, 1));
    z.shobpa_decision = Some(d(2010, 3, 1));
    z.placement_order = Some(d(2010, 5, 1));
    z.matched = Some(d(2010, 10, 1));
    z.placed = Some(d(2010, 11, 1));
    z.adoption_order = Some(d(2011, 6, 1));
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
    let mut c = ChildRecord::new("C", d(2013, 6, 1));
    c.shobpa_decision = Some(d(2014, 2, 1));
    Data::new(vec![z, a, b, c], d(2015, 6, 30))
}

const SETTINGS: SimulationSettings = SimulationSettings { runs: 50, seed: 1 };

#[test]
fn a_record_as_known_on_a_day_hides_what_came_later() {
    let b = &history().children[2];
    let then = as_known_on(b, d(2013, 3, 31)).unwrap();
    assert_eq!(then.shobpa_decision, Some(d(2013, 3, 1)));
    assert_eq!(
        (then.placement_order, then.placed, then.adoption_order),
        (None, None, None)
    );
    assert_eq!(as_known_on(b, d(2012, 12, 31)), None, "not in care yet");
}

#[test]
fn a_child_whose_route_had_not_started_is_not_in_a_past_forecast() {
    let c = &history().children[3];
    // In care since 01/06/2013, but no decision, order or adoption plan until 01/02/2014.
    assert_eq!(as_known_on(c, d(2013, 12, 31)), None);
    assert!(as_known_on(c, d(2014, 3, 31)).is_some());
    // An adoption plan recorded at the tracking meeting starts the route too.
    let mut planned = c.clone();
    planned.tracking.plan_adoption = Some(d(2013, 11, 1));
    assert!(as_known_on(&planned, d(2013, 12, 31)).is_some());

    // The forecasts made before 01/02/2014 are the same with C or without it; the ones after
    // know C (it waits in the pipeline, pushing the figures it may join).
    let with = backtest(&history().input(), SETTINGS);
    let mut without = history();
    without.children.truncate(3);
    let without = backtest(&without.input(), SETTINGS);
    let before = |rows: &[BacktestRow]| -> Vec<BacktestRow> {
        rows.iter()
            .filter(|r| r.as_of < d(2014, 2, 1))
            .copied()
            .collect()
    };
    assert_eq!(before(&with), before(&without));
    assert!(!before(&with).is_empty());
}

#[test]
fn every_past_quarter_end_is_forecast_at_both_horizons_without_the_scenario() {
    let mut data = history();
    // A what-if must not reach a past forecast.
    data.scenario.stages.insert(
        scorecard::Stage::PlacedToAdoptionOrder,
        StageDuration::Days(1),
    );
    data.scenario.spread_percent = Some(0.0);
    let rows = backtest(&data.input(), SETTINGS);
    assert_eq!(rows, backtest(&history().input(), SETTINGS));
    // The records begin with 2011-12 (Z), so the first forecast is a year on, as of
    // 31/03/2012; the last whose next March (31/03/2015) is over by 30/06/2015 is as of
    // 31/12/2014: twelve quarter ends. The March after is over for the eight made by
    // 31/12/2013. Each for A1, A10 and A2: (12 + 8) x 3 = 60 rows.
    let origins: Vec<_> = rows.iter().map(|r| r.as_of).collect();
    assert_eq!(rows.len(), 60);
    assert_eq!(origins.first(), Some(&d(2012, 3, 31)));
    assert_eq!(origins.last(), Some(&d(2014, 12, 31)));
    for quarter_end in [
        d(2013, 6, 30),
        d(2013, 9, 30),
        d(2013, 12, 31),
        d(2014, 3, 31),
    ] {
        assert!(origins.contains(&quarter_end), "{quarter_end}");
    }
    let at = |as_of, horizon| -> Vec<&BacktestRow> {
        rows.iter()
            .filter(|r| r.as_of == as_of && r.horizon == horizon)
            .collect()
    };
    // As of 30/09/2013: next March is 2011-14, the March after 2012-15.
    assert_eq!(
        at(d(2013, 9, 30), Horizon::NextMarch)[0].period,
        RollingPeriod::ending_march(2014)
    );
    assert_eq!(
        at(d(2013, 9, 30), Horizon::MarchAfter)[0].period,
        RollingPeriod::ending_march(2015)
    );
    assert!(at(d(2014, 9, 30), Horizon::MarchAfter).is_empty());
    // Nobody was adopted in 2012-13, so every period judged (2010-13 to 2012-15) is partial:
    // no actual figure to judge by.
    assert!(rows.iter().all(|r| r.actual.is_none()));
    assert_eq!(coverage(&rows).judged, 0);
}

fn row(indicator: Indicator, actual: f64, share: f64) -> BacktestRow {
    BacktestRow {
        as_of: d(2014, 3, 31),
        horizon: Horizon::NextMarch,
        period: RollingPeriod::ending_march(2015),
        indicator,
        p10: Some(500.0),
        p50: Some(550.0),
        p90: Some(600.0),
        actual: Some(actual),
        share_below: Some(share),
        counted: true,
    }
}

#[test]
fn coverage_counts_each_piece_of_evidence_once_with_a_binomial_interval() {
    // 13 of 16 inside: 81%, and by the Wilson score interval at 95%
    // ((p + z²/2n) ± z √(p(1-p)/n + z²/4n²)) / (1 + z²/n) with p = 13/16, z = 1.96:
    // 57.0% to 93.4%.
    let mut rows: Vec<BacktestRow> = (0..13)
        .map(|_| row(Indicator::A1, 550.0, 0.5))
        .chain((0..3).map(|_| row(Indicator::A1, 650.0, 0.97)))
        .collect();
    // A repeated row (A10 equal to A1) is not evidence of its own.
    rows.push(BacktestRow {
        counted: false,
        ..row(Indicator::A10, 650.0, 0.97)
    });
    let c = coverage(&rows);
    assert_eq!((c.inside, c.judged), (13, 16));
    assert!(
        (c.low - 0.5699).abs() < 1e-4 && (c.high - 0.9341).abs() < 1e-4,
        "{c:?}"
    );
    // Where the actual figures fell: thirteen in the middle tenth, three in the top one.
    let mut expected = [0; 10];
    expected[5] = 13;
    expected[9] = 3;
    assert_eq!(tenths(&rows), expected);
}

#[test]
fn the_file_lists_every_row_with_its_horizon_and_whether_it_counts() {
    let csv = backtest_csv(&[
        row(Indicator::A1, 426.5, 0.0625),
        BacktestRow {
            counted: false,
            ..row(Indicator::A10, 426.5, 0.0625)
        },
    ]);
    // 426.5 days is written 426.5; a share of 1/16 is 0.063, halves away from zero.
    assert_eq!(
        csv,
        "as_of,period,indicator,p10,p50,p90,actual,inside_band,horizon,share_below,counted\n\
         2014-03-31,2012-15,A1,500.0,550.0,600.0,426.5,no,next_march,0.063,yes\n\
         2014-03-31,2012-15,A10,500.0,550.0,600.0,426.5,no,next_march,0.063,no\n"
    );
}
