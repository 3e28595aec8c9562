//! Taking a change back, and combining two tabs' work: both item by item, over the items of
//! [`super::items`], so that neither ever discards an item the other changed.

use super::document::Document;
use super::items::{diff, get, put, put_at, Clash, Item, ItemKey, Patch};
use std::collections::BTreeMap;

/// What taking a change back did: the document after it, and the items left alone because
/// they were changed again since (here or in another tab), so the undo never discards them.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The document with the change taken back.
    pub document: Document,
    /// The items changed since, and so not taken back.
    pub skipped: Vec<ItemKey>,
}

/// Takes `patch` back from `document`: each item still as the change left it returns to its
/// value before the change.
pub fn undo(document: &Document, patch: &Patch) -> Undone {
    let mut result = document.clone();
    let mut skipped = Vec::new();
    for change in patch {
        if get(document, &change.key) == change.after {
            put_at(&mut result, &change.key, change.before.clone(), change.at);
        } else {
            skipped.push(change.key.clone());
        }
    }
    Undone {
        document: result,
        skipped,
    }
}

/// Two tabs' work combined.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The other tab's document with this tab's changes added; for a clash, the other tab's
    /// value stays until the user chooses.
    pub document: Document,
    /// How many of this tab's changed items were added to the other tab's document.
    pub merged: usize,
    /// Items both changed differently.
    pub clashes: Vec<Clash>,
}

/// Combines this tab's document (`mine`) with another tab's (`theirs`), both changed from
/// `base`, the document this tab last read or saved. Changes to different items are both
/// kept; the same change made in both is kept once.
pub fn three_way(base: &Document, mine: &Document, theirs: &Document) -> Merged {
    let their_changes: BTreeMap<ItemKey, Option<Item>> = diff(base, theirs)
        .into_iter()
        .map(|c| (c.key, c.after))
        .collect();
    let mut document = theirs.clone();
    let mut merged = 0;
    let mut clashes = Vec::new();
    for change in diff(base, mine) {
        match their_changes.get(&change.key) {
            None => {
                put(&mut document, &change.key, change.after);
                merged += 1;
            }
            Some(theirs) if *theirs == change.after => {}
            Some(theirs) => clashes.push(Clash {
                key: change.key,
                mine: change.after,
                theirs: theirs.clone(),
            }),
        }
    }
    Merged {
        document,
        merged,
        clashes,
    }
}
