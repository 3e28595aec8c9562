//! The only module that touches the browser's LocalStorage.
//!
//! Everything is one JSON document under one fixed key. Loading tells three cases apart –
//! nothing stored yet, stored and readable (migrated to the current version), stored but
//! unreadable – because the last one must never be overwritten: Yew's todomvc example parses
//! with a fallback to an empty list and its first save destroys what it could not read.

pub mod authorities;
pub mod banner;
pub mod clashes;
pub mod diff;
pub mod document;
pub mod first_screen;
pub mod items;
pub mod json_text;
pub mod merge;
pub mod migrate;
pub mod opening;
pub mod safety;
pub mod saver;
pub mod written;

use crate::state::Change;
use document::Document;
use gloo_events::EventListener;
use migrate::{read_document, Unreadable};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};

/// The LocalStorage key. Fixed for ever: the schema version lives inside the document, so a
/// new version of the app finds and migrates the old data under the same key.
pub const STORAGE_KEY: &str = "adoption-forecast/v1";

/// Why the stored document could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The browser gives no LocalStorage (private mode, or storage disabled by policy).
    Unavailable(String),
    /// Something is stored but cannot be read; `raw` is exactly what is stored, so that it
    /// can be downloaded and is never lost.
    Unreadable {
        /// The stored text, unchanged.
        raw: String,
        /// Why it cannot be read.
        reason: Unreadable,
    },
    /// The part of the app that reads stored data could not be downloaded (no network and not
    /// yet cached, or a newer version deployed since this page opened). What is stored is
    /// untouched and has not been read.
    NotFetched,
}

/// Why a save failed. The previously stored document is then still in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser gives no LocalStorage.
    Unavailable(String),
    /// The browser refused to store it, usually because its storage quota is full.
    Refused(String),
    /// The document could not be turned into JSON (a programming error, reported not hidden).
    Serialize(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Unavailable(why) => {
                write!(f, "this browser's storage is not available ({why})")
            }
            // The quota error is by far the usual one; its browser text is long and technical.
            SaveError::Refused(why) if why.contains("Quota") => {
                f.write_str("this browser's storage for the app is full")
            }
            SaveError::Refused(why) => write!(
                f,
                "the browser refused to store it ({why}); its storage may be full"
            ),
            SaveError::Serialize(why) => write!(f, "it could not be written out ({why})"),
        }
    }
}

/// The browser's LocalStorage.
pub fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("no local storage".into()),
        Err(e) => Err(js_message(&e)),
    }
}

/// The session's own storage key for "the demonstration banner is put away": it comes back
/// in a new session, so nobody forgets for long that the children are made up.
const DEMO_BANNER_HIDDEN: &str = "adoption-forecast/demo-banner-hidden";

/// Whether the demonstration banner was put away in this browser session.
pub fn demo_banner_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(DEMO_BANNER_HIDDEN).ok().flatten())
        .is_some()
}

/// Puts the demonstration banner away for the rest of this session. A browser that refuses
/// session storage only loses the memory of it: the banner comes back on the next reload.
pub fn hide_demo_banner() {
    if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = storage.set_item(DEMO_BANNER_HIDDEN, "yes");
    }
}

/// Characters this origin keeps in LocalStorage, keys included (what browsers count against
/// their allowance). Read in place in JavaScript: the values are never copied into the app.
pub fn used_characters() -> Option<u64> {
    let storage = local_storage().ok()?;
    let mut used = 0u64;
    for i in 0..storage.length().ok()? {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        // A key named like one of Storage's own members ("length") reads as that member:
        // such an item is read through `getItem`, copied.
        let length = js_sys::Reflect::get(&storage, &wasm_bindgen::JsValue::from_str(&key))
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::JsString>().ok())
            .map(|value| u64::from(value.length()))
            .or_else(|| {
                let value = storage.get_item(&key).ok().flatten()?;
                Some(value.encode_utf16().count() as u64)
            })
            .unwrap_or(0);
        used += length + key.encode_utf16().count() as u64;
    }
    Some(used)
}

/// Loads the stored document from LocalStorage, at once (the app itself reads through
/// [`opening`], which may first wait for the reader's part).
pub fn load() -> Result<Option<Document>, LoadError> {
    load_from(&local_storage().map_err(LoadError::Unavailable)?)
}

/// Loads the stored document from `storage`: `Ok(None)` when nothing is stored yet.
pub fn load_from(storage: &Storage) -> Result<Option<Document>, LoadError> {
    stored_text_in(storage)?.map(read_stored).transpose()
}

/// The text stored under [`STORAGE_KEY`] in `storage`, unread: `Ok(None)` when there is none.
pub fn stored_text_in(storage: &Storage) -> Result<Option<String>, LoadError> {
    storage
        .get_item(STORAGE_KEY)
        .map_err(|e| LoadError::Unavailable(js_message(&e)))
}

