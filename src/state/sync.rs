//! Keeping step with other tabs: another tab's save merged item by item with this tab's work,
//! this tab's own save acknowledged, and the clashes the user settles.

use super::{count, AppState, OpenClash, Saving};
use crate::records::edits as records;
use crate::storage::document::Document;
use crate::storage::items::{self, Clash, Item};
use crate::storage::LoadError;
use crate::ui::notice::{Level, Notice};
use scorecard::ChildRecord;
use std::rc::Rc;

impl AppState {
    /// Another tab stored a new document. With nothing unsaved here, this tab shows it; with
    /// changes of its own, the two are merged item by item against the document both started
    /// from, and the items both changed differently wait for the user. The undo history stays:
    /// each step takes back only its own items.
    pub(super) fn other_tab_changed(
        self: Rc<Self>,
        loaded: Result<Option<Document>, LoadError>,
    ) -> Rc<Self> {
        match loaded {
            Ok(Some(theirs)) => {
                // Paused over what could not be read, or not yet opened: what is stored is
                // readable now, and nothing shown here was ever the user's stored work.
                let paused = matches!(self.saving, Saving::Paused { .. } | Saving::NotOpened);
                let same_revision = theirs.revision == self.stored.revision;
                if same_revision && theirs.save_id == self.stored.save_id && !paused {
                    return self;
                }
                // The same revision from another save: both tabs saved at the same moment,
                // each over the document before, and this tab's save may have been written
                // over. That document is the common ancestor, and this tab's work must be
                // merged back even if it was saved.
                let raced = same_revision && !paused;
                let ancestor = if raced {
                    self.written_over.clone()
                } else {
                    self.stored.clone()
                };
                let theirs = Rc::new(theirs);
                let mut next = (*self).clone();
                next.stored = theirs.clone();
                if paused || self.first_start || (!self.unsaved && !raced) {
                    // What is stored is readable again (another tab chose to replace what
                    // could not be read), so there is nothing left to protect.
                    next.saving = match &self.saving {
                        Saving::Paused { .. } | Saving::NotOpened => Saving::On,
                        other => other.clone(),
                    };
                    next.document = theirs;
                    next.unsaved = false;
                    next.first_start = false;
                    next.notice = Some(Notice::new(
                        Level::Info,
                        "The data was changed in another tab or window of this app; this page \
                         now shows those changes.",
                    ));
                    return Rc::new(next);
                }
                let merged = items::three_way(&ancestor, &self.document, &theirs);
                if raced
                    && merged.clashes.is_empty()
                    && items::diff(&merged.document, &theirs).is_empty()
                {
                    // The other save already holds everything of this tab's: take it as it
                    // is, so that two tabs do not answer each other's saves for ever.
                    next.document = theirs;
                    next.unsaved = false;
                    return Rc::new(next);
                }
                next.document = Rc::new(merged.document);
                next.unsaved = true;
                next.changes += 1;
                let mut clashes = (*self.clashes).clone();
                clashes.extend(merged.clashes.into_iter().map(|clash| OpenClash {
                    clash,
                    their_time: theirs.saved_at.clone(),
                }));
                next.notice = Some(if clashes.len() > self.clashes.len() {
                    Notice::new(
                        Level::Warning,
                        "Another tab or window changed the same data as you. Both versions are \
                         shown below: choose which to keep.",
                    )
                } else {
                    Notice::new(
                        Level::Info,
                        format!(
                            "Another tab or window saved changes while you were working. Both \
                             are kept: its changes and your {}.",
                            count(merged.merged, "change")
                        ),
                    )
                });
                next.clashes = Rc::new(clashes);
                Rc::new(next)
            }
            Ok(None) => {
                let mut next = (*self).clone();
                next.stored = Rc::new(Document::default());
                next.unsaved = true;
                next.notice = Some(Notice::new(
                    Level::Warning,
                    "The stored data was removed in another tab or window. What this page \
                     shows will be saved again with your next change.",
                ));
                Rc::new(next)
            }
            Err(LoadError::Unreadable { raw, reason }) => {
                let mut next = (*self).clone();
                next.saving = Saving::Paused {
                    raw: raw.into(),
                    reason: reason.to_string(),
                };
                next.notice = None;
                Rc::new(next)
            }
            Err(LoadError::Unavailable(why)) => self.with_notice(Some(Notice::error(format!(
                "Storage is not available: {why}."
            )))),
            // Nothing is saved from this page meanwhile: every save reads what is stored first.
            Err(LoadError::NotFetched) => self.with_notice(Some(Notice::error(
                "The data was changed in another tab or window, but this page could not read \
                 the change: part of the app could not be downloaded. Nothing is saved from \
                 this page until it can be read; reload the page when you are online.",
            ))),
        }
    }

