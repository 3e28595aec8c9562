//! Reading a stored or backed-up document of any version this app has ever written.
//!
//! Each schema version that was ever released keeps a migration to the next one here, so a
//! manager who opens the app after years away still finds their data. The reading is strict:
//! only a JSON object with this app's fields and a version it knows is migrated. Anything else
//! (an empty object, a list, a number, text cut short, a newer version) is reported with the
//! reason, never repaired by guessing, and the caller keeps the raw text untouched.

use crate::storage::document::{Document, Settings, DOCUMENT_VERSION};
use chrono::NaiveDate;
use scorecard::ChildRecord;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::fmt;

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The text is not JSON at all (cut short, or edited by hand).
    NotJson(String),
    /// JSON, but not a document of this app: `what` says what it is instead ("a list").
    NotADocument {
        /// What the text holds, in words.
        what: String,
    },
    /// JSON, but not a document of the version it claims to be.
    WrongShape {
        /// The version the document claims (0 when it has no `version` field).
        version: u64,
        /// What serde found wrong.
        detail: String,
    },
    /// Written by a newer build of the app: reading it here could lose what that build added.
    NewerVersion {
        /// The version found in the document.
        found: u64,
    },
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NotJson(detail) => write!(f, "it is not valid JSON ({detail})"),
            Unreadable::NotADocument { what } => write!(
                f,
                "it is not a document of this app: it holds {what} instead of the app's records \
                 and settings"
            ),
            Unreadable::WrongShape { version, detail } => {
                write!(
                    f,
                    "it does not match the version {version} layout ({detail})"
                )
            }
            Unreadable::NewerVersion { found } => write!(
                f,
                "it was written by a newer version of this app (data version {found}; this \
                 version reads up to {DOCUMENT_VERSION})"
            ),
        }
    }
}

/// The fields that tell which layout a document has, read before the document itself so that
/// only a document of a known shape is ever read as one. Serde refuses anything that is not an
/// object here, and ignores the other fields' contents.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    version: Option<u64>,
    #[serde(default)]
    records: Option<IgnoredAny>,
    #[serde(default)]
    children: Option<IgnoredAny>,
}

/// Reads a document of any known version and migrates it to [`DOCUMENT_VERSION`].
pub fn read_document(text: &str) -> Result<Document, Unreadable> {
    // Whether the text is JSON at all, and what it is when it is not an object: the probe's
    // own error would only say "invalid type".
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| Unreadable::NotJson(e.to_string()))?;
    let not_a_document = |what: &str| Unreadable::NotADocument { what: what.into() };
    match text.trim_start().chars().next() {
        Some('{') => {}
        Some('[') => return Err(not_a_document("a list")),
        Some('"') => return Err(not_a_document("a piece of text")),
        Some('t' | 'f') => return Err(not_a_document("true or false")),
        Some('n') => return Err(not_a_document("nothing (null)")),
        _ => return Err(not_a_document("a number")),
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| Unreadable::WrongShape {
        version: 0,
        detail: format!("the version is not a whole number: {e}"),
    })?;
    let shape = |version: u64| {
        move |e: serde_json::Error| Unreadable::WrongShape {
            version,
            detail: e.to_string(),
        }
    };
    match probe.version {
        // The prototype wrote no version, and always wrote its children.
        None | Some(0) if probe.children.is_some() => serde_json::from_str::<DocumentV0>(text)
            .map(DocumentV0::into_current)
            .map_err(shape(0)),
        None | Some(0) => Err(not_a_document("an object without the app's records")),
        Some(version @ 1..=DOCUMENT_VERSION) if probe.records.is_none() => {
            Err(Unreadable::WrongShape {
                version,
                detail: "it has no records field".into(),
            })
        }
        // Version 2 added the revision and the time of the last save, both with defaults, so
        // a version 1 document reads with revision 0. Version 3 shortened the children's field
        // names; each field also answers to its long name, so versions 1 and 2 read as they
        // were written. Version 4 added the basis of the figures, which earlier versions read
        // as "with the adoptions we expect", the forecast's switch as it always started.
        // Versions before 7 kept no owner with a plan: each reads as the first authority's.
        Some(version @ 1..=DOCUMENT_VERSION) => serde_json::from_str::<Document>(text)
            .map(|mut document| {
                document.version = DOCUMENT_VERSION;
                document
            })
            .map_err(shape(version)),
        Some(found) => Err(Unreadable::NewerVersion { found }),
    }
}

/// The first layout, from the prototype, before the document had a `version`: the children
/// under `children`, the authority's name as `authority`, and an optional `as_of`. It had no
/// aggregates, thresholds or scenarios.
#[derive(Debug, Deserialize)]
struct DocumentV0 {
    #[serde(default)]
    authority: String,
    #[serde(default)]
    as_of: Option<NaiveDate>,
    children: Vec<ChildRecord>,
}

