//! Yearly and three-year figures, aggregates, projection and the CSV export, against values
//! worked out by hand.

mod common;
use common::*;
use scorecard::{
    forecast, simulate, Basis, ChildRecord, FinancialYear, Indicator, PaceTarget, RollingPeriod,
    SimulationSettings, Stage, StageDuration, YearAggregate, YearSource, FORECAST_CSV_HEADER,
};

fn fy(y: i32) -> FinancialYear {
    FinancialYear(y)
}

#[test]
fn the_three_year_average_is_over_children_not_a_mean_of_yearly_means() {
    // 2013-14: one child at 100 days; 2014-15: three at 200; 2015-16: none.
    // Children: (100 + 3 x 200) / 4 = 175. A mean of yearly means would say 150.
    let data = Data::new(
        vec![
            with_days("A", 100, 10, d(2013, 6, 1)),
            with_days("B", 200, 10, d(2014, 6, 1)),
            with_days("C", 200, 10, d(2014, 7, 1)),
            with_days("D", 200, 10, d(2015, 3, 31)),
        ],
        d(2016, 5, 1),
    );
    let f = forecast(&data.input());
    let p = f.period(RollingPeriod::parse("2013-16").unwrap()).unwrap();
    let a1 = p.figure(Indicator::A1);
    assert_eq!(a1.children, 4);
    assert_eq!(a1.value, Some(175.0));
    // 2015-16 holds no child and no yearly figure: the figure covers 2 of the 3 years, and
    // is not judged against the 2013-16 threshold until the third year has data.
    assert_eq!(p.years_covered, 2);
    assert_eq!(a1.basis, Basis::Partial);
    assert_eq!(a1.status, None);
    // An empty year has no value, and a year with children does.
    assert_eq!(f.year(fy(2015)).unwrap().figure(Indicator::A1).value, None);
    assert_eq!(
        f.year(fy(2014)).unwrap().figure(Indicator::A1).value,
        Some(200.0)
    );
}

#[test]
fn a_window_mixes_an_aggregate_year_with_child_years_and_the_yearly_figures_win_a_clash() {
    let mut data = Data::new(
        vec![
            with_days("A", 300, 50, d(2013, 6, 1)),
            with_days("B", 500, 150, d(2014, 6, 1)),
        ],
        d(2016, 5, 1),
    );
    data.aggregates = vec![
        YearAggregate {
            authority: 0,
            year: fy(2012),
            adopted: 10,
            a1_average_days: 400.0,
            a2_children: 8,
            a2_average_days: Some(100.0),
            a3_under_14_months: 4,
            a10_average_days: None,
        },
        // Clashes with child A's year: the published figure covers every child adopted in
        // 2013-14, so it is used, A is left out, and the clash is reported.
        YearAggregate {
            authority: 0,
            year: fy(2013),
            adopted: 5,
            a1_average_days: 600.0,
            a2_children: 5,
            a2_average_days: Some(200.0),
            a3_under_14_months: 1,
            a10_average_days: Some(580.0),
        },
    ];
    let f = forecast(&data.input());
    assert_eq!(f.conflicting_years, vec![fy(2013)]);
    assert_eq!(f.year(fy(2012)).unwrap().source, YearSource::Aggregate);
    assert_eq!(f.year(fy(2013)).unwrap().source, YearSource::Aggregate);
    let p = f.period(RollingPeriod::parse("2012-15").unwrap()).unwrap();
    // A1: (10 x 400 + 5 x 600 + 500) / 16 = 7500 / 16 = 468.75.
    assert_eq!(p.figure(Indicator::A1).children, 16);
    assert_eq!(p.figure(Indicator::A1).value, Some(468.75));
    // A2: (8 x 100 + 5 x 200 + 150) / 14 = 1950 / 14 = 139.29.
    assert_eq!(p.figure(Indicator::A2).children, 14);
    let a2 = p.figure(Indicator::A2).value.unwrap();
    assert!((a2 - 1950.0 / 14.0).abs() < 1e-9);
    // A10 is not in the 2012-13 figures: (5 x 580 + 500) / 6 = 3400 / 6 = 566.67.
    assert_eq!(p.figure(Indicator::A10).children, 6);
    // A3: 4 + 1 from the yearly figures; B (500 days) is not under 14 months.
    assert_eq!(p.figure(Indicator::A3).value, Some(5.0));
    let pct = p.figure(Indicator::A3Percent).value.unwrap();
    assert!((pct - 5.0 / 16.0 * 100.0).abs() < 1e-9);
}

