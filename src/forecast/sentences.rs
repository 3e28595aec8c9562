//! The forecast in plain English: the sentences managers read out in the tracking meeting and
//! paste into committee papers. Pure functions of the engine's answers, tested natively.

use crate::state::count_of;
use scorecard::rounding::{one_decimal, whole};
use scorecard::{Figure, Indicator, PaceAnswer, PaceStatus};

/// What the indicator's days measure, as the end of a sentence ("… must average 318 days
/// from entering care to moving in").
fn measured(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::A2 => "from placement order to match",
        Indicator::A10 => "from entering care to moving in (A10)",
        _ => "from entering care to moving in",
    }
}

/// Whole days, as the scorecard publishes them.
pub fn days(value: f64) -> String {
    format!("{} days", whole(value))
}

/// A figure's value in its unit: whole days, a count, or a percentage to one decimal place.
pub fn figure_value(figure: &Figure) -> String {
    match figure.value {
        None => "no children".to_string(),
        Some(v) if figure.indicator.is_percent() => format!("{}%", one_decimal(v)),
        Some(v) if figure.indicator == Indicator::A3 => {
            count_of(v.round() as u64, "child", "children")
        }
        Some(v) => days(v),
    }
}

/// "Met" or "Not met", with the gap in the indicator's unit; empty where no threshold applies.
pub fn status_text(figure: &Figure) -> Option<String> {
    let status = figure.status?;
    let percent = figure.indicator.is_percent();
    Some(if status.met {
        if percent {
            format!("Met, {} points above the target", one_decimal(-status.gap))
        } else if status.gap == 0.0 {
            "Met, exactly at the threshold".to_string()
        } else {
            format!("Met, {} under the threshold", days(-status.gap))
        }
    } else if percent {
        format!(
            "Not met, {} points below the target",
            one_decimal(status.gap)
        )
    } else {
        format!("Not met, {} over the threshold", days(status.gap))
    })
}

/// The required-pace answer as one sentence.
///
/// The older reading, "if the pipeline goes as projected": "To reach 426 days for 2014-17, the 31 adoptions
/// not yet in your data must average 318 days from entering care to moving in – 52 days
/// faster than any year in your history."
pub fn pace_sentence(answer: &PaceAnswer) -> String {
    let target = &answer.target;
    let indicator = target.indicator;
    // An A3 target is a count of children, answered like a percentage: how many must be in
    // time.
    let percent = indicator.is_percent() || indicator == Indicator::A3;
    let goal = if indicator.is_percent() {
        format!("{}%", whole(target.value))
    } else if indicator == Indicator::A3 {
        count_of(
            target.value.ceil() as u64,
            "child under 14 months",
            "children under 14 months",
        )
    } else {
        days(target.value)
    };
    let adoptions = count_of(answer.unknown_adoptions, "adoption", "adoptions");
    let goal = match indicator {
        Indicator::A1 | Indicator::A10 | Indicator::A2 => {
            format!("an {} of {goal}", indicator.name())
        }
        _ => goal,
    };
    let head = format!("To reach {goal} for {}", target.period);
    match answer.status {
        PaceStatus::NoUnknownAdoptions => {
            let figure = match answer.known_average {
                Some(v) if percent => format!("{}%", one_decimal(v)),
                Some(v) => days(v),
                None => "no figure".to_string(),
            };
            let verdict = match answer.met_without_unknown {
                Some(true) => "which meets the target",
                Some(false) => "which does not meet the target",
                None => "with nothing to judge",
            };
            format!(
                "No adoptions are left to come in {}: the {} is what your data says, {figure}, {verdict}.",
                target.period,
                indicator.name()
            )
        }
        PaceStatus::AlreadyMet => format!(
            "{head}, nothing more is needed: the target is met whatever the {adoptions} still to come do."
        ),
        PaceStatus::Impossible if percent => format!(
            "{head} is not possible: even if all {adoptions} not yet in your data were in time, the figure would stay below the target."
        ),
        PaceStatus::Impossible => {
            let floor = match answer.known_average {
                Some(avg) => {
                    let k = answer.known_children as f64;
                    let all = k + answer.unknown_adoptions as f64;
                    format!(
                        ", the three-year average would still be {}",
                        days(avg * k / all.max(1.0))
                    )
                }
                None => String::new(),
            };
            format!(
                "{head} is not possible: even if the {adoptions} not yet in your data took 0 days {}{floor}.",
                measured(indicator)
            )
        }
        PaceStatus::Achievable | PaceStatus::BeyondOwnHistory if percent => {
            let needed = answer
                .required_in_time
                .map(|n| format!("at least {n} of the {adoptions} not yet in your data"))
                .unwrap_or_else(|| format!("the {adoptions} not yet in your data"));
            let share = answer
                .required_average
                .map(|r| format!(" ({}%)", one_decimal(r)))
                .unwrap_or_default();
            format!("{head}, {needed} must be in time{share}.")
        }
        PaceStatus::Achievable | PaceStatus::BeyondOwnHistory => {
            let Some(required) = answer.required_average else {
                return format!("{head}: no adoptions are left to come.");
            };
            let history = match answer.best_year {
                Some((_, best)) if required.round() < best.round() => format!(
                    " – {} faster than any year in your history",
                    days(best - required)
                ),
                Some((year, best)) => format!(
                    " – your best year, {year}, averaged {}",
                    days(best)
                ),
                None => String::new(),
            };
            format!(
                "{head}, the {adoptions} not yet in your data must average {} {}{history}.",
                days(required),
                measured(indicator)
            )
        }
    }
}

