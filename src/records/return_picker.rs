//! "Import SSDA903 return": a file input that takes several files at once, and a drop of them
//! anywhere on the page while the records screen is open. The files are read as bytes and
//! decoded as the CSV import decodes them (UTF-8, UTF-16 or Windows-1252), then handed over
//! together.

use crate::context::use_app;
use crate::state::Action;
use crate::ui::notice::Notice;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Properties of [`ReturnPicker`].
#[derive(Properties, PartialEq)]
pub struct ReturnPickerProps {
    /// Called with every file's name and text, once all are read.
    pub onload: Callback<Vec<(String, String)>>,
}

/// The files of a `FileList`, in order.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads every file, or says which one could not be read.
async fn read_all(files: Vec<web_sys::File>) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "the browser refused it".to_string());
            format!("The file {name} could not be read: {why}.")
        })?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        out.push((name, scorecard::csv::decode_text(&bytes)));
    }
    Ok(out)
}

/// Reads `files` and hands them to `onload`; a file that cannot be read becomes a notice.
fn read_and_hand_over(
    files: Vec<web_sys::File>,
    onload: Callback<Vec<(String, String)>>,
    app: crate::context::Store,
) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match read_all(files).await {
            Ok(read) => onload.emit(read),
            Err(why) => app.dispatch(Action::Notify(Notice::error(why))),
        }
    });
}

/// Whether a drag carries files (and not text or a link, which keep the browser's own
/// handling).
fn carries_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .map(|t| {
            t.types()
                .iter()
                .any(|v| v.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

/// The SSDA903 return's file input, and the page as a drop target.
#[function_component]
pub fn ReturnPicker(props: &ReturnPickerProps) -> Html {
    let app = use_app();
    // The listeners live as long as the screen; they reach the latest callback through a cell
    // rather than being added again on every render.
    let latest = use_mut_ref(|| props.onload.clone());
    *latest.borrow_mut() = props.onload.clone();
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let listeners = window.map(|window| {
                let options = EventListenerOptions::enable_prevent_default();
                // A drag over the page must be accepted, or the browser opens the dropped
                // file itself and leaves the app.
                let over = EventListener::new_with_options(&window, "dragover", options, |e| {
                    if e.dyn_ref::<web_sys::DragEvent>().is_some_and(carries_files) {
                        e.prevent_default();
                    }
                });
                let drop = EventListener::new_with_options(&window, "drop", options, move |e| {
                    let Some(event) = e.dyn_ref::<web_sys::DragEvent>() else {
                        return;
                    };
                    if !carries_files(event) {
                        return;
                    }
                    event.prevent_default();
                    let files = files_of(event.data_transfer().and_then(|t| t.files()));
                    let onload = latest.borrow().clone();
                    read_and_hand_over(files, onload, app.clone());
                });
                (over, drop)
            });
            move || drop(listeners)
        });
    }
    let onchange = {
        let onload = props.onload.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let files = files_of(input.files());
            // Cleared, so that choosing the same files again reads them again.
            input.set_value("");
            read_and_hand_over(files, onload.clone(), app.clone());
        })
    };
    html! {
        <div class="field field--file">
            <label class="field__label" for="import-return">{ "Import SSDA903 return" }</label>
            <div id="import-return-hint" class="field__hint">
                { "The return's CSV tables (Header, Episodes, AD1, PlacedAdoption; several years at once) or its XML file. Choose several files, or drop them anywhere on this page. Nothing changes until you confirm." }
            </div>
            <input id="import-return" class="field__file" type="file" multiple=true
                accept=".csv,.xml,text/csv,text/xml,application/xml"
                aria-describedby="import-return-hint" {onchange} />
        </div>
    }
}
