//! Reads the cells of one row of the return (from a CSV table or the XML return alike),
//! gathering each problem with the file, line, child and field it belongs to and what was done
//! about it.

use super::rows::Rows;
use super::tables::read_date;
use crate::error::Problem;
use chrono::NaiveDate;

/// The cells of one row being read.
pub(crate) struct FieldReader<'a> {
    file: &'a str,
    line: usize,
    child: String,
    problems: Vec<Problem>,
    left_out: bool,
}

impl<'a> FieldReader<'a> {
    /// A row of `file` at `line` for the child `child` (as written; an empty one is a problem).
    pub fn new(file: &'a str, line: usize, child: &str) -> FieldReader<'a> {
        let mut reader = FieldReader {
            file,
            line,
            child: child.trim().to_string(),
            problems: Vec::new(),
            left_out: false,
        };
        if reader.child.is_empty() {
            reader.fail(
                Some("CHILD"),
                "the child's reference is empty, so the row belongs to no child; it is left out"
                    .to_string(),
            );
        }
        reader
    }

    /// The child's reference, trimmed.
    pub fn child(&self) -> String {
        self.child.clone()
    }

    fn problem(&self, error: bool, column: Option<&str>, message: String) -> Problem {
        let p = if error {
            Problem::error(message)
        } else {
            Problem::warning(message)
        };
        let p = p.file(self.file).line(self.line);
        let p = if self.child.is_empty() {
            p
        } else {
            p.child(self.child.clone())
        };
        match column {
            Some(c) => p.field(c),
            None => p,
        }
    }

    /// The row cannot be read: it is left out, and the message says why.
    pub fn fail(&mut self, column: Option<&str>, message: String) {
        self.left_out = true;
        let p = self.problem(true, column, message);
        self.problems.push(p);
    }

    /// A date that may be empty; one that cannot be read leaves `what` out.
    pub fn date(&mut self, column: &str, text: &str, what: &str) -> Option<NaiveDate> {
        match read_date(text) {
            Ok(date) => date,
            Err(message) => {
                self.fail(Some(column), format!("{message}; {what} is left out"));
                None
            }
        }
    }

    /// A date the row cannot do without.
    pub fn required_date(&mut self, column: &str, text: &str, what: &str) -> Option<NaiveDate> {
        if text.trim().is_empty() {
            self.fail(
                Some(column),
                format!("{column} is empty; {what} is left out"),
            );
            return None;
        }
        self.date(column, text, what)
    }

    /// A 0/1 flag; anything else is read as not given, with a warning.
    pub fn flag(&mut self, column: &str, text: &str) -> Option<bool> {
        match text.trim() {
            "" => None,
            "0" => Some(false),
            "1" => Some(true),
            other => {
                let p = self.problem(
                    false,
                    Some(column),
                    format!("'{other}' is not 0 or 1; it is read as not given"),
                );
                self.problems.push(p);
                None
            }
        }
    }

    /// The rows read (none when the row is left out) and every problem found.
    pub fn finish(self, rows: Rows) -> (Rows, Vec<Problem>) {
        if self.left_out {
            (Rows::default(), self.problems)
        } else {
            (rows, self.problems)
        }
    }
}
