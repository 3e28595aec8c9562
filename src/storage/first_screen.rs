//! The forecast's first answers as the app last drew them, kept beside the data so that the
//! next visit can show them before the app has downloaded (assets/early.js paints them, marked
//! as updating, and the app replaces them when it starts).
//!
//! What is kept is read from the page as drawn: the context line and the list of answers,
//! the same words a manager saw, never a second wording of them, and nothing of any child
//! beyond those figures. It is tagged with the revision of the stored document it describes:
//! the early paint shows it only when the stored document is still that revision.

use super::document::Document;
use super::local_storage;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// The LocalStorage key of the kept answers (assets/early.js reads the same key).
pub const SNAPSHOT_KEY: &str = "adoption-forecast/first-screen";

/// What the early paint needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    /// The revision of the stored document the answers were worked out from.
    pub revision: u64,
    /// "As of 30/06/2015, scenario “Baseline”."
    pub context: String,
    /// The list of answers, as the page holds it.
    pub answers: String,
}

thread_local! {
    /// The answers last kept, and the document they were worked out from: a save of that
    /// very document moves them to its new revision.
    static KEPT: RefCell<Option<(Weak<Document>, Snapshot)>> = const { RefCell::new(None) };
}

/// The revision at the head of a stored document: the serialiser writes the version first and
/// the revision second, so the whole document need not be read.
pub fn revision_at_head(stored: &str) -> Option<u64> {
    let head = stored.get(..64).unwrap_or(stored);
    let rest = head.strip_prefix("{\"version\":")?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(",\"revision\":")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].chars().next();
    if digits.is_empty() || !matches!(after, Some(',' | '}')) {
        return None;
    }
    digits.parse().ok()
}

fn write(snapshot: &Snapshot) {
    let (Ok(storage), Ok(text)) = (local_storage(), serde_json::to_string(snapshot)) else {
        return;
    };
    // Only a convenience for the next visit: a refusal (storage full) loses nothing.
    let _ = storage.set_item(SNAPSHOT_KEY, &text);
}

fn forget() {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(SNAPSHOT_KEY);
    }
}

/// Reads the first answers from the page as drawn, and keeps them for `document`.
fn keep_from_page(document: &Rc<Document>) {
    let Some(page) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The forecast may have been left since it was drawn: then there is nothing to read.
    let Some(first) = page.query_selector(".first-screen__answers").ok().flatten() else {
        return;
    };
    let context = first
        .query_selector(".first-screen__context")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    let answers = first
        .query_selector(".answers")
        .ok()
        .flatten()
        .map(|e| e.outer_html());
    let (Some(context), Some(answers)) = (context, answers) else {
        // Nothing to judge yet: nothing to show early either.
        KEPT.with(|kept| *kept.borrow_mut() = None);
        forget();
        return;
    };
    let unchanged = KEPT.with(|kept| {
        kept.borrow().as_ref().is_some_and(|(doc, seen)| {
            seen.context == context
                && seen.answers == answers
                && doc.upgrade().is_some_and(|d| Rc::ptr_eq(&d, document))
        })
    });
    if unchanged {
        return;
    }
    let stored = local_storage()
        .ok()
        .and_then(|s| s.get_item(super::STORAGE_KEY).ok().flatten());
    // Nothing stored yet (the demonstration before its first save): the save to come moves
    // the answers to the revision it writes.
    let revision = match stored.as_deref() {
        None => 0,
        Some(text) => match revision_at_head(text) {
            Some(revision) => revision,
            None => return,
        },
    };
    let snapshot = Snapshot {
        revision,
        context,
        answers,
    };
    write(&snapshot);
    KEPT.with(|kept| *kept.borrow_mut() = Some((Rc::downgrade(document), snapshot)));
}

/// After a save of `from` as `revision`: answers worked out from that document now describe
/// the stored one.
pub fn saved(from: &Rc<Document>, revision: u64) {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some((doc, snapshot)) = kept.as_mut() {
            if doc.upgrade().is_some_and(|d| Rc::ptr_eq(&d, from)) && snapshot.revision != revision
            {
                snapshot.revision = revision;
                write(snapshot);
            }
        }
    });
}

/// Keeps the first answers after each drawing of the forecast once `settled` (the Monte
/// Carlo has given its chances), so that the next visit opens on them. In a task of its own
/// after the drawing: reading the stored revision means reading the stored document, which
/// must never lengthen the frame a what-if change is drawn in.
#[hook]
pub fn use_keep_first_screen(document: &Rc<Document>, settled: bool) {
    let document = Rc::downgrade(document);
    use_effect(move || {
        if settled {
            gloo_timers::callback::Timeout::new(0, move || {
                if let Some(document) = document.upgrade() {
                    keep_from_page(&document);
                }
            })
            .forget();
        }
    });
}

/// Removes the answers painted before the app started: the app draws its own.
pub fn remove_early_paint() {
    if let Some(paint) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("early-paint"))
    {
        paint.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::revision_at_head;

    #[test]
    fn the_revision_is_read_from_the_head_of_a_stored_document() {
        assert_eq!(
            revision_at_head(r#"{"version":3,"revision":41,"saved_at":"2015-06-30T10:42"}"#),
            Some(41)
        );
        assert_eq!(revision_at_head(r#"{"version":3,"revision":7}"#), Some(7));
    }

    #[test]
    fn anything_else_has_no_revision() {
        // Not this app's shape, cut short, or the revision elsewhere: the early paint then
        // shows nothing rather than answers of other data.
        assert_eq!(revision_at_head(r#"{"revision":4,"version":3}"#), None);
        assert_eq!(revision_at_head(r#"{"version":3,"revision":"4"}"#), None);
        assert_eq!(revision_at_head(r#"{"version":3,"revision":4"#), None);
        assert_eq!(revision_at_head(""), None);
        assert_eq!(revision_at_head("[]"), None);
    }
}
