//! The app's state and every change a user can make to it.
//!
//! Pure: no storage, no clock, no DOM. The reducer returns the very same `Rc` when an action
//! changes nothing, so that Yew re-renders nothing. Every change to the document is kept as the
//! items it touched (a patch), so that it can be undone even after another tab's changes were
//! merged in, and so that the history is small enough to survive a reload.
//!
//! The state also remembers the document as it was last read from or written to storage
//! (`stored`): a save goes over that revision only, and another tab's save is merged against
//! it, so that no tab ever overwrites another's work.

pub mod action;
mod later;
mod reduce;
mod sync;

pub use action::{Action, ImportMode, LaterAction};

use crate::storage::authorities::{self, View};
use crate::storage::document::Document;
use crate::storage::items::{self, Clash, Patch};
use crate::storage::LoadError;
use crate::ui::notice::Notice;
/// The counting words live with the other words of the app; screens written before reach
/// them here.
pub use crate::words::{capitalise, count, count_of};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// How many changes can be undone, here and after a reload; older ones are forgotten.
pub const UNDO_DEPTH: usize = 50;

/// Whether changes are being saved to this browser's storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    /// Every change is saved as it is made.
    On,
    /// The stored document could not be read, so nothing is saved over it until the user
    /// chooses; `raw` is what is stored, offered as a download.
    Paused {
        /// The stored text, unchanged.
        raw: Rc<str>,
        /// Why it could not be read, in words for the user.
        reason: String,
    },
    /// The browser gives no storage: changes last only while the page is open.
    Unavailable(String),
    /// Something is stored but could not be read yet: the part of the app that reads it could
    /// not be downloaded. Nothing is saved over it until it has been read.
    NotOpened,
    /// The browser refused a save (its storage is full, usually). The copy saved before is
    /// intact; the app is read-only until the user tries again and a save works, so nothing
    /// more piles up that cannot be kept.
    Refused(String),
}

/// One change that can be undone: what it did, in words, and the items it touched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// "deleted child C12".
    pub label: String,
    /// The items before and after.
    pub patch: Patch,
}

/// A clash between this tab's change and another tab's, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenClash {
    /// The item and both values.
    pub clash: Clash,
    /// When the other tab saved its change (its local time, "2015-06-30T10:42").
    pub their_time: Option<String>,
}

/// Everything the screens show.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The data, with this tab's changes.
    pub document: Rc<Document>,
    /// The document as last read from or written to storage, with its revision: the one a
    /// save may replace, and the common ancestor when another tab's save is merged.
    pub stored: Rc<Document>,
    /// Counts the changes made in this tab; the save effect runs when it moves.
    pub changes: u64,
    /// Whether the document holds changes not yet stored.
    pub unsaved: bool,
    /// Whether the document is the demonstration shown on a first start, not yet stored and
    /// not changed: it is nobody's work, so another tab's save simply replaces it.
    pub first_start: bool,
    /// The user chose to save over a stored document that could not be read.
    pub replace_unreadable: bool,
    /// The stored document this tab's last save replaced. When another tab saved the same
    /// revision at the same moment, each replaced this one: it is their common ancestor.
    pub written_over: Rc<Document>,
    /// Whether changes are saved.
    pub saving: Saving,
    /// The latest message for the status region.
    pub notice: Option<Notice>,
    /// Clashes with another tab, waiting for the user.
    pub clashes: Rc<Vec<OpenClash>>,
    /// Characters this origin keeps in LocalStorage, measured after the last save: the
    /// early warning before the browser's allowance runs out.
    pub storage_used: Option<u64>,
    /// What the screens show: one authority or the agency as a whole (chosen in the page
    /// frame, kept in the address). Every screen's change is made on this view.
    pub view: View,
    history: Rc<Vec<Rc<Change>>>,
}