/// The scrutiny report's simpler answer, for comparison: equal numbers adopted every year.
pub fn equal_years_sentence(answer: &PaceAnswer) -> Option<String> {
    let value = answer.equal_years?;
    let unit = if answer.target.indicator.is_percent() {
        "%"
    } else {
        " days"
    };
    Some(format!(
        "Assuming equal numbers adopted each year, as a simple average of yearly figures does, the {} of {} must average {}{unit} of {}. The figure above counts each child once, as the scorecard does.",
        count_of(u64::from(answer.equal_years_unknown_years), "remaining year", "remaining years"),
        answer.target.period,
        one_decimal(value),
        answer.target.indicator.name(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scorecard::{FinancialYear, PaceTarget, RollingPeriod, Status};

    fn answer(status: PaceStatus) -> PaceAnswer {
        PaceAnswer {
            target: PaceTarget {
                indicator: Indicator::A1,
                value: 426.0,
                period: RollingPeriod::ending_march(2017),
            },
            known_children: 60,
            known_average: Some(480.0),
            unknown_adoptions: 31,
            years: Vec::new(),
            required_average: Some(318.0),
            required_in_time: None,
            status,
            met_without_unknown: None,
            best_year: Some((FinancialYear(2013), 370.0)),
            fastest_child_days: Some(120.0),
            equal_years: Some(371.5),
            equal_years_unknown_years: 2,
            waiting: scorecard::WaitingPace {
                fixed_children: 60,
                fixed_sum: 28800.0,
                waiting: Vec::new(),
                unknown_adoptions: 31,
                outcome: scorecard::WaitingOutcome::Pace { days: 318.0 },
            },
        }
    }

    #[test]
    fn the_pace_reads_as_the_issue_words_it() {
        // 370 - 318 = 52 days faster than the best year.
        assert_eq!(
            pace_sentence(&answer(PaceStatus::BeyondOwnHistory)),
            "To reach an A1 of 426 days for 2014-17, the 31 adoptions not yet in your data must \
             average 318 days from entering care to moving in – 52 days faster than any year in \
             your history."
        );
    }

    #[test]
    fn a_pace_within_history_names_the_best_year_instead() {
        let mut a = answer(PaceStatus::Achievable);
        a.required_average = Some(400.0);
        assert!(pace_sentence(&a).ends_with("– your best year, 2013-14, averaged 370 days."));
    }

    #[test]
    fn an_impossible_target_says_what_even_zero_days_would_give() {
        // 60 known children averaging 480 with 31 more at 0 days: 480 x 60 / 91 = 316.5 -> 316.
        let mut a = answer(PaceStatus::Impossible);
        a.target.value = 121.0;
        a.target.indicator = Indicator::A2;
        assert_eq!(
            pace_sentence(&a),
            "To reach an A2 of 121 days for 2014-17 is not possible: even if the 31 adoptions not \
             yet in your data took 0 days from placement order to match, the three-year average \
             would still be 316 days."
        );
    }

    #[test]
    fn the_equal_years_answer_keeps_the_seed_arithmetic() {
        // Sheffield City Council scrutiny report (2015), §3.5: (3 x 426 - 535) / 2 = 371.5 days over the two remaining years.
        let text = equal_years_sentence(&answer(PaceStatus::Achievable)).unwrap();
        assert!(
            text.contains("the 2 remaining years of 2014-17 must average 371.5 days of A1"),
            "{text}"
        );
    }

    #[test]
    fn statuses_say_met_or_not_met_in_words_with_the_gap() {
        let figure = |value: f64, met: bool, gap: f64| Figure {
            indicator: Indicator::A1,
            children: 10,
            value: Some(value),
            basis: scorecard::Basis::Actual,
            threshold: Some(426.0),
            status: Some(Status { met, gap }),
        };
        assert_eq!(
            status_text(&figure(467.0, false, 41.0)).unwrap(),
            "Not met, 41 days over the threshold"
        );
        assert_eq!(
            status_text(&figure(400.0, true, -26.0)).unwrap(),
            "Met, 26 days under the threshold"
        );
        assert_eq!(figure_value(&figure(370.8, true, -55.0)), "371 days");
    }
}
