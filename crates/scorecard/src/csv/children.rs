//! Child records to and from CSV, in the format of the import: one row per child.

use super::cell::{read_date, read_yes_no};
use super::header::{header_row, map_columns};
use super::tokenize::{tokenize, Row};
use super::write_row;
use crate::dates::format_iso;
use crate::error::{Error, Problem};
use crate::record::{ChildRecord, Field};
use crate::validate::child_problems;
use std::collections::BTreeSet;

/// What an import of child records found, for the preview shown before anything changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChildImport {
    /// The records read, each with the physical line its row starts on (the header is line 1).
    /// Rows with a cell that cannot be read are not here; records with validation errors are,
    /// so that they can be corrected after the import (see [`crate::validate::usable`]).
    pub records: Vec<(usize, ChildRecord)>,
    /// Every problem, in line order: cells that cannot be read, then what the validation says
    /// of the records read, each naming its line, child and column.
    pub problems: Vec<Problem>,
    /// The rows of data in the file, not counting the header and blank lines.
    pub rows_read: usize,
    /// How many of those rows have at least one problem (error or warning).
    pub rows_with_problems: usize,
    /// Header names that are not part of the format; their cells are ignored.
    pub unknown_columns: Vec<String>,
    /// The authorities an optional `authority` column names (a regional adoption agency's
    /// file of several authorities), in the order first named, compared without regard to
    /// case. A record's [`ChildRecord::authority`] is 1 for the first of them, 2 for the
    /// second, and 0 where its row names none; case references need only be unique within
    /// one authority.
    pub authorities: Vec<String>,
}

impl ChildImport {
    /// The problems of the row starting on `line`, for showing beside that row in a preview.
    pub fn problems_on(&self, line: usize) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(move |p| p.line == Some(line))
    }

    /// How many problems make a row or a record unusable (errors, not warnings).
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// The columns of the child format, in the order they are written.
const COLUMNS: [&str; 26] = [
    "child_id",
    "entered_care",
    "shobpa_decision",
    "placement_order",
    "matched",
    "placed",
    "foster_carer_adoption",
    "foster_placement_start",
    "adoption_order",
    "left_route",
    "expected_match",
    "expected_placed",
    "expected_adoption_order",
    "plan_adoption",
    "pack_sent",
    "pack_returned",
    "prioritisation_meeting",
    "adoption_medical",
    "child_permanence_report",
    "par_received",
    "par_decision",
    "adopters_visit",
    "annex_a",
    "later_life_letter",
    "ao_application",
    "family_finder",
];

const EXAMPLE: &str = "child_id, entered_care, placement_order, matched, placed, adoption_order";

/// Reads child records from CSV text.
///
/// The file needs a header row; columns may come in any order and their names are matched
/// without regard to case, spaces or underscores. Only `child_id` and `entered_care` are
/// required. Dates are `YYYY-MM-DD` or `DD/MM/YYYY`, empty cells mean "not yet", and
/// `foster_carer_adoption` is yes/no, y/n, true/false or 1/0 (empty is no).
///
/// Fails only when the file as a whole cannot be read: no header
/// ([`crate::ErrorKind::MissingHeader`]), a required column missing (`MissingColumn`), another
/// separator than commas (`WrongDelimiter`) or a quote never closed (`Malformed`), each naming
/// the line. Everything wrong within a row is a [`Problem`] in the result.
///
/// ```
/// let text = "Child ID,Entered care,Placed\nC1,01/02/2014,\nC2,2014-03-01,31/02/2015\n";
/// let import = scorecard::csv::read_children(text).unwrap();
/// assert_eq!(import.rows_read, 2);
/// assert_eq!(import.records.len(), 1);
/// assert_eq!(
///     import.problems[0].to_string(),
///     "line 3, child C2, placed: '31/02/2015' is not a real date; check the day and the \
///      month (dates are read as DD/MM/YYYY or YYYY-MM-DD)"
/// );
/// ```
pub fn read_children(text: &str) -> Result<ChildImport, Error> {
    let rows = tokenize(text)?;
    let header_at = header_row(&rows, EXAMPLE)?;
    let header = &rows[header_at];
    let columns = map_columns(header, &COLUMNS, &["child_id", "entered_care"], EXAMPLE)?;
    let is_authority = |name: &str| super::header::normalize(name) == "authority";
    let authority_at = header.cells.iter().position(|c| is_authority(&c.text));
    let mut import = ChildImport {
        unknown_columns: columns
            .unknown
            .into_iter()
            .filter(|name| !is_authority(name))
            .collect(),
        ..ChildImport::default()
    };
    let mut lines_with_problems = BTreeSet::new();
    for row in rows[header_at + 1..].iter().filter(|r| !r.is_blank()) {
        import.rows_read += 1;
        match read_row(row, &columns.index, header.cells.len()) {
            Ok(mut child) => {
                let named = authority_at
                    .and_then(|at| row.cells.get(at))
                    .map(|c| super::without_formula_guard(c.text.trim().to_string()))
                    .filter(|name| !name.is_empty());
                if let Some(name) = named {
                    let wanted = name.to_lowercase();
                    let found = import
                        .authorities
                        .iter()
                        .position(|a| a.to_lowercase() == wanted);
                    let index = found.unwrap_or_else(|| {
                        import.authorities.push(name);
                        import.authorities.len() - 1
                    });
                    child.authority = u32::try_from(index + 1).unwrap_or(u32::MAX);
                }
                import.records.push((row.line, child))
            }
            Err(problems) => {
                lines_with_problems.insert(row.line);
                import.problems.extend(problems);
            }
        }
    }
    let lines: Vec<usize> = import.records.iter().map(|(line, _)| *line).collect();
    let children: Vec<ChildRecord> = import.records.iter().map(|(_, c)| c.clone()).collect();
    for (index, problem) in child_problems(&children, Some(&lines)) {
        lines_with_problems.insert(lines[index]);
        import.problems.push(problem.line(lines[index]));
    }
    crate::sorting::sort_by_key(&mut import.problems, |p| p.line);
    import.rows_with_problems = lines_with_problems.len();
    Ok(import)
}

