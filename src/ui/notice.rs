//! The one kind of message the app shows about what just happened (saved, imported, could not
//! save, data from another tab). Problems with one field are shown beside that field instead.

/// How a notice should be read. Shown as words as well as colour ("Error", "Done").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something finished as asked.
    Success,
    /// Worth knowing; nothing is wrong.
    Info,
    /// Something did not happen as asked, but no data is lost.
    Warning,
    /// Something failed and the user must act (e.g. the browser refused to save).
    Error,
}

impl Level {
    /// The word shown before the message, so that colour is never the only signal.
    pub fn word(self) -> &'static str {
        match self {
            Level::Success => "Done",
            Level::Info => "Note",
            Level::Warning => "Warning",
            Level::Error => "Error",
        }
    }

    /// The CSS modifier class.
    pub fn class(self) -> &'static str {
        match self {
            Level::Success => "notice--success",
            Level::Info => "notice--info",
            Level::Warning => "notice--warning",
            Level::Error => "notice--error",
        }
    }
}

/// A message about what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How it should be read.
    pub level: Level,
    /// The message, a full sentence.
    pub text: String,
}

impl Notice {
    /// A notice of `level`.
    pub fn new(level: Level, text: impl Into<String>) -> Notice {
        Notice {
            level,
            text: text.into(),
        }
    }

    /// Something finished as asked.
    pub fn success(text: impl Into<String>) -> Notice {
        Notice::new(Level::Success, text)
    }

    /// Something failed.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice::new(Level::Error, text)
    }
}
