//! Child records and yearly aggregates to and from CSV, as exported from a case-management
//! spreadsheet and as written back for a round trip that loses nothing.
//!
//! The reader is our own small RFC 4180 reader, so that the engine keeps no dependency but
//! chrono: quoted cells with commas, doubled quotes and line breaks, CRLF or LF line ends, a
//! UTF-8 byte order mark and trailing empty lines are all read as a spreadsheet means them.
//! Problems name the physical line of the file (the header is line 1), the child and the
//! column, so that a manager can find each one in a text editor.

mod aggregates;
mod cell;
mod children;
mod decode;
pub(crate) mod header;
pub(crate) mod tokenize;

pub use aggregates::{read_aggregates, write_aggregates, AggregateImport};
pub use children::{read_children, write_children, ChildImport};
pub use decode::decode_text;

/// Appends one CSV row with a CRLF line end (RFC 4180), quoting the cells that need it.
pub(crate) fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Unquoted cells are trimmed when read, so surrounding spaces need quotes to survive.
        let needs_quotes = cell.contains([',', '"', '\r', '\n'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}
