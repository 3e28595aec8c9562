//! What changed between two documents, item by item: the patch a change is kept as, and the
//! first step of a merge. The items themselves are in [`super::items`].

use super::document::Document;
use super::items::{Item, ItemChange, ItemKey, Patch};
use scorecard::{child_key, ChildRecord, YearAggregate};
use std::collections::{BTreeMap, BTreeSet};

/// The items of a keyed list, grouped by key, borrowing the entries, with the position of
/// each key's first entry.
fn grouped<T, K: Ord>(list: &[T], key: impl Fn(&T) -> K) -> BTreeMap<K, (usize, Vec<&T>)> {
    let mut map: BTreeMap<K, (usize, Vec<&T>)> = BTreeMap::new();
    for (i, entry) in list.iter().enumerate() {
        map.entry(key(entry))
            .or_insert((i, Vec::new()))
            .1
            .push(entry);
    }
    map
}

/// The key a child is kept under. An empty reference gets a key of its own that no reference
/// can have, so that children without one are compared as one group.
pub(super) fn child_item_key(child: &ChildRecord) -> String {
    child_key(&child.child_id).unwrap_or_default()
}

/// The item a child is kept as: its authority and its reference, so that two authorities'
/// children with one reference are two items.
pub(super) fn child_item_of(child: &ChildRecord) -> ItemKey {
    child_item((child.authority, child_item_key(child)))
}

fn child_item((authority, key): (u32, String)) -> ItemKey {
    match authority {
        0 => ItemKey::Child(key),
        other => ItemKey::ChildOf(other, key),
    }
}

/// The item a year of published figures is kept as: its authority and its year.
pub(super) fn year_item_of(aggregate: &YearAggregate) -> ItemKey {
    year_item((aggregate.authority, aggregate.year))
}

fn year_item((authority, year): (u32, scorecard::FinancialYear)) -> ItemKey {
    match authority {
        0 => ItemKey::Year(year),
        other => ItemKey::YearOf(other, year),
    }
}

/// The changes to a keyed list between `before` and `after`, appended to `out`.
fn diff_list<T: Clone + PartialEq, K: Ord + Clone>(
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> K,
    item_key: impl Fn(K) -> ItemKey,
    wrap: impl Fn(Vec<T>) -> Item,
    out: &mut Patch,
) {
    // Most changes touch one entry of a long list: equal lists are passed over at once.
    if before == after {
        return;
    }
    let old = grouped(before, &key);
    let new = grouped(after, &key);
    let keys: BTreeSet<&K> = old.keys().chain(new.keys()).collect();
    let owned = |entries: Option<&(usize, Vec<&T>)>| {
        entries.map(|(_, entries)| wrap(entries.iter().map(|&e| e.clone()).collect()))
    };
    for k in keys {
        let (b, a) = (old.get(k), new.get(k));
        if b.map(|(_, e)| e) != a.map(|(_, e)| e) {
            out.push(ItemChange {
                key: item_key(k.clone()),
                before: owned(b),
                after: owned(a),
                at: b.map(|(i, _)| *i),
            });
        }
    }
}

/// The changes to a single setting, appended to `out`.
fn diff_one<T: PartialEq>(
    key: ItemKey,
    before: &T,
    after: &T,
    wrap: impl Fn(&T) -> Item,
    out: &mut Patch,
) {
    if before != after {
        out.push(ItemChange {
            key,
            before: Some(wrap(before)),
            after: Some(wrap(after)),
            at: None,
        });
    }
}

/// Every item that differs between two documents. The revision and the time of saving are
/// not items: they say where a document came from, not what it holds.
pub fn diff(before: &Document, after: &Document) -> Patch {
    let mut out = Vec::new();
    diff_list(
        &before.records,
        &after.records,
        |c| (c.authority, child_item_key(c)),
        child_item,
        Item::Children,
        &mut out,
    );
    diff_list(
        &before.aggregates,
        &after.aggregates,
        |a| (a.authority, a.year),
        year_item,
        Item::Years,
        &mut out,
    );
    let (b, a) = (&before.settings, &after.settings);
    diff_one(
        ItemKey::Demonstration,
        &before.demonstration,
        &after.demonstration,
        |v| Item::Flag(*v),
        &mut out,
    );
    diff_one(
        ItemKey::AuthorityName,
        &b.authority_name,
        &a.authority_name,
        |v| Item::Text(v.clone()),
        &mut out,
    );
    diff_one(
        ItemKey::Authorities,
        &(&b.other_authorities, &b.agency_name, &b.own_thresholds),
        &(&a.other_authorities, &a.agency_name, &a.own_thresholds),
        |(l, n, o)| Item::Authorities(l.to_vec(), n.to_string(), (*o).clone()),
        &mut out,
    );
    diff_one(
        ItemKey::AsOf,
        &b.as_of,
        &a.as_of,
        |v| Item::Date(*v),
        &mut out,
    );
    diff_one(
        ItemKey::Thresholds,
        &b.thresholds,
        &a.thresholds,
        |v| Item::Thresholds(v.clone()),
        &mut out,
    );
    diff_one(
        ItemKey::Timescales,
        &(&b.timescales, &b.extra_bank_holidays),
        &(&a.timescales, &a.extra_bank_holidays),
        |(t, h)| Item::Timescales(t.to_vec(), h.to_vec()),
        &mut out,
    );
    let (b, a) = (&before.scenarios, &after.scenarios);
    diff_list(
        &b.saved,
        &a.saved,
        |s| s.name.clone(),
        ItemKey::SavedScenario,
        Item::Scenarios,
        &mut out,
    );
    diff_one(
        ItemKey::WorkingScenario,
        &b.working,
        &a.working,
        |v| Item::Scenario(v.clone()),
        &mut out,
    );
    diff_one(
        ItemKey::SelectedScenario,
        &b.selected,
        &a.selected,
        |v| Item::Name(v.clone()),
        &mut out,
    );
    diff_one(
        ItemKey::PaceTarget,
        &b.pace_target,
        &a.pace_target,
        |v| Item::Target(*v),
        &mut out,
    );
    diff_one(
        ItemKey::Comparison,
        &b.compare,
        &a.compare,
        |v| Item::Comparison(v.clone()),
        &mut out,
    );
    diff_one(
        ItemKey::Basis,
        &b.basis,
        &a.basis,
        |v| Item::Basis(*v),
        &mut out,
    );
    diff_list(
        &before.workshop.cohorts,
        &after.workshop.cohorts,
        |c| c.name.clone(),
        ItemKey::Cohort,
        Item::Cohorts,
        &mut out,
    );
    diff_list(
        &before.meetings.meetings,
        &after.meetings.meetings,
        |m| m.date,
        ItemKey::Meeting,
        Item::Meetings,
        &mut out,
    );
    diff_list(
        &before.plans.plans,
        &after.plans.plans,
        |p| p.title.clone(),
        ItemKey::Plan,
        Item::Plans,
        &mut out,
    );
    diff_one(
        ItemKey::Comparators,
        &before.comparators,
        &after.comparators,
        |v| Item::Comparators(v.clone()),
        &mut out,
    );
    out
}
