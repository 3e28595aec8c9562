//! "Import comparators": a CSV file (`authority, group, period, a1, a2, rank`) read into the
//! same preview as the records import, changing nothing until the user confirms.

use crate::state::{Action, ImportMode, LaterAction};
use crate::ui::file_picker::FilePicker;
use crate::ui::import_preview::ImportPreview;
use crate::ui::pending_import::{use_pending_import, PendingImport, ReadFile};
use scorecard::{read_comparators, ComparatorTable};
use yew::prelude::*;

/// Reads a comparator file into a preview (nothing changes yet).
fn read_table(file_name: String, text: &str) -> PendingImport<ComparatorTable> {
    PendingImport::new(file_name, read_comparators(text).map(ReadFile::from))
}

/// The action that brings a confirmed comparator table in.
fn import_table(table: ComparatorTable, mode: ImportMode) -> Action {
    LaterAction::ImportComparators { table, mode }.into()
}

/// The import control and its preview.
#[function_component]
pub fn ComparatorsImport() -> Html {
    let import = use_pending_import(
        read_table,
        import_table,
        "Import cancelled: the comparators were not changed.",
    );
    let table_rows = crate::comparators::data::use_comparator_table().rows.len();
    html! {
        <>
            <FilePicker id="import-comparators" label="Import comparators" accept=".csv,text/csv"
                hint="A CSV file with the columns authority, group, period, a1, a2, rank. Nothing changes until you confirm."
                onload={import.on_file.clone()} />
            if let Some(pending) = &import.pending {
                <ImportPreview what="comparator rows" merge_by="authority, group and period"
                    replaced={format!("the {} comparator rows in use", table_rows)}
                    incoming_one="comparator row" incoming="comparator rows"
                    preview={pending.preview.clone()} on_confirm={import.on_confirm.clone()}
                    on_cancel={import.on_cancel.clone()} />
            }
        </>
    }
}
