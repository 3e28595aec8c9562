//! Storage in a real browser: what cannot be read is never overwritten, every earlier
//! version is migrated, and a save the browser refuses leaves the last good document.
#![cfg(target_arch = "wasm32")]

use adoption_forecast::app::App;
use adoption_forecast::storage::document::{Document, DOCUMENT_VERSION};
use adoption_forecast::storage::migrate::Unreadable;
use adoption_forecast::storage::{self, LoadError, SaveError, STORAGE_KEY};
use chrono::NaiveDate;
use scorecard::{ChildRecord, RollingPeriod};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn store() -> web_sys::Storage {
    storage::local_storage().unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[wasm_bindgen_test]
fn nothing_stored_is_not_an_error() {
    store().remove_item(STORAGE_KEY).unwrap();
    assert_eq!(storage::load(), Ok(None));
}

#[wasm_bindgen_test]
fn a_saved_document_loads_back_equal() {
    let mut document = Document::default();
    document.settings.authority_name = "Anytown".into();
    document.settings.as_of = Some(d(2016, 3, 31));
    let mut c = ChildRecord::new("C1", d(2013, 4, 1));
    c.placed = Some(d(2014, 6, 1));
    c.foster_carer_adoption = true;
    document.records.push(c);
    storage::save(&storage::to_json(&document).unwrap()).unwrap();
    assert_eq!(storage::load(), Ok(Some(document)));
}

#[wasm_bindgen_test]
fn a_version_0_document_is_migrated() {
    // The prototype's layout: no version, the children under "children", the name as
    // "authority". Version 1 keeps all of it and adds the published threshold schedule.
    let v0 = r#"{"authority":"Anytown","as_of":"2015-06-30",
        "children":[{"child_id":"C7","entered_care":"2013-01-05","placed":"2014-02-01"}]}"#;
    store().set_item(STORAGE_KEY, v0).unwrap();
    let document = storage::load().unwrap().unwrap();
    assert_eq!(document.version, DOCUMENT_VERSION);
    assert_eq!(document.settings.authority_name, "Anytown");
    assert_eq!(document.settings.as_of, Some(d(2015, 6, 30)));
    let mut expected = ChildRecord::new("C7", d(2013, 1, 5));
    expected.placed = Some(d(2014, 2, 1));
    assert_eq!(document.records, vec![expected]);
    assert!(!document.demonstration);
    // The Sheffield City Council scrutiny report (2015): 426 days of A1 for the three years ending March 2017.
    let entry = document
        .settings
        .thresholds
        .entry_for(RollingPeriod::ending_march(2017))
        .unwrap();
    assert_eq!(entry.a1_days, 426);
    // Loading does not write: the stored text is still the old one until a change is saved.
    assert_eq!(store().get_item(STORAGE_KEY).unwrap().as_deref(), Some(v0));
}

#[wasm_bindgen_test]
fn corrupted_and_newer_documents_are_reported_with_their_raw_text() {
    let cut_short = "{\"version\":1,\"records\":[{\"child_id\":\"C1\"";
    store().set_item(STORAGE_KEY, cut_short).unwrap();
    match storage::load() {
        Err(LoadError::Unreadable {
            raw,
            reason: Unreadable::NotJson(_),
        }) => assert_eq!(raw, cut_short),
        other => panic!("expected an unreadable document, got {other:?}"),
    }
    // One version past the one this build writes: a document from a newer build of the app.
    let next = DOCUMENT_VERSION + 1;
    let newer = format!("{{\"version\":{next},\"records\":[]}}");
    store().set_item(STORAGE_KEY, &newer).unwrap();
    match storage::load() {
        Err(LoadError::Unreadable {
            raw,
            reason: Unreadable::NewerVersion { found },
        }) if found == next => assert_eq!(raw, newer),
        other => panic!("expected a newer version, got {other:?}"),
    }
    let wrong = "{\"version\":1,\"records\":\"none\"}";
    store().set_item(STORAGE_KEY, wrong).unwrap();
    assert!(matches!(
        storage::load(),
        Err(LoadError::Unreadable {
            reason: Unreadable::WrongShape { version: 1, .. },
            ..
        })
    ));
}

/// Mounts the whole app on a fresh element and lets it render and run its effects.
async fn mount_app() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Waits for Yew's scheduler (which runs on the browser's task queue) to render and run
/// effects: yew's own `flush` needs its `test` feature, which the release build must not carry.
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn click_button(root: &web_sys::Element, text: &str) {
    click_in(root, "button", text)
}

/// Answers the question the app asks in its modal dialog.
fn click_dialog_button(root: &web_sys::Element, text: &str) {
    click_in(root, "dialog button", text)
}

fn click_in(root: &web_sys::Element, selector: &str, text: &str) {
    let buttons = root.query_selector_all(selector).unwrap();
    for i in 0..buttons.length() {
        let button: web_sys::HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
        if button.text_content().unwrap_or_default().trim() == text {
            button.click();
            return;
        }
    }
    panic!("no button {text:?}");
}

#[wasm_bindgen_test]
async fn the_app_never_saves_over_a_corrupted_document() {
    let corrupted = "{\"version\":1,\"records\":[{\"child_id\":\"C1\",\"entered_ca";
    store().set_item(STORAGE_KEY, corrupted).unwrap();
    let root = mount_app().await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("could not be read"),
        "the user is told: {text}"
    );
    assert!(root.query_selector("button").unwrap().is_some());
    // A change the user makes is shown, but not saved over what is stored.
    click_button(&root, "Clear demonstration data");
    settle().await;
    click_dialog_button(&root, "Clear demonstration data");
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Cleared the demonstration data"));
    for _ in 0..8 {
        settle().await;
    }
    assert_eq!(
        store().get_item(STORAGE_KEY).unwrap().as_deref(),
        Some(corrupted)
    );
    // Only the user's explicit choice replaces it.
    click_button(&root, "Replace the stored data and turn saving on");
    settle().await;
    click_dialog_button(&root, "Replace the stored data");
    // Saving waits a moment after the last change, so that quick changes are saved together.
    for _ in 0..8 {
        settle().await;
    }
    let stored = store().get_item(STORAGE_KEY).unwrap().unwrap();
    assert_ne!(stored, corrupted);
    let document = storage::read_stored(stored).unwrap();
    assert!(document.records.is_empty() && !document.demonstration);
    root.remove();
    store().remove_item(STORAGE_KEY).unwrap();
}

#[wasm_bindgen_test]
fn a_refused_save_leaves_the_last_good_document() {
    let s = store();
    let good = storage::to_json(&Document::default()).unwrap();
    storage::save_to(&s, &good).unwrap();
    // Fill the origin's quota with other keys, in ever smaller pieces, until it is full.
    let mut fillers = Vec::new();
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8] {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("filler-{}", fillers.len());
            if s.set_item(&key, &chunk).is_err() {
                break;
            }
            fillers.push(key);
        }
    }
    let mut bigger = Document::default();
    bigger.settings.authority_name = "y".repeat(4096);
    let result = storage::save_to(&s, &storage::to_json(&bigger).unwrap());
    for key in &fillers {
        s.remove_item(key).unwrap();
    }
    assert!(matches!(result, Err(SaveError::Refused(_))), "{result:?}");
    assert_eq!(s.get_item(STORAGE_KEY).unwrap(), Some(good));
    s.remove_item(STORAGE_KEY).unwrap();
}
