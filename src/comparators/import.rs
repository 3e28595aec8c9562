//! "Import comparators": a CSV file (`authority, group, period, a1, a2, rank`) read into the
//! same preview as the records import, changing nothing until the user confirms.

use crate::app::use_app;
use crate::components::file_picker::FilePicker;
use crate::components::import_preview::{ImportPreview, Preview};
use crate::notice::{Level, Notice};
use crate::state::{Action, ImportMode};
use scorecard::{read_comparators, ComparatorTable};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// A file read and waiting for confirmation.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    preview: Rc<Preview>,
    table: ComparatorTable,
}

/// Reads a comparator file into a preview.
fn prepare(file_name: String, text: &str) -> Pending {
    match read_comparators(text) {
        Ok(import) => {
            let lines: BTreeSet<Option<usize>> = import.problems.iter().map(|p| p.line).collect();
            Pending {
                preview: Rc::new(Preview {
                    file_name,
                    rows_read: import.rows_read,
                    rows_with_problems: lines.len(),
                    problems: import.problems,
                    unknown_columns: import.unknown_columns,
                    usable: import.table.rows.len(),
                    failure: None,
                }),
                table: import.table,
            }
        }
        Err(error) => Pending {
            preview: Rc::new(Preview {
                file_name,
                failure: Some(error.to_string()),
                ..Preview::default()
            }),
            table: ComparatorTable::empty(),
        },
    }
}

/// The import control and its preview.
#[function_component]
pub fn ComparatorsImport() -> Html {
    let app = use_app();
    let pending = use_state(|| None::<Pending>);
    let on_file = {
        let pending = pending.clone();
        Callback::from(move |(name, text): (String, String)| {
            pending.set(Some(prepare(name, &text)))
        })
    };
    let on_confirm = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |mode: ImportMode| {
            if let Some(import) = (*pending).clone() {
                app.dispatch(Action::ImportComparators {
                    table: import.table,
                    mode,
                });
            }
            pending.set(None);
        })
    };
    let on_cancel = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |_| {
            pending.set(None);
            app.dispatch(Action::Notify(Notice::new(
                Level::Info,
                "Import cancelled: the comparators were not changed.",
            )));
        })
    };
    html! {
        <>
            <FilePicker id="import-comparators" label="Import comparators" accept=".csv,text/csv"
                hint="A CSV file with the columns authority, group, period, a1, a2, rank. Nothing changes until you confirm."
                onload={on_file} />
            if let Some(import) = &*pending {
                <ImportPreview what="comparator rows" merge_key="authority/group/period"
                    preview={import.preview.clone()} {on_confirm} {on_cancel} />
            }
        </>
    }
}
