//! The reducer: each action applied to the state. The document edits themselves live with
//! their feature (`records::edits`, `scenarios::edits`); what is here is the history and the
//! saving state. Other tabs' saves and the clashes they bring are in [`super::sync`].

use super::{capitalise, count, Action, AppState, ImportMode, Saving};
use crate::records::edits as records;
use crate::scenarios::edits as scenarios;
use crate::storage::authorities::{self, View};
use crate::storage::document::Document;
use crate::storage::items;
use crate::ui::notice::Notice;
use scorecard::ComparatorTable;
use std::rc::Rc;
use yew::Reducible;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::AddRecord(record) => {
                let label = format!("added child {}", record.child_id);
                self.edit(label, |d| records::add(d, record))
            }
            Action::UpdateRecord {
                child_id,
                record,
                opened,
            } => self.update_record(child_id, record, opened),
            Action::DeleteRecord(child_id) => {
                let label = format!("deleted child {child_id}");
                self.edit(label, |d| records::delete(d, &child_id))
            }
            Action::ImportRecords {
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
            Action::ImportReturn {
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
            Action::SaveAggregate {
                replacing,
                aggregate,
            } => {
                let label = format!("saved the figures for {}", aggregate.year);
                self.edit(label, |d| records::save_aggregate(d, replacing, aggregate))
            }
            Action::DeleteAggregate(year) => self
                .edit(format!("deleted the figures for {year}"), |d| {
                    d.aggregates.retain(|a| a.year != year)
                }),
            Action::ImportAggregates { aggregates, mode } => {
                let label = format!(
                    "imported the figures for {}",
                    count(aggregates.len(), "year")
                );
                self.edit(label, |d| records::import_aggregates(d, aggregates, mode))
            }
            Action::SetAuthorityName(name) => {
                let name = name.trim().to_string();
                self.edit("changed the authority's name", |d| {
                    d.settings.authority_name = name
                })
            }
            Action::SetAsOf(as_of) => {
                let label = match as_of {
                    Some(date) => format!(
                        "set the as-of date to {}",
                        scorecard::dates::format_uk(date)
                    ),
                    None => "set the as-of date to follow today's date".to_string(),
                };
                self.edit(label, |d| d.settings.as_of = as_of)
            }
            Action::SetThresholds(schedule) => self.edit("changed the threshold schedule", |d| {
                d.settings.thresholds = schedule
            }),
            Action::SaveScenario(scenario) => {
                let label = format!("saved scenario {}", scenario.name);
                self.edit(label, |d| scenarios::save(d, scenario))
            }
            Action::DeleteScenario(name) => self.edit(format!("deleted scenario {name}"), |d| {
                scenarios::delete(d, &name)
            }),
            Action::SelectScenario(name) => {
                let label = match &name {
                    Some(name) => format!("chose scenario {name}"),
                    None => "went back to the baseline".to_string(),
                };
                self.edit(label, |d| scenarios::select(d, name))
            }
            Action::EditScenario(scenario) => self.edit("changed the scenario", |d| {
                d.scenarios.set_working(scenario)
            }),
            Action::SetStageDuration(stage, duration) => self
                .edit(format!("changed {}", stage.label()), |d| {
                    scenarios::set_stage(d, stage, duration)
                }),
            Action::SetExpectedAdoptions(year, expected) => self
                .edit(format!("changed the adoptions expected in {year}"), |d| {
                    scenarios::set_expected(d, year, expected)
                }),
            Action::SetAssumedPace { a1_days, a2_days } => self
                .edit("changed the pace assumed for further adoptions", |d| {
                    scenarios::set_assumed_pace(d, a1_days, a2_days)
                }),
            Action::SetLeavingRate(percent) => self
                .edit("changed the share of children leaving the route", |d| {
                    scenarios::set_leaving(d, percent)
                }),
            Action::SaveScenarioAs(name) => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return self;
                }
                self.edit(format!("saved scenario {name}"), |d| {
                    scenarios::save_as(d, name.clone())
                })
            }
            Action::CompareWith(compare) => {
                self.edit("changed the comparison", |d| d.scenarios.compare = compare)
            }
            Action::SetBasis(basis) => {
                let label = match basis {
                    scorecard::FiguresBasis::WithExpected => {
                        "counted the adoptions we expect in the figures"
                    }
                    scorecard::FiguresBasis::DataOnly => {
                        "left the adoptions we expect out of the figures"
                    }
                };
                self.edit(label, |d| d.scenarios.basis = basis)
            }
            Action::SetPaceTarget(target) => {
                self.edit("changed the target", |d| d.scenarios.pace_target = target)
            }
            Action::SaveMadeUpCohort(cohort) => {
                let label = format!("built the made-up cohort {}", cohort.name);
                self.edit(label, |d| {
                    let cohorts = &mut d.workshop.cohorts;
                    match cohorts.iter_mut().find(|c| c.name == cohort.name) {
                        Some(slot) => *slot = cohort,
                        None => cohorts.push(cohort),
                    }
                })
            }
            Action::DeleteMadeUpCohort(name) => self
                .edit(format!("deleted the made-up cohort {name}"), |d| {
                    d.workshop.cohorts.retain(|c| c.name != name)
                }),
            Action::ImportComparators { table, mode } => {
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
            Action::UseSeedComparators => self.edit(
                "went back to the published comparators of the Sheffield City Council scrutiny \
                 report (2015)",
                |d| d.comparators = None,
            ),
            Action::SetTimescales(rules) => self.edit("changed the tracking timescales", |d| {
                d.settings.timescales = rules
            }),
            Action::SetExtraBankHolidays(mut days) => {
                scorecard::sorting::sort(&mut days);
                days.dedup();
                self.edit("changed the extra bank holidays", |d| {
                    d.settings.extra_bank_holidays = days
                })
            }
            Action::SavePlan { replacing, plan } => {
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
            Action::DeletePlan(title) => self
                .edit(format!("deleted the action plan {title}"), |d| {
                    d.plans.plans.retain(|p| p.title != title)
                }),
            Action::HoldMeeting { date, attendees } => {
                let label = format!(
                    "held the tracking meeting of {}",
                    scorecard::dates::format_uk(date)
                );
                self.edit(label, |d| {
                    d.meetings.hold(date, attendees.trim().to_string())
                })
            }
            Action::EditOutcome {
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
            Action::SetActionDone {
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
            Action::ClearDemonstrationData => {
                if !self.document.demonstration {
                    return self;
                }
                self.edit_whole(
                    "cleared the demonstration data",
                    records::clear_demonstration,
                )
            }
            Action::RestoreBackup(backup) => {
                self.edit_whole("restored the backup", |d| *d = backup)
            }
            Action::RestoreSafetyCopy(copy) => {
                self.edit_whole("restored the safety copy", |d| *d = copy)
            }
            Action::SetView(view) => {
                if self.view == view {
                    return self;
                }
                let mut next = (*self).clone();
                next.view = view;
                Rc::new(next)
            }
            Action::AddAuthority(name) => {
                let name = name.trim().to_string();
                let label = format!("added the authority {name}");
                self.edit_whole(label, |d| {
                    d.settings.add_authority(&name);
                })
            }
            Action::Undo if matches!(self.saving, Saving::Refused(_)) => {
                self.with_notice(Some(Notice::error(super::READ_ONLY)))
            }
            Action::Undo => self.undo(),
            Action::OtherTabChanged(loaded) => self.other_tab_changed(loaded),
            Action::Saved { from, written } => self.saved(from, written),
            Action::SettleClash { index, keep_mine } => self.settle_clash(index, keep_mine),
            Action::ResumeSaving => {
                if !matches!(self.saving, Saving::Paused { .. }) {
                    return self;
                }
                // Saving what is shown now is the user's choice: mark it unsaved so it is
                // written at once, over the text that could not be read.
                let mut next = (*self).clone();
                next.saving = Saving::On;
                next.replace_unreadable = true;
                next.unsaved = true;
                next.changes += 1;
                next.notice = Some(Notice::success(
                    "Saving is on again: the data shown here has replaced what was stored.",
                ));
                Rc::new(next)
            }
            Action::SaveFailed(why) => {
                let mut next = (*self).clone();
                next.notice = Some(Notice::error(format!(
                    "Your last change could not be saved: {why}. The data saved before it is \
                     unchanged. Download a backup before closing this page."
                )));
                next.saving = Saving::Refused(why);
                Rc::new(next)
            }
            Action::RetrySaving => {
                if !matches!(self.saving, Saving::Refused(_)) {
                    return self;
                }
                let mut next = (*self).clone();
                next.saving = Saving::On;
                // Moves the change count so the saver tries the unsaved change again.
                next.changes += 1;
                next.notice = None;
                Rc::new(next)
            }
            Action::StorageUsed(used) => {
                if self.storage_used == Some(used) {
                    return self;
                }
                let mut next = (*self).clone();
                next.storage_used = Some(used);
                Rc::new(next)
            }
            Action::Notify(notice) => self.with_notice(Some(notice)),
            Action::DismissNotice => self.with_notice(None),
        }
    }
}

impl AppState {
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

    /// Takes the last change back: each item it touched returns to its value before, unless it
    /// was changed again since (here or in another tab), which is then left as it is.
    fn undo(self: Rc<Self>) -> Rc<Self> {
        let Some(change) = self.history.last().cloned() else {
            return self;
        };
        let undone = items::undo(&self.document, &change.patch);
        let mut text = format!("Undone: {}.", change.label);
        if !undone.skipped.is_empty() {
            let left: Vec<String> = undone
                .skipped
                .iter()
                .map(|k| k.describe(items::get(&self.document, k).as_ref()))
                .collect();
            text.push_str(&format!(
                " Left as it is, because it was changed again since: {}.",
                left.join(", ")
            ));
        }
        let mut history = (*self.history).clone();
        history.pop();
        let mut next = (*self).clone();
        next.document = Rc::new(undone.document);
        next.history = Rc::new(history);
        next.changes += 1;
        next.unsaved = true;
        next.notice = Some(Notice::success(text));
        Rc::new(next)
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
