//! The required pace against the seeds' worked examples.

mod common;
use common::*;
use scorecard::{
    forecast, FinancialYear, Indicator, PaceStatus, PaceTarget, RollingPeriod, TargetStatus,
    WaitingOutcome,
};

/// Sheffield City Council scrutiny report (2015), §3.5: 535 days of A1 in 2014-15 (here 30 children), target 426 days for the three
/// years ending March 2017, as of the start of 2015-16.
fn sheffield(n1: usize) -> Data {
    let children = (0..n1)
        .map(|i| with_days(&format!("C{i}"), 535, 100, d(2014, 6, 1)))
        .collect();
    let mut data = Data::new(children, d(2015, 4, 1));
    data.target = Some(PaceTarget {
        indicator: Indicator::A1,
        value: 426.0,
        period: RollingPeriod::ending_march(2017),
    });
    data
}

#[test]
fn equal_years_gives_the_seeds_371_5_days() {
    let f = forecast(&sheffield(30).input());
    let pace = f.pace.unwrap();
    // (3 x 426 - 535) / 2 = 371.5
    assert_eq!(pace.equal_years, Some(371.5));
    assert_eq!(pace.equal_years_unknown_years, 2);
}

#[test]
fn child_weighted_30_then_20_and_20_gives_about_344_days() {
    let mut data = sheffield(30);
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2015), 20);
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2016), 20);
    let pace = forecast(&data.input()).pace.unwrap();
    // (426 x 70 - 535 x 30) / 40 = (29820 - 16050) / 40 = 344.25
    assert_eq!(pace.unknown_adoptions, 40);
    assert_eq!(pace.known_children, 30);
    let r = pace.required_average.unwrap();
    assert!((r - 344.25).abs() < 1e-9, "{r}");
    // 344 is faster than the only year in the history (535).
    assert_eq!(pace.status, PaceStatus::BeyondOwnHistory);
    assert_eq!(pace.best_year, Some((FinancialYear(2014), 535.0)));
}

#[test]
fn the_default_expected_adoptions_are_the_mean_of_the_last_three_complete_years() {
    // 2012-13: 10, 2013-14: 20, 2014-15: 30 adoptions: 20 expected in each later year.
    let mut children = Vec::new();
    for (year, n) in [(2012, 10), (2013, 20), (2014, 30)] {
        for i in 0..n {
            children.push(with_days(&format!("C{year}-{i}"), 400, 100, d(year, 6, 1)));
        }
    }
    let f = forecast(&Data::new(children, d(2015, 4, 1)).input());
    assert_eq!(f.expected[0].year, FinancialYear(2015));
    assert_eq!(f.expected[0].expected, 20);
    assert!(!f.expected[0].overridden);
    assert_eq!(f.expected[0].unknown, 20);
}

#[test]
fn a_22_child_pipeline_at_567_days_of_a2_makes_the_pace_impossible() {
    // Sheffield City Council scrutiny report (2015), §3.11: 30 children adopted in 2014-15 at 293 days of A2; 22 children placed
    // without an adoption order whose A2 is 567 days; about 25 adoptions a year.
    let mut children: Vec<_> = (0..30)
        .map(|i| with_days(&format!("A{i}"), 500, 293, d(2014, 9, 1)))
        .collect();
    for i in 0..22 {
        let mut c = with_days(&format!("P{i}"), 800, 567, d(2015, 6, 1));
        c.adoption_order = None;
        c.expected_adoption_order = Some(d(2015, 9, 1));
        children.push(c);
    }
    let mut data = Data::new(children, d(2015, 4, 1));
    for y in [2015, 2016] {
        data.scenario
            .expected_adoptions
            .insert(FinancialYear(y), 25);
    }
    data.target = Some(PaceTarget {
        indicator: Indicator::A2,
        value: 121.0,
        period: RollingPeriod::ending_march(2017),
    });
    let pace = forecast(&data.input()).pace.unwrap();
    // Unknown: 2015-16 has 25 - 22 = 3 left, 2016-17 all 25: 28.
    assert_eq!(pace.unknown_adoptions, 28);
    // (121 x 80 - (30 x 293 + 22 x 567)) / 28 = (9680 - 21264) / 28 = -413.7: impossible.
    let r = pace.required_average.unwrap();
    assert!((r - (9680.0 - 21264.0) / 28.0).abs() < 1e-9);
    assert_eq!(pace.status, PaceStatus::Impossible);

    // Without the pipeline the same target was within reach of 0 days:
    // (121 x 80 - 8790) / 50 = 17.8 days, faster than the only year (293).
    data.children.truncate(30);
    let pace = forecast(&data.input()).pace.unwrap();
    assert!((pace.required_average.unwrap() - 17.8).abs() < 1e-9);
    assert_eq!(pace.status, PaceStatus::BeyondOwnHistory);
}