    /// A save found stored text it could not recognise and read it. When it is the very
    /// document this tab last wrote or read, the change waiting is saved now (the change count
    /// moves the saver on); anything else is another tab's save, merged as such.
    pub(super) fn read_before_saving(
        self: Rc<Self>,
        loaded: Result<Option<Document>, LoadError>,
    ) -> Rc<Self> {
        if let Ok(Some(stored)) = &loaded {
            let own = stored.revision == self.stored.revision
                && stored.save_id == self.stored.save_id
                && matches!(self.saving, Saving::On);
            if own && self.unsaved {
                let mut next = (*self).clone();
                next.changes += 1;
                return Rc::new(next);
            }
        }
        self.other_tab_changed(loaded)
    }

    /// `from` was stored as `written`. The document on screen is not replaced (its figures
    /// would be worked out again for nothing): only the stored revision moves on.
    pub(super) fn saved(self: Rc<Self>, from: Rc<Document>, written: Rc<Document>) -> Rc<Self> {
        let mut next = (*self).clone();
        next.written_over = self.stored.clone();
        next.stored = written;
        next.replace_unreadable = false;
        next.first_start = false;
        // A change made while the save was under way is still to be saved.
        next.unsaved = !Rc::ptr_eq(&from, &self.document);
        Rc::new(next)
    }

    /// A child's record saved from a form. When the form was opened on a version of the
    /// child that another tab has changed since (its save arrived while the form was open,
    /// and this tab, having nothing unsaved, simply showed it), writing the form's record
    /// would silently undo the other tab's change: the two versions are shown side by side
    /// instead, as a clash between two tabs' saves is.
    pub(super) fn update_record(
        self: Rc<Self>,
        child_id: String,
        record: ChildRecord,
        opened: Option<ChildRecord>,
    ) -> Rc<Self> {
        // A view of one authority numbers its children as the first authority's.
        let authority = match self.current_view() {
            crate::storage::authorities::View::Authority(id) => id,
            crate::storage::authorities::View::Agency => record.authority,
        };
        let key = items::child_item_in(authority, &child_id);
        // Compared, and kept on a clash, as the whole document holds them: in its authority.
        let in_whole = |mut child: ChildRecord| {
            child.authority = authority;
            child
        };
        let now = items::get(&self.document, &key);
        let mine = Item::Children(vec![in_whole(record.clone())]);
        let changed_since = opened.is_some_and(|o| now != Some(Item::Children(vec![in_whole(o)])));
        if changed_since && now.as_ref() != Some(&mine) {
            let mut next = (*self).clone();
            let mut clashes = (*self.clashes).clone();
            clashes.push(OpenClash {
                clash: Clash {
                    key,
                    mine: Some(mine),
                    theirs: now,
                },
                their_time: self.stored.saved_at.clone(),
            });
            next.clashes = Rc::new(clashes);
            next.notice = Some(Notice::new(
                Level::Warning,
                format!(
                    "Another tab or window changed child {child_id} while you were editing it. \
                     Both versions are shown below: choose which to keep."
                ),
            ));
            return Rc::new(next);
        }
        let label = format!("saved changes to child {}", record.child_id);
        self.edit(label, |d| records::update(d, &child_id, record))
    }

    /// The user chose between their value and the other tab's for one clash.
    pub(super) fn settle_clash(self: Rc<Self>, index: usize, keep_mine: bool) -> Rc<Self> {
        let Some(open) = self.clashes.get(index).cloned() else {
            return self;
        };
        let mut clashes = (*self.clashes).clone();
        clashes.remove(index);
        let what = open
            .clash
            .key
            .describe(open.clash.mine.as_ref().or(open.clash.theirs.as_ref()));
        let mut next = (*self).clone();
        next.clashes = Rc::new(clashes);
        let next = Rc::new(next);
        if keep_mine {
            next.edit_whole(format!("kept your version of {what}"), |d| {
                items::put(d, &open.clash.key, open.clash.mine.clone())
            })
        } else {
            next.with_notice(Some(Notice::success(format!(
                "Kept the other tab's version of {what}."
            ))))
        }
    }
}
