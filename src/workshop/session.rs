//! What the workshop remembers while the browser tab is open: the dataset, the child, the
//! delay, the figure and the age typed, so that a trainer who looks at another screen comes
//! back to the same story. Kept in the tab's `sessionStorage` (this browser only, gone when the
//! tab closes), not in the document: it is a view of the data, not data. Whether real
//! children's references are shown is not kept: each visit starts anonymous.

use scorecard::{DelayLength, DelayUnit, Indicator};
use serde::{Deserialize, Serialize};

/// The key in `sessionStorage`.
pub const SESSION_KEY: &str = "adoption-forecast/workshop";

/// The workshop's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkshopSession {
    /// The dataset, as the dataset select's value ("yours", "made-up:Name").
    pub dataset: String,
    /// The child's case reference (or made-up name); `None` for the typical child.
    pub child: Option<String>,
    /// The delay's amount.
    pub delay_amount: u32,
    /// "weeks" or "months".
    pub delay_unit: String,
    /// The figure the story tells ("A1", "A2").
    pub indicator: String,
    /// The age on entering care typed, in months, if one was.
    pub age_months: Option<u32>,
}

impl Default for WorkshopSession {
    /// Three months' delay for the typical child of the authority's data, told in A1.
    fn default() -> Self {
        WorkshopSession {
            dataset: "yours".into(),
            child: None,
            delay_amount: 3,
            delay_unit: "months".into(),
            indicator: Indicator::A1.label().into(),
            age_months: None,
        }
    }
}

impl WorkshopSession {
    /// The delay.
    pub fn delay(&self) -> DelayLength {
        DelayLength {
            amount: self.delay_amount,
            unit: if self.delay_unit == "weeks" {
                DelayUnit::Weeks
            } else {
                DelayUnit::Months
            },
        }
    }

    /// The figure told, A1 unless A2 was chosen.
    pub fn indicator(&self) -> Indicator {
        match Indicator::parse(&self.indicator) {
            Some(Indicator::A2) => Indicator::A2,
            _ => Indicator::A1,
        }
    }

    /// Reads what was kept, as JSON; the defaults for anything missing or unreadable (a view
    /// choice is not worth an error).
    pub fn from_json(text: &str) -> WorkshopSession {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The choices as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What this tab kept, or the defaults.
    pub fn load() -> WorkshopSession {
        storage()
            .and_then(|s| s.get_item(SESSION_KEY).ok().flatten())
            .map(|text| WorkshopSession::from_json(&text))
            .unwrap_or_default()
    }

    /// Keeps the choices for this tab. A browser that refuses (private modes, a full
    /// storage) only forgets them; nothing else depends on it.
    pub fn keep(&self) {
        if let Some(s) = storage() {
            let _ = s.set_item(SESSION_KEY, &self.to_json());
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_are_read_back_as_they_were_kept() {
        let kept = WorkshopSession {
            dataset: "made-up:Four children".into(),
            child: Some("Child D".into()),
            delay_amount: 4,
            delay_unit: "weeks".into(),
            indicator: "A2".into(),
            age_months: Some(18),
        };
        let back = WorkshopSession::from_json(&kept.to_json());
        assert_eq!(back, kept);
        assert_eq!(back.delay(), DelayLength::weeks(4));
        assert_eq!(back.indicator(), Indicator::A2);
        // Nothing kept, or something unreadable: three months' delay for the typical child.
        let fresh = WorkshopSession::from_json("not json");
        assert_eq!(fresh, WorkshopSession::default());
        assert_eq!(fresh.delay(), DelayLength::months(3));
        assert_eq!(fresh.indicator(), Indicator::A1);
        assert_eq!(
            WorkshopSession::from_json(r#"{"delay_amount":2}"#).delay(),
            DelayLength::months(2)
        );
    }
}
