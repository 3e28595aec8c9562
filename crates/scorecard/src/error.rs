//! The engine's error and problem types.
//!
//! A [`Problem`] is one thing wrong with one record (or one line of a file): it names the line,
//! the child and the field so that a person can find and fix it, and it says whether the record
//! can still be used. An [`Error`] is a failure of a whole operation (a file with no header, a
//! target with no period) and carries an [`ErrorKind`] so that callers can react to the cause.
//! Messages are plain English, lowercase, with no trailing full stop, so they read well both
//! alone and after a "line 4, child C12, placed:" prefix.

use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Severity {
    /// Unusual but possible: the record is still used in the figures.
    Warning,
    /// Impossible: the record cannot be used until it is corrected.
    Error,
}

/// One thing wrong with one record, naming where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Problem {
    /// Whether the record can still be used.
    pub severity: Severity,
    /// The file, when a problem comes from one of several files read together (the tables of
    /// an SSDA903 return).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub file: Option<String>,
    /// The line of the file, counting the header as line 1, when the record came from a file.
    pub line: Option<usize>,
    /// The child's case reference, when known.
    pub child_id: Option<String>,
    /// The column name (e.g. `placement_order`), when one field is at fault.
    pub field: Option<String>,
    /// What is wrong, in plain English.
    pub message: String,
}

impl Problem {
    /// An impossible record.
    pub fn error(message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            file: None,
            line: None,
            child_id: None,
            field: None,
            message: message.into(),
        }
    }

    /// A usable record with something worth checking.
    pub fn warning(message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(message)
        }
    }

    /// Names the child.
    pub fn child(mut self, child_id: impl Into<String>) -> Problem {
        self.child_id = Some(child_id.into());
        self
    }

    /// Names the field (its column name).
    pub fn field(mut self, column: impl Into<String>) -> Problem {
        self.field = Some(column.into());
        self
    }

    /// Names the file (one of several read together).
    pub fn file(mut self, name: impl Into<String>) -> Problem {
        self.file = Some(name.into());
        self
    }

    /// Names the line of the file.
    pub fn line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }

    /// Whether this problem makes the record unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        if let Some(file) = &self.file {
            f.write_str(file)?;
            wrote = true;
        }
        if let Some(line) = self.line {
            if wrote {
                f.write_str(", ")?;
            }
            write!(f, "line {line}")?;
            wrote = true;
        }
        if let Some(child) = &self.child_id {
            if wrote {
                f.write_str(", ")?;
            }
            write!(f, "child {child}")?;
            wrote = true;
        }
        if let Some(field) = &self.field {
            if wrote {
                f.write_str(", ")?;
            }
            f.write_str(field)?;
            wrote = true;
        }
        if wrote {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file is empty or its first line is not a header naming the expected columns.
    MissingHeader,
    /// A required column is absent from the header.
    MissingColumn,
    /// The file seems to use another separator than commas (semicolons, tabs).
    WrongDelimiter,
    /// The file cannot be read as CSV at all (e.g. an unterminated quote).
    Malformed,
    /// An argument is out of range (e.g. a target for a period with no years).
    InvalidInput,
}

/// A failure of a whole operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    line: Option<usize>,
    message: String,
}

impl Error {
    /// A new error of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            line: None,
            message: message.into(),
        }
    }

    /// The same error, naming the line of the file.
    pub fn at_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The line of the file, when the failure is at one place.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_line_child_and_field_in_that_order() {
        let p = Problem::error("moved in before entering care")
            .line(4)
            .child("C12")
            .field("placed");
        assert_eq!(
            p.to_string(),
            "line 4, child C12, placed: moved in before entering care"
        );
        assert!(p.is_error());
        assert_eq!(Problem::warning("x").to_string(), "x");
        let from_a_return = Problem::warning("two versions of one episode")
            .file("episodes_2016.csv")
            .line(7)
            .child("C3")
            .field("DEC");
        assert_eq!(
            from_a_return.to_string(),
            "episodes_2016.csv, line 7, child C3, DEC: two versions of one episode"
        );
    }
}
