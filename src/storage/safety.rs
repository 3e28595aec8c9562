//! Safety copies: the whole stored document, kept under a key of its own before anything
//! replaces the data (an import in replace mode, a restore, clearing the demonstration,
//! saving over a document that could not be read). The last five are kept, within what the
//! browser allows; Settings lists them with "Restore this copy" and "Download".

use super::{js_message, json_text, local_storage, SaveError};
use serde::{Deserialize, Serialize};

/// The key the safety copies are kept under.
pub const SAFETY_KEY: &str = "adoption-forecast/safety-copies";

/// How many safety copies are kept.
pub const KEPT: usize = 5;

/// One safety copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SafetyCopy {
    /// When it was taken ("2015-06-30T10:42", local time).
    pub taken_at: String,
    /// What was about to replace the data ("before importing children.csv").
    pub reason: String,
    /// What it holds, in words ("62 children, 3 years of yearly figures").
    pub summary: String,
    /// The document exactly as it was, even when it could not be read.
    pub text: String,
}

/// Keeps a safety copy of `document` before `reason` ("before importing children.csv")
/// replaces it.
pub fn keep_document(
    reason: &str,
    document: &crate::storage::document::Document,
) -> Result<(), SaveError> {
    let text = super::to_json(document)?;
    keep(SafetyCopy {
        taken_at: crate::ui::browser::now_local(),
        reason: reason.to_string(),
        summary: document.summary(),
        text,
    })
}

/// Keeps a safety copy of stored text that could not be read, before it is saved over.
pub fn keep_raw(reason: &str, raw: &str) -> Result<(), SaveError> {
    keep(SafetyCopy {
        taken_at: crate::ui::browser::now_local(),
        reason: reason.to_string(),
        summary: "data this version of the app could not read".to_string(),
        text: raw.to_string(),
    })
}

/// Keeps a safety copy of the data shown, then makes `action` (which replaces it). When no
/// copy can be kept (the storage is full), the change still happens, can still be undone, and
/// the user is told to download a backup.
pub fn keep_then(
    app: &crate::context::Store,
    reason: &str,
    action: impl Into<crate::state::Action>,
) {
    let kept = keep_document(reason, &app.whole);
    app.dispatch(action);
    if let Err(why) = kept {
        app.dispatch(crate::state::Action::Notify(
            crate::ui::notice::Notice::new(
                crate::ui::notice::Level::Warning,
                format!(
                    "Done, but no safety copy of the data before it could be kept ({why}). Undo \
                 brings it back; download a backup to be sure."
                ),
            ),
        ));
    }
}

/// The copies kept, newest first; none when there are none or they cannot be read.
pub fn list() -> Vec<SafetyCopy> {
    local_storage()
        .ok()
        .and_then(|s| s.get_item(SAFETY_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// `copies` with `copy` first and at most [`KEPT`] in all.
pub fn with_new<T: Clone>(copies: &[T], copy: T) -> Vec<T> {
    std::iter::once(copy)
        .chain(copies.iter().cloned())
        .take(KEPT)
        .collect()
}

/// The texts of the copies to keep: `copy` (one copy's JSON) before those in `kept` (the
/// stored list's JSON), at most [`KEPT`] in all.
fn with_new_text<'a>(kept: Option<&'a str>, copy: &'a str) -> Vec<&'a str> {
    let kept = kept.and_then(json_text::elements).unwrap_or_default();
    with_new(&kept, copy)
}

/// Lets every safety copy go, to make room when the browser's storage is full.
pub fn forget_all() -> Result<(), String> {
    local_storage()?
        .remove_item(SAFETY_KEY)
        .map_err(|e| js_message(&e))
}

/// Keeps `copy`. When the browser's storage is too full for all of them, the oldest copies
/// are let go first; an error only when not even this one fits.
pub fn keep(copy: SafetyCopy) -> Result<(), SaveError> {
    let storage = local_storage().map_err(SaveError::Unavailable)?;
    let copy = serde_json::to_string(&copy).map_err(|e| SaveError::Serialize(e.to_string()))?;
    // The copies kept before are only cut apart, never read: a safety copy is taken on the
    // first screen (clearing the demonstration), whose download has no JSON reader (see
    // `json_text`). Text that does not cut cleanly was not written by this app, and is let go
    // as it was before.
    let kept = storage.get_item(SAFETY_KEY).ok().flatten();
    let mut copies = with_new_text(kept.as_deref(), &copy);
    loop {
        let text = format!("[{}]", copies.join(","));
        match storage.set_item(SAFETY_KEY, &text) {
            Ok(()) => return Ok(()),
            Err(_) if copies.len() > 1 => {
                copies.pop();
            }
            Err(e) => return Err(SaveError::Refused(js_message(&e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(n: usize) -> SafetyCopy {
        SafetyCopy {
            taken_at: format!("2015-06-30T10:0{n}"),
            reason: format!("copy {n}"),
            summary: String::new(),
            text: "{}".into(),
        }
    }

    #[test]
    fn the_newest_five_are_kept_newest_first() {
        let mut copies = Vec::new();
        for n in 1..=7 {
            copies = with_new(&copies, copy(n));
        }
        let reasons: Vec<&str> = copies.iter().map(|c| c.reason.as_str()).collect();
        assert_eq!(reasons, ["copy 7", "copy 6", "copy 5", "copy 4", "copy 3"]);
    }

    #[test]
    fn a_copy_kept_as_text_reads_back_as_the_list_with_it_first() {
        // Copies whose text holds what would confuse a careless cut: a whole document with
        // commas, brackets and quotes in it.
        let mut copies = Vec::new();
        for n in 1..=5 {
            let mut copy = copy(n);
            copy.text = format!("{{\"version\":1,\"records\":[{{\"id\":\"C{n}, \\\"x\\\"]\"}}]}}");
            copies = with_new(&copies, copy);
        }
        let stored = serde_json::to_string(&copies).unwrap();
        let new = copy(6);
        let new_text = serde_json::to_string(&new).unwrap();
        let text = format!("[{}]", with_new_text(Some(&stored), &new_text).join(","));
        let read: Vec<SafetyCopy> = serde_json::from_str(&text).unwrap();
        assert_eq!(read, with_new(&copies, new.clone()));
        assert_eq!(read.len(), KEPT);
        // Nothing kept, or something this app did not write: the new copy alone.
        let alone: Vec<SafetyCopy> =
            serde_json::from_str(&format!("[{}]", with_new_text(None, &new_text).join(",")))
                .unwrap();
        assert_eq!(alone, [new]);
        assert_eq!(
            with_new_text(Some("not json"), &new_text),
            [new_text.as_str()]
        );
    }
}
