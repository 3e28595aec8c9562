//! Projecting the children still in the pipeline to their adoption order.
//!
//! A missing milestone is the child's own expected date where a manager set one, otherwise the
//! previous milestone plus the stage's duration; no projected date is ever earlier than the
//! as-of date, so a child who is still waiting keeps adding days. Stage durations default to
//! the authority's own medians where at least 5 children completed the stage, else to
//! national figures ([`NATIONAL_DAYS`]), and a scenario can change each one.

use crate::dates::{add_days, days_between, earliest_projected, FinancialYear};
use crate::indicator::{ChildValues, Milestones};
use crate::record::ChildRecord;
use crate::scenario::{Scenario, Stage};
use chrono::NaiveDate;

/// The national default for each stage, in days, in [`Stage::ALL`] order.
///
/// From the DfE's 2024 national medians (DOMAIN.md), months turned into days at 365.25 / 12:
/// entered care to decision 9 months = 274 days; match to moving in 1 month = 30 days;
/// moving in to adoption order 9 months = 274 days. The national figure for decision to match
/// is 10 months (304 days) and is not published in two parts, so we split it ourselves:
/// 4 months (122 days) from the decision to the placement order, because the decision is
/// usually taken part-way through care proceedings that aim to finish within 26 weeks, and
/// the remaining 6 months (183 days; 122 + 183 = 305, the 1-day excess is rounding) from the
/// placement order to the match, which is family finding.
pub const NATIONAL_DAYS: [u32; 5] = [274, 122, 183, 30, 274];

/// How many children must have completed a stage before their median replaces the national
/// figure: fewer than this and one unusual child would set the default.
pub const MIN_OWN_HISTORY: usize = 5;

/// Where a stage's default duration comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationSource {
    /// The median of the authority's own children who completed the stage.
    OwnMedian {
        /// How many children completed the stage.
        children: u32,
    },
    /// The national figure in [`NATIONAL_DAYS`] (too few own children completed it).
    National,
}

/// One stage's default duration and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageDefault {
    /// The stage.
    pub stage: Stage,
    /// Days, before the scenario changes it.
    pub days: u32,
    /// Own median or national figure.
    pub source: DurationSource,
}

/// The durations a projection uses: each stage's default and the scenario's resulting days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDurations {
    /// The defaults, in [`Stage::ALL`] order.
    pub defaults: [StageDefault; 5],
    /// The days used, after the scenario, in [`Stage::ALL`] order.
    pub days: [u32; 5],
}

impl StageDurations {
    /// The defaults from `children`'s history with `scenario` applied.
    pub fn new(children: &[ChildRecord], scenario: &Scenario) -> StageDurations {
        StageDurations::from_history(&stage_history(children), scenario)
    }

    pub(crate) fn from_history(history: &[Vec<u32>; 5], scenario: &Scenario) -> StageDurations {
        let defaults = std::array::from_fn(|i| {
            let stage = Stage::ALL[i];
            match median(&history[i]) {
                Some(days) if history[i].len() >= MIN_OWN_HISTORY => StageDefault {
                    stage,
                    days,
                    source: DurationSource::OwnMedian {
                        children: history[i].len() as u32,
                    },
                },
                _ => StageDefault {
                    stage,
                    days: NATIONAL_DAYS[i],
                    source: DurationSource::National,
                },
            }
        });
        let days = std::array::from_fn(|i: usize| {
            let d: &StageDefault = &defaults[i];
            scenario.stage(d.stage).days(d.days)
        });
        StageDurations { defaults, days }
    }

    /// The days used for `stage`.
    pub fn days(&self, stage: Stage) -> u32 {
        self.days[stage.index()]
    }
}

/// For each stage, the days every child who completed it took (a match before the placement
/// order counts as 0), sorted, in [`Stage::ALL`] order. Children who later left the route
/// still completed the stages they went through.
pub(crate) fn stage_history(children: &[ChildRecord]) -> [Vec<u32>; 5] {
    let mut history: [Vec<u32>; 5] = Default::default();
    for child in children {
        let chain = chain_of(child);
        for i in 0..5 {
            if let (Some(start), Some(end)) = (chain[i], chain[i + 1]) {
                let days = days_between(start, end).clamp(0, u32::MAX as i64) as u32;
                history[i].push(days);
            }
        }
    }
    for h in history.iter_mut() {
        crate::sorting::sort(h);
    }
    history
}

/// The median of sorted days (the mean of the two middle ones, rounded, for an even count).
fn median(sorted: &[u32]) -> Option<u32> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        Some(sorted[n / 2])
    } else {
        let (a, b) = (sorted[n / 2 - 1] as u64, sorted[n / 2] as u64);
        Some((a + b).div_ceil(2) as u32)
    }
}

/// The six milestones in journey order: entered care, decision, placement order, match,
/// moved in, adoption order.
fn chain_of(child: &ChildRecord) -> [Option<NaiveDate>; 6] {
    [
        Some(child.entered_care),
        child.shobpa_decision,
        child.placement_order,
        child.matched,
        child.placed,
        child.adoption_order,
    ]
}

