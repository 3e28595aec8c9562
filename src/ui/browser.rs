//! Small bridges to the browser that several screens need: today's date, saving a file the
//! user asked for, and reading a file the user chose. Nothing here goes over the network: a
//! download is made from a `blob:` URL of this page's own origin.

use crate::ui::notice::Notice;
use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Today's date on this computer's clock, the default as-of date. Read from the browser's
/// own `Date`, so that chrono needs no clock of its own in the bundle.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The local date and time now, to the minute ("2015-06-30T10:42"): when a save or a safety
/// copy was made.
pub fn now_local() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// A random stamp for one save (twelve hexadecimal digits), telling it from another tab's
/// save of the same revision. Not a secret: only ever compared for equality.
pub fn save_stamp() -> String {
    let high = (js_sys::Math::random() * f64::from(1u32 << 24)) as u32;
    let low = (js_sys::Math::random() * f64::from(1u32 << 24)) as u32;
    format!("{high:06x}{low:06x}")
}

/// "2015-06-30T10:42" as "30/06/2015 at 10:42"; other text as it is.
pub fn format_time(stamp: &str) -> String {
    match stamp.split_once('T') {
        Some((date, time)) => match scorecard::dates::parse_date(date) {
            Some(date) => format!("{} at {time}", scorecard::dates::format_uk(date)),
            None => stamp.to_string(),
        },
        None => stamp.to_string(),
    }
}

/// Offers a CSV file and says how it went, in the words every download uses: "Downloaded the
/// backtest: backtest.csv." or "The backtest could not be downloaded: …".
pub fn download_csv(file_name: &str, what: &str, contents: &str) -> Notice {
    match download(file_name, "text/csv", contents) {
        Ok(()) => Notice::success(format!("Downloaded the {what}: {file_name}.")),
        Err(why) => Notice::error(format!("The {what} could not be downloaded: {why}.")),
    }
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

/// Asks the browser to keep this site's storage even when the disk runs low (without it, a
/// browser may clear the data of a site not visited for a while). Browsers answer without
/// asking the user for an installed or often-used site; the answer is shown in Settings.
pub fn ask_for_persistent_storage() {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let already = match storage.persisted() {
            Ok(promise) => JsFuture::from(promise).await.ok(),
            Err(_) => None,
        };
        if already.and_then(|v| v.as_bool()) != Some(true) {
            if let Ok(promise) = storage.persist() {
                let _ = JsFuture::from(promise).await;
            }
        }
    });
}

/// What the browser says of this site's storage: whether it is kept even when the disk runs
/// low, and the bytes used and allowed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StorageReport {
    /// Whether the browser granted persistent storage (`None`: it does not say).
    pub persisted: Option<bool>,
    /// Bytes used by this site.
    pub usage: Option<f64>,
    /// Bytes this site may use.
    pub quota: Option<f64>,
}

/// Asks the browser for a [`StorageReport`].
pub async fn storage_report() -> StorageReport {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return StorageReport::default();
    };
    let persisted = match storage.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    let estimate = match storage.estimate() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    let number = |name: &str| {
        estimate
            .as_ref()
            .and_then(|e| js_sys::Reflect::get(e, &JsValue::from_str(name)).ok())
            .and_then(|v| v.as_f64())
    };
    StorageReport {
        persisted,
        usage: number("usage"),
        quota: number("quota"),
    }
}

/// Opens the browser's print dialog (where "Save as PDF" is offered too). A browser that
/// cannot print just does nothing; there is nothing to recover.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Loads the page again. A browser that refuses leaves the page as it is, and the user can
/// still reload it themselves.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Moves focus to the element with `id`, making it focusable from script first (a heading or
/// a `<main>` is not focusable by default, and should not join the tab order).
pub fn focus_by_id(document: &web_sys::Document, id: &str) {
    if let Some(element) = document.get_element_by_id(id) {
        focus_element(element);
    }
}

/// Moves focus to the current screen's main heading.
pub fn focus_heading(document: &web_sys::Document) {
    if let Ok(Some(heading)) = document.query_selector("#main h1") {
        focus_element(heading);
    }
}

fn focus_element(element: web_sys::Element) {
    use wasm_bindgen::JsCast;
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
