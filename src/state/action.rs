//! Every change a user (or another tab, or the storage layer) can make to the app's state.

use crate::storage::document::{Comparison, Document, MadeUpCohort};
use crate::storage::LoadError;
use crate::ui::notice::Notice;
use chrono::NaiveDate;
use scorecard::{
    ChildRecord, ComparatorTable, FinancialYear, PaceTarget, Scenario, Stage, StageDuration,
    ThresholdSchedule, YearAggregate,
};
use std::rc::Rc;

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
// An action is made one at a time, by a person or a save: the size of the largest (a child's
// record before and after an edit) costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replaces the child now identified by `child_id` (the reference itself may change).
    UpdateRecord {
        /// The reference of the record being edited, before the edit.
        child_id: String,
        /// The edited record.
        record: ChildRecord,
        /// The record as it was when the form was opened, if the edit was made in a form: a
        /// record another tab changed meanwhile is not written over, but shown side by side.
        opened: Option<ChildRecord>,
    },
    /// Fixes the as-of date, or (`None`) follows today's date.
    SetAsOf(Option<NaiveDate>),
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
    /// Sets the share (percent) of children not yet matched who leave the route, for the
    /// likely range (`None`: the authority's own rate).
    SetLeavingRate(Option<f64>),
    /// Saves the scenario in use under a name (replacing one of that name) and uses it.
    SaveScenarioAs(String),
    /// Shows another scenario beside the one in use (`None`: stop comparing).
    CompareWith(Option<Comparison>),
    /// Sets which adoptions every figure counts, on every screen.
    SetBasis(scorecard::FiguresBasis),
    /// Replaces the demonstration dataset by an empty one for the authority's own data.
    ClearDemonstrationData,
    /// Shows one authority, or the agency as a whole (chosen in the page frame).
    SetView(crate::storage::authorities::View),
    /// Goes back to the document before the last change.
    Undo,
    /// Another tab of the app saved (or removed) the document: the text it stored, read. Its
    /// changes are merged with this tab's unsaved ones.
    OtherTabChanged(Result<Option<Document>, LoadError>),
    /// A save found stored text it could not recognise as what this tab last wrote or read:
    /// the text, read. Another tab's work is merged as for [`Action::OtherTabChanged`].
    ReadBeforeSaving(Result<Option<Document>, LoadError>),
    /// The document `from` was written to storage as `written` (with its new revision).
    Saved {
        /// The document the save started from.
        from: Rc<Document>,
        /// What was stored.
        written: Rc<Document>,
    },
    /// Settles a clash between this tab's change and another tab's: keep mine or theirs.
    SettleClash {
        /// Which clash, by its place in the list shown.
        index: usize,
        /// Whether this tab's value is kept (otherwise the other tab's stays).
        keep_mine: bool,
    },
    /// The user chose to save over a stored document that could not be read.
    ResumeSaving,
    /// The browser refused the last save; the message says why. The app turns read-only.
    SaveFailed(String),
    /// The user asks to save again after a refused save.
    RetrySaving,
    /// How many characters the origin keeps in LocalStorage after a save.
    StorageUsed(u64),
    /// Shows a message about something the app did (a download, a file it could not read).
    Notify(Notice),
    /// Hides the current message.
    DismissNotice,
    /// A change made on one of the screens that arrive after the first (see [`LaterAction`]).
    Later(Later),
}

/// A change made on one of the screens that arrive after the first (records, yearly figures,
/// tracking, plans, workshop, comparators, settings).
///
/// Kept apart from [`Action`] so that the code making these changes travels with those screens
/// in the release build rather than in the first visit's download: the reducer reaches it only
/// through the function a [`Later`] carries, which only these screens' code names.
#[derive(Debug, Clone, PartialEq)]
pub enum LaterAction {
    /// Adds a child.
    AddRecord(ChildRecord),
    /// Removes the child with this reference.
    DeleteRecord(String),
    /// Brings in children read from a file (after the user confirmed the preview).
    ImportRecords {
        /// The usable rows of the file.
        records: Vec<ChildRecord>,
        /// Replace everything, or merge by `child_id`.
        mode: ImportMode,
        /// The authority's name, when the import confirmation asked for it (the first import
        /// of the authority's own records); set in the same step, so one undo takes back both.
        authority: Option<String>,
    },
    /// Brings in the children read from an SSDA903 return (after the user confirmed the
    /// preview): merged, the return's dates replace a child's scorecard dates and what the
    /// return does not hold is kept.
    ImportReturn {
        /// The children the return's rules made.
        records: Vec<ChildRecord>,
        /// Replace everything, or merge by `child_id`.
        mode: ImportMode,
        /// The authority's name, when the confirmation asked for it, as for
        /// [`LaterAction::ImportRecords`].
        authority: Option<String>,
        /// The authority the return is from, by its number, where the workspace has several
        /// (asked in the preview); `None` for the view shown.
        into: Option<u32>,
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
    /// Replaces the threshold schedule.
    SetThresholds(ThresholdSchedule),
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
    /// Replaces the tracking meeting's timescales.
    SetTimescales(Vec<scorecard::timescales::TimescaleRule>),
    /// Replaces the bank holidays added to the shipped list.
    SetExtraBankHolidays(Vec<NaiveDate>),
    /// Keeps an action plan: a new one, or `replacing` the plan of that title (whose title
    /// may have changed).
    SavePlan {
        /// The title of the plan being edited, if any.
        replacing: Option<String>,
        /// The plan.
        plan: crate::plans::model::Plan,
    },
    /// Removes the action plan with this title.
    DeletePlan(String),
    /// Holds a tracking meeting on `date` (or changes the attendees of the one held that day).
    HoldMeeting {
        /// The day.
        date: NaiveDate,
        /// Who attended.
        attendees: String,
    },
    /// Changes one answer (or action) of one child's outcome at the meeting of `date`, as
    /// the manager types it: nothing waits for a separate save.
    EditOutcome {
        /// The meeting's day.
        date: NaiveDate,
        /// The child's authority, by its number in the workspace (whatever the view shown).
        authority: u32,
        /// The child's case reference.
        child_id: String,
        /// The change.
        edit: crate::tracking::questions::OutcomeEdit,
    },
    /// Marks one action done or not done.
    SetActionDone {
        /// The meeting it was agreed at.
        date: NaiveDate,
        /// The child's authority, by its number in the workspace (whatever the view shown).
        authority: u32,
        /// The child it is for.
        child_id: String,
        /// Its place among that child's actions at that meeting.
        index: usize,
        /// Done or not.
        done: bool,
    },
    /// Adds an authority to the workspace, with no children yet.
    AddAuthority(String),
    /// Replaces everything by a backup the user chose (already migrated), after a safety copy
    /// of what it replaces was kept.
    RestoreBackup(Document),
    /// Replaces everything by a safety copy the user chose (already migrated).
    RestoreSafetyCopy(Document),
}

/// A [`LaterAction`] with the function that makes it, handed to the reducer as an [`Action`].
#[derive(Debug, Clone)]
pub struct Later {
    pub(super) action: Rc<LaterAction>,
    pub(super) apply: fn(Rc<super::AppState>, LaterAction) -> Rc<super::AppState>,
}

/// Two are the same change when their actions are: the function is always the one
/// [`From<LaterAction>`] gives.
impl PartialEq for Later {
    fn eq(&self, other: &Self) -> bool {
        self.action == other.action
    }
}

impl From<LaterAction> for Action {
    fn from(action: LaterAction) -> Action {
        Action::Later(Later {
            action: Rc::new(action),
            apply: super::AppState::reduce_later,
        })
    }
}