/// Reads stored text (from LocalStorage or from another tab's `storage` event).
pub fn read_stored(raw: String) -> Result<Document, LoadError> {
    read_document(&raw).map_err(|reason| LoadError::Unreadable { raw, reason })
}

/// The JSON text a document is stored as.
pub fn to_json(document: &Document) -> Result<String, SaveError> {
    serde_json::to_string(document).map_err(|e| SaveError::Serialize(e.to_string()))
}

/// Saves `text` (from [`to_json`]) to LocalStorage.
pub fn save(text: &str) -> Result<(), SaveError> {
    save_to(&local_storage().map_err(SaveError::Unavailable)?, text)
}

/// Saves `text` under [`STORAGE_KEY`] in `storage`. LocalStorage replaces a value in one step,
/// so a refused write leaves the previous document exactly as it was.
pub fn save_to(storage: &Storage, text: &str) -> Result<(), SaveError> {
    storage
        .set_item(STORAGE_KEY, text)
        .map_err(|e| SaveError::Refused(js_message(&e)))
}

/// Calls `on_change` with the new stored text (or `None` when it was removed) whenever another
/// tab of the app changes the document. Keep the returned listener alive while listening.
pub fn watch_other_tabs(on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<StorageEvent>() else {
            return;
        };
        // A `null` key means the other tab cleared all of this origin's storage.
        match event.key() {
            Some(key) if key == STORAGE_KEY => on_change(event.new_value()),
            None => on_change(None),
            Some(_) => {}
        }
    }))
}

/// The key the undo history is kept under, apart from the document: it is this browser's
/// working memory, not the authority's data, so a backup leaves it out.
pub const HISTORY_KEY: &str = "adoption-forecast/undo";

/// The most the kept undo history may take, so that it never crowds out the records.
pub const HISTORY_BUDGET: usize = 512 * 1024;

/// What is stored now, as far as a save needs to know before writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredRevision {
    /// Nothing is stored.
    Nothing,
    /// The document of this revision, written by the save with this stamp, that this tab
    /// last wrote or read.
    Revision(u64, Option<String>),
    /// Something this tab has not read: only reading it in full can tell what it is (another
    /// tab's save, an older version, or unreadable text).
    Unknown,
}

/// The revision of the stored document, without reading it: a save looks every time, and a
/// full read of ten thousand children would take a while (and, in the release build, the
/// reader's own part: see [`opening`]).
pub fn stored_revision() -> Result<StoredRevision, LoadError> {
    let storage = local_storage().map_err(LoadError::Unavailable)?;
    if let Some((revision, save_id)) = written::own_last_write(&storage) {
        return Ok(StoredRevision::Revision(revision, save_id));
    }
    // Not, to the character, the text this tab last wrote or read: another tab saved, or
    // something else was written there. Only a full read tells what it is, so that its
    // reason is given and it is never saved over.
    Ok(if written::anything_stored(&storage) {
        StoredRevision::Unknown
    } else {
        StoredRevision::Nothing
    })
}

/// Keeps the undo history for the next visit: the newest steps that fit in
/// [`HISTORY_BUDGET`]. A step too large to keep (an import of thousands of children) ends the
/// kept history there; the safety copy taken before such a replacement covers it.
pub fn save_history(history: &[Rc<Change>]) {
    // Each change's text is kept from the save that first wrote it: an import of thousands
    // of children is one change larger than the whole budget, and writing it out again on
    // every later save only to find that it does not fit took longer than a frame. The texts
    // are known by the change's identity (the weak reference keeps its address from reuse).
    thread_local! {
        static WRITTEN: std::cell::RefCell<Vec<(Weak<Change>, Rc<str>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let before = WRITTEN.with(|w| w.take());
    let mut written = Vec::new();
    let mut kept: Vec<Rc<str>> = Vec::new();
    let mut size = 2;
    for change in history.iter().rev() {
        let known = before
            .iter()
            .find(|(w, _)| std::ptr::eq(w.as_ptr(), Rc::as_ptr(change)))
            .map(|(_, text)| text.clone());
        let text = match known {
            Some(text) => text,
            None => match serde_json::to_string(&**change) {
                Ok(text) => Rc::from(text),
                Err(_) => break,
            },
        };
        written.push((Rc::downgrade(change), text.clone()));
        size += text.len() + 1;
        if size > HISTORY_BUDGET {
            break;
        }
        kept.push(text);
    }
    WRITTEN.with(|w| *w.borrow_mut() = written);
    kept.reverse();
    let text = format!("[{}]", kept.join(","));
    if let Ok(storage) = local_storage() {
        // A refusal only means the history will not survive a reload; the data is saved.
        let _ = storage.set_item(HISTORY_KEY, &text);
    }
}

/// The message of a JavaScript exception (e.g. "QuotaExceededError: ...").
pub(crate) fn js_message(error: &wasm_bindgen::JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}
