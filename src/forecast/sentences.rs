//! The forecast in plain English: the sentences managers read out in the tracking meeting and
//! paste into committee papers. Pure functions of the engine's answers, tested natively.

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

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Whole days, as the scorecard publishes them.
pub fn days(value: f64) -> String {
    format!("{} days", value.round() as i64)
}

/// A figure's value in its unit: whole days, a count, or a percentage to one decimal place.
pub fn figure_value(figure: &Figure) -> String {
    match figure.value {
        None => "no children".to_string(),
        Some(v) if figure.indicator.is_percent() => format!("{v:.1}%"),
        Some(v) if figure.indicator == Indicator::A3 => {
            plural(v.round() as u32, "child", "children")
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
            format!("Met, {:.1} points above the target", -status.gap)
        } else if status.gap == 0.0 {
            "Met, exactly at the threshold".to_string()
        } else {
            format!("Met, {} under the threshold", days(-status.gap))
        }
    } else if percent {
        format!("Not met, {:.1} points below the target", status.gap)
    } else {
        format!("Not met, {} over the threshold", days(status.gap))
    })
}

/// The required-pace answer as one sentence.
///
/// The wording follows the issue's example: "To reach 426 days for 2014-17, the 31 adoptions
/// not yet in your data must average 318 days from entering care to moving in – 52 days
/// faster than any year in your history."
pub fn pace_sentence(answer: &PaceAnswer) -> String {
    let target = &answer.target;
    let indicator = target.indicator;
    let percent = indicator.is_percent();
    let goal = if percent {
        format!("{:.0}%", target.value)
    } else {
        days(target.value)
    };
    let adoptions = plural(answer.unknown_adoptions, "adoption", "adoptions");
    let head = format!("To reach {goal} for {}", target.period);
    match answer.status {
        PaceStatus::NoUnknownAdoptions => {
            let figure = match answer.known_average {
                Some(v) if percent => format!("{v:.1}%"),
                Some(v) => days(v),
                None => "no figure".to_string(),
            };
            let verdict = match answer.met_without_unknown {
                Some(true) => "which meets the target",
                Some(false) => "which does not meet the target",
                None => "with nothing to judge",
            };
            format!(
                "No adoptions are left to come in {}: the figure is what your data says, {figure}, {verdict}.",
                target.period
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
                .map(|r| format!(" ({r:.1}%)"))
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

/// The seed's simpler answer, for comparison: equal numbers adopted every year.
pub fn equal_years_sentence(answer: &PaceAnswer) -> Option<String> {
    let value = answer.equal_years?;
    let unit = if answer.target.indicator.is_percent() {
        "%"
    } else {
        " days"
    };
    Some(format!(
        "Assuming equal numbers adopted each year, as a simple average of yearly figures does, the {} must average {value:.1}{unit}. The figure above counts each child once, as the scorecard does.",
        plural(answer.equal_years_unknown_years, "remaining year", "remaining years"),
    ))
}
