//! The document as items: what a change touched, how two tabs' work combines, and what an undo
//! takes back. Native tests: the module is pure.

use adoption_forecast::storage::document::Document;
use adoption_forecast::storage::items::{diff, three_way, undo, Item, ItemKey};
use chrono::NaiveDate;
use scorecard::ChildRecord;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn child(id: &str, entered: NaiveDate) -> ChildRecord {
    ChildRecord::new(id, entered)
}

/// Three children entered care on the 1st, 2nd and 3rd of January 2014.
fn base() -> Document {
    Document {
        records: vec![
            child("C1", d(2014, 1, 1)),
            child("C2", d(2014, 1, 2)),
            child("C3", d(2014, 1, 3)),
        ],
        ..Document::default()
    }
}

fn placed(mut document: Document, id: &str, date: NaiveDate) -> Document {
    for r in document.records.iter_mut().filter(|r| r.child_id == id) {
        r.placed = Some(date);
    }
    document
}

#[test]
fn a_change_to_one_child_is_one_item_with_its_values_before_and_after() {
    let after = placed(base(), "C2", d(2015, 1, 1));
    let patch = diff(&base(), &after);
    assert_eq!(patch.len(), 1);
    assert_eq!(patch[0].key, ItemKey::Child("c2".into()));
    assert_eq!(
        patch[0].before,
        Some(Item::Children(vec![child("C2", d(2014, 1, 2))]))
    );
    let Some(Item::Children(now)) = &patch[0].after else {
        panic!("{patch:?}")
    };
    assert_eq!(now[0].placed, Some(d(2015, 1, 1)));
    // The revision and the time of saving are not changes to the data.
    let mut saved = after.clone();
    saved.revision = 9;
    saved.saved_at = Some("2015-06-30T10:42".into());
    assert!(diff(&after, &saved).is_empty());
}

#[test]
fn changes_to_different_children_in_two_tabs_are_both_kept() {
    let mine = placed(base(), "C1", d(2015, 1, 1));
    let mut theirs = placed(base(), "C2", d(2015, 2, 2));
    theirs.records.remove(2); // the other tab deleted C3
    let merged = three_way(&base(), &mine, &theirs);
    assert!(merged.clashes.is_empty());
    assert_eq!(merged.merged, 1);
    let ids: Vec<_> = merged
        .document
        .records
        .iter()
        .map(|r| (r.child_id.as_str(), r.placed))
        .collect();
    assert_eq!(
        ids,
        vec![("C1", Some(d(2015, 1, 1))), ("C2", Some(d(2015, 2, 2)))]
    );
}

#[test]
fn a_child_added_here_and_another_added_there_are_both_kept_in_order() {
    let mut mine = base();
    mine.records.push(child("C9", d(2014, 9, 9)));
    let mut theirs = base();
    theirs.records.push(child("C8", d(2014, 8, 8)));
    let merged = three_way(&base(), &mine, &theirs);
    let ids: Vec<_> = merged
        .document
        .records
        .iter()
        .map(|r| r.child_id.as_str())
        .collect();
    assert_eq!(ids, vec!["C1", "C2", "C3", "C8", "C9"]);
}

#[test]
fn the_same_child_changed_differently_is_a_clash_and_theirs_stays_until_chosen() {
    let mine = placed(base(), "C2", d(2015, 1, 1));
    let theirs = placed(base(), "C2", d(2015, 3, 3));
    let merged = three_way(&base(), &mine, &theirs);
    assert_eq!(merged.merged, 0);
    assert_eq!(merged.clashes.len(), 1);
    let clash = &merged.clashes[0];
    assert_eq!(clash.key, ItemKey::Child("c2".into()));
    assert_eq!(clash.key.describe(clash.mine.as_ref()), "child C2");
    assert_eq!(merged.document, theirs);
    // Mine is held in the clash, whole, so that "keep mine" can bring it back.
    let Some(Item::Children(kept)) = &clash.mine else {
        panic!()
    };
    assert_eq!(kept[0].placed, Some(d(2015, 1, 1)));
    // The same change made in both tabs is no clash.
    let same = three_way(&base(), &mine, &mine);
    assert!(same.clashes.is_empty());
    assert_eq!(same.document, mine);
}

