//! The Monte Carlo: reproducible for a seed, however sliced, and consistent with the
//! deterministic projection when there is no spread.

mod common;
use common::*;
use scorecard::{
    forecast, simulate, ChildRecord, FinancialYear, Indicator, RollingPeriod, Simulation,
    SimulationSettings,
};

/// Six adopted children (enough own history for every stage) and ten pipeline children
/// waiting for a match, as of 1 June 2016.
fn data() -> Data {
    let mut children: Vec<ChildRecord> = (0..6)
        .map(|i| {
            with_days(
                &format!("A{i}"),
                300 + 40 * i,
                50 + 30 * i,
                d(2015, 5, 1 + i as u32),
            )
        })
        .collect();
    for i in 0..10 {
        let mut c = ChildRecord::new(format!("P{i}"), d(2015, 1, 1 + i));
        c.shobpa_decision = Some(d(2015, 6, 1));
        c.placement_order = Some(d(2016, 1, 1 + i));
        children.push(c);
    }
    Data::new(children, d(2016, 6, 1))
}

#[test]
fn the_same_seed_gives_the_same_answer_however_the_runs_are_sliced() {
    let data = data();
    let settings = SimulationSettings { runs: 500, seed: 7 };
    let whole = simulate(&data.input(), settings);
    let mut sliced = Simulation::new(&data.input(), settings);
    assert_eq!(sliced.run_batch(120), 120);
    assert!(!sliced.is_finished());
    sliced.run_batch(1000);
    assert!(sliced.is_finished());
    assert_eq!(sliced.runs_done(), 500);
    assert_eq!(sliced.summary(), whole);
    let other = simulate(&data.input(), SimulationSettings { runs: 500, seed: 8 });
    assert_ne!(other, whole, "another seed draws other durations");
}

/// Forty adopted children, each stage's days varying from child to child (so that every
/// stage has well over ten passages of its own and the runs draw from bootstrap replicates of
/// them), and twenty still in the process at every stage, as of 1 June 2016.
fn authority() -> Data {
    let mut children: Vec<ChildRecord> = (0..40u32)
        .map(|i| {
            let entered = d(2013, 1 + i % 12, 1 + i % 28);
            let decision = entered + chrono::Duration::days(120 + i64::from(i * 7 % 90));
            let order = decision + chrono::Duration::days(60 + i64::from(i * 11 % 70));
            let matched = order + chrono::Duration::days(90 + i64::from(i * 13 % 150));
            let placed = matched + chrono::Duration::days(20 + i64::from(i * 3 % 40));
            let adoption = placed + chrono::Duration::days(150 + i64::from(i * 5 % 120));
            adopted(
                &format!("A{i}"),
                entered,
                decision,
                order,
                matched,
                placed,
                adoption,
            )
        })
        .collect();
    for i in 0..20u32 {
        let mut c = ChildRecord::new(format!("P{i}"), d(2015, 1 + i % 12, 1 + i));
        let decision = c.entered_care + chrono::Duration::days(100);
        let order = decision + chrono::Duration::days(50);
        let matched = order + chrono::Duration::days(80);
        // Each child has reached its own stage by 1 June 2016, or is still before it.
        c.shobpa_decision = Some(decision).filter(|_| i % 4 > 0);
        c.placement_order = Some(order).filter(|_| i % 4 > 1);
        c.matched = Some(matched).filter(|_| i % 4 > 2 && matched < d(2016, 6, 1));
        children.push(c);
    }
    Data::new(children, d(2016, 6, 1))
}

#[test]
fn preparing_a_step_at_a_time_gives_the_same_runs_as_preparing_at_once() {
    let mut data = authority();
    let settings = SimulationSettings {
        runs: 300,
        seed: 11,
    };
    // The authority's own laws (with how its stages move together), then a spread the
    // scenario sets (every stage on its own).
    for spread in [None, Some(20.0)] {
        data.scenario.spread_percent = spread;
        let whole = simulate(&data.input(), settings);
        let mut stepped = Simulation::preparing(&data.input(), settings);
        let mut steps = 1;
        while !stepped.prepare_step() {
            assert!(!stepped.is_prepared());
            steps += 1;
        }
        assert!(stepped.is_prepared());
        // Five laws, how stages move together, the newcomers, the children's standing: and
        // with the authority's own laws, a step for each bootstrap replicate.
        if spread.is_none() {
            assert!(steps > 20, "{steps} steps");
        } else {
            assert_eq!(steps, 7);
        }
        stepped.run_batch(100);
        stepped.run_batch(1000);
        assert_eq!(stepped.summary(), whole, "spread {spread:?}");
        // Runs asked for before the preparation is done finish it first.
        let mut early = Simulation::preparing(&data.input(), settings);
        early.prepare_step();
        early.run_batch(1000);
        assert_eq!(early.summary(), whole, "spread {spread:?}");
    }
}

