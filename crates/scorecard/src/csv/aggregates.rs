//! Yearly aggregates to and from CSV: one row per financial year with no child-level data.

use super::cell::{read_count, read_days};
use super::header::{header_row, map_columns};
use super::tokenize::{tokenize, Row};
use super::write_row;
use crate::dates::FinancialYear;
use crate::error::{Error, Problem};
use crate::record::YearAggregate;
use crate::validate::validate_aggregate;
use std::collections::{BTreeMap, BTreeSet};

/// What an import of yearly aggregates found, for the preview shown before anything changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AggregateImport {
    /// The years read, each with the physical line of its row (the header is line 1).
    pub records: Vec<(usize, YearAggregate)>,
    /// Every problem, in line order, each naming its line and column.
    pub problems: Vec<Problem>,
    /// The rows of data in the file, not counting the header and blank lines.
    pub rows_read: usize,
    /// How many of those rows have at least one problem (error or warning).
    pub rows_with_problems: usize,
    /// Header names that are not part of the format; their cells are ignored.
    pub unknown_columns: Vec<String>,
}

/// The columns of the aggregate format, in the order they are written.
const COLUMNS: [&str; 7] = [
    "year",
    "adopted",
    "a1_average_days",
    "a2_children",
    "a2_average_days",
    "a3_under_14_months",
    "a10_average_days",
];

const REQUIRED: [&str; 4] = ["year", "adopted", "a1_average_days", "a2_children"];

const EXAMPLE: &str = "year, adopted, a1_average_days, a2_children, a2_average_days";

/// Reads yearly aggregates from CSV text: `year` written like 2013-14, the counts as whole
/// numbers and the averages in days. `a2_average_days`, `a3_under_14_months` and
/// `a10_average_days` may be empty; an empty A3 count is read as 0 with a warning.
///
/// Fails as [`crate::csv::read_children`] does when the file as a whole cannot be read;
/// everything wrong within a row is a [`Problem`] in the result.
pub fn read_aggregates(text: &str) -> Result<AggregateImport, Error> {
    let rows = tokenize(text)?;
    let header_at = header_row(&rows, EXAMPLE)?;
    let columns = map_columns(&rows[header_at], &COLUMNS, &REQUIRED, EXAMPLE)?;
    let mut import = AggregateImport {
        unknown_columns: columns.unknown,
        ..AggregateImport::default()
    };
    let mut lines_with_problems = BTreeSet::new();
    let mut first_line_of_year: BTreeMap<FinancialYear, usize> = BTreeMap::new();
    for row in rows[header_at + 1..].iter().filter(|r| !r.is_blank()) {
        import.rows_read += 1;
        let (aggregate, mut problems) = read_row(row, &columns.index);
        if let Some(aggregate) = aggregate {
            problems.extend(
                validate_aggregate(&aggregate)
                    .into_iter()
                    .map(|p| p.line(row.line)),
            );
            match first_line_of_year.get(&aggregate.year) {
                Some(first) => problems.push(
                    Problem::error(format!(
                        "{} is already given on line {first}; keep one row per year",
                        aggregate.year
                    ))
                    .line(row.line)
                    .field("year"),
                ),
                None => {
                    first_line_of_year.insert(aggregate.year, row.line);
                }
            }
            import.records.push((row.line, aggregate));
        }
        if !problems.is_empty() {
            lines_with_problems.insert(row.line);
        }
        import.problems.extend(problems);
    }
    import.rows_with_problems = lines_with_problems.len();
    Ok(import)
}

/// One row as an aggregate (none when a cell cannot be read) and the row's problems.
fn read_row(row: &Row, index: &[Option<usize>]) -> (Option<YearAggregate>, Vec<Problem>) {
    let text = |column: usize| -> (&str, usize) {
        match index[column].and_then(|i| row.cells.get(i)) {
            Some(cell) => (cell.text.as_str(), cell.line),
            None => ("", row.line),
        }
    };
    let mut problems = Vec::new();
    let mut bad = |column: usize, line: usize, message: String| {
        problems.push(Problem::error(message).line(line).field(COLUMNS[column]));
    };
    let (year_text, year_line) = text(0);
    let year = FinancialYear::parse(year_text);
    if year.is_none() {
        let message = if year_text.trim().is_empty() {
            "the year is empty; write it like 2013-14".to_string()
        } else {
            format!(
                "'{}' is not a financial year; write it like 2013-14",
                year_text.trim()
            )
        };
        bad(0, year_line, message);
    }
    let mut count = |column: usize, required: bool| -> Option<u32> {
        let (cell, line) = text(column);
        match read_count(cell) {
            Ok(Some(n)) => Some(n),
            Ok(None) if !required => Some(0),
            Ok(None) => {
                bad(column, line, format!("{} is empty", COLUMNS[column]));
                None
            }
            Err(message) => {
                bad(column, line, message);
                None
            }
        }
    };
    let adopted = count(1, true);
    let a2_children = count(3, true);
    let a3 = count(5, false);
    let mut days = |column: usize, required: bool| -> Option<Option<f64>> {
        let (cell, line) = text(column);
        match read_days(cell) {
            Ok(None) if required => {
                bad(column, line, format!("{} is empty", COLUMNS[column]));
                None
            }
            Ok(value) => Some(value),
            Err(message) => {
                bad(column, line, message);
                None
            }
        }
    };
    let a1 = days(2, true).flatten();
    let a2_average = days(4, false);
    let a10 = days(6, false);
    let (Some(year), Some(adopted), Some(a2_children), Some(a3), Some(a1), Some(a2), Some(a10)) =
        (year, adopted, a2_children, a3, a1, a2_average, a10)
    else {
        return (None, problems);
    };
    if text(5).0.trim().is_empty() {
        problems.push(
            Problem::warning(format!(
                "in {year}, the number placed within 14 months is empty and is read as 0, \
                 which lowers A3 for every period including {year}"
            ))
            .line(row.line)
            .field("a3_under_14_months"),
        );
    }
    let aggregate = YearAggregate {
        authority: 0,
        year,
        adopted,
        a1_average_days: a1,
        a2_children,
        a2_average_days: a2,
        a3_under_14_months: a3,
        a10_average_days: a10,
    };
    (Some(aggregate), problems)
}

/// Writes yearly aggregates as CSV in the import format; reading the text back gives the
/// same figures (averages are written with every digit they have).
pub fn write_aggregates(aggregates: &[YearAggregate]) -> String {
    let mut out = String::new();
    write_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    let optional = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    for a in aggregates {
        let cells = [
            a.year.to_string(),
            a.adopted.to_string(),
            a.a1_average_days.to_string(),
            a.a2_children.to_string(),
            optional(a.a2_average_days),
            a.a3_under_14_months.to_string(),
            optional(a.a10_average_days),
        ];
        write_row(&mut out, cells.into_iter());
    }
    out
}
