//! Checks child records and yearly aggregates before they enter any figure.
//!
//! Every problem is reported at once, each naming the child and the field (its CSV column
//! name), so that a manager can fix a whole spreadsheet in one pass. An *error* is a record
//! that cannot be true (a child placed before being matched); the record is left out of the
//! figures until it is corrected. A *warning* is unusual but possible (a placement order dated
//! before the SHOBPA decision); the record is still used.
//!
//! Expected dates are a manager's plans, not facts: a wrong plan is always a warning, never a
//! reason to drop the child's real history from the figures.

use crate::dates::{format_uk, FinancialYear};
use crate::error::Problem;
use crate::merge::child_key;
use crate::record::{ChildRecord, Field, YearAggregate};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod checks;

use checks::Check;

/// The residence the law requires before an adoption application (Adoption and Children Act
/// 2002, s.42: ten weeks living with the adopters for an agency placement).
const MINIMUM_RESIDENCE_DAYS: i64 = 70;

/// Every problem of one child's record on its own, without comparing it with other children
/// (duplicates are found by [`validate`]). The record form calls this for instant feedback.
pub fn validate_child(child: &ChildRecord) -> Vec<Problem> {
    let mut check = Check::new(child);
    check.reference();
    check.nothing_before_entering_care();
    check.route_order();
    check.implied_dates();
    check.foster_carer_adoption();
    check.left_route();
    check.expected_dates();
    check.tracking_order();
    check.problems
}

/// Every problem of the children and the yearly aggregates together: each record's own
/// problems, duplicate case references (an error on the second and later use), duplicate
/// aggregate years, and a year that has both an aggregate and adopted children's records.
pub fn validate(children: &[ChildRecord], aggregates: &[YearAggregate]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = child_problems(children, None)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    problems.extend(aggregate_problems(aggregates));
    problems.extend(year_conflicts(children, aggregates));
    problems
}

/// Pairs of milestones that follow one another on the route: the second is never before the
/// first.
const TRACKING_ORDER: [(Field, Field); 9] = [
    (Field::PlanAdoption, Field::PackSent),
    (Field::PackSent, Field::PackReturned),
    (Field::PlanAdoption, Field::ShobpaDecision),
    (Field::ParReceived, Field::ParDecision),
    (Field::ParDecision, Field::AdoptersVisit),
    (Field::Placed, Field::AnnexA),
    (Field::Placed, Field::LaterLifeLetter),
    (Field::Placed, Field::AoApplication),
    (Field::AoApplication, Field::AdoptionOrder),
];

/// The dates of a record that say something has happened: an expected date may be in the
/// future, these may not.
const ACTUAL_DATES: [Field; 8] = [
    Field::EnteredCare,
    Field::ShobpaDecision,
    Field::PlacementOrder,
    Field::Matched,
    Field::Placed,
    Field::FosterPlacementStart,
    Field::AdoptionOrder,
    Field::LeftRoute,
];

/// A child's actual dates after `as_of`: each an error naming the child and the field, since a
/// date that has not happened yet would count as done in the figures. The three milestones
/// that have an expected column say where such a date belongs.
pub fn future_dates(child: &ChildRecord, as_of: NaiveDate) -> Vec<Problem> {
    ACTUAL_DATES
        .iter()
        .filter_map(|&field| {
            let date = child.date(field).filter(|d| *d > as_of)?;
            let hint = match field {
                Field::Matched => "; a match still to come belongs in expected_match",
                Field::Placed => "; a move still to come belongs in expected_placed",
                Field::AdoptionOrder => {
                    "; an order still to come belongs in expected_adoption_order"
                }
                _ => "; check the date, or the as-of date",
            };
            let problem = Problem::error(format!(
                "the {} date {} is after the as-of date {}{hint}",
                field.label(),
                format_uk(date),
                format_uk(as_of)
            ))
            .field(field.column());
            let id = child.child_id.trim();
            Some(if id.is_empty() {
                problem
            } else {
                problem.child(id)
            })
        })
        .collect()
}

/// [`validate`], and every actual date after `as_of` ([`future_dates`]).
pub fn validate_at(
    children: &[ChildRecord],
    aggregates: &[YearAggregate],
    as_of: NaiveDate,
) -> Vec<Problem> {
    let mut problems = validate(children, aggregates);
    problems.extend(children.iter().flat_map(|c| future_dates(c, as_of)));
    problems
}

/// [`usable`], also leaving out children with an actual date after `as_of`.
pub fn usable_at(
    children: &[ChildRecord],
    aggregates: &[YearAggregate],
    as_of: NaiveDate,
) -> (Vec<ChildRecord>, Vec<YearAggregate>) {
    let (children, aggregates) = usable(children, aggregates);
    let children = children
        .into_iter()
        .filter(|c| future_dates(c, as_of).is_empty())
        .collect();
    (children, aggregates)
}

