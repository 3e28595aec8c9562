//! The SSDA903 return read into the import preview, and the action that brings its children
//! in once the user confirms: the same preview and confirmation as "Import records".

use crate::ui::import_preview::Preview;
use crate::ui::pending_import::PendingImport;
use scorecard::ChildRecord;
use std::rc::Rc;

/// Reads the files of a return (name and text of each) into a preview; nothing changes yet.
pub fn read_return_files(files: Vec<(String, String)>) -> PendingImport<Vec<ChildRecord>> {
    let read = scorecard::ssda903::read_return(&files);
    let file_name = match files.as_slice() {
        [(name, _)] => name.clone(),
        _ => format!("the SSDA903 return ({} files)", files.len()),
    };
    let preview = Preview {
        file_name,
        rows_read: read.rows_read,
        rows_with_problems: read.rows_with_problems,
        notes: {
            let mut notes = read.notes();
            notes.push(
                "Merging takes the return's dates for each child it holds and keeps what the \
                 return does not hold: tracking milestones, family finder, expected dates, and \
                 the match of a child still waiting."
                    .to_string(),
            );
            notes
        },
        summary: Some(scorecard::summary::summarise(&read.records)),
        usable: read.records.len(),
        problems: read.problems,
        unknown_columns: Vec::new(),
        failure: None,
    };
    PendingImport {
        preview: Rc::new(preview),
        rows: read.records,
    }
}
