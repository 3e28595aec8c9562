//! The tracking meeting's agenda, worked by hand: most days overdue first, then the nearest
//! due date, with each child's next milestone and what is overdue.

use adoption_forecast::tracking::agenda::{agenda, agenda_csv, AGENDA_CSV_HEADER};
use chrono::NaiveDate;
use scorecard::timescales::{default_rules, milestone_dates};
use scorecard::workdays::shipped_bank_holidays;
use scorecard::{forecast, ChildRecord, ForecastInput, Scenario, ThresholdSchedule};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// As of 30/06/2015:
/// - P1 (placement order 01/03/2015, not matched): PAR received Friday 22/05/2015, decision
///   due 5 working days later on 01/06/2015, not made: 29 days overdue. Its match is due
///   121 days after the order, 30/06/2015.
/// - P2 (moved in 01/04/2015): Annex A due 29/04/2015, not done: 62 days overdue.
/// - P3 (entered care 01/05/2015): moving in due 426 days later, 30/06/2016.
fn children() -> Vec<ChildRecord> {
    let mut p1 = ChildRecord::new("P1", d(2015, 1, 1));
    p1.shobpa_decision = Some(d(2015, 2, 1));
    p1.placement_order = Some(d(2015, 3, 1));
    p1.tracking.par_received = Some(d(2015, 5, 22));
    let mut p2 = ChildRecord::new("P2", d(2014, 1, 1));
    p2.shobpa_decision = Some(d(2014, 3, 1));
    p2.placement_order = Some(d(2014, 6, 1));
    p2.matched = Some(d(2015, 3, 1));
    p2.placed = Some(d(2015, 4, 1));
    p2.tracking.later_life_letter = Some(d(2015, 4, 20));
    p2.tracking.ao_application = Some(d(2015, 6, 1));
    let p3 = ChildRecord::new("P3", d(2015, 5, 1));
    vec![p3, p1, p2]
}

#[test]
fn the_agenda_puts_the_most_overdue_first_then_the_nearest_due() {
    let children = children();
    let as_of = d(2015, 6, 30);
    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    let f = forecast(&ForecastInput {
        children: &children,
        aggregates: &[],
        as_of,
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    });
    let milestones = milestone_dates(
        &children,
        &default_rules(),
        &thresholds,
        as_of,
        &shipped_bank_holidays(),
    );
    let rows = agenda(0, &f, &children, &milestones, &[]);
    let order: Vec<(&str, i64)> = rows
        .iter()
        .map(|r| (r.child_id.as_str(), r.days_overdue))
        .collect();
    assert_eq!(order, [("P2", 62), ("P1", 29), ("P3", 0)]);
    // P1's next milestone is the overdue decision (01/06), before its match (30/06).
    assert_eq!(
        rows[1].next,
        Some((
            "decision to proceed with the prospective family".to_string(),
            d(2015, 6, 1)
        ))
    );
    assert_eq!(rows[0].overdue, [("Annex A report".to_string(), 62)]);
    assert_eq!(rows[2].next, Some(("placed".to_string(), d(2016, 6, 30))));
    let csv = agenda_csv(&rows);
    assert!(csv.starts_with(&format!("{AGENDA_CSV_HEADER}\r\n")));
    let p2 = csv.lines().nth(1).unwrap();
    assert!(
        p2.starts_with("P2,")
            && p2.contains(",Annex A report,2015-04-29,62,Annex A report (62 days),"),
        "{p2}"
    );
}

#[test]
fn milestones_of_stages_passed_are_listed_apart_and_never_order_the_agenda() {
    // As of 30/06/2015. G1 moved in with its adopters on 01/06/2015 with no match date and an
    // initial adoption pack sent on 02/06/2014 never marked returned (due 30/06/2014): a year
    // "overdue" before, now two gaps in the record. Its Annex A report and later life letter
    // are due 29/06/2015 and done; its order application is due 17/08/2015. P1 (above) has a
    // decision 29 days overdue, and now comes first.
    let mut g1 = ChildRecord::new("G1", d(2014, 1, 1));
    g1.shobpa_decision = Some(d(2014, 5, 1));
    g1.placement_order = Some(d(2014, 9, 1));
    g1.placed = Some(d(2015, 6, 1));
    g1.tracking.pack_sent = Some(d(2014, 6, 2));
    g1.tracking.annex_a = Some(d(2015, 6, 20));
    g1.tracking.later_life_letter = Some(d(2015, 6, 20));
    let children = vec![g1, children()[1].clone()];
    let as_of = d(2015, 6, 30);
    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    let f = forecast(&ForecastInput {
        children: &children,
        aggregates: &[],
        as_of,
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    });
    let milestones = milestone_dates(
        &children,
        &default_rules(),
        &thresholds,
        as_of,
        &shipped_bank_holidays(),
    );
    let rows = agenda(0, &f, &children, &milestones, &[]);
    let order: Vec<(&str, i64)> = rows
        .iter()
        .map(|r| (r.child_id.as_str(), r.days_overdue))
        .collect();
    assert_eq!(order, [("P1", 29), ("G1", 0)]);
    let g1 = &rows[1];
    assert!(g1.overdue.is_empty());
    assert_eq!(
        g1.not_recorded,
        ["initial adoption pack returned", "matched"]
    );
    // Its next milestone is the one of the stage it is in: the order application, 77 days
    // after moving in.
    assert_eq!(
        g1.next,
        Some(("adoption order application".to_string(), d(2015, 8, 17)))
    );
}

#[test]
fn the_demonstrations_agenda_counts_no_stage_already_passed_as_overdue() {
    use scorecard::projection::stage_reached;
    use scorecard::timescales::{stage_of, MilestoneStatus};
    let demo = scorecard::demo_dataset();
    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    let f = forecast(&ForecastInput {
        children: &demo.children,
        aggregates: &demo.aggregates,
        as_of: demo.as_of,
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        every_child: false,
    });
    let milestones = milestone_dates(
        &demo.children,
        &default_rules(),
        &thresholds,
        demo.as_of,
        &shipped_bank_holidays(),
    );
    for m in &milestones {
        let child = &demo.children[m.index];
        let passed = stage_of(m.milestone).is_some_and(|s| s < stage_reached(child));
        if m.done_date.is_none() && passed {
            assert_eq!(m.status, MilestoneStatus::NotRecorded, "{m:?}");
        }
        if m.status == MilestoneStatus::Overdue {
            assert!(!passed, "{m:?}");
        }
    }
    let rows = agenda(0, &f, &demo.children, &milestones, &[]);
    // Whatever opens the agenda is overdue in the stage its child is in.
    if let Some(first) = rows.first().filter(|r| r.days_overdue > 0) {
        let child = demo
            .children
            .iter()
            .find(|c| c.child_id == first.child_id)
            .unwrap();
        let worst = milestones
            .iter()
            .filter(|m| m.child_id == first.child_id && m.status == MilestoneStatus::Overdue)
            .max_by_key(|m| m.days_late)
            .unwrap();
        assert!(stage_of(worst.milestone).is_none_or(|s| s >= stage_reached(child)));
    }
}
