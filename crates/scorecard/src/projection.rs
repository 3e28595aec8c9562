//! Projecting the children still in the pipeline to their adoption order.
//!
//! A missing milestone is the child's own expected date where a manager set one, otherwise the
//! previous milestone plus the stage's duration; no projected date is ever earlier than the
//! as-of date, so a child who is still waiting keeps adding days. Stage durations default to
//! the authority's own medians where at least 5 children's passages through the stage ended
//! lately, else to national figures ([`NATIONAL_DAYS`]), and a scenario can change each one.
//!
//! The medians are the Monte Carlo's own: Kaplan–Meier estimates over the last three years'
//! passages, those still open counted as "longer than so far" (a median of completed stages
//! alone leaves out the slow children still waiting, and so is too short). A child who has
//! already waited longer than its stage's days is projected to the median of the durations
//! longer than its wait, from the same estimate the likely range is drawn from, not to
//! "today": placing every long-waiting child on the as-of date put the figure the first screen
//! is heading for above its own likely range at the next March (more of the slowest children
//! counted in the year than could be) and gave those children dates no one believed. A child
//! short of the stage's days still takes them: taking the longer waits for every child made
//! the figure for the March after run further above its range.

use crate::dates::{add_days, days_between, earliest_projected, FinancialYear};
use crate::indicator::{ChildValues, Milestones};
use crate::record::ChildRecord;
use crate::scenario::{Scenario, Stage};
use crate::simulate::estimate::Passages;
use crate::simulate::survival::{Episode, Survival};
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

/// How many children's passages through a stage must have ended before their median replaces
/// the national figure: fewer than this and one unusual child would set the default.
pub const MIN_OWN_HISTORY: usize = 5;

/// How many ended passages a stage needs before a child already in it is projected from the
/// durations longer than its wait (the Monte Carlo draws from the same estimate past the same
/// number); with fewer, the stage takes its days and a child past them is projected to the
/// as-of date.
pub const MIN_OWN_CURVE: usize = 10;

