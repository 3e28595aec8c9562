//! Is the likely range honest? Hundreds of made-up authorities are generated forward in time
//! by a process written independently of the model (`world.rs`); the product forecasts each
//! from a past quarter end with only what was known then, and its 10-90% band of the
//! three-year figure must hold what then happened about 8 times in 10 (72% to 88%), at the
//! next March and at the March after, and the chance it states of meeting a threshold (as
//! the first screen says it: to the nearest 10%, or less than 1 in 10, or more than 9 in 10)
//! must match how often the threshold was met.

mod world;

use chrono::NaiveDate;
use scorecard::{
    forecast, ForecastInput, Indicator, RollingPeriod, Scenario, Simulation, SimulationSettings,
    ThresholdEntry, ThresholdSchedule,
};
use world::{known_at, three_year, Authority, Pcg};

/// How many authorities: enough that a band holding 80% would be judged within about 2
/// percentage points (one standard error) at each horizon.
const AUTHORITIES: u64 = 500;

/// Runs per forecast: enough for a steady 10th and 90th percentile.
const RUNS: u32 = 400;

/// One forecast of one figure beside what happened.
#[derive(Debug, Clone, Copy)]
struct Case {
    horizon: usize,
    indicator: Indicator,
    p10: f64,
    p50: f64,
    p90: f64,
    /// The figure the first screen says it is heading for (the deterministic projection).
    heading: f64,
    actual: f64,
    chance: f64,
    met: bool,
}

fn quarter_end(index: u32) -> NaiveDate {
    // 31/03/2009 onwards, every quarter end.
    let (year, q) = (2009 + (index / 4) as i32, index % 4);
    let (m, d) = [(3, 31), (6, 30), (9, 30), (12, 31)][q as usize];
    NaiveDate::from_ymd_opt(year, m, d).unwrap()
}

/// The financial year still open on `origin` (the year that 31 March closes is over).
fn first_open(origin: NaiveDate) -> i32 {
    let fy = world::financial_year(origin);
    let closes = NaiveDate::from_ymd_opt(fy + 1, 3, 31).unwrap();
    if origin == closes {
        fy + 1
    } else {
        fy
    }
}

fn forecast_authority(k: u64) -> Vec<Case> {
    let mut rng = Pcg::new(1_000 + k);
    let authority = Authority::new(&mut rng);
    let history = authority.history(&mut rng);
    let origin = quarter_end((rng.unit() * 32.0) as u32);
    let open = first_open(origin);
    // Records of the children adopted in the last 3 to 8 complete years, and every child on
    // the route.
    let kept_years = 3 + (rng.unit() * 6.0) as i32;
    let records_from = NaiveDate::from_ymd_opt(open - kept_years, 4, 1).unwrap();
    let known: Vec<_> = history
        .iter()
        .filter_map(|c| known_at(c, origin, records_from))
        .collect();
    let scenario = Scenario::default();
    let mut input = ForecastInput {
        children: &known,
        aggregates: &[],
        as_of: origin,
        thresholds: &ThresholdSchedule::default(),
        scenario: &scenario,
        target: None,
        every_child: false,
    };
    // Thresholds near where the forecast says the figure is heading (known at the origin),
    // so that the chances stated run from nearly none to nearly certain.
    let projected = forecast(&input);
    let mut entries = Vec::new();
    let mut thresholds = [[0.0; 2]; 2];
    for (h, t) in thresholds.iter_mut().enumerate() {
        let period = RollingPeriod::ending_march(open + 1 + h as i32);
        for (i, indicator) in [Indicator::A1, Indicator::A2].into_iter().enumerate() {
            let heading = projected
                .period_assumed(period)
                .and_then(|p| p.figure(indicator).value)
                .unwrap_or(400.0);
            t[i] = (heading * (0.06 * rng.normal()).exp()).round();
        }
        entries.push(ThresholdEntry {
            ending_march: open + 1 + h as i32,
            a1_days: t[0] as u32,
            a2_days: t[1] as u32,
        });
    }
    let schedule = ThresholdSchedule {
        entries,
        placed_12m_target_percent: None,
    };
    input.thresholds = &schedule;
    let mut simulation = Simulation::new(
        &input,
        SimulationSettings {
            runs: RUNS,
            seed: 77 + k,
        },
    );
    simulation.run_batch(RUNS);
    let summary = simulation.summary();
    let mut cases = Vec::new();
    for (h, limits) in thresholds.iter().enumerate() {
        let last = open + h as i32;
        let period = RollingPeriod::ending_march(last + 1);
        for (i, (indicator, label)) in [(Indicator::A1, "A1"), (Indicator::A2, "A2")]
            .into_iter()
            .enumerate()
        {
            let Some(actual) = three_year(&history, last, label) else {
                continue;
            };
            let Some(band) = summary.band(period, indicator, true) else {
                continue;
            };
            let (Some(p10), Some(p50), Some(p90), Some(chance)) =
                (band.p10, band.p50, band.p90, band.probability_met)
            else {
                continue;
            };
            let Some(heading) = projected
                .period_assumed(period)
                .and_then(|p| p.figure(indicator).value)
            else {
                continue;
            };
            cases.push(Case {
                horizon: h,
                indicator,
                p10,
                p50,
                p90,
                heading,
                actual,
                chance,
                met: actual.round() <= limits[i],
            });
        }
    }
    cases
}