#[test]
fn a_pipeline_child_is_projected_from_the_scenario_and_never_before_the_as_of_date() {
    // Placement order on 1 Sep 2015, no match yet; as of 1 Mar 2016. With 10 days for
    // family finding the match would be 11 Sep 2015, in the past: it is the as-of date.
    let mut c = ChildRecord::new("P1", d(2015, 1, 1));
    c.shobpa_decision = Some(d(2015, 6, 1));
    c.placement_order = Some(d(2015, 9, 1));
    let mut data = Data::new(vec![c], d(2016, 3, 1));
    data.scenario
        .stages
        .insert(Stage::PlacementOrderToMatch, StageDuration::Days(10));
    data.scenario
        .stages
        .insert(Stage::MatchToPlaced, StageDuration::Days(30));
    data.scenario
        .stages
        .insert(Stage::PlacedToAdoptionOrder, StageDuration::Days(100));
    let f = forecast(&data.input());
    let p = &f.pipeline[0];
    assert_eq!(p.stage, Stage::PlacementOrderToMatch);
    let m = p.projection.milestones;
    assert_eq!(m.matched, Some(d(2016, 3, 1)));
    assert_eq!(m.placed, Some(d(2016, 3, 31)));
    assert_eq!(m.adoption_order, Some(d(2016, 7, 9))); // 31 Mar + 100 days
    assert_eq!(p.projection.year, fy(2016));
    // A2: 1 Sep 2015 -> 1 Mar 2016 = 30 + 31 + 30 + 31 + 31 + 29 (leap February) = 182.
    assert_eq!(p.projection.values.a2_days, Some(182));
    assert_eq!(p.days_so_far, 425); // 1 Jan 2015 -> 1 Mar 2016 = 365 + 31 + 29
    let y = f.year(fy(2016)).unwrap();
    assert_eq!(y.projected, 1);
    assert_eq!(y.figure(Indicator::A2).basis, Basis::Projected);
}

#[test]
fn expected_dates_replace_the_stage_durations_but_not_the_as_of_rule() {
    let mut c = ChildRecord::new("P1", d(2015, 1, 1));
    c.shobpa_decision = Some(d(2015, 6, 1));
    c.placement_order = Some(d(2015, 9, 1));
    c.matched = Some(d(2015, 10, 1));
    c.expected_placed = Some(d(2016, 1, 1)); // overdue on the as-of date
    c.expected_adoption_order = Some(d(2016, 4, 1));
    let data = Data::new(vec![c], d(2016, 2, 1));
    let f = forecast(&data.input());
    let m = f.pipeline[0].projection.milestones;
    assert_eq!(
        m.placed,
        Some(d(2016, 2, 1)),
        "an overdue expected date moves to the as-of date"
    );
    assert_eq!(m.adoption_order, Some(d(2016, 4, 1)));
    assert_eq!(
        f.pipeline[0].projection.year,
        fy(2016),
        "1 April opens 2016-17"
    );
    assert_eq!(
        f.pipeline[0].projection.projected,
        [false, false, false, true, true]
    );
}

#[test]
fn the_default_durations_are_national_until_five_children_completed_a_stage() {
    let data = Data::new(vec![with_days("A", 300, 50, d(2013, 6, 1))], d(2016, 5, 1));
    let f = forecast(&data.input());
    assert_eq!(f.durations.days, [274, 122, 183, 30, 274]);
    let kids = (0..5)
        .map(|i| with_days(&format!("K{i}"), 300, 40 + 10 * i, d(2014, 6, 1)))
        .collect();
    let f = forecast(&Data::new(kids, d(2016, 5, 1)).input());
    // Placement order to match: 40, 50, 60, 70, 80 days; the median is 60.
    assert_eq!(f.durations.days(Stage::PlacementOrderToMatch), 60);
    // Match to moving in is 20 days for every child (see `with_days`).
    assert_eq!(f.durations.days(Stage::MatchToPlaced), 20);
}

