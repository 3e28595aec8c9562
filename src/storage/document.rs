//! What this browser keeps for the authority: one document holding every record, aggregate,
//! setting and scenario, saved as a whole so that a backup file and the stored copy are the
//! same thing.
//!
//! Figures are never stored here: they are derived from the document whenever it changes, so
//! an upgrade of the engine can never leave stale numbers behind.

use chrono::NaiveDate;
use scorecard::timescales::TimescaleRule;
use scorecard::{
    ChildRecord, CohortTemplate, ComparatorTable, FiguresBasis, PaceTarget, Scenario,
    ThresholdSchedule, YearAggregate,
};
use serde::{Deserialize, Serialize};

/// The schema version this build writes. Every earlier version has a migration in
/// [`crate::storage::migrate`]; a document with a higher number was written by a newer build and is
/// left untouched.
///
/// Version 3 stores a child's fields under short names (`ec` for `entered_care`, see
/// [`scorecard::record::STORED_NAMES`]) and leaves out the ones not yet known: 10,000 children
/// then fit in under 2 MB of the browser's usual 5 MB.
///
/// Version 4 keeps the basis of the figures (with the adoptions the scenario expects, or the
/// children in the data alone) with the scenarios, so that every screen shows the same one; a
/// document written before reads as "with the adoptions we expect", the forecast's default.
///
/// Version 5 holds several authorities of a regional adoption agency: each child and each
/// year of published figures names its authority by number (`au`, left out for the first
/// authority), and the settings list the further authorities and the agency's name. A
/// document written before is one authority, the first, and reads unchanged; an older build
/// refuses a version 5 document rather than drop the other authorities' children.
///
/// Version 6 keeps each tracking meeting outcome with its child's authority (`au`, left out
/// for the first), so that two authorities' children with the same reference never share
/// notes, answers or actions. An outcome of a document written before is the first
/// authority's, as every child was then; a build of version 5 refuses the document rather
/// than give one authority's notes to another's child.
///
/// Version 7 keeps with each action plan whose it is (`of`: an authority's number or the
/// agency, left out for the first authority). A plan of a document written before is the
/// first authority's, as every plan was when the document held one authority; a build of
/// version 6 refuses the document rather than show one authority's plans as another's.
pub const DOCUMENT_VERSION: u64 = 7;

/// Everything the app keeps, as stored in the browser and in a backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The schema version ([`DOCUMENT_VERSION`] once loaded).
    pub version: u64,
    /// How many times the stored document has been saved, by any tab. A tab saves only over
    /// the revision it last read, so that two tabs never overwrite each other's work.
    #[serde(default)]
    pub revision: u64,
    /// When the stored document was last saved, as the saving computer's local time
    /// ("2015-06-30T10:42"), so that a clash can say when the other tab made its change.
    #[serde(default)]
    pub saved_at: Option<String>,
    /// A random stamp of the save that wrote this revision. Two tabs that save at the same
    /// moment can both write the same revision number; the stamp tells each that the stored
    /// revision is not its own, so that it merges instead of taking it as already seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub save_id: Option<String>,
    /// Whether the records are the built-in demonstration dataset rather than real children,
    /// so that the app can say so on every screen.
    #[serde(default)]
    pub demonstration: bool,
    /// One record per child.
    #[serde(default)]
    pub records: Vec<ChildRecord>,
    /// Published figures for past years without child-level data.
    #[serde(default)]
    pub aggregates: Vec<YearAggregate>,
    /// The authority's settings.
    #[serde(default)]
    pub settings: Settings,
    /// The what-if scenarios and the required-pace target (filled in by the forecast screens).
    #[serde(default)]
    pub scenarios: Scenarios,
    /// The workshop's made-up cohorts, kept apart from `records` so that nothing a trainer
    /// does in a workshop can touch the authority's real children.
    #[serde(default)]
    pub workshop: Workshop,
    /// The tracking meetings' record: outcomes and actions for each child discussed. Kept
    /// apart from the workshop's made-up cohorts, like the records.
    #[serde(default)]
    pub meetings: crate::tracking::meetings::Meetings,
    /// The action plans: improvement plans and performance action plans.
    #[serde(default)]
    pub plans: crate::plans::model::Plans,
    /// The comparator table the user imported; `None` means the published figures of the Sheffield City Council scrutiny report (2015),
    /// so that a newer shipped default reaches users who never imported their own.
    #[serde(default)]
    pub comparators: Option<ComparatorTable>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: DOCUMENT_VERSION,
            revision: 0,
            saved_at: None,
            save_id: None,
            demonstration: false,
            records: Vec::new(),
            aggregates: Vec::new(),
            settings: Settings::default(),
            scenarios: Scenarios::default(),
            workshop: Workshop::default(),
            meetings: Default::default(),
            plans: Default::default(),
            comparators: None,
        }
    }
}

impl Document {
    /// What the document holds, in words, for a question before it is replaced: "62
    /// children and 3 years of yearly figures", "no records".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.records.is_empty() {
            parts.push(crate::words::count_of(
                self.records.len(),
                "child",
                "children",
            ));
        }
        if !self.aggregates.is_empty() {
            parts.push(format!(
                "{} of yearly figures",
                crate::words::count(self.aggregates.len(), "year")
            ));
        }
        match parts.len() {
            0 => "no records".to_string(),
            _ => parts.join(" and "),
        }
    }
}