#[test]
fn a_period_already_complete_has_no_unknown_adoptions() {
    let mut data = sheffield(3);
    data.as_of = d(2017, 4, 1);
    let pace = forecast(&data.input()).pace.unwrap();
    assert_eq!(pace.status, PaceStatus::NoUnknownAdoptions);
    assert_eq!(pace.required_average, None);
    // 535 days > 426: not met.
    assert_eq!(pace.met_without_unknown, Some(false));
}

/// The performance action plan template (2014-15): 15 of 22 adoptions within 12 months of the decision.
fn seed_004(in_time: usize, total: usize) -> Data {
    let children = (0..total)
        .map(|i| {
            // 300 days (in time) or 400 days (late) from the decision to moving in.
            let late = i >= in_time;
            let decision = d(2014, 1, 1);
            let placed = decision + chrono::Duration::days(if late { 400 } else { 300 });
            adopted(
                &format!("C{i}"),
                d(2013, 6, 1),
                decision,
                d(2014, 2, 1),
                d(2014, 3, 1),
                placed,
                d(2015, 3, 1),
            )
        })
        .collect();
    Data::new(children, d(2015, 4, 1))
}

#[test]
fn fifteen_of_twenty_two_is_68_2_percent_and_sixteen_of_twenty_three_69_6() {
    let f = forecast(&seed_004(15, 22).input());
    let y = f
        .year(FinancialYear(2014))
        .unwrap()
        .figure(Indicator::Placed12mPercent);
    assert_eq!(y.children, 22);
    assert!((y.value.unwrap() - 1500.0 / 22.0).abs() < 1e-9); // 68.18...
    assert!(f
        .to_csv()
        .contains("year,2014-15,placed_12m_percent,22,68.2,80,no,actual"));
    let f = forecast(&seed_004(16, 23).input());
    assert!(f
        .to_csv()
        .contains("year,2014-15,placed_12m_percent,23,69.6,80,no,actual"));
}

#[test]
fn the_percentage_solver_says_how_many_must_be_in_time() {
    let mut data = seed_004(15, 22);
    data.as_of = d(2014, 12, 1); // 2014-15 still open
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2014), 32);
    data.target = Some(PaceTarget {
        indicator: Indicator::Placed12mPercent,
        value: 80.0,
        period: RollingPeriod::ending_march(2015),
    });
    let pace = forecast(&data.input()).pace.unwrap();
    // 10 more adoptions: 80% of 32 is 25.6, so 11 would be needed: impossible.
    assert_eq!(pace.unknown_adoptions, 10);
    assert_eq!(pace.status, PaceStatus::Impossible);
    assert_eq!(pace.required_in_time, None);
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2014), 62);
    let pace = forecast(&data.input()).pace.unwrap();
    // 40 more: 80% of 62 = 49.6 -> 50 in time, 35 of the 40.
    assert_eq!(pace.required_in_time, Some(35));
    // (0.8 x 62 - 15) / 40 = 86.5% of them.
    assert!((pace.required_average.unwrap() - 86.5).abs() < 1e-9);
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2014), 23);
    data.target.as_mut().unwrap().value = 60.0;
    let pace = forecast(&data.input()).pace.unwrap();
    // 60% of 23 = 13.8 <= 15: met even if the one further adoption is late.
    assert_eq!(pace.status, PaceStatus::AlreadyMet);
}

