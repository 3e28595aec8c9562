//! The checks of one child's record on its own: the order of the route's dates, the tracking
//! milestones, dates implied by others, a foster carer adopting, leaving the route and the
//! manager's expected dates.

use super::{MINIMUM_RESIDENCE_DAYS, TRACKING_ORDER};
use crate::dates::{days_between, format_uk};
use crate::error::Problem;
use crate::record::{ChildRecord, Field};
use chrono::NaiveDate;
/// The checks of one record, gathering problems as they go.
pub(super) struct Check<'a> {
    child: &'a ChildRecord,
    pub(super) problems: Vec<Problem>,
}

impl<'a> Check<'a> {
    pub(super) fn new(child: &'a ChildRecord) -> Check<'a> {
        Check {
            child,
            problems: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, problem: Problem, field: Field) {
        let problem = problem.field(field.column());
        let id = self.child.child_id.trim();
        self.problems.push(if id.is_empty() {
            problem
        } else {
            problem.child(id)
        });
    }

    pub(super) fn error(&mut self, field: Field, message: String) {
        self.push(Problem::error(message), field);
    }

    pub(super) fn warning(&mut self, field: Field, message: String) {
        self.push(Problem::warning(message), field);
    }

    pub(super) fn reference(&mut self) {
        if self.child.child_id.trim().is_empty() {
            self.error(
                Field::ChildId,
                "the case reference is empty; every child needs one".to_string(),
            );
        }
    }

    /// Every milestone of the route happens while the child is in care, so none can come
    /// before the day the child entered care (A1 would be negative).
    /// The tracking milestones in the order of the route: a date before entering care, or a
    /// later milestone before the one it follows, is a warning naming both fields. The dates
    /// are kept (a typing slip is for the user to correct) and never change the figures.
    pub(super) fn tracking_order(&mut self) {
        let entered = self.child.entered_care;
        for field in Field::TRACKING {
            if let Some(date) = self.child.date(field).filter(|&d| d < entered) {
                self.warning(
                    field,
                    format!(
                        "{} {} is before the child entered care on {}",
                        field.label(),
                        format_uk(date),
                        format_uk(entered)
                    ),
                );
            }
        }
        for (earlier, later) in TRACKING_ORDER {
            let (Some(a), Some(b)) = (self.child.date(earlier), self.child.date(later)) else {
                continue;
            };
            if b < a {
                self.warning(
                    later,
                    format!(
                        "{} {} is before {} {} ({} and {}); check both dates",
                        later.label(),
                        format_uk(b),
                        earlier.label(),
                        format_uk(a),
                        later.column(),
                        earlier.column()
                    ),
                );
            }
        }
    }

    pub(super) fn nothing_before_entering_care(&mut self) {
        let entered = self.child.entered_care;
        for field in [
            Field::ShobpaDecision,
            Field::PlacementOrder,
            Field::Matched,
            Field::Placed,
            Field::FosterPlacementStart,
            Field::AdoptionOrder,
            Field::LeftRoute,
        ] {
            if let Some(date) = self.child.date(field).filter(|&d| d < entered) {
                self.error(
                    field,
                    format!(
                        "{} {} is before the child entered care on {}",
                        field.label(),
                        format_uk(date),
                        format_uk(entered)
                    ),
                );
            }
        }
    }

    /// The order of the route that the law fixes: the agency decides a child should be placed
    /// for adoption before a match, a child is matched before moving in, and the adoption
    /// order follows the placement. A match before the placement order is allowed (A2 then
    /// scores 0), and a placement order before the decision is only unusual (a decision
    /// re-taken after a change of plan keeps the later date).
    pub(super) fn route_order(&mut self) {
        let c = self.child;
        if let (Some(decision), Some(matched)) = (c.shobpa_decision, c.matched) {
            if matched < decision {
                self.error(
                    Field::Matched,
                    format!(
                        "matched {} is before the SHOBPA decision on {}; a child is matched \
                         only after the decision that they should be placed for adoption",
                        format_uk(matched),
                        format_uk(decision)
                    ),
                );
            }
        }
        if let (Some(decision), Some(order)) = (c.shobpa_decision, c.placement_order) {
            if order < decision {
                self.warning(
                    Field::PlacementOrder,
                    format!(
                        "placement order {} is before the SHOBPA decision on {}; the decision \
                         normally comes first, so check both dates",
                        format_uk(order),
                        format_uk(decision)
                    ),
                );
            }
        }
        if let (Some(matched), Some(placed)) = (c.matched, c.placed) {
            if placed < matched {
                self.error(
                    Field::Placed,
                    format!(
                        "placed {} is before the match on {}; a child moves in with adopters \
                         only after being matched",
                        format_uk(placed),
                        format_uk(matched)
                    ),
                );
            }
        }
        if let (Some(placed), Some(order)) = (c.placed, c.adoption_order) {
            let days = days_between(placed, order);
            if days < 0 {
                self.error(
                    Field::AdoptionOrder,
                    format!(
                        "adoption order {} is before the child was placed on {}",
                        format_uk(order),
                        format_uk(placed)
                    ),
                );
            } else if days < MINIMUM_RESIDENCE_DAYS && !c.foster_carer_adoption {
                self.warning(
                    Field::AdoptionOrder,
                    format!(
                        "adoption order {} is only {days} days after the child was placed; the \
                         law asks for 10 weeks living with the adopters first, so check the dates",
                        format_uk(order)
                    ),
                );
            }
        }
        if let (Some(order), Some(placed)) = (c.placement_order, c.placed) {
            if placed < order {
                self.warning(
                    Field::Placed,
                    format!(
                        "placed {} is before the placement order on {}; this happens only with \
                         the parents' consent, so check the dates",
                        format_uk(placed),
                        format_uk(order)
                    ),
                );
            }
        }
    }

    /// A later milestone proves an earlier one happened: an adoption order needs the child to
    /// have moved in, and moving in needs a match. Without the day it moved in no figure can
    /// count the child; without the match only A2 is missing (the SSDA903 return gives no match
    /// for a child adopted without an AD1 row), so the other figures still count it.
    pub(super) fn implied_dates(&mut self) {
        let c = self.child;
        if let (Some(order), None) = (c.adoption_order, c.placed) {
            self.error(
                Field::Placed,
                format!(
                    "the date placed is missing, but the child has an adoption order on {}; \
                     enter the day they moved in with the adopters",
                    format_uk(order)
                ),
            );
        }
        if c.matched.is_none() {
            let later = c
                .placed
                .map(|d| ("moved in with the adopters", d))
                .or(c.adoption_order.map(|d| ("has an adoption order", d)));
            if let Some((what, date)) = later {
                self.warning(
                    Field::Matched,
                    format!(
                        "the match date is missing, but the child {what} on {}; A2 leaves the \
                         child out until the date of the match is entered",
                        format_uk(date)
                    ),
                );
            }
        }
        let later_than_decision = c.matched.or(c.placed).or(c.adoption_order);
        if c.shobpa_decision.is_none() && later_than_decision.is_some() {
            self.warning(
                Field::ShobpaDecision,
                "the SHOBPA decision date is missing, though the child is already matched; \
                 the 12-month indicator leaves the child out"
                    .to_string(),
            );
        }
    }

    /// For a foster-carer adoption A10 stops at the start of the foster placement, which
    /// begins before the placement for adoption with the same carers.
    pub(super) fn foster_carer_adoption(&mut self) {
        let c = self.child;
        match (c.foster_carer_adoption, c.foster_placement_start) {
            (true, Some(start)) => {
                if let Some(placed) = c.placed.filter(|&p| start > p) {
                    self.error(
                        Field::FosterPlacementStart,
                        format!(
                            "the foster placement began on {}, after the child was placed for \
                             adoption with the same carers on {}; it should begin first",
                            format_uk(start),
                            format_uk(placed)
                        ),
                    );
                }
            }
            (true, None) if c.placed.is_some() => self.warning(
                Field::FosterPlacementStart,
                "the child is adopted by their foster carers but the date the foster placement \
                 began is missing; A10 uses the date placed instead"
                    .to_string(),
            ),
            (false, Some(_)) => self.warning(
                Field::FosterCarerAdoption,
                "a foster placement start is given but the child is not marked as adopted by \
                 their foster carers; A10 ignores that date"
                    .to_string(),
            ),
            _ => {}
        }
    }

    pub(super) fn left_route(&mut self) {
        let c = self.child;
        let Some(left) = c.left_route else { return };
        if let Some(order) = c.adoption_order {
            self.error(
                Field::LeftRoute,
                format!(
                    "the child left the adoption route on {} but also has an adoption order on \
                     {}; clear one of them",
                    format_uk(left),
                    format_uk(order)
                ),
            );
            return;
        }
        let after = [Field::PlacementOrder, Field::Matched, Field::Placed]
            .into_iter()
            .find_map(|f| c.date(f).filter(|&d| d > left).map(|d| (f, d)));
        if let Some((field, date)) = after {
            self.warning(
                Field::LeftRoute,
                format!(
                    "the child left the adoption route on {} but {} {} is later; if adoption is \
                     the plan again, clear left_route",
                    format_uk(left),
                    field.label(),
                    format_uk(date)
                ),
            );
        }
        for field in [
            Field::ExpectedMatch,
            Field::ExpectedPlaced,
            Field::ExpectedAdoptionOrder,
        ] {
            if c.date(field).is_some() {
                self.warning(
                    field,
                    format!(
                        "the child left the adoption route, so the {} is ignored",
                        field.label()
                    ),
                );
            }
        }
    }

    /// An expected date stands in for an actual date until the real one is known: once it is,
    /// the plan is stale; and a plan cannot come before a milestone that has already happened.
    pub(super) fn expected_dates(&mut self) {
        let c = self.child;
        if c.left_route.is_some() {
            return;
        }
        // (expected, the actual it stands in for, the actual milestones that come before it)
        let plans = [
            (
                Field::ExpectedMatch,
                Field::Matched,
                vec![Field::EnteredCare, Field::ShobpaDecision],
            ),
            (
                Field::ExpectedPlaced,
                Field::Placed,
                vec![Field::EnteredCare, Field::Matched],
            ),
            (
                Field::ExpectedAdoptionOrder,
                Field::AdoptionOrder,
                vec![Field::EnteredCare, Field::Placed],
            ),
        ];
        let mut previous_plan: Option<(Field, NaiveDate)> = None;
        for (expected_field, actual_field, before) in plans {
            let Some(expected) = c.date(expected_field) else {
                continue;
            };
            if let Some(actual) = c.date(actual_field) {
                let message = if expected < actual {
                    format!(
                        "{} {} is before the actual {} on {}, which replaces it; the actual \
                         date is used",
                        expected_field.label(),
                        format_uk(expected),
                        milestone(actual_field).trim_start_matches("the "),
                        format_uk(actual)
                    )
                } else {
                    format!(
                        "{} is set but the actual {} is known ({}); the actual date is used",
                        expected_field.label(),
                        milestone(actual_field).trim_start_matches("the "),
                        format_uk(actual)
                    )
                };
                self.warning(expected_field, message);
                continue;
            }
            let earlier = before
                .into_iter()
                .find_map(|f| c.date(f).filter(|&d| expected < d).map(|d| (f, d)));
            if let Some((field, date)) = earlier {
                self.warning(
                    expected_field,
                    format!(
                        "{} {} is before {} on {}, so it cannot happen then",
                        expected_field.label(),
                        format_uk(expected),
                        milestone(field),
                        format_uk(date)
                    ),
                );
            } else if let Some((field, date)) = previous_plan.filter(|&(_, d)| expected < d) {
                self.warning(
                    expected_field,
                    format!(
                        "{} {} is before the {} on {}",
                        expected_field.label(),
                        format_uk(expected),
                        field.label(),
                        format_uk(date)
                    ),
                );
            }
            previous_plan = Some((expected_field, expected));
        }
    }
}

/// A milestone named as a person says it in a sentence ("before the match on ...").
fn milestone(field: Field) -> &'static str {
    match field {
        Field::EnteredCare => "the child entered care",
        Field::ShobpaDecision => "the SHOBPA decision",
        Field::Matched => "the match",
        Field::Placed => "the move to the adopters",
        Field::AdoptionOrder => "the adoption order",
        other => other.label(),
    }
}
