//! From one child's rows of the return to its journey: the rules the README sets out, each
//! with an example, in the order a child goes through them.

use super::care::{
    chosen_decision, periods, runs, ADOPTION, ADOPTIVE, AUTHORITY_TO_PLACE, CONTINUES, REVERSED,
    SAME_CARER,
};
use super::rows::{Adopted, Decision, Episode};
use super::versions::Files;
use crate::dates::{format_uk, FinancialYear};
use crate::error::Problem;
use crate::record::{ChildRecord, Field};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::ops::Range;

/// Everything the files hold about one child, versions already merged.
pub(crate) struct ChildRows<'a> {
    /// The reference as first written.
    pub id: String,
    /// The episodes, by start date.
    pub episodes: Vec<&'a Episode>,
    /// The AD1 row, if any.
    pub adopted: Option<&'a Adopted>,
    /// The decisions to place for adoption.
    pub decisions: Vec<&'a Decision>,
}

impl ChildRows<'_> {
    /// A PlacedAdoption row, an AD1 row, a legal status E1 or D1, a placement A3-A6 or an
    /// adoption E11/E12: the child has been on the adoption route.
    pub fn has_adoption_signal(&self) -> bool {
        !self.decisions.is_empty()
            || self.adopted.is_some()
            || self.episodes.iter().any(|e| {
                AUTHORITY_TO_PLACE.contains(&e.ls.as_str())
                    || ADOPTIVE.contains(&e.place.as_str())
                    || ADOPTION.contains(&e.rec.as_str())
            })
    }
}

/// What the rules make of a child.
pub(crate) enum Outcome {
    /// The child's record, with the problems found on the way.
    Taken(ChildRecord, Vec<Problem>),
    /// The child cannot be brought in; the problems say why.
    LeftOut(Vec<Problem>),
}

/// The problems of one child, and the record fields they already explain (the record's own
/// validation is not repeated for those).
pub(super) struct ChildProblems<'a> {
    files: &'a Files<'a>,
    id: &'a str,
    problems: Vec<Problem>,
    covered: BTreeSet<Field>,
}

impl ChildProblems<'_> {
    pub(super) fn at(
        &mut self,
        error: bool,
        e: super::rows::Source,
        column: &str,
        covers: &[Field],
        message: String,
    ) {
        self.problems
            .push(self.files.problem(error, e, self.id, message).field(column));
        self.covered.extend(covers);
    }
}

/// How the period of care that counts ended.
enum End {
    /// Adopted: the episode (within the period) that ceased with E11 or E12.
    Adopted(usize),
    /// Still looked after.
    Open,
    /// Ceased to be looked after other than by adoption, on this day, for this reason.
    Ceased(NaiveDate, String),
}

