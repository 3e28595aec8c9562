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

/// The characters that make a spreadsheet read a cell as a formula when they come first
/// (OWASP, "CSV Injection"): a reference like `=HYPERLINK(...)` would otherwise run when an
/// export is opened in Excel.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell` is written with a leading `'` so that a spreadsheet shows it as text.
///
/// A cell that is a plain number (`-3.5`) is not a formula, and stays a number. A cell that
/// already starts with `'` before a formula character is guarded too, so that reading it back
/// (which removes exactly one `'`) gives the value as it was.
fn needs_formula_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS) && cell.parse::<f64>().is_err()
}

/// The cell as it was before `write_row` guarded it: one leading `'` removed where the rest
/// would have needed the guard. Hand-written cells without the `'` are left as they are.
pub(crate) fn without_formula_guard(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest.to_string(),
        _ => cell,
    }
}

/// The rows of a CSV text as cells (RFC 4180: quoted cells with commas, doubled quotes and
/// line breaks; a formula guard written by [`csv_row`] removed), for the app's own tables;
/// blank rows left out. Fails only on a quote never closed, naming the line.
pub fn read_rows(text: &str) -> Result<Vec<Vec<String>>, crate::error::Error> {
    Ok(tokenize::tokenize(text)?
        .into_iter()
        .filter(|row| !row.is_blank())
        .map(|row| row.cells.into_iter().map(|c| c.text).collect())
        .collect())
}

/// Whether a header cell names `column`, compared as every reader here compares them: without
/// case, spaces or underscores ("Last update" is `last_update`).
pub fn same_column(cell: &str, column: &str) -> bool {
    header::normalize(cell) == header::normalize(column)
}

/// One CSV row with a CRLF line end, quoted and guarded as `write_row` does: for the app's
/// own tables (the tracking agenda).
pub fn csv_row(cells: &[String]) -> String {
    let mut out = String::new();
    write_row(&mut out, cells.iter().cloned());
    out
}

/// Appends one CSV row with a CRLF line end (RFC 4180), quoting the cells that need it and
/// guarding those a spreadsheet would run as a formula.
pub(crate) fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = if needs_formula_guard(&cell) {
            format!("'{cell}")
        } else {
            cell
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cell: &str) -> String {
        let mut out = String::new();
        write_row(&mut out, std::iter::once(cell.to_string()));
        out
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
        assert_eq!(row("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"\r\n");
        assert_eq!(row("+A1"), "'+A1\r\n");
        assert_eq!(row("+44"), "+44\r\n");
        assert_eq!(row("@SUM(A1)"), "'@SUM(A1)\r\n");
        assert_eq!(row("-1+2"), "'-1+2\r\n");
        // Numbers stay numbers, and ordinary references are untouched.
        assert_eq!(row("-3.5"), "-3.5\r\n");
        assert_eq!(row("C-1"), "C-1\r\n");
        // A tab first is guarded, and then no longer needs quotes to survive trimming.
        assert_eq!(row("\tx"), "'\tx\r\n");
    }

    #[test]
    fn reading_removes_exactly_the_guard_that_writing_added() {
        for value in [
            "\tx", "=1+1", "'=1+1", "''@x", "'plain", "plain", "-2", "'-2+1",
        ] {
            let written = row(value);
            let cell = written.trim_end_matches("\r\n").trim_matches('"');
            assert_eq!(without_formula_guard(cell.to_string()), value, "{written}");
        }
        // A hand-written formula without the guard is kept as typed.
        assert_eq!(without_formula_guard("=A1".into()), "=A1");
    }
}
