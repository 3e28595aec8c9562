//! A clearly synthetic demonstration dataset, a realisation of a forward process (see
//! [`process`]) built to match the figures of the Sheffield City Council scrutiny report
//! (2015), for trainers and for a first look at the product.
//!
//! No child here is real: every case reference is `DEMO-nnn`, and every date comes from the
//! process with a fixed seed, so the dataset is the same on every machine and in every
//! release. The process runs from 2005: children come onto the route, go through its stages
//! at the service's speed in each year, and some leave it. As of 30 June 2015 (the report went
//! to the committee after the Adoption Milestones form of 20 May 2015 and before the action
//! plan of 3 July 2015) the authority holds:
//!
//! - yearly figures for 2010-11 to 2012-13, summed from the process's children adopted in
//!   those years (the report publishes only their three-year averages);
//! - the records of every child adopted since 1 April 2013, or who left the route since then,
//!   and of every child on the route now, with a manager's expected dates for some of them.
//!
//! The years' speeds and rates of the process were tuned (an ignored test in
//! `tests/demo.rs` does it again) so that the realisation reproduces, within a few days:
//!
//! - 2014-15, the last complete year: 45 adoptions, A1 averaging 535 days and A2 293 days
//!   (§3.5 and §3.10);
//! - 22 children placed with their adoptive families without an adoption order, whose A2
//!   averages 567 days, each above the 293 of 2014-15 (§3.11): family finding slowed sharply
//!   in 2014-15, and the courts with it;
//! - the published three-year averages of the appendix tables: A1 596, 593, 565 and A2 268,
//!   271, 264 for the periods ending March 2013, 2014 and 2015;
//! - between 40 and 50 adoptions a year (§7.2), children at every earlier stage of the route,
//!   and a few who left it.

pub mod process;

use crate::dates::{add_days, add_months, FinancialYear};
use crate::record::{ChildRecord, TrackingDates, YearAggregate};
use chrono::NaiveDate;
pub use process::{DemoProcess, Journey};

/// The demonstration dataset: the date it is seen from, a label, the children and the yearly
/// aggregates of the years before child-level data.
#[derive(Debug, Clone, PartialEq)]
pub struct Demo {
    /// The "as of" date the figures are meant to be seen from: 30 June 2015.
    pub as_of: NaiveDate,
    /// The authority name to show, saying plainly that the data is not real.
    pub authority: &'static str,
    /// The synthetic children, `DEMO-001` onwards, ordered by the date they entered care.
    pub children: Vec<ChildRecord>,
    /// Yearly figures for 2010-11, 2011-12 and 2012-13.
    pub aggregates: Vec<YearAggregate>,
}

/// The date the demonstration is seen from, 30 June 2015: the end of the first quarter of
/// 2015-16, when the Sheffield City Council scrutiny report was written.
pub fn demo_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 6, 30).unwrap_or(NaiveDate::MIN)
}

/// The first year with child records; the three before it are yearly figures.
const RECORDS_FROM: i32 = 2013;

/// How far after the as-of date a decision may come for a child already in care to be on the
/// agenda awaiting it.
const AWAITING_DECISION_DAYS: i64 = 150;

/// Builds the demonstration dataset; the same every time.
pub fn demo_dataset() -> Demo {
    realise(&DemoProcess::sheffield(), demo_as_of())
}

/// The dataset a process gives as of `as_of`.
pub fn realise(process: &DemoProcess, as_of: NaiveDate) -> Demo {
    let journeys = process.journeys(add_days(as_of, AWAITING_DECISION_DAYS));
    let records_from = FinancialYear(RECORDS_FROM).first_day();
    let mut children = Vec::new();
    let mut by_year: Vec<Vec<ChildRecord>> = vec![Vec::new(); 3];
    for (k, journey) in journeys.iter().enumerate() {
        let (Some(entered), Some(decision)) = (journey.dates[0], journey.dates[1]) else {
            continue;
        };
        if decision > as_of {
            // In care, adoption the plan, the decision still to come.
            if entered <= as_of {
                children.push(ChildRecord::new("", entered));
            }
            continue;
        }
        let mut child = journey.known_on(as_of);
        if let Some(order) = child.adoption_order {
            let year = FinancialYear::containing(order).0;
            if (RECORDS_FROM - 3..RECORDS_FROM).contains(&year) {
                by_year[(year - RECORDS_FROM + 3) as usize].push(child);
                continue;
            }
            if order < records_from {
                continue;
            }
        } else if child.left_route.is_some_and(|l| l < records_from) {
            continue;
        } else if child.is_in_pipeline() {
            expect(&mut child, journey, k, as_of);
        }
        children.push(child);
    }
    crate::sorting::sort_by_key(&mut children, |c| c.entered_care);
    for (i, child) in children.iter_mut().enumerate() {
        child.child_id = format!("DEMO-{:03}", i + 1);
        if child.is_in_pipeline() {
            child.tracking = tracking_dates(child, i, as_of);
        }
    }
    let aggregates = by_year
        .iter()
        .enumerate()
        .map(|(i, adopted)| aggregate(FinancialYear(RECORDS_FROM - 3 + i as i32), adopted))
        .collect();
    Demo {
        as_of,
        authority: "Demonstration data (synthetic children, not a real authority)",
        children,
        aggregates,
    }
}

