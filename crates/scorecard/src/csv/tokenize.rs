//! Splits CSV text into rows of cells (RFC 4180), keeping the physical line of every cell.
//!
//! Spreadsheets write quoted cells with commas, doubled quotes and line breaks inside, end
//! lines with CRLF, LF or (old Mac Excel) a lone CR, and may start with a UTF-8 byte order
//! mark. Line numbers count physical lines, so a quoted cell spanning three lines moves the
//! following rows down by two, as a person sees them in a text editor.

use super::without_formula_guard;
use crate::error::{Error, ErrorKind};

/// One cell as written in the file, less the `'` an export puts before a cell a spreadsheet
/// would run as a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The value: unquoted cells are trimmed of surrounding spaces, quoted ones kept exactly.
    pub text: String,
    /// The physical line the cell starts on (the header is line 1).
    pub line: usize,
}

/// One record of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The physical line the row starts on.
    pub line: usize,
    /// The cells in file order.
    pub cells: Vec<Cell>,
}

impl Row {
    /// A row with nothing in it: an empty line, or only commas as spreadsheets write for
    /// formatted but empty rows.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// Splits `text` into rows. Fails only on a quote that is never closed, or on text after a
/// closing quote, naming the line: anything else is the caller's to judge cell by cell.
pub(crate) fn tokenize(text: &str) -> Result<Vec<Row>, Error> {
    // The byte order mark that Excel's "CSV UTF-8" puts first would otherwise be read as part
    // of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The separators are ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so
    // slicing at their positions always falls on character boundaries.
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut i = 0;
    loop {
        let cell_line = line;
        let mut start = i;
        while start < len && bytes[start] == b' ' {
            start += 1;
        }
        if start < len && bytes[start] == b'"' {
            i = start + 1;
            let mut value = String::new();
            let mut from = i;
            loop {
                if i >= len {
                    return Err(Error::new(
                        ErrorKind::Malformed,
                        "a quoted cell is never closed: a \" is missing at its end",
                    )
                    .at_line(cell_line));
                }
                match bytes[i] {
                    b'"' if bytes.get(i + 1) == Some(&b'"') => {
                        value.push_str(&text[from..=i]);
                        i += 2;
                        from = i;
                    }
                    b'"' => {
                        value.push_str(&text[from..i]);
                        i += 1;
                        break;
                    }
                    b'\n' => {
                        line += 1;
                        i += 1;
                    }
                    b'\r' => {
                        if bytes.get(i + 1) != Some(&b'\n') {
                            line += 1;
                        }
                        i += 1;
                    }
                    _ => i += 1,
                }
            }
            while i < len && bytes[i] == b' ' {
                i += 1;
            }
            if i < len && !matches!(bytes[i], b',' | b'\r' | b'\n') {
                return Err(Error::new(
                    ErrorKind::Malformed,
                    "text follows a closing quote; a quote inside a quoted cell is written \
                     twice (\"\")",
                )
                .at_line(line));
            }
            cells.push(Cell {
                text: without_formula_guard(value),
                line: cell_line,
            });
        } else {
            while i < len && !matches!(bytes[i], b',' | b'\r' | b'\n') {
                i += 1;
            }
            cells.push(Cell {
                text: without_formula_guard(text[start..i].trim().to_string()),
                line: cell_line,
            });
        }
        if i >= len {
            rows.push(Row {
                line: row_line,
                cells,
            });
            return Ok(rows);
        }
        match bytes[i] {
            b',' => i += 1,
            end => {
                i += if end == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                line += 1;
                rows.push(Row {
                    line: row_line,
                    cells: std::mem::take(&mut cells),
                });
                row_line = line;
                if i >= len {
                    return Ok(rows);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn quoted_cells_keep_commas_doubled_quotes_and_line_breaks() {
        let rows = tokenize("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n").unwrap();
        assert_eq!(
            texts(&rows),
            vec![
                vec!["a", "b"],
                vec!["x, y", "say \"hi\""],
                vec!["two\nlines", "z"]
            ]
        );
        // Physical lines: header 1, second row 2, third row starts on 3 and ends on 4.
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert_eq!(rows[2].cells[1].line, 4);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_a_bom_is_dropped() {
        let rows = tokenize("\u{feff}a\rb\r").unwrap();
        assert_eq!(texts(&rows), vec![vec!["a"], vec!["b"]]);
        assert_eq!(rows[1].line, 2);
    }

    #[test]
    fn an_unterminated_quote_names_the_line_it_opens_on() {
        let e = tokenize("a,b\n1,2\n3,\"open\n4,5\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        assert_eq!(e.line(), Some(3));
    }

    #[test]
    fn text_after_a_closing_quote_is_malformed() {
        let e = tokenize("a\n\"x\"y\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        assert_eq!(e.line(), Some(2));
    }
}
