//! A clearly synthetic demonstration dataset, built to match the figures of the Sheffield City Council scrutiny report (2015) (the
//! Sheffield scrutiny report of mid-2015), for trainers and for a first look at the product.
//!
//! No child here is real: every case reference is `DEMO-nnn` and every date comes from a
//! small fixed-seed generator, so the dataset is the same on every machine and in every
//! release. What it reproduces, as of 30 June 2015 (the report went to the committee after
//! the Adoption Milestones form of 20 May 2015 and before the action plan of 3 July 2015):
//!
//! - 2014-15, the last complete year: 45 adoptions, A1 averaging 535 days and A2 293 days
//!   (§3.5 and §3.10);
//! - 22 children placed with their adoptive families without an adoption order, whose A2
//!   averages 567 days, each above the 293 of 2014-15 (§3.11);
//! - the published three-year averages of the appendix tables: A1 596, 593, 565 and A2 268,
//!   271, 264 for the periods ending March 2013, 2014 and 2015. The years 2010-11 to 2012-13
//!   are yearly aggregates whose single-year figures are not in the report: they are solved
//!   from those published averages, given the child-level years 2013-14 and 2014-15;
//! - between 40 and 50 adoptions a year (§7.2), and children at every earlier stage of the
//!   route, plus a few who left it.

use crate::dates::{add_days, FinancialYear};
use crate::record::{ChildRecord, TrackingDates, YearAggregate};
use crate::rng::SplitMix64;
use chrono::NaiveDate;

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

