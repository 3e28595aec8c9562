//! The tracking meeting's timescales, as data: each milestone is due so many days, or working
//! days, after another (the Sheffield City Council scrutiny report, 2015, Appendices 3 and 5,
//! and the scorecard's thresholds), and every child still in the pipeline gets a due date, a
//! status and the days it is late for each rule whose start is known.
//!
//! A milestone of a stage the child has already passed, with no date, is "not recorded": a gap
//! in the record to fill, never overdue. A child brought in from the SSDA903 return (which
//! holds no tracking milestones) would otherwise fill the agenda with years-old "overdue"
//! milestones of stages long done.

use crate::csv::write_row;
use crate::dates::{add_days, days_between, format_iso, FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::projection::stage_reached;
use crate::record::{ChildRecord, Field};
use crate::scenario::Stage;
use crate::thresholds::ThresholdSchedule;
use crate::workdays::add_working_days;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// How long after its start a milestone is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Due {
    /// Calendar days.
    Days(u32),
    /// Working days: weekdays that are not bank holidays in England and Wales.
    WorkingDays(u32),
    /// The A1 threshold in force, in days (for moving in, after entering care).
    A1Threshold,
    /// The A2 threshold in force, in days (for the match, after the placement order).
    A2Threshold,
}

/// One rule: `milestone` is due `due` after `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimescaleRule {
    /// The milestone that is due.
    pub milestone: Field,
    /// How long after its start.
    pub due: Due,
    /// The milestone it starts from.
    pub after: Field,
}

/// The rules the product starts with.
pub fn default_rules() -> Vec<TimescaleRule> {
    let rule = |milestone, due, after| TimescaleRule {
        milestone,
        due,
        after,
    };
    vec![
        rule(Field::PackReturned, Due::WorkingDays(20), Field::PackSent),
        rule(Field::ParDecision, Due::WorkingDays(5), Field::ParReceived),
        rule(
            Field::AdoptersVisit,
            Due::WorkingDays(5),
            Field::ParDecision,
        ),
        rule(Field::Matched, Due::A2Threshold, Field::PlacementOrder),
        rule(Field::Placed, Due::A1Threshold, Field::EnteredCare),
        rule(Field::AnnexA, Due::Days(28), Field::Placed),
        rule(Field::LaterLifeLetter, Due::Days(28), Field::Placed),
        rule(Field::AoApplication, Due::Days(77), Field::Placed),
    ]
}

/// Where one milestone stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneStatus {
    /// Done on or before its due date.
    Done,
    /// Done, after its due date.
    DoneLate,
    /// Not done, and the as-of date is after its due date.
    Overdue,
    /// Not done, not yet past its due date.
    Due,
    /// Not done, in a stage the child has already passed: a gap in the record, not a delay.
    NotRecorded,
}

impl MilestoneStatus {
    /// The word the milestones CSV uses.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneStatus::Done => "done",
            MilestoneStatus::DoneLate => "done_late",
            MilestoneStatus::Overdue => "overdue",
            MilestoneStatus::Due => "due",
            MilestoneStatus::NotRecorded => "not_recorded",
        }
    }
}

/// The stage of the route a milestone belongs to (the "Adoption Milestones" form of the
/// Sheffield City Council scrutiny report, 2015): the initial adoption pack and the
/// prioritisation meeting come before the SHOBPA decision, the Child Permanence Report before
/// the placement order, the prospective adopter's report during family finding, and the
/// Annex A report, later life letter and order application after the child moved in.
pub fn stage_of(milestone: Field) -> Option<Stage> {
    match milestone {
        Field::PlanAdoption
        | Field::PackSent
        | Field::PackReturned
        | Field::PrioritisationMeeting
        | Field::AdoptionMedical
        | Field::ShobpaDecision => Some(Stage::EnteredCareToDecision),
        Field::ChildPermanenceReport | Field::PlacementOrder => {
            Some(Stage::DecisionToPlacementOrder)
        }
        Field::ParReceived | Field::ParDecision | Field::AdoptersVisit | Field::Matched => {
            Some(Stage::PlacementOrderToMatch)
        }
        Field::Placed => Some(Stage::MatchToPlaced),
        Field::AnnexA | Field::LaterLifeLetter | Field::AoApplication | Field::AdoptionOrder => {
            Some(Stage::PlacedToAdoptionOrder)
        }
        _ => None,
    }
}

