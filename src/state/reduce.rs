//! The reducer: each action applied to the state. The document edits themselves live with
//! their feature (`records::edits`, `scenarios::edits`); what is here is the history and the
//! saving state. Other tabs' saves and the clashes they bring are in [`super::sync`].

use super::{Action, AppState, Saving};
use crate::records::edits as records;
use crate::scenarios::edits as scenarios;
use crate::storage::items;
use crate::ui::notice::Notice;
use std::rc::Rc;
use yew::Reducible;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::UpdateRecord {
                child_id,
                record,
                opened,
            } => self.update_record(child_id, record, opened),
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
            Action::ClearDemonstrationData => {
                if !self.document.demonstration {
                    return self;
                }
                self.edit_whole(
                    "cleared the demonstration data",
                    records::clear_demonstration,
                )
            }
            Action::SetView(view) => {
                if self.view == view {
                    return self;
                }
                let mut next = (*self).clone();
                next.view = view;
                Rc::new(next)
            }
            Action::Undo if matches!(self.saving, Saving::Refused(_)) => {
                self.with_notice(Some(Notice::error(super::READ_ONLY)))
            }
            Action::Undo => self.undo(),
            Action::OtherTabChanged(loaded) => self.other_tab_changed(loaded),
            Action::ReadBeforeSaving(loaded) => self.read_before_saving(loaded),
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
            Action::Later(later) => {
                let action =
                    Rc::try_unwrap(later.action).unwrap_or_else(|shared| (*shared).clone());
                (later.apply)(self, action)
            }
        }
    }
}

impl AppState {
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
