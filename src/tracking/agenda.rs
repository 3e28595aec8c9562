//! The tracking meeting's agenda: every child still in the pipeline, most days overdue first,
//! then the nearest due date, each with its stage, its next milestone, what is overdue, its
//! effect on the rolling averages and its own date from the required pace. Milestones of a
//! stage the child has already passed with no date are "not recorded": listed apart as gaps
//! to fill, never overdue, never what orders the agenda. Pure: built from the engine's
//! milestones and forecast, tested natively.

use super::meetings::OpenAction;
use crate::forecast::pipeline_table::{effect_sentence, largest_effect};
use scorecard::csv::csv_row;
use scorecard::dates::format_iso;
use scorecard::timescales::{MilestoneDate, MilestoneStatus};
use scorecard::{ChildRecord, Forecast, Indicator, TargetStatus};

/// One child on the agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaRow {
    /// The child's authority, by its number in the whole workspace.
    pub authority: u32,
    /// The case reference.
    pub child_id: String,
    /// The stage on the as-of date, in words.
    pub stage: String,
    /// Who is finding the child a family (empty when not recorded).
    pub family_finder: String,
    /// The next milestone not done (the earliest due), with its due date.
    pub next: Option<(String, chrono::NaiveDate)>,
    /// The milestones overdue, with the days each is late, most late first.
    pub overdue: Vec<(String, i64)>,
    /// The most days any milestone is overdue (0 when none is).
    pub days_overdue: i64,
    /// Milestones of stages the child has passed with no date: gaps in the record, in the
    /// order of the rules.
    pub not_recorded: Vec<String>,
    /// The child's largest effect on a rolling A1 average, in words.
    pub effect: Option<String>,
    /// The child's own date from the required pace, when it has one: the date, or `None`
    /// inside for "as soon as possible".
    pub own_date: Option<Option<chrono::NaiveDate>>,
    /// Actions agreed at earlier meetings and not done, and how many of them are overdue.
    pub open_actions: (usize, usize),
}

/// The agenda of one authority's children (`authority`, its number in the whole workspace;
/// `forecast`, `children` and `milestones` its own), in order of urgency.
pub fn agenda(
    authority: u32,
    forecast: &Forecast,
    children: &[ChildRecord],
    milestones: &[MilestoneDate],
    open_actions: &[OpenAction],
) -> Vec<AgendaRow> {
    let waiting = forecast.pace.as_ref().map(|p| &p.waiting.waiting);
    let mut rows: Vec<AgendaRow> = forecast
        .pipeline
        .iter()
        .map(|child| {
            let own: Vec<&MilestoneDate> = milestones
                .iter()
                .filter(|m| m.child_id == child.child_id)
                .collect();
            let mut overdue: Vec<(String, i64)> = own
                .iter()
                .filter(|m| m.status == MilestoneStatus::Overdue)
                .map(|m| (m.milestone.label().to_string(), m.days_late))
                .collect();
            scorecard::sorting::sort_by_key(&mut overdue, |o| std::cmp::Reverse(o.1));
            let next = own
                .iter()
                .filter(|m| matches!(m.status, MilestoneStatus::Due | MilestoneStatus::Overdue))
                .min_by_key(|m| m.due_date)
                .map(|m| (m.milestone.label().to_string(), m.due_date));
            let not_recorded = own
                .iter()
                .filter(|m| m.status == MilestoneStatus::NotRecorded)
                .map(|m| m.milestone.label().to_string())
                .collect();
            let own_date = waiting
                .and_then(|w| w.iter().find(|c| c.child_id == child.child_id))
                .map(|c| (c.status == TargetStatus::OnPace).then_some(c.target_date));
            AgendaRow {
                authority,
                child_id: child.child_id.clone(),
                stage: child.stage.label().to_string(),
                family_finder: children
                    .iter()
                    .find(|c| c.child_id == child.child_id)
                    .map(|c| c.tracking.family_finder.clone())
                    .unwrap_or_default(),
                days_overdue: overdue.first().map_or(0, |o| o.1),
                overdue,
                not_recorded,
                next,
                effect: largest_effect(child, Indicator::A1).map(effect_sentence),
                own_date,
                open_actions: open_actions
                    .iter()
                    .filter(|a| a.authority == authority && a.child_id == child.child_id)
                    .fold((0, 0), |(n, late), a| {
                        (n + 1, late + usize::from(a.overdue))
                    }),
            }
        })
        .collect();
    // Most days overdue first; then the nearest next due date; a child with nothing due
    // last; the case reference settles ties, so the order never jumps between renders.
    scorecard::sorting::sort_by(&mut rows, |a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then_with(|| match (&a.next, &b.next) {
                (Some(x), Some(y)) => x.1.cmp(&y.1),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.child_id.cmp(&b.child_id))
    });
    rows
}

/// The header of [`agenda_csv`].
pub const AGENDA_CSV_HEADER: &str = "child_id,stage,family_finder,next_milestone,next_due_date,\
days_overdue,overdue_milestones,own_date,open_actions";

/// The agenda as CSV ("Download agenda (CSV)"), in its order: ISO dates; the overdue
/// milestones as `name (N days)` separated by `; `; the own date empty when the child has
/// none, `as_soon_as_possible` when it has already waited longer.
pub fn agenda_csv(rows: &[AgendaRow]) -> String {
    let mut out = String::from(AGENDA_CSV_HEADER);
    out.push_str("\r\n");
    for row in rows {
        let overdue: Vec<String> = row
            .overdue
            .iter()
            .map(|(name, days)| format!("{name} ({days} days)"))
            .collect();
        out.push_str(&csv_row(&[
            row.child_id.clone(),
            row.stage.clone(),
            row.family_finder.clone(),
            row.next.as_ref().map(|n| n.0.clone()).unwrap_or_default(),
            row.next
                .as_ref()
                .map(|n| format_iso(n.1))
                .unwrap_or_default(),
            row.days_overdue.to_string(),
            overdue.join("; "),
            match row.own_date {
                Some(Some(date)) => format_iso(date),
                Some(None) => "as_soon_as_possible".to_string(),
                None => String::new(),
            },
            row.open_actions.0.to_string(),
        ]));
    }
    out
}
