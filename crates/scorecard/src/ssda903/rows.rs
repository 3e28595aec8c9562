//! The rows the journey reads, from a CSV table of the return: each keeps the file and line
//! it came from, so that every problem can name them. A row with a cell that cannot be read
//! is left out and reported, never half-read.

use super::fields::FieldReader;
use super::tables::{code, locate, recognise, what_else, TableKind};
use crate::csv::tokenize::{tokenize, Row};
use crate::error::Problem;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// Where a row came from: the file's position among those read, and its line (the header is
/// line 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Source {
    pub file: usize,
    pub line: usize,
}

/// One row of the Episodes table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Episode {
    pub child: String,
    pub decom: NaiveDate,
    pub rne: String,
    pub ls: String,
    pub place: String,
    pub dec: Option<NaiveDate>,
    pub rec: String,
    pub at: Source,
}

/// One row of the AD1 table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Adopted {
    pub child: String,
    pub date_int: Option<NaiveDate>,
    pub date_match: Option<NaiveDate>,
    pub foster_care: Option<bool>,
    pub at: Source,
}

/// One row of the PlacedAdoption table: a decision that the child should be placed for
/// adoption, and its reversal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decision {
    pub child: String,
    pub date_placed: NaiveDate,
    pub ceased: Option<NaiveDate>,
    pub reason: String,
    pub at: Source,
}

/// One row of the Header table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Listed {
    pub child: String,
    pub at: Source,
}

/// The rows of the four tables read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Rows {
    pub header: Vec<Listed>,
    pub episodes: Vec<Episode>,
    pub adopted: Vec<Adopted>,
    pub decisions: Vec<Decision>,
}

impl Rows {
    pub fn extend(&mut self, other: Rows) {
        self.header.extend(other.header);
        self.episodes.extend(other.episodes);
        self.adopted.extend(other.adopted);
        self.decisions.extend(other.decisions);
    }

    /// The latest date any row gives: it falls in the year of the return the file is.
    pub fn latest(&self) -> Option<NaiveDate> {
        let episodes = self.episodes.iter().flat_map(|e| [Some(e.decom), e.dec]);
        let adopted = self.adopted.iter().flat_map(|a| [a.date_int, a.date_match]);
        let decisions = self
            .decisions
            .iter()
            .flat_map(|d| [Some(d.date_placed), d.ceased]);
        episodes.chain(adopted).chain(decisions).flatten().max()
    }
}

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A table the scorecard reads.
    Table(TableKind),
    /// A table of the return the scorecard does not use.
    SetAside(TableKind),
    /// The whole return as one XML file.
    Xml,
    /// Not a table of the return (or one that cannot be read): why, in words.
    NotRead(String),
}

/// One file read: what it is, its rows and its problems.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileRead {
    pub found: Option<Found>,
    pub rows: Rows,
    pub problems: Vec<Problem>,
    pub rows_read: usize,
    pub lines_with_problems: BTreeSet<usize>,
}

impl FileRead {
    /// Records a problem of `line` (0 for the file as a whole).
    pub fn problem(&mut self, line: usize, problem: Problem) {
        if line > 0 {
            self.lines_with_problems.insert(line);
        }
        self.problems.push(problem);
    }
}

