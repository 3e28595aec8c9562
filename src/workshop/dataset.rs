//! The dataset a workshop runs on: the records (only read), which are the authority's own
//! children or the built-in demonstration's made-up ones, or one of the trainer's made-up
//! cohorts, rebuilt from its template.

use crate::storage::document::Document;
use chrono::NaiveDate;
use scorecard::dates::add_days;
use scorecard::{
    usable_at, ChildRecord, FiguresBasis, Indicator, Milestones, Scenario, YearAggregate,
};

/// Which dataset the workshop shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetChoice {
    /// The records, read-only in the workshop: the authority's own, or the demonstration's
    /// while it is shown.
    Yours,
    /// A made-up cohort, by name.
    MadeUp(String),
}

impl DatasetChoice {
    /// The value of the dataset select's option.
    pub fn value(&self) -> String {
        match self {
            DatasetChoice::Yours => "yours".into(),
            DatasetChoice::MadeUp(name) => format!("made-up:{name}"),
        }
    }

    /// Reads an option value written by [`DatasetChoice::value`].
    pub fn parse(value: &str) -> DatasetChoice {
        match value.strip_prefix("made-up:") {
            Some(name) => DatasetChoice::MadeUp(name.to_string()),
            None => DatasetChoice::Yours,
        }
    }
}

/// Whose children a workshop dataset holds: what decides how the screen and the presentation
/// speak of them, and whether a room must be kept from knowing who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetKind {
    /// The authority's own records: real children.
    Real,
    /// The built-in demonstration's records: made-up children, but records all the same (held
    /// with case references, without a date of birth, and only read here).
    Demonstration,
    /// One of the trainer's made-up cohorts.
    MadeUpCohort,
}

impl DatasetKind {
    /// Whose the document's records are.
    pub fn of_records(doc: &Document) -> DatasetKind {
        if doc.demonstration {
            DatasetKind::Demonstration
        } else {
            DatasetKind::Real
        }
    }
}

/// The dataset select's option for the document's records, whichever dataset is chosen: the
/// demonstration's are never called the authority's.
pub fn records_option(doc: &Document) -> &'static str {
    match DatasetKind::of_records(doc) {
        DatasetKind::Demonstration => "Demonstration data (read-only here)",
        _ => "Your data (read-only here)",
    }
}

/// The children (and yearly figures) a workshop works on, with the date they are seen from.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopData {
    /// "Your data", "Demonstration data" or the cohort's name.
    pub name: String,
    /// Whose children they are.
    pub kind: DatasetKind,
    /// The children.
    pub children: Vec<ChildRecord>,
    /// Yearly figures for years without child-level data (only for the authority's data).
    pub aggregates: Vec<YearAggregate>,
    /// The date the figures are seen from.
    pub as_of: NaiveDate,
    /// The children's age on entering care, in months, when the template says so.
    pub age_at_entry_months: Option<u32>,
    /// Why the cohort could not be built, if so.
    pub problem: Option<String>,
    /// The scenario the figures are projected under: the one in use for the authority's
    /// data, so that the workshop's figures are the forecast's; the baseline for a made-up
    /// cohort.
    pub scenario: Scenario,
    /// Which adoptions the figures count: the product's basis for the authority's data; a
    /// made-up cohort is every child of its story, with nothing more expected.
    pub basis: FiguresBasis,
}

/// Days after a made-up cohort's last adoption order that it is seen from: later than any
/// delay the slider offers (twelve months), so a delayed child is still adopted.
const MADE_UP_MARGIN_DAYS: i64 = 400;

/// The data for `choice` from the stored document; the authority's data when the chosen
/// cohort no longer exists.
pub fn workshop_data(doc: &Document, choice: &DatasetChoice, as_of: NaiveDate) -> WorkshopData {
    if let DatasetChoice::MadeUp(name) = choice {
        if let Some(cohort) = doc.workshop.cohorts.iter().find(|c| &c.name == name) {
            let (children, problem) = match cohort.template.build(None) {
                Ok(children) => (children, None),
                Err(why) => (Vec::new(), Some(why.to_string())),
            };
            let last = children
                .iter()
                .filter_map(|c| c.adoption_order)
                .max()
                .unwrap_or(cohort.template.first_entered_care);
            return WorkshopData {
                name: cohort.name.clone(),
                kind: DatasetKind::MadeUpCohort,
                children,
                aggregates: Vec::new(),
                as_of: add_days(last, MADE_UP_MARGIN_DAYS),
                age_at_entry_months: Some(cohort.template.age_at_entry_months),
                problem,
                scenario: Scenario::default(),
                basis: FiguresBasis::DataOnly,
            };
        }
    }
    let (children, aggregates) = usable_at(&doc.records, &doc.aggregates, as_of);
    let kind = DatasetKind::of_records(doc);
    WorkshopData {
        name: match kind {
            DatasetKind::Demonstration => "Demonstration data",
            _ => "Your data",
        }
        .into(),
        kind,
        children,
        aggregates,
        as_of,
        age_at_entry_months: None,
        problem: None,
        scenario: doc.scenarios.working.clone(),
        basis: doc.scenarios.basis,
    }
}

impl WorkshopData {
    /// Whether it is a made-up cohort: every child of its story, with nothing more expected.
    pub fn made_up(&self) -> bool {
        self.kind == DatasetKind::MadeUpCohort
    }

