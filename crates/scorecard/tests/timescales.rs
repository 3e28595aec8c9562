//! The tracking meeting's timescales: due dates in days, working days and thresholds, and each
//! milestone's status, worked by hand.

mod common;
use common::*;
use scorecard::timescales::{
    default_rules, milestone_dates, milestones_csv, MilestoneStatus, MILESTONES_CSV_HEADER,
};
use scorecard::workdays::shipped_bank_holidays;
use scorecard::{ChildRecord, Field, ThresholdSchedule};

/// As of 30/06/2015. P1: entered care 01/01/2015, placement order 01/03/2015, not matched;
/// pack sent Thursday 30/04/2015 (before the bank holiday on Monday 04/05/2015), returned
/// 29/05/2015; PAR received Friday 22/05/2015 (before the spring bank holiday on Monday
/// 25/05/2015), no decision yet.
fn p1() -> ChildRecord {
    let mut c = ChildRecord::new("P1", d(2015, 1, 1));
    c.shobpa_decision = Some(d(2015, 2, 1));
    c.placement_order = Some(d(2015, 3, 1));
    c.tracking.pack_sent = Some(d(2015, 4, 30));
    c.tracking.pack_returned = Some(d(2015, 5, 29));
    c.tracking.par_received = Some(d(2015, 5, 22));
    c
}

#[test]
fn due_dates_count_working_days_thresholds_and_days() {
    let as_of = d(2015, 6, 30);
    let dates = milestone_dates(
        &[p1()],
        &default_rules(),
        &ThresholdSchedule::default(),
        as_of,
        &shipped_bank_holidays(),
    );
    let of = |f: Field| dates.iter().find(|m| m.milestone == f).unwrap().clone();
    // 20 working days after Thursday 30/04: Fri 1 May (1), Tue 5 - Fri 8 (5), 11-15 (10),
    // 18-22 (15), Tue 26 - Fri 29 (19; Mon 25 is a bank holiday), Mon 1 June (20). Returned
    // 29/05: on time.
    let pack = of(Field::PackReturned);
    assert_eq!(pack.due_date, d(2015, 6, 1));
    assert_eq!((pack.status, pack.days_late), (MilestoneStatus::Done, 0));
    // 5 working days after Friday 22/05: Tue 26, Wed 27, Thu 28, Fri 29, Mon 1 June. Not
    // done by 30/06: overdue by 29 days.
    let decision = of(Field::ParDecision);
    assert_eq!(decision.due_date, d(2015, 6, 1));
    assert_eq!(
        (decision.status, decision.days_late),
        (MilestoneStatus::Overdue, 29)
    );
    // The visit has no start yet (no decision): no row.
    assert!(dates.iter().all(|m| m.milestone != Field::AdoptersVisit));
    // Matched: the A2 threshold in force as of 30/06/2015 is that of 2013-16, 121 days after
    // the placement order: 01/03/2015 + 121 = 30/06/2015, today: still due.
    let matched = of(Field::Matched);
    assert_eq!(matched.due_date, d(2015, 6, 30));
    assert_eq!(
        (matched.status, matched.days_late),
        (MilestoneStatus::Due, 0)
    );
    // Placed: A1 426 days after 01/01/2015 = 02/03/2016, not yet due.
    assert_eq!(of(Field::Placed).due_date, d(2016, 3, 2));
    // Not placed: no Annex A, later life letter or application rows.
    assert_eq!(dates.len(), 4);
}

#[test]
fn a_milestone_done_after_its_due_date_is_late_by_the_days_between() {
    // P2 moved in on 01/04/2015; its order application, due 77 days later on 17/06/2015, was
    // made on 20/06/2015: 3 days late. The Annex A report, due 29/04/2015, is not done:
    // overdue by 62 days on 30/06/2015.
    let mut c = ChildRecord::new("P2", d(2014, 1, 1));
    c.placed = Some(d(2015, 4, 1));
    c.tracking.ao_application = Some(d(2015, 6, 20));
    c.tracking.later_life_letter = Some(d(2015, 4, 20));
    let dates = milestone_dates(
        &[c],
        &default_rules(),
        &ThresholdSchedule::default(),
        d(2015, 6, 30),
        &shipped_bank_holidays(),
    );
    let of = |f: Field| dates.iter().find(|m| m.milestone == f).unwrap().clone();
    let application = of(Field::AoApplication);
    assert_eq!(application.due_date, d(2015, 6, 17));
    assert_eq!(
        (application.status, application.days_late),
        (MilestoneStatus::DoneLate, 3)
    );
    let annex = of(Field::AnnexA);
    assert_eq!(annex.due_date, d(2015, 4, 29));
    assert_eq!(
        (annex.status, annex.days_late),
        (MilestoneStatus::Overdue, 62)
    );
    // Done on time: the letter on 20/04, due 29/04.
    assert_eq!(of(Field::LaterLifeLetter).status, MilestoneStatus::Done);
    let csv = milestones_csv(&dates);
    assert!(csv.starts_with(&format!("{MILESTONES_CSV_HEADER}\r\n")));
    assert!(csv.contains("\r\nP2,ao_application,2015-06-17,2015-06-20,done_late,3\r\n"));
    assert!(csv.contains("\r\nP2,annex_a,2015-04-29,,overdue,62\r\n"));
}

#[test]
fn adopted_children_and_those_who_left_have_no_milestones_due() {
    let mut adopted = p1();
    adopted.adoption_order = Some(d(2015, 6, 1));
    let mut left = p1();
    left.left_route = Some(d(2015, 6, 1));
    let dates = milestone_dates(
        &[adopted, left],
        &default_rules(),
        &ThresholdSchedule::default(),
        d(2015, 6, 30),
        &shipped_bank_holidays(),
    );
    assert!(dates.is_empty());
}

#[test]
fn a_milestone_of_a_stage_already_passed_with_no_date_is_not_recorded_never_overdue() {
    // As of 30/06/2015. G1 moved in with its adopters on 01/04/2015 with no match date (as a
    // child brought in from the SSDA903 return may), and its initial adoption pack, sent on
    // 02/06/2014, has no return date: both belong to stages G1 has passed (before the decision;
    // family finding). Its Annex A report, due 29/04/2015 in the stage it is in now, is overdue.
    let mut c = ChildRecord::new("G1", d(2014, 1, 1));
    c.placement_order = Some(d(2014, 9, 1));
    c.placed = Some(d(2015, 4, 1));
    c.tracking.pack_sent = Some(d(2014, 6, 2));
    let dates = milestone_dates(
        &[c],
        &default_rules(),
        &ThresholdSchedule::default(),
        d(2015, 6, 30),
        &shipped_bank_holidays(),
    );
    let of = |f: Field| dates.iter().find(|m| m.milestone == f).unwrap().clone();
    for gap in [Field::PackReturned, Field::Matched] {
        assert_eq!(
            (of(gap).status, of(gap).days_late),
            (MilestoneStatus::NotRecorded, 0),
            "{gap:?}"
        );
    }
    assert_eq!(
        (of(Field::AnnexA).status, of(Field::AnnexA).days_late),
        (MilestoneStatus::Overdue, 62)
    );
    // 20 working days after Monday 02/06/2014: 30/06/2014.
    let csv = milestones_csv(&dates);
    assert!(
        csv.contains("\r\nG1,pack_returned,2014-06-30,,not_recorded,0\r\n"),
        "{csv}"
    );
}
