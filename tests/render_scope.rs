//! What a change re-renders, counted in the browser: the open screen renders again when the
//! data changes, and not when only a notice, a save being acknowledged or the status line
//! changes.
#![cfg(target_arch = "wasm32")]

use adoption_forecast::app::App;
use adoption_forecast::context::render_count;
use adoption_forecast::storage::document::Document;
use adoption_forecast::storage::{self, STORAGE_KEY};
use chrono::NaiveDate;
use scorecard::ChildRecord;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn wait_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn click(root: &web_sys::Element, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
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
async fn a_notice_or_a_save_does_not_re_render_the_open_screen() {
    let day = |d| NaiveDate::from_ymd_opt(2014, 1, d).unwrap();
    let document = Document {
        records: vec![
            ChildRecord::new("C1", day(1)),
            ChildRecord::new("C2", day(2)),
        ],
        ..Document::default()
    };
    let store = storage::local_storage().unwrap();
    store
        .set_item(STORAGE_KEY, &storage::to_json(&document).unwrap())
        .unwrap();
    // The records screen, by its address (a bare address opens the forecast).
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/records")
        .unwrap();
    let page = web_sys::window().unwrap().document().unwrap();
    let root = page.create_element("div").unwrap();
    page.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    wait_ms(100).await;
    let opened = render_count("RecordsScreen");
    assert!(opened >= 1, "the records screen is open");

    // A change to the data re-renders the screen that shows it.
    click(&root, "Delete child C1");
    wait_ms(50).await;
    let changed = render_count("RecordsScreen");
    assert!(changed > opened, "the deletion is shown");

    // The save lands 300 ms later and moves the stored revision; then the notice is dismissed.
    // Neither is data the screen shows.
    wait_ms(600).await;
    assert!(store
        .get_item(STORAGE_KEY)
        .unwrap()
        .unwrap()
        .contains("\"revision\":1"));
    click(&root, "Dismiss message");
    wait_ms(100).await;
    assert_eq!(render_count("RecordsScreen"), changed);
    root.remove();
    store.remove_item(STORAGE_KEY).unwrap();
}
