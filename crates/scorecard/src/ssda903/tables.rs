//! The tables of the SSDA903 return, recognised by the columns of their header row (never by
//! the file's name), and the cells the journey reads from them.
//!
//! The DfE's 903 guidance fixes each table's columns; the public CSC validator for the 903
//! uses the same names. Four tables are read (Header, Episodes, AD1, PlacedAdoption); the
//! others (reviews, missing, UASC, OC2, OC3, previous permanence, social worker episodes,
//! deprivation of liberty) are recognised and set aside, because no scorecard figure uses them.

use crate::csv::header::normalize;
use crate::dates::parse_date;
use chrono::NaiveDate;

/// A table of the 903 return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    /// One row per child: reference, sex, date of birth.
    Header,
    /// One row per episode of care: start, legal status, placement, end and why.
    Episodes,
    /// Children adopted in the year: the decision, the match, adopted by the foster carers.
    Ad1,
    /// Decisions that a child should be placed for adoption, and their reversal.
    PlacedAdoption,
    /// Looked-after reviews.
    Reviews,
    /// Unaccompanied asylum-seeking children.
    Uasc,
    /// Outcomes of children looked after for a year (health, offending).
    Oc2,
    /// Care leavers.
    Oc3,
    /// Permanence before this period of care.
    PrevPerm,
    /// Missing and away-from-placement episodes.
    Missing,
    /// Social worker episodes.
    SwEpisodes,
    /// Deprivation of liberty.
    DoLo,
}

impl TableKind {
    /// Every table, in the order of the DfE's guidance.
    pub const ALL: [TableKind; 12] = [
        TableKind::Header,
        TableKind::Episodes,
        TableKind::Ad1,
        TableKind::PlacedAdoption,
        TableKind::Reviews,
        TableKind::Uasc,
        TableKind::Oc2,
        TableKind::Oc3,
        TableKind::PrevPerm,
        TableKind::Missing,
        TableKind::SwEpisodes,
        TableKind::DoLo,
    ];

