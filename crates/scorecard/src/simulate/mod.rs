//! The Monte Carlo projection: the same projection many times with what is uncertain drawn at
//! random, giving for each period the 10th, 50th and 90th percentiles of the three-year
//! average and the probability of meeting the threshold.
//!
//! Three things vary, because a band that varies only one of them is far too narrow:
//! - **stage durations**, resampled from the authority's own completed children where at
//!   least 10 completed the stage (scaled so that its median is the scenario's duration),
//!   otherwise a symmetric triangular spread around the duration in use (30% either side, or
//!   the scenario's own spread);
//! - **children leaving the route**: a child not yet matched leaves with the authority's own
//!   rate ([`own_leaving_rate`]) or the scenario's;
//! - **how many adoptions each year brings**: each run draws the year's total from a Poisson
//!   distribution around the expected total.
//!
//! The generator is the crate's SplitMix64 with a fixed seed, so the same input and seed give
//! the same answer however the runs are sliced into batches: the app runs a few hundred at a
//! time between frames with [`Simulation::run_batch`].

use crate::dates::{earliest_projected, FinancialYear, RollingPeriod};
use crate::indicator::{Indicator, Measure};
use crate::inputs::ForecastInput;
use crate::model::{Delay, Model};
use crate::pace::PaceTarget;
use crate::rng::SplitMix64;

mod child;
mod sampler;
mod summary;

pub use summary::{PeriodBand, SimulationSummary, YearBand};

use crate::record::ChildRecord;
use crate::scenario::{AssumedPace, Stage};
use child::{day, place_child, RunDays, SimChild};
use sampler::Sampler;

/// How many completed children a stage needs before the runs resample the authority's own
/// durations; with fewer, a handful of odd cases would make the band look surer (or wilder)
/// than it is, so the runs spread around the duration in use instead.
pub(crate) const MIN_RESAMPLE: usize = 10;

/// The least a year's average is taken to move from the year before (10%, on a log scale).
/// An authority's own history has only a handful of complete years, and a spread estimated
/// from two or three changes is too often too small: the backtest on the demonstration held
/// only 6 of 20 actual figures in its band when the own estimate was used alone. The own
/// estimate can only widen this.
pub const DEFAULT_YEAR_SPREAD: f64 = 0.10;

/// How many children with an outcome (adopted, or left the route) the authority's own
/// leaving rate needs before it is used; with fewer, no child is taken to leave unless the
/// scenario says so.
pub const MIN_OUTCOMES_FOR_LEAVING: usize = 10;

/// The share of children not yet matched who leave the adoption route, from the authority's
/// own records: those who left (without an adoption order) over those with an outcome. `None`
/// with fewer than [`MIN_OUTCOMES_FOR_LEAVING`] outcomes.
pub fn own_leaving_rate(children: &[ChildRecord]) -> Option<f64> {
    let left = children
        .iter()
        .filter(|c| c.left_route.is_some() && c.adoption_order.is_none())
        .count();
    let adopted = children
        .iter()
        .filter(|c| c.adoption_order.is_some())
        .count();
    let outcomes = left + adopted;
    (outcomes >= MIN_OUTCOMES_FOR_LEAVING).then(|| left as f64 / outcomes as f64)
}

/// How many runs and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SimulationSettings {
    /// Number of runs.
    pub runs: u32,
    /// The seed: the same seed gives the same answer.
    pub seed: u64,
}

impl Default for SimulationSettings {
    fn default() -> Self {
        SimulationSettings {
            runs: 10_000,
            seed: 2014,
        }
    }
}

/// A Monte Carlo in progress. Owns everything it needs, so the app can keep it between
/// frames and call [`Simulation::run_batch`] until [`Simulation::is_finished`].
#[derive(Debug, Clone)]
pub struct Simulation {
    settings: SimulationSettings,
    rng: SplitMix64,
    done: u32,
    as_of: i32,
    /// The earliest day a projected milestone may have (see `earliest_projected`).
    earliest: i32,
    samplers: Vec<Sampler>,
    children: Vec<SimChild>,
    /// The simulated year (offset from the first open year) of each day from the as-of
    /// date on: a table lookup instead of a search in the innermost loop.
    year_of_day: Vec<u8>,
    first_open: FinancialYear,
    /// Tallies of the simulated (open) years without the pipeline children.
    base: Vec<SimYear>,
    /// Sums and counts of the closed years of each reported period, per measure.
    closed: Vec<[(f64, u64); 3]>,
    periods: Vec<RollingPeriod>,
    expected: Vec<u64>,
    pace: [Option<f64>; 3],
    thresholds: Vec<[Option<f64>; 3]>,
    target: Option<PaceTarget>,
    /// The chance that a child not yet matched leaves the route in a run.
    leaving: f64,
    /// Whether each run draws its years' adoption totals around the expected ones.
    varied_totals: bool,
    /// Per measure, how far a year's pace for the adoptions not in the data moves between
    /// runs (log scale): the authority's own year-to-year spread.
    year_spread: [f64; 3],
    /// Per run, per period, per indicator: data-only then assumed averages (NaN for none).
    results: Vec<f32>,
    /// Per run, per open year, per indicator: the year's average with the adoptions
    /// expected (NaN for none).
    year_results: Vec<f32>,
}