/// One row as a record, or every cell that cannot be read (the row is then not imported, so
/// no child is ever half-read).
fn read_row(
    row: &Row,
    index: &[Option<usize>],
    header_len: usize,
) -> Result<ChildRecord, Vec<Problem>> {
    let cell = |field: Field| -> Option<&super::tokenize::Cell> {
        let position = Field::ALL.iter().position(|f| *f == field)?;
        row.cells.get(index[position]?)
    };
    let child_id = cell(Field::ChildId)
        .map(|c| c.text.clone())
        .unwrap_or_default();
    let mut problems = Vec::new();
    let mut problem = |field: Field, line: usize, message: String| {
        let p = Problem::error(message).line(line).field(field.column());
        let id = child_id.trim();
        problems.push(if id.is_empty() { p } else { p.child(id) });
    };
    let mut child = ChildRecord {
        child_id: child_id.clone(),
        ..ChildRecord::default()
    };
    for field in Field::ALL {
        let Some(c) = cell(field) else { continue };
        match field {
            Field::ChildId => {}
            Field::FamilyFinder => child.tracking.family_finder = c.text.trim().to_string(),
            Field::FosterCarerAdoption => match read_yes_no(&c.text) {
                Ok(value) => child.foster_carer_adoption = value,
                Err(message) => problem(field, c.line, message),
            },
            _ => match read_date(&c.text) {
                Ok(value) => child.set_date(field, value),
                Err(message) => problem(field, c.line, message),
            },
        }
    }
    if cell(Field::EnteredCare).is_none_or(|c| c.text.trim().is_empty()) {
        problem(
            Field::EnteredCare,
            row.line,
            "the date the child entered care is empty; every child needs it".to_string(),
        );
    }
    let extra = row
        .cells
        .iter()
        .skip(header_len)
        .filter(|c| !c.text.trim().is_empty());
    if extra.count() > 0 {
        let p = Problem::error(format!(
            "the row has {} cells but the header has {header_len}; a value containing a comma \
             needs quotes around it",
            row.cells.len()
        ))
        .line(row.line);
        problems.push(match child_id.trim() {
            "" => p,
            id => p.child(id),
        });
    }
    if problems.is_empty() {
        Ok(child)
    } else {
        Err(problems)
    }
}

/// Writes child records as CSV in the import format: the header in the documented order, ISO
/// dates, `yes`/`no`, and quotes only where a value needs them. Reading the text back gives
/// the same records.
pub fn write_children(children: &[ChildRecord]) -> String {
    let mut out = String::new();
    write_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for child in children {
        let cells = Field::ALL.iter().map(|&field| match field {
            Field::ChildId => child.child_id.clone(),
            Field::FamilyFinder => child.tracking.family_finder.clone(),
            Field::FosterCarerAdoption => (if child.foster_carer_adoption {
                "yes"
            } else {
                "no"
            })
            .to_string(),
            _ => child.date(field).map(format_iso).unwrap_or_default(),
        });
        write_row(&mut out, cells);
    }
    out
}
