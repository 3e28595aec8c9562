//! Safety copies: the whole stored document, kept under a key of its own before anything
//! replaces the data (an import in replace mode, a restore, clearing the demonstration,
//! saving over a document that could not be read). The last five are kept, within what the
//! browser allows; Settings lists them with "Restore this copy" and "Download".

use super::{js_message, local_storage, SaveError};
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
pub fn keep_then(app: &crate::context::Store, reason: &str, action: crate::state::Action) {
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
pub fn with_new(copies: &[SafetyCopy], copy: SafetyCopy) -> Vec<SafetyCopy> {
    std::iter::once(copy)
        .chain(copies.iter().cloned())
        .take(KEPT)
        .collect()
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
    let mut copies = with_new(&list(), copy);
    loop {
        let text =
            serde_json::to_string(&copies).map_err(|e| SaveError::Serialize(e.to_string()))?;
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
}
