//! Combines imported records with those already kept, by case reference (or by year for the
//! aggregates), and counts what the import changes so the preview can say it before the user
//! confirms.

use crate::dates::FinancialYear;
use crate::record::{ChildRecord, YearAggregate};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// How an import combines with the records already kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MergeMode {
    /// The imported records become the whole data; the others are removed.
    Replace,
    /// An imported record replaces the one with the same reference; the others are kept.
    Merge,
}

/// What an import changes, counted in records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MergeSummary {
    /// Imported records with a reference not kept before.
    pub added: usize,
    /// Imported records that replace a different record with the same reference.
    pub updated: usize,
    /// Imported records identical to the one already kept.
    pub unchanged: usize,
    /// Records kept that the import does not mention (merge only).
    pub kept: usize,
    /// Records kept before that the import drops (replace only).
    pub removed: usize,
}

/// Combines imported children with the children already kept, matching case references
/// (surrounding spaces and letter case ignored: `C1` and `c1` are one child); the imported
/// record wins.
///
/// In [`MergeMode::Merge`] an updated child keeps its place in the list and new children are
/// added at the end. A reference imported twice is not collapsed: the first replaces the kept
/// child and the second is added, so that nothing the user typed is lost and the validation
/// still reports the duplicate.
pub fn merge_children(
    existing: &[ChildRecord],
    incoming: &[ChildRecord],
    mode: MergeMode,
) -> (Vec<ChildRecord>, MergeSummary) {
    merge_by(existing, incoming, mode, |c| child_key(&c.child_id))
}

/// The key two case references are compared by: trimmed, and without regard to letter case,
/// because case systems and spreadsheets disagree about capitals (`C1`, `c1`). `None` for an
/// empty reference, which matches nothing.
pub fn child_key(child_id: &str) -> Option<String> {
    let id = child_id.trim();
    (!id.is_empty()).then(|| id.to_lowercase())
}

/// Combines imported yearly aggregates with those already kept, matching financial years, as
/// [`merge_children`] does for children.
pub fn merge_aggregates(
    existing: &[YearAggregate],
    incoming: &[YearAggregate],
    mode: MergeMode,
) -> (Vec<YearAggregate>, MergeSummary) {
    merge_by(existing, incoming, mode, |a| Some::<FinancialYear>(a.year))
}

/// Records without a key (an empty reference) never match anything.
fn merge_by<T: Clone + PartialEq, K: Eq + Hash>(
    existing: &[T],
    incoming: &[T],
    mode: MergeMode,
    key: impl Fn(&T) -> Option<K>,
) -> (Vec<T>, MergeSummary) {
    let mut summary = MergeSummary::default();
    let mut position: HashMap<K, usize> = HashMap::new();
    for (i, record) in existing.iter().enumerate() {
        if let Some(k) = key(record) {
            position.entry(k).or_insert(i);
        }
    }
    let mut result = existing.to_vec();
    let mut replaced = HashSet::new();
    for record in incoming {
        // Each kept record is replaced at most once: a second import of the same reference
        // is added, not lost.
        let slot = key(record)
            .and_then(|k| position.get(&k).copied())
            .filter(|i| replaced.insert(*i));
        match slot {
            Some(i) if result[i] == *record => summary.unchanged += 1,
            Some(i) => {
                result[i] = record.clone();
                summary.updated += 1;
            }
            None => {
                result.push(record.clone());
                summary.added += 1;
            }
        }
    }
    let untouched = existing.len() - replaced.len();
    match mode {
        MergeMode::Replace => {
            summary.removed = untouched;
            (incoming.to_vec(), summary)
        }
        MergeMode::Merge => {
            summary.kept = untouched;
            (result, summary)
        }
    }
}