/// A simulated year's sums and counts for A1, A10 and A2, and its adoptions.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SimYear {
    pub(super) sum: [f64; 3],
    pub(super) count: [u64; 3],
    pub(super) adoptions: u64,
}

const DAY_MEASURES: [Measure; 3] = [Measure::A1, Measure::A10, Measure::A2];

impl Simulation {
    /// Prepares a Monte Carlo of `input` (its scenario's durations and spread, its target).
    pub fn new(input: &ForecastInput, settings: SimulationSettings) -> Simulation {
        let model = Model::build(input, Delay::None);
        let spread = input.scenario.spread_percent;
        let samplers = (0..5)
            .map(|i| {
                let d = &model.durations().defaults[i];
                Sampler::new(
                    model.stage_history(Stage::ALL[i]),
                    d.days,
                    d.source,
                    model.durations().days[i],
                    spread,
                )
            })
            .collect();
        let first_open = model.first_open();
        let last = model.book().last().max(first_open);
        // Simulated years reach well past the reported ones, so that a slow run's child
        // lands in its own (unreported) year instead of being dropped into the last one.
        let sim_last = last.0 + 10;
        let year_starts: Vec<i32> = (first_open.0..=sim_last + 1)
            .map(|y| day(FinancialYear(y).first_day()))
            .collect();
        let mut base = vec![SimYear::default(); year_starts.len() - 1];
        let as_of_day = day(input.as_of);
        let end = year_starts.last().copied().unwrap_or(as_of_day);
        let year_of_day = (as_of_day..end)
            // With the as-of date on 31 March, that day still belongs to the year it closes,
            // which is not simulated: u8::MAX sends such a child nowhere.
            .map(
                |d| match year_starts.partition_point(|s| *s <= d).checked_sub(1) {
                    Some(i) => i.min(u8::MAX as usize) as u8,
                    None => u8::MAX,
                },
            )
            .collect();
        for (offset, b) in base.iter_mut().enumerate() {
            if let Some(t) = model
                .book()
                .get(FinancialYear(first_open.0 + offset as i32))
            {
                for (k, m) in DAY_MEASURES.iter().enumerate() {
                    let tally = t.measures[*m as usize];
                    // The deterministic projections are removed: the runs put them back.
                    let projected_sum: f64 = model
                        .projections()
                        .iter()
                        .filter(|(_, p)| p.year.0 == first_open.0 + offset as i32)
                        .filter_map(|(_, p)| p.values.measure(*m))
                        .sum();
                    b.sum[k] = tally.sum - projected_sum;
                    b.count[k] = tally.children - tally.projected;
                }
                b.adoptions = t.adopted;
            }
        }
        let periods: Vec<RollingPeriod> = (first_open.0..=last.0)
            .map(|y| RollingPeriod::ending_with(FinancialYear(y)))
            .collect();
        let closed = periods
            .iter()
            .map(|p| {
                let mut acc = [(0.0, 0u64); 3];
                for y in p.years().into_iter().filter(|y| *y < first_open) {
                    if let Some(t) = model.book().get(y) {
                        for (k, m) in DAY_MEASURES.iter().enumerate() {
                            acc[k].0 += t.measures[*m as usize].sum;
                            acc[k].1 += t.measures[*m as usize].children;
                        }
                    }
                }
                acc
            })
            .collect();
        let expected_years = model.expected(input.scenario, last);
        let expected = expected_years.iter().map(|e| e.expected).collect();
        let pace_all: AssumedPace = model.assumed_pace(input.scenario);
        let pace = DAY_MEASURES.map(|m| pace_all.measure(m));
        let thresholds = periods
            .iter()
            .map(|p| Indicator::DAYS.map(|i| input.thresholds.threshold(i, *p)))
            .collect();
        let children = model
            .projections()
            .iter()
            .filter_map(|(i, _)| input.children.get(*i).map(SimChild::new))
            .collect();
        // Spread 0 asks for the deterministic projection in every run: nothing is drawn.
        let fixed = input.scenario.spread_percent == Some(0.0);
        let leaving = if fixed {
            0.0
        } else {
            input
                .scenario
                .left_route_percent
                .map(|p| (p / 100.0).clamp(0.0, 1.0))
                .or_else(|| own_leaving_rate(input.children))
                .unwrap_or(0.0)
        };
        let year_spread = std::array::from_fn(|k| {
            if fixed {
                0.0
            } else {
                model
                    .year_to_year_spread(DAY_MEASURES[k] as usize)
                    .map_or(DEFAULT_YEAR_SPREAD, |own| own.max(DEFAULT_YEAR_SPREAD))
            }
        });
        Simulation {
            leaving,
            varied_totals: !fixed,
            year_spread,
            settings,
            rng: SplitMix64::new(settings.seed),
            done: 0,
            as_of: day(input.as_of),
            earliest: day(earliest_projected(input.as_of)),
            samplers,
            children,
            year_of_day,
            first_open,
            base,
            closed,
            periods,
            expected,
            pace,
            thresholds,
            target: input.target,
            results: Vec::new(),
            year_results: Vec::new(),
        }
    }