/// The Sheffield case with two children still waiting, as of 01/04/2015: 30 adopted in
/// 2014-15 at 535 days of A1; W1 entered care on 01/04/2014 (365 days waited) and W2 on
/// 01/01/2015 (90 days), both expected to be adopted in 2015-16; 20 adoptions expected in each
/// of 2015-16 and 2016-17. Target: 426 days of A1 for 2014-17.
fn sheffield_with_two_waiting() -> Data {
    let mut data = sheffield(30);
    for (id, entered) in [("W1", d(2014, 4, 1)), ("W2", d(2015, 1, 1))] {
        let mut c = scorecard::ChildRecord::new(id, entered);
        c.expected_placed = Some(d(2015, 9, 1));
        c.expected_adoption_order = Some(d(2016, 1, 4));
        data.children.push(c);
    }
    for y in [2015, 2016] {
        data.scenario
            .expected_adoptions
            .insert(FinancialYear(y), 20);
    }
    data
}

#[test]
fn the_children_still_waiting_and_the_adoptions_to_come_share_the_pace() {
    let pace = forecast(&sheffield_with_two_waiting().input())
        .pace
        .unwrap();
    let w = &pace.waiting;
    // Fixed: the 30 adopted children, 30 x 535 = 16050 days. Open: W1, W2, and
    // (20 - 2) + 20 = 38 adoptions not yet in the data: 40. All: 70 children.
    assert_eq!((w.fixed_children, w.fixed_sum), (30, 16050.0));
    assert_eq!(
        (w.waiting.len(), w.unknown_adoptions, w.open_children()),
        (2, 38, 40)
    );
    // The cards meet 426 for any average under 426.5 (rounded to the day), so the 40 open
    // children share just under 426.5 x 70 - 16050 = 13805 days. At X >= 365 all 40 take X:
    // X = 345.1 < 365, so W1 stays at its 365 days: 39 X + 365 = 13805, X = 13440 / 39.
    let WaitingOutcome::Pace { days } = w.outcome else {
        panic!("{:?}", w.outcome)
    };
    assert!((days - 13440.0 / 39.0).abs() < 1e-6, "{days}"); // 344.62
                                                             // W1 has waited 365 days, longer than 344: as soon as possible, its date is today.
    let w1 = &w.waiting[0];
    assert_eq!((w1.child_id.as_str(), w1.waited_days), ("W1", 365));
    assert_eq!(
        (w1.status, w1.target_date),
        (TargetStatus::Overdue, d(2015, 4, 1))
    );
    // One child on pace, one as soon as possible.
    let ids = |it: &mut dyn Iterator<Item = &scorecard::WaitingChild>| {
        it.map(|c| c.child_id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&mut w.on_pace()), ["W2"]);
    assert_eq!(ids(&mut w.overdue()), ["W1"]);
    // W2: 01/01/2015 + 344 days = 11/12/2015 (day 345 of a common year).
    let w2 = &w.waiting[1];
    assert_eq!((w2.waited_days, w2.target_days), (90, 344));
    assert_eq!(
        (w2.status, w2.target_date),
        (TargetStatus::OnPace, d(2015, 12, 11))
    );
    // The CSV row: X rounded down to one decimal, children the 40 open ones.
    let f = forecast(&sheffield_with_two_waiting().input());
    assert!(f
        .to_csv()
        .contains("required_pace,2014-17,A1,40,344.6,426,,projected,,,\n"));
    assert_eq!(
        pace.target_dates_csv(),
        "child_id,indicator,period,start,waited_days,target_days,target_date,status\r\n\
         W1,A1,2014-17,2014-04-01,365,365,2015-04-01,overdue\r\n\
         W2,A1,2014-17,2015-01-01,90,344,2015-12-11,on_pace\r\n"
    );
}