impl DocumentV0 {
    /// Version 1 moved the name and date into `settings`, renamed `children` to `records`
    /// and added everything else with its defaults (the published threshold schedule).
    fn into_current(self) -> Document {
        Document {
            records: self.children,
            settings: Settings {
                authority_name: self.authority,
                as_of: self.as_of,
                ..Settings::default()
            },
            ..Document::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> Unreadable {
        match read_document(text) {
            Ok(document) => panic!("{text} was read as {document:?}"),
            Err(reason) => reason,
        }
    }

    #[test]
    fn only_a_document_of_this_apps_shape_is_read() {
        for (text, what) in [
            ("[]", "a list"),
            ("[{\"version\":1,\"records\":[]}]", "a list"),
            ("42", "a number"),
            ("-1.5", "a number"),
            ("\"records\"", "a piece of text"),
            ("true", "true or false"),
            ("null", "nothing (null)"),
            ("{}", "an object without the app's records"),
            (
                "{\"name\":\"a shopping list\"}",
                "an object without the app's records",
            ),
        ] {
            assert_eq!(
                reason(text),
                Unreadable::NotADocument { what: what.into() },
                "{text}"
            );
        }
    }

    #[test]
    fn text_cut_short_and_newer_versions_are_unreadable() {
        assert!(matches!(
            reason("{\"version\":1,\"records\":[{\"child_id\":\"C1\""),
            Unreadable::NotJson(_)
        ));
        assert!(matches!(reason(""), Unreadable::NotJson(_)));
        assert_eq!(
            reason("{\"version\":99,\"records\":[]}"),
            Unreadable::NewerVersion { found: 99 }
        );
        assert!(matches!(
            reason("{\"version\":\"two\",\"records\":[]}"),
            Unreadable::WrongShape { version: 0, .. }
        ));
        assert!(matches!(
            reason("{\"version\":1}"),
            Unreadable::WrongShape { version: 1, .. }
        ));
        assert!(matches!(
            reason("{\"version\":1,\"records\":\"none\"}"),
            Unreadable::WrongShape { version: 1, .. }
        ));
        // A prototype document needs its children to be a list of children.
        assert!(matches!(
            reason("{\"children\":3}"),
            Unreadable::WrongShape { version: 0, .. }
        ));
    }

    #[test]
    fn every_known_version_is_migrated_to_the_current_one() {
        let v0 = read_document(
            r#"{"authority":"Anytown","children":[{"child_id":"C7","entered_care":"2013-01-05"}]}"#,
        )
        .unwrap();
        assert_eq!(v0.version, DOCUMENT_VERSION);
        assert_eq!(v0.settings.authority_name, "Anytown");
        assert_eq!(v0.records.len(), 1);
        let v1 = read_document(r#"{"version":1,"records":[],"aggregates":[]}"#).unwrap();
        assert_eq!(v1.version, DOCUMENT_VERSION);
        assert_eq!(v1.revision, 0);
        // What this build writes, it reads back unchanged.
        let written = serde_json::to_string(&v0).unwrap();
        assert_eq!(read_document(&written).unwrap(), v0);
    }

    #[test]
    fn a_version_2_child_with_long_field_names_reads_as_it_was_written() {
        let v2 = read_document(
            r#"{"version":2,"revision":4,"records":[{"child_id":"C7","entered_care":"2013-01-05",
                "placement_order":"2013-06-01","adoption_order":null,
                "tracking":{"family_finder":"Sam","annex_a":"2013-07-01"}}]}"#,
        )
        .unwrap();
        let child = &v2.records[0];
        assert_eq!(
            child.entered_care,
            NaiveDate::from_ymd_opt(2013, 1, 5).unwrap()
        );
        assert_eq!(child.placement_order, NaiveDate::from_ymd_opt(2013, 6, 1));
        assert_eq!(child.adoption_order, None);
        assert_eq!(child.tracking.family_finder, "Sam");
        assert_eq!(child.tracking.annex_a, NaiveDate::from_ymd_opt(2013, 7, 1));
        assert_eq!(v2.revision, 4);
        assert_eq!(v2.version, DOCUMENT_VERSION);
    }

    #[test]
    fn a_version_3_document_reads_with_the_expected_adoptions_counted() {
        use scorecard::FiguresBasis;
        let v3 = read_document(
            r#"{"version":3,"revision":2,"records":[{"child_id":"C7","ec":"2013-01-05"}],
                "scenarios":{"saved":[],"selected":null,"pace_target":null,
                "working":{"name":"Faster"},"compare":null}}"#,
        )
        .unwrap();
        assert_eq!(v3.version, DOCUMENT_VERSION);
        assert_eq!(v3.scenarios.basis, FiguresBasis::WithExpected);
        assert_eq!(v3.scenarios.working.name, "Faster");
        // The other basis is kept as chosen.
        let mut chosen = v3.clone();
        chosen.scenarios.basis = FiguresBasis::DataOnly;
        let written = serde_json::to_string(&chosen).unwrap();
        assert!(written.contains(r#""basis":"DataOnly""#), "{written}");
        assert_eq!(read_document(&written).unwrap(), chosen);
    }

    #[test]
    fn a_child_is_stored_under_the_short_names_and_only_with_what_is_known() {
        let day = |m| NaiveDate::from_ymd_opt(2014, m, 1);
        let mut child = ChildRecord::new("C1", NaiveDate::from_ymd_opt(2014, 1, 1).unwrap());
        child.placement_order = day(3);
        child.tracking.annex_a = day(5);
        let text = serde_json::to_string(&child).unwrap();
        assert_eq!(
            text,
            r#"{"child_id":"C1","ec":"2014-01-01","po":"2014-03-01","t":{"aa":"2014-05-01"}}"#
        );
    }

    #[test]
    fn every_short_name_stands_for_a_field_files_know() {
        // Each stored name's long name is a column of the children CSV (or the tracking group).
        for (short, long) in scorecard::record::STORED_NAMES {
            assert!(
                long == "tracking" || scorecard::Field::ALL.iter().any(|f| f.column() == long),
                "{short} stands for {long}, which no file names"
            );
        }
        let shorts: std::collections::BTreeSet<_> = scorecard::record::STORED_NAMES
            .iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(
            shorts.len(),
            scorecard::record::STORED_NAMES.len(),
            "a short name is used twice"
        );
    }
}