/// Builds the demonstration dataset; the same every time.
pub fn demo_dataset() -> Demo {
    let as_of = demo_as_of();
    let mut rng = SplitMix64::new(0x5EED_0003_2015_0630);
    let mut children = Vec::new();
    // The two complete years of child-level data, their means fixed to the scrutiny report's figures.
    children.extend(adopted_cohort(
        &mut rng,
        FinancialYear(2013),
        None,
        44,
        560,
        250,
    ));
    children.extend(adopted_cohort(
        &mut rng,
        FinancialYear(2014),
        None,
        45,
        535,
        293,
    ));
    // 2015-16 so far: adoptions granted between 1 April and the as-of date.
    children.extend(adopted_cohort(
        &mut rng,
        FinancialYear(2015),
        Some(as_of),
        11,
        520,
        270,
    ));
    children.extend(placed_awaiting_order(&mut rng, as_of, 22, 567));
    children.extend(matched_awaiting_placement(&mut rng, as_of, 4));
    children.extend(awaiting_match(&mut rng, as_of, 14));
    children.extend(awaiting_placement_order(&mut rng, as_of, 9));
    children.extend(awaiting_decision(&mut rng, as_of, 7));
    children.extend(left_route(&mut rng, as_of));
    crate::sorting::sort_by_key(&mut children, |c| c.entered_care);
    for (i, child) in children.iter_mut().enumerate() {
        child.child_id = format!("DEMO-{:03}", i + 1);
        if child.is_in_pipeline() {
            child.tracking = tracking_dates(child, i, as_of);
        }
    }
    Demo {
        as_of,
        authority: "Demonstration data (synthetic children, not a real authority)",
        children,
        aggregates: aggregates(),
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
    let plan = add_days(child.entered_care, 45);
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

/// Single-year figures solved from the published three-year averages (see the module docs):
/// with the child-level sums of 2013-14 (44 × 560 days of A1, 44 × 250 of A2) and 2014-15
/// (45 × 535, 45 × 293), A1 for 2012-13 is (565 × 136 − 24,640 − 24,075) ÷ 47 = 598.4, and so
/// on back to 2010-11. A10 was introduced in 2012-13, so earlier years have none.
fn aggregates() -> Vec<YearAggregate> {
    let year = |start, adopted, a1, a2, a3, a10| YearAggregate {
        year: FinancialYear(start),
        adopted,
        a1_average_days: a1,
        a2_children: adopted,
        a2_average_days: Some(a2),
        a3_under_14_months: a3,
        a10_average_days: a10,
    };
    vec![
        year(2010, 38, 564.8, 236.6, 13, None),
        year(2011, 42, 621.5, 317.3, 10, None),
        year(2012, 47, 598.4, 249.3, 14, Some(585.2)),
    ]
}

/// `n` children adopted in `year` (up to `until`), whose A1 and A2 average exactly the target
/// days. Each journey is built backwards from the adoption order, so every date is in order.
fn adopted_cohort(
    rng: &mut SplitMix64,
    year: FinancialYear,
    until: Option<NaiveDate>,
    n: usize,
    a1_mean: i64,
    a2_mean: i64,
) -> Vec<ChildRecord> {
    let first = year.first_day();
    let last = until.unwrap_or(year.last_day());
    let span = (last - first).num_days();
    let match_to_placed: Vec<i64> = (0..n).map(|_| rng.between(14, 56)).collect();
    let a2: Vec<i64> = (0..n).map(|_| a2_mean + rng.between(-150, 150)).collect();
    let a2 = with_sum(a2, a2_mean * n as i64);
    let before_order_total =
        a1_mean * n as i64 - a2.iter().sum::<i64>() - match_to_placed.iter().sum::<i64>();
    let before_order_mean = before_order_total / n as i64;
    let before_order: Vec<i64> = (0..n)
        .map(|_| before_order_mean + rng.between(-100, 100))
        .collect();
    let before_order = with_sum(before_order, before_order_total);
    (0..n)
        .map(|i| {
            // Spread the orders over the year, as courts grant them month by month.
            let offset = (span * i as i64) / n as i64 + rng.between(0, span / n as i64 / 2);
            let adoption_order = add_days(first, offset.min(span));
            let placed = add_days(adoption_order, -rng.between(150, 330));
            let matched = add_days(placed, -match_to_placed[i]);
            let placement_order = add_days(matched, -a2[i]);
            let entered_care = add_days(placement_order, -before_order[i]);
            let mut child = route_start(rng, entered_care, placement_order);
            child.matched = Some(matched);
            child.placed = Some(placed);
            child.adoption_order = Some(adoption_order);
            if i % 15 == 7 {
                // Adopted by the foster carers the child went to soon after entering care.
                child.foster_carer_adoption = true;
                child.foster_placement_start = Some(add_days(entered_care, rng.between(20, 60)));
            }
            child
        })
        .collect()
}

/// Children living with their adopters and waiting for the court's adoption order: the hard
/// cases of the Sheffield scrutiny report, §3.11, each matched long after the placement order.
fn placed_awaiting_order(
    rng: &mut SplitMix64,
    as_of: NaiveDate,
    n: usize,
    a2_mean: i64,
) -> Vec<ChildRecord> {
    let a2: Vec<i64> = (0..n).map(|_| a2_mean + rng.between(-200, 200)).collect();
    let a2 = with_sum(a2, a2_mean * n as i64);
    a2.into_iter()
        .enumerate()
        .map(|(i, a2)| {
            let placed = add_days(as_of, -rng.between(10, 300));
            let matched = add_days(placed, -rng.between(14, 56));
            let placement_order = add_days(matched, -a2);
            let entered_care = add_days(placement_order, -rng.between(120, 300));
            let mut child = route_start(rng, entered_care, placement_order);
            child.matched = Some(matched);
            child.placed = Some(placed);
            if i % 3 == 0 {
                let earliest = add_days(placed, 200).max(add_days(as_of, 30));
                child.expected_adoption_order = Some(add_days(earliest, rng.between(0, 60)));
            }
            child
        })
        .collect()
}

fn matched_awaiting_placement(
    rng: &mut SplitMix64,
    as_of: NaiveDate,
    n: usize,
) -> Vec<ChildRecord> {
    (0..n)
        .map(|_| {
            let matched = add_days(as_of, -rng.between(5, 40));
            let placement_order = add_days(matched, -rng.between(150, 350));
            let entered_care = add_days(placement_order, -rng.between(150, 300));
            let mut child = route_start(rng, entered_care, placement_order);
            child.matched = Some(matched);
            child.expected_placed = Some(add_days(as_of, rng.between(7, 45)));
            child
        })
        .collect()
}

fn awaiting_match(rng: &mut SplitMix64, as_of: NaiveDate, n: usize) -> Vec<ChildRecord> {
    (0..n)
        .map(|i| {
            let placement_order = add_days(as_of, -rng.between(30, 500));
            let entered_care = add_days(placement_order, -rng.between(150, 350));
            let mut child = route_start(rng, entered_care, placement_order);
            if i % 4 == 1 {
                child.expected_match = Some(add_days(as_of, rng.between(30, 120)));
            }
            child
        })
        .collect()
}

fn awaiting_placement_order(rng: &mut SplitMix64, as_of: NaiveDate, n: usize) -> Vec<ChildRecord> {
    (0..n)
        .map(|_| {
            let decision = add_days(as_of, -rng.between(20, 200));
            let entered_care = add_days(decision, -rng.between(90, 250));
            ChildRecord {
                shobpa_decision: Some(decision),
                ..ChildRecord::new("", entered_care)
            }
        })
        .collect()
}

fn awaiting_decision(rng: &mut SplitMix64, as_of: NaiveDate, n: usize) -> Vec<ChildRecord> {
    (0..n)
        .map(|_| ChildRecord::new("", add_days(as_of, -rng.between(60, 300))))
        .collect()
}

/// Four children whose plan changed away from adoption at different stages.
fn left_route(rng: &mut SplitMix64, as_of: NaiveDate) -> Vec<ChildRecord> {
    let mut out = Vec::new();
    for stage in 0..4 {
        let placement_order = add_days(as_of, -rng.between(200, 400));
        let entered_care = add_days(placement_order, -rng.between(150, 300));
        let mut child = route_start(rng, entered_care, placement_order);
        let left = match stage {
            // A family member came forward before the court hearing.
            0 => {
                let decision = child.shobpa_decision.unwrap_or(entered_care);
                child.placement_order = None;
                add_days(decision, rng.between(20, 60))
            }
            // The placement broke down before the adoption order.
            3 => {
                let matched = add_days(placement_order, rng.between(60, 120));
                let placed = add_days(matched, rng.between(14, 40));
                child.matched = Some(matched);
                child.placed = Some(placed);
                add_days(placed, rng.between(20, 60))
            }
            _ => add_days(placement_order, rng.between(30, 150)),
        };
        child.left_route = Some(left.min(as_of));
        out.push(child);
    }
    out
}

/// A child from entering care to the placement order, the SHOBPA decision in between.
fn route_start(
    rng: &mut SplitMix64,
    entered_care: NaiveDate,
    placement_order: NaiveDate,
) -> ChildRecord {
    let days = (placement_order - entered_care).num_days();
    let decision = add_days(entered_care, days * rng.between(40, 80) / 100);
    ChildRecord {
        shobpa_decision: Some(decision),
        placement_order: Some(placement_order),
        ..ChildRecord::new("", entered_care)
    }
}

/// Shifts `values` evenly so that they add up to `total` exactly, which makes the cohort's
/// mean exactly the scrutiny report's figure while keeping each child's spread.
fn with_sum(mut values: Vec<i64>, total: i64) -> Vec<i64> {
    let n = values.len() as i64;
    if n == 0 {
        return values;
    }
    let gap = total - values.iter().sum::<i64>();
    let (each, rest) = (gap.div_euclid(n), gap.rem_euclid(n));
    for (i, v) in values.iter_mut().enumerate() {
        *v += each + i64::from((i as i64) < rest);
    }
    values
}