/// The child's journey, or why it is left out.
pub(crate) fn journey(rows: &ChildRows, files: &Files) -> Outcome {
    let id = rows.id.as_str();
    let mut found = ChildProblems {
        files,
        id,
        problems: Vec::new(),
        covered: BTreeSet::new(),
    };
    let eps = &rows.episodes;
    if eps.is_empty() {
        let at = rows
            .adopted
            .map(|a| a.at)
            .or(rows.decisions.first().map(|d| d.at));
        if let Some(at) = at {
            found.at(
                true,
                at,
                "CHILD",
                &[],
                "the child shows signs of adoption but has no episodes in the files, so the day \
                 it entered care is unknown; the child is left out: add the Episodes table of \
                 its returns"
                    .to_string(),
            );
        }
        return Outcome::LeftOut(found.problems);
    }
    for e in eps
        .iter()
        .filter(|e| ADOPTION.contains(&e.rec.as_str()) && e.dec.is_none())
    {
        found.at(
            false,
            e.at,
            "DEC",
            &[Field::AdoptionOrder],
            format!(
                "the episode ceased with {} (adopted) but has no end date, so the adoption order \
                 date is unknown; the child is read as not yet adopted",
                e.rec
            ),
        );
    }
    let periods = periods(eps, &mut found);
    let adopted_in = |p: &Range<usize>| {
        eps[p.clone()]
            .iter()
            .rposition(|e| ADOPTION.contains(&e.rec.as_str()) && e.dec.is_some())
    };
    // The period holding the adoption, or for a child not adopted the latest.
    let period = periods
        .iter()
        .rev()
        .find(|p| adopted_in(p).is_some())
        .or(periods.last())
        .cloned()
        .unwrap_or(0..eps.len());
    let ep = &eps[period.clone()];
    let last = ep[ep.len() - 1];
    let end = match adopted_in(&period) {
        Some(a) => End::Adopted(a),
        None if last.dec.is_none() || last.rec == CONTINUES => End::Open,
        None => End::Ceased(last.dec.unwrap_or(last.decom), last.rec.clone()),
    };

    let first = ep[0];
    let entered_care = first.decom;
    if first.rne != "S" {
        found.at(
            false,
            first.at,
            "RNE",
            &[],
            format!(
                "the start of this period of care is not in the files: its first episode here \
                 began on {} with reason {} rather than S (started to be looked after); entered \
                 care is taken as {}, and the return for {} or an earlier one holds the start",
                format_uk(first.decom),
                if first.rne.is_empty() {
                    "(none)"
                } else {
                    &first.rne
                },
                format_uk(first.decom),
                FinancialYear::containing(first.decom)
            ),
        );
    }
    let placement_order = ep
        .iter()
        .find(|e| AUTHORITY_TO_PLACE.contains(&e.ls.as_str()))
        .map(|e| e.decom);

    let runs = runs(ep);
    let run = match &end {
        End::Adopted(a) => {
            let run = runs.iter().find(|r| r.contains(a)).cloned();
            if run.is_none() {
                found.at(
                    true,
                    ep[*a].at,
                    "PLACE",
                    &[Field::Placed],
                    format!(
                        "the child was adopted on {} but no placement for adoption (A3-A6) leads \
                         to it, so the day it moved in with its adopters is unknown; the child is \
                         brought in and left out of the figures until placed is entered",
                        format_uk(ep[*a].dec.unwrap_or(ep[*a].decom))
                    ),
                );
            }
            run
        }
        // A placement that ended is not a placement: only the one the child is in now.
        End::Open => runs.last().filter(|r| r.end == ep.len()).cloned(),
        End::Ceased(..) => runs.last().cloned(),
    };
    let placed = run.as_ref().map(|r| ep[r.start].decom);
    let adopted = rows.adopted;
    let foster_carer_adoption = match adopted.and_then(|a| a.foster_care) {
        Some(flag) => flag,
        None => run
            .as_ref()
            .is_some_and(|r| matches!(ep[r.start].place.as_str(), "A3" | "A5")),
    };
    let foster_placement_start = match (&run, foster_carer_adoption) {
        (Some(r), true) => {
            let mut i = r.start;
            while i > 0 && SAME_CARER.contains(&ep[i].rne.as_str()) {
                i -= 1;
            }
            Some(ep[i].decom)
        }
        _ => None,
    };
    let adoption_order = match end {
        End::Adopted(a) => ep[a].dec,
        _ => None,
    };

    let decision = chosen_decision(&rows.decisions, placed);
    let shobpa_decision = decision
        .map(|d| d.date_placed)
        .or(adopted.and_then(|a| a.date_int));
    let matched = adopted.and_then(|a| a.date_match);
    for d in &rows.decisions {
        if d.ceased.is_some() && !REVERSED.contains(&d.reason.as_str()) {
            let reason = if d.reason.is_empty() {
                "no reason".to_string()
            } else {
                format!("the reason {}", d.reason)
            };
            found.at(
                false,
                d.at,
                "REASON_PLACED_CEASED",
                &[],
                format!(
                    "the decision ceased on {} with {reason}, which is not one of RD1-RD4, so it \
                     is not read as reversed",
                    format_uk(d.ceased.unwrap_or(d.date_placed))
                ),
            );
        }
    }
    let left_route = if adoption_order.is_some() {
        None
    } else {
        let reversed = decision
            .filter(|d| REVERSED.contains(&d.reason.as_str()))
            .and_then(|d| d.ceased);
        match (&end, reversed) {
            (_, Some(date)) => Some(date),
            (End::Ceased(date, _), None)
                if shobpa_decision.is_some() || placement_order.is_some() =>
            {
                Some(*date)
            }
            (End::Ceased(date, rec), None) => {
                found.at(
                    false,
                    last.at,
                    "REC",
                    &[Field::LeftRoute],
                    format!(
                        "the child ceased to be looked after on {} ({rec}) with no SHOBPA \
                         decision or placement order in the files, so it is not read as having \
                         left the adoption route and stays in the pipeline; check it",
                        format_uk(*date)
                    ),
                );
                None
            }
            _ => None,
        }
    };

    if let End::Adopted(a) = end {
        if adopted.is_none() {
            found.at(
                false,
                ep[a].at,
                "DATE_MATCH",
                &[Field::Matched],
                format!(
                    "the child was adopted on {} ({}) but has no AD1 row, so the match date is \
                     missing and this child's A2 cannot be counted; the other figures count it",
                    format_uk(ep[a].dec.unwrap_or(ep[a].decom)),
                    ep[a].rec
                ),
            );
        }
    } else if let Some(a) = adopted {
        found.at(
            false,
            a.at,
            "CHILD",
            &[Field::AdoptionOrder],
            "the child has an AD1 row (adopted in the year) but no episode of the period of \
             care ends with E11 or E12, so no adoption order date is known; the child is read \
             as not yet adopted"
                .to_string(),
        );
    }
    if let (Some(a), Some(m), Some(p)) = (adopted, matched, placed) {
        if m > p {
            found.at(
                true,
                a.at,
                "DATE_MATCH",
                &[Field::Matched, Field::Placed],
                format!(
                    "the match on {} is after the child moved in with its adopters on {}; the \
                     child is brought in and left out of the figures until one date is corrected",
                    format_uk(m),
                    format_uk(p)
                ),
            );
        }
    }
    if let (Some(s), Some(m)) = (shobpa_decision, matched) {
        if s > m {
            let (at, column) = match decision {
                Some(d) => (d.at, "DATE_PLACED"),
                None => (adopted.map(|a| a.at).unwrap_or(first.at), "DATE_INT"),
            };
            found.at(
                true,
                at,
                column,
                &[Field::Matched, Field::ShobpaDecision],
                format!(
                    "the decision that the child should be placed for adoption ({}) is after the \
                     match ({}); the child is brought in and left out of the figures until one \
                     date is corrected",
                    format_uk(s),
                    format_uk(m)
                ),
            );
        }
    }
    if let (Some(d), Some(a)) = (decision, adopted) {
        if let Some(int) = a.date_int.filter(|&i| i != d.date_placed) {
            found.at(
                false,
                a.at,
                "DATE_INT",
                &[],
                format!(
                    "DATE_INT {} differs from the decision of {} in the PlacedAdoption table ({}); \
                     the PlacedAdoption date is used",
                    format_uk(int),
                    format_uk(d.date_placed),
                    files.place(d.at)
                ),
            );
        }
    }

    let record = ChildRecord {
        child_id: id.to_string(),
        entered_care,
        shobpa_decision,
        placement_order,
        matched,
        placed,
        foster_carer_adoption,
        foster_placement_start,
        adoption_order,
        left_route,
        ..ChildRecord::default()
    };
    let covered = found.covered;
    let mut problems = found.problems;
    problems.extend(
        crate::validate::validate_child(&record)
            .into_iter()
            .filter(|p| {
                !Field::ALL
                    .iter()
                    .any(|f| covered.contains(f) && p.field.as_deref() == Some(f.column()))
            }),
    );
    Outcome::Taken(record, problems)
}