#[test]
fn placed_children_are_fixed_and_can_make_the_pace_not_possible() {
    // The 22 children of the Sheffield scrutiny report's §3.11 are matched and placed: their
    // A2 of 567 days is final. Fixed: 30 x 293 + 22 x 567 = 8790 + 12474 = 21264 days over
    // 52 children; open: 28 expected adoptions at floor 0. 121 x 80 = 9680 < 21264.
    let mut children: Vec<_> = (0..30)
        .map(|i| with_days(&format!("A{i}"), 500, 293, d(2014, 9, 1)))
        .collect();
    for i in 0..22 {
        let mut c = with_days(&format!("P{i}"), 800, 567, d(2015, 6, 1));
        c.adoption_order = None;
        c.expected_adoption_order = Some(d(2015, 9, 1));
        children.push(c);
    }
    let mut data = Data::new(children, d(2015, 4, 1));
    for y in [2015, 2016] {
        data.scenario
            .expected_adoptions
            .insert(FinancialYear(y), 25);
    }
    data.target = Some(PaceTarget {
        indicator: Indicator::A2,
        value: 121.0,
        period: RollingPeriod::ending_march(2017),
    });
    let f = forecast(&data.input());
    let w = &f.pace.as_ref().unwrap().waiting;
    assert_eq!((w.fixed_children, w.fixed_sum), (52, 21264.0));
    assert!(w.waiting.is_empty());
    assert_eq!(w.unknown_adoptions, 28);
    // Best reachable: everything open at 0 days, 21264 / 80 = 265.8 days.
    assert_eq!(
        w.outcome,
        WaitingOutcome::NotPossible {
            best_average: 21264.0 / 80.0
        }
    );
    assert!(f
        .to_csv()
        .contains("required_pace,2014-17,A2,28,,121,,not_possible,,,\n"));
}

#[test]
fn for_a_percentage_children_past_the_line_count_as_late() {
    // Target: 60% placed within 14 months for 2015-16, as of 01/04/2015. Nobody is fixed:
    // all 4 children of the year are open. W1 entered care 01/01/2014: its line, 14 months on,
    // was 01/03/2015, before today: late whatever happens. W2 entered 01/01/2015: in time if it
    // moves in by 28/02/2016; W3, entered 01/02/2015, by 31/03/2016. One more adoption
    // expected. 60% of 4 = 2.4 -> 3 must be in time, of the 3 who still can be.
    // All are matched, waiting to move in, so their expected dates put them in 2015-16.
    let mut children = Vec::new();
    for (id, entered) in [
        ("W1", d(2014, 1, 1)),
        ("W2", d(2015, 1, 1)),
        ("W3", d(2015, 2, 1)),
    ] {
        let mut c = scorecard::ChildRecord::new(id, entered);
        c.shobpa_decision = Some(d(2015, 2, 1));
        c.placement_order = Some(d(2015, 3, 1));
        c.matched = Some(d(2015, 3, 20));
        c.expected_placed = Some(d(2015, 9, 1));
        c.expected_adoption_order = Some(d(2016, 1, 4));
        children.push(c);
    }
    let mut data = Data::new(children, d(2015, 4, 1));
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2015), 4);
    data.target = Some(PaceTarget {
        indicator: Indicator::A3Percent,
        value: 60.0,
        period: RollingPeriod::ending_march(2016),
    });
    let pace = forecast(&data.input()).pace.unwrap();
    let w = &pace.waiting;
    assert_eq!(
        w.outcome,
        WaitingOutcome::InTime {
            needed: 3,
            can_be: 3
        }
    );
    assert_eq!(w.waiting[0].status, TargetStatus::Overdue);
    assert_eq!(
        (w.waiting[1].status, w.waiting[1].target_date),
        (TargetStatus::OnPace, d(2016, 2, 29))
    );
    // 80% needs 3.2 -> 4, more than the 3 who can: not possible, and
    // the best is 3 of 4 = 75%.
    data.target.as_mut().unwrap().value = 80.0;
    let pace = forecast(&data.input()).pace.unwrap();
    assert_eq!(
        pace.waiting.outcome,
        WaitingOutcome::InTimeNotPossible { best_percent: 75.0 }
    );
}

