//! The Monte Carlo projection: the same projection many times with what is uncertain drawn at
//! random, giving for each period the 10th, 50th and 90th percentiles of the three-year
//! average and the probability of meeting the threshold.
//!
//! The band must be the authority's uncertainty, not the sampler's: children drawn one by one,
//! independently, make the spread of an average shrink like one over the number of children,
//! and the band far too narrow. So, in every run:
//! - **the service's speed** is drawn for each year ahead (staff, courts and adopters change
//!   for every child at once): one factor per year, each year moving on from the one before
//!   (a random walk, centred to average 1), on every duration still to come and on the
//!   adoptions not yet in the data. How much it moves is learned from the authority's own
//!   years ([`estimate`]), shrunk toward a prior where they are few;
//! - **stage durations** are drawn from the survival estimate of the authority's own passages
//!   through each stage in the last three years, open ones included, where at least 10 ended;
//!   otherwise from a spread around the duration in use. A child still waiting is drawn from
//!   the durations longer than it has already waited (the module `survival`), and a child
//!   slow in one stage is drawn slow in the next (the module `copula`);
//! - **the estimates themselves** are uncertain: each run takes a bootstrap replicate of the
//!   survival estimates, its own chance per day of leaving each stage (a gamma draw from the
//!   children who left and the days children spent in it), and its own level of new routes (a
//!   gamma factor, making the number of newcomers negative binomial);
//! - **children leave the route** in every stage still ahead of them, the longer they spend
//!   in it the likelier, or, where the scenario sets one, at its share before a match.
//!
//! The expected adoptions of a year and the pipeline's adoptions that year are one quantity:
//! the pipeline children the run places in the year, and newcomers, children whose route
//! starts after the as-of date at the authority's own rate and who are adopted within the
//! year (the module `newcomers`). Where the scenario sets a year's expected total, the year is
//! filled up to it instead, the pipeline's children counting first, and when the pipeline
//! alone brings more, the total is the pipeline's.
//!
//! The generator is the crate's SplitMix64 with a fixed seed, so the same input and seed give
//! the same answer however the runs are sliced into batches: the app runs them a slice at a
//! time between frames with [`Simulation::run_batch`].

use crate::dates::{earliest_projected, FinancialYear, RollingPeriod};
use crate::indicator::{Indicator, Measure};
use crate::inputs::ForecastInput;
use crate::model::{Delay, Model};
use crate::pace::PaceTarget;
use crate::record::ChildRecord;
use crate::rng::SplitMix64;
use crate::scenario::AssumedPace;

mod child;
mod copula;
pub mod estimate;
mod newcomers;
mod run;
mod sampler;
mod summary;
pub(crate) mod survival;

pub use summary::{PeriodBand, SimulationSummary, YearBand};

use child::{day, SimChild};
use estimate::Estimates;
use newcomers::Newcomers;
use sampler::StageLaw;

/// How many children with an outcome (adopted, or left the route) the authority's own
/// leaving rate needs before it is shown; with fewer, the share says nothing.
pub const MIN_OUTCOMES_FOR_LEAVING: usize = 10;

/// The share of children not yet matched who leave the adoption route, from the authority's
/// own records: those who left (without an adoption order) over those with an outcome. `None`
/// with fewer than [`MIN_OUTCOMES_FOR_LEAVING`] outcomes. The runs use a rate per stage (see
/// [`estimate`]); this one figure is what the scenario panel shows beside its own setting.
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

