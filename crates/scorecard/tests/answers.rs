//! The answers read first: A1 and A2 against their thresholds in the chosen target's period.

mod common;
use common::*;
use scorecard::{forecast, Indicator, PaceTarget, RollingPeriod};

/// Thirty children adopted in 2014-15 at 535 days of A1 and 100 of A2 (the Sheffield City
/// Council scrutiny report, 2015, §3.5, gives the 535), as of the start of 2015-16.
fn data(target: PaceTarget) -> Data {
    let children = (0..30)
        .map(|i| with_days(&format!("C{i}"), 535, 100, d(2014, 6, 1)))
        .collect();
    let mut data = Data::new(children, d(2015, 4, 1));
    data.target = Some(target);
    data
}

fn target(indicator: Indicator, value: f64) -> PaceTarget {
    PaceTarget {
        indicator,
        value,
        period: RollingPeriod::ending_march(2017),
    }
}

#[test]
fn a1_and_a2_are_answered_against_their_thresholds_in_the_targets_period() {
    let f = forecast(&data(target(Indicator::A1, 426.0)).input());
    let targets: Vec<PaceTarget> = f.answers.iter().map(|a| a.target).collect();
    // 2014-17's thresholds are 426 days (A1) and 121 days (A2).
    assert_eq!(
        targets,
        vec![target(Indicator::A1, 426.0), target(Indicator::A2, 121.0)]
    );
    // The A1 answer is the chosen target's own answer.
    assert_eq!(Some(&f.answers[0]), f.pace.as_ref());
}

#[test]
fn the_a2_answer_is_what_choosing_the_a2_threshold_as_target_gives() {
    let first = forecast(&data(target(Indicator::A1, 426.0)).input());
    let chosen = forecast(&data(target(Indicator::A2, 121.0)).input());
    assert_eq!(Some(&first.answers[1]), chosen.pace.as_ref());
}

#[test]
fn a_chosen_value_replaces_its_indicators_threshold() {
    let f = forecast(&data(target(Indicator::A2, 100.0)).input());
    let targets: Vec<PaceTarget> = f.answers.iter().map(|a| a.target).collect();
    assert_eq!(
        targets,
        vec![target(Indicator::A1, 426.0), target(Indicator::A2, 100.0)]
    );
}

#[test]
fn a_chosen_target_of_another_indicator_comes_after_the_thresholds() {
    let f = forecast(&data(target(Indicator::A3Percent, 60.0)).input());
    let indicators: Vec<Indicator> = f.answers.iter().map(|a| a.target.indicator).collect();
    assert_eq!(
        indicators,
        vec![Indicator::A1, Indicator::A2, Indicator::A3Percent]
    );
}
