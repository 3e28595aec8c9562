//! The workshop's and the comparators' changes in the reducer, in the browser: a made-up
//! cohort is kept apart from the records (which stay the very same), can be undone and is
//! read back from a stored document; an imported comparator table replaces or merges by
//! authority, group and period; documents saved before these fields existed still load.
#![cfg(target_arch = "wasm32")]

use adoption_forecast::state::{Action, AppState, ImportMode, LaterAction};
use adoption_forecast::storage::document::{Document, MadeUpCohort};
use chrono::NaiveDate;
use scorecard::{read_comparators, ChildRecord, CohortTemplate, ComparatorTable, RollingPeriod};
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn state() -> Rc<AppState> {
    let document = Document {
        records: vec![ChildRecord::new("REAL-1", d(2013, 1, 1))],
        ..Document::default()
    };
    Rc::new(AppState::start(
        Ok(Some(document)),
        Document::default(),
        vec![],
    ))
}

fn cohort(name: &str, children: u32) -> MadeUpCohort {
    MadeUpCohort {
        name: name.into(),
        template: CohortTemplate {
            children,
            ..CohortTemplate::default()
        },
    }
}

#[wasm_bindgen_test]
fn a_made_up_cohort_never_touches_the_records_and_can_be_undone() {
    let start = state();
    let built = start
        .clone()
        .reduce(LaterAction::SaveMadeUpCohort(cohort("Ten", 10)).into());
    assert_eq!(built.document.records, start.document.records);
    assert_eq!(built.document.workshop.cohorts, vec![cohort("Ten", 10)]);
    // The same name replaces; another name adds.
    let again = built
        .clone()
        .reduce(LaterAction::SaveMadeUpCohort(cohort("Ten", 4)).into())
        .reduce(LaterAction::SaveMadeUpCohort(cohort("Six", 6)).into());
    let names: Vec<(&str, u32)> = again
        .document
        .workshop
        .cohorts
        .iter()
        .map(|c| (c.name.as_str(), c.template.children))
        .collect();
    assert_eq!(names, [("Ten", 4), ("Six", 6)]);
    let deleted = again.reduce(LaterAction::DeleteMadeUpCohort("Ten".into()).into());
    assert_eq!(deleted.document.workshop.cohorts, vec![cohort("Six", 6)]);
    assert_eq!(deleted.document.records, start.document.records);
    // Undo goes back to the document before the build: no cohort, the same records.
    let undone = built.reduce(Action::Undo);
    assert!(undone.document.workshop.cohorts.is_empty());
    assert_eq!(*undone.document, *start.document);
}

#[wasm_bindgen_test]
fn comparators_are_replaced_or_merged_by_authority_group_and_period() {
    let first = read_comparators(
        "authority,group,period,a1,a2,rank\n\
         Leeds,Core cities,2011-14,564,239,49\n\
         York,Region,2011-14,539,217,34\n",
    )
    .unwrap()
    .table;
    let second = read_comparators(
        "authority,group,period,a1,a2,rank\n\
         LEEDS ,core cities,2011-14,570,240,50\n\
         Hull,Region,2011-14,704,336,118\n",
    )
    .unwrap()
    .table;
    let replaced = state().reduce(
        LaterAction::ImportComparators {
            table: first.clone(),
            mode: ImportMode::Replace,
        }
        .into(),
    );
    assert_eq!(replaced.document.comparators, Some(first.clone()));
    let merged = replaced.reduce(
        LaterAction::ImportComparators {
            table: second,
            mode: ImportMode::Merge,
        }
        .into(),
    );
    let rows = &merged.document.comparators.as_ref().unwrap().rows;
    // Leeds is updated in place (names and groups compared ignoring case and spaces), York
    // kept, Hull added at the end.
    let seen: Vec<(&str, Option<f64>)> =
        rows.iter().map(|r| (r.authority.as_str(), r.a1)).collect();
    assert_eq!(
        seen,
        [
            ("LEEDS", Some(570.0)),
            ("York", Some(539.0)),
            ("Hull", Some(704.0))
        ]
    );
    // Merging into the default merges into the Sheffield City Council scrutiny report's (2015) rows.
    let onto_seed = state().reduce(
        LaterAction::ImportComparators {
            table: first,
            mode: ImportMode::Merge,
        }
        .into(),
    );
    let seed = ComparatorTable::sheffield_2015();
    let table = onto_seed.document.comparators.clone().unwrap();
    // Leeds 2011-14 is in the report twice (core cities and the region), and the file's "Core
    // cities" row replaces only that one; York's "Region" row is new.
    assert_eq!(table.rows.len(), seed.rows.len() + 1);
    assert!(table.periods().contains(&RollingPeriod::ending_march(2014)));
    let back = onto_seed.reduce(LaterAction::UseSeedComparators.into());
    assert_eq!(back.document.comparators, None);
}

#[wasm_bindgen_test]
fn a_document_saved_before_the_workshop_still_loads_with_no_cohort_and_the_seed_comparators() {
    let old = r#"{"version":1,"demonstration":false,"records":[],"aggregates":[]}"#;
    let document: Document = serde_json::from_str(old).unwrap();
    assert!(document.workshop.cohorts.is_empty());
    assert_eq!(document.comparators, None);
    // And a cohort survives the round trip through the stored text.
    let mut with = Document::default();
    with.workshop.cohorts.push(cohort("Ten", 10));
    let text = serde_json::to_string(&with).unwrap();
    let back: Document = serde_json::from_str(&text).unwrap();
    assert_eq!(back, with);
}
