//! The records' part of the state: how each change to the children and the yearly figures
//! edits the document. Pure functions, called by the reducer, which keeps the undo history.

use crate::state::{count, count_of, ImportMode};
use crate::storage::document::Document;
use scorecard::{
    child_key, merge_aggregates, merge_children, ChildRecord, FinancialYear, MergeMode,
    YearAggregate,
};

/// Adds a child.
pub fn add(d: &mut Document, record: ChildRecord) {
    d.records.push(record);
}

/// Replaces the child now identified by `child_id` (compared as references are: without
/// regard to case or surrounding spaces).
pub fn update(d: &mut Document, child_id: &str, record: ChildRecord) {
    let key = child_key(child_id);
    if let Some(slot) = d.records.iter_mut().find(|r| child_key(&r.child_id) == key) {
        *slot = record;
    }
}

/// Removes the child with this reference.
pub fn delete(d: &mut Document, child_id: &str) {
    let key = child_key(child_id);
    if let Some(at) = d.records.iter().position(|r| child_key(&r.child_id) == key) {
        d.records.remove(at);
    }
}

/// Brings in children read from a file; returns the label of the change.
pub fn import(d: &mut Document, records: Vec<ChildRecord>, mode: ImportMode) -> String {
    match mode {
        ImportMode::Merge => {
            // The engine's merge: references matched without regard to case or spaces, the
            // imported record winning, and a count of what changed for the message.
            let (merged, summary) = merge_children(&d.records, &records, MergeMode::Merge);
            d.records = merged;
            format!(
                "imported {}, merged by child_id: {} added, {} updated, {} unchanged",
                count(records.len(), "record"),
                summary.added,
                summary.updated,
                summary.unchanged
            )
        }
        ImportMode::Replace => {
            // The authority's own records replacing the demonstration take nothing of it
            // along: not its yearly figures, name or fixed as-of date.
            if d.demonstration {
                clear_demonstration(d);
            }
            let label = format!("imported {}, replacing all", count(records.len(), "record"));
            d.records = records;
            label
        }
    }
}

/// Brings in the children read from an SSDA903 return; returns the label of the change.
/// Merging keeps what the return does not hold (tracking milestones, family finder, expected
/// dates, a waiting child's match): see [`scorecard::ssda903::merge_return`].
pub fn import_return(d: &mut Document, records: Vec<ChildRecord>, mode: ImportMode) -> String {
    match mode {
        ImportMode::Merge => {
            let (merged, summary) =
                scorecard::ssda903::merge_return(&d.records, &records, MergeMode::Merge);
            d.records = merged;
            format!(
                "imported {} from the SSDA903 return, merged by child_id: {} added, {} updated, \
                 {} unchanged",
                count_of(records.len(), "child", "children"),
                summary.added,
                summary.updated,
                summary.unchanged
            )
        }
        ImportMode::Replace => {
            if d.demonstration {
                clear_demonstration(d);
            }
            let label = format!(
                "imported {} from the SSDA903 return, replacing all",
                count_of(records.len(), "child", "children")
            );
            d.records = records;
            label
        }
    }
}

/// Adds a year's published figures, or replaces those of the same year (and those of
/// `replacing`, the year being edited, when the edit changed the year).
pub fn save_aggregate(
    d: &mut Document,
    replacing: Option<FinancialYear>,
    aggregate: YearAggregate,
) {
    if let Some(old) = replacing.filter(|y| *y != aggregate.year) {
        d.aggregates.retain(|a| a.year != old);
    }
    d.aggregates = merge_aggregates(&d.aggregates, &[aggregate], MergeMode::Merge).0;
    scorecard::sorting::sort_by_key(&mut d.aggregates, |a| a.year);
}

/// Brings in yearly figures read from a file.
pub fn import_aggregates(d: &mut Document, aggregates: Vec<YearAggregate>, mode: ImportMode) {
    d.aggregates = match mode {
        ImportMode::Replace => aggregates,
        ImportMode::Merge => merge_aggregates(&d.aggregates, &aggregates, MergeMode::Merge).0,
    };
    scorecard::sorting::sort_by_key(&mut d.aggregates, |a| a.year);
}

/// Takes away the demonstration's children, yearly figures, authority name and fixed as-of
/// date, and keeps what the user made meanwhile (thresholds, scenarios, workshop cohorts,
/// comparators): those are not the demonstration's.
pub fn clear_demonstration(d: &mut Document) {
    d.records.clear();
    d.aggregates.clear();
    d.settings.authority_name.clear();
    d.settings.as_of = None;
    d.demonstration = false;
}
