//! The app's state and every change a user can make to it.
//!
//! Pure: no storage, no clock, no DOM. The reducer returns the very same `Rc` when an action
//! changes nothing, so that Yew re-renders nothing; every change to the document keeps the
//! document before it, so that the last changes can be undone.

use crate::storage::document::{Comparison, Document, MadeUpCohort};
use crate::storage::LoadError;
use crate::ui::notice::Notice;
use chrono::NaiveDate;
use scorecard::{
    merge_aggregates, merge_children, ChildRecord, ComparatorTable, FinancialYear, MergeMode,
    PaceTarget, Scenario, Stage, StageDuration, ThresholdSchedule, YearAggregate,
};
use std::rc::Rc;
use yew::Reducible;

/// How many changes can be undone; older ones are forgotten so that a long session does not
/// hold thousands of copies of the records.
pub const UNDO_DEPTH: usize = 20;

/// Whether changes are being saved to this browser's storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    /// Every change is saved as it is made.
    On,
    /// The stored document could not be read, so nothing is saved over it until the user
    /// chooses; `raw` is what is stored, offered as a download.
    Paused {
        /// The stored text, unchanged.
        raw: Rc<str>,
        /// Why it could not be read, in words for the user.
        reason: String,
    },
    /// The browser gives no storage: changes last only while the page is open.
    Unavailable(String),
}

/// How imported rows combine with what is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// The file becomes the whole set.
    Replace,
    /// Rows whose key (child_id, or year) is already there replace that entry; others are
    /// added.
    Merge,
}

/// One change a user (or another tab, or the storage layer) makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Adds a child.
    AddRecord(ChildRecord),
    /// Replaces the child now identified by `child_id` (the reference itself may change).
    UpdateRecord {
        /// The reference of the record being edited, before the edit.
        child_id: String,
        /// The edited record.
        record: ChildRecord,
    },
    /// Removes the child with this reference.
    DeleteRecord(String),
    /// Brings in children read from a file (after the user confirmed the preview).
    ImportRecords {
        /// The usable rows of the file.
        records: Vec<ChildRecord>,
        /// Replace everything, or merge by `child_id`.
        mode: ImportMode,
    },
    /// Adds a year's published figures, or replaces those of the same year (and those of
    /// `replacing`, the year being edited, when the edit changed the year).
    SaveAggregate {
        /// The year of the entry being edited, if any.
        replacing: Option<FinancialYear>,
        /// The figures.
        aggregate: YearAggregate,
    },
    /// Removes a year's published figures.
    DeleteAggregate(FinancialYear),
    /// Brings in yearly figures read from a file (after the user confirmed the preview).
    ImportAggregates {
        /// The usable rows of the file.
        aggregates: Vec<YearAggregate>,
        /// Replace everything, or merge by year.
        mode: ImportMode,
    },
    /// Renames the authority.
    SetAuthorityName(String),
    /// Fixes the as-of date, or (`None`) follows today's date.
    SetAsOf(Option<NaiveDate>),
    /// Replaces the threshold schedule.
    SetThresholds(ThresholdSchedule),
    /// saves (or replaces, by name) a what-if scenario.
    SaveScenario(Scenario),
    /// removes the named scenario.
    DeleteScenario(String),
    /// uses the named scenario (`None`: the baseline).
    SelectScenario(Option<String>),
    /// sets the required-pace target (`None`: the default target).
    SetPaceTarget(Option<PaceTarget>),
    /// Changes the scenario in use; a saved scenario in use is updated with it, so that a
    /// named scenario never silently differs from what is on screen.
    EditScenario(Scenario),
    /// Sets one stage's duration in the scenario in use (`None`: back to its default). A
    /// change of one setting, not a whole scenario, so that two quick edits never undo each
    /// other through a stale copy.
    SetStageDuration(Stage, Option<StageDuration>),
    /// Sets a year's expected total adoptions in the scenario in use (`None`: the default).
    SetExpectedAdoptions(FinancialYear, Option<u32>),
    /// Sets the A1 and A2 days assumed for the adoptions not yet in the data (`None`: the
    /// last complete year's average).
    SetAssumedPace {
        /// A1 days.
        a1_days: Option<f64>,
        /// A2 days.
        a2_days: Option<f64>,
    },
    /// Saves the scenario in use under a name (replacing one of that name) and uses it.
    SaveScenarioAs(String),
    /// Shows another scenario beside the one in use (`None`: stop comparing).
    CompareWith(Option<Comparison>),
    /// keeps a trainer's made-up cohort (replacing one of the same name). Never
    /// touches the records.
    SaveMadeUpCohort(MadeUpCohort),
    /// removes the named made-up cohort.
    DeleteMadeUpCohort(String),
    /// brings in a comparator table read from a file (after the preview).
    ImportComparators {
        /// The usable rows of the file.
        table: ComparatorTable,
        /// Replace the table in use, or merge by authority, group and period.
        mode: ImportMode,
    },
    /// goes back to the published figures of the Sheffield City Council scrutiny report (2015).
    UseSeedComparators,
    /// Replaces the demonstration dataset by an empty one for the authority's own data.
    ClearDemonstrationData,
    /// Replaces everything by a backup the user chose (already migrated).
    RestoreBackup(Document),
    /// Goes back to the document before the last change.
    Undo,
    /// Another tab of the app saved (or removed) the document: the text it stored, read.
    OtherTabChanged(Result<Option<Document>, LoadError>),
    /// The user chose to save over a stored document that could not be read.
    ResumeSaving,
    /// The browser refused the last save; the message says why.
    SaveFailed(String),
    /// Shows a message about something the app did (a download, a file it could not read).
    Notify(Notice),
    /// Hides the current message.
    DismissNotice,
}