/// The stage a child is in: the one that begins with the last milestone recorded (entered
/// care, SHOBPA decision, placement order, match, moved in). The one rule for the forecast's
/// pipeline, the records table and the tracking agenda.
pub fn stage_reached(child: &ChildRecord) -> Stage {
    let last = chain_of(child)[..5]
        .iter()
        .rposition(Option::is_some)
        .unwrap_or(0);
    Stage::ALL[last]
}

/// One pipeline child projected to its adoption order.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Actual dates where known, projected ones where not.
    pub milestones: Milestones,
    /// Which of decision, placement order, match, moved in and adoption order are projected
    /// (in that order).
    pub projected: [bool; 5],
    /// The stage the child is in on the as-of date.
    pub stage: Stage,
    /// The financial year of the projected adoption order, where the child will count.
    pub year: FinancialYear,
    /// The child's projected values.
    pub values: ChildValues,
}

/// Which of a child's milestones (SHOBPA decision, placement order, match, moved in, adoption
/// order) are projected, from which are known: every one after the last reached, and a
/// missing placement order of a child matched but not yet moved in (the order must come
/// before the move). The one rule for the projection and the Monte Carlo alike.
pub(crate) fn milestones_to_project(known: [bool; 5]) -> [bool; 5] {
    let reached = known.iter().rposition(|k| *k).map_or(0, |i| i + 1);
    let order_missing_before_move = !known[1] && known[2] && !known[3];
    std::array::from_fn(|i| !known[i] && (i + 1 > reached || (i == 1 && order_missing_before_move)))
}

/// Projects a child still in the pipeline; `None` for a child adopted or who left the route.
///
/// Milestones after the last one reached are projected; so is a missing placement order of a
/// child matched but not yet moved in (the order must come before the move, and a match before
/// the order scores 0 for A2). An earlier milestone missing from the record otherwise stays
/// missing. Every projected date is at or after the as-of date (and in a year still open: see
/// [`earliest_projected`]) and the milestone before it.
/// `delay_days` moves every projected date later (the impact-of-delay view).
pub fn project(
    child: &ChildRecord,
    as_of: NaiveDate,
    durations: &[u32; 5],
    delay_days: i64,
) -> Option<Projection> {
    if !child.is_in_pipeline() {
        return None;
    }
    let mut chain = chain_of(child);
    let stage = stage_reached(child);
    let expected = [
        None,
        None,
        None,
        child.expected_match,
        child.expected_placed,
        child.expected_adoption_order,
    ];
    let mut projected = [false; 5];
    let to_project = milestones_to_project(std::array::from_fn(|i| chain[i + 1].is_some()));
    let mut prev = chain[0].unwrap_or(as_of);
    let earliest = earliest_projected(as_of);
    for i in 1..6 {
        let must_project = to_project[i - 1];
        match chain[i] {
            Some(date) => prev = prev.max(date),
            None if must_project => {
                let candidate =
                    expected[i].unwrap_or_else(|| add_days(prev, durations[i - 1] as i64));
                let date = candidate.max(prev).max(earliest);
                chain[i] = Some(date);
                projected[i - 1] = true;
                prev = date;
            }
            None => {}
        }
    }
    if delay_days != 0 {
        // Every projected date moves by the delay; one made sooner still comes no earlier
        // than the as-of date or the milestone before it.
        let mut prev = chain[0].unwrap_or(as_of);
        for i in 1..6 {
            if projected[i - 1] {
                chain[i] = chain[i].map(|d| add_days(d, delay_days).max(prev).max(earliest));
            }
            if let Some(d) = chain[i] {
                prev = prev.max(d);
            }
        }
    }
    let milestones = Milestones {
        entered_care: child.entered_care,
        shobpa_decision: chain[1],
        placement_order: chain[2],
        matched: chain[3],
        placed: chain[4],
        adoption_order: chain[5],
        foster_carer_adoption: child.foster_carer_adoption,
        foster_placement_start: child.foster_placement_start,
    };
    Some(Projection {
        year: milestones.year()?,
        values: milestones.values(),
        milestones,
        projected,
        stage,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn medians_need_five_children_and_round_half_up() {
        assert_eq!(median(&[1, 2, 3, 4]), Some(3));
        assert_eq!(median(&[1, 2, 4]), Some(2));
        let mut kids = Vec::new();
        for (i, days) in [10, 20, 30, 40].into_iter().enumerate() {
            let mut c = ChildRecord::new(format!("C{i}"), d(2014, 1, 1));
            c.shobpa_decision = Some(add_days(d(2014, 1, 1), days));
            kids.push(c);
        }
        let four = StageDurations::new(&kids, &Scenario::default());
        assert_eq!(four.defaults[0].source, DurationSource::National);
        assert_eq!(four.days[0], 274);
        let mut c = ChildRecord::new("C9", d(2014, 1, 1));
        c.shobpa_decision = Some(d(2014, 3, 2)); // 60 days
        kids.push(c);
        let five = StageDurations::new(&kids, &Scenario::default());
        // Sorted 10, 20, 30, 40, 60: the median is 30.
        assert_eq!(five.days[0], 30);
        assert_eq!(
            five.defaults[0].source,
            DurationSource::OwnMedian { children: 5 }
        );
    }
}
