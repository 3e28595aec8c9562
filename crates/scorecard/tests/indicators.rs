//! Per-child indicator rules and their boundaries, with values worked out by hand.

mod common;
use common::*;
use scorecard::indicator::adopted_child_values;
use scorecard::{ChildRecord, FinancialYear, Indicator};

#[test]
fn a_child_counts_in_the_financial_year_of_its_adoption_order() {
    let base = |order| {
        adopted(
            "C1",
            d(2013, 1, 1),
            d(2013, 6, 1),
            d(2013, 9, 1),
            d(2013, 12, 1),
            d(2014, 1, 1),
            order,
        )
    };
    let (y, _) = adopted_child_values(&base(d(2015, 3, 31))).unwrap();
    assert_eq!(
        y,
        FinancialYear(2014),
        "31 March 2015 is the last day of 2014-15"
    );
    let (y, _) = adopted_child_values(&base(d(2015, 4, 1))).unwrap();
    assert_eq!(y, FinancialYear(2015), "1 April 2015 opens 2015-16");
}

#[test]
fn a1_runs_from_entering_care_to_moving_in_across_a_leap_day() {
    // 1 Feb 2016 -> 1 Mar 2016 is 29 days (2016 is a leap year); -> 1 Apr 2016 is 29 + 31 = 60.
    let c = adopted(
        "C1",
        d(2016, 2, 1),
        d(2016, 2, 2),
        d(2016, 2, 3),
        d(2016, 2, 4),
        d(2016, 4, 1),
        d(2016, 9, 1),
    );
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a1_days, Some(60));
    assert_eq!(v.value(Indicator::A1), Some(60.0));
}

#[test]
fn a3_is_strictly_less_than_14_calendar_months() {
    // Entered 1 Jan 2014: 14 months later is 1 Mar 2015.
    let child = |placed| {
        adopted(
            "C",
            d(2014, 1, 1),
            d(2014, 2, 1),
            d(2014, 3, 1),
            d(2014, 4, 1),
            placed,
            d(2015, 6, 1),
        )
    };
    let (_, v) = adopted_child_values(&child(d(2015, 2, 28))).unwrap();
    assert_eq!(v.placed_under_14_months, Some(true));
    let (_, v) = adopted_child_values(&child(d(2015, 3, 1))).unwrap();
    assert_eq!(v.placed_under_14_months, Some(false));
    // Entered 31 Dec 2014: 14 months later is clamped to 29 Feb 2016 (a leap year).
    let leap = |placed| {
        adopted(
            "L",
            d(2014, 12, 31),
            d(2015, 1, 1),
            d(2015, 2, 1),
            d(2015, 3, 1),
            placed,
            d(2016, 6, 1),
        )
    };
    let (_, v) = adopted_child_values(&leap(d(2016, 2, 28))).unwrap();
    assert_eq!(v.placed_under_14_months, Some(true));
    let (_, v) = adopted_child_values(&leap(d(2016, 2, 29))).unwrap();
    assert_eq!(v.placed_under_14_months, Some(false));
    assert_eq!(v.value(Indicator::A3), Some(0.0));
}

#[test]
fn placed_within_12_months_of_the_decision_includes_the_anniversary() {
    let child = |placed| {
        adopted(
            "C",
            d(2014, 1, 1),
            d(2014, 3, 10),
            d(2014, 5, 1),
            d(2014, 6, 1),
            placed,
            d(2015, 9, 1),
        )
    };
    let (_, v) = adopted_child_values(&child(d(2015, 3, 10))).unwrap();
    assert_eq!(v.placed_within_12_months_of_decision, Some(true));
    let (_, v) = adopted_child_values(&child(d(2015, 3, 11))).unwrap();
    assert_eq!(v.placed_within_12_months_of_decision, Some(false));
    let mut no_decision = child(d(2015, 1, 1));
    no_decision.shobpa_decision = None;
    let (_, v) = adopted_child_values(&no_decision).unwrap();
    assert_eq!(
        v.placed_within_12_months_of_decision, None,
        "no decision: left out"
    );
}

#[test]
fn a2_is_zero_when_matched_before_the_order_and_excluded_without_an_order() {
    let mut c = adopted(
        "C",
        d(2014, 1, 1),
        d(2014, 2, 1),
        d(2014, 6, 1),
        d(2014, 5, 1),
        d(2014, 7, 1),
        d(2015, 1, 1),
    );
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a2_days, Some(0));
    c.matched = Some(d(2014, 7, 1)); // 1 Jun -> 1 Jul = 30 days
    c.placed = Some(d(2014, 7, 2));
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a2_days, Some(30));
    c.placement_order = None;
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a2_days, None);
    // 1 Jan -> 1 Jul 2014 is 31 + 28 + 31 + 30 + 31 + 30 = 181 days, so 2 Jul is 182.
    assert_eq!(v.a1_days, Some(182), "still counted in A1");
}

#[test]
fn a2_leaves_out_a_child_not_placed_before_the_adoption_order() {
    let mut c = adopted(
        "C",
        d(2014, 1, 1),
        d(2014, 2, 1),
        d(2014, 3, 1),
        d(2014, 4, 1),
        d(2014, 5, 1),
        d(2015, 1, 1),
    );
    c.placed = Some(d(2015, 1, 2));
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a2_days, None);
}

#[test]
fn a10_stops_at_the_foster_placement_for_foster_carer_adoptions() {
    let mut c = adopted(
        "F",
        d(2014, 1, 1),
        d(2014, 6, 1),
        d(2014, 9, 1),
        d(2014, 10, 1),
        d(2015, 1, 1),
        d(2015, 6, 1),
    );
    c.foster_carer_adoption = true;
    c.foster_placement_start = Some(d(2014, 2, 1)); // 31 days after entering care
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a10_days, Some(31));
    assert_eq!(
        v.a1_days,
        Some(365),
        "A1 still runs to the adoptive placement"
    );
    c.foster_carer_adoption = false;
    let (_, v) = adopted_child_values(&c).unwrap();
    assert_eq!(v.a10_days, Some(365), "A10 equals A1 for other adoptions");
}

#[test]
fn children_who_left_the_route_or_are_not_adopted_count_nowhere() {
    let mut c = adopted(
        "C",
        d(2014, 1, 1),
        d(2014, 2, 1),
        d(2014, 3, 1),
        d(2014, 4, 1),
        d(2014, 5, 1),
        d(2015, 1, 1),
    );
    c.left_route = Some(d(2015, 2, 1));
    assert_eq!(adopted_child_values(&c), None);
    let pipeline = ChildRecord::new("P", d(2014, 1, 1));
    assert_eq!(adopted_child_values(&pipeline), None);
}