impl AppState {
    /// The state at start-up, from what storage gave, the demonstration dataset (used when
    /// nothing usable is stored) and the undo history kept from the last visit.
    pub fn start(
        loaded: Result<Option<Document>, LoadError>,
        demonstration: Document,
        history: Vec<Change>,
    ) -> Self {
        let nothing_stored = Rc::new(Document::default());
        let (document, stored, saving, notice, history) = match loaded {
            Ok(Some(document)) => {
                let document = Rc::new(document);
                (document.clone(), document, Saving::On, None, history)
            }
            // On a first start the demonstration is stored at once, so that what is shown is
            // what is kept, and a second tab opens on the same data.
            Ok(None) => (
                Rc::new(demonstration),
                nothing_stored,
                Saving::On,
                None,
                vec![],
            ),
            Err(LoadError::Unreadable { raw, reason }) => (
                Rc::new(demonstration),
                nothing_stored,
                Saving::Paused {
                    raw: raw.into(),
                    reason: reason.to_string(),
                },
                None,
                vec![],
            ),
            Err(LoadError::NotFetched) => (
                Rc::new(demonstration),
                nothing_stored,
                Saving::NotOpened,
                None,
                vec![],
            ),
            Err(LoadError::Unavailable(why)) => (
                Rc::new(demonstration),
                nothing_stored,
                Saving::Unavailable(why.clone()),
                Some(Notice::error(format!(
                    "This browser does not let the app store data ({why}). Changes last only \
                     while this page is open: download a backup before closing it."
                ))),
                vec![],
            ),
        };
        let unsaved = !Rc::ptr_eq(&document, &stored);
        let view = document.settings.default_view();
        AppState {
            view,
            document,
            written_over: stored.clone(),
            stored,
            changes: u64::from(unsaved),
            unsaved,
            first_start: unsaved,
            replace_unreadable: false,
            saving,
            notice,
            clashes: Rc::new(Vec::new()),
            storage_used: None,
            history: Rc::new(history.into_iter().map(Rc::new).collect()),
        }
    }

    /// What the undo button would undo ("deleted child C12"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.history.last().map(|c| c.label.as_str())
    }

    /// The undo history, oldest first, for keeping over a reload.
    pub fn history(&self) -> impl DoubleEndedIterator<Item = &Change> {
        self.history.iter().map(|c| &**c)
    }

    /// The undo history as it is shared between states, oldest first: a save knows the
    /// changes it has already written out by their identity.
    pub fn shared_history(&self) -> &[Rc<Change>] {
        &self.history
    }

    /// A new state with `document` after a change described by `label`, undoable; the same
    /// state when the document did not change.
    fn changed(
        self: Rc<Self>,
        document: Document,
        label: String,
        notice: Option<Notice>,
    ) -> Rc<Self> {
        if matches!(self.saving, Saving::Refused(_)) {
            return self.with_notice(Some(Notice::error(READ_ONLY)));
        }
        let patch = items::diff(&self.document, &document);
        if patch.is_empty() {
            return self;
        }
        let mut history = (*self.history).clone();
        history.push(Rc::new(Change { label, patch }));
        if history.len() > UNDO_DEPTH {
            history.remove(0);
        }
        let mut next = (*self).clone();
        next.document = Rc::new(document);
        next.changes += 1;
        next.unsaved = true;
        next.first_start = false;
        next.notice = notice;
        next.history = Rc::new(history);
        Rc::new(next)
    }

    /// Makes the last two changes one step to undo when they are the same kind of change to
    /// the same items ("typed in 1.1.8 Discussion for child P1", kept as it is typed): undo
    /// then takes back the whole run of typing, not one pause of it.
    fn join_last_two_if_same(self: Rc<Self>) -> Rc<Self> {
        let n = self.history.len();
        if n < 2 {
            return self;
        }
        let (first, second) = (&self.history[n - 2], &self.history[n - 1]);
        let same_items = first.patch.len() == second.patch.len()
            && first
                .patch
                .iter()
                .zip(&second.patch)
                .all(|(a, b)| a.key == b.key);
        if first.label != second.label || !same_items {
            return self;
        }
        let patch: Patch = first
            .patch
            .iter()
            .zip(&second.patch)
            .map(|(a, b)| items::ItemChange {
                key: a.key.clone(),
                before: a.before.clone(),
                after: b.after.clone(),
                at: a.at,
            })
            .collect();
        let mut history = (*self.history).clone();
        history.truncate(n - 2);
        // Typed and then taken back to what it was: nothing is left to undo.
        if patch.iter().any(|c| c.before != c.after) {
            history.push(Rc::new(Change {
                label: first.label.clone(),
                patch,
            }));
        }
        let mut next = (*self).clone();
        next.history = Rc::new(history);
        Rc::new(next)
    }

    /// A new state with only the notice changed (no re-render when it is the same).
    fn with_notice(self: Rc<Self>, notice: Option<Notice>) -> Rc<Self> {
        if self.notice == notice {
            return self;
        }
        let mut next = (*self).clone();
        next.notice = notice;
        Rc::new(next)
    }

    /// Applies `edit` to a copy of the document; the same state when it changed nothing.
    fn edit(
        self: Rc<Self>,
        label: impl Into<String>,
        edit: impl FnOnce(&mut Document),
    ) -> Rc<Self> {
        let document = self.edited_in_view(edit);
        let label = label.into();
        let notice = Notice::success(format!("{}.", capitalise(&label)));
        self.changed(document, label, Some(notice))
    }

    /// The view the screens show: the chosen one while the workspace has it, else the
    /// workspace's default (an authority removed by another tab, say).
    pub fn current_view(&self) -> View {
        let settings = &self.document.settings;
        match self.view {
            View::Agency if settings.has_several() => View::Agency,
            View::Authority(id) if settings.authority_name_of(id).is_some() => self.view,
            _ => settings.default_view(),
        }
    }

    /// The whole document after `edit` is made on the view the screens show.
    pub(super) fn edited_in_view(&self, edit: impl FnOnce(&mut Document)) -> Document {
        if !self.document.settings.has_several() && self.document.settings.own_thresholds.is_empty()
        {
            // One authority: its view is the whole document.
            let mut document = (*self.document).clone();
            edit(&mut document);
            return document;
        }
        authorities::edit_view(&self.document, self.current_view(), edit)
    }

    /// Applies `edit` to a copy of the whole document, whatever the view (a backup restored,
    /// another tab's version kept); the same state when it changed nothing.
    fn edit_whole(
        self: Rc<Self>,
        label: impl Into<String>,
        edit: impl FnOnce(&mut Document),
    ) -> Rc<Self> {
        let mut document = (*self.document).clone();
        edit(&mut document);
        let label = label.into();
        let notice = Notice::success(format!("{}.", capitalise(&label)));
        self.changed(document, label, Some(notice))
    }
}

