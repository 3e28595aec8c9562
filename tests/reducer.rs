//! The reducer, in the browser: every change can be undone, an action that changes nothing
//! returns the very same state (so nothing re-renders), imports replace or merge by
//! `child_id`, and a stored document that could not be read stops saving until the user
//! chooses.
#![cfg(target_arch = "wasm32")]

use adoption_forecast::state::{Action, AppState, ImportMode, LaterAction, Saving};
use adoption_forecast::storage::document::Document;
use adoption_forecast::storage::migrate::Unreadable;
use adoption_forecast::storage::LoadError;
use chrono::NaiveDate;
use scorecard::ChildRecord;
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn child(id: &str, entered: NaiveDate) -> ChildRecord {
    ChildRecord::new(id, entered)
}

/// A state holding the authority's own (not demonstration) children C1 and C2.
fn state_with_two() -> Rc<AppState> {
    let document = Document {
        records: vec![child("C1", d(2013, 1, 1)), child("C2", d(2013, 2, 1))],
        ..Document::default()
    };
    Rc::new(AppState::start(
        Ok(Some(document)),
        Document::default(),
        vec![],
    ))
}

#[wasm_bindgen_test]
fn an_edit_is_undone_back_to_the_very_same_document() {
    let start = state_with_two();
    let mut edited = child("C2", d(2013, 2, 1));
    edited.placed = Some(d(2014, 3, 1));
    let after = start.clone().reduce(Action::UpdateRecord {
        child_id: "C2".into(),
        record: edited.clone(),
        opened: None,
    });
    assert_eq!(after.document.records[1], edited);
    assert_eq!(after.undo_label(), Some("saved changes to child C2"));
    assert_eq!(after.changes, start.changes + 1, "a change is saved");

    let undone = after.reduce(Action::Undo);
    assert_eq!(undone.document, start.document);
    assert_eq!(undone.undo_label(), None);
    assert!(undone.changes > start.changes, "the undo is saved too");
}

#[wasm_bindgen_test]
fn several_changes_undo_in_reverse_order() {
    let start = state_with_two();
    let one = start
        .clone()
        .reduce(LaterAction::DeleteRecord("C1".into()).into());
    let two = one
        .clone()
        .reduce(LaterAction::AddRecord(child("C3", d(2014, 5, 5))).into());
    let ids = |s: &AppState| {
        s.document
            .records
            .iter()
            .map(|r| r.child_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&two), ["C2", "C3"]);
    let back_one = two.reduce(Action::Undo);
    assert_eq!(ids(&back_one), ["C2"]);
    let back_two = back_one.reduce(Action::Undo);
    assert_eq!(ids(&back_two), ["C1", "C2"]);
}

#[wasm_bindgen_test]
fn an_action_that_changes_nothing_returns_the_same_state() {
    let start = state_with_two();
    let same = [
        LaterAction::DeleteRecord("no such child".into()).into(),
        Action::Undo,
        LaterAction::SetAuthorityName(String::new()).into(),
        Action::SetAsOf(None),
        Action::ClearDemonstrationData, // not demonstration data
        Action::DismissNotice,
        Action::ResumeSaving, // saving is already on
        Action::UpdateRecord {
            child_id: "C1".into(),
            record: child("C1", d(2013, 1, 1)),
            opened: None,
        },
    ];
    for action in same {
        let next = start.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&next, &start), "{action:?} changed the state");
    }
}

#[wasm_bindgen_test]
fn an_import_replaces_or_merges_by_child_id() {
    let start = state_with_two();
    let mut newer_c2 = child("C2", d(2013, 2, 1));
    newer_c2.matched = Some(d(2014, 1, 1));
    let incoming = vec![newer_c2.clone(), child("C3", d(2014, 1, 1))];

    let merged = start.clone().reduce(
        LaterAction::ImportRecords {
            records: incoming.clone(),
            mode: ImportMode::Merge,
            authority: None,
        }
        .into(),
    );
    // C1 kept as it was, C2 replaced by the file's row, C3 added at the end.
    assert_eq!(
        merged.document.records,
        vec![
            child("C1", d(2013, 1, 1)),
            newer_c2.clone(),
            child("C3", d(2014, 1, 1))
        ]
    );

    let replaced = start.reduce(
        LaterAction::ImportRecords {
            records: incoming.clone(),
            mode: ImportMode::Replace,
            authority: None,
        }
        .into(),
    );
    assert_eq!(replaced.document.records, incoming);
}