    /// What the screen says of the dataset under its choice.
    pub fn note(&self) -> String {
        match self.kind {
            DatasetKind::Real => "Your data is only read here: the delay and everything else on \
                                  this screen never change your records."
                .to_string(),
            DatasetKind::Demonstration => "These are the demonstration's made-up children, not \
                                           real ones, and they are only read here: the delay and \
                                           everything else on this screen never change them. The \
                                           presentation shows them as it would real records: the \
                                           child is \u{201c}Child A\u{201d} and dates are months \
                                           and years, unless you choose otherwise below."
                .to_string(),
            DatasetKind::MadeUpCohort => format!(
                "Made-up cohort \u{201c}{}\u{201d}: {} children, all adopted. It is not your \
                 authority's data.",
                self.name,
                self.children.len()
            ),
        }
    }

    /// The children a delay can be shown for (adopted, or still in the pipeline), with their
    /// position in `children`.
    pub fn candidates(&self) -> Vec<(usize, &ChildRecord)> {
        self.children
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_adopted() || c.is_in_pipeline())
            .collect()
    }

    /// A typical child: the adopted child with the median A1 (the earlier on a tie), or the
    /// first candidate when no child is adopted yet.
    pub fn typical_child(&self) -> Option<usize> {
        let mut adopted: Vec<(i64, usize)> = self
            .candidates()
            .into_iter()
            .filter_map(|(i, c)| {
                Milestones::of(c)
                    .values()
                    .value(Indicator::A1)
                    .map(|v| (v as i64, i))
            })
            .filter(|(_, i)| self.children[*i].is_adopted())
            .collect();
        scorecard::sorting::sort(&mut adopted);
        match adopted.get(adopted.len().saturating_sub(1) / 2) {
            Some(&(_, i)) => Some(i),
            None => self.candidates().first().map(|(i, _)| *i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::document::MadeUpCohort;
    use scorecard::CohortTemplate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_made_up_cohort_is_read_from_its_template_and_the_records_are_left_alone() {
        let mut doc = Document::default();
        doc.records.push(ChildRecord::new("REAL-1", d(2014, 1, 1)));
        doc.workshop.cohorts.push(MadeUpCohort {
            name: "Three".into(),
            template: CohortTemplate {
                children: 3,
                ..CohortTemplate::default()
            },
        });
        let chosen = DatasetChoice::parse(&DatasetChoice::MadeUp("Three".into()).value());
        let data = workshop_data(&doc, &chosen, d(2015, 6, 30));
        assert_eq!(data.kind, DatasetKind::MadeUpCohort);
        assert!(data.made_up());
        let names: Vec<&str> = data.children.iter().map(|c| c.child_id.as_str()).collect();
        assert_eq!(names, ["Child A", "Child B", "Child C"]);
        // Every child is adopted, and seen from after the last order plus the margin.
        assert!(data.children.iter().all(|c| c.is_adopted()));
        let last = data.children[2].adoption_order.unwrap();
        assert_eq!(data.as_of, add_days(last, 400));
        // All three take the same time: the median is the middle child.
        assert_eq!(data.typical_child(), Some(1));
        // The authority's data is what "Your data" shows, and a missing cohort falls back to it.
        let yours = workshop_data(&doc, &DatasetChoice::MadeUp("Gone".into()), d(2015, 6, 30));
        assert_eq!(yours.kind, DatasetKind::Real);
        assert_eq!(yours.name, "Your data");
        assert_eq!(yours.children[0].child_id, "REAL-1");
        assert_eq!(doc.records.len(), 1);
        assert_eq!(records_option(&doc), "Your data (read-only here)");
        assert!(yours.note().starts_with("Your data is only read here"));
    }

    #[test]
    fn the_demonstration_is_never_called_the_authoritys_own_data() {
        let mut doc = crate::storage::document::demonstration();
        doc.workshop.cohorts.push(MadeUpCohort {
            name: "Three".into(),
            template: CohortTemplate {
                children: 3,
                ..CohortTemplate::default()
            },
        });
        let as_of = d(2015, 6, 30);
        let demo = workshop_data(&doc, &DatasetChoice::Yours, as_of);
        assert_eq!(demo.kind, DatasetKind::Demonstration);
        assert!(!demo.made_up());
        assert_eq!(demo.name, "Demonstration data");
        assert_eq!(records_option(&doc), "Demonstration data (read-only here)");
        let note = demo.note();
        assert!(
            note.contains("the demonstration's made-up children"),
            "{note}"
        );
        assert!(note.contains("only read here"), "{note}");
        assert!(!note.contains("your"), "{note}");
        // A cohort made while the demonstration is shown is still a made-up cohort.
        let cohort = workshop_data(&doc, &DatasetChoice::MadeUp("Three".into()), as_of);
        assert_eq!(cohort.kind, DatasetKind::MadeUpCohort);
        // Once the demonstration is cleared, the records are the authority's own.
        crate::records::edits::clear_demonstration(&mut doc);
        let real = workshop_data(&doc, &DatasetChoice::Yours, as_of);
        assert_eq!(real.kind, DatasetKind::Real);
        assert_eq!(records_option(&doc), "Your data (read-only here)");
    }
}
