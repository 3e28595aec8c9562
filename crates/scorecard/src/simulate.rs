//! The Monte Carlo projection: the same projection many times with stage durations drawn at
//! random, giving for each period the 10th, 50th and 90th percentiles of the three-year
//! average and the probability of meeting the threshold.
//!
//! Durations come from the authority's own history for a stage where at least 5 children
//! completed it (scaled so that its median is the scenario's duration), otherwise from a
//! symmetric triangular spread around the scenario's duration (30% either side, or the
//! scenario's own spread). The generator is our own SplitMix64 with a fixed seed, so the same
//! input and seed give the same answer however the runs are sliced into batches: the app runs
//! a few hundred at a time between frames with [`Simulation::run_batch`].

use crate::dates::{earliest_projected, FinancialYear, RollingPeriod};
use crate::forecast::ForecastInput;
use crate::indicator::{Indicator, Measure};
use crate::model::{Delay, Model};
use crate::pace::PaceTarget;
use crate::projection::{DurationSource, MIN_OWN_HISTORY};
use crate::record::ChildRecord;
use crate::scenario::AssumedPace;
use crate::thresholds::ThresholdSchedule;
use chrono::{Datelike, NaiveDate};

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

/// The spread of one period's figure over the runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodBand {
    /// The period.
    pub period: RollingPeriod,
    /// A1, A10 or A2.
    pub indicator: Indicator,
    /// With the further adoptions the scenario expects (`true`) or children in the data only.
    pub assumed: bool,
    /// 10th percentile of the three-year average (days).
    pub p10: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// The threshold that applies.
    pub threshold: Option<f64>,
    /// Share of runs (0 to 1) whose average, rounded to the day, meets the threshold.
    pub probability_met: Option<f64>,
}

/// What the runs so far say.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationSummary {
    /// Runs done.
    pub runs: u32,
    /// Every period ending in the current year or later (as in the forecast), for A1, A10
    /// and A2, data-only then assumed.
    pub bands: Vec<PeriodBand>,
    /// The required-pace target, when one was given and its period is among the bands.
    pub target: Option<PaceTarget>,
    /// Share of runs meeting that target, with the assumed further adoptions.
    pub probability_target_met: Option<f64>,
}

impl SimulationSummary {
    /// The band of one period and indicator.
    pub fn band(
        &self,
        period: RollingPeriod,
        indicator: Indicator,
        assumed: bool,
    ) -> Option<&PeriodBand> {
        self.bands
            .iter()
            .find(|b| b.period == period && b.indicator == indicator && b.assumed == assumed)
    }
}

/// Our own small generator: SplitMix64 (Steele, Lea and Flood), fast and good enough for
/// drawing durations. Each 64-bit output gives two 32-bit draws.
#[derive(Debug, Clone)]
struct SplitMix64 {
    state: u64,
    spare: Option<u32>,
}

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        SplitMix64 {
            state: seed,
            spare: None,
        }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn next_u32(&mut self) -> u32 {
        match self.spare.take() {
            Some(v) => v,
            None => {
                let r = self.next();
                self.spare = Some(r as u32);
                (r >> 32) as u32
            }
        }
    }

    /// A uniform index below `n` (multiply-shift: no division, negligible bias).
    fn index(&mut self, n: usize) -> usize {
        ((self.next_u32() as u64 * n as u64) >> 32) as usize
    }
}

/// Durations to draw from for one stage, in days.
#[derive(Debug, Clone)]
struct Sampler(Vec<i32>);

/// The longest stage a run draws (100 years): a typing slip of a huge duration must not
/// overflow the day arithmetic.
const MAX_STAGE_DAYS: f64 = 36_525.0;

/// Points of the triangular spread: enough that a draw never looks discrete.
const SPREAD_POINTS: usize = 256;

impl Sampler {
    fn new(
        history: &[u32],
        default: u32,
        source: DurationSource,
        days: u32,
        spread: Option<f64>,
    ) -> Sampler {
        if spread.is_none() && history.len() >= MIN_OWN_HISTORY {
            if let DurationSource::OwnMedian { .. } = source {
                // Keep the history's shape, moved so its median is the scenario's duration.
                let samples = history
                    .iter()
                    .map(|&h| {
                        let v = if default > 0 {
                            h as f64 * days as f64 / default as f64
                        } else {
                            h as f64 + days as f64 - default as f64
                        };
                        v.round().clamp(0.0, MAX_STAGE_DAYS) as i32
                    })
                    .collect();
                return Sampler(samples);
            }
        }
        let p = (spread.unwrap_or(30.0) / 100.0).clamp(0.0, 1.0);
        let samples = (0..SPREAD_POINTS)
            .map(|i| {
                // Quantiles of the symmetric triangular distribution on [-1, 1].
                let q = (i as f64 + 0.5) / SPREAD_POINTS as f64;
                let x = if q < 0.5 {
                    -1.0 + (2.0 * q).sqrt()
                } else {
                    1.0 - (2.0 * (1.0 - q)).sqrt()
                };
                (days as f64 * (1.0 + p * x))
                    .round()
                    .clamp(0.0, MAX_STAGE_DAYS) as i32
            })
            .collect();
        Sampler(samples)
    }