#[wasm_bindgen_test]
fn clearing_the_demonstration_leaves_an_empty_dataset_that_can_be_undone() {
    let demo = adoption_forecast::storage::document::demonstration();
    assert!(demo.demonstration && !demo.records.is_empty());
    let start = Rc::new(AppState::start(Ok(None), demo.clone(), vec![]));
    assert_eq!(
        *start.document, demo,
        "nothing stored: the demonstration is shown"
    );
    let cleared = start.clone().reduce(Action::ClearDemonstrationData);
    assert!(cleared.document.records.is_empty());
    assert!(!cleared.document.demonstration);
    assert_eq!(
        cleared.document.settings.as_of, None,
        "the authority's own data follows today"
    );
    let undone = cleared.reduce(Action::Undo);
    assert_eq!(*undone.document, demo);
}

#[wasm_bindgen_test]
fn clearing_the_demonstration_keeps_what_the_user_made_meanwhile() {
    let start = Rc::new(AppState::start(
        Ok(None),
        adoption_forecast::storage::document::demonstration(),
        vec![],
    ));
    let mut schedule = start.document.settings.thresholds.clone();
    schedule.entries[0].a1_days = 600;
    let edited = start
        .reduce(LaterAction::SetThresholds(schedule.clone()).into())
        .reduce(Action::SaveScenario(scorecard::Scenario::named(
            "Faster matching",
        )));
    let cleared = edited.reduce(Action::ClearDemonstrationData);
    assert!(cleared.document.records.is_empty() && cleared.document.aggregates.is_empty());
    assert_eq!(cleared.document.settings.thresholds, schedule);
    assert_eq!(cleared.document.scenarios.saved.len(), 1);
    assert_eq!(cleared.document.scenarios.saved[0].name, "Faster matching");
}

#[wasm_bindgen_test]
fn real_records_replacing_the_demonstration_take_nothing_of_it_along() {
    let demo = adoption_forecast::storage::document::demonstration();
    assert!(!demo.aggregates.is_empty() && demo.settings.as_of.is_some());
    let start = Rc::new(AppState::start(Ok(None), demo, vec![]));
    let own = vec![child("K1", d(2014, 2, 3))];
    let next = start.reduce(
        LaterAction::ImportRecords {
            records: own.clone(),
            mode: ImportMode::Replace,
            authority: None,
        }
        .into(),
    );
    assert_eq!(next.document.records, own);
    assert!(next.document.aggregates.is_empty());
    assert_eq!(next.document.settings.as_of, None);
    assert_eq!(next.document.settings.authority_name, "");
    assert!(!next.document.demonstration);
}

#[wasm_bindgen_test]
fn the_name_given_on_the_first_import_is_kept_with_it_and_undone_with_it() {
    let demo = adoption_forecast::storage::document::demonstration();
    let start = Rc::new(AppState::start(Ok(None), demo.clone(), vec![]));
    let next = start.reduce(
        LaterAction::ImportRecords {
            records: vec![child("K1", d(2014, 2, 3))],
            mode: ImportMode::Replace,
            authority: Some("  Anytown Council ".into()),
        }
        .into(),
    );
    assert_eq!(next.document.settings.authority_name, "Anytown Council");
    assert!(!next.document.demonstration);
    let undone = next.reduce(Action::Undo);
    assert_eq!(
        *undone.document, demo,
        "one step takes back the import and the name"
    );
}

#[wasm_bindgen_test]
fn the_basis_of_the_figures_is_a_change_of_its_own_that_undo_takes_back() {
    use scorecard::FiguresBasis;
    let start = state_with_two();
    assert_eq!(start.document.scenarios.basis, FiguresBasis::WithExpected);
    let next = start
        .clone()
        .reduce(Action::SetBasis(FiguresBasis::DataOnly));
    assert_eq!(next.document.scenarios.basis, FiguresBasis::DataOnly);
    assert_eq!(
        next.undo_label(),
        Some("left the adoptions we expect out of the figures")
    );
    let undone = next.reduce(Action::Undo);
    assert_eq!(undone.document, start.document);
}

