//! The impact of delay, including an adoption order slipping into the next financial year.

mod common;
use common::*;
use scorecard::{delay_impact, ChildRecord, Delayed, FinancialYear, Indicator, RollingPeriod};

/// A adopted 2015-16 at 100 days, B adopted 2014-15 at 300 days, and P placed on 1 Nov 2015
/// (304 days after entering care on 1 Jan 2015) with an adoption order expected on 20 March
/// 2016, as of 1 January 2016.
fn data() -> Data {
    let mut p = ChildRecord::new("P", d(2015, 1, 1));
    p.shobpa_decision = Some(d(2015, 3, 1));
    p.placement_order = Some(d(2015, 5, 1));
    p.matched = Some(d(2015, 9, 1));
    p.placed = Some(d(2015, 11, 1));
    p.expected_adoption_order = Some(d(2016, 3, 20));
    Data::new(
        vec![
            with_days("A", 100, 10, d(2015, 6, 1)),
            with_days("B", 300, 10, d(2014, 6, 1)),
            p,
        ],
        d(2016, 1, 1),
    )
}

fn a1(impact: &scorecard::DelayImpact, period: &str) -> (Option<f64>, Option<f64>) {
    let p = RollingPeriod::parse(period).unwrap();
    let c = impact
        .periods
        .iter()
        .find(|c| c.period == p && c.before.indicator == Indicator::A1)
        .unwrap();
    (c.before.value, c.after.value)
}

#[test]
fn a_month_of_delay_moves_the_order_into_the_next_year_and_the_child_changes_window() {
    let data = data();
    let impact = delay_impact(&data.input(), Delayed::Child(2), 30);
    let shift = &impact.children[0];
    assert_eq!(shift.child_id, "P");
    // 20 March 2016 + 30 days = 19 April 2016: 2015-16 becomes 2016-17.
    assert_eq!(shift.year_before, Some(FinancialYear(2015)));
    assert_eq!(shift.year_after, Some(FinancialYear(2016)));
    assert!(shift.changes_year());
    // Already moved in: the delay is to the order only, A1 stays 304.
    assert_eq!(shift.before.a1_days, Some(304));
    assert_eq!(shift.after.a1_days, Some(304));
    // 2013-16 loses P: (300 + 100 + 304) / 3 = 234.67 before, (300 + 100) / 2 = 200 after.
    let (b, a) = a1(&impact, "2013-16");
    assert!((b.unwrap() - 704.0 / 3.0).abs() < 1e-9);
    assert_eq!(a, Some(200.0));
    // 2014-17 holds all three either way.
    let (b, a) = a1(&impact, "2014-17");
    assert_eq!(b, a);
    // 2016-19 gains P.
    assert_eq!(a1(&impact, "2016-19"), (None, Some(304.0)));
}

#[test]
fn a_delay_before_moving_in_adds_its_days_to_a1() {
    let mut data = data();
    // P not yet placed: expected to move in on 1 Feb 2016 (396 days after entering care).
    data.children[2].placed = None;
    data.children[2].expected_placed = Some(d(2016, 2, 1));
    let impact = delay_impact(&data.input(), Delayed::AllPipeline, 14);
    let shift = &impact.children[0];
    assert_eq!(shift.before.a1_days, Some(396));
    assert_eq!(shift.after.a1_days, Some(410));
    // 2014-17: (300 + 100 + 396) / 3 = 265.33 -> (300 + 100 + 410) / 3 = 270: +4.67 days.
    let c = impact
        .periods
        .iter()
        .find(|c| {
            c.period == RollingPeriod::parse("2014-17").unwrap()
                && c.before.indicator == Indicator::A1
        })
        .unwrap();
    assert!((c.change().unwrap() - 14.0 / 3.0).abs() < 1e-9, "{c:?}");
    // Before the delay 2016-17 holds no child, so 2014-17 covers 2 of its 3 years and is not
    // judged; the order moving from 20/03/2016 to 03/04/2016 fills 2016-17, and 270 is met.
    assert_eq!(c.before.basis, scorecard::Basis::Partial);
    assert_eq!(c.before.status, None);
    assert!(c.after.status.unwrap().met, "270 is under 426");
}

#[test]
fn delaying_an_adopted_child_moves_its_match_move_and_order() {
    let data = data();
    // B: adopted 1 June 2014 (2014-15); 300 days from entering care to moving in.
    let impact = delay_impact(&data.input(), Delayed::Child(1), 400);
    let shift = &impact.children[0];
    assert_eq!(shift.after.a1_days, Some(700));
    assert_eq!(shift.before.a2_days, shift.after.a2_days.map(|d| d - 400));
    // 1 June 2014 + 400 days = 6 July 2015: 2015-16.
    assert_eq!(shift.year_after, Some(FinancialYear(2015)));
}

#[test]
fn a_negative_delay_never_moves_a_date_before_today_or_before_the_milestone_before_it() {
    let mut data = data();
    // P not yet placed: expected to move in on 1 Feb 2016, its order on 20 Mar 2016.
    data.children[2].placed = None;
    data.children[2].expected_placed = Some(d(2016, 2, 1));
    // Ten years sooner is impossible: P cannot move in before today (1 Jan 2016), nor be
    // adopted before it moves in.
    let impact = delay_impact(&data.input(), Delayed::AllPipeline, -3650);
    let shift = &impact.children[0];
    // Moved in today: 1 Jan 2015 -> 1 Jan 2016 = 365 days.
    assert_eq!(shift.after.a1_days, Some(365));
    assert_eq!(shift.year_after, Some(FinancialYear(2015)));
    // An adopted child's match, move and order never come before the placement order, the
    // match and the move before them. B was matched 20 days before moving in, with its
    // placement order 10 days before the match (see `with_days`).
    let impact = delay_impact(&data.input(), Delayed::Child(1), -3650);
    let after = impact.children[0].after;
    // The match falls back to the placement order (A2 0), moving in to the match.
    assert_eq!(after.a2_days, Some(0));
    let b = &data.children[1];
    let order = b.placement_order.unwrap();
    assert_eq!(
        after.a1_days,
        Some(scorecard::dates::days_between(b.entered_care, order))
    );
}