/// One change that can be undone.
#[derive(Debug, Clone, PartialEq)]
struct Change {
    before: Rc<Document>,
    label: String,
}

/// Everything the screens show.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The data, as stored.
    pub document: Rc<Document>,
    /// Counts the changes made in this tab; the save effect runs when it moves. Documents
    /// loaded from another tab do not move it, so they are not written back.
    pub revision: u64,
    /// Whether changes are saved.
    pub saving: Saving,
    /// The latest message for the status region.
    pub notice: Option<Notice>,
    history: Vec<Change>,
}

impl AppState {
    /// The state at start-up, from what storage gave and the demonstration dataset (used when
    /// nothing usable is stored).
    pub fn start(loaded: Result<Option<Document>, LoadError>, demonstration: Document) -> Self {
        // On a first start the demonstration is stored at once, so that what is shown is
        // what is kept, and a second tab opens on the same data.
        let first_start = matches!(loaded, Ok(None));
        let (document, saving, notice) = match loaded {
            Ok(Some(document)) => (document, Saving::On, None),
            Ok(None) => (demonstration, Saving::On, None),
            Err(LoadError::Unreadable { raw, reason }) => (
                demonstration,
                Saving::Paused {
                    raw: raw.into(),
                    reason: reason.to_string(),
                },
                None,
            ),
            Err(LoadError::Unavailable(why)) => (
                demonstration,
                Saving::Unavailable(why.clone()),
                Some(Notice::error(format!(
                    "This browser does not let the app store data ({why}). Changes last only \
                     while this page is open: download a backup before closing it."
                ))),
            ),
        };
        AppState {
            document: Rc::new(document),
            revision: u64::from(first_start),
            saving,
            notice,
            history: Vec::new(),
        }
    }