#[wasm_bindgen_test]
fn an_unreadable_store_pauses_saving_until_the_user_chooses() {
    let loaded = Err(LoadError::Unreadable {
        raw: "{\"version\":1,\"records\":[".into(),
        reason: Unreadable::NotJson("EOF while parsing".into()),
    });
    let start = Rc::new(AppState::start(loaded, Document::default(), vec![]));
    let Saving::Paused { raw, .. } = &start.saving else {
        panic!("saving should be paused, is {:?}", start.saving);
    };
    assert_eq!(&**raw, "{\"version\":1,\"records\":[");
    // Changes are still possible, but saving stays paused.
    let changed = start.reduce(LaterAction::AddRecord(child("C1", d(2014, 1, 1))).into());
    assert!(matches!(changed.saving, Saving::Paused { .. }));
    let resumed = changed.reduce(Action::ResumeSaving);
    assert_eq!(resumed.saving, Saving::On);
}

#[wasm_bindgen_test]
fn another_tabs_save_is_merged_with_unsaved_work_and_undo_still_works() {
    let start = state_with_two();
    // This tab deletes C1 and has not saved yet; another tab adds K9 and saves revision 1.
    let after_edit = start.reduce(LaterAction::DeleteRecord("C1".into()).into());
    let mut theirs = (*after_edit.stored).clone();
    theirs.records.push(child("K9", d(2015, 1, 1)));
    theirs.revision = 1;
    let next = after_edit
        .clone()
        .reduce(Action::OtherTabChanged(Ok(Some(theirs.clone()))));
    let ids: Vec<&str> = next
        .document
        .records
        .iter()
        .map(|r| r.child_id.as_str())
        .collect();
    assert_eq!(ids, ["C2", "K9"], "both changes kept");
    assert!(next.unsaved, "the merged document is still to be saved");
    assert_eq!(
        next.stored.revision, 1,
        "it will be saved over the other tab's revision"
    );
    assert!(next.clashes.is_empty());
    // The undo history survives, and takes back only this tab's change.
    assert_eq!(next.undo_label(), Some("deleted child C1"));
    let undone = next.reduce(Action::Undo);
    let ids: Vec<&str> = undone
        .document
        .records
        .iter()
        .map(|r| r.child_id.as_str())
        .collect();
    assert_eq!(ids, ["C1", "C2", "K9"]);
    // The same revision again changes nothing.
    let again = undone
        .clone()
        .reduce(Action::OtherTabChanged(Ok(Some(theirs))));
    assert!(Rc::ptr_eq(&again, &undone));
}

#[wasm_bindgen_test]
fn a_first_start_demonstration_gives_way_to_another_tabs_save() {
    // This tab opened on an empty browser and shows the demonstration, not yet stored; another
    // tab has just stored the authority's own (empty) records.
    let demo = adoption_forecast::storage::document::demonstration();
    let start = Rc::new(AppState::start(Ok(None), demo, vec![]));
    assert!(start.unsaved && start.first_start);
    let theirs = Document {
        revision: 1,
        ..Document::default()
    };
    let next = start.reduce(Action::OtherTabChanged(Ok(Some(theirs.clone()))));
    assert_eq!(
        *next.document, theirs,
        "the demonstration is nobody's work to merge"
    );
    assert!(!next.unsaved);
}

#[wasm_bindgen_test]
fn with_nothing_unsaved_another_tabs_save_is_shown_as_it_is() {
    let start = state_with_two();
    let mut theirs = (*start.document).clone();
    theirs.records.remove(0);
    theirs.revision = 4;
    let next = start.reduce(Action::OtherTabChanged(Ok(Some(theirs.clone()))));
    assert_eq!(*next.document, theirs);
    assert!(!next.unsaved, "nothing to write back");
    assert!(next.notice.as_ref().unwrap().text.contains("another tab"));
}

