//! Reading what is stored: at start-up, when another tab saves, and when a save finds that
//! another tab saved first.
//!
//! The code that reads a stored document (the reader of every version ever written, and of
//! every type in it) is a fifth of the app. A first visit has nothing stored, so in the release
//! build that code is a part of its own (`reader`), fetched only when there is something to
//! read: by a returning visitor at start-up (from the service worker's cache, which keeps every
//! part), or by a first visitor when another tab saves. Every read is therefore asynchronous
//! here; without the `split` feature (the tests, the native renderer) it reads at once.
//!
//! A part that cannot be fetched never costs data: nothing is saved over what is stored
//! until it has been read.

use super::document::Document;
use super::written::Mark;
use super::{local_storage, LoadError};
use crate::state::Change;
use std::cell::Cell;
use std::rc::Rc;

/// What storage gave when the app started.
#[derive(Debug)]
pub struct Opened {
    /// The stored document, nothing stored, or why it could not be read.
    pub loaded: Result<Option<Document>, LoadError>,
    /// The undo history kept from the last visit, oldest first.
    pub history: Vec<Change>,
}

/// What is stored, opened, waiting only when something is stored and the reader's part must
/// arrive first.
pub async fn open() -> Opened {
    match stored_text() {
        Ok(Some(raw)) => {
            let mark = Mark::of(&raw);
            noted(mark, reader::open(raw, kept_history()).await)
        }
        other => nothing_to_read(other),
    }
}

/// `opened`, once the text it was read from is noted as what is stored, so that the first
/// save need not read it again.
fn noted(mark: Mark, opened: Opened) -> Opened {
    if let Ok(Some(document)) = &opened.loaded {
        mark.note(document);
    }
    opened
}

/// What is stored, opened at once: only a build without the split can, where the tests mount
/// the app directly. In the release build an app mounted without [`open`]'s reading must not
/// take the demonstration for the stored data: it saves nothing until another tab's save has
/// been read.
pub fn open_at_once() -> Opened {
    match stored_text() {
        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        Ok(Some(raw)) => noted(Mark::of(&raw), open_now(raw, kept_history())),
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        Ok(Some(_)) => nothing_to_read(Err(LoadError::NotFetched)),
        other => nothing_to_read(other),
    }
}

/// The stored document's text, if any.
fn stored_text() -> Result<Option<String>, LoadError> {
    super::stored_text_in(&local_storage().map_err(LoadError::Unavailable)?)
}

/// The undo history's text, if any.
fn kept_history() -> Option<String> {
    local_storage()
        .ok()
        .and_then(|s| s.get_item(super::HISTORY_KEY).ok().flatten())
}

/// Nothing stored, or storage that cannot be read at all. With no document the undo history
/// could take nothing back, so it is not read either.
fn nothing_to_read(stored: Result<Option<String>, LoadError>) -> Opened {
    Opened {
        loaded: stored.map(|_| None),
        history: Vec::new(),
    }
}

thread_local! {
    /// The number of the last read started, and of the last whose result was let through.
    static READS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// Reads what is stored now and hands the result to `then`, unless a read started later has
/// already handed over its own: a newer reading of the storage is never replaced by an older.
pub fn load_then(then: impl FnOnce(Result<Option<Document>, LoadError>) + 'static) {
    read_then(None, then);
}

/// As [`load_then`], for text already taken from storage (`Some(None)`: it was removed).
pub fn read_then(
    raw: Option<Option<String>>,
    then: impl FnOnce(Result<Option<Document>, LoadError>) + 'static,
) {
    let ticket = READS.with(|reads| {
        let (started, done) = reads.get();
        reads.set((started + 1, done));
        started + 1
    });
    let text = match raw {
        None => stored_text(),
        Some(text) => Ok(text),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match text {
            Err(error) => Err(error),
            Ok(None) => Ok(None),
            Ok(Some(raw)) => {
                let mark = Mark::of(&raw);
                reader::read(raw)
                    .await
                    .map(|document| Some((document, mark)))
            }
        };
        let newest = READS.with(|reads| {
            let (started, done) = reads.get();
            let newest = ticket > done;
            if newest {
                reads.set((started, ticket));
            }
            newest
        });
        if newest {
            // The text read is what is stored (or was, a moment ago: a newer save is read in
            // turn), so a save need not read it again.
            then(loaded.map(|read| {
                read.map(|(document, mark)| {
                    mark.note(&document);
                    document
                })
            }));
        }
    });
}

/// The start-up reading handed to the app once: the app's properties must compare, and the
/// document read is moved into the state, never copied.
#[derive(Clone, Default)]
pub struct HandedOver(Rc<Cell<Option<Opened>>>);

impl HandedOver {
    /// Hands `opened` over.
    pub fn new(opened: Opened) -> Self {
        HandedOver(Rc::new(Cell::new(Some(opened))))
    }

    /// What was handed over, the first time only.
    pub fn take(&self) -> Option<Opened> {
        self.0.take()
    }
}

impl PartialEq for HandedOver {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The reading itself, at once.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
mod reader {
    use super::*;

    pub async fn open(raw: String, history: Option<String>) -> Opened {
        open_now(raw, history)
    }

    pub async fn read(raw: String) -> Result<Document, LoadError> {
        crate::storage::read_stored(raw)
    }
}

/// The reading itself, in the part of its own described above.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
mod reader {
    use super::*;
    use wasm_split_helpers::wasm_split;

    impl From<wasm_split_helpers::SplitLoaderError> for LoadError {
        fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
            LoadError::NotFetched
        }
    }

    /// A split point returns a value of one type; a missing part is said by that type.
    #[wasm_split(reader, fallible)]
    fn open_in_part(raw: String, history: Option<String>) -> Result<Opened, LoadError> {
        Ok(open_now(raw, history))
    }

    #[wasm_split(reader, fallible)]
    fn read_in_part(raw: String) -> Result<Document, LoadError> {
        crate::storage::read_stored(raw)
    }

    pub async fn open(raw: String, history: Option<String>) -> Opened {
        match open_in_part(raw, history).await {
            Ok(opened) => opened,
            Err(error) => nothing_to_read(Err(error)),
        }
    }

    pub async fn read(raw: String) -> Result<Document, LoadError> {
        read_in_part(raw).await
    }
}

/// Reads a stored document and the kept undo history (which is only a convenience: history
/// that cannot be read is left out, the data itself is never touched by it).
fn open_now(raw: String, history: Option<String>) -> Opened {
    Opened {
        loaded: crate::storage::read_stored(raw).map(Some),
        history: history
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default(),
    }
}
