//! The tracking meeting's agenda: every child still in the pipeline, most days overdue first,
//! then the nearest due date, each with its stage, its next milestone, what is overdue, its
//! effect on the rolling averages and its own date from the required pace. Milestones of a
//! stage the child has already passed with no date are "not recorded": listed apart as gaps
//! to fill, never overdue, never what orders the agenda. Pure: built from the engine's
//! milestones and forecast, tested natively.

use super::meetings::OpenAction;
use crate::forecast::pipeline_table::{effect_sentence, largest_effect};
use crate::report::forecast::forecast_of;
use crate::storage::authorities::{project, View};
use crate::storage::document::Document;
use chrono::NaiveDate;
use scorecard::csv::csv_row;
use scorecard::dates::format_iso;
use scorecard::timescales::{milestone_dates, MilestoneDate, MilestoneStatus};
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
    by_urgency(&mut rows);
    rows
}

/// Puts agenda rows in order of urgency: most days overdue first; then the nearest next due
/// date; a child with nothing due last; the case reference, then the authority, settle ties,
/// so the order never jumps between renders.
pub fn by_urgency(rows: &mut [AgendaRow]) {
    scorecard::sorting::sort_by(rows, |a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then_with(|| match (&a.next, &b.next) {
                (Some(x), Some(y)) => x.1.cmp(&y.1),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.child_id.cmp(&b.child_id))
            .then_with(|| a.authority.cmp(&b.authority))
    });
}

/// One authority's part of the agency's agenda: its milestones and its agenda, each worked
/// out on its own view exactly as that authority's own agenda is.
pub struct AuthorityAgenda {
    /// The authority's number in the workspace.
    pub authority: u32,
    /// Its name.
    pub name: String,
    /// Its children's milestones.
    pub milestones: Vec<MilestoneDate>,
    /// Its agenda, in order of urgency.
    pub rows: Vec<AgendaRow>,
}

/// The agenda of every authority of `whole`, each from its own view: the same rows, effects
/// on the figures and own dates as on that authority's view (a child's effect is on its own
/// authority's figures, the ones its committee is scored on).
pub fn authorities_agendas(whole: &Document, as_of: NaiveDate) -> Vec<AuthorityAgenda> {
    whole
        .settings
        .authorities()
        .into_iter()
        .map(|(id, name)| {
            let view = project(whole, View::Authority(id));
            let forecast = forecast_of(&view, as_of);
            let milestones = milestone_dates(
                &view.records,
                &view.settings.timescales,
                &view.settings.thresholds,
                as_of,
                &view.settings.bank_holidays(),
            );
            let open = view.meetings.open_actions(as_of);
            let rows = agenda(id, &forecast, &view.records, &milestones, &open);
            AuthorityAgenda {
                authority: id,
                name: name.to_string(),
                milestones,
                rows,
            }
        })
        .collect()
}

/// Every authority's agenda as one, in order of urgency.
pub fn agency_agenda(parts: &[AuthorityAgenda]) -> Vec<AgendaRow> {
    let mut rows: Vec<AgendaRow> = parts.iter().flat_map(|p| p.rows.clone()).collect();
    by_urgency(&mut rows);
    rows
}

/// The header of [`agenda_csv`].
pub const AGENDA_CSV_HEADER: &str = "child_id,stage,family_finder,next_milestone,next_due_date,\
days_overdue,overdue_milestones,own_date,open_actions";

/// The agenda as CSV ("Download agenda (CSV)"), in its order: ISO dates; the overdue
/// milestones as `name (N days)` separated by `; `; the own date empty when the child has
/// none, `as_soon_as_possible` when it has already waited longer.
pub fn agenda_csv(rows: &[AgendaRow]) -> String {
    agenda_csv_named(rows, None::<fn(u32) -> String>)
}

/// The agenda of several authorities as CSV, in its order: the one authority's file with
/// each row's authority named in a last `authority` column.
pub fn agency_agenda_csv(rows: &[AgendaRow], name_of: impl Fn(u32) -> String) -> String {
    agenda_csv_named(rows, Some(name_of))
}

fn agenda_csv_named(rows: &[AgendaRow], name_of: Option<impl Fn(u32) -> String>) -> String {
    let mut out = String::from(AGENDA_CSV_HEADER);
    if name_of.is_some() {
        out.push_str(",authority");
    }
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
        if let Some(name_of) = &name_of {
            let line = out.trim_end_matches(['\r', '\n']).len();
            let end = out.split_off(line);
            out.push(',');
            out.push_str(csv_row(&[name_of(row.authority)]).trim_end_matches(['\r', '\n']));
            out.push_str(&end);
        }
    }
    out
}