/// Every problem of one year's aggregate figures on their own.
pub fn validate_aggregate(aggregate: &YearAggregate) -> Vec<Problem> {
    let year = aggregate.year;
    let mut out = Vec::new();
    let mut error = |column: &str, message: String| {
        out.push(Problem::error(format!("in {year}, {message}")).field(column));
    };
    if aggregate.a3_under_14_months > aggregate.adopted {
        error(
            "a3_under_14_months",
            format!(
                "{} children placed within 14 months is more than the {} adopted",
                aggregate.a3_under_14_months, aggregate.adopted
            ),
        );
    }
    if aggregate.a2_children > aggregate.adopted {
        error(
            "a2_children",
            format!(
                "{} children counted in A2 is more than the {} adopted",
                aggregate.a2_children, aggregate.adopted
            ),
        );
    }
    let averages = [
        ("a1_average_days", Some(aggregate.a1_average_days)),
        ("a2_average_days", aggregate.a2_average_days),
        ("a10_average_days", aggregate.a10_average_days),
    ];
    for (column, value) in averages {
        if let Some(v) = value {
            if !v.is_finite() || v < 0.0 {
                error(column, format!("the average {v} is not a number of days"));
            }
        }
    }
    if aggregate.a2_children > 0 && aggregate.a2_average_days.is_none() {
        out.push(
            Problem::warning(format!(
                "in {year}, {} children are counted in A2 but their average is missing, so \
                 A2 leaves the year out",
                aggregate.a2_children
            ))
            .field("a2_average_days"),
        );
    }
    out
}

/// Whether a record with these problems can be used in the figures: warnings do not stop it,
/// errors do.
pub fn is_usable(problems: &[Problem]) -> bool {
    !problems.iter().any(Problem::is_error)
}

/// The records the figures may use, after leaving out what [`validate`] reports as errors.
///
/// Children with an error are left out, and of several children sharing one case reference only
/// the first is kept. Aggregates with an error are left out, and of two for one year the
/// first usable one is kept. Where a year has both an aggregate and adopted children's records, the
/// aggregate is used and those children are left out: a published yearly figure covers every
/// child adopted that year, while child records of a past year are often only the children
/// still on the spreadsheet.
pub fn usable(
    children: &[ChildRecord],
    aggregates: &[YearAggregate],
) -> (Vec<ChildRecord>, Vec<YearAggregate>) {
    let mut years = BTreeSet::new();
    let kept_aggregates: Vec<YearAggregate> = aggregates
        .iter()
        .filter(|a| is_usable(&validate_aggregate(a)) && years.insert(a.year))
        .cloned()
        .collect();
    let mut unusable = vec![false; children.len()];
    for (index, problem) in child_problems(children, None) {
        if problem.is_error() {
            unusable[index] = true;
        }
    }
    let kept_children = children
        .iter()
        .zip(unusable)
        .filter(|(child, bad)| {
            let aggregate_year = child
                .adoption_order
                .is_some_and(|d| years.contains(&FinancialYear::containing(d)));
            !bad && !aggregate_year
        })
        .map(|(child, _)| child.clone())
        .collect();
    (kept_children, kept_aggregates)
}

/// Each child's problems with the index of the child they belong to, duplicates included.
///
/// `lines`, when the children came from a file, gives each child's line so that a duplicate
/// can say where the reference was first used.
pub(crate) fn child_problems(
    children: &[ChildRecord],
    lines: Option<&[usize]>,
) -> Vec<(usize, Problem)> {
    let mut out = Vec::new();
    // References are unique within an authority: two authorities may both have a child C1.
    let mut first_use: HashMap<(u32, String), usize> = HashMap::new();
    for (index, child) in children.iter().enumerate() {
        out.extend(validate_child(child).into_iter().map(|p| (index, p)));
        let Some(key) = child_key(&child.child_id).map(|k| (child.authority, k)) else {
            continue;
        };
        let id = child.child_id.trim();
        match first_use.get(&key) {
            Some(&first) => {
                let where_first = match lines.and_then(|l| l.get(first)) {
                    Some(line) => format!("line {line}"),
                    None => format!("record {}", first + 1),
                };
                let first_id = children[first].child_id.trim();
                let message = if first_id == id {
                    format!(
                        "the case reference {id} is already used by another child \
                         ({where_first}); each child needs its own"
                    )
                } else {
                    // Case systems and spreadsheets disagree about capitals, so references
                    // are compared without regard to case: say why these two clash.
                    format!(
                        "{first_id} ({where_first}) and {id} look like the same child: case \
                         references are compared without regard to capitals; each child needs \
                         its own"
                    )
                };
                let problem = Problem::error(message)
                    .child(id)
                    .field(Field::ChildId.column());
                out.push((index, problem));
            }
            None => {
                first_use.insert(key, index);
            }
        }
    }
    out
}

/// Problems of each aggregate, and a second aggregate for the same year.
fn aggregate_problems(aggregates: &[YearAggregate]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for aggregate in aggregates {
        out.extend(validate_aggregate(aggregate));
        if !seen.insert((aggregate.authority, aggregate.year)) {
            out.push(
                Problem::error(format!(
                    "{} has more than one row of yearly figures; keep one",
                    aggregate.year
                ))
                .field("year"),
            );
        }
    }
    out
}

/// A year counted from both an aggregate and adopted children's records would count its
/// adoptions twice, so it is an error naming the year. The yearly figures win (see
/// [`usable`]): a published figure covers every child adopted that year.
fn year_conflicts(children: &[ChildRecord], aggregates: &[YearAggregate]) -> Vec<Problem> {
    let mut adopted_by_year: BTreeMap<FinancialYear, usize> = BTreeMap::new();
    for order in children.iter().filter_map(|c| c.adoption_order) {
        *adopted_by_year
            .entry(FinancialYear::containing(order))
            .or_default() += 1;
    }
    let aggregate_years: BTreeSet<FinancialYear> = aggregates.iter().map(|a| a.year).collect();
    aggregate_years
        .into_iter()
        .filter_map(|year| {
            let count = adopted_by_year.get(&year)?;
            Some(
                Problem::error(format!(
                    "{year} has both yearly figures and {count} adopted children's records; the \
                     yearly figures are used and those records are left out of the figures, so \
                     delete the yearly figures or those records"
                ))
                .field("year"),
            )
        })
        .collect()
}