    fn draw(&self, rng: &mut SplitMix64) -> i32 {
        self.0[rng.index(self.0.len())]
    }
}

/// A pipeline child reduced to day numbers for fast runs.
#[derive(Debug, Clone)]
struct SimChild {
    entered: i32,
    /// Actual milestones (decision .. adoption order), `None` where missing.
    actual: [Option<i32>; 5],
    /// Which missing milestones to project.
    project: [bool; 5],
    /// The child's own expected dates (match, moved in, adoption order) where set.
    expected: [Option<i32>; 5],
    /// Where A10 stops for a foster-carer adoption.
    a10_end: Option<i32>,
    /// The first milestone to project (5 when none) and the latest date before it: the
    /// runs start there instead of walking the actual dates again.
    first: usize,
    start: i32,
}

fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

impl SimChild {
    fn new(c: &ChildRecord) -> SimChild {
        let actual = [
            c.shobpa_decision,
            c.placement_order,
            c.matched,
            c.placed,
            c.adoption_order,
        ]
        .map(|d| d.map(day));
        // The same rule as the deterministic projection: after the last milestone reached,
        // and a missing placement order of a child matched but not yet moved in.
        let last = actual
            .iter()
            .rposition(Option::is_some)
            .map_or(0, |i| i + 1);
        let order_gap = actual[1].is_none() && actual[2].is_some() && actual[3].is_none();
        let project =
            std::array::from_fn(|i| actual[i].is_none() && (i + 1 > last || (i == 1 && order_gap)));
        let expected = [
            None,
            None,
            c.expected_match,
            c.expected_placed,
            c.expected_adoption_order,
        ]
        .map(|d| d.map(day));
        let first = project.iter().position(|p| *p).unwrap_or(5);
        let entered = day(c.entered_care);
        let start = actual[..first]
            .iter()
            .flatten()
            .fold(entered, |a, b| a.max(*b));
        SimChild {
            first,
            start,
            entered,
            actual,
            project,
            expected,
            a10_end: match (c.foster_carer_adoption, c.foster_placement_start) {
                (true, Some(s)) => Some(day(s)),
                _ => None,
            },
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
    /// Per run, per period, per indicator: data-only then assumed averages (NaN for none).
    results: Vec<f32>,
}

/// A simulated year's sums and counts for A1, A10 and A2, and its adoptions.
#[derive(Debug, Clone, Copy, Default)]
struct SimYear {
    sum: [f64; 3],
    count: [u64; 3],
    adoptions: u64,
}

const DAY_MEASURES: [Measure; 3] = [Measure::A1, Measure::A10, Measure::A2];

impl Simulation {
    /// Prepares a Monte Carlo of `input` (its scenario's durations and spread, its target).
    pub fn new(input: &ForecastInput, settings: SimulationSettings) -> Simulation {
        let model = Model::build(input, Delay::None);
        let spread = input.scenario.spread_percent;
        let samplers = (0..5)
            .map(|i| {
                let d = &model.durations.defaults[i];
                Sampler::new(
                    &model.history[i],
                    d.days,
                    d.source,
                    model.durations.days[i],
                    spread,
                )
            })
            .collect();
        let first_open = model.first_open;
        let last = model.book.last().max(first_open);
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
            if let Some(t) = model.book.get(FinancialYear(first_open.0 + offset as i32)) {
                for (k, m) in DAY_MEASURES.iter().enumerate() {
                    let tally = t.measures[*m as usize];
                    // The deterministic projections are removed: the runs put them back.
                    let projected_sum: f64 = model
                        .projections
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
                    if let Some(t) = model.book.get(y) {
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
            .projections
            .iter()
            .filter_map(|(i, _)| input.children.get(*i).map(SimChild::new))
            .collect();
        Simulation {
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
        }
    }

    /// Runs up to `n` more runs (never past the total); returns the runs done so far.
    pub fn run_batch(&mut self, n: u32) -> u32 {
        let todo = n.min(self.settings.runs - self.done);
        let per_run = self.periods.len() * 6;
        self.results.reserve(todo as usize * per_run);
        let mut years = self.base.clone();
        for _ in 0..todo {
            years.copy_from_slice(&self.base);
            for c in &self.children {
                place_child(
                    c,
                    self.as_of,
                    self.earliest,
                    &self.samplers,
                    &self.year_of_day,
                    &mut years,
                    &mut self.rng,
                );
            }
            self.record(&years);
        }
        self.done += todo;
        self.done
    }

    fn record(&mut self, years: &[SimYear]) {
        for (pi, period) in self.periods.iter().enumerate() {
            for assumed in [false, true] {
                let mut acc = self.closed[pi];
                for y in period.years() {
                    let offset = y.0 - self.first_open.0;
                    let Some(sy) = usize::try_from(offset).ok().and_then(|o| years.get(o)) else {
                        continue;
                    };
                    let unknown = if assumed {
                        self.expected
                            .get(offset as usize)
                            .map_or(0, |e| e.saturating_sub(sy.adoptions))
                    } else {
                        0
                    };
                    for (k, a) in acc.iter_mut().enumerate() {
                        a.0 += sy.sum[k];
                        a.1 += sy.count[k];
                        if let Some(p) = self.pace[k] {
                            a.0 += unknown as f64 * p;
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
    }

    /// Runs done so far.
    pub fn runs_done(&self) -> u32 {
        self.done
    }

    /// Whether every run is done.
    pub fn is_finished(&self) -> bool {
        self.done >= self.settings.runs
    }

    /// The percentiles and probabilities of the runs done so far.
    pub fn summary(&self) -> SimulationSummary {
        let per_run = self.periods.len() * 6;
        let mut bands = Vec::with_capacity(per_run);
        let mut probability_target_met = None;
        let mut values: Vec<f32> = Vec::with_capacity(self.done as usize);
        for (pi, period) in self.periods.iter().enumerate() {
            for (ai, assumed) in [false, true].into_iter().enumerate() {
                for (k, indicator) in Indicator::DAYS.into_iter().enumerate() {
                    let slot = pi * 6 + ai * 3 + k;
                    values.clear();
                    values.extend(
                        self.results
                            .iter()
                            .skip(slot)
                            .step_by(per_run.max(1))
                            .copied()
                            .filter(|v| !v.is_nan()),
                    );
                    let threshold = self.thresholds[pi][k];
                    let share = |values: &[f32], limit: f64| {
                        let met = values
                            .iter()
                            .filter(|v| ThresholdSchedule::status(indicator, **v as f64, limit).met)
                            .count();
                        (!values.is_empty()).then(|| met as f64 / values.len() as f64)
                    };
                    if assumed {
                        if let Some(t) = self.target {
                            if t.period == *period && t.indicator == indicator {
                                probability_target_met = share(&values, t.value);
                            }
                        }
                    }
                    let probability_met = threshold.and_then(|t| share(&values, t));
                    bands.push(PeriodBand {
                        period: *period,
                        indicator,
                        assumed,
                        p10: percentile(&mut values, 0.1),
                        p50: percentile(&mut values, 0.5),
                        p90: percentile(&mut values, 0.9),
                        threshold,
                        probability_met,
                    });
                }
            }
        }
        SimulationSummary {
            runs: self.done,
            bands,
            target: self.target.filter(|t| self.periods.contains(&t.period)),
            probability_target_met,
        }
    }
}

/// Nearest-rank percentile. Selecting the rank (linear time) instead of sorting keeps the
/// summary of 10,000 runs cheap enough to call after every batch.
fn percentile(values: &mut [f32], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let rank = (q * values.len() as f64).ceil().max(1.0) as usize;
    let (_, v, _) = values.select_nth_unstable_by(rank.min(values.len()) - 1, f32::total_cmp);
    Some(*v as f64)
}

/// One run of one child: draws the missing stages, then adds it to its year.
fn place_child(
    c: &SimChild,
    as_of: i32,
    earliest: i32,
    samplers: &[Sampler],
    year_of_day: &[u8],
    years: &mut [SimYear],
    rng: &mut SplitMix64,
) {
    let mut dates = c.actual;
    let mut prev = c.start;
    for i in c.first..5 {
        if let Some(d) = c.actual[i] {
            prev = prev.max(d);
        } else if c.project[i] {
            let candidate = match c.expected[i] {
                Some(e) => e,
                None => prev + samplers[i].draw(rng),
            };
            let d = candidate.max(prev).max(earliest);
            dates[i] = Some(d);
            prev = d;
        }
    }
    let (Some(order), Some(placed)) = (dates[4], dates[3]) else {
        return;
    };
    // Every projected date is on or after the as-of date, so the order is in the table
    // unless it falls beyond the simulated years.
    let slot = usize::try_from(order - as_of)
        .ok()
        .and_then(|i| year_of_day.get(i));
    let Some(y) = slot.and_then(|&i| years.get_mut(i as usize)) else {
        return;
    };
    let a1 = placed - c.entered;
    let a10 = c.a10_end.map_or(a1, |e| e - c.entered);
    y.sum[0] += a1 as f64;
    y.count[0] += 1;
    y.sum[1] += a10 as f64;
    y.count[1] += 1;
    if let (Some(po), Some(m)) = (dates[1], dates[2]) {
        y.sum[2] += (m - po).max(0) as f64;
        y.count[2] += 1;
    }
    y.adoptions += 1;
}

/// Runs a whole Monte Carlo at once (tests, benchmarks, a worker).
pub fn simulate(input: &ForecastInput, settings: SimulationSettings) -> SimulationSummary {
    let mut s = Simulation::new(input, settings);
    s.run_batch(settings.runs);
    s.summary()
}