#[test]
fn a_pipeline_child_reports_what_it_adds_to_each_period() {
    // Two adopted children in 2015-16 at 100 and 200 days of A1; a pipeline child whose
    // projected A1 will be 600 days, adopted in 2016-17.
    let mut pipeline = ChildRecord::new("P", d(2015, 1, 1));
    pipeline.shobpa_decision = Some(d(2015, 3, 1));
    pipeline.placement_order = Some(d(2015, 5, 1));
    pipeline.matched = Some(d(2015, 8, 1));
    pipeline.expected_placed = Some(d(2016, 8, 23)); // 1 Jan 2015 + 600 days
    pipeline.expected_adoption_order = Some(d(2016, 12, 1));
    let data = Data::new(
        vec![
            with_days("A", 100, 10, d(2015, 6, 1)),
            with_days("B", 200, 10, d(2015, 7, 1)),
            pipeline,
        ],
        d(2016, 5, 1),
    );
    let f = forecast(&data.input());
    let p = &f.pipeline[0];
    assert_eq!(p.projection.values.a1_days, Some(600));
    let c = p
        .contributions
        .iter()
        .find(|c| {
            c.indicator == Indicator::A1 && c.period == RollingPeriod::parse("2014-17").unwrap()
        })
        .unwrap();
    // With: (100 + 200 + 600) / 3 = 300; without: 150; it adds 150 days.
    assert!((c.change - 150.0).abs() < 1e-9);
    // 2014-15 holds no child: 2014-17 covers 2 of its 3 years.
    let period = f.period(RollingPeriod::parse("2014-17").unwrap()).unwrap();
    assert_eq!(period.figure(Indicator::A1).basis, Basis::Partial);
    // 2015-18 covers 2015-16, 2016-17 (the projected child) and, with the adoptions the
    // scenario expects, 2017-18: actual and projected children together.
    let assumed = f
        .period_assumed(RollingPeriod::parse("2015-18").unwrap())
        .unwrap();
    assert_eq!(assumed.figure(Indicator::A1).basis, Basis::Mixed);
}

/// Two children and an aggregate, worked through by hand:
/// - aggregate 2013-14: 10 adopted, A1 500, A2 8 children at 150, 3 under 14 months;
/// - C1: entered 1 Jan 2014, decision 1 Mar, order 1 May, match 1 Jul, placed 1 Aug 2014,
///   adopted 31 Mar 2015 (2014-15): A1 212, A2 61, under 14 months, within 12 months;
/// - C2: entered 1 Apr 2013, decision 1 Jan 2014, order 1 Feb, matched 20 Jan 2014 (before
///   the order), placed 1 Jun 2014, adopted 1 Apr 2015 (2015-16): A1 426, A2 0, not under
///   14 months (placed on the 14-month day), within 12 months.
fn committee_data() -> Data {
    let c1 = adopted(
        "C1",
        d(2014, 1, 1),
        d(2014, 3, 1),
        d(2014, 5, 1),
        d(2014, 7, 1),
        d(2014, 8, 1),
        d(2015, 3, 31),
    );
    let c2 = adopted(
        "C2",
        d(2013, 4, 1),
        d(2014, 1, 1),
        d(2014, 2, 1),
        d(2014, 1, 20),
        d(2014, 6, 1),
        d(2015, 4, 1),
    );
    let mut data = Data::new(vec![c1, c2], d(2016, 1, 15));
    data.aggregates = vec![YearAggregate {
        authority: 0,
        year: fy(2013),
        adopted: 10,
        a1_average_days: 500.0,
        a2_children: 8,
        a2_average_days: Some(150.0),
        a3_under_14_months: 3,
        a10_average_days: None,
    }];
    data.target = Some(PaceTarget {
        indicator: Indicator::A1,
        value: 426.0,
        period: RollingPeriod::parse("2013-16").unwrap(),
    });
    data
}