/// A manager's expected dates for some waiting children: the next milestone, as the process
/// has it, for every third child placed and awaiting the order (its hearing is listed), every
/// child matched and awaiting the move, and every fourth child awaiting a match.
fn expect(child: &mut ChildRecord, journey: &Journey, k: usize, as_of: NaiveDate) {
    let future = |i: usize| journey.dates[i].filter(|d| *d > as_of);
    if child.placed.is_some() {
        if k.is_multiple_of(3) {
            child.expected_adoption_order = future(5);
        }
    } else if child.matched.is_some() {
        child.expected_placed = future(4);
    } else if child.placement_order.is_some() && k % 4 == 1 {
        child.expected_match = future(3);
    }
}

/// A year's published figures, summed from the children adopted in it (rounded to a tenth of
/// a day, as the tables print them). A10 began in 2012-13: earlier years have none.
fn aggregate(year: FinancialYear, adopted: &[ChildRecord]) -> YearAggregate {
    let n = adopted.len().max(1) as f64;
    let days = |from: NaiveDate, to: Option<NaiveDate>| to.map_or(0, |t| (t - from).num_days());
    let a1: i64 = adopted.iter().map(|c| days(c.entered_care, c.placed)).sum();
    let a10: i64 = adopted
        .iter()
        .map(|c| match c.foster_placement_start {
            Some(start) if c.foster_carer_adoption => days(c.entered_care, Some(start)),
            _ => days(c.entered_care, c.placed),
        })
        .sum();
    let a2: Vec<i64> = adopted
        .iter()
        .filter_map(|c| Some((c.matched? - c.placement_order?).num_days().max(0)))
        .collect();
    let under_14 = adopted
        .iter()
        .filter(|c| c.placed.is_some_and(|p| p < add_months(c.entered_care, 14)))
        .count();
    let tenth = |v: f64| (v * 10.0).round() / 10.0;
    YearAggregate {
        authority: 0,
        year,
        adopted: adopted.len() as u32,
        a1_average_days: tenth(a1 as f64 / n),
        a2_children: a2.len() as u32,
        a2_average_days: (!a2.is_empty())
            .then(|| tenth(a2.iter().sum::<i64>() as f64 / a2.len() as f64)),
        a3_under_14_months: under_14 as u32,
        a10_average_days: (year.0 >= 2012).then(|| tenth(a10 as f64 / n)),
    }
}

/// Tracking milestones for a waiting child, so that the tracking meeting's agenda has
/// something to say on first start: worked from the child's own dates and its place in the
/// list (no random draws, so the figures above never change), some on time, some late, some
/// missing. Nothing is dated after the as-of date.
fn tracking_dates(child: &ChildRecord, i: usize, as_of: NaiveDate) -> TrackingDates {
    let known = |d: NaiveDate| (d <= as_of).then_some(d);
    let mut t = TrackingDates {
        family_finder: ["Family finder A", "Family finder B", "Family finder C"][i % 3].into(),
        ..TrackingDates::default()
    };
    // Adoption became the plan a little before the decision (or, awaiting one, soon after
    // entering care).
    let plan = match child.shobpa_decision {
        Some(decision) => add_days(decision, -40).max(add_days(child.entered_care, 30)),
        None => add_days(child.entered_care, 45),
    };
    t.plan_adoption = known(plan);
    t.pack_sent = known(add_days(plan, 7));
    // Every third pack comes back late (40 days); every fifth is still out.
    t.pack_returned = match i % 5 {
        0 => None,
        _ if i.is_multiple_of(3) => t.pack_sent.and_then(|d| known(add_days(d, 40))),
        _ => t.pack_sent.and_then(|d| known(add_days(d, 21))),
    };
    t.prioritisation_meeting = t.pack_returned.and_then(|d| known(add_days(d, 14)));
    t.adoption_medical = t
        .prioritisation_meeting
        .and_then(|d| known(add_days(d, 21)));
    if let Some(matched) = child.matched {
        t.par_received = known(add_days(matched, -40));
        // One decision in four takes a fortnight instead of a few days.
        let decision = if i.is_multiple_of(4) { 14 } else { 4 };
        t.par_decision = t.par_received.and_then(|d| known(add_days(d, decision)));
        t.adopters_visit = t.par_decision.and_then(|d| known(add_days(d, 5)));
    }
    if let Some(placed) = child.placed {
        // Every third child's Annex A report and every other child's application are still
        // to do.
        if !i.is_multiple_of(3) {
            t.annex_a = known(add_days(placed, 21));
        }
        t.later_life_letter = known(add_days(placed, 25));
        if i.is_multiple_of(2) {
            t.ao_application = known(add_days(placed, 70));
        }
    }
    t
}
