//! One pipeline child in the runs: reduced to day numbers once, then placed in a year by each
//! run with the durations it draws.

use super::sampler::Sampler;
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
}

pub(super) fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

impl SimChild {
    /// Whether the child is not matched yet, so may still leave the route before a match.
    pub(super) fn may_leave(&self) -> bool {
        self.actual[2].is_none()
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

/// When a run's children can finish, and how fast this run goes.
#[derive(Debug, Clone, Copy)]
pub(super) struct RunDays {
    /// The as-of day: the first entry of the year-of-day table.
    pub as_of: i32,
    /// The earliest day a projected milestone may have.
    pub earliest: i32,
    /// This run's factor on every duration still to come, in 1/65536ths: an integer
    /// multiply in the innermost loop instead of a float round trip per draw.
    pub pace_q16: i64,
}

/// One run of one child: draws the missing stages, then adds it to its year.
pub(super) fn place_child(
    c: &SimChild,
    run: RunDays,
    samplers: &[Sampler],
    year_of_day: &[u8],
    years: &mut [SimYear],
    rng: &mut SplitMix64,
) {
    let RunDays {
        as_of,
        earliest,
        pace_q16,
    } = run;
    let mut dates = c.actual;
    let mut prev = c.start;
    for i in c.first..5 {
        if let Some(d) = c.actual[i] {
            prev = prev.max(d);
        } else if c.project[i] {
            let candidate = match c.expected[i] {
                Some(e) => e,
                None => prev + ((samplers[i].draw(rng) as i64 * pace_q16 + 32_768) >> 16) as i32,
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
