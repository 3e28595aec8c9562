//! The changes made on the screens that arrive after the first (see [`LaterAction`]): records,
//! yearly figures, tracking, plans, workshop, comparators and settings. The reducer reaches
//! them only through the function each [`super::action::Later`] carries.

use super::{capitalise, count, AppState, ImportMode, LaterAction};
use crate::records::edits as records;
use crate::storage::authorities::{self, View};
use crate::storage::document::Document;
use crate::ui::notice::Notice;
use scorecard::ComparatorTable;
use std::rc::Rc;

impl AppState {
    /// `action` made on this state.
    pub(super) fn reduce_later(self: Rc<Self>, action: LaterAction) -> Rc<Self> {
        match action {
            LaterAction::AddRecord(record) => {
                let label = format!("added child {}", record.child_id);
                self.edit(label, |d| records::add(d, record))
            }
            LaterAction::DeleteRecord(child_id) => {
                let label = format!("deleted child {child_id}");
                self.edit(label, |d| records::delete(d, &child_id))
            }
            LaterAction::ImportRecords {
                records,
                mode,
                authority,
            } => {
                let mut label = String::new();
                let document = if self.document.settings.has_several() {
                    self.import_by_authority(records, mode, authority, &mut label)
                } else {
                    self.edited_in_view(|d| {
                        label = records::import(d, records, mode);
                        set_authority_name(d, authority);
                    })
                };
                let notice = Notice::success(format!("{}.", capitalise(&label)));
                self.changed(document, label, Some(notice))
            }
            LaterAction::ImportReturn {
                records,
                mode,
                authority,
                into,
            } => {
                let mut label = String::new();
                let edit = |d: &mut Document| {
                    label = records::import_return(d, records, mode);
                    set_authority_name(d, authority);
                };
                // A return is one authority's: it goes into the authority it was said to be
                // from, whatever the view, and replaces only that authority's children.
                let document = match into {
                    Some(id)
                        if self.document.settings.has_several()
                            && self.document.settings.authority_name_of(id).is_some() =>
                    {
                        authorities::edit_view(&self.document, View::Authority(id), edit)
                    }
                    _ => self.edited_in_view(edit),
                };
                let notice = Notice::success(format!("{}.", capitalise(&label)));
                self.changed(document, label, Some(notice))
            }
            LaterAction::SaveAggregate {
                replacing,
                aggregate,
            } => {
                let label = format!("saved the figures for {}", aggregate.year);
                self.edit(label, |d| records::save_aggregate(d, replacing, aggregate))
            }
            LaterAction::DeleteAggregate(year) => self
                .edit(format!("deleted the figures for {year}"), |d| {
                    d.aggregates.retain(|a| a.year != year)
                }),
            LaterAction::ImportAggregates { aggregates, mode } => {
                let label = format!(
                    "imported the figures for {}",
                    count(aggregates.len(), "year")
                );
                self.edit(label, |d| records::import_aggregates(d, aggregates, mode))
            }
            LaterAction::SetAuthorityName(name) => {
                let name = name.trim().to_string();
                self.edit("changed the authority's name", |d| {
                    d.settings.authority_name = name
                })
            }
            LaterAction::SetThresholds(schedule) => self
                .edit("changed the threshold schedule", |d| {
                    d.settings.thresholds = schedule
                }),
            LaterAction::SaveMadeUpCohort(cohort) => {
                let label = format!("built the made-up cohort {}", cohort.name);
                self.edit(label, |d| {
                    let cohorts = &mut d.workshop.cohorts;
                    match cohorts.iter_mut().find(|c| c.name == cohort.name) {
                        Some(slot) => *slot = cohort,
                        None => cohorts.push(cohort),
                    }
                })
            }
            LaterAction::DeleteMadeUpCohort(name) => self
                .edit(format!("deleted the made-up cohort {name}"), |d| {
                    d.workshop.cohorts.retain(|c| c.name != name)
                }),
            LaterAction::ImportComparators { table, mode } => {
                let label = format!("imported {} comparator rows", table.rows.len());
                self.edit(label, |d| {
                    d.comparators = Some(match mode {
                        ImportMode::Replace => table,
                        ImportMode::Merge => {
                            merge_comparators(d.comparators.take().unwrap_or_default(), table)
                        }
                    })
                })
            }
            LaterAction::UseSeedComparators => self.edit(
                "went back to the published comparators of the Sheffield City Council scrutiny \
                 report (2015)",
                |d| d.comparators = None,
            ),
            LaterAction::SetTimescales(rules) => self
                .edit("changed the tracking timescales", |d| {
                    d.settings.timescales = rules
                }),
            LaterAction::SetExtraBankHolidays(mut days) => {
                scorecard::sorting::sort(&mut days);
                days.dedup();
                self.edit("changed the extra bank holidays", |d| {
                    d.settings.extra_bank_holidays = days
                })
            }
            LaterAction::SavePlan { replacing, plan } => {
                let label = format!("saved the action plan {}", plan.title);
                self.edit(label, |d| {
                    let at = replacing.as_ref().and_then(|t| {
                        // Titles are kept unique, but an owner's plan is only ever
                        // replaced by a plan of the same owner.
                        d.plans
                            .plans
                            .iter()
                            .position(|p| &p.title == t && p.of == plan.of)
                    });
                    match at {
                        Some(i) => d.plans.plans[i] = plan,
                        None => d.plans.plans.push(plan),
                    }
                })
            }
            LaterAction::DeletePlan(title) => self
                .edit(format!("deleted the action plan {title}"), |d| {
                    d.plans.plans.retain(|p| p.title != title)
                }),
            LaterAction::HoldMeeting { date, attendees } => {
                let label = format!(
                    "held the tracking meeting of {}",
                    scorecard::dates::format_uk(date)
                );
                self.edit(label, |d| {
                    d.meetings.hold(date, attendees.trim().to_string())
                })
            }
            LaterAction::EditOutcome {
                date,
                authority,
                child_id,
                edit,
            } => {
                let label = edit.describe(&child_id);
                let typing = edit.is_typing();
                // Made on the whole document by the child's authority: words handed over as
                // their box goes (the view changed under them) still reach their own child.
                let next = self.clone().edit_whole(label, |d| {
                    d.meetings.edit_outcome(date, authority, &child_id, edit)
                });
                // Nothing kept (nothing changed, or the app is read-only and says why).
                if Rc::ptr_eq(&next.document, &self.document) {
                    return next;
                }
                // Kept as it is typed, each answer says nothing in the status line (the form
                // says once that everything is kept): a message appearing above the form on
                // leaving a box would move the page under the pointer on its way to a button.
                let next = next.with_notice(self.notice.clone());
                if typing {
                    next.join_last_two_if_same()
                } else {
                    next
                }
            }
            LaterAction::SetActionDone {
                date,
                authority,
                child_id,
                index,
                done,
            } => {
                let label = format!(
                    "marked an action for child {child_id} {}",
                    if done { "done" } else { "not done" }
                );
                self.edit_whole(label, |d| {
                    d.meetings.set_done(date, authority, &child_id, index, done)
                })
            }
            LaterAction::RestoreBackup(backup) => {
                self.edit_whole("restored the backup", |d| *d = backup)
            }
            LaterAction::RestoreSafetyCopy(copy) => {
                self.edit_whole("restored the safety copy", |d| *d = copy)
            }
            LaterAction::AddAuthority(name) => {
                let name = name.trim().to_string();
                let label = format!("added the authority {name}");
                self.edit_whole(label, |d| {
                    d.settings.add_authority(&name);
                })
            }
        }
    }

