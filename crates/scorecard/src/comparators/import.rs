//! Comparator tables to and from CSV: `authority, group, period, a1, a2, rank`.
//!
//! It reads with the same tokenizer and header matching as the records (`crate::csv`), so a
//! comparator file follows the same rules: a UTF-8 byte order mark is dropped, quoted cells
//! may hold commas, doubled quotes and line breaks, lines end in CRLF, LF or CR, and lines are
//! counted as a person sees them in a text editor (the header is line 1).

use super::{ComparatorRow, ComparatorTable};
use crate::csv::header::{header_row, map_columns};
use crate::csv::tokenize::tokenize;
use crate::csv::write_row;
use crate::dates::RollingPeriod;
use crate::error::{Error, Problem};

/// The columns of the comparator format, in the order they are written. All are required in
/// the header, in any order, matched ignoring case, spaces and underscores.
pub const COMPARATOR_COLUMNS: [&str; 6] = ["authority", "group", "period", "a1", "a2", "rank"];

const AUTHORITY: usize = 0;
const GROUP: usize = 1;
const PERIOD: usize = 2;
const A1: usize = 3;
const A2: usize = 4;
const RANK: usize = 5;

const EXAMPLE: &str = "authority, group, period, a1, a2, rank";

/// What an import of a comparator table found, for the preview shown before it replaces the
/// table in use.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparatorImport {
    /// The rows that could be read, in file order.
    pub table: ComparatorTable,
    /// Every problem, in line order, each naming its line and column. Rows with an error are
    /// left out of `table`; rows with only warnings are kept.
    pub problems: Vec<Problem>,
    /// The rows of data in the file, not counting the header and blank lines.
    pub rows_read: usize,
    /// Header names that are not part of the format; their cells are ignored.
    pub unknown_columns: Vec<String>,
}

/// Reads a comparator table from CSV text.
///
/// `period` is written like 2011-14 (also 2011/14 or 2011-2014); `a1` and `a2` are days,
/// empty (or "x", as DfE tables mark figures not published) when missing; `rank` is a whole
/// number from 1, or empty. Fails only when the file as a whole cannot be read (empty, no
/// header, a missing column, another separator than commas, an unclosed quote), naming the
/// line; everything wrong within a row is a [`Problem`] naming its line and column.
pub fn read_comparators(text: &str) -> Result<ComparatorImport, Error> {
    let records = tokenize(text)?;
    let header_at = header_row(&records, EXAMPLE)?;
    let header = &records[header_at];
    let columns = map_columns(header, &COMPARATOR_COLUMNS, &COMPARATOR_COLUMNS, EXAMPLE)?;
    let index = columns.index;
    let unknown_columns = columns.unknown;
    let mut import = ComparatorImport {
        table: ComparatorTable::empty(),
        problems: Vec::new(),
        rows_read: 0,
        unknown_columns,
    };
    // The first line each row was read from, to name it when a later row repeats or
    // contradicts it.
    let mut lines: Vec<usize> = Vec::new();
    for record in records[header_at + 1..].iter().filter(|r| !r.is_blank()) {
        import.rows_read += 1;
        let cell = |column: usize| -> (&str, usize) {
            // Every column is required, so each has an index; a short row reads as empty.
            match index[column].and_then(|i| record.cells.get(i)) {
                Some(cell) => (cell.text.as_str(), cell.line),
                None => ("", record.line),
            }
        };
        let (row, mut problems) = read_row(&cell);
        if let Some(row) = row {
            let mut keep = true;
            for (earlier, &line) in import.table.rows.iter().zip(&lines) {
                if !same_name(&earlier.authority, &row.authority) || earlier.period != row.period {
                    continue;
                }
                if same_name(&earlier.group, &row.group) {
                    problems.push(
                        Problem::error(format!(
                            "{} {} in the group '{}' is already given on line {line}; keep one row",
                            row.authority, row.period, row.group
                        ))
                        .line(record.line)
                        .field(COMPARATOR_COLUMNS[AUTHORITY]),
                    );
                    keep = false;
                    break;
                }
                for (column, before, now) in [(A1, earlier.a1, row.a1), (A2, earlier.a2, row.a2)] {
                    if before != now {
                        problems.push(
                            Problem::warning(format!(
                                "{} {} has {} {} on line {line} but {} here; the estimated rank \
                                 uses the first",
                                row.authority,
                                row.period,
                                COMPARATOR_COLUMNS[column],
                                show(before),
                                show(now)
                            ))
                            .line(cell(column).1)
                            .field(COMPARATOR_COLUMNS[column]),
                        );
                    }
                }
            }
            if keep {
                import.table.rows.push(row);
                lines.push(record.line);
            }
        }
        import.problems.extend(problems);
    }
    Ok(import)
}

