//! Small bridges to the browser that several screens need: today's date, saving a file the
//! user asked for, and reading a file the user chose. Nothing here goes over the network: a
//! download is made from a `blob:` URL of this page's own origin.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Today's date on this computer's clock, the default as-of date.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Offers `contents` to the user as a file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| describe(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "could not make a link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The browser has taken its copy once the click is handled; freeing the URL at once would
    // cancel the download in some browsers, so free it on the next turn of the event loop.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// The text of a file the user chose (read as UTF-8).
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| describe(&e))?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// The first file of an `<input type="file">` change event, clearing the input so that the
/// same file can be chosen again later.
pub fn chosen_file(event: &yew::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// A readable message from a JavaScript error.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown browser error".to_string())
}