/// The authority's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The first authority's name (authority number 0), shown in the header and on reports.
    /// Kept where a workspace of one authority has always kept it.
    pub authority_name: String,
    /// The authorities after the first, for a regional adoption agency serving several: each
    /// with its own children and yearly figures (see [`crate::storage::authorities`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_authorities: Vec<Authority>,
    /// The agency's name over the authorities, shown for the agency as a whole; empty for
    /// none (the agency is then called "All authorities").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub agency_name: String,
    /// Threshold schedules changed for one authority, by its number; every other authority
    /// (and the agency as a whole) is judged against [`Settings::thresholds`].
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub own_thresholds: std::collections::BTreeMap<u32, ThresholdSchedule>,
    /// The date the figures are worked out at. `None` means "today", so that a manager's
    /// figures move on by themselves while a trainer can fix any date.
    pub as_of: Option<NaiveDate>,
    /// The thresholds the three-year averages are judged against; data, never constants.
    pub thresholds: ThresholdSchedule,
    /// The tracking meeting's timescales: each milestone due so many days or working days
    /// after another.
    #[serde(default = "scorecard::timescales::default_rules")]
    pub timescales: Vec<TimescaleRule>,
    /// Bank holidays added by the user to the shipped list for England and Wales (a one-off
    /// holiday announced later).
    pub extra_bank_holidays: Vec<NaiveDate>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            authority_name: String::new(),
            other_authorities: Vec::new(),
            agency_name: String::new(),
            own_thresholds: Default::default(),
            as_of: None,
            thresholds: ThresholdSchedule::default(),
            timescales: scorecard::timescales::default_rules(),
            extra_bank_holidays: Vec::new(),
        }
    }
}

impl Settings {
    /// The bank holidays the working days skip: the shipped list and the user's additions.
    pub fn bank_holidays(&self) -> std::collections::BTreeSet<NaiveDate> {
        let mut all = scorecard::workdays::shipped_bank_holidays();
        all.extend(self.extra_bank_holidays.iter().copied());
        all
    }

    /// The as-of date in force, given today's date (read by the caller: this module has no
    /// clock).
    pub fn as_of_or(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }
}

/// An authority of the workspace after the first (whose name is
/// [`Settings::authority_name`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Authority {
    /// Its number, never reused or changed: each child and year of figures names it.
    pub id: u32,
    /// Its name, as on its scorecard.
    pub name: String,
}

/// The what-if scenarios saved with the data.
///
/// extend this struct (pace target, comparison pair) as the forecast needs; every
/// field must carry `#[serde(default)]` so that documents saved before it still load.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenarios {
    /// The named scenarios, in the order the user saved them.
    pub saved: Vec<Scenario>,
    /// The name of the scenario in use; `None` is the baseline.
    pub selected: Option<String>,
    /// The required-pace target the manager chose; `None` means the default (the next
    /// threshold not yet met).
    pub pace_target: Option<PaceTarget>,
    /// The scenario in use, with any changes not yet saved under a name. Kept in the document
    /// so that a manager's what-if survives a reload; the baseline is `Scenario::default()`.
    pub working: Scenario,
    /// The scenario shown beside the one in use, if any.
    pub compare: Option<Comparison>,
    /// Which adoptions every figure counts: set by the forecast's switch "With the adoptions
    /// we expect" and read by every screen that shows a figure.
    pub basis: FiguresBasis,
}

impl Scenarios {
    /// Makes `scenario` the one in use. A saved scenario is never changed by this: it stays
    /// as it was saved until the user saves it again, so that a figure reported from it can
    /// always be found again.
    pub fn set_working(&mut self, scenario: Scenario) {
        self.working = scenario;
    }

    /// Whether the scenario in use differs from the saved scenario it was chosen from.
    pub fn working_changed_since_saved(&self) -> bool {
        match self.saved.iter().find(|s| s.name == self.working.name) {
            Some(saved) => *saved != self.working,
            None => false,
        }
    }
}

/// What the scenario in use is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Comparison {
    /// The baseline: the authority's own history, national figures where it has too little.
    Baseline,
    /// A saved scenario, by name.
    Saved(String),
}

/// What the workshop screen keeps: the trainers' made-up cohorts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Workshop {
    /// The made-up cohorts, in the order they were built.
    pub cohorts: Vec<MadeUpCohort>,
}

/// A made-up cohort: its name and the template it is built from. The children themselves are
/// rebuilt from the template whenever they are shown, so the stored copy stays small.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MadeUpCohort {
    /// The name the trainer gave it, e.g. "Ten children".
    pub name: String,
    /// How its children are made up.
    pub template: CohortTemplate,
}

/// The demonstration dataset: synthetic children matching the mid-2015 figures of the Sheffield City Council scrutiny report, with
/// the as-of date fixed to the demonstration's own date so that its figures never drift.
pub fn demonstration() -> Document {
    let demo = scorecard::demo_dataset();
    Document {
        demonstration: true,
        records: demo.children,
        aggregates: demo.aggregates,
        settings: Settings {
            authority_name: demo.authority.to_string(),
            as_of: Some(demo.as_of),
            ..Settings::default()
        },
        ..Document::default()
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn ten_thousand_children_are_stored_in_under_two_megabytes_and_read_back_whole() {
        // The demonstration's mix of adopted children and children at every stage, repeated
        // under new case references to 10,000 children: a large authority's history.
        let demo = scorecard::demo_dataset();
        let records: Vec<scorecard::ChildRecord> = (0..)
            .flat_map(|copy| {
                demo.children.iter().map(move |c| {
                    let mut c = c.clone();
                    c.child_id = format!("{}-{copy}", c.child_id);
                    c
                })
            })
            .take(10_000)
            .collect();
        let document = Document {
            records,
            ..Document::default()
        };
        let text = crate::storage::to_json(&document).unwrap_or_default();
        assert!(
            text.len() < 2_000_000,
            "{} bytes for 10,000 children",
            text.len()
        );
        let read = crate::storage::migrate::read_document(&text);
        assert_eq!(read.as_ref().map(|d| &d.records), Ok(&document.records));
    }
}
