//! Several years' returns merged: one return holds the episodes open during its year, so an
//! episode open across a year end is in two returns, and a decision to place for adoption is
//! in every return while it stands. The same episode (child and start date), the same decision
//! (child and decision date) and the same child's AD1 row, found more than once, are one; where
//! two versions differ, the one with an end date wins, then the one from the later return, then
//! the one given later. An episode open at one year's end and ended in the next return (the
//! earlier version differing only in having no end yet) is the return working as it should:
//! it is counted, and the preview says so in one sentence. Any other difference is reported on
//! the version not used, naming the one used.

use super::rows::{Adopted, Decision, Episode, Source};
use crate::dates::{format_uk, FinancialYear};
use crate::error::Problem;
use crate::merge::child_key;
use std::collections::BTreeMap;

/// What each file is: its name and the year of the return it is (from its latest date).
pub(crate) struct Files<'a> {
    pub names: &'a [String],
    pub years: &'a [Option<FinancialYear>],
}

impl Files<'_> {
    /// "episodes.csv, line 4".
    pub fn place(&self, at: Source) -> String {
        format!("{}, line {}", self.name(at), at.line)
    }

    pub fn name(&self, at: Source) -> &str {
        self.names.get(at.file).map_or("", String::as_str)
    }

    /// The order of returns: the later year, then the file given later, then the later line.
    fn rank(&self, at: Source) -> (Option<FinancialYear>, usize, usize) {
        (self.years.get(at.file).copied().flatten(), at.file, at.line)
    }

    /// A problem located at `at`, for `child`.
    pub fn problem(&self, error: bool, at: Source, child: &str, message: String) -> Problem {
        let p = if error {
            Problem::error(message)
        } else {
            Problem::warning(message)
        };
        p.file(self.name(at)).line(at.line).child(child)
    }
}

/// One kind of row that can come in several versions.
pub(crate) trait Versioned: Clone {
    /// What identifies the row across returns.
    fn key(&self) -> (String, Option<chrono::NaiveDate>);
    /// The columns in which two versions differ.
    fn differences(&self, other: &Self) -> Vec<&'static str>;
    /// Whether this version says how the thing ended (an end date), which makes it win.
    fn has_end(&self) -> bool;
    fn at(&self) -> Source;
    fn child(&self) -> &str;
    /// The thing, in words: "the episode that began on 01/02/2015".
    fn what(&self) -> String;
    /// The word for its end date ("an end date", "a ceased date").
    fn end_words(&self) -> &'static str;
    /// The columns that say how it ended (filled in once it has).
    fn end_columns(&self) -> &'static [&'static str];
    /// Whether this version has none of the end columns filled in (it was still open).
    fn still_open(&self) -> bool;
}

impl Versioned for Episode {
    fn key(&self) -> (String, Option<chrono::NaiveDate>) {
        (child_key(&self.child).unwrap_or_default(), Some(self.decom))
    }
    fn differences(&self, o: &Self) -> Vec<&'static str> {
        let mut d = Vec::new();
        for (name, differs) in [
            ("RNE", self.rne != o.rne),
            ("LS", self.ls != o.ls),
            ("PLACE", self.place != o.place),
            ("DEC", self.dec != o.dec),
            ("REC", self.rec != o.rec),
        ] {
            if differs {
                d.push(name);
            }
        }
        d
    }
    fn has_end(&self) -> bool {
        self.dec.is_some()
    }
    fn at(&self) -> Source {
        self.at
    }
    fn child(&self) -> &str {
        &self.child
    }
    fn what(&self) -> String {
        format!("the episode that began on {}", format_uk(self.decom))
    }
    fn end_words(&self) -> &'static str {
        "an end date (DEC)"
    }
    fn end_columns(&self) -> &'static [&'static str] {
        &["DEC", "REC"]
    }
    fn still_open(&self) -> bool {
        self.dec.is_none() && self.rec.is_empty()
    }
}

