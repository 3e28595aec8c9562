//! Finds the columns in a header row, whatever their order and spelling.
//!
//! Case-management exports name columns "Child ID", "child_id" or "CHILDID"; all three mean
//! the same column, so names are compared without case, spaces or underscores.

use super::tokenize::Row;
use crate::error::{Error, ErrorKind};

/// Where each known column is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    /// For each known column, in the order given to [`map_columns`], its cell index.
    pub index: Vec<Option<usize>>,
    /// The header's other column names, as written, which the import ignores.
    pub unknown: Vec<String>,
}

/// A column name reduced to what identifies it.
pub(crate) fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first row that is not blank, which must be the header.
pub(crate) fn header_row(rows: &[Row], example: &str) -> Result<usize, Error> {
    rows.iter().position(|r| !r.is_blank()).ok_or_else(|| {
        Error::new(
            ErrorKind::MissingHeader,
            format!(
                "the file is empty: it needs a header row naming the columns, such as {example}"
            ),
        )
    })
}

/// Maps the header's cells to the `known` column names; fails when a `required` column is
/// missing, saying whether the header is not a header at all or uses another separator.
pub(crate) fn map_columns(
    header: &Row,
    known: &[&str],
    required: &[&str],
    example: &str,
) -> Result<Columns, Error> {
    let known_keys: Vec<String> = known.iter().map(|k| normalize(k)).collect();
    let mut index: Vec<Option<usize>> = vec![None; known.len()];
    let mut unknown = Vec::new();
    for (position, cell) in header.cells.iter().enumerate() {
        let key = normalize(&cell.text);
        if key.is_empty() {
            continue;
        }
        match known_keys.iter().position(|k| *k == key) {
            Some(column) => {
                if let Some(first) = index[column] {
                    return Err(Error::new(
                        ErrorKind::Malformed,
                        format!(
                            "the column {} appears twice in the header (columns {} and {}); \
                             keep one",
                            known[column],
                            first + 1,
                            position + 1
                        ),
                    )
                    .at_line(header.line));
                }
                index[column] = Some(position);
            }
            None => unknown.push(cell.text.trim().to_string()),
        }
    }
    let missing: Vec<&str> = known
        .iter()
        .zip(&index)
        .filter(|(name, found)| found.is_none() && required.contains(name))
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Ok(Columns { index, unknown });
    }
    if let Some(separator) = other_separator(header, &known_keys) {
        return Err(Error::new(
            ErrorKind::WrongDelimiter,
            format!(
                "the header seems to be separated by {separator}, not commas; save the file as \
                 CSV (comma delimited) and import it again"
            ),
        )
        .at_line(header.line));
    }
    if index.iter().all(Option::is_none) {
        return Err(Error::new(
            ErrorKind::MissingHeader,
            format!(
                "the first line is not a header: it should name the columns, such as {example}"
            ),
        )
        .at_line(header.line));
    }
    let (noun, verb) = if missing.len() == 1 {
        ("column", "is")
    } else {
        ("columns", "are")
    };
    Err(Error::new(
        ErrorKind::MissingColumn,
        format!(
            "the header has no {} {noun}, which {verb} required",
            missing.join(" or ")
        ),
    )
    .at_line(header.line))
}

/// The separator the header seems to use instead of commas, when splitting on it reveals at
/// least two known column names.
fn other_separator(header: &Row, known_keys: &[String]) -> Option<&'static str> {
    [(';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars")]
        .into_iter()
        .find(|(separator, _)| {
            let found = header
                .cells
                .iter()
                .filter(|c| c.text.contains(*separator))
                .flat_map(|c| c.text.split(*separator))
                .filter(|part| known_keys.contains(&normalize(part)))
                .count();
            found >= 2
        })
        .map(|(_, name)| name)
}