    /// Runs up to `n` more runs (never past the total); returns the runs done so far.
    pub fn run_batch(&mut self, n: u32) -> u32 {
        let todo = n.min(self.settings.runs - self.done);
        let per_run = self.periods.len() * 6;
        self.results.reserve(todo as usize * per_run);
        self.year_results
            .reserve(todo as usize * self.periods.len() * 3);
        let mut years = self.base.clone();
        let mut totals = self.expected.clone();
        let mut shifts = vec![0.0; self.expected.len()];
        for _ in 0..todo {
            years.copy_from_slice(&self.base);
            // A year's pace moves together (court listings, family-finding capacity), not
            // child by child: one factor per run on every duration still to come.
            let pace_q16 = if self.varied_totals {
                ((self.year_spread[0] * self.rng.normal()).exp() * 65_536.0).round() as i64
            } else {
                65_536
            };
            for c in &self.children {
                // A child not yet matched may leave the route (plans change): it is then in
                // no figure of this run.
                if c.may_leave() && self.leaving > 0.0 && self.rng.uniform() < self.leaving {
                    continue;
                }
                let run = RunDays {
                    as_of: self.as_of,
                    earliest: self.earliest,
                    pace_q16,
                };
                place_child(
                    c,
                    run,
                    &self.samplers,
                    &self.year_of_day,
                    &mut years,
                    &mut self.rng,
                );
            }
            // How many adoptions a year brings varies around what is expected, and so does
            // the pace of those not in the data: a year's average moves from the year before.
            for ((total, expected), shift) in
                totals.iter_mut().zip(&self.expected).zip(shifts.iter_mut())
            {
                *total = if self.varied_totals {
                    self.rng.poisson(*expected as f64)
                } else {
                    *expected
                };
                *shift = if self.varied_totals {
                    self.rng.normal()
                } else {
                    0.0
                };
            }
            self.record(&years, &totals, &shifts);
        }
        self.done += todo;
        self.done
    }

    fn record(&mut self, years: &[SimYear], totals: &[u64], shifts: &[f64]) {
        for (pi, period) in self.periods.iter().enumerate() {
            for assumed in [false, true] {
                let mut acc = self.closed[pi];
                for y in period.years() {
                    let offset = y.0 - self.first_open.0;
                    let Some(sy) = usize::try_from(offset).ok().and_then(|o| years.get(o)) else {
                        continue;
                    };
                    let unknown = if assumed {
                        totals
                            .get(offset as usize)
                            .map_or(0, |e| e.saturating_sub(sy.adoptions))
                    } else {
                        0
                    };
                    let shift = shifts.get(offset as usize).copied().unwrap_or(0.0);
                    for (k, a) in acc.iter_mut().enumerate() {
                        a.0 += sy.sum[k];
                        a.1 += sy.count[k];
                        if let Some(p) = self.pace[k] {
                            a.0 += unknown as f64 * p * (self.year_spread[k] * shift).exp();
                            a.1 += unknown;
                        }
                    }
                }
                for (sum, count) in acc {
                    self.results.push(if count > 0 {
                        (sum / count as f64) as f32
                    } else {
                        f32::NAN
                    });
                }
            }
        }
        // The reported periods end in the open years, one each: the same years, one by one.
        for (offset, sy) in years.iter().enumerate().take(self.periods.len()) {
            let unknown = totals
                .get(offset)
                .map_or(0, |e| e.saturating_sub(sy.adoptions));
            let shift = shifts.get(offset).copied().unwrap_or(0.0);
            for k in 0..3 {
                let (mut sum, mut count) = (sy.sum[k], sy.count[k]);
                if let Some(p) = self.pace[k] {
                    sum += unknown as f64 * p * (self.year_spread[k] * shift).exp();
                    count += unknown;
                }
                self.year_results.push(if count > 0 {
                    (sum / count as f64) as f32
                } else {
                    f32::NAN
                });
            }
        }
    }

    /// Runs done so far.
    pub fn runs_done(&self) -> u32 {
        self.done
    }

    /// Whether every run is done.
    pub fn is_finished(&self) -> bool {
        self.done >= self.settings.runs
    }
}

/// Runs a whole Monte Carlo at once (tests, benchmarks, a worker).
pub fn simulate(input: &ForecastInput, settings: SimulationSettings) -> SimulationSummary {
    let mut s = Simulation::new(input, settings);
    s.run_batch(settings.runs);
    s.summary()
}