#[test]
fn the_csv_has_the_exact_header_and_hand_checked_rows() {
    let data = committee_data();
    let f = forecast(&data.input());
    let csv = f.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets"
    );
    assert_eq!(lines[0], FORECAST_CSV_HEADER);
    let has = |row: &str| assert!(lines.contains(&row), "missing row {row}\n{csv}");
    // 2013-16 A1: (10 x 500 + 212 + 426) / 12 = 5638 / 12 = 469.83; threshold 426: not met.
    has("rolling,2013-16,A1,12,469.8,426,no,actual,,,");
    // A10 has no aggregate figure: (212 + 426) / 2 = 319 over two children of one year. The
    // year of yearly figures says nothing of A10, so the figure is partial, never judged
    // (beside A1 at 470, not met, it must not read as met).
    has("rolling,2013-16,A10,2,319.0,426,,partial,,,");
    // A2: (8 x 150 + 61 + 0) / 10 = 126.1 against 121 for March 2016.
    has("rolling,2013-16,A2,10,126.1,121,no,actual,,,");
    // A3: 3 + 1 + 0 = 4 of 12; no threshold.
    has("rolling,2013-16,A3,12,4.0,,,actual,,,");
    // The period before holds the aggregate and C1: (5000 + 212) / 11 = 473.8; but 2012-13
    // has no data, so it covers 2 of 3 years and is not judged against its 497.
    has("rolling,2012-15,A1,11,473.8,497,,partial,,,");
    // Single years: C1's year.
    has("year,2014-15,A1,1,212.0,,,actual,,,");
    has("year,2014-15,A3_percent,1,100.0,,,actual,,,");
    has("year,2014-15,placed_12m_percent,1,100.0,80,yes,actual,,,");
    has("year,2013-14,placed_12m_percent,0,,80,,actual,,,");
    // The three-year share under 14 months: 4 of 12 = 33.3%, no threshold.
    has("rolling,2013-16,A3_percent,12,33.3,,,actual,,,");
    // Every listed rolling period has its A3_percent row.
    let rolling = |ind: &str| {
        lines
            .iter()
            .filter(|l| l.starts_with("rolling,") && l.split(',').nth(2) == Some(ind))
            .count()
    };
    assert!(rolling("A1") > 0);
    assert_eq!(rolling("A3_percent"), rolling("A1"));
    // Assumed: the expected adoptions default to the mean of the last three complete years
    // with data, (10 + 1) / 2 = 5.5 -> 6; 2015-16 already has C2, so 5 more at the last
    // complete year's pace (2014-15: C1, 212 days). (426 + 5 x 212) / 6 = 1486 / 6 = 247.7.
    has("year_assumed,2015-16,A1,6,247.7,,,mixed,,,");
    // 2016-17: 6 assumed adoptions at 212 days.
    has("year_assumed,2016-17,A1,6,212.0,,,projected,,,");
    // 2013-16 with them: (5000 + 212 + 426 + 1060) / 17 = 6698 / 17 = 394.0: met.
    has("rolling_assumed,2013-16,A1,17,394.0,426,yes,mixed,,,");
    // Required pace for 426 in 2013-16: the cards meet 426 for averages under 426.5, so the
    // 5 expected adoptions share just under 426.5 x 17 - 5638 = 1612.5 days: under 322.5,
    // said rounded down as 322.4.
    has("required_pace,2013-16,A1,5,322.4,426,,projected,,,");
    // Equal years: 2013-14 500 and 2014-15 212 are known; (3 x 426 - 712) / 1 = 566.
    has("required_pace_equal_years,2013-16,A1,,566.0,426,,projected,,,");
    // Years with no child are not listed; every row has eleven fields.
    assert!(!csv.contains("year,2012-13"));
    for l in &lines {
        assert_eq!(l.split(',').count(), 11, "{l}");
    }
}

#[test]
fn the_file_gives_the_likely_range_and_the_chance_where_the_figure_is_not_final() {
    // With a spread of 0 every run is the deterministic projection, so the likely range is
    // the figure itself and the chance is 0 or 1 by the scorecard's rule.
    let mut data = committee_data();
    data.scenario.spread_percent = Some(0.0);
    let f = forecast(&data.input());
    let summary = simulate(&data.input(), SimulationSettings { runs: 20, seed: 1 });
    let csv = f.to_csv_with(Some(&summary));
    let lines: Vec<&str> = csv.lines().collect();
    let has = |row: &str| assert!(lines.contains(&row), "missing row {row}\n{csv}");
    assert_eq!(lines[0], FORECAST_CSV_HEADER);
    // 2013-16 from the data alone is final (C2 was adopted on 01/04/2015): nothing to say.
    has("rolling,2013-16,A1,12,469.8,426,no,actual,,,");
    // With the 5 adoptions expected, 394.0 in every run: met in all of them.
    has("rolling_assumed,2013-16,A1,17,394.0,426,yes,mixed,394.0,394.0,1.000");
    // A10 without the yearly figures' A10 is partial: a range, but no chance of meeting.
    // (212 + 426 + 5 x 212) / 7 = 1698 / 7 = 242.6.
    has("rolling_assumed,2013-16,A10,7,242.6,426,,partial,242.6,242.6,");
    // A single year has a range but no threshold; A3 is not simulated (3 + 1 + 0, and the 5
    // expected at 2014-15's 100% under 14 months: 9).
    has("year_assumed,2015-16,A1,6,247.7,,,mixed,247.7,247.7,");
    has("rolling_assumed,2013-16,A3,17,9.0,,,mixed,,,");
    // Without a simulation the three columns are empty.
    assert!(f
        .to_csv()
        .contains("\nrolling_assumed,2013-16,A1,17,394.0,426,yes,mixed,,,\n"));
}