/// Who leaves the route in the runs.
#[derive(Debug, Clone, Copy)]
enum Leaving {
    /// Nobody (a spread of 0 asks for the deterministic projection).
    Nobody,
    /// The scenario's share of the children not yet matched.
    BeforeMatch(f64),
    /// Each stage's own rate per day in it: a gamma draw per run from the children who left
    /// during the stage and the days children spent in it.
    PerStage { left: [u32; 5], exposure: [f64; 5] },
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
    laws: Vec<StageLaw>,
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
    /// How strongly a child's stages move together (see `copula`).
    together: f64,
    /// Which days measures the scenario sets a pace for (the adoptions not yet in the data
    /// then go at it instead of being newcomers).
    pace_set: [bool; 3],
    /// Children whose route starts after the as-of date, by the year they would be adopted.
    newcomers: Newcomers,
    /// How many children a day come onto the route, from the records.
    route_starts_per_day: Option<f64>,
    /// Per open year, whether the scenario set its expected total (the runs then fill the
    /// year up to it).
    total_set: Vec<bool>,
    thresholds: Vec<[Option<f64>; 3]>,
    target: Option<PaceTarget>,
    leaving: Leaving,
    /// Whether anything is drawn at all (a spread of 0 makes every run the projection).
    varied: bool,
    /// The service's year-to-year change of speed (log scale).
    year_speed: f64,
    /// The negative-binomial dispersion of a year's adoptions.
    dispersion: f64,
    /// Per days measure, one child's spread around the average.
    child_spread: [f64; 3],
    /// Per run, per period, per indicator: data-only then assumed averages (NaN for none).
    results: Vec<f32>,
    /// Per run, per open year, per indicator: the year's average from the children in the
    /// data, then with the adoptions expected (NaN for none).
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
        let estimates = Estimates::new(
            model.passages().clone(),
            input.children,
            input.as_of,
            &model,
        );
        let spread = input.scenario.spread_percent;
        // The bootstrap replicates have a generator of their own, so that the runs draw the
        // same numbers whatever the estimates needed.
        let mut replicate_rng = SplitMix64::new(settings.seed ^ 0x00B0_0757_12A9);
        let laws: Vec<StageLaw> = (0..5)
            .map(|i| {
                StageLaw::new(
                    &estimates.episodes[i],
                    model.durations().defaults[i].days,
                    model.durations().days[i],
                    spread,
                    &mut replicate_rng,
                )
            })
            .collect();
        // How strongly a child's stages move together: only with the authority's own laws
        // (a spread the scenario sets draws each stage on its own).
        let together = if spread.is_none() {
            stages_together(input.children, &laws, estimates.window, input.as_of)
        } else {
            0.0
        };
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
        let year_of_day: Vec<u8> = (as_of_day..end)
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
        let total_set = expected_years.iter().map(|e| e.overridden).collect();
        let pace_all: AssumedPace = model.assumed_pace(input.scenario);
        let pace = DAY_MEASURES.map(|m| pace_all.measure(m));
        let pace_set = DAY_MEASURES.map(|m| input.scenario.assumed_pace.measure(m).is_some());
        let newcomers = Newcomers::new(
            &laws,
            &year_of_day,
            periods.len(),
            together,
            &mut replicate_rng,
        );
        let thresholds = periods
            .iter()
            .map(|p| Indicator::DAYS.map(|i| input.thresholds.threshold(i, *p)))
            .collect();
        let mut children: Vec<SimChild> = model
            .projections()
            .iter()
            .filter_map(|(i, _)| input.children.get(*i).map(SimChild::new))
            .collect();
        for c in children.iter_mut() {
            c.score_ended(&laws);
            c.score_wait(&laws, as_of_day);
        }

        // Spread 0 asks for the deterministic projection in every run: nothing is drawn.
        let varied = spread != Some(0.0);
        let leaving = match input.scenario.left_route_percent {
            _ if !varied => Leaving::Nobody,
            Some(p) => Leaving::BeforeMatch((p / 100.0).clamp(0.0, 1.0)),
            None => Leaving::PerStage {
                left: estimates.left,
                exposure: estimates.exposure,
            },
        };
        Simulation {
            leaving,
            varied,
            year_speed: estimates.year_speed,
            dispersion: estimates.dispersion,
            child_spread: estimates.child_spread,
            settings,
            rng: SplitMix64::new(settings.seed),
            done: 0,
            as_of: as_of_day,
            earliest: day(earliest_projected(input.as_of)),
            laws,
            children,
            year_of_day,
            first_open,
            base,
            closed,
            periods,
            expected,
            pace,
            pace_set,
            together,
            newcomers,
            route_starts_per_day: estimates.route_starts_per_day,
            total_set,
            thresholds,
            target: input.target,
            results: Vec::new(),
            year_results: Vec::new(),
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

/// How strongly the stages of one child move together, from each pair of consecutive stages
/// of the authority's children: the first ended, begun in the window the estimates look at;
/// the second ended too, or still open (or ended by leaving the route), which says only that
/// it is longer than it has lasted. Counting only pairs that both ended would keep the quick
/// pairs and lose the slow ones, and hide how much stages move together.
fn stages_together(
    children: &[ChildRecord],
    laws: &[StageLaw],
    window: chrono::NaiveDate,
    as_of: chrono::NaiveDate,
) -> f64 {
    let (window, as_of) = (day(window), day(as_of));
    let share = |i: usize, d: i32| laws[i].share_ended(f64::from(d.max(0)));
    let mut pairs = Vec::new();
    for record in children {
        let c = SimChild::new(record);
        let chain = c.milestone_days();
        let seen_until = record.left_route.map_or(as_of, day);
        // From the decision on: how long care proceedings take before it says little of how
        // hard a child is to place.
        for i in 1..4 {
            let (Some(start), Some(end)) = (chain[i], chain[i + 1]) else {
                continue;
            };
            if start < window {
                continue;
            }
            let Some(first) = share(i, end - start) else {
                continue;
            };
            let second = match chain[i + 2] {
                Some(next) => share(i + 1, next - end).map(|s| (s, true)),
                // Open (or left) in the next stage: longer than it has lasted.
                None if record.adoption_order.is_none()
                    && chain[i + 2..].iter().all(Option::is_none) =>
                {
                    share(i + 1, seen_until - end).map(|s| (s, false))
                }
                None => None,
            };
            if let Some((s, ended)) = second {
                pairs.push((copula::score(first), copula::score(s), ended));
            }
        }
    }
    copula::together_censored(&pairs)
}

/// Runs a whole Monte Carlo at once (tests, benchmarks, a worker).
pub fn simulate(input: &ForecastInput, settings: SimulationSettings) -> SimulationSummary {
    let mut s = Simulation::new(input, settings);
    s.run_batch(settings.runs);
    s.summary()
}
