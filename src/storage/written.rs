//! What this tab last wrote (or read), so that the next save costs what changed rather than the whole
//! document: with ten thousand children a save read the stored megabyte back to check its
//! revision and wrote every child out again, more than a tenth of a second in one task on a
//! what-if that changed no child.
//!
//! The text written is always exactly what `serde_json` writes for the whole document: the
//! children's part is kept from the last save while the children are the same, and put in
//! the place the document's own serialisation gives them.

use super::document::Document;
use super::{to_json, SaveError, STORAGE_KEY};
use scorecard::ChildRecord;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// How much of the start of the stored text identifies a save: the version, the revision,
/// the time and the random stamp of the save are the document's first fields.
const HEAD: u32 = 256;

/// A save this tab made: its revision and stamp, and how to recognise its text.
struct Write {
    revision: u64,
    save_id: Option<String>,
    /// The text's length as the browser counts it (UTF-16 units).
    length: u32,
    /// The text's first [`HEAD`] units.
    head: String,
}

/// The children's part of the last save: the document it came from and its JSON.
struct Children {
    from: Rc<Document>,
    json: String,
}

thread_local! {
    static LAST_WRITE: RefCell<Option<Write>> = const { RefCell::new(None) };
    static CHILDREN: RefCell<Option<Children>> = const { RefCell::new(None) };
}

/// The stored text, left in the browser (a megabyte copied into the app only to read its
/// first fields would cost more than the rest of the check).
fn stored_text(storage: &Storage) -> Option<js_sys::JsString> {
    js_sys::Reflect::get(storage, &wasm_bindgen::JsValue::from_str(STORAGE_KEY))
        .ok()?
        .dyn_into::<js_sys::JsString>()
        .ok()
}

fn head_of(text: &js_sys::JsString) -> String {
    String::from(text.slice(0, HEAD.min(text.length())))
}

/// The revision and stamp of the stored document when it is, to the character, the last
/// text this tab wrote; `None` otherwise (another tab saved, or it was changed or cut short),
/// when the caller must read it properly.
pub fn own_last_write(storage: &Storage) -> Option<(u64, Option<String>)> {
    let text = stored_text(storage)?;
    LAST_WRITE.with(|last| {
        let last = last.borrow();
        let last = last.as_ref()?;
        // The stamp at the head is random per save, so another tab's save never matches, and
        // a text cut short or changed in length does not either.
        (text.length() == last.length && head_of(&text) == last.head)
            .then(|| (last.revision, last.save_id.clone()))
    })
}

/// Whether anything at all is stored under the app's key.
pub fn anything_stored(storage: &Storage) -> bool {
    stored_text(storage).is_some()
}

/// Notes a text this tab has just written for `written`.
pub fn wrote(written: &Document, text: &str) {
    Mark::of(text).note(written);
}

/// How to recognise a stored text again, taken before it is read (reading may keep the text
/// itself, as the reason it could not be read).
pub struct Mark {
    /// The text's length as the browser counts it, when it fits a `u32`.
    length: Option<u32>,
    head: String,
}

impl Mark {
    /// The mark of `text`.
    pub fn of(text: &str) -> Mark {
        let length = if text.is_ascii() {
            text.len()
        } else {
            text.encode_utf16().count()
        };
        Mark {
            length: u32::try_from(length).ok(),
            head: text
                .encode_utf16()
                .take(HEAD as usize)
                .map(char_unit)
                .collect(),
        }
    }

    /// Notes that the text marked is stored, and holds `document`: written by this tab, or read
    /// by it (and then shown, or merged with this tab's work), so that the next save need not
    /// read it again.
    pub fn note(self, document: &Document) {
        LAST_WRITE.with(|last| {
            *last.borrow_mut() = self.length.map(|length| Write {
                revision: document.revision,
                save_id: document.save_id.clone(),
                length,
                head: self.head,
            })
        });
    }
}