#[test]
fn a_child_who_left_the_route_is_neither_projected_nor_counted() {
    let mut left = ChildRecord::new("L", d(2015, 1, 1));
    left.shobpa_decision = Some(d(2015, 6, 1));
    left.left_route = Some(d(2015, 12, 1));
    let waiting = ChildRecord::new("W", d(2015, 1, 1));
    let data = Data::new(vec![left, waiting], d(2016, 1, 1));
    let f = forecast(&data.input());
    assert_eq!(f.pipeline.len(), 1);
    assert_eq!(f.pipeline[0].child_id, "W");
    assert_eq!(f.pipeline[0].stage, Stage::EnteredCareToDecision);
    // National durations from 1 Jan 2016 (the as-of date, as the decision is overdue):
    // decision 1 Jan 2016 (1 Jan 2015 + 274 days is 2 Oct 2015, before the as-of date),
    // + 122 = 2 May 2016, + 183 = 1 Nov 2016, + 30 = 1 Dec 2016, + 274 = 1 Sep 2017.
    let m = f.pipeline[0].projection.milestones;
    assert_eq!(m.shobpa_decision, Some(d(2016, 1, 1)));
    assert_eq!(m.placement_order, Some(d(2016, 5, 2)));
    assert_eq!(m.matched, Some(d(2016, 11, 1)));
    assert_eq!(m.placed, Some(d(2016, 12, 1)));
    assert_eq!(m.adoption_order, Some(d(2017, 9, 1)));
    assert_eq!(f.pipeline[0].projection.year, fy(2017));
    let total: u64 = f.years.iter().map(|y| y.adopted + y.projected).sum();
    assert_eq!(total, 1);
}

#[test]
fn three_years_of_very_large_yearly_figures_and_expected_totals_never_overflow() {
    // Three years of 2,000,000,000 adoptions each, at 400, 500 and 600 days: 6 billion
    // children, more than a 32-bit count holds. (400 + 500 + 600) / 3 = 500 days.
    let big = |year: i32, days: f64| YearAggregate {
        authority: 0,
        year: fy(year),
        adopted: 2_000_000_000,
        a1_average_days: days,
        a2_children: 2_000_000_000,
        a2_average_days: Some(days / 4.0),
        a3_under_14_months: 1_000_000_000,
        a10_average_days: None,
    };
    let mut data = Data::new(Vec::new(), d(2015, 4, 1));
    data.aggregates = vec![big(2012, 400.0), big(2013, 500.0), big(2014, 600.0)];
    // And an expected total of 4,000,000,000 adoptions in each of the next two years.
    for y in [2015, 2016] {
        data.scenario
            .expected_adoptions
            .insert(fy(y), 4_000_000_000);
    }
    let f = forecast(&data.input());
    let a1 = f
        .period(RollingPeriod::parse("2012-15").unwrap())
        .unwrap()
        .figure(Indicator::A1);
    assert_eq!(a1.children, 6_000_000_000);
    assert!((a1.value.unwrap() - 500.0).abs() < 1e-9);
    let a3 = f
        .period(RollingPeriod::parse("2012-15").unwrap())
        .unwrap()
        .figure(Indicator::A3);
    assert_eq!(a3.value, Some(3_000_000_000.0));
    // 2014-17 with the expected adoptions: 2e9 + 4e9 + 4e9 = 10 billion children.
    let assumed = f
        .period_assumed(RollingPeriod::parse("2014-17").unwrap())
        .unwrap()
        .figure(Indicator::A1);
    assert_eq!(assumed.children, 10_000_000_000);
}