/// Reads one CSV file of the return (`file` is its position among the files, `name` its name).
pub(crate) fn read_csv(file: usize, name: &str, text: &str) -> FileRead {
    let mut read = FileRead::default();
    let not_read = |read: &mut FileRead, line: usize, why: String| {
        read.found = Some(Found::NotRead(why.clone()));
        let p = Problem::error(format!("this file is not read: {why}")).file(name);
        read.problem(0, if line > 0 { p.line(line) } else { p });
    };
    let rows = match tokenize(text) {
        Ok(rows) => rows,
        Err(e) => {
            not_read(&mut read, e.line().unwrap_or(0), e.to_string());
            return read;
        }
    };
    let Some(header_at) = rows.iter().position(|r| !r.is_blank()) else {
        not_read(&mut read, 0, "the file is empty".to_string());
        return read;
    };
    let header: Vec<String> = rows[header_at]
        .cells
        .iter()
        .map(|c| c.text.clone())
        .collect();
    let header_line = rows[header_at].line;
    let Some(kind) = recognise(&header) else {
        not_read(&mut read, header_line, what_else(&header));
        return read;
    };
    let data: Vec<&Row> = rows[header_at + 1..]
        .iter()
        .filter(|r| !r.is_blank())
        .collect();
    read.rows_read = data.len();
    if !kind.is_read() {
        read.found = Some(Found::SetAside(kind));
        return read;
    }
    let index = match locate(kind, &header) {
        Ok(index) => index,
        Err(why) => {
            not_read(&mut read, header_line, why);
            return read;
        }
    };
    read.found = Some(Found::Table(kind));
    for row in data {
        let cells = Cells {
            kind,
            row,
            index: &index,
            header_len: header.len(),
            file: file_source(file, row.line),
            name,
        };
        let (rows, problems) = cells.read();
        read.rows.extend(rows);
        for p in problems {
            read.problem(row.line, p);
        }
    }
    read
}

fn file_source(file: usize, line: usize) -> Source {
    Source { file, line }
}

/// One data row with the header's map of its columns.
struct Cells<'a> {
    kind: TableKind,
    row: &'a Row,
    index: &'a [Option<usize>],
    header_len: usize,
    file: Source,
    name: &'a str,
}

impl Cells<'_> {
    fn text(&self, column: &str) -> &str {
        self.kind
            .columns()
            .iter()
            .position(|c| *c == column)
            .and_then(|at| self.index[at])
            .and_then(|i| self.row.cells.get(i))
            .map_or("", |c| c.text.as_str())
    }

    fn read(&self) -> (Rows, Vec<Problem>) {
        let mut fields = FieldReader::new(self.name, self.row.line, self.text("CHILD").trim());
        let extra = self
            .row
            .cells
            .iter()
            .skip(self.header_len)
            .any(|c| !c.text.trim().is_empty());
        if extra {
            fields.fail(
                None,
                format!(
                    "the row has {} cells but the header has {}; a value containing a comma \
                     needs quotes around it. The row is left out",
                    self.row.cells.len(),
                    self.header_len
                ),
            );
        }
        let mut rows = Rows::default();
        let child = fields.child();
        let at = self.file;
        match self.kind {
            TableKind::Header => rows.header.push(Listed { child, at }),
            TableKind::Episodes => {
                let decom = fields.required_date("DECOM", self.text("DECOM"), "the episode");
                let dec = fields.date("DEC", self.text("DEC"), "the episode");
                if let Some(decom) = decom {
                    rows.episodes.push(Episode {
                        child,
                        decom,
                        rne: code(self.text("RNE")),
                        ls: code(self.text("LS")),
                        place: code(self.text("PLACE")),
                        dec,
                        rec: code(self.text("REC")),
                        at,
                    });
                }
            }
            TableKind::Ad1 => {
                let date_int = fields.date("DATE_INT", self.text("DATE_INT"), "the AD1 row");
                let date_match = fields.date("DATE_MATCH", self.text("DATE_MATCH"), "the AD1 row");
                let foster_care = fields.flag("FOSTER_CARE", self.text("FOSTER_CARE"));
                rows.adopted.push(Adopted {
                    child,
                    date_int,
                    date_match,
                    foster_care,
                    at,
                });
            }
            TableKind::PlacedAdoption => {
                let what = "the decision";
                let date_placed =
                    fields.required_date("DATE_PLACED", self.text("DATE_PLACED"), what);
                let ceased =
                    fields.date("DATE_PLACED_CEASED", self.text("DATE_PLACED_CEASED"), what);
                if let Some(date_placed) = date_placed {
                    rows.decisions.push(Decision {
                        child,
                        date_placed,
                        ceased,
                        reason: code(self.text("REASON_PLACED_CEASED")),
                        at,
                    });
                }
            }
            _ => {}
        }
        fields.finish(rows)
    }
}