/// One child's one milestone against its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneDate {
    /// Position of the child in the children given.
    pub index: usize,
    /// The case reference.
    pub child_id: String,
    /// The milestone.
    pub milestone: Field,
    /// When it is due.
    pub due_date: NaiveDate,
    /// When it was done, if it was.
    pub done_date: Option<NaiveDate>,
    /// Done, done late, overdue, due, or not recorded.
    pub status: MilestoneStatus,
    /// For `DoneLate` the days from due to done; for `Overdue` from due to the as-of date;
    /// otherwise 0.
    pub days_late: i64,
}

/// The A1 and A2 thresholds in force for the timescales: those of the three-year period ending
/// on the first 31 March on or after `as_of`.
pub fn thresholds_in_force(thresholds: &ThresholdSchedule, as_of: NaiveDate) -> (f64, f64) {
    let period = RollingPeriod::ending_with(FinancialYear::containing(as_of));
    (
        thresholds.threshold(Indicator::A1, period).unwrap_or(426.0),
        thresholds.threshold(Indicator::A2, period).unwrap_or(121.0),
    )
}

/// Every milestone of every child still in the pipeline (no adoption order, not left the
/// route) for every rule whose start date is known, in the order of the children and rules.
/// One not done in a stage before the child's own ([`stage_reached`]) is `NotRecorded`.
pub fn milestone_dates(
    children: &[ChildRecord],
    rules: &[TimescaleRule],
    thresholds: &ThresholdSchedule,
    as_of: NaiveDate,
    holidays: &BTreeSet<NaiveDate>,
) -> Vec<MilestoneDate> {
    let (a1, a2) = thresholds_in_force(thresholds, as_of);
    let mut out = Vec::new();
    for (index, child) in children.iter().enumerate() {
        if !child.is_in_pipeline() {
            continue;
        }
        let reached = stage_reached(child);
        for rule in rules {
            let Some(start) = child.date(rule.after) else {
                continue;
            };
            let due_date = match rule.due {
                Due::Days(n) => add_days(start, i64::from(n)),
                Due::WorkingDays(n) => add_working_days(start, n, holidays),
                Due::A1Threshold => add_days(start, a1 as i64),
                Due::A2Threshold => add_days(start, a2 as i64),
            };
            let done_date = child.date(rule.milestone);
            let (status, days_late) = match done_date {
                Some(done) if done <= due_date => (MilestoneStatus::Done, 0),
                Some(done) => (MilestoneStatus::DoneLate, days_between(due_date, done)),
                None if stage_of(rule.milestone).is_some_and(|s| s < reached) => {
                    (MilestoneStatus::NotRecorded, 0)
                }
                None if as_of > due_date => {
                    (MilestoneStatus::Overdue, days_between(due_date, as_of))
                }
                None => (MilestoneStatus::Due, 0),
            };
            out.push(MilestoneDate {
                index,
                child_id: child.child_id.clone(),
                milestone: rule.milestone,
                due_date,
                done_date,
                status,
                days_late,
            });
        }
    }
    out
}

/// The header of [`milestones_csv`].
pub const MILESTONES_CSV_HEADER: &str = "child_id,milestone,due_date,done_date,status,days_late";

/// The milestones as CSV ("Download milestones (CSV)"): ISO dates, `done_date` empty when not
/// done.
pub fn milestones_csv(dates: &[MilestoneDate]) -> String {
    let mut out = String::from(MILESTONES_CSV_HEADER);
    out.push_str("\r\n");
    for m in dates {
        write_row(
            &mut out,
            [
                m.child_id.clone(),
                m.milestone.column().to_string(),
                format_iso(m.due_date),
                m.done_date.map(format_iso).unwrap_or_default(),
                m.status.label().to_string(),
                m.days_late.to_string(),
            ]
            .into_iter(),
        );
    }
    out
}
