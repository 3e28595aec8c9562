//! Reading a stored or backed-up document of any version this app has ever written.
//!
//! Each schema version that was ever released keeps a migration to the next one here, so a
//! manager who opens the app after years away still finds their data. Anything that cannot be
//! read is reported with the reason, never repaired by guessing: the caller keeps the raw text.

use crate::storage::document::{Document, Settings, DOCUMENT_VERSION};
use chrono::NaiveDate;
use scorecard::ChildRecord;
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The text is not JSON at all (cut short, or edited by hand).
    NotJson(String),
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

/// Reads a document of any known version and migrates it to [`DOCUMENT_VERSION`].
pub fn read_document(text: &str) -> Result<Document, Unreadable> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| Unreadable::NotJson(e.to_string()))?;
    let version = match value.get("version") {
        None => 0,
        Some(v) => v.as_u64().ok_or_else(|| Unreadable::WrongShape {
            version: 0,
            detail: "the version is not a whole number".into(),
        })?,
    };
    let shape = |e: serde_json::Error| Unreadable::WrongShape {
        version,
        detail: e.to_string(),
    };
    match version {
        0 => serde_json::from_value::<DocumentV0>(value)
            .map(DocumentV0::into_v1)
            .map_err(shape),
        1 => serde_json::from_value::<Document>(value).map_err(shape),
        found => Err(Unreadable::NewerVersion { found }),
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
    #[serde(default)]
    children: Vec<ChildRecord>,
}

impl DocumentV0 {
    /// Version 1 moved the name and date into `settings`, renamed `children` to `records`
    /// and added everything else with its defaults (the published threshold schedule).
    fn into_v1(self) -> Document {
        Document {
            version: 1,
            demonstration: false,
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