#[test]
fn the_solver_judges_met_as_the_cards_do_rounded_to_the_day() {
    // 3 children fixed at 426, 426 and 427 days (1279), one expected adoption at floor 0.
    // The cards call an average met when, rounded to the day, it is at or below 426: any
    // total under 4 x 426.5 = 1706. So the last child may take up to 1706 - 1279 = 427 days
    // (exclusive): 426.9 is said, and 426 whole days. Solving for exactly 426 would have
    // said 425 days.
    let children: Vec<_> = [426, 426, 427]
        .iter()
        .enumerate()
        .map(|(i, days)| with_days(&format!("C{i}"), *days, 100, d(2015, 6, 1)))
        .collect();
    let mut data = Data::new(children, d(2016, 1, 1));
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2015), 4);
    data.target = Some(PaceTarget {
        indicator: Indicator::A1,
        value: 426.0,
        period: RollingPeriod::ending_march(2016),
    });
    let f = forecast(&data.input());
    let WaitingOutcome::Pace { days } = f.pace.as_ref().unwrap().waiting.outcome else {
        panic!()
    };
    assert!(days > 426.9 && days < 427.0, "{days}");
    assert!(f
        .to_csv()
        .contains("required_pace,2013-16,A1,1,426.9,426,,projected,,,\n"));
    // And the figure at that pace, (1279 + 426.9) / 4 = 426.475, is met by the cards' rule.
    let status = scorecard::ThresholdSchedule::status(Indicator::A1, (1279.0 + 426.9) / 4.0, 426.0);
    assert!(status.met);
}

#[test]
fn an_a3_count_target_is_solved_as_a_number_of_children_not_days() {
    // 2015-16 so far: 6 children adopted, all moved in under 14 months (300 days of A1);
    // 11 adoptions expected in the year, so 5 more. Target: at least 10 children under 14
    // months: 4 of the 5 still to come must be.
    let children: Vec<_> = (0..6)
        .map(|i| with_days(&format!("C{i}"), 300, 100, d(2015, 6, 1)))
        .collect();
    let mut data = Data::new(children, d(2015, 10, 1));
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2015), 11);
    data.target = Some(PaceTarget {
        indicator: Indicator::A3,
        value: 10.0,
        period: RollingPeriod::ending_march(2016),
    });
    let pace = forecast(&data.input()).pace.unwrap();
    assert_eq!(pace.required_in_time, Some(4));
    assert_eq!(pace.status, PaceStatus::Achievable);
    assert_eq!(
        pace.waiting.outcome,
        WaitingOutcome::InTime {
            needed: 4,
            can_be: 5
        }
    );
    // 12 would need all 5 and more: not possible; 6 is met already.
    data.target.as_mut().unwrap().value = 12.0;
    let pace = forecast(&data.input()).pace.unwrap();
    assert_eq!(pace.status, PaceStatus::Impossible);
    data.target.as_mut().unwrap().value = 6.0;
    let pace = forecast(&data.input()).pace.unwrap();
    assert_eq!(pace.status, PaceStatus::AlreadyMet);
}

#[test]
fn for_a10_a_foster_carer_adoption_is_fixed_once_the_foster_placement_began() {
    // As of 01/04/2015, target A10 for 2014-17. F1 is being adopted by its foster carers: it
    // moved in with them as a foster placement on 01/10/2014, so its A10 is final (273 days
    // from entering care on 01/01/2014), though it has not moved in as an adoptive placement.
    // F2 is not a foster-carer adoption; a foster placement date on its record (a slip) does
    // not stop its A10 clock, so it is still waiting.
    let mut data = sheffield(0);
    for (id, foster) in [("F1", true), ("F2", false)] {
        let mut c = scorecard::ChildRecord::new(id, d(2014, 1, 1));
        c.shobpa_decision = Some(d(2014, 3, 1));
        c.placement_order = Some(d(2014, 6, 1));
        c.matched = Some(d(2014, 9, 1));
        c.foster_carer_adoption = foster;
        c.foster_placement_start = Some(d(2014, 10, 1));
        c.expected_placed = Some(d(2015, 6, 1));
        c.expected_adoption_order = Some(d(2015, 12, 1));
        data.children.push(c);
    }
    data.target = Some(PaceTarget {
        indicator: Indicator::A10,
        value: 426.0,
        period: RollingPeriod::ending_march(2017),
    });
    let pace = forecast(&data.input()).pace.unwrap();
    let waiting: Vec<&str> = pace
        .waiting
        .waiting
        .iter()
        .map(|c| c.child_id.as_str())
        .collect();
    assert_eq!(waiting, ["F2"]);
    // F1 is among the fixed: 01/01/2014 -> 01/10/2014 = 273 days.
    assert_eq!(pace.waiting.fixed_children, 1);
    assert_eq!(pace.waiting.fixed_sum, 273.0);
    // For A1 both are still waiting to move in as adoptive placements.
    data.target.as_mut().unwrap().indicator = Indicator::A1;
    let pace = forecast(&data.input()).pace.unwrap();
    assert_eq!(pace.waiting.waiting.len(), 2);
}

