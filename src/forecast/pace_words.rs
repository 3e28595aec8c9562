//! The required pace over the children still waiting, in words: one sentence a manager can
//! read out ("To reach 426 days by March 2017, the 40 children still to be placed in 2014-17
//! must average 344 days from entering care: …"), and each child's own date. Pure functions
//! of the engine's answer, tested natively.

use super::sentences::days;
use crate::state::count_of as count;
use scorecard::{Indicator, PaceAnswer, WaitingOutcome};

/// "placed" (A1, A10 and the percentages, which end when the child moves in) or "matched".
pub fn still_to_be(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::A2 => "matched",
        _ => "placed",
    }
}

/// Where the indicator's days are counted from.
pub fn counted_from(indicator: Indicator) -> &'static str {
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

/// The target in words, naming its indicator: "an A1 of 426 days", "60% placed within 14
/// months".
pub fn goal_words(indicator: Indicator, value: f64) -> String {
    match indicator {
        Indicator::A1 | Indicator::A10 | Indicator::A2 => {
            format!("an {} of {}", indicator.name(), days(value))
        }
        Indicator::A3 => format!(
            "an A3 of {}",
            count(
                value.ceil() as usize,
                "child placed in under 14 months",
                "children placed in under 14 months",
            )
        ),
        Indicator::A3Percent | Indicator::Placed12mPercent => {
            format!(
                "{}% {}",
                scorecard::rounding::whole_text(value),
                indicator.name().trim_end_matches(" (%)")
            )
        }
    }
}

/// The required pace over everything not yet decided, as one sentence that names its
/// indicator and period and says which of the children still open are in the records and
/// which are adoptions expected but not yet in the data. `listed` says where the children on
/// pace are listed with their own dates ("listed below").
pub fn waiting_sentence(answer: &PaceAnswer, listed: &str) -> String {
    let target = &answer.target;
    let indicator = target.indicator;
    let w = &answer.waiting;
    let period = target.period;
    let head = format!(
        "To reach {} for {period} (by March {})",
        goal_words(indicator, target.value),
        target.period.last_year.0 + 1
    );
    let placed = still_to_be(indicator);
    let open = format!("the {} still to be {placed}", w.open_children());
    let on_pace = w.on_pace().count();
    let overdue = w.overdue().count();
    let unknown = w.unknown_adoptions as usize;
    let expected = count(unknown, "adoption", "adoptions");
    match w.outcome {
        WaitingOutcome::NothingOpen => format!(
            "Nothing is left open in {period} for {}: every child's figure is final, so the \
             figure is what the data says.",
            indicator.name()
        ),
        WaitingOutcome::Pace { days: x } => {
            // Rounded down: the pace said must itself meet the target.
            let pace = format!("{} days", x.floor() as i64);
            let mut parts = Vec::new();
            if on_pace > 0 {
                parts.push(format!(
                    "{} in the records by {} ({listed})",
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
                    "{} in the records as soon as possible because {} already waited longer",
                    count(overdue, "child", "children"),
                    if overdue == 1 { "it has" } else { "they have" }
                ));
            }
            if unknown > 0 {
                parts.push(format!(
                    "{expected} expected but not yet in the data at {pace}"
                ));
            }
            format!(
                "{head}, {open} must average {pace} {}: {}.",
                counted_from(indicator),
                join(&parts)
            )
        }
        WaitingOutcome::NotPossible { best_average } => {
            let waiting = count(on_pace + overdue, "child", "children");
            let unknown_part = if unknown > 0 {
                format!(" and the {expected} expected but not yet in the data took 0 days")
            } else {
                String::new()
            };
            format!(
                "{head} is not possible: even if the {waiting} in the records still waiting were {} today{unknown_part}, \
                 the {period} {} would be {}.",
                still_to_be(indicator),
                indicator.name(),
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
            let which = if unknown > 0 {
                format!(
                    " ({} in the records and {expected} expected but not yet in the data)",
                    count(on_pace + overdue, "child", "children")
                )
            } else {
                String::new()
            };
            format!(
                "{head}, at least {needed} of {open}{which} must move in {}{late_part}.",
                line(indicator)
            )
        }
        WaitingOutcome::InTimeNotPossible { best_percent } => format!(
            "{head} is not possible: even if every one of {open} who still can were in \
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
    fn the_sentence_names_its_indicator_and_each_group_of_open_children() {
        // The cards meet 426 under 426.5: 426.5 x 70 - 30 x 535 = 13805 over 40 open
        // children with W1's 365-day floor: X = 13440 / 39 = 344.6, said as 344 days.
        assert_eq!(
            waiting_sentence(&answer(426.0), "listed below"),
            "To reach an A1 of 426 days for 2014-17 (by March 2017), the 40 still to be placed \
             must average 344 days from entering care: 1 child in the records by its own date \
             (listed below), 1 child in the records as soon as possible because it has already \
             waited longer and 38 adoptions expected but not yet in the data at 344 days."
        );
    }

    #[test]
    fn an_unreachable_target_gives_the_best_average_still_possible() {
        // 100.5 x 70 = 7035 < 16050 + 365 + 90 = 16505: best 16505 / 70 = 235.8 -> 236 days.
        assert_eq!(
            waiting_sentence(&answer(100.0), "listed below"),
            "To reach an A1 of 100 days for 2014-17 (by March 2017) is not possible: even if \
             the 2 children in the records still waiting were placed today and the 38 adoptions \
             expected but not yet in the data took 0 days, the 2014-17 A1 would be 236 days."
        );
    }

    #[test]
    fn every_goal_names_its_indicator() {
        assert_eq!(goal_words(Indicator::A2, 121.0), "an A2 of 121 days");
        assert_eq!(goal_words(Indicator::A10, 426.0), "an A10 of 426 days");
        assert_eq!(
            goal_words(Indicator::A3Percent, 60.0),
            "60% placed within 14 months"
        );
        assert_eq!(
            goal_words(Indicator::Placed12mPercent, 80.0),
            "80% placed within 12 months of the SHOBPA decision"
        );
    }
}