#[wasm_bindgen_test]
fn the_same_child_changed_in_both_tabs_waits_for_the_users_choice() {
    let start = state_with_two();
    let mut mine = child("C2", d(2013, 2, 1));
    mine.placed = Some(d(2014, 3, 1));
    let edited = start.reduce(Action::UpdateRecord {
        child_id: "C2".into(),
        record: mine.clone(),
        opened: None,
    });
    let mut theirs = (*edited.stored).clone();
    theirs.records[1].placed = Some(d(2014, 9, 9));
    theirs.revision = 1;
    theirs.saved_at = Some("2015-06-30T10:42".into());
    let clashed = edited.reduce(Action::OtherTabChanged(Ok(Some(theirs.clone()))));
    assert_eq!(clashed.clashes.len(), 1);
    assert_eq!(
        clashed.clashes[0].their_time.as_deref(),
        Some("2015-06-30T10:42")
    );
    assert_eq!(clashed.document.records[1].placed, Some(d(2014, 9, 9)));
    let kept_mine = clashed.reduce(Action::SettleClash {
        index: 0,
        keep_mine: true,
    });
    assert!(kept_mine.clashes.is_empty());
    assert_eq!(kept_mine.document.records[1], mine);
    assert_eq!(
        kept_mine.undo_label(),
        Some("kept your version of child C2")
    );
}

#[wasm_bindgen_test]
fn a_failed_save_is_told_without_losing_the_change() {
    let start = state_with_two();
    let changed = start.reduce(LaterAction::DeleteRecord("C1".into()).into());
    let failed = changed
        .clone()
        .reduce(Action::SaveFailed("QuotaExceededError".into()));
    assert!(Rc::ptr_eq(&failed.document, &changed.document));
    let notice = failed.notice.clone().unwrap();
    assert_eq!(notice.level, adoption_forecast::ui::notice::Level::Error);
    assert!(notice.text.contains("could not be saved"));
    assert!(notice.text.contains("QuotaExceededError"));
    assert_eq!(failed.saving, Saving::Refused("QuotaExceededError".into()));
}

#[wasm_bindgen_test]
fn after_a_refused_save_the_app_is_read_only_until_a_save_is_tried_again() {
    let failed = state_with_two()
        .reduce(LaterAction::DeleteRecord("C1".into()).into())
        .reduce(Action::SaveFailed("QuotaExceededError".into()));
    // Another change is refused and says why: the document stays as it was.
    let refused = failed
        .clone()
        .reduce(LaterAction::DeleteRecord("C2".into()).into());
    assert!(Rc::ptr_eq(&refused.document, &failed.document));
    assert_eq!(refused.document.records.len(), 1);
    assert!(refused.notice.as_ref().unwrap().text.contains("read-only"));
    // Trying again turns saving on and asks the saver to write the unsaved change.
    let retried = refused.clone().reduce(Action::RetrySaving);
    assert_eq!(retried.saving, Saving::On);
    assert!(retried.unsaved);
    assert!(retried.changes > refused.changes);
    // And changes are taken again.
    let changed = retried.reduce(LaterAction::DeleteRecord("C2".into()).into());
    assert!(changed.document.records.is_empty());
}

/// The document `state` would write as `revision` by the save stamped `stamp`.
fn written(state: &AppState, revision: u64, stamp: &str) -> Rc<Document> {
    let mut written = (*state.document).clone();
    written.revision = revision;
    written.save_id = Some(stamp.into());
    Rc::new(written)
}

fn ids(state: &AppState) -> Vec<String> {
    state
        .document
        .records
        .iter()
        .map(|r| r.child_id.clone())
        .collect()
}

#[wasm_bindgen_test]
fn two_tabs_saving_the_same_revision_at_once_both_keep_their_work() {
    // Both tabs start from revision 0 (C1, C2). This tab deletes C1 and saves revision 1;
    // at the same moment the other deletes C2 and saves its own revision 1 over it.
    let start = state_with_two();
    let edited = start.reduce(LaterAction::DeleteRecord("C1".into()).into());
    let saved = edited.clone().reduce(Action::Saved {
        from: edited.document.clone(),
        written: written(&edited, 1, "aaaaaa000001"),
    });
    assert!(!saved.unsaved);
    let mut theirs = (*saved.written_over).clone();
    theirs.records.retain(|r| r.child_id != "C2");
    theirs.revision = 1;
    theirs.save_id = Some("bbbbbb000002".into());

    let merged = saved.reduce(Action::OtherTabChanged(Ok(Some(theirs))));
    // Revision 1 is not this tab's own: merged from the common ancestor, nothing is lost.
    assert!(
        ids(&merged).is_empty(),
        "both deletions kept: {:?}",
        ids(&merged)
    );
    assert!(
        merged.unsaved,
        "written again, over the other tab's revision 1"
    );
    assert_eq!(merged.stored.save_id.as_deref(), Some("bbbbbb000002"));
    assert!(merged.clashes.is_empty());
}