#[test]
fn a_waiting_child_expected_in_a_later_period_is_not_open_in_this_one() {
    // W3 is expected to be adopted on 01/06/2017, in 2017-18: it counts in 2015-18, not in
    // 2014-17, so the 2014-17 target is shared by W1, W2 and the 38 expected adoptions only.
    let mut data = sheffield_with_two_waiting();
    // W3's decision on the day it entered care, as the thirty adopted children's: a stage
    // that took W3 longer would say that decisions can take long, and W1, waiting 365 days
    // for one, would then be projected past 2016-17.
    let mut w3 = scorecard::ChildRecord::new("W3", d(2015, 2, 1));
    w3.shobpa_decision = Some(d(2015, 2, 1));
    w3.placement_order = Some(d(2015, 3, 15));
    w3.matched = Some(d(2015, 3, 30));
    w3.expected_placed = Some(d(2017, 1, 1));
    w3.expected_adoption_order = Some(d(2017, 6, 1));
    data.children.push(w3);
    let pace = forecast(&data.input()).pace.unwrap();
    let waiting: Vec<&str> = pace
        .waiting
        .waiting
        .iter()
        .map(|c| c.child_id.as_str())
        .collect();
    assert_eq!(waiting, ["W1", "W2"]);
    assert_eq!(pace.waiting.open_children(), 40);
}

#[test]
fn a_child_whose_own_date_would_be_today_must_move_as_soon_as_possible() {
    // W1 alone is open in 2014-17 (the two expected adoptions of 2015-16 and 2016-17 set to
    // W1 and none): waited 365 days by 01/04/2015. A target of 365 days: X is just under
    // 365.5, so W1's own date would be 01/04/2014 + 365 days = 01/04/2015, today.
    let mut data = sheffield(0);
    let mut w1 = scorecard::ChildRecord::new("W1", d(2014, 4, 1));
    w1.expected_placed = Some(d(2015, 9, 1));
    w1.expected_adoption_order = Some(d(2016, 1, 4));
    data.children.push(w1);
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2015), 1);
    data.scenario
        .expected_adoptions
        .insert(FinancialYear(2016), 0);
    data.target.as_mut().unwrap().value = 365.0;
    let pace = forecast(&data.input()).pace.unwrap();
    let w = &pace.waiting.waiting[0];
    assert_eq!(pace.waiting.open_children(), 1);
    assert_eq!(
        (w.status, w.target_date),
        (TargetStatus::Overdue, d(2015, 4, 1))
    );
}

#[test]
fn out_of_reach_the_best_average_counts_the_days_already_waited() {
    // The Sheffield case with W1 (365 days) and W2 (90): a target of 100 days needs under
    // 100.5 x 70 = 7035 days, but 16050 + 365 + 90 = 16505 are already spent: best 235.8.
    let mut data = sheffield_with_two_waiting();
    data.target.as_mut().unwrap().value = 100.0;
    let pace = forecast(&data.input()).pace.unwrap();
    let WaitingOutcome::NotPossible { best_average } = pace.waiting.outcome else {
        panic!("{:?}", pace.waiting.outcome)
    };
    assert!(
        (best_average - 16505.0 / 70.0).abs() < 1e-9,
        "{best_average}"
    );
    assert_eq!(
        (
            pace.waiting.waiting[0].target_days,
            pace.waiting.waiting[1].target_days
        ),
        (365, 90)
    );
}