/// Why a change is refused while the browser refuses to save.
pub const READ_ONLY: &str = "Nothing was changed: the app is read-only while this browser \
     refuses to save. Download a backup, make room (the banner above can delete the safety \
     copies), then choose \u{201c}Try saving again\u{201d}.";

/// The LocalStorage allowance most browsers give an origin, in characters (5 MB).
pub const STORAGE_ALLOWANCE: u64 = 5 * 1024 * 1024;

/// The warning shown once the app's storage is four-fifths full, in good time before the
/// browser refuses a save; `None` below that.
pub fn storage_warning(used: u64) -> Option<String> {
    let share = used as f64 / STORAGE_ALLOWANCE as f64;
    (share >= 0.8).then(|| {
        format!(
            "This browser's storage for the app is {:.0}% full ({:.1} MB of about {:.0} MB). \
             Download a backup now (Settings and backup): when the browser refuses a save, the \
             app turns read-only until there is room again.",
            share * 100.0,
            used as f64 / (1024.0 * 1024.0),
            STORAGE_ALLOWANCE as f64 / (1024.0 * 1024.0)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_is_reported_nearly_full_from_four_fifths_of_the_allowance() {
        // 5 MB = 5,242,880 characters; four-fifths is 4,194,304.
        assert_eq!(storage_warning(4_194_303), None);
        assert_eq!(
            storage_warning(4_194_304)
                .as_deref()
                .map(|w| w.split(" Download").next()),
            Some(Some(
                "This browser's storage for the app is 80% full (4.0 MB of about 5 MB)."
            ))
        );
        let nearly = storage_warning(5_000_000).unwrap_or_default();
        assert!(nearly.contains("95% full (4.8 MB"), "{nearly}");
    }
}
