//! The tracking meeting's record in the reducer, in the browser: each answer is kept in the
//! document as it is given (no separate save), a run of typing in one box is one step to undo,
//! an action is kept from its first word, and two tabs' records merge one meeting at a time.
#![cfg(target_arch = "wasm32")]

use adoption_forecast::state::{Action, AppState, LaterAction};
use adoption_forecast::storage::document::Document;
use adoption_forecast::tracking::meetings::MeetingAction;
use adoption_forecast::tracking::questions::{OutcomeEdit, Question};
use chrono::NaiveDate;
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn june() -> NaiveDate {
    d(2015, 6, 30)
}

/// A stored document with the June meeting held.
fn held() -> Rc<AppState> {
    let start = Rc::new(AppState::start(
        Ok(Some(Document::default())),
        Document::default(),
        vec![],
    ));
    start.reduce(
        LaterAction::HoldMeeting {
            date: june(),
            attendees: "Service managers".into(),
        }
        .into(),
    )
}

fn edit(child: &str, edit: OutcomeEdit) -> Action {
    LaterAction::EditOutcome {
        date: june(),
        authority: 0,
        child_id: child.into(),
        edit,
    }
    .into()
}

fn discussion(state: &AppState, child: &str) -> Option<String> {
    state
        .document
        .meetings
        .on(june())?
        .outcomes
        .iter()
        .find(|o| o.child_id == child)
        .map(|o| o.discussion.clone())
}

#[wasm_bindgen_test]
fn typing_is_kept_at_each_pause_and_undone_as_one_step() {
    let start = held();
    // Three pauses while typing the discussion: each is kept in the document at once.
    let mut state = start.clone();
    for text in ["Two", "Two families", "Two families interested"] {
        state = state.reduce(edit(
            "P1",
            OutcomeEdit::Text(Question::Discussion, text.into()),
        ));
        assert_eq!(discussion(&state, "P1").as_deref(), Some(text));
        assert!(state.unsaved, "each pause is saved");
    }
    assert_eq!(
        state.undo_label(),
        Some("typed in 1.1.8 Discussion for child P1")
    );
    // One undo takes the whole run back: P1 had nothing recorded, so P1 leaves the minutes.
    let undone = state.clone().reduce(Action::Undo);
    assert_eq!(discussion(&undone, "P1"), None);
    assert_eq!(
        undone.undo_label(),
        Some("held the tracking meeting of 30/06/2015")
    );
    assert_eq!(undone.document, start.document);

    // Another box is another step; so is the same box after something else.
    let more = state
        .reduce(edit(
            "P1",
            OutcomeEdit::Text(Question::LegalStatus, "Placement order".into()),
        ))
        .reduce(edit(
            "P1",
            OutcomeEdit::Answer(Question::AdoptionPlan, Some(true)),
        ))
        .reduce(edit(
            "P1",
            OutcomeEdit::Text(Question::Discussion, "Two families; panel booked".into()),
        ));
    let back = more.reduce(Action::Undo);
    assert_eq!(
        discussion(&back, "P1").as_deref(),
        Some("Two families interested")
    );
    assert_eq!(
        back.undo_label(),
        Some("answered 1.1.5 Does adoption remain the plan? for child P1")
    );
}

#[wasm_bindgen_test]
fn an_action_is_kept_from_its_first_word_and_filled_in_place() {
    let visit = MeetingAction {
        what: "Decide on the prospective family".into(),
        ..MeetingAction::default()
    };
    let owned = MeetingAction {
        owner: "Family finding manager".into(),
        ..visit.clone()
    };
    let dated = MeetingAction {
        due: Some(d(2015, 7, 10)),
        ..owned.clone()
    };
    let state = held()
        .reduce(edit("P1", OutcomeEdit::AddAction(visit.clone())))
        .reduce(edit(
            "P1",
            OutcomeEdit::EditAction {
                index: 0,
                was: visit,
                now: owned.clone(),
            },
        ))
        .reduce(edit(
            "P1",
            OutcomeEdit::EditAction {
                index: 0,
                was: owned,
                now: dated.clone(),
            },
        ));
    let meeting = state.document.meetings.on(june()).unwrap();
    assert_eq!(meeting.outcomes[0].actions, vec![dated]);
    // It carries forward: open, and overdue once 10/07/2015 has passed.
    let open = state.document.meetings.open_actions(d(2015, 7, 28));
    assert_eq!(open.len(), 1);
    assert!(open[0].overdue);
    // Filling it in is one step to undo; adding it was another.
    assert_eq!(state.undo_label(), Some("changed an action for child P1"));
    let once = state.reduce(Action::Undo);
    assert_eq!(once.undo_label(), Some("added an action for child P1"));
    assert_eq!(
        once.document.meetings.on(june()).unwrap().outcomes[0].actions[0].owner,
        ""
    );
}

#[wasm_bindgen_test]
fn two_tabs_keep_their_records_of_different_meetings() {
    let start = held();
    let saved = start.clone().reduce(Action::Saved {
        from: start.document.clone(),
        written: Rc::new(Document {
            revision: 1,
            ..(*start.document).clone()
        }),
    });
    // This tab types P1's discussion at the June meeting; another tab held a July meeting and
    // recorded P2 there, and saved first.
    let mine = saved.reduce(edit(
        "P1",
        OutcomeEdit::Text(Question::Discussion, "Two families".into()),
    ));
    let mut theirs = (*mine.stored).clone();
    theirs.meetings.hold(d(2015, 7, 28), String::new());
    theirs.meetings.edit_outcome(
        d(2015, 7, 28),
        0,
        "P2",
        OutcomeEdit::Text(Question::Discussion, "Matched".into()),
    );
    theirs.revision = 2;
    let merged = mine.reduce(Action::OtherTabChanged(Ok(Some(theirs))));
    assert!(merged.clashes.is_empty());
    assert_eq!(discussion(&merged, "P1").as_deref(), Some("Two families"));
    let july = merged.document.meetings.on(d(2015, 7, 28)).unwrap();
    assert_eq!(july.outcomes[0].discussion, "Matched");
}

#[wasm_bindgen_test]
fn while_the_browser_refuses_to_save_an_answer_is_refused_in_words() {
    let refused = held().reduce(Action::SaveFailed("the storage is full".into()));
    let after = refused.clone().reduce(edit(
        "P1",
        OutcomeEdit::Text(Question::Discussion, "Two families".into()),
    ));
    assert_eq!(after.document, refused.document);
    let notice = after
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("read-only"), "{notice}");
}

#[wasm_bindgen_test]
fn an_answer_kept_as_typed_leaves_the_status_line_as_it_was() {
    let start = held();
    let before = start.notice.clone();
    let typed = start.reduce(edit(
        "P1",
        OutcomeEdit::Text(Question::Discussion, "Two families".into()),
    ));
    assert_eq!(typed.notice, before);
    assert_eq!(
        typed.undo_label(),
        Some("typed in 1.1.8 Discussion for child P1")
    );
}