/// A UTF-16 unit as the browser's `slice` gives it back: whole characters in the head are
/// the same; half of a pair (a character cut at the end) compares unequal, which only costs
/// a proper read.
fn char_unit(unit: u16) -> char {
    char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The JSON text of `written`, the same as [`to_json`] gives, reusing the children's part of
/// the last save when `from` (the document `written` was copied from) has the same children.
pub fn to_json_reusing(from: &Rc<Document>, written: &Document) -> Result<String, SaveError> {
    let kept = CHILDREN.with(|kept| {
        let kept = kept.borrow();
        let kept = kept.as_ref()?;
        (Rc::ptr_eq(&kept.from, from) || kept.from.records == from.records)
            .then(|| kept.json.clone())
    });
    let children = match kept {
        Some(json) => json,
        None => records_json(&from.records)?,
    };
    let text = splice(written, &children)?;
    CHILDREN.with(|kept| {
        *kept.borrow_mut() = Some(Children {
            from: from.clone(),
            json: children,
        })
    });
    Ok(text)
}

fn records_json(records: &[ChildRecord]) -> Result<String, SaveError> {
    serde_json::to_string(records).map_err(|e| SaveError::Serialize(e.to_string()))
}

/// The document's JSON with `children` (the JSON of its records) in the records' place.
fn splice(written: &Document, children: &str) -> Result<String, SaveError> {
    /// The records' place in a document written without them. The first such text is the
    /// document's own field: it comes before any field that could hold a list of that name,
    /// and a quote inside a JSON string is always escaped.
    const EMPTY: &str = "\"records\":[]";
    let without = Document {
        records: Vec::new(),
        ..written.clone()
    };
    let text = to_json(&without)?;
    match text.find(EMPTY) {
        Some(at) => {
            let mut whole = String::with_capacity(text.len() + children.len());
            whole.push_str(&text[..at]);
            whole.push_str("\"records\":");
            whole.push_str(children);
            whole.push_str(&text[at + EMPTY.len()..]);
            Ok(whole)
        }
        None => to_json(written),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document_with_children() -> Document {
        let mut document = super::super::document::demonstration();
        document.revision = 41;
        document.saved_at = Some("2015-06-30T10:42".into());
        document.save_id = Some("k3j4h5".into());
        document
    }

    #[test]
    fn the_text_is_byte_for_byte_what_the_whole_document_serialises_to() {
        let document = Rc::new(document_with_children());
        assert!(!document.records.is_empty());
        let whole = to_json(&document).unwrap();
        // First with the children serialised, then with them kept from that save.
        assert_eq!(to_json_reusing(&document, &document).unwrap(), whole);
        let mut changed = (*document).clone();
        changed.revision = 42;
        changed.scenarios.working.name = "Quicker courts".into();
        let changed_whole = to_json(&changed).unwrap();
        assert_ne!(changed_whole, whole);
        assert_eq!(
            to_json_reusing(&Rc::new(changed.clone()), &changed).unwrap(),
            changed_whole
        );
    }

    #[test]
    fn several_authorities_are_written_byte_for_byte_as_the_whole_document() {
        // A second authority's children carry their authority ("au") inside the children's
        // part, and the settings after it list the authorities: the kept part must still
        // fall in the place the document's own serialisation gives it.
        let mut document = document_with_children();
        let second = document.settings.add_authority("Barnsley");
        document.settings.agency_name = "South Yorkshire".into();
        let mut theirs = document.records[0].clone();
        theirs.authority = second;
        document.records.push(theirs);
        let document = Rc::new(document);
        let whole = to_json(&document).unwrap();
        assert!(whole.contains("\"au\":1"));
        assert!(whole.contains("\"other_authorities\""));
        assert_eq!(to_json_reusing(&document, &document).unwrap(), whole);
        let mut renamed = (*document).clone();
        renamed.settings.other_authorities[0].name = "Rotherham".into();
        renamed.revision = 42;
        assert_eq!(
            to_json_reusing(&Rc::new(renamed.clone()), &renamed).unwrap(),
            to_json(&renamed).unwrap()
        );
    }

    #[test]
    fn changed_children_are_serialised_again() {
        let document = Rc::new(document_with_children());
        to_json_reusing(&document, &document).unwrap();
        let mut changed = (*document).clone();
        changed.records.pop();
        let changed = Rc::new(changed);
        assert_eq!(
            to_json_reusing(&changed, &changed).unwrap(),
            to_json(&changed).unwrap()
        );
    }

    #[test]
    fn a_document_without_children_is_written_as_it_is() {
        let document = Rc::new(Document::default());
        assert_eq!(
            to_json_reusing(&document, &document).unwrap(),
            to_json(&document).unwrap()
        );
    }
}
