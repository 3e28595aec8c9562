//! The required pace over the children still waiting, in words: one sentence a manager can
//! read out ("To reach 426 days by March 2017, the 40 children still to be placed in 2014-17
//! must average 344 days from entering care: …"), and each child's own date. Pure functions
//! of the engine's answer, tested natively.

use super::sentences::days;
use crate::state::count_of as count;
use scorecard::{Indicator, PaceAnswer, WaitingOutcome};

/// "placed" (A1, A10 and the percentages, which end when the child moves in) or "matched".
pub(super) fn still_to_be(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::A2 => "matched",
        _ => "placed",
    }
}

/// Where the indicator's days are counted from.
pub(super) fn counted_from(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::A2 => "from the placement order",
        _ => "from entering care",
    }
}

/// The line a percentage indicator draws.
pub(super) fn line(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::Placed12mPercent => "within 12 months of the SHOBPA decision",
        _ => "less than 14 months after entering care",
    }
}

/// The required pace over everything not yet decided, as one sentence.
pub fn waiting_sentence(answer: &PaceAnswer) -> String {
    let target = &answer.target;
    let indicator = target.indicator;
    let w = &answer.waiting;
    let goal = if indicator.is_percent() {
        format!("{}%", scorecard::rounding::whole_text(target.value))
    } else if indicator == Indicator::A3 {
        count(
            target.value.ceil() as usize,
            "child placed in under 14 months",
            "children placed in under 14 months",
        )
    } else {
        days(target.value)
    };
    let head = format!("To reach {goal} by March {}", target.period.last_year.0 + 1);
    let period = target.period;
    let open = count(
        w.open_children() as usize,
        &format!("child still to be {} in {period}", still_to_be(indicator)),
        &format!(
            "children still to be {} in {period}",
            still_to_be(indicator)
        ),
    );
    let on_pace = w.on_pace().count();
    let overdue = w.overdue().count();
    let unknown = w.unknown_adoptions as usize;
    match w.outcome {
        WaitingOutcome::NothingOpen => format!(
            "Nothing is left open in {period}: every child's figure is final, so the figure is \
             what the data says."
        ),
        WaitingOutcome::Pace { days: x } => {
            // Rounded down: the pace said must itself meet the target.
            let pace = format!("{} days", x.floor() as i64);
            let mut parts = Vec::new();
            if on_pace > 0 {
                parts.push(format!(
                    "{} by {} (listed below)",
                    count(on_pace, "child", "children"),
                    if on_pace == 1 {
                        "its own date"
                    } else {
                        "their own dates"
                    }
                ));
            }
            if overdue > 0 {
                parts.push(format!(
                    "{} as soon as possible because {} already waited longer",
                    count(overdue, "child", "children"),
                    if overdue == 1 { "it has" } else { "they have" }
                ));
            }
            if unknown > 0 {
                parts.push(format!(
                    "{} not yet in the data at {pace}",
                    count(unknown, "adoption", "adoptions")
                ));
            }
            format!(
                "{head}, the {open} must average {pace} {}: {}.",
                counted_from(indicator),
                join(&parts)
            )
        }
        WaitingOutcome::NotPossible { best_average } => {
            let waiting = count(on_pace + overdue, "child", "children");
            let unknown_part = if unknown > 0 {
                format!(
                    " and the {} not yet in the data took 0 days",
                    count(unknown, "adoption", "adoptions")
                )
            } else {
                String::new()
            };
            format!(
                "{head} is not possible: even if the {waiting} still waiting were {} today{unknown_part}, \
                 the {period} average would be {}.",
                still_to_be(indicator),
                days(best_average)
            )
        }
        WaitingOutcome::InTime { needed, can_be } => {
            let late = w.open_children() - can_be;
            let late_part = if late > 0 {
                format!(
                    " ({} already past the line, so counted as late)",
                    count(late as usize, "child is", "children are")
                )
            } else {
                String::new()
            };
            format!(
                "{head}, at least {needed} of the {open} must move in {}{late_part}.",
                line(indicator)
            )
        }
        WaitingOutcome::InTimeNotPossible { best_percent } => format!(
            "{head} is not possible: even if every one of the {open} who still can were in \
             time, the figure would be {}%.",
            scorecard::rounding::one_decimal(best_percent)
        ),
    }
}

/// "a, b and c".
fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard::{
        forecast, ChildRecord, FinancialYear, ForecastInput, PaceTarget, RollingPeriod, Scenario,
        ThresholdSchedule,
    };

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// 30 children adopted in 2014-15 at 535 days of A1; W1 (waited 365 days) and W2 (90)
    /// still waiting on 01/04/2015; 20 adoptions expected in each of 2015-16 and 2016-17.
    fn answer(target_days: f64) -> PaceAnswer {
        let mut children = Vec::new();
        for i in 0..30 {
            let mut c = ChildRecord::new(format!("C{i}"), d(2013, 1, 1));
            c.placed = Some(d(2013, 1, 1) + chrono::Duration::days(535));
            c.adoption_order = Some(d(2014, 10, 1));
            children.push(c);
        }
        for (id, entered) in [("W1", d(2014, 4, 1)), ("W2", d(2015, 1, 1))] {
            let mut c = ChildRecord::new(id, entered);
            c.expected_placed = Some(d(2015, 9, 1));
            c.expected_adoption_order = Some(d(2016, 1, 4));
            children.push(c);
        }
        let mut scenario = Scenario::default();
        for y in [2015, 2016] {
            scenario.expected_adoptions.insert(FinancialYear(y), 20);
        }
        let thresholds = ThresholdSchedule::default();
        forecast(&ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: d(2015, 4, 1),
            thresholds: &thresholds,
            scenario: &scenario,
            target: Some(PaceTarget {
                indicator: Indicator::A1,
                value: target_days,
                period: RollingPeriod::ending_march(2017),
            }),
            every_child: false,
        })
        .pace
        .unwrap()
    }

    #[test]
    fn the_sentence_names_each_group_of_open_children() {
        // The cards meet 426 under 426.5: 426.5 x 70 - 30 x 535 = 13805 over 40 open
        // children with W1's 365-day floor: X = 13440 / 39 = 344.6, said as 344 days.
        assert_eq!(
            waiting_sentence(&answer(426.0)),
            "To reach 426 days by March 2017, the 40 children still to be placed in 2014-17 \
             must average 344 days from entering care: 1 child by its own date (listed \
             below), 1 child as soon as possible because it has already waited longer and 38 \
             adoptions not yet in the data at 344 days."
        );
    }

    #[test]
    fn an_unreachable_target_gives_the_best_average_still_possible() {
        // 100.5 x 70 = 7035 < 16050 + 365 + 90 = 16505: best 16505 / 70 = 235.8 -> 236 days.
        assert_eq!(
            waiting_sentence(&answer(100.0)),
            "To reach 100 days by March 2017 is not possible: even if the 2 children still \
             waiting were placed today and the 38 adoptions not yet in the data took 0 days, \
             the 2014-17 average would be 236 days."
        );
    }
}
