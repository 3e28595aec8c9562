//! One pipeline child in the runs: reduced to day numbers once, then placed in a year by each
//! run with the durations it draws.

use super::copula::{difficulty, normal_cdf, quantile, score, score_beyond};
use super::sampler::StageLaw;
use super::SimYear;
use crate::projection::milestones_to_project;
use crate::record::ChildRecord;
use crate::rng::SplitMix64;
use chrono::{Datelike, NaiveDate};

/// A pipeline child reduced to day numbers for fast runs.
#[derive(Debug, Clone)]
pub(super) struct SimChild {
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
    /// The normal scores of the stages the child has ended: their sum and how many, what
    /// they say of how difficult the child is to place.
    score_sum: f64,
    score_n: u32,
    /// For the stage the child is in on the as-of date: the share of the stage's durations
    /// its wait has already passed, and the normal score of that share (read once, not in
    /// every run).
    waited_share: f64,
    waited_score: f64,
}

pub(super) fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

impl SimChild {
    /// Whether the child is not matched yet, so may still leave the route before a match.
    pub(super) fn before_match(&self) -> bool {
        self.actual[2].is_none()
    }

    /// The days of each stage the child has ended (entered care to decision first), `None`
    /// where a stage is not ended or a date is missing.
    pub(super) fn ended_stages(&self) -> [Option<i32>; 5] {
        let mut prev = Some(self.entered);
        std::array::from_fn(|i| {
            let d = match (prev, self.actual[i]) {
                (Some(a), Some(b)) => Some((b - a).max(0)),
                _ => None,
            };
            prev = self.actual[i];
            d
        })
    }

    /// Entered care, decision, placement order, match, moved in and adoption order, as day
    /// numbers, `None` where missing.
    pub(super) fn milestone_days(&self) -> [Option<i32>; 6] {
        std::array::from_fn(|i| {
            if i == 0 {
                Some(self.entered)
            } else {
                self.actual[i - 1]
            }
        })
    }

    /// Reads how far into the stage it is in the child's wait on `as_of` has gone.
    pub(super) fn score_wait(&mut self, laws: &[StageLaw], as_of: i32) {
        if self.first >= 5 {
            return;
        }
        let waited = f64::from((as_of - self.start).max(0));
        if let Some(share) = laws[self.first].share_waited(waited) {
            self.waited_share = share;
            self.waited_score = score(share);
        }
    }

    /// Reads what the child's ended stages from the decision on say of its difficulty, from
    /// the stages' laws (how long care proceedings took before the decision says little of
    /// how hard a child is to place).
    pub(super) fn score_ended(&mut self, laws: &[StageLaw]) {
        for (i, days) in self.ended_stages().iter().enumerate().skip(1) {
            if let Some(share) = days.and_then(|d| laws[i].share_ended(f64::from(d))) {
                self.score_sum += score(share);
                self.score_n += 1;
            }
        }
    }

    pub(super) fn new(c: &ChildRecord) -> SimChild {
        let actual = [
            c.shobpa_decision,
            c.placement_order,
            c.matched,
            c.placed,
            c.adoption_order,
        ]
        .map(|d| d.map(day));
        let project = milestones_to_project(actual.map(|d| d.is_some()));
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
            score_sum: 0.0,
            score_n: 0,
            waited_share: 0.0,
            waited_score: f64::NEG_INFINITY,
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

/// When a run's children can finish, and how fast this run's years go.
#[derive(Debug, Clone, Copy)]
pub(super) struct RunDays<'a> {
    /// The as-of day: the first entry of the year-of-day table.
    pub as_of: i32,
    /// The earliest day a projected milestone may have.
    pub earliest: i32,
    /// This run's factor on durations worked in each simulated year (from the first open
    /// one): the service's speed that year.
    pub speed: &'a [f64],
    /// Which bootstrap replicate of each stage's estimate this run uses.
    pub replicate: usize,
    /// How strongly a child's stages move together (0: each drawn on its own).
    pub together: f64,
    /// This run's chance per day of leaving the route in each stage.
    pub leaving: &'a [f64; 5],
}

/// One run of one child: draws the missing stages (the one it is in from the durations
/// longer than it has already waited), then adds it to its year.
pub(super) fn place_child(
    c: &SimChild,
    run: RunDays,
    laws: &[StageLaw],
    year_of_day: &[u8],
    years: &mut [SimYear],
    rng: &mut SplitMix64,
) {
    let RunDays {
        as_of,
        earliest,
        speed,
        replicate,
        together: rho,
        leaving,
    } = run;
    // The child's difficulty, from its ended stages (see `copula`).
    let mut z = (rho > 0.0).then(|| difficulty(rho, c.score_sum, c.score_n, rng));
    let speed_on = |d: i32| {
        let slot = usize::try_from(d - as_of)
            .ok()
            .and_then(|i| year_of_day.get(i))
            .map_or(0, |&y| usize::from(y));
        speed.get(slot).or(speed.last()).copied().unwrap_or(1.0)
    };
    let mut dates = c.actual;
    let mut prev = c.start;
    for i in c.first..5 {
        if let Some(d) = c.actual[i] {
            prev = prev.max(d);
        } else if c.project[i] {
            let candidate = match (c.expected[i], laws[i].fixed()) {
                (Some(e), _) => e,
                (None, Some(days)) => prev.saturating_add(days as i32),
                (None, None) => {
                    // The stage the child is in has lasted since its start; a later one
                    // starts when the one before ends.
                    let waited = f64::from((as_of - prev).max(0));
                    let q = match z.filter(|_| i > 0) {
                        // The stage it is in: beyond its wait, as difficult as that says.
                        Some(zz) if waited > 0.0 && i == c.first => {
                            let share = c.waited_share;
                            let s = score_beyond(rho, zz, c.waited_score, rng);
                            z = Some(difficulty(rho, c.score_sum + s, c.score_n + 1, rng));
                            ((normal_cdf(s) - share) / (1.0 - share).max(1e-9))
                                .clamp(0.0, 0.999_999)
                        }
                        Some(zz) => quantile(rho, zz, rng),
                        None => rng.uniform(),
                    };
                    let total = laws[i].draw(replicate, waited, q).unwrap_or(waited);
                    let from = prev.max(as_of);
                    let rest = (total - waited).max(0.0) * speed_on(from);
                    from.saturating_add(rest.round().min(i32::MAX as f64 / 4.0) as i32)
                }
            };
            let d = candidate.max(prev).max(earliest);
            // The days still to spend in the stage are days the child may leave the route.
            let rest = f64::from(d - prev.max(as_of).min(d));
            if leaving[i] > 0.0 && rng.uniform() < 1.0 - (-leaving[i] * rest).exp() {
                return;
            }
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