/// Writes `table` as CSV with the columns of [`COMPARATOR_COLUMNS`], CRLF line ends, missing
/// figures as empty cells; [`read_comparators`] reads it back to the same table.
pub fn write_comparators(table: &ComparatorTable) -> String {
    let mut out = String::new();
    write_row(&mut out, COMPARATOR_COLUMNS.iter().map(|c| c.to_string()));
    for row in &table.rows {
        let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        write_row(
            &mut out,
            [
                row.authority.clone(),
                row.group.clone(),
                row.period.to_string(),
                number(row.a1),
                number(row.a2),
                row.rank.map(|r| r.to_string()).unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

/// One row as a comparator row (none when a cell is in error) and its problems.
fn read_row<'t>(cell: &dyn Fn(usize) -> (&'t str, usize)) -> (Option<ComparatorRow>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut bad = |column: usize, line: usize, message: String| {
        problems.push(
            Problem::error(message)
                .line(line)
                .field(COMPARATOR_COLUMNS[column]),
        );
    };
    let (authority, line) = cell(AUTHORITY);
    let authority = authority.trim();
    if authority.is_empty() {
        bad(AUTHORITY, line, "the authority is empty".to_string());
    }
    let group = cell(GROUP).0.trim();
    let (period_text, line) = cell(PERIOD);
    let period = RollingPeriod::parse(period_text);
    if period.is_none() {
        let message = if period_text.trim().is_empty() {
            "the period is empty; write it like 2011-14".to_string()
        } else {
            format!(
                "'{}' is not a three-year period; write it like 2011-14",
                period_text.trim()
            )
        };
        bad(PERIOD, line, message);
    }
    let mut days = |column: usize| -> Result<Option<f64>, ()> {
        let (text, line) = cell(column);
        read_days(text).map_err(|message| bad(column, line, message))
    };
    let a1 = days(A1);
    let a2 = days(A2);
    let (rank_text, line) = cell(RANK);
    let rank = read_rank(rank_text).map_err(|message| bad(RANK, line, message));
    match (period, a1, a2, rank) {
        (Some(period), Ok(a1), Ok(a2), Ok(rank)) if !authority.is_empty() => {
            if a1.is_none() && a2.is_none() {
                problems.push(
                    Problem::warning("neither a1 nor a2 is given; the row shows no figures")
                        .line(cell(A1).1)
                        .field(COMPARATOR_COLUMNS[A1]),
                );
            }
            let row = ComparatorRow {
                authority: authority.to_string(),
                group: group.to_string(),
                period,
                a1,
                a2,
                rank,
            };
            (Some(row), problems)
        }
        _ => (None, problems),
    }
}

/// A figure in days: empty, or "x", "c", ".." or "-" as published tables mark figures that
/// are suppressed or not available, is missing.
fn read_days(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() || matches!(text, "x" | "X" | "c" | "C" | ".." | "-") {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(days) if days.is_finite() && days >= 0.0 => Ok(Some(days)),
        _ => Err(format!(
            "'{text}' is not a number of days; leave the cell empty (or write x) when the \
             figure is not published"
        )),
    }
}

/// A published rank: a whole number from 1, also written as people say it ("64th"), or empty.
fn read_rank(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| {
            let cut = text.len().checked_sub(suffix.len())?;
            let (digits, end) = (text.get(..cut)?, text.get(cut..)?);
            end.eq_ignore_ascii_case(suffix).then_some(digits)
        })
        .unwrap_or(text);
    match number.parse::<u32>() {
        Ok(rank) if rank >= 1 => Ok(Some(rank)),
        _ => Err(format!(
            "'{text}' is not a rank; write a whole number from 1 (the fastest), or leave it empty"
        )),
    }
}

fn show(value: Option<f64>) -> String {
    value.map_or_else(|| "no figure".to_string(), |v| v.to_string())
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorKind, Severity};

    fn p(text: &str) -> RollingPeriod {
        RollingPeriod::parse(text).unwrap()
    }

    #[test]
    fn columns_in_any_order_and_spelling_with_a_bom_quotes_and_missing_cells() {
        let text = "\u{feff}Rank, A 1,Authority,PERIOD,a_2,Group\r\n\
                    64th,593,Sheffield,2011-14,271,Core cities\r\n\
                    ,704,\"Kingston upon Hull, City of\",2011/14,x,\"Yorkshire and the Humber\"\r\n\
                    \r\n\
                    ,,Bedford,2008-2011,,Statistical neighbours\r\n";
        let import = read_comparators(text).unwrap();
        assert_eq!(import.rows_read, 3);
        let rows = &import.table.rows;
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            ComparatorRow {
                authority: "Sheffield".into(),
                group: "Core cities".into(),
                period: p("2011-14"),
                a1: Some(593.0),
                a2: Some(271.0),
                rank: Some(64),
            }
        );
        assert_eq!(rows[1].authority, "Kingston upon Hull, City of");
        assert_eq!(
            (rows[1].a1, rows[1].a2, rows[1].rank),
            (Some(704.0), None, None)
        );
        assert_eq!(rows[2].period, p("2008-11"));
        // Bedford has no figure at all: kept, with a warning on line 5 (the blank line 4
        // still counts as a line).
        assert_eq!(import.problems.len(), 1);
        assert_eq!(import.problems[0].severity, Severity::Warning);
        assert_eq!(import.problems[0].line, Some(5));
    }

    #[test]
    fn bad_cells_name_their_line_and_column_and_the_row_is_left_out() {
        let text = "authority,group,period,a1,a2,rank\n\
                    Leeds,Core cities,2011-13,564,239,49\n\
                    York,Yorkshire and the Humber,2011-14,fast,217,0\n\
                    ,Averages,2011-14,628,217,\n\
                    Derby,\"Statistical\nneighbours\",2011-14,721,-3,124\n";
        let import = read_comparators(text).unwrap();
        assert!(import.table.rows.is_empty());
        let found: Vec<(Option<usize>, Option<&str>)> = import
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                (Some(2), Some("period")),
                (Some(3), Some("a1")),
                (Some(3), Some("rank")),
                (Some(4), Some("authority")),
                // The quoted group spans lines 5 and 6; a2 is on line 6.
                (Some(6), Some("a2")),
            ]
        );
        assert_eq!(
            import.problems[0].to_string(),
            "line 2, period: '2011-13' is not a three-year period; write it like 2011-14"
        );
        assert!(import.problems.iter().all(|p| p.is_error()));
    }

    #[test]
    fn a_repeated_row_is_an_error_and_a_contradicting_group_a_warning() {
        let text = "authority,group,period,a1,a2,rank\n\
                    Leeds,Core cities,2011-14,564,239,49\n\
                    leeds ,Core Cities,2011-14,564,239,49\n\
                    Leeds,Statistical neighbours,2011-14,570,239,49\n";
        let import = read_comparators(text).unwrap();
        assert_eq!(import.table.rows.len(), 2);
        assert_eq!(import.problems.len(), 2);
        assert!(import.problems[0].is_error());
        assert_eq!(import.problems[0].line, Some(3));
        assert!(import.problems[0]
            .message
            .contains("already given on line 2"));
        assert!(!import.problems[1].is_error());
        assert_eq!(import.problems[1].field.as_deref(), Some("a1"));
        assert!(import.problems[1]
            .message
            .contains("a1 564 on line 2 but 570 here"));
    }

    #[test]
    fn whole_file_failures_say_why() {
        let empty = read_comparators("\n\n").unwrap_err();
        assert_eq!(empty.kind(), ErrorKind::MissingHeader);
        let no_rank =
            read_comparators("authority,group,period,a1,a2\nLeeds,x,2011-14,1,2\n").unwrap_err();
        assert_eq!(no_rank.kind(), ErrorKind::MissingColumn);
        assert_eq!(no_rank.line(), Some(1));
        assert!(no_rank.to_string().contains("no rank column"));
        let semicolons = read_comparators("authority;group;period;a1;a2;rank\n").unwrap_err();
        assert_eq!(semicolons.kind(), ErrorKind::WrongDelimiter);
        let data_first = read_comparators("Leeds,Core cities,2011-14,564,239,49\n").unwrap_err();
        assert_eq!(data_first.kind(), ErrorKind::MissingHeader);
        let twice = read_comparators("a1,authority,group,period,A1,a2,rank\n").unwrap_err();
        assert_eq!(twice.kind(), ErrorKind::Malformed);
        let open = read_comparators("authority,group,period,a1,a2,rank\n\"Leeds,x\n").unwrap_err();
        assert_eq!((open.kind(), open.line()), (ErrorKind::Malformed, Some(2)));
    }

    #[test]
    fn the_seed_table_survives_a_round_trip() {
        let seed = ComparatorTable::sheffield_2015();
        let text = write_comparators(&seed);
        assert!(text.starts_with("authority,group,period,a1,a2,rank\r\n"));
        assert!(text.contains(
            "\"Kingston upon Hull, City of\",Yorkshire and the Humber,2011-14,704,336,118\r\n"
        ));
        assert!(text.contains("Bedford,Statistical neighbours,2008-11,536,,\r\n"));
        let back = read_comparators(&text).unwrap();
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.table, seed);
    }

    proptest::proptest! {
        /// Whatever text is imported, the reader answers without panicking, and every
        /// problem it reports names a line within the file and a column of the format.
        #[test]
        fn any_text_is_answered_not_panicked_on(
            body in "[a-z0-9,\"\r\n x.-]{0,200}",
            bom in proptest::bool::ANY,
        ) {
            let text = format!(
                "{}authority,group,period,a1,a2,rank\n{body}",
                if bom { "\u{feff}" } else { "" }
            );
            if let Ok(import) = read_comparators(&text) {
                let lines = text.split(['\n', '\r']).count();
                for problem in &import.problems {
                    let line = problem.line.unwrap_or(0);
                    proptest::prop_assert!(line >= 2 && line <= lines, "{problem}");
                    let field = problem.field.as_deref().unwrap_or("");
                    proptest::prop_assert!(COMPARATOR_COLUMNS.contains(&field), "{problem}");
                }
            }
        }
    }

    #[test]
    fn ranks_are_whole_numbers_from_one() {
        assert_eq!(read_rank("1st"), Ok(Some(1)));
        assert_eq!(read_rank("122ND"), Ok(Some(122)));
        assert_eq!(read_rank(" 64 "), Ok(Some(64)));
        assert_eq!(read_rank(""), Ok(None));
        for bad in ["0", "th", "-3", "4.5", "first", "64 th"] {
            assert!(read_rank(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_shipped_file_reads_without_a_problem() {
        let import = read_comparators(super::super::SHEFFIELD_2015).unwrap();
        assert!(import.problems.is_empty(), "{:?}", import.problems);
        assert!(import.unknown_columns.is_empty());
        assert_eq!(import.rows_read, 148);
    }
}