/// Every authority's forecasts beside what happened, worked out once for both tests.
fn all_cases() -> &'static [Case] {
    static CASES: std::sync::OnceLock<Vec<Case>> = std::sync::OnceLock::new();
    CASES.get_or_init(|| (0..AUTHORITIES).flat_map(forecast_authority).collect())
}

/// The cases of one horizon and indicator.
fn of(cases: &[Case], horizon: usize, indicator: Indicator) -> Vec<&Case> {
    cases
        .iter()
        .filter(|c| c.horizon == horizon && c.indicator == indicator)
        .collect()
}

/// How many of `these` have `value` inside their 10-90% band, and how many below it.
fn against_band(these: &[&Case], value: impl Fn(&Case) -> f64) -> (usize, usize) {
    let inside = these
        .iter()
        .filter(|c| (c.p10..=c.p90).contains(&value(c)))
        .count();
    let below = these.iter().filter(|c| value(c) < c.p10).count();
    (inside, below)
}

/// The Wilson score interval of `k` successes in `n` at about 99% (z = 2.576).
fn wilson(k: usize, n: usize) -> (f64, f64) {
    let (k, n, z) = (k as f64, n as f64, 2.576_f64);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z / (1.0 + z * z / n) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    (centre - half, centre + half)
}

#[test]
fn the_likely_range_holds_eight_times_in_ten_and_the_chance_is_calibrated() {
    let cases = all_cases();
    let mut report = String::new();
    let mut failures = Vec::new();
    for h in 0..2 {
        let horizon = ["next March", "the March after"][h];
        for indicator in [Indicator::A1, Indicator::A2] {
            let these = of(cases, h, indicator);
            let (inside, below) = against_band(&these, |c| c.actual);
            let share = inside as f64 / these.len() as f64;
            report.push_str(&format!(
                "{indicator} at {horizon}: {inside} of {} inside ({:.1}%), {below} below, {} above\n",
                these.len(),
                share * 100.0,
                these.len() - inside - below,
            ));
            if !(0.72..=0.88).contains(&share) {
                failures.push(format!("{indicator} at {horizon}: {:.1}%", share * 100.0));
            }
        }
    }
    // The chance of meeting a threshold as the first screen states it: "less than 1 in 10",
    // "about 10%" to "about 90%" (to the nearest 10%), "more than 9 in 10". In bins of what
    // was said, the share of figures that met must be within a binomial interval of the
    // chance said (for the two ends: the interval must reach below 10%, above 90%). Each
    // statement is reported on its own; the middle ones are judged three together, so that a
    // bin holds enough figures to judge by.
    let stated = |p: f64| -> i32 {
        if p < 0.1 {
            0
        } else if p > 0.9 {
            100
        } else {
            ((p * 10.0).round() * 10.0) as i32
        }
    };
    let words = |level: i32| match level {
        0 => "less than 1 in 10".to_string(),
        100 => "more than 9 in 10".to_string(),
        l => format!("about {l}%"),
    };
    let judge = |levels: &[i32], report: &mut String, failures: &mut Vec<String>, assert: bool| {
        let these: Vec<&Case> = cases
            .iter()
            .filter(|c| levels.contains(&stated(c.chance)))
            .collect();
        let name = levels
            .iter()
            .map(|l| words(*l))
            .collect::<Vec<_>>()
            .join(", ");
        if these.len() < 20 {
            report.push_str(&format!("said {name}: only {} cases\n", these.len()));
            return;
        }
        let met = these.iter().filter(|c| c.met).count();
        let (low, high) = wilson(met, these.len());
        let said = these
            .iter()
            .map(|c| f64::from(stated(c.chance)))
            .sum::<f64>()
            / these.len() as f64
            / 100.0;
        let average = match levels {
            [0] | [100] => String::new(),
            _ => format!(" ({:.1}% on average)", said * 100.0),
        };
        report.push_str(&format!(
            "said {name}{average}: met {met} of {} ({:.1}%; 99% interval {:.1}% to {:.1}%)\n",
            these.len(),
            met as f64 / these.len() as f64 * 100.0,
            low * 100.0,
            high * 100.0,
        ));
        let holds = match levels {
            [0] => low <= 0.1,
            [100] => high >= 0.9,
            _ => (low..=high).contains(&said),
        };
        if assert && !holds {
            failures.push(format!(
                "said {name}, met {:.1}%",
                met as f64 / these.len() as f64 * 100.0
            ));
        }
    };
    for level in (10..=90).step_by(10) {
        judge(&[level], &mut report, &mut failures, false);
    }
    for bin in [
        &[0][..],
        &[10, 20, 30],
        &[40, 50, 60],
        &[70, 80, 90],
        &[100],
    ] {
        judge(bin, &mut report, &mut failures, true);
    }
    eprintln!("{report}");
    assert!(failures.is_empty(), "{failures:?}\n{report}");
}