    /// The whole document after children numbered by authority (each child's `authority` is
    /// the authority it goes to) are imported, each group into its own authority as if
    /// imported on its view: merged by reference within it, or replacing its children only.
    fn import_by_authority(
        &self,
        records: Vec<scorecard::ChildRecord>,
        mode: ImportMode,
        name: Option<String>,
        label: &mut String,
    ) -> Document {
        let shown = match self.current_view() {
            View::Authority(id) => Some(id),
            View::Agency => None,
        };
        let mut groups: std::collections::BTreeMap<u32, Vec<scorecard::ChildRecord>> =
            Default::default();
        for mut child in records {
            let mut id = std::mem::take(&mut child.authority);
            // The records screen numbers every child; one it could not goes to the
            // authority shown rather than to none.
            if self.document.settings.authority_name_of(id).is_none() {
                id = shown.unwrap_or(0);
            }
            groups.entry(id).or_default().push(child);
        }
        let mut document = (*self.document).clone();
        let mut labels = Vec::new();
        for (id, group) in groups {
            let who = self.document.settings.view_name(View::Authority(id));
            document = authorities::edit_view(&document, View::Authority(id), |d| {
                labels.push(format!("{} into {who}", records::import(d, group, mode)));
                if shown == Some(id) {
                    set_authority_name(d, name.clone());
                }
            });
        }
        *label = labels.join("; ");
        document
    }
}

/// The imported comparator rows replacing those of the same authority, group and period.
fn merge_comparators(current: ComparatorTable, incoming: ComparatorTable) -> ComparatorTable {
    let key = |r: &scorecard::ComparatorRow| {
        (
            r.authority.trim().to_lowercase(),
            r.group.trim().to_lowercase(),
            r.period,
        )
    };
    let mut rows = current.rows;
    for row in incoming.rows {
        match rows.iter_mut().find(|e| key(e) == key(&row)) {
            Some(slot) => *slot = row,
            None => rows.push(row),
        }
    }
    ComparatorTable { rows }
}

/// Names the authority as typed at an import's confirmation; a blank answer leaves the name
/// as it was.
fn set_authority_name(document: &mut Document, authority: Option<String>) {
    if let Some(name) = authority.map(|n| n.trim().to_string()) {
        if !name.is_empty() {
            document.settings.authority_name = name;
        }
    }
}
