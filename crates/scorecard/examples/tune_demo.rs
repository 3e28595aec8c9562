//! Finds the years' rates and speeds of the demonstration's forward process that reproduce the
//! Sheffield City Council scrutiny report's (2015) figures, and prints them for
//! `DemoProcess::sheffield`. Run with `cargo run --release -p scorecard --example tune_demo`.
//!
//! The published three-year averages, with the numbers of adoptions aimed at, give the single
//! years they need. For each seed, year after year from 2010-11, the care proceedings of the two
//! years before, the family finding and the route starts of the year before are searched a step
//! at a time to reach that year's A1, A2 and adoptions; then family finding, the courts and
//! family finding for the children hard to place in 2013-14 to 2015-16 for the 22 children
//! placed and awaiting their orders; round again a few times, then all together. A seed is kept
//! when every figure the demonstration's tests hold is met (seed 95 was the first).

use chrono::NaiveDate;
use scorecard::demo::process::{DemoProcess, FIRST_YEAR, YEARS};
use scorecard::demo::{demo_as_of, realise, Demo};
use scorecard::ChildRecord;

fn fy(d: NaiveDate) -> i32 {
    scorecard::FinancialYear::containing(d).0
}

/// Realised figures: per year 2010-11 to 2014-15, adoptions, A1 mean, A2 children, A2 mean;
/// the children placed awaiting their orders (count, A2 mean, lowest A2); children who left.
#[derive(Debug, Default)]
struct Figures {
    n: [f64; 5],
    a1: [f64; 5],
    n2: [f64; 5],
    a2: [f64; 5],
    waiting: usize,
    waiting_a2: f64,
    waiting_min: f64,
    left: usize,
    stages: [usize; 4],
}

fn figures(demo: &Demo) -> Figures {
    let mut f = Figures::default();
    for a in &demo.aggregates {
        let i = (a.year.0 - 2010) as usize;
        f.n[i] = a.adopted as f64;
        f.a1[i] = a.a1_average_days;
        f.n2[i] = a.a2_children as f64;
        f.a2[i] = a.a2_average_days.unwrap_or(0.0);
    }
    for year in [2013, 2014] {
        let i = (year - 2010) as usize;
        let adopted: Vec<&ChildRecord> = demo
            .children
            .iter()
            .filter(|c| c.adoption_order.is_some_and(|d| fy(d) == year))
            .collect();
        f.n[i] = adopted.len() as f64;
        f.a1[i] = adopted
            .iter()
            .map(|c| (c.placed.unwrap() - c.entered_care).num_days() as f64)
            .sum::<f64>()
            / f.n[i].max(1.0);
        let a2: Vec<f64> = adopted
            .iter()
            .filter_map(|c| Some((c.matched? - c.placement_order?).num_days().max(0) as f64))
            .collect();
        f.n2[i] = a2.len() as f64;
        f.a2[i] = a2.iter().sum::<f64>() / f.n2[i].max(1.0);
    }
    let waiting: Vec<f64> = demo
        .children
        .iter()
        .filter(|c| c.placed.is_some() && c.adoption_order.is_none() && c.left_route.is_none())
        .filter_map(|c| Some((c.matched? - c.placement_order?).num_days().max(0) as f64))
        .collect();
    f.waiting = waiting.len();
    f.waiting_a2 = waiting.iter().sum::<f64>() / (waiting.len().max(1)) as f64;
    f.waiting_min = waiting.iter().copied().fold(f64::MAX, f64::min);
    f.left = demo
        .children
        .iter()
        .filter(|c| c.left_route.is_some())
        .count();
    for c in demo.children.iter().filter(|c| c.is_in_pipeline()) {
        let stage = [
            c.shobpa_decision.is_none(),
            c.shobpa_decision.is_some() && c.placement_order.is_none(),
            c.placement_order.is_some() && c.matched.is_none(),
            c.matched.is_some() && c.placed.is_none(),
        ];
        for (i, s) in stage.iter().enumerate() {
            f.stages[i] += usize::from(*s);
        }
    }
    f
}

