//! A workshop from start to finish: a made-up cohort, three months' delay for Child C, the
//! sentence the audience reads and what it means for the child.

use chrono::NaiveDate;
use scorecard::{
    delay_impact, impact_sentence, life_at_placement, telling_change, CohortTemplate, DelayLength,
    Delayed, ForecastInput, Indicator, RollingPeriod, Scenario, ThresholdSchedule,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Three children 100 days apart from 1 January 2013, each 420 days from entering care to
/// moving in (200 + 60 + 120 + 40) and 180 more to the adoption order, aged 12 months on
/// entering care. Orders (entered + 600 days): A 24/08/2014, B 02/12/2014, C 12/03/2015, all
/// in 2014-15.
fn template() -> CohortTemplate {
    CohortTemplate {
        children: 3,
        first_entered_care: d(2013, 1, 1),
        spacing_days: 100,
        entered_care_to_decision_days: 200,
        decision_to_placement_order_days: 60,
        placement_order_to_match_days: 120,
        match_to_placed_days: 40,
        placed_to_adoption_order_days: 180,
        age_at_entry_months: 12,
    }
}

#[test]
fn three_months_delay_for_child_c_tips_2013_16_and_slips_its_order_a_year() {
    let cohort = template().build(None).unwrap();
    let c = &cohort[2];
    assert_eq!(c.child_id, "Child C");
    assert_eq!(c.entered_care, d(2013, 7, 20));
    assert_eq!(c.matched, Some(d(2014, 8, 4)));
    assert_eq!(c.adoption_order, Some(d(2015, 3, 12)));

    // Three months from C's match, 04/08 to 04/11/2014: 27 + 30 + 31 + 4 = 92 days.
    let delay = DelayLength::months(3);
    let days = delay.days_from(d(2014, 8, 4));
    assert_eq!(days, 92);

    let thresholds = ThresholdSchedule::default();
    let scenario = Scenario::default();
    let input = ForecastInput {
        children: &cohort,
        aggregates: &[],
        as_of: d(2016, 1, 1),
        thresholds: &thresholds,
        scenario: &scenario,
        target: None,
        // A made-up cohort is every child of its story.
        every_child: true,
    };
    let impact = delay_impact(&input, Delayed::Child(2), days);
    // 2012-15 (threshold 497) loses C but A and B are 420 too: no change. 2013-16 (426), the
    // period ending the year after C's order, holds all three either way: 420 met ->
    // (420 + 420 + 512) / 3 = 450.67, 451 not met. C's own A1 is 420 + 92 = 512.
    let told = telling_change(&impact, Indicator::A1).unwrap();
    assert_eq!(told.period, RollingPeriod::parse("2013-16").unwrap());
    assert_eq!(
        impact_sentence(&impact, told, &c.child_id, delay, false),
        "Three months' delay for Child C: 512 days from entering care to moving in instead of \
         420, 92 days more. In 2013-16, which counts Child C with or without the delay, the A1 \
         average goes from 420 to 451 days (31 more) and moves from met to not met. The \
         adoption order also moves from 2014-15 into 2015-16."
    );

    // For the child: born 20/07/2012, placed 13/09/2014 aged 2 years 1 month after 420 of
    // 785 days (54%); with the delay 14/12/2014, aged 2 years 4 months, 512 of 877 (58%).
    let placed = c.placed.unwrap();
    assert_eq!(placed, d(2014, 9, 13));
    let before = life_at_placement(c.entered_care, 12, placed, 0).unwrap();
    let after = life_at_placement(c.entered_care, 12, placed, days).unwrap();
    assert_eq!(
        (before.age_years, before.age_months, before.age_days),
        (2, 1, 785)
    );
    assert_eq!(
        (after.age_years, after.age_months, after.age_days),
        (2, 4, 877)
    );
    assert_eq!((before.share_percent(), after.share_percent()), (54, 58));
}
