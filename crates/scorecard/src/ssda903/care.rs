//! The shape of a child's episodes: its periods of care (episodes chained by X1), the runs of
//! placements for adoption within a period, and which decision to place for adoption stands.

use super::journey::ChildProblems;
use super::rows::{Decision, Episode};
use crate::dates::format_uk;
use chrono::NaiveDate;
use std::ops::Range;

/// Placements for adoption: with parental consent (A3, A4) or a placement order (A5, A6),
/// with the child's current foster carers (A3, A5) or not (A4, A6).
pub(super) const ADOPTIVE: [&str; 4] = ["A3", "A4", "A5", "A6"];
/// Reasons for a new episode that keep the same carer: legal status changed (L), placement
/// changed (T), both (U).
pub(super) const SAME_CARER: [&str; 3] = ["L", "T", "U"];
/// Reasons an episode ceased that are an adoption.
pub(super) const ADOPTION: [&str; 2] = ["E11", "E12"];
/// Legal statuses that give the authority the court's authority to place: a placement order,
/// or a freeing order before December 2005.
pub(super) const AUTHORITY_TO_PLACE: [&str; 2] = ["E1", "D1"];
/// Reasons a decision to place for adoption was reversed.
pub(super) const REVERSED: [&str; 4] = ["RD1", "RD2", "RD3", "RD4"];
/// The episode ended and another began the same day.
pub(super) const CONTINUES: &str = "X1";

/// The periods of care: episodes chain while the earlier one ended with X1 and the next
/// begins that day. A chain that breaks is reported.
pub(super) fn periods(eps: &[&Episode], found: &mut ChildProblems) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..eps.len() {
        let (prev, cur) = (eps[i - 1], eps[i]);
        if prev.rec == CONTINUES && prev.dec == Some(cur.decom) {
            continue;
        }
        match prev.dec {
            None => found.at(
                false,
                prev.at,
                "DEC",
                &[],
                format!(
                    "the episode that began on {} has no end date, but a later episode begins on \
                     {}; it is read as the end of a period of care",
                    format_uk(prev.decom),
                    format_uk(cur.decom)
                ),
            ),
            Some(d) if prev.rec == CONTINUES => found.at(
                false,
                prev.at,
                "REC",
                &[],
                format!(
                    "the episode ended on {} with X1 (a new episode the same day), but the next \
                     episode in the files begins on {}; a new period of care is read from then",
                    format_uk(d),
                    format_uk(cur.decom)
                ),
            ),
            Some(_) => {}
        }
        out.push(start..i);
        start = i;
    }
    out.push(start..eps.len());
    let last = eps[eps.len() - 1];
    if let (CONTINUES, Some(d)) = (last.rec.as_str(), last.dec) {
        found.at(
            false,
            last.at,
            "REC",
            &[],
            format!(
                "the episode ended on {} with X1 (a new episode the same day), but no episode in \
                 the files begins that day (is a later return missing?); the child is read as \
                 still looked after",
                format_uk(d)
            ),
        );
    }
    out
}

/// The runs of placements for adoption in a period: consecutive episodes in A3-A6 where each
/// later one is a change with the same carer (L, T or U).
pub(super) fn runs(ep: &[&Episode]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, e) in ep.iter().enumerate() {
        if !ADOPTIVE.contains(&e.place.as_str()) {
            continue;
        }
        match out.last_mut() {
            Some(run) if run.end == i && SAME_CARER.contains(&e.rne.as_str()) => run.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// The decision in force when the child moved in (the latest of those), or else the latest.
pub(super) fn chosen_decision<'a>(
    decisions: &[&'a Decision],
    placed: Option<NaiveDate>,
) -> Option<&'a Decision> {
    let in_force = decisions
        .iter()
        .filter(|d| placed.is_some_and(|p| d.date_placed <= p && d.ceased.is_none_or(|c| c >= p)));
    in_force
        .max_by_key(|d| d.date_placed)
        .or_else(|| decisions.iter().max_by_key(|d| d.date_placed))
        .copied()
}
