//! The SSDA903 return as a way in: the yearly return on looked-after children every English
//! authority sends the DfE, from which the DfE computes the adoption scorecard itself.
//!
//! [`read_return`] takes the files of one or several years at once (the CSV tables in any
//! order, recognised by their header row, or the XML return), merges the years, and turns each
//! child with a sign of adoption into a [`ChildRecord`] by the rules of [`journey`]. Every
//! problem names its file, line, child and field, in the manner of the DfE's validator, and
//! says what was done about it. Nothing here panics on any input.
//!
//! ```
//! let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
//!     C1,01/01/2014,S,C2,N1,U3,PR1,01/07/2014,X1,,,,\n\
//!     C1,01/07/2014,L,E1,N1,U3,PR1,01/12/2014,X1,,,,\n\
//!     C1,01/12/2014,P,E1,N1,A6,PR1,02/03/2015,E11,,,,\n";
//! let ad1 = "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
//!     C1,01/01/2013,01/04/2014,01/10/2014,0,2,MF,L0\n";
//! let files = [("episodes.csv".to_string(), episodes.to_string()), ("ad1.csv".to_string(), ad1.to_string())];
//! let read = scorecard::ssda903::read_return(&files);
//! let child = &read.records[0];
//! assert_eq!(child.entered_care.to_string(), "2014-01-01");
//! assert_eq!(child.placement_order.unwrap().to_string(), "2014-07-01");
//! assert_eq!(child.matched.unwrap().to_string(), "2014-10-01");
//! assert_eq!(child.placed.unwrap().to_string(), "2014-12-01");
//! assert_eq!(child.adoption_order.unwrap().to_string(), "2015-03-02");
//! assert!(read.problems.is_empty());
//! ```

mod care;
mod fields;
mod journey;
mod merge;
mod rows;
mod tables;
mod versions;
mod xml;

pub use merge::merge_return;
pub use rows::Found;
pub use tables::TableKind;

use crate::dates::FinancialYear;
use crate::error::Problem;
use crate::merge::child_key;
use crate::record::ChildRecord;
use journey::{journey, ChildRows, Outcome};
use rows::{FileRead, Rows};
use std::collections::{BTreeSet, HashMap};
use versions::{merge, Files};

/// What one file turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file's name.
    pub name: String,
    /// The table it is, set aside, the XML return, or why it was not read.
    pub found: Found,
    /// The year of the return it is read as: the financial year of its latest date (a return
    /// holds nothing after its year's end).
    pub year: Option<FinancialYear>,
    /// Rows of data (or, in the XML return, children, episodes and decisions).
    pub rows: usize,
}

impl FileReport {
    /// The file in one line, for the preview: "episodes.csv: the Episodes table (episodes of
    /// care), read as the 2016-17 return, 1204 rows".
    pub fn describe(&self) -> String {
        let year = self
            .year
            .map(|y| format!(", read as the {y} return"))
            .unwrap_or_default();
        let rows = match self.rows {
            1 => "1 row".to_string(),
            n => format!("{n} rows"),
        };
        match &self.found {
            Found::Table(kind) => format!(
                "{}: the {} table ({}){year}, {rows}",
                self.name,
                kind.name(),
                kind.description()
            ),
            Found::SetAside(kind) => format!(
                "{}: the {} table ({}), set aside: no scorecard figure uses it",
                self.name,
                kind.name(),
                kind.description()
            ),
            Found::Xml => format!("{}: the XML return{year}, {rows}", self.name),
            Found::NotRead(why) => format!("{}: not read: {why}", self.name),
        }
    }
}

/// What the files of a return hold, for the preview shown before anything changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReturnImport {
    /// One record per child taken (a child with a sign of adoption), in the order the
    /// children first appear in the files.
    pub records: Vec<ChildRecord>,
    /// Every problem, by file and line, each naming the child and the field and what was done.
    pub problems: Vec<Problem>,
    /// What each file is, in the order given.
    pub files: Vec<FileReport>,
    /// Rows of data in the files read (set-aside tables included).
    pub rows_read: usize,
    /// Rows with at least one problem.
    pub rows_with_problems: usize,
    /// Children in the files (by reference, capitals ignored).
    pub children_found: usize,
    /// Children with no sign of adoption: counted, and left out.
    pub without_adoption: usize,
    /// Children with a sign of adoption that cannot be brought in (a problem says why).
    pub left_out: usize,
    /// Episodes open at one return's year end and ended in a later return: the ended version
    /// is used.
    pub episodes_ended_later: usize,
    /// Decisions to place for adoption standing in one return and ceased in a later one.
    pub decisions_ended_later: usize,
}