    /// What the undo button would undo ("deleted child C12"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.history.last().map(|c| c.label.as_str())
    }

    /// A new state with `document` after a change described by `label`, undoable.
    fn changed(&self, document: Document, label: String, notice: Option<Notice>) -> Rc<Self> {
        let mut history = self.history.clone();
        history.push(Change {
            before: self.document.clone(),
            label,
        });
        if history.len() > UNDO_DEPTH {
            history.remove(0);
        }
        Rc::new(AppState {
            document: Rc::new(document),
            revision: self.revision + 1,
            saving: self.saving.clone(),
            notice,
            history,
        })
    }

    /// A new state with only the notice changed (no re-render when it is the same).
    fn with_notice(self: Rc<Self>, notice: Option<Notice>) -> Rc<Self> {
        if self.notice == notice {
            return self;
        }
        let mut next = (*self).clone();
        next.notice = notice;
        Rc::new(next)
    }

    /// Applies `edit` to a copy of the document; the same state when it changed nothing.
    fn edit(
        self: Rc<Self>,
        label: impl Into<String>,
        edit: impl FnOnce(&mut Document),
    ) -> Rc<Self> {
        let mut document = (*self.document).clone();
        edit(&mut document);
        if document == *self.document {
            return self;
        }
        let label = label.into();
        let notice = Notice::success(format!("{}.", capitalise(&label)));
        self.changed(document, label, Some(notice))
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::AddRecord(record) => {
                let label = format!("added child {}", record.child_id);
                self.edit(label, |d| d.records.push(record))
            }
            Action::UpdateRecord { child_id, record } => {
                let label = format!("saved changes to child {}", record.child_id);
                self.edit(label, |d| {
                    if let Some(slot) = d.records.iter_mut().find(|r| r.child_id == child_id) {
                        *slot = record;
                    }
                })
            }
            Action::DeleteRecord(child_id) => {
                let label = format!("deleted child {child_id}");
                self.edit(label, |d| {
                    if let Some(at) = d.records.iter().position(|r| r.child_id == child_id) {
                        d.records.remove(at);
                    }
                })
            }
            Action::ImportRecords {
                records,
                mode: ImportMode::Merge,
            } => {
                // The engine's merge: references matched (surrounding spaces ignored), the
                // imported record winning, and a count of what changed for the message.
                let (merged, summary) =
                    merge_children(&self.document.records, &records, MergeMode::Merge);
                let label = format!(
                    "imported {}, merged by child_id: {} added, {} updated, {} unchanged",
                    count(records.len(), "record"),
                    summary.added,
                    summary.updated,
                    summary.unchanged
                );
                self.edit(label, |d| d.records = merged)
            }
            Action::ImportRecords {
                records,
                mode: ImportMode::Replace,
            } => {
                let label = format!("imported {}, replacing all", count(records.len(), "record"));
                self.edit(label, |d| {
                    // The authority's own records replacing the demonstration take nothing
                    // of it along: not its yearly figures, name or fixed as-of date.
                    if d.demonstration {
                        clear_demonstration(d);
                    }
                    d.records = records;
                })
            }
            Action::SaveAggregate {
                replacing,
                aggregate,
            } => {
                let label = format!("saved the figures for {}", aggregate.year);
                self.edit(label, |d| {
                    if let Some(old) = replacing.filter(|y| *y != aggregate.year) {
                        d.aggregates.retain(|a| a.year != old);
                    }
                    d.aggregates = merge_by(&d.aggregates, vec![aggregate], |a| a.year);
                    d.aggregates.sort_by_key(|a| a.year);
                })
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
                self.edit(label, |d| {
                    d.aggregates = match mode {
                        ImportMode::Replace => aggregates,
                        ImportMode::Merge => {
                            merge_aggregates(&d.aggregates, &aggregates, MergeMode::Merge).0
                        }
                    };
                    d.aggregates.sort_by_key(|a| a.year);
                })
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
                self.edit(label, |d| {
                    let saved = &mut d.scenarios.saved;
                    match saved.iter_mut().find(|s| s.name == scenario.name) {
                        Some(slot) => *slot = scenario,
                        None => saved.push(scenario),
                    }
                })
            }
            Action::DeleteScenario(name) => self.edit(format!("deleted scenario {name}"), |d| {
                d.scenarios.saved.retain(|s| s.name != name);
                if d.scenarios.selected.as_deref() == Some(name.as_str()) {
                    d.scenarios.selected = None;
                }
                if d.scenarios.working.name == name {
                    d.scenarios.working = Scenario::default();
                }
                if d.scenarios.compare == Some(Comparison::Saved(name.clone())) {
                    d.scenarios.compare = None;
                }
            }),
            Action::SelectScenario(name) => {
                let label = match &name {
                    Some(name) => format!("chose scenario {name}"),
                    None => "went back to the baseline".to_string(),
                };
                self.edit(label, |d| {
                    d.scenarios.working = name
                        .as_ref()
                        .and_then(|n| d.scenarios.saved.iter().find(|s| &s.name == n))
                        .cloned()
                        .unwrap_or_default();
                    d.scenarios.selected = name;
                })
            }
            Action::EditScenario(scenario) => self.edit("changed the scenario", |d| {
                d.scenarios.set_working(scenario)
            }),
            Action::SetStageDuration(stage, duration) => {
                self.edit(format!("changed {}", stage.label()), |d| {
                    let mut scenario = d.scenarios.working.clone();
                    match duration {
                        Some(duration) => scenario.stages.insert(stage, duration),
                        None => scenario.stages.remove(&stage),
                    };
                    d.scenarios.set_working(scenario);
                })
            }
            Action::SetExpectedAdoptions(year, expected) => {
                self.edit(format!("changed the adoptions expected in {year}"), |d| {
                    let mut scenario = d.scenarios.working.clone();
                    match expected {
                        Some(n) => scenario.expected_adoptions.insert(year, n),
                        None => scenario.expected_adoptions.remove(&year),
                    };
                    d.scenarios.set_working(scenario);
                })
            }
            Action::SetAssumedPace { a1_days, a2_days } => {
                self.edit("changed the pace assumed for further adoptions", |d| {
                    let mut scenario = d.scenarios.working.clone();
                    scenario.assumed_pace.a1_days = a1_days;
                    scenario.assumed_pace.a2_days = a2_days;
                    d.scenarios.set_working(scenario);
                })
            }
            Action::SaveScenarioAs(name) => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return self;
                }
                self.edit(format!("saved scenario {name}"), |d| {
                    let mut scenario = d.scenarios.working.clone();
                    scenario.name = name.clone();
                    match d.scenarios.saved.iter_mut().find(|s| s.name == name) {
                        Some(slot) => *slot = scenario.clone(),
                        None => d.scenarios.saved.push(scenario.clone()),
                    }
                    d.scenarios.working = scenario;
                    d.scenarios.selected = Some(name);
                })
            }
            Action::CompareWith(compare) => {
                self.edit("changed the comparison", |d| d.scenarios.compare = compare)
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
                            let current = d.comparators.take().unwrap_or_default();
                            ComparatorTable {
                                rows: merge_by(&current.rows, table.rows, |r| {
                                    (
                                        r.authority.trim().to_lowercase(),
                                        r.group.trim().to_lowercase(),
                                        r.period,
                                    )
                                }),
                            }
                        }
                    })
                })
            }
            Action::UseSeedComparators => self.edit(
                "went back to the published comparators of the Sheffield scrutiny report (2015)",
                |d| d.comparators = None,
            ),
            Action::ClearDemonstrationData => {
                if !self.document.demonstration {
                    return self;
                }
                self.edit("cleared the demonstration data", clear_demonstration)
            }
            Action::RestoreBackup(backup) => self.edit("restored the backup", |d| *d = backup),
            Action::Undo => {
                let Some(change) = self.history.last().cloned() else {
                    return self;
                };
                let mut history = self.history.clone();
                history.pop();
                Rc::new(AppState {
                    document: change.before,
                    revision: self.revision + 1,
                    saving: self.saving.clone(),
                    notice: Some(Notice::success(format!("Undone: {}.", change.label))),
                    history,
                })
            }
            Action::OtherTabChanged(loaded) => self.other_tab_changed(loaded),
            Action::ResumeSaving => {
                if !matches!(self.saving, Saving::Paused { .. }) {
                    return self;
                }
                // Saving what is shown now is the user's choice: bump the revision so it is
                // written at once.
                let mut next = (*self).clone();
                next.saving = Saving::On;
                next.revision += 1;
                next.notice = Some(Notice::success(
                    "Saving is on again: the data shown here has replaced what was stored.",
                ));
                Rc::new(next)
            }
            Action::SaveFailed(why) => self.with_notice(Some(Notice::error(format!(
                "Your last change could not be saved: {why}. The data saved before it is \
                 unchanged. Undo the change, or download a backup, before closing this page."
            )))),
            Action::Notify(notice) => self.with_notice(Some(notice)),
            Action::DismissNotice => self.with_notice(None),
        }
    }
}