#[test]
fn an_edit_here_to_a_child_deleted_there_is_a_clash_not_lost() {
    let mine = placed(base(), "C3", d(2015, 1, 1));
    let mut theirs = base();
    theirs.records.remove(2);
    let merged = three_way(&base(), &mine, &theirs);
    assert_eq!(merged.clashes.len(), 1);
    assert_eq!(merged.clashes[0].theirs, None);
    assert!(merged.clashes[0].mine.is_some());
}

#[test]
fn references_differing_in_capitals_are_one_item_and_duplicates_travel_together() {
    let mut mine = base();
    mine.records.push(child(" c1", d(2014, 5, 5)));
    let theirs = placed(base(), "C2", d(2015, 1, 1));
    let patch = diff(&base(), &mine);
    assert_eq!(patch.len(), 1);
    assert_eq!(patch[0].key, ItemKey::Child("c1".into()));
    let merged = three_way(&base(), &mine, &theirs);
    let ids: Vec<_> = merged
        .document
        .records
        .iter()
        .map(|r| r.child_id.as_str())
        .collect();
    // Both C1 records are kept, side by side where C1 was, for the validation to report.
    assert_eq!(ids, vec!["C1", " c1", "C2", "C3"]);
}

#[test]
fn an_undo_takes_back_its_own_change_and_leaves_another_tabs_alone() {
    let mine = placed(base(), "C1", d(2015, 1, 1));
    let patch = diff(&base(), &mine);
    // Meanwhile another tab placed C2; the two were merged.
    let theirs = placed(base(), "C2", d(2015, 2, 2));
    let merged = three_way(&base(), &mine, &theirs).document;
    let undone = undo(&merged, &patch);
    assert!(undone.skipped.is_empty());
    assert_eq!(undone.document, theirs);
}

#[test]
fn an_undo_skips_an_item_changed_again_since() {
    let first = placed(base(), "C1", d(2015, 1, 1));
    let patch = diff(&base(), &first);
    let again = placed(first.clone(), "C1", d(2015, 4, 4));
    let undone = undo(&again, &patch);
    assert_eq!(undone.skipped, vec![ItemKey::Child("c1".into())]);
    assert_eq!(undone.document, again);
}

#[test]
fn settings_and_scenarios_merge_one_setting_at_a_time() {
    let mut mine = base();
    mine.settings.authority_name = "Anytown".into();
    let mut theirs = base();
    theirs.settings.as_of = Some(d(2015, 6, 30));
    let merged = three_way(&base(), &mine, &theirs);
    assert!(merged.clashes.is_empty());
    assert_eq!(merged.document.settings.authority_name, "Anytown");
    assert_eq!(merged.document.settings.as_of, Some(d(2015, 6, 30)));
    let mut other_name = base();
    other_name.settings.authority_name = "Otherton".into();
    let clash = three_way(&base(), &mine, &other_name);
    assert_eq!(clash.clashes.len(), 1);
    assert_eq!(clash.clashes[0].key.describe(None), "the authority's name");
}

#[test]
fn the_basis_of_the_figures_is_one_item_merged_and_undone_on_its_own() {
    use scorecard::FiguresBasis;
    let mut mine = base();
    mine.scenarios.basis = FiguresBasis::DataOnly;
    let patch = diff(&base(), &mine);
    assert_eq!(patch.len(), 1);
    assert_eq!(patch[0].key, ItemKey::Basis);
    assert_eq!(
        patch[0].before,
        Some(Item::Basis(FiguresBasis::WithExpected))
    );
    // Another tab placed C2 meanwhile: both are kept, and undoing the switch leaves C2 placed.
    let theirs = placed(base(), "C2", d(2015, 2, 2));
    let merged = three_way(&base(), &mine, &theirs);
    assert!(merged.clashes.is_empty());
    assert_eq!(merged.document.scenarios.basis, FiguresBasis::DataOnly);
    assert_eq!(merged.document.records[1].placed, Some(d(2015, 2, 2)));
    let undone = undo(&merged.document, &patch);
    assert_eq!(undone.document, theirs);
    assert_eq!(ItemKey::Basis.describe(None), "the basis of the figures");
}
