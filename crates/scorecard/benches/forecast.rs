//! Criterion benchmarks of the engine: a full forecast (every period, every indicator, the
//! pipeline contributions, the required pace and the CSV) for 300 and 10,000 children; a
//! Monte Carlo of 10,000 runs over 200 pipeline children; the app's Monte Carlo (2,000 runs,
//! estimates included) for 300 and 10,000 children; and preparing one (the survival
//! estimates, their bootstrap replicates, the newcomers), which the app does a step at a time,
//! and its first step, reading the input. Targets on the 2-core machine: under 1 ms, 20 ms
//! and 50 ms for the first three.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use scorecard::{
    forecast, simulate, ChildRecord, ForecastInput, Scenario, Simulation, SimulationSettings,
    ThresholdSchedule,
};
use std::time::Duration;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 6, 1).unwrap_or(NaiveDate::MIN)
}

/// A made-up authority: `adopted` children adopted from 2008 on and `pipeline` children at
/// every stage, with durations from a small deterministic generator.
fn authority(adopted: usize, pipeline: usize) -> Vec<ChildRecord> {
    let mut state: u64 = 42;
    let mut next = |range: i64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % range as u64) as i64
    };
    let day = |d: NaiveDate, n: i64| d + chrono::Duration::days(n);
    let mut children = Vec::with_capacity(adopted + pipeline);
    let start = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap_or(NaiveDate::MIN);
    for i in 0..adopted {
        // Spread entries over ~8 years so adoption orders fall between 2008 and mid-2016.
        let entered = day(start, (i as i64 * 2900) / adopted as i64);
        let mut c = ChildRecord::new(format!("A{i}"), entered);
        let decision = day(entered, 150 + next(200));
        let order = day(decision, 60 + next(120));
        let matched = day(order, next(300));
        let placed = day(matched, 10 + next(40));
        let adoption = day(placed, 120 + next(200));
        if adoption >= as_of() {
            continue;
        }
        c.shobpa_decision = Some(decision);
        c.placement_order = Some(order);
        c.matched = Some(matched);
        c.placed = Some(placed);
        c.adoption_order = Some(adoption);
        c.foster_carer_adoption = i % 10 == 0;
        c.foster_placement_start = c.foster_carer_adoption.then(|| day(entered, 20));
        children.push(c);
    }
    for i in 0..pipeline {
        let entered = day(as_of(), -(30 + next(900)));
        let mut c = ChildRecord::new(format!("P{i}"), entered);
        let stage = i % 5;
        let mut at = entered;
        let slots = [
            &mut c.shobpa_decision,
            &mut c.placement_order,
            &mut c.matched,
            &mut c.placed,
        ];
        for slot in slots.into_iter().take(stage) {
            at = day(at, next(120)).min(as_of());
            *slot = Some(at);
        }
        children.push(c);
    }
    children
}

fn bench(c: &mut Criterion) {
    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    for (name, adopted, pipeline) in [("forecast_300", 240, 60), ("forecast_10000", 8000, 2000)] {
        let children = authority(adopted, pipeline);
        let input = ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: as_of(),
            thresholds: &thresholds,
            scenario: &scenario,
            target: None,
            every_child: false,
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                let f = forecast(black_box(&input));
                black_box(f.to_csv().len())
            })
        });
    }
    // A regional adoption agency's view: eight authorities of 300 children, every figure over
    // all 2,400 of them (the references repeat across authorities, as they may).
    let agency: Vec<ChildRecord> = (0..8)
        .flat_map(|n| {
            authority(240, 60)
                .into_iter()
                .map(move |c| ChildRecord { authority: n, ..c })
        })
        .collect();
    let input = ForecastInput {
        children: &agency,
        aggregates: &[],
        as_of: as_of(),
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    };
    c.bench_function("forecast_2400_eight_authorities", |b| {
        b.iter(|| {
            let f = forecast(black_box(&input));
            black_box(f.to_csv().len())
        })
    });
    let children = authority(300, 200);
    let input = ForecastInput {
        children: &children,
        aggregates: &[],
        as_of: as_of(),
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    };
    for (name, adopted, pipeline) in [
        ("monte_carlo_2000_runs_300_children", 240, 60),
        ("monte_carlo_2000_runs_10000_children", 8000, 2000),
    ] {
        let children = authority(adopted, pipeline);
        let input = ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: as_of(),
            thresholds: &thresholds,
            scenario: &scenario,
            target: None,
            every_child: false,
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                simulate(
                    black_box(&input),
                    SimulationSettings {
                        runs: 2_000,
                        seed: 1,
                    },
                )
            })
        });
        if adopted == 8000 {
            c.bench_function("simulation_prepare_10000_children", |b| {
                b.iter(|| Simulation::new(black_box(&input), SimulationSettings::default()))
            });
            // The preparation's first slice, which reads the input; the app takes the rest
            // a step at a time.
            c.bench_function("simulation_prepare_first_step_10000_children", |b| {
                b.iter(|| Simulation::preparing(black_box(&input), SimulationSettings::default()))
            });
        }
    }
    c.bench_function("monte_carlo_10000_runs_200_pipeline", |b| {
        b.iter(|| {
            simulate(
                black_box(&input),
                SimulationSettings {
                    runs: 10_000,
                    seed: 1,
                },
            )
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