impl AppState {
    /// Another tab stored a new document: show it (undo history no longer applies to it), or,
    /// when it cannot be read, keep ours on screen and stop saving so neither is lost.
    fn other_tab_changed(self: Rc<Self>, loaded: Result<Option<Document>, LoadError>) -> Rc<Self> {
        match loaded {
            Ok(Some(document)) => {
                // What is stored is readable again (another tab chose to replace what could
                // not be read), so there is nothing left to protect: saving resumes.
                let saving = match &self.saving {
                    Saving::Paused { .. } => Saving::On,
                    other => other.clone(),
                };
                if document == *self.document && saving == self.saving {
                    return self;
                }
                Rc::new(AppState {
                    document: Rc::new(document),
                    revision: self.revision,
                    saving,
                    notice: Some(Notice::new(
                        crate::ui::notice::Level::Info,
                        "The data was changed in another tab or window of this app; this page \
                         now shows those changes.",
                    )),
                    history: Vec::new(),
                })
            }
            Ok(None) => self.with_notice(Some(Notice::new(
                crate::ui::notice::Level::Warning,
                "The stored data was removed in another tab or window. What this page shows \
                 will be saved again with your next change.",
            ))),
            Err(LoadError::Unreadable { raw, reason }) => {
                let mut next = (*self).clone();
                next.saving = Saving::Paused {
                    raw: raw.into(),
                    reason: reason.to_string(),
                };
                next.notice = None;
                Rc::new(next)
            }
            Err(LoadError::Unavailable(why)) => self.with_notice(Some(Notice::error(format!(
                "Storage is not available: {why}."
            )))),
        }
    }
}

/// `existing` with each of `incoming` replacing the entry with the same key, or added at the
/// end when its key is new.
fn merge_by<T: Clone, K: PartialEq>(
    existing: &[T],
    incoming: Vec<T>,
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    let mut merged = existing.to_vec();
    for item in incoming {
        let k = key(&item);
        match merged.iter_mut().find(|e| key(e) == k) {
            Some(slot) => *slot = item,
            None => merged.push(item),
        }
    }
    merged
}

/// Takes away the demonstration's children, yearly figures, authority name and fixed as-of
/// date, and keeps what the user made meanwhile (thresholds, scenarios, workshop cohorts,
/// comparators): those are not the demonstration's.
fn clear_demonstration(d: &mut Document) {
    d.records.clear();
    d.aggregates.clear();
    d.settings.authority_name.clear();
    d.settings.as_of = None;
    d.demonstration = false;
}

/// "1 record", "2 records".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "added child C1" -> "Added child C1".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
