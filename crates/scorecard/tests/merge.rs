//! Replacing or merging imported records with those already kept.

use chrono::NaiveDate;
use scorecard::merge::{merge_aggregates, merge_children, MergeMode, MergeSummary};
use scorecard::{ChildRecord, FinancialYear, YearAggregate};

fn child(id: &str, day: u32) -> ChildRecord {
    ChildRecord::new(id, NaiveDate::from_ymd_opt(2014, 1, day).unwrap())
}

#[test]
fn merging_replaces_by_reference_keeps_the_others_and_adds_new_ones_at_the_end() {
    let existing = vec![child("A", 1), child("B", 2), child("C", 3)];
    // B changes, C is sent unchanged, D is new; A is not in the file.
    let incoming = vec![child("D", 4), child(" B ", 20), child("C", 3)];
    let (merged, summary) = merge_children(&existing, &incoming, MergeMode::Merge);
    assert_eq!(
        merged,
        vec![
            child("A", 1),
            child(" B ", 20),
            child("C", 3),
            child("D", 4)
        ]
    );
    assert_eq!(
        summary,
        MergeSummary {
            added: 1,
            updated: 1,
            unchanged: 1,
            kept: 1,
            removed: 0
        }
    );
}

#[test]
fn references_are_matched_without_regard_to_capitals() {
    let existing = vec![child("C1", 1), child("c2", 2)];
    let incoming = vec![child("c1", 10), child(" C2", 2)];
    let (merged, summary) = merge_children(&existing, &incoming, MergeMode::Merge);
    // c1 replaces C1 in its place; " C2" is a different record from "c2" (its spelling
    // changed), so it counts as updated, not added.
    assert_eq!(merged, vec![child("c1", 10), child(" C2", 2)]);
    assert_eq!((summary.added, summary.updated, summary.kept), (0, 2, 0));
}

#[test]
fn replacing_takes_the_file_as_it_is_and_counts_what_is_removed() {
    let existing = vec![child("A", 1), child("B", 2), child("C", 3)];
    let incoming = vec![child("B", 20), child("D", 4)];
    let (merged, summary) = merge_children(&existing, &incoming, MergeMode::Replace);
    assert_eq!(merged, incoming);
    assert_eq!(
        summary,
        MergeSummary {
            added: 1,
            updated: 1,
            unchanged: 0,
            kept: 0,
            removed: 2
        }
    );
}

#[test]
fn a_reference_imported_twice_is_not_lost_and_empty_references_never_match() {
    let existing = vec![child("A", 1), child("", 2)];
    let incoming = vec![child("A", 10), child("A", 11), child("", 2)];
    let (merged, summary) = merge_children(&existing, &incoming, MergeMode::Merge);
    assert_eq!(
        merged,
        vec![child("A", 10), child("", 2), child("A", 11), child("", 2)]
    );
    assert_eq!((summary.updated, summary.added, summary.kept), (1, 2, 1));
}

#[test]
fn aggregates_merge_by_financial_year() {
    let year = |y, adopted| YearAggregate {
        authority: 0,
        year: FinancialYear(y),
        adopted,
        a1_average_days: 600.0,
        a2_children: adopted,
        a2_average_days: Some(250.0),
        a3_under_14_months: 10,
        a10_average_days: None,
    };
    let (merged, summary) = merge_aggregates(
        &[year(2011, 42), year(2012, 47)],
        &[year(2012, 48), year(2010, 38)],
        MergeMode::Merge,
    );
    assert_eq!(merged, vec![year(2011, 42), year(2012, 48), year(2010, 38)]);
    assert_eq!((summary.updated, summary.added, summary.kept), (1, 1, 1));
}
