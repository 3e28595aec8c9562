//! The life of a file import before it changes anything: read into a preview, then confirmed
//! (handing the rows to the caller) or cancelled (saying nothing changed). Records, yearly
//! figures and comparators all go through it, so the rule "nothing changes until Confirm
//! import" lives in one place.

use super::import_preview::Preview;
use crate::context::use_app;
use crate::state::{Action, ImportMode};
use crate::storage::safety::keep_then;
use crate::ui::notice::{Level, Notice};
use scorecard::{AggregateImport, ChildImport, ChildRecord, ComparatorImport, ComparatorTable};
use scorecard::{Error, Problem, YearAggregate};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// What an engine reader found in a file, in the shape the preview needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile<T> {
    /// Data rows read.
    pub rows_read: usize,
    /// Rows with at least one problem.
    pub rows_with_problems: usize,
    /// Every problem, naming its line and column.
    pub problems: Vec<Problem>,
    /// Header names outside the format.
    pub unknown_columns: Vec<String>,
    /// How many rows will be brought in.
    pub usable: usize,
    /// Those rows.
    pub rows: T,
}

impl From<ChildImport> for ReadFile<Vec<ChildRecord>> {
    fn from(import: ChildImport) -> Self {
        ReadFile {
            rows_read: import.rows_read,
            rows_with_problems: import.rows_with_problems,
            problems: import.problems,
            unknown_columns: import.unknown_columns,
            usable: import.records.len(),
            rows: import.records.into_iter().map(|(_, r)| r).collect(),
        }
    }
}

impl From<AggregateImport> for ReadFile<Vec<YearAggregate>> {
    fn from(import: AggregateImport) -> Self {
        ReadFile {
            rows_read: import.rows_read,
            rows_with_problems: import.rows_with_problems,
            problems: import.problems,
            unknown_columns: import.unknown_columns,
            usable: import.records.len(),
            rows: import.records.into_iter().map(|(_, a)| a).collect(),
        }
    }
}

impl From<ComparatorImport> for ReadFile<ComparatorTable> {
    fn from(import: ComparatorImport) -> Self {
        // The comparator reader reports problems, not rows with problems: count their lines.
        let lines: BTreeSet<Option<usize>> = import.problems.iter().map(|p| p.line).collect();
        ReadFile {
            rows_read: import.rows_read,
            rows_with_problems: lines.len(),
            problems: import.problems,
            unknown_columns: import.unknown_columns,
            usable: import.table.rows.len(),
            rows: import.table,
        }
    }
}

/// A file read and waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport<T> {
    /// What the preview shows.
    pub preview: Rc<Preview>,
    /// What confirming brings in.
    pub rows: T,
}

impl<T: Default> PendingImport<T> {
    /// The preview of what `file_name` gave: its rows and problems, or why it could not be
    /// read at all (then nothing would be brought in).
    pub fn new(file_name: String, read: Result<ReadFile<T>, Error>) -> Self {
        match read {
            Ok(file) => PendingImport {
                preview: Rc::new(Preview {
                    file_name,
                    rows_read: file.rows_read,
                    rows_with_problems: file.rows_with_problems,
                    problems: file.problems,
                    unknown_columns: file.unknown_columns,
                    usable: file.usable,
                    failure: None,
                    notes: Vec::new(),
                    summary: None,
                }),
                rows: file.rows,
            },
            Err(error) => PendingImport {
                preview: Rc::new(Preview {
                    file_name,
                    failure: Some(error.to_string()),
                    ..Preview::default()
                }),
                rows: T::default(),
            },
        }
    }
}

impl PendingImport<Vec<ChildRecord>> {
    /// The same, with the preview saying how many children there are by year adopted and
    /// stage waiting.
    pub fn with_summary(mut self) -> Self {
        Rc::make_mut(&mut self.preview).summary = Some(scorecard::summary::summarise(&self.rows));
        self
    }
}

/// An import in progress and the callbacks that move it on. `I` is what it is given: one
/// file's name and text, or several files.
pub struct ImportFlow<T, I = (String, String)> {
    /// The file read and waiting, if any.
    pub pending: Option<PendingImport<T>>,
    /// Give it a file's name and text (the file picker's `onload`).
    pub on_file: Callback<I>,
    /// The user confirmed with this mode (the preview's `on_confirm`).
    pub on_confirm: Callback<ImportMode>,
    /// The user cancelled (the preview's `on_cancel`).
    pub on_cancel: Callback<()>,
    /// Puts the preview away without a word (another import took its place).
    pub on_clear: Callback<()>,
}

/// Keeps a file import until it is confirmed or cancelled. `read` turns a file's name and
/// text into a preview; `confirm` makes the action that brings the rows in; `cancelled` is
/// what the status line says when the user changes their mind.
#[hook]
pub fn use_pending_import<T, F>(
    read: fn(String, &str) -> PendingImport<T>,
    confirm: F,
    cancelled: &'static str,
) -> ImportFlow<T>
where
    T: Clone + PartialEq + 'static,
    F: Fn(T, ImportMode) -> Action + 'static,
{
    use_pending_import_of(
        move |(name, text): (String, String)| read(name, &text),
        confirm,
        cancelled,
    )
}

/// [`use_pending_import`] for any input: several files at once (the tables of an SSDA903
/// return), read together into one preview.
#[hook]
pub fn use_pending_import_of<T, I, R, F>(
    read: R,
    confirm: F,
    cancelled: &'static str,
) -> ImportFlow<T, I>
where
    T: Clone + PartialEq + 'static,
    I: 'static,
    R: Fn(I) -> PendingImport<T> + 'static,
    F: Fn(T, ImportMode) -> Action + 'static,
{
    let app = use_app();
    let pending = use_state(|| None::<PendingImport<T>>);
    let on_file = {
        let pending = pending.clone();
        Callback::from(move |input: I| {
            pending.set(Some(read(input)));
        })
    };
    let on_clear = {
        let pending = pending.clone();
        Callback::from(move |_| pending.set(None))
    };
    let on_confirm = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |mode: ImportMode| {
            if let Some(import) = (*pending).clone() {
                let action = confirm(import.rows, mode);
                match mode {
                    ImportMode::Replace => {
                        let reason = format!("before importing {}", import.preview.file_name);
                        keep_then(&app, &reason, action)
                    }
                    ImportMode::Merge => app.dispatch(action),
                }
            }
            pending.set(None);
        })
    };
    let on_cancel = {
        let pending = pending.clone();
        Callback::from(move |_| {
            pending.set(None);
            app.dispatch(Action::Notify(Notice::new(Level::Info, cancelled)));
        })
    };
    ImportFlow {
        pending: (*pending).clone(),
        on_file,
        on_confirm,
        on_cancel,
        on_clear,
    }
}