/// The middle of `values` (the upper of the two middle ones for an even count).
fn middle(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The figure the first screen says a period is heading for must be one the likely range
/// beside it allows: at the next March, inside the 10-90% band at least 3 times in 4 (placing
/// every long-waiting child today, as the projection once did, managed 6 in 10). At the March
/// after, the projection runs above the band more often (the runs let the slowest children's
/// orders fall beyond the period; one date per child cannot): reported, not asserted, and said
/// in the README.
#[test]
fn the_figure_it_is_heading_for_sits_inside_its_likely_range() {
    let cases = all_cases();
    let mut report = String::new();
    let mut failures = Vec::new();
    for h in 0..2 {
        for indicator in [Indicator::A1, Indicator::A2] {
            let these = of(cases, h, indicator);
            let (inside, below) = against_band(&these, |c| c.heading);
            let share = inside as f64 / these.len() as f64;
            let heading_error =
                middle(these.iter().map(|c| (c.heading - c.actual).abs()).collect());
            let band_error = middle(these.iter().map(|c| (c.p50 - c.actual).abs()).collect());
            report.push_str(&format!(
                "{indicator} at the {}: heading for inside its band {inside} of {} ({:.1}%), {below} below, {} above; typical miss {heading_error:.1} days (the band's middle {band_error:.1})\n",
                ["next March", "March after"][h],
                these.len(),
                share * 100.0,
                these.len() - inside - below,
            ));
            if h == 0 && share < 0.75 {
                failures.push(format!(
                    "{indicator} at the next March: {:.1}%",
                    share * 100.0
                ));
            }
        }
    }
    eprintln!("{report}");
    assert!(failures.is_empty(), "{failures:?}\n{report}");
}