#[wasm_bindgen_test]
fn a_same_revision_save_holding_all_of_this_tabs_work_is_taken_without_saving_again() {
    // Both tabs merged each other's work and wrote it as revision 2 at once: nothing is left
    // to add, so this tab takes the other's revision 2 rather than answering it with a 3.
    let start = state_with_two();
    let edited = start.reduce(LaterAction::DeleteRecord("C1".into()).into());
    let saved = edited.clone().reduce(Action::Saved {
        from: edited.document.clone(),
        written: written(&edited, 2, "aaaaaa000003"),
    });
    let mut theirs = (*saved.document).clone();
    theirs.revision = 2;
    theirs.save_id = Some("bbbbbb000004".into());
    let next = saved
        .clone()
        .reduce(Action::OtherTabChanged(Ok(Some(theirs))));
    assert!(!next.unsaved);
    assert_eq!(next.changes, saved.changes, "no save is asked for");
    assert_eq!(next.stored.save_id.as_deref(), Some("bbbbbb000004"));
    assert_eq!(ids(&next), ["C2"]);
    // And the very same save seen again changes nothing.
    let again = next
        .clone()
        .reduce(Action::OtherTabChanged(Ok(Some((*next.stored).clone()))));
    assert!(Rc::ptr_eq(&again, &next));
}

#[wasm_bindgen_test]
fn reading_back_what_this_tab_last_read_lets_its_unsaved_change_be_saved() {
    // A save that could not recognise the stored text reads it in full; when it is the very
    // document this tab started from, nothing is merged, and the change waiting is saved.
    let start = state_with_two();
    let edited = start.reduce(LaterAction::DeleteRecord("C1".into()).into());
    assert!(edited.unsaved);
    let read_back = edited
        .clone()
        .reduce(Action::ReadBeforeSaving(Ok(Some((*edited.stored).clone()))));
    assert!(read_back.unsaved);
    assert!(Rc::ptr_eq(&read_back.document, &edited.document));
    assert_eq!(
        read_back.changes,
        edited.changes + 1,
        "the save is asked for again"
    );
    assert_eq!(read_back.notice, edited.notice, "nothing to tell the user");
}

#[wasm_bindgen_test]
fn a_form_opened_before_another_tabs_change_to_its_child_never_writes_over_it() {
    // This tab has nothing unsaved, so another tab's save of C2 is simply shown; the form was
    // opened on C2 before it arrived.
    let start = state_with_two();
    let opened = start.document.records[1].clone();
    let mut theirs = (*start.stored).clone();
    theirs.records[1].placed = Some(d(2014, 9, 9));
    theirs.revision = 1;
    theirs.saved_at = Some("2015-06-30T10:42".into());
    let shown = start.reduce(Action::OtherTabChanged(Ok(Some(theirs))));
    assert_eq!(shown.document.records[1].placed, Some(d(2014, 9, 9)));

    let mut mine = opened.clone();
    mine.shobpa_decision = Some(d(2013, 8, 1));
    let saved = shown.clone().reduce(Action::UpdateRecord {
        child_id: "C2".into(),
        record: mine.clone(),
        opened: Some(opened.clone()),
    });
    // Both versions wait for the user; the other tab's stays until then.
    assert_eq!(saved.clashes.len(), 1);
    assert_eq!(
        saved.clashes[0].their_time.as_deref(),
        Some("2015-06-30T10:42")
    );
    assert_eq!(saved.document.records[1].placed, Some(d(2014, 9, 9)));
    assert_eq!(saved.document.records[1].shobpa_decision, None);
    let kept_mine = saved.reduce(Action::SettleClash {
        index: 0,
        keep_mine: true,
    });
    assert_eq!(kept_mine.document.records[1], mine);

    // A form opened on the record as it now is saves as usual.
    let current = shown.document.records[1].clone();
    let mut edited = current.clone();
    edited.shobpa_decision = Some(d(2013, 8, 1));
    let plain = shown.reduce(Action::UpdateRecord {
        child_id: "C2".into(),
        record: edited.clone(),
        opened: Some(current),
    });
    assert!(plain.clashes.is_empty());
    assert_eq!(plain.document.records[1], edited);
}