impl ReturnImport {
    /// What the preview says besides the problems: each file, how the years were merged, and
    /// the children counted and left out.
    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self.files.iter().map(FileReport::describe).collect();
        if self.episodes_ended_later > 0 {
            notes.push(format!(
                "{} open at the end of one return's year and ended in a later return: the \
                 version with the end date is used.",
                count(self.episodes_ended_later, "episode was", "episodes were")
            ));
        }
        if self.decisions_ended_later > 0 {
            notes.push(format!(
                "{} to place for adoption standing in one return ceased in a later one: the \
                 version with the ceased date is used.",
                count(self.decisions_ended_later, "decision", "decisions")
            ));
        }
        notes.push(format!(
            "{} in the files: {} with a sign of adoption, {} without (left out: no PlacedAdoption \
             or AD1 row, no legal status E1 or D1, no placement A3-A6, no adoption E11 or E12){}.",
            count(self.children_found, "child", "children"),
            self.records.len() + self.left_out,
            self.without_adoption,
            if self.left_out > 0 {
                format!(
                    "; {} with a sign of adoption cannot be brought in (see the problems)",
                    self.left_out
                )
            } else {
                String::new()
            }
        ));
        notes
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Reads the files of one or several years' returns (name and text of each).
pub fn read_return(files: &[(String, String)]) -> ReturnImport {
    let reads: Vec<FileRead> = files
        .iter()
        .enumerate()
        .map(|(i, (name, text))| {
            if xml::looks_like_xml(text) {
                xml::read_xml(i, name, text)
            } else {
                rows::read_csv(i, name, text)
            }
        })
        .collect();
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let years: Vec<Option<FinancialYear>> = reads
        .iter()
        .map(|r| r.rows.latest().map(FinancialYear::containing))
        .collect();
    let mut import = ReturnImport::default();
    let mut all = Rows::default();
    let mut problem_lines: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, read) in reads.into_iter().enumerate() {
        import.rows_read += read.rows_read;
        problem_lines.extend(read.lines_with_problems.iter().map(|&l| (i, l)));
        import.problems.extend(read.problems);
        let found = read
            .found
            .unwrap_or_else(|| Found::NotRead("nothing in it could be read".to_string()));
        let year = match found {
            Found::Table(_) | Found::Xml => years[i],
            _ => None,
        };
        import.files.push(FileReport {
            name: names[i].clone(),
            found,
            year,
            rows: read.rows_read,
        });
        all.extend(read.rows);
    }
    let known = Files {
        names: &names,
        years: &years,
    };
    let episodes = merge(all.episodes, &known);
    let adopted = merge(all.adopted, &known);
    let decisions = merge(all.decisions, &known);
    import.episodes_ended_later = episodes.ended_later;
    import.decisions_ended_later = decisions.ended_later;
    let mut problems: Vec<Problem> = episodes.problems;
    problems.extend(adopted.problems);
    problems.extend(decisions.problems);
    let (episodes, adopted, decisions) = (episodes.kept, adopted.kept, decisions.kept);

    // Children in the order they first appear: file, then line.
    let mut first_seen: HashMap<String, (rows::Source, String)> = HashMap::new();
    let mut see = |child: &str, at: rows::Source| {
        if let Some(key) = child_key(child) {
            let entry = first_seen
                .entry(key)
                .or_insert((at, child.trim().to_string()));
            if at < entry.0 {
                *entry = (at, child.trim().to_string());
            }
        }
    };
    all.header.iter().for_each(|r| see(&r.child, r.at));
    episodes.iter().for_each(|r| see(&r.child, r.at));
    adopted.iter().for_each(|r| see(&r.child, r.at));
    decisions.iter().for_each(|r| see(&r.child, r.at));
    let mut children: Vec<(String, rows::Source, String)> = first_seen
        .into_iter()
        .map(|(key, (at, id))| (key, at, id))
        .collect();
    crate::sorting::sort_by_key(&mut children, |c| c.1);
    let position: HashMap<&str, usize> = children
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0.as_str(), i))
        .collect();
    let mut grouped: Vec<ChildRows> = children
        .iter()
        .map(|c| ChildRows {
            id: c.2.clone(),
            episodes: Vec::new(),
            adopted: None,
            decisions: Vec::new(),
        })
        .collect();
    let slot = |child: &str| child_key(child).and_then(|k| position.get(k.as_str()).copied());
    for e in &episodes {
        if let Some(i) = slot(&e.child) {
            grouped[i].episodes.push(e);
        }
    }
    for a in &adopted {
        if let Some(i) = slot(&a.child) {
            grouped[i].adopted = Some(a);
        }
    }
    for d in &decisions {
        if let Some(i) = slot(&d.child) {
            grouped[i].decisions.push(d);
        }
    }
    import.children_found = grouped.len();
    for mut child in grouped {
        crate::sorting::sort_by_key(&mut child.episodes, |e| e.decom);
        if !child.has_adoption_signal() {
            import.without_adoption += 1;
            continue;
        }
        match journey(&child, &known) {
            Outcome::Taken(record, found) => {
                import.records.push(record);
                problems.extend(found);
            }
            Outcome::LeftOut(found) => {
                import.left_out += 1;
                problems.extend(found);
            }
        }
    }
    for p in &problems {
        if let (Some(file), Some(line)) = (p.file.as_deref(), p.line) {
            if let Some(i) = names.iter().position(|n| n == file) {
                problem_lines.insert((i, line));
            }
        }
    }
    import.problems.extend(problems);
    import.rows_with_problems = problem_lines.len();
    // By file (in the order given), then line; problems of a child as a whole last.
    let order = |p: &Problem| {
        let file = p
            .file
            .as_deref()
            .and_then(|f| names.iter().position(|n| n == f))
            .unwrap_or(usize::MAX);
        (file, p.line.unwrap_or(usize::MAX))
    };
    crate::sorting::sort_by_key(&mut import.problems, order);
    import
}