    /// The table's name in the DfE's guidance ("Episodes", "AD1").
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Header => "Header",
            TableKind::Episodes => "Episodes",
            TableKind::Ad1 => "AD1",
            TableKind::PlacedAdoption => "PlacedAdoption",
            TableKind::Reviews => "Reviews",
            TableKind::Uasc => "UASC",
            TableKind::Oc2 => "OC2",
            TableKind::Oc3 => "OC3",
            TableKind::PrevPerm => "PrevPerm",
            TableKind::Missing => "Missing",
            TableKind::SwEpisodes => "SWEpisodes",
            TableKind::DoLo => "DoLo",
        }
    }

    /// What the table holds, in a manager's words.
    pub fn description(self) -> &'static str {
        match self {
            TableKind::Header => "the children",
            TableKind::Episodes => "episodes of care",
            TableKind::Ad1 => "children adopted",
            TableKind::PlacedAdoption => "decisions to place for adoption",
            TableKind::Reviews => "reviews",
            TableKind::Uasc => "unaccompanied asylum-seeking children",
            TableKind::Oc2 => "outcomes of children looked after for a year",
            TableKind::Oc3 => "care leavers",
            TableKind::PrevPerm => "previous permanence",
            TableKind::Missing => "missing episodes",
            TableKind::SwEpisodes => "social worker episodes",
            TableKind::DoLo => "deprivation of liberty",
        }
    }

    /// Whether the scorecard reads this table (the others are set aside).
    pub fn is_read(self) -> bool {
        matches!(
            self,
            TableKind::Header | TableKind::Episodes | TableKind::Ad1 | TableKind::PlacedAdoption
        )
    }

    /// The table's columns, as the guidance names them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Header => &["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
            TableKind::Episodes => &[
                "CHILD",
                "DECOM",
                "RNE",
                "LS",
                "CIN",
                "PLACE",
                "PLACE_PROVIDER",
                "DEC",
                "REC",
                "REASON_PLACE_CHANGE",
                "HOME_POST",
                "PL_POST",
                "URN",
            ],
            TableKind::Ad1 => &[
                "CHILD",
                "DOB",
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ],
            TableKind::PlacedAdoption => &[
                "CHILD",
                "DOB",
                "DATE_PLACED",
                "DATE_PLACED_CEASED",
                "REASON_PLACED_CEASED",
            ],
            TableKind::Reviews => &["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
            TableKind::Uasc => &["CHILD", "SEX", "DOB", "DUC"],
            TableKind::Oc2 => &[
                "CHILD",
                "DOB",
                "SDQ_SCORE",
                "SDQ_REASON",
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
            ],
            TableKind::Oc3 => &["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
            TableKind::PrevPerm => &["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
            TableKind::Missing => &["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
            TableKind::SwEpisodes => &["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
            TableKind::DoLo => &["CHILD", "DOB", "DOLO_START", "DOLO_END"],
        }
    }

    /// The columns the journey needs from a table it reads (empty for tables set aside).
    pub fn needed(self) -> &'static [&'static str] {
        match self {
            TableKind::Header => &["CHILD"],
            TableKind::Episodes => &["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"],
            TableKind::Ad1 => &["CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE"],
            TableKind::PlacedAdoption => &[
                "CHILD",
                "DATE_PLACED",
                "DATE_PLACED_CEASED",
                "REASON_PLACED_CEASED",
            ],
            _ => &["CHILD"],
        }
    }
}

/// Columns several tables share, which say nothing about which table a file is.
const SHARED: [&str; 3] = ["CHILD", "DOB", "SEX"];

/// Which table a header row names: the one with most of its own columns present (the columns
/// no other table has). `None` when the header names none of them.
pub(crate) fn recognise(header: &[String]) -> Option<TableKind> {
    let present: Vec<String> = header.iter().map(|c| normalize(c)).collect();
    let own = |kind: TableKind| {
        kind.columns()
            .iter()
            .filter(|c| !SHARED.contains(c))
            .filter(|c| present.contains(&normalize(c)))
            .count()
    };
    TableKind::ALL
        .into_iter()
        .map(|kind| (own(kind), kind))
        .filter(|(n, _)| *n > 0)
        // The first of equals wins, so the order of ALL settles ties.
        .fold(
            None,
            |best: Option<(usize, TableKind)>, (n, kind)| match best {
                Some((m, _)) if m >= n => best,
                _ => Some((n, kind)),
            },
        )
        .map(|(_, kind)| kind)
}

/// What a header that is not a 903 table seems to be, in words, so that the preview can say
/// where the file belongs.
pub(crate) fn what_else(header: &[String]) -> String {
    let has = |name: &str| header.iter().any(|c| normalize(c) == normalize(name));
    if has("child_id") && has("entered_care") {
        return "it is a file of children's records in this app's own format (child_id, \
                entered_care, …); use \"Import records\" for it"
            .to_string();
    }
    if has("year") && has("adopted") {
        return "it is a file of yearly figures (year, adopted, …); import it on the Yearly \
                figures screen"
            .to_string();
    }
    let separated = header
        .iter()
        .find_map(|cell| {
            [(';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars")]
                .into_iter()
                .find(|(sep, _)| {
                    cell.split(*sep)
                        .filter(|part| {
                            TableKind::ALL.iter().any(|k| {
                                k.columns().iter().any(|c| normalize(c) == normalize(part))
                            })
                        })
                        .count()
                        >= 2
                })
        })
        .map(|(_, name)| name);
    if let Some(name) = separated {
        return format!(
            "its header seems to be separated by {name}, not commas; save it as CSV (comma \
             delimited) and add it again"
        );
    }
    "its first line names none of the 903 columns (such as CHILD, DECOM, RNE, LS, PLACE, DEC, \
     REC for the Episodes table)"
        .to_string()
}

/// Where each of a table's columns is in a header row; fails naming the needed columns that
/// are missing, or a column given twice.
pub(crate) fn locate(kind: TableKind, header: &[String]) -> Result<Vec<Option<usize>>, String> {
    let mut index = vec![None; kind.columns().len()];
    for (position, cell) in header.iter().enumerate() {
        let key = normalize(cell);
        if let Some(column) = kind.columns().iter().position(|c| normalize(c) == key) {
            if let Some(first) = index[column] {
                return Err(format!(
                    "the column {} appears twice in the header (columns {} and {}); keep one",
                    kind.columns()[column],
                    first + 1,
                    position + 1
                ));
            }
            index[column] = Some(position);
        }
    }
    let missing: Vec<&str> = kind
        .needed()
        .iter()
        .filter(|n| {
            let at = kind.columns().iter().position(|c| c == *n);
            at.is_none_or(|at| index[at].is_none())
        })
        .copied()
        .collect();
    if missing.is_empty() {
        return Ok(index);
    }
    let (noun, verb) = if missing.len() == 1 {
        ("column", "is")
    } else {
        ("columns", "are")
    };
    Err(format!(
        "it looks like the {} table of the 903 return ({}) but has no {} {noun}, which {verb} \
         needed; nothing was read from it",
        kind.name(),
        kind.description(),
        missing.join(" or ")
    ))
}

/// A date as the return writes it: `DD/MM/YYYY`, also `DD/MM/YY` (00-68 read as 2000-2068,
/// 69-99 as 1969-1999, as the C library reads two-digit years) and ISO `YYYY-MM-DD`, with any
/// midnight time a spreadsheet adds dropped. Empty is `None`.
pub(crate) fn read_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = without_time(text);
    parse_date(date)
        .or_else(|| two_digit_year(date))
        .map(Some)
        .ok_or_else(|| {
            format!(
                "'{text}' is not a date; the return writes dates as DD/MM/YYYY (DD/MM/YY and \
                 YYYY-MM-DD are read too)"
            )
        })
}

fn two_digit_year(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 2 || d.is_empty() || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let yy: i32 = y.parse().ok()?;
    let year = if yy < 69 { 2000 + yy } else { 1900 + yy };
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

fn without_time(text: &str) -> &str {
    match text.split_once(' ').or_else(|| text.split_once('T')) {
        Some((date, time))
            if !time.trim().is_empty()
                && time
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            date
        }
        _ => text,
    }
}

/// A code cell (RNE, LS, PLACE, REC…): trimmed and in capitals, as the validator compares them.
pub(crate) fn code(text: &str) -> String {
    text.trim().to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Vec<String> {
        text.split(',').map(str::to_string).collect()
    }

    #[test]
    fn tables_are_recognised_by_their_columns_in_any_order_and_case() {
        assert_eq!(
            recognise(&header("DEC,child,decom,RNE,LS,PLACE,REC")),
            Some(TableKind::Episodes)
        );
        assert_eq!(
            recognise(&header(
                "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"
            )),
            Some(TableKind::PlacedAdoption)
        );
        assert_eq!(
            recognise(&header("CHILD,SEX,DOB,DUC")),
            Some(TableKind::Uasc)
        );
        assert_eq!(
            recognise(&header("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB")),
            Some(TableKind::Header)
        );
        assert_eq!(recognise(&header("CHILD,DOB")), None);
    }

    #[test]
    fn a_table_without_a_needed_column_names_it() {
        let e = locate(TableKind::Episodes, &header("CHILD,DECOM,RNE,LS,PLACE,REC")).unwrap_err();
        assert!(
            e.contains("the Episodes table") && e.contains("no DEC column"),
            "{e}"
        );
        let e = locate(TableKind::Ad1, &header("CHILD,DATE_INT")).unwrap_err();
        assert!(
            e.contains("no DATE_MATCH or FOSTER_CARE columns, which are needed"),
            "{e}"
        );
    }

    #[test]
    fn other_files_say_where_they_belong() {
        assert!(what_else(&header("child_id,entered_care,placed")).contains("Import records"));
        assert!(what_else(&header("CHILD;DECOM;RNE")).contains("semicolons"));
    }

    #[test]
    fn dates_are_read_in_the_three_spellings() {
        let d = |y, m, day| Some(NaiveDate::from_ymd_opt(y, m, day).unwrap());
        assert_eq!(read_date("01/04/2015"), Ok(d(2015, 4, 1)));
        assert_eq!(read_date("1/4/15"), Ok(d(2015, 4, 1)));
        assert_eq!(read_date("31/12/99"), Ok(d(1999, 12, 31)));
        assert_eq!(read_date("2015-04-01"), Ok(d(2015, 4, 1)));
        assert_eq!(read_date("01/04/2015 00:00"), Ok(d(2015, 4, 1)));
        assert_eq!(read_date(""), Ok(None));
        assert!(read_date("31/02/2015").is_err());
        assert!(read_date("02/01/20251").is_err());
    }
}