#[test]
fn percentiles_are_ordered_and_the_band_is_real() {
    let data = data();
    let s = simulate(
        &data.input(),
        SimulationSettings {
            runs: 2000,
            seed: 1,
        },
    );
    let period = RollingPeriod::ending_march(2019);
    let band = s.band(period, Indicator::A1, false).unwrap();
    let (p10, p50, p90) = (band.p10.unwrap(), band.p50.unwrap(), band.p90.unwrap());
    assert!(p10 <= p50 && p50 <= p90);
    assert!(p90 > p10, "durations vary, so the averages do");
    // The ten children have waited about 150 days for a match, longer than the 125-day median
    // of the six adopted children ((110 + 140) / 2): the deterministic projection takes them
    // to be matched today. The runs draw each from the waits longer than 150 days instead, so
    // even the band's low end is later than that.
    let mut fixed = self::data();
    fixed.scenario.spread_percent = Some(0.0);
    let det = forecast(&fixed.input())
        .period(period)
        .unwrap()
        .figure(Indicator::A1)
        .value
        .unwrap();
    assert!(det < p10, "{det} not below {p10}..{p90}");
    // A share of the runs.
    let p = band.probability_met.unwrap();
    assert!((0.0..=1.0).contains(&p));
}

#[test]
fn with_no_spread_every_run_is_the_deterministic_projection() {
    let mut data = data();
    data.scenario.spread_percent = Some(0.0);
    let f = forecast(&data.input());
    let s = simulate(&data.input(), SimulationSettings { runs: 50, seed: 3 });
    for period in f.headline_periods() {
        for indicator in Indicator::DAYS {
            for assumed in [false, true] {
                let det = if assumed {
                    f.period_assumed(period)
                } else {
                    f.period(period)
                }
                .unwrap()
                .figure(indicator)
                .value;
                let band = s.band(period, indicator, assumed).unwrap();
                match det {
                    Some(v) => {
                        // The runs keep averages as f32: agreement to a hundredth of a day.
                        assert!(
                            (band.p10.unwrap() - v).abs() < 0.01,
                            "{period} {indicator} {assumed}"
                        );
                        assert!((band.p90.unwrap() - v).abs() < 0.01);
                    }
                    None => assert_eq!(band.p50, None),
                }
            }
        }
    }
}

#[test]
fn the_probability_of_a_threshold_no_run_can_miss_is_one() {
    let mut data = data();
    data.thresholds
        .entries
        .iter_mut()
        .for_each(|e| e.a1_days = 5000);
    let s = simulate(&data.input(), SimulationSettings { runs: 200, seed: 5 });
    let band = s
        .band(RollingPeriod::ending_march(2018), Indicator::A1, true)
        .unwrap();
    assert_eq!(band.probability_met, Some(1.0));
}

#[test]
fn an_as_of_date_on_31_march_is_handled() {
    // The day closes 2015-16; the runs simulate from 2016-17 on.
    let mut data = data();
    data.as_of = d(2016, 3, 31);
    let s = simulate(&data.input(), SimulationSettings { runs: 20, seed: 2 });
    assert_eq!(s.runs, 20);
    // 2013-16 is complete: only periods ending in 2016-17 or later are simulated.
    assert!(s
        .band(RollingPeriod::ending_march(2016), Indicator::A1, false)
        .is_none());
    assert!(s
        .band(RollingPeriod::ending_march(2017), Indicator::A1, false)
        .is_some());
    assert_eq!(s.year_bands[0].year, FinancialYear(2016));
}

#[test]
fn an_absurd_stage_duration_does_not_break_the_runs() {
    let mut data = data();
    data.scenario.stages.insert(
        scorecard::Stage::PlacementOrderToMatch,
        scorecard::StageDuration::Days(u32::MAX),
    );
    let s = simulate(&data.input(), SimulationSettings { runs: 10, seed: 2 });
    assert_eq!(s.runs, 10);
    let f = forecast(&data.input());
    // The ten children are still listed, but an adoption order thousands of years away
    // counts in no figure.
    assert_eq!(f.pipeline.len(), 10);
    assert!(f.years.iter().all(|y| y.projected == 0));
}

/// As of 31 March 2015, the last day of 2014-15. Six children adopted on 15/01/2015 after
/// 300 days of A1, having moved in 100, 200, ... 600 days before their orders; P moved in on
/// 01/01/2014 after 365 days and still has no order.
fn as_of_31_march() -> Data {
    let order = d(2015, 1, 15);
    let mut children: Vec<ChildRecord> = (1..=6)
        .map(|k| {
            let placed = order - chrono::Duration::days(100 * k);
            let entered = placed - chrono::Duration::days(300);
            adopted(
                &format!("A{k}"),
                entered,
                entered,
                entered,
                placed,
                placed,
                order,
            )
        })
        .collect();
    let mut p = ChildRecord::new("P", d(2013, 1, 1));
    p.shobpa_decision = Some(d(2013, 3, 1));
    p.placement_order = Some(d(2013, 6, 1));
    p.matched = Some(d(2013, 11, 1));
    p.placed = Some(d(2014, 1, 1));
    children.push(p);
    Data::new(children, d(2015, 3, 31))
}