/// Where a stage's default duration comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationSource {
    /// The median of the authority's own children's passages through the stage (those still
    /// in it counted as longer than their wait so far).
    OwnMedian {
        /// How many children's passages through the stage ended in the period looked at.
        children: u32,
    },
    /// The national figure in [`NATIONAL_DAYS`] (too few of the authority's own passages ended).
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
    /// The defaults from `children`'s passages as of `as_of` with `scenario` applied.
    pub fn new(
        children: &[ChildRecord],
        aggregates: &[crate::record::YearAggregate],
        as_of: NaiveDate,
        scenario: &Scenario,
    ) -> StageDurations {
        StageDurations::from_passages(&Passages::new(children, aggregates, as_of), scenario)
    }

    pub(crate) fn from_passages(passages: &Passages, scenario: &Scenario) -> StageDurations {
        let defaults = std::array::from_fn(|i| {
            let stage = Stage::ALL[i];
            let episodes = &passages.episodes[i];
            let ended = ended_passages(episodes);
            match own_curve(episodes) {
                Some(curve) if ended >= MIN_OWN_HISTORY => StageDefault {
                    stage,
                    days: curve.median().round() as u32,
                    source: DurationSource::OwnMedian {
                        children: ended as u32,
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

/// How many of a stage's passages ended while watched.
fn ended_passages(episodes: &[Episode]) -> usize {
    episodes
        .iter()
        .filter(|e| e.ended && e.days >= e.entry)
        .count()
}

/// The stage's survival estimate, every passage weighing the same.
fn own_curve(episodes: &[Episode]) -> Option<Survival> {
    Survival::estimate(episodes, &vec![1.0; episodes.len()])
}

/// What a child already in a stage can expect of it: per stage, the authority's own survival
/// estimate and how much the scenario speeds the stage up or slows it down, where enough
/// passages ended ([`MIN_OWN_CURVE`]) and the scenario leaves the spread to the records;
/// `None` where the stage simply takes its days.
#[derive(Debug, Clone, Default)]
pub struct StageOutlook {
    curves: [Option<(Survival, f64)>; 5],
}

impl StageOutlook {
    /// Every stage takes its days: a child past them is projected to the as-of date.
    pub fn fixed() -> StageOutlook {
        StageOutlook::default()
    }

    pub(crate) fn new(
        passages: &Passages,
        durations: &StageDurations,
        scenario: &Scenario,
    ) -> StageOutlook {
        // A scenario that sets the spread asks for durations around the days in use, not the
        // authority's own; the Monte Carlo then draws them so, and the projection takes the
        // days as they are.
        if scenario.spread_percent.is_some() {
            return StageOutlook::fixed();
        }
        StageOutlook {
            curves: std::array::from_fn(|i| {
                let episodes = &passages.episodes[i];
                let default = durations.defaults[i].days;
                if ended_passages(episodes) < MIN_OWN_CURVE || default == 0 {
                    return None;
                }
                let factor = f64::from(durations.days[i]) / f64::from(default);
                own_curve(episodes).map(|c| (c, factor))
            }),
        }
    }

    /// How long stage `stage` (index in [`Stage::ALL`]) is expected to last in all for a
    /// child who has already spent `waited` days in it: the median of the durations longer
    /// than that, in the scenario's time; `None` where the stage simply takes its days.
    fn expected_length(&self, stage: usize, waited: u32) -> Option<u32> {
        let (curve, factor) = self.curves.get(stage)?.as_ref()?;
        let f = factor.max(1e-6);
        let days = curve.quantile_after(f64::from(waited) / f, 0.5) * f;
        Some(days.round().clamp(0.0, f64::from(u32::MAX)) as u32)
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
/// A child who has waited longer than its stage's days is projected to the median of the
/// durations longer than its wait where `outlook` has the stage's estimate; otherwise, and for
/// every later stage, the stage takes its days.
/// `delay_days` moves every projected date later (the impact-of-delay view).
pub fn project(
    child: &ChildRecord,
    as_of: NaiveDate,
    durations: &[u32; 5],
    outlook: &StageOutlook,
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
                // A stage that began before the as-of date is the one the child is in now.
                let waited = days_between(prev, as_of);
                let length = match outlook.expected_length(i - 1, waited.max(0) as u32) {
                    Some(days) if waited >= i64::from(durations[i - 1]) => days,
                    _ => durations[i - 1],
                };
                let candidate = expected[i].unwrap_or_else(|| add_days(prev, i64::from(length)));
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
    fn medians_need_five_children_whose_stage_ended() {
        let mut kids = Vec::new();
        for (i, days) in [10, 20, 30, 40].into_iter().enumerate() {
            let mut c = ChildRecord::new(format!("C{i}"), d(2014, 1, 1));
            c.shobpa_decision = Some(add_days(d(2014, 1, 1), days));
            kids.push(c);
        }
        let as_of = d(2014, 6, 1);
        let four = StageDurations::new(&kids, &[], as_of, &Scenario::default());
        assert_eq!(four.defaults[0].source, DurationSource::National);
        assert_eq!(four.days[0], 274);
        let mut c = ChildRecord::new("C9", d(2014, 1, 1));
        c.shobpa_decision = Some(d(2014, 3, 2)); // 60 days
        kids.push(c);
        let five = StageDurations::new(&kids, &[], as_of, &Scenario::default());
        // Sorted 10, 20, 30, 40, 60: the median is 30.
        assert_eq!(five.days[0], 30);
        assert_eq!(
            five.defaults[0].source,
            DurationSource::OwnMedian { children: 5 }
        );
    }

    /// A child on the route with its placement order `order`: in care 200 days and decided on
    /// 100 days before it.
    fn ordered(id: &str, order: NaiveDate) -> ChildRecord {
        let mut c = ChildRecord::new(id, add_days(order, -200));
        c.shobpa_decision = Some(add_days(order, -100));
        c.placement_order = Some(order);
        c
    }

    #[test]
    fn a_child_waiting_longer_than_usual_is_projected_to_the_longer_waits_not_to_today() {
        // Twelve children matched 50, 100, ... 600 days after their placement orders; W has
        // waited 375 days for a match and X 200. Kaplan-Meier over the 14 (W and X still
        // waiting): 14 at risk, S = 13/14, 12/14, 11/14 after 50, 100, 150; at 200 X and the
        // fourth child are at risk with 9 others, S = 10/14; then 9 at risk: S(250) = 10/14 x
        // 8/9 = 0.635, S(300) = 0.556, S(350) = 0.476: the median is 350 days (the median of
        // the twelve completed stages alone is (300 + 350) / 2 = 325: too short, as the
        // slowest are still waiting).
        let as_of = d(2020, 1, 1);
        let mut kids: Vec<ChildRecord> = (1..=12)
            .map(|k| {
                let mut c = ordered(&format!("C{k}"), add_days(as_of, -700));
                c.matched = Some(add_days(as_of, -700 + 50 * k));
                c
            })
            .collect();
        kids.push(ordered("W", add_days(as_of, -375)));
        kids.push(ordered("X", add_days(as_of, -200)));
        let passages = Passages::new(&kids, &[], as_of);
        let scenario = Scenario::default();
        let durations = StageDurations::from_passages(&passages, &scenario);
        let match_stage = Stage::PlacementOrderToMatch.index();
        assert_eq!(durations.days[match_stage], 350);
        assert_eq!(
            durations.defaults[match_stage].source,
            DurationSource::OwnMedian { children: 12 }
        );
        let outlook = StageOutlook::new(&passages, &durations, &scenario);
        let matched = |id: &str| {
            let child = kids.iter().find(|c| c.child_id == id).unwrap();
            project(child, as_of, &durations.days, &outlook, 0)
                .unwrap()
                .milestones
                .matched
                .unwrap()
        };
        // W is past the median. Among the waits longer than its 375 days (S = 0.476 there),
        // half have ended where S falls to 0.238: S(400) = 0.476 x 4/5 = 0.381, S(450) =
        // 0.286, S(500) = 0.190. W is projected to be matched 500 days after its order, 125
        // days from now, not today.
        assert_eq!(matched("W"), add_days(as_of, 125));
        // X, short of the median, takes it: 350 days after its order.
        assert_eq!(matched("X"), add_days(as_of, 150));
        // Without the authority's own estimate every stage takes its days, and W is matched
        // today, as soon as it can be.
        let fixed = project(&kids[12], as_of, &durations.days, &StageOutlook::fixed(), 0).unwrap();
        assert_eq!(fixed.milestones.matched, Some(as_of));
    }
}
