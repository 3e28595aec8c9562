//! The Monte Carlo: reproducible for a seed, however sliced, and consistent with the
//! deterministic projection when there is no spread.

mod common;
use common::*;
use scorecard::{
    forecast, simulate, ChildRecord, Indicator, RollingPeriod, Simulation, SimulationSettings,
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
    assert!(s
        .band(RollingPeriod::ending_march(2017), Indicator::A1, false)
        .is_some());
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