#[test]
fn as_of_31_march_a_child_still_waiting_counts_once_in_the_year_after() {
    let data = as_of_31_march();
    let f = forecast(&data.input());
    // 2014-15 is complete on its last day: P's order, projected at the median 350 days after
    // moving in (17/12/2014, already past), can only come from 01/04/2015, in 2015-16.
    assert_eq!(f.current_year, FinancialYear(2015));
    assert_eq!(f.pipeline[0].projection.year, FinancialYear(2015));
    // So 2012-15 holds the six adopted children only.
    let closed = f.period(RollingPeriod::ending_march(2015)).unwrap();
    assert_eq!(closed.figure(Indicator::A1).children, 6);
    // No run counts P in the closed year. P has waited 454 days for its order, longer than
    // most; a run counts it in 2015-16 ((6 x 300 + 365) / 7 = 2165 / 7 = 309.29 days for
    // 2013-16), or later, or not at all if its placement ends (the six alone: 300 days).
    let summary = simulate(&data.input(), SimulationSettings { runs: 400, seed: 3 });
    let band = summary
        .band(RollingPeriod::ending_march(2016), Indicator::A1, false)
        .unwrap();
    assert!((band.p50.unwrap() - 2165.0 / 7.0).abs() < 0.01, "{band:?}");
    for p in [band.p10, band.p90] {
        let p = p.unwrap();
        assert!(
            (p - 2165.0 / 7.0).abs() < 0.01 || (p - 300.0).abs() < 0.01,
            "{band:?}"
        );
    }
}

#[test]
fn the_own_leaving_rate_counts_children_who_left_among_those_with_an_outcome() {
    // 8 adopted and 2 who left the route: 2 of 10 = 20%. With one fewer adoption there are
    // only 9 outcomes, too few to say.
    let mut children: Vec<ChildRecord> = (0..8)
        .map(|i| with_days(&format!("A{i}"), 300, 50, d(2015, 5, 1)))
        .collect();
    for i in 0..2 {
        let mut c = ChildRecord::new(format!("L{i}"), d(2014, 1, 1));
        c.left_route = Some(d(2014, 6, 1));
        children.push(c);
    }
    children.push(ChildRecord::new("W", d(2015, 1, 1))); // still waiting: no outcome
    assert_eq!(scorecard::own_leaving_rate(&children), Some(0.2));
    children.remove(0);
    assert_eq!(scorecard::own_leaving_rate(&children), None);
}

#[test]
fn children_not_yet_matched_who_leave_are_in_no_figure_of_that_run() {
    // Every one of the ten pipeline children (none matched) leaves: each run holds the six
    // adopted children only, so the data-only 2015-18 figure is their average in every run:
    // 300, 340, ..., 500 days, mean 400.
    let mut data = data();
    data.scenario.left_route_percent = Some(100.0);
    let s = simulate(&data.input(), SimulationSettings { runs: 100, seed: 4 });
    let band = s
        .band(RollingPeriod::ending_march(2018), Indicator::A1, false)
        .unwrap();
    for p in [band.p10, band.p50, band.p90] {
        assert!((p.unwrap() - 400.0).abs() < 0.01, "{band:?}");
    }
    // Nobody leaves at 0%: the ten children are back and the figure moves.
    data.scenario.left_route_percent = Some(0.0);
    let s = simulate(&data.input(), SimulationSettings { runs: 100, seed: 4 });
    let band = s
        .band(RollingPeriod::ending_march(2018), Indicator::A1, false)
        .unwrap();
    assert!(band.p50.unwrap() > 400.5, "{band:?}");
}

#[test]
fn the_number_of_adoptions_a_year_brings_varies_between_runs() {
    // No pipeline: only the six adopted children (mean 400 days of A1) and the further
    // adoptions expected at the last complete year's pace. 2016-17 and 2017-18 each expect
    // 6; their number varies, so the 2015-18 average with them does too.
    let mut data = data();
    data.children.truncate(6);
    data.scenario.assumed_pace.a1_days = Some(100.0);
    let varied = simulate(
        &data.input(),
        SimulationSettings {
            runs: 2000,
            seed: 9,
        },
    );
    let band = varied
        .band(RollingPeriod::ending_march(2018), Indicator::A1, true)
        .unwrap();
    assert!(band.p90.unwrap() - band.p10.unwrap() > 5.0, "{band:?}");
    // With spread 0 every run is the expectation: (6 x 400 + 12 x 100) / 18 = 200 days.
    data.scenario.spread_percent = Some(0.0);
    let fixed = simulate(&data.input(), SimulationSettings { runs: 50, seed: 9 });
    let band = fixed
        .band(RollingPeriod::ending_march(2018), Indicator::A1, true)
        .unwrap();
    assert!((band.p10.unwrap() - 200.0).abs() < 0.01, "{band:?}");
    assert!((band.p90.unwrap() - 200.0).abs() < 0.01, "{band:?}");
}