impl Versioned for Decision {
    fn key(&self) -> (String, Option<chrono::NaiveDate>) {
        (
            child_key(&self.child).unwrap_or_default(),
            Some(self.date_placed),
        )
    }
    fn differences(&self, o: &Self) -> Vec<&'static str> {
        let mut d = Vec::new();
        if self.ceased != o.ceased {
            d.push("DATE_PLACED_CEASED");
        }
        if self.reason != o.reason {
            d.push("REASON_PLACED_CEASED");
        }
        d
    }
    fn has_end(&self) -> bool {
        self.ceased.is_some()
    }
    fn at(&self) -> Source {
        self.at
    }
    fn child(&self) -> &str {
        &self.child
    }
    fn what(&self) -> String {
        format!(
            "the decision of {} that the child should be placed for adoption",
            format_uk(self.date_placed)
        )
    }
    fn end_words(&self) -> &'static str {
        "a ceased date (DATE_PLACED_CEASED)"
    }
    fn end_columns(&self) -> &'static [&'static str] {
        &["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]
    }
    fn still_open(&self) -> bool {
        self.ceased.is_none() && self.reason.is_empty()
    }
}

impl Versioned for Adopted {
    fn key(&self) -> (String, Option<chrono::NaiveDate>) {
        (child_key(&self.child).unwrap_or_default(), None)
    }
    fn differences(&self, o: &Self) -> Vec<&'static str> {
        let mut d = Vec::new();
        for (name, differs) in [
            ("DATE_INT", self.date_int != o.date_int),
            ("DATE_MATCH", self.date_match != o.date_match),
            ("FOSTER_CARE", self.foster_care != o.foster_care),
        ] {
            if differs {
                d.push(name);
            }
        }
        d
    }
    // AD1 has no end date: of two versions, the later return's is used.
    fn has_end(&self) -> bool {
        false
    }
    fn at(&self) -> Source {
        self.at
    }
    fn child(&self) -> &str {
        &self.child
    }
    fn what(&self) -> String {
        "the child's AD1 row".to_string()
    }
    fn end_words(&self) -> &'static str {
        ""
    }
    fn end_columns(&self) -> &'static [&'static str] {
        &[]
    }
    fn still_open(&self) -> bool {
        false
    }
}

/// What merging the versions of one kind of row found.
pub(crate) struct Merged<T> {
    /// One row per key.
    pub kept: Vec<T>,
    /// The versions not used that differ otherwise than by having ended, one warning each.
    pub problems: Vec<Problem>,
    /// How many still-open versions were replaced by the ended version of a later return.
    pub ended_later: usize,
}

/// One row for each key: identical copies are one, and of differing versions the winner is
/// kept and each other version reported (a warning naming the version used and why), unless
/// it was only the same thing still open.
pub(crate) fn merge<T: Versioned>(rows: Vec<T>, files: &Files) -> Merged<T> {
    let mut groups: BTreeMap<(String, Option<chrono::NaiveDate>), Vec<T>> = BTreeMap::new();
    for row in rows {
        groups.entry(row.key()).or_default().push(row);
    }
    let mut kept = Vec::with_capacity(groups.len());
    let mut problems = Vec::new();
    let mut ended_later = 0;
    for (_, mut versions) in groups {
        crate::sorting::sort_by_key(&mut versions, |v| (v.has_end(), files.rank(v.at())));
        let Some(winner) = versions.pop() else {
            continue;
        };
        for other in &versions {
            let differences = other.differences(&winner);
            if differences.is_empty() {
                continue;
            }
            let only_ended = other.still_open()
                && winner.has_end()
                && files.rank(other.at()) < files.rank(winner.at())
                && differences.iter().all(|d| winner.end_columns().contains(d));
            if only_ended {
                ended_later += 1;
                continue;
            }
            let why = if winner.has_end() && !other.has_end() {
                format!("that version has {}", winner.end_words())
            } else {
                let (year, theirs) = (files.rank(winner.at()).0, files.rank(other.at()).0);
                match year {
                    Some(y) if year != theirs => {
                        format!("that version is from the later return ({y})")
                    }
                    _ if winner.at().file != other.at().file => {
                        "that version is in a file given later".to_string()
                    }
                    _ => "that version comes later in the file".to_string(),
                }
            };
            let message = format!(
                "this version of {} is not used: {} has the same with a different {}, and {why}",
                other.what(),
                files.place(winner.at()),
                differences.join(" and ")
            );
            problems.push(
                files
                    .problem(false, other.at(), other.child(), message)
                    .field(differences.join(", ")),
            );
        }
        kept.push(winner);
    }
    Merged {
        kept,
        problems,
        ended_later,
    }
}