fn three_year(values: &[f64; 5], n: &[f64; 5], first: usize) -> f64 {
    (first..first + 3).map(|i| values[i] * n[i]).sum::<f64>()
        / (first..first + 3).map(|i| n[i]).sum::<f64>()
}

/// The knobs: log rates and speeds, per year: care 2007-2014, family finding 2008-2015,
/// courts 2013-2015, route starts 2008-2014, family finding for children hard to place
/// 2013-2015.
const KNOBS: usize = 8 + 8 + 3 + 7 + 3;

fn apply(base: &DemoProcess, x: &[f64; KNOBS]) -> DemoProcess {
    let idx = |year: i32| (year - FIRST_YEAR) as usize;
    let mut p = base.clone();
    for (i, year) in (2007..=2014).enumerate() {
        p.slowness[idx(year)][0] = round3(x[i].exp());
    }
    for (i, year) in (2008..=2015).enumerate() {
        p.slowness[idx(year)][1] = round3(x[8 + i].exp());
    }
    for (i, year) in (2013..=2015).enumerate() {
        p.slowness[idx(year)][2] = round3(x[16 + i].exp());
    }
    for (i, year) in (2008..=2014).enumerate() {
        p.starts[idx(year)] = (48.0 * x[19 + i].exp() * 100.0).round() / 100.0;
    }
    // Family finding for the children hard to place follows the others' up to 2012-13.
    for year in FIRST_YEAR..2013 {
        p.slowness[idx(year)][3] = p.slowness[idx(year)][1];
    }
    for (i, year) in (2013..=2015).enumerate() {
        p.slowness[idx(year)][3] = round3(x[26 + i].exp());
    }
    p
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

fn fits(f: &Figures) -> bool {
    f.n[4] == 45.0
        && (40.0..=50.0).contains(&f.n[3])
        && f.n[..3].iter().all(|n| (35.0..=50.0).contains(n))
        && (f.a1[4] - 535.0).abs() <= 3.0
        && (f.a2[4] - 293.0).abs() <= 3.0
        && f.waiting == 22
        && (f.waiting_a2 - 567.0).abs() <= 3.0
        && (2..=8).contains(&f.left)
        && f.stages[0] >= 3
        && f.stages[1] >= 3
        && f.stages[2] >= 5
        && f.stages[3] >= 2
        && [596.0, 593.0, 565.0]
            .iter()
            .enumerate()
            .all(|(i, v)| (three_year(&f.a1, &f.n, i) - v).abs() <= 3.0)
        && [268.0, 271.0, 264.0]
            .iter()
            .enumerate()
            .all(|(i, v)| (three_year(&f.a2, &f.n2, i) - v).abs() <= 3.0)
}

/// The single years the published averages need, with the numbers adopted the tuning aims at
/// (40, 42, 46, 44 and 45 for 2010-11 to 2014-15): A1 566.3, 620.9, 599.1, 560 (chosen) and
/// 535; A2 238.3, 317.1, 249.0, 250 (chosen) and 293. For example A1 2012-13 is
/// (565 x 135 - 44 x 560 - 45 x 535) / 46 = 599.1.
const ADOPTED: [f64; 5] = [40.0, 42.0, 46.0, 44.0, 45.0];
const A1: [f64; 5] = [566.3, 620.9, 599.1, 560.0, 535.0];
const A2: [f64; 5] = [238.3, 317.1, 249.0, 250.0, 293.0];

/// Moves `knobs` of `x` a step at a time, keeping what lowers `cost`, until the steps are
/// small: a search over a few knobs, robust to the jumps single children make.
fn search(x: &mut [f64; KNOBS], knobs: &[usize], cost: &dyn Fn(&[f64; KNOBS]) -> f64) {
    let mut best = cost(x);
    let mut step = 0.16;
    while step > 0.004 {
        let mut moved = false;
        for &k in knobs {
            for sign in [1.0, -1.0] {
                let mut trial = *x;
                trial[k] = (trial[k] + sign * step).clamp(-1.0, 1.5);
                let c = cost(&trial);
                if c < best {
                    best = c;
                    *x = trial;
                    moved = true;
                    break;
                }
            }
        }
        if !moved {
            step /= 2.0;
        }
    }
}

fn main() {
    let as_of = demo_as_of();
    let seeds: u64 = std::env::var("SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400);
    let list: Vec<u64> = match std::env::var("SEED_LIST") {
        Ok(l) => l.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) => (1..=seeds).collect(),
    };
    for seed in list {
        let base = DemoProcess {
            seed,
            starts: [48.0; YEARS],
            slowness: [[1.0; 4]; YEARS],
        };
        let mut x = [0.0; KNOBS];
        // Family finding for the children hard to place slowed sharply in 2014-15: start there.
        x[27] = 0.5;
        x[28] = 0.4;
        let figures_at = |x: &[f64; KNOBS]| figures(&realise(&apply(&base, x), as_of));
        // Year by year, each with the knobs of the year before it (its children's family
        // finding and proceedings, and its route starts), then the children still waiting;
        // and round again, as a later year's knobs touch the earlier years a little.
        for _ in 0..8 {
            for (i, year) in (2010..=2014).enumerate() {
                let knobs = [
                    (year - 1 - 2007) as usize,
                    (year - 2 - 2007) as usize,
                    8 + (year - 1 - 2008) as usize,
                    19 + (year - 1 - 2008) as usize,
                ];
                let cost = |x: &[f64; KNOBS]| {
                    let f = figures_at(x);
                    (f.a1[i] - A1[i]).powi(2)
                        + (f.a2[i] - A2[i]).powi(2)
                        + ((f.n[i] - ADOPTED[i]) / 0.5).powi(2)
                };
                search(&mut x, &knobs, &cost);
            }
            let cost = |x: &[f64; KNOBS]| {
                let f = figures_at(x);
                (f.a1[4] - A1[4]).powi(2)
                    + (f.a2[4] - A2[4]).powi(2)
                    + ((f.n[4] - ADOPTED[4]) / 0.5).powi(2)
                    + ((f.waiting as f64 - 22.0) / 0.5).powi(2)
                    + (f.waiting_a2 - 567.0).powi(2)
                    + (((f.left as f64 - 4.0).abs() - 2.0).max(0.0) / 0.5).powi(2)
            };
            search(&mut x, &[14, 17, 18, 26, 27, 28], &cost);
        }
        // Then everything together, every year and the children waiting.
        let all = |x: &[f64; KNOBS]| {
            let f = figures_at(x);
            let mut c = 0.0;
            for i in 0..5 {
                c += (f.a1[i] - A1[i]).powi(2)
                    + (f.a2[i] - A2[i]).powi(2)
                    + ((f.n[i] - ADOPTED[i]) / 0.5).powi(2);
            }
            c + ((f.waiting as f64 - 22.0) / 0.5).powi(2)
                + (f.waiting_a2 - 567.0).powi(2)
                + (((f.left as f64 - 4.0).abs() - 2.0).max(0.0) / 0.5).powi(2)
                + f.stages
                    .iter()
                    .zip([3.0, 3.0, 5.0, 2.0])
                    .map(|(n, least)| ((least - *n as f64).max(0.0) / 0.5).powi(2))
                    .sum::<f64>()
        };
        let every: Vec<usize> = (0..KNOBS).collect();
        search(&mut x, &every, &all);
        let p = apply(&base, &x);
        let f = figures(&realise(&p, as_of));
        if fits(&f) {
            println!("seed {seed}: {f:?}");
            println!("starts: {:?}", p.starts);
            println!("slowness: {:?}", p.slowness);
            return;
        }
        eprintln!(
            "seed {seed}: no fit: n {:?} a1 {:.0?} a2 {:.0?} 3y {:.1?} {:.1?} wait {} {:.0} left {} stages {:?}",
            f.n,
            f.a1,
            f.a2,
            (0..3).map(|i| three_year(&f.a1, &f.n, i)).collect::<Vec<_>>(),
            (0..3).map(|i| three_year(&f.a2, &f.n2, i)).collect::<Vec<_>>(),
            f.waiting,
            f.waiting_a2,
            f.left,
            f.stages
        );
    }
}
