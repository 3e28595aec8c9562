//! The story the audience hears when a trainer adds delay for one child: the child's own days
//! first, then one period's figure, e.g. "Three months' delay for Child C: 512 days from
//! entering care to moving in instead of 420, 92 days more. In 2013-16, which counts Child C
//! with or without the delay, the A1 average goes from 420 to 451 days (31 more) and moves
//! from met to not met."
//!
//! The story is built from plain numbers (the child's days, the figure before and after, the
//! threshold, the financial year of the adoption order before and after), so it reads the
//! same whichever calculation produced them.

use super::delay_length::DelayLength;
use crate::dates::{FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::thresholds::ThresholdSchedule;
/// What one delay did to one child and to one figure of one period, in plain numbers, for
/// [`delay_sentence`].
#[derive(Debug, Clone, PartialEq)]
pub struct DelayEffect {
    /// How the child is called in the workshop, e.g. "Child C".
    pub child: String,
    /// The delay added.
    pub delay: DelayLength,
    /// The figure the sentence is about (A1, A10 or A2 read as days).
    pub indicator: Indicator,
    /// The child's own days for the indicator without the delay; `None` when the child does
    /// not count in it.
    pub child_before: Option<f64>,
    /// The child's own days with the delay.
    pub child_after: Option<f64>,
    /// Whether the child's own days are a projection (the child has not yet reached the end
    /// of the indicator's span): the sentence then says "is expected to".
    pub expected: bool,
    /// The three-year period of the figure.
    pub period: RollingPeriod,
    /// The figure without the delay, unrounded; `None` when the period has no children.
    pub before: Option<f64>,
    /// The figure with the delay, unrounded; `None` when the period has no children.
    pub after: Option<f64>,
    /// The threshold (or target) for the period; `None` leaves out whether it is met.
    pub threshold: Option<f64>,
    /// The financial year of the child's adoption order without the delay.
    pub year_before: Option<FinancialYear>,
    /// The financial year of the child's adoption order with the delay.
    pub year_after: Option<FinancialYear>,
}

/// The story for the audience, built from `effect`, the child first:
///
/// 1. the child's own days: "Four weeks' delay for Child D: 448 days from entering care to
///    moving in instead of 420, 28 days more." ("Child D is expected to wait …" when they are
///    a projection);
/// 2. one period's figure, and whether that period counts the child with and without the
///    delay: "In 2014-17, which counts Child D with or without the delay, the A1 average goes
///    from 420 to 427 days (7 more) and moves from met to not met." Figures are compared as
///    published (rounded to the day); the status is judged as [`ThresholdSchedule::status`]
///    judges it;
/// 3. when the adoption order slips a financial year: "The adoption order also moves from
///    2015-16 into 2016-17."
///
/// A period the child only enters or leaves is said to be one (its figure changes because the
/// child moved period, not because of the pace), so the sentence never tells a room that a
/// delay took days off an average.
pub fn delay_sentence(effect: &DelayEffect) -> String {
    let mut out = child_clause(effect);
    out.push(' ');
    out.push_str(&figure_clause(effect));
    if let (Some(before), Some(after)) = (effect.year_before, effect.year_after) {
        if before != after {
            out.push_str(&format!(
                " The adoption order also moves from {before} into {after}."
            ));
        }
    }
    out
}

/// The stretch of the child's life an indicator measures.
fn span(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::A2 => "from placement order to match",
        Indicator::A10 => "from entering care to moving in with the family who adopt them",
        _ => "from entering care to moving in",
    }
}

/// The child's own days, before the figures.
fn child_clause(e: &DelayEffect) -> String {
    let subject = format!("{} for {}", capitalise(&e.delay.words()), e.child);
    if !e.indicator.is_days() {
        return format!("{subject}.");
    }
    let whose = format!("{}'s {}", e.child, e.indicator.name());
    match (e.child_before, e.child_after) {
        (Some(b), Some(a)) if a.round() > b.round() => {
            let (b, a) = (b.round(), a.round());
            let more = days(a - b);
            if e.expected {
                format!(
                    "{subject}: {} is expected to wait {a:.0} days {} instead of {b:.0}, {more} \
                     more.",
                    e.child,
                    span(e.indicator)
                )
            } else {
                format!(
                    "{subject}: {a:.0} days {} instead of {b:.0}, {more} more.",
                    span(e.indicator)
                )
            }
        }
        (Some(b), Some(_)) => format!(
            "{subject} does not change {whose}: {} {}{}.",
            days(b.round()),
            span(e.indicator),
            if e.expected { ", as expected" } else { "" }
        ),
        (None, Some(a)) => format!(
            "{subject}: {} now counts in {}, with {} {}.",
            e.child,
            e.indicator.name(),
            days(a.round()),
            span(e.indicator)
        ),
        (Some(b), None) => format!(
            "{subject}: {} no longer counts in {} (it was {}).",
            e.child,
            e.indicator.name(),
            days(b.round())
        ),
        (None, None) => format!(
            "{subject}: {} counts in no {} figure.",
            e.child,
            e.indicator.name()
        ),
    }
}

/// One period's figure, saying whether the period counts the child with and without the
/// delay.
fn figure_clause(e: &DelayEffect) -> String {
    let holds = |year: Option<FinancialYear>| year.is_some_and(|y| e.period.contains(y));
    let counts = match (holds(e.year_before), holds(e.year_after)) {
        (true, true) => format!("which counts {} with or without the delay", e.child),
        (false, true) => format!(
            "which counts {} only with the delay, as the adoption order moves into it",
            e.child
        ),
        (true, false) => format!(
            "which counts {} only without the delay, as the adoption order moves out of it",
            e.child
        ),
        (false, false) => format!("which does not count {}", e.child),
    };
    let change = if e.indicator.is_days() {
        days_clause(e.indicator.name(), e.before, e.after)
    } else {
        other_clause(e.indicator, e.before, e.after)
    };
    let status = match (e.before, e.after, e.threshold) {
        (Some(before), Some(after), Some(threshold)) => {
            let met_before = ThresholdSchedule::status(e.indicator, before, threshold).met;
            let met_after = ThresholdSchedule::status(e.indicator, after, threshold).met;
            Some(match (met_before, met_after) {
                (true, false) => "moves from met to not met",
                (false, true) => "moves from not met to met",
                (true, true) => "stays met",
                (false, false) => "stays not met",
            })
        }
        _ => None,
    };
    match status {
        Some(status) => format!("In {}, {counts}, {change} and {status}.", e.period),
        None => format!("In {}, {counts}, {change}.", e.period),
    }
}

/// The change of a figure in days, as the published (rounded) figure shows it.
fn days_clause(name: &str, before: Option<f64>, after: Option<f64>) -> String {
    let figure = format!("the {name} average");
    match (before, after) {
        (Some(before), Some(after)) => {
            let (b, a) = (before.round(), after.round());
            if a - b >= 1.0 {
                format!("{figure} goes from {b:.0} to {a:.0} days ({} more)", a - b)
            } else if b - a >= 1.0 {
                format!("{figure} goes from {b:.0} to {a:.0} days ({} fewer)", b - a)
            } else if (after - before).abs() > 1e-9 {
                format!("{figure} stays at {a:.0} days (it moves by less than a day)")
            } else {
                format!("{figure} stays at {a:.0} days")
            }
        }
        (None, Some(after)) => format!(
            "{figure} is {} with the delay (it had no children without it)",
            days(after.round())
        ),
        (Some(before), None) => format!(
            "{figure} has no children with the delay (it was {})",
            days(before.round())
        ),
        (None, None) => format!("{figure} has no children either way"),
    }
}

/// The change of a count (whole) or a percentage (one decimal place).
fn other_clause(indicator: Indicator, before: Option<f64>, after: Option<f64>) -> String {
    let figure = match indicator {
        Indicator::A3Percent => "the A3 percentage".to_string(),
        Indicator::Placed12mPercent => {
            "the percentage placed within 12 months of the SHOBPA decision".to_string()
        }
        _ => format!("the {} count", indicator.label()),
    };
    let show = |v: Option<f64>| match v {
        None => "no figure".to_string(),
        Some(v) if indicator.is_percent() => format!("{}%", crate::rounding::one_decimal(v)),
        Some(v) => format!("{v:.0}"),
    };
    if show(before) == show(after) {
        format!("{figure} stays at {}", show(after))
    } else {
        format!("{figure} goes from {} to {}", show(before), show(after))
    }
}

/// "1 day", "2 days" for a whole number of days.
fn days(n: f64) -> String {
    if n == 1.0 {
        "1 day".to_string()
    } else {
        format!("{n:.0} days")
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Child C in 2014-17 A1, threshold 426 days, order staying in 2015-16; C waited 420
    /// days, and the delay's days are added to C's own.
    fn effect(delay: DelayLength, before: f64, after: f64) -> DelayEffect {
        let days = delay.days_from(d(2015, 1, 15)) as f64;
        DelayEffect {
            child: "Child C".into(),
            delay,
            indicator: Indicator::A1,
            child_before: Some(420.0),
            child_after: Some(420.0 + days),
            expected: false,
            period: RollingPeriod::ending_march(2017),
            before: Some(before),
            after: Some(after),
            threshold: Some(426.0),
            year_before: Some(FinancialYear(2015)),
            year_after: Some(FinancialYear(2015)),
        }
    }

    #[test]
    fn the_child_comes_first_then_one_period_and_its_status() {
        // Three months from 15/01/2015 are 90 days: C's 420 becomes 510. 425.4 is published
        // 425 (met, at or below 426); 427.2 is 427 (not met): 2 days more.
        assert_eq!(
            delay_sentence(&effect(DelayLength::months(3), 425.4, 427.2)),
            "Three months' delay for Child C: 510 days from entering care to moving in instead \
             of 420, 90 days more. In 2014-17, which counts Child C with or without the delay, \
             the A1 average goes from 425 to 427 days (2 more) and moves from met to not met."
        );
    }

    #[test]
    fn a_projected_child_is_expected_to_wait() {
        let e = DelayEffect {
            expected: true,
            ..effect(DelayLength::weeks(1), 420.4, 421.0)
        };
        // 420.4 -> 420 and 421.0 -> 421: one day, both at or below 426.
        assert_eq!(
            delay_sentence(&e),
            "One week's delay for Child C: Child C is expected to wait 427 days from entering \
             care to moving in instead of 420, 7 days more. In 2014-17, which counts Child C \
             with or without the delay, the A1 average goes from 420 to 421 days (1 more) and \
             stays met."
        );
        // 500 and 510: both above 426.
        assert!(delay_sentence(&effect(DelayLength::weeks(6), 500.0, 510.0))
            .ends_with("the A1 average goes from 500 to 510 days (10 more) and stays not met."));
    }

    #[test]
    fn a_period_the_child_leaves_is_said_to_be_one_not_a_faster_service() {
        // The child's long wait leaves 2014-17 when the order slips out of 2016-17 into
        // 2017-18: 428.0 -> 424.6, published 428 -> 425. The story does not say the delay
        // took 3 days off: it says the period no longer counts the child.
        let e = DelayEffect {
            year_before: Some(FinancialYear(2016)),
            year_after: Some(FinancialYear(2017)),
            ..effect(DelayLength::months(2), 428.0, 424.6)
        };
        let said = delay_sentence(&e);
        assert!(
            said.contains(
                "In 2014-17, which counts Child C only without the delay, as the adoption \
                 order moves out of it, the A1 average goes from 428 to 425 days (3 fewer) \
                 and moves from not met to met. The adoption order also moves from 2016-17 \
                 into 2017-18."
            ),
            "{said}"
        );
        assert!(!said.contains("takes"), "{said}");
    }

    #[test]
    fn a_change_smaller_than_the_rounding_is_said_so() {
        // 426.1 and 426.4 are both published 426.
        assert!(
            delay_sentence(&effect(DelayLength::weeks(1), 426.1, 426.4)).ends_with(
                "the A1 average stays at 426 days (it moves by less than a day) and stays met."
            )
        );
        let none = DelayEffect {
            child_after: Some(420.0),
            ..effect(DelayLength::weeks(0), 426.1, 426.1)
        };
        assert_eq!(
            delay_sentence(&none),
            "No delay for Child C does not change Child C's A1: 420 days from entering care to \
             moving in. In 2014-17, which counts Child C with or without the delay, the A1 \
             average stays at 426 days and stays met."
        );
    }

    #[test]
    fn without_a_threshold_or_a_figure_the_sentence_says_only_what_it_knows() {
        let no_threshold = DelayEffect {
            threshold: None,
            ..effect(DelayLength::months(1), 400.0, 402.0)
        };
        assert!(delay_sentence(&no_threshold)
            .ends_with("the A1 average goes from 400 to 402 days (2 more)."));
        // The child enters a period that had no adoptions: 2017-20 A2, C's 60 days from
        // placement order to match becoming 180.
        let entering = DelayEffect {
            indicator: Indicator::A2,
            child_before: Some(60.0),
            child_after: Some(180.0),
            period: RollingPeriod::ending_march(2020),
            before: None,
            after: Some(150.4),
            threshold: Some(121.0),
            year_before: Some(FinancialYear(2016)),
            year_after: Some(FinancialYear(2017)),
            ..effect(DelayLength::months(4), 0.0, 0.0)
        };
        assert_eq!(
            delay_sentence(&entering),
            "Four months' delay for Child C: 180 days from placement order to match instead of \
             60, 120 days more. In 2017-20, which counts Child C only with the delay, as the \
             adoption order moves into it, the A2 average is 150 days with the delay (it had no \
             children without it). The adoption order also moves from 2016-17 into 2017-18."
        );
        let leaving = DelayEffect {
            after: None,
            ..effect(DelayLength::months(4), 301.0, 0.0)
        };
        assert!(delay_sentence(&leaving)
            .ends_with("the A1 average has no children with the delay (it was 301 days)."));
        let uncounted = DelayEffect {
            indicator: Indicator::A2,
            child_before: None,
            child_after: None,
            ..effect(DelayLength::weeks(2), 100.0, 100.0)
        };
        assert!(delay_sentence(&uncounted)
            .starts_with("Two weeks' delay for Child C: Child C counts in no A2 figure."));
    }

    #[test]
    fn percentages_are_given_from_and_to() {
        // The performance action plan template (2014-15): 15 of 22 in time is 68.2%; with the
        // child late, 15 of 23 is 65.2%.
        let e = DelayEffect {
            indicator: Indicator::Placed12mPercent,
            threshold: Some(80.0),
            ..effect(
                DelayLength::months(1),
                15.0 / 22.0 * 100.0,
                15.0 / 23.0 * 100.0,
            )
        };
        assert_eq!(
            delay_sentence(&e),
            "One month's delay for Child C. In 2014-17, which counts Child C with or without \
             the delay, the percentage placed within 12 months of the SHOBPA decision goes \
             from 68.2% to 65.2% and stays not met."
        );
        // A3 has no threshold: the count of children placed within 14 months, 30 -> 29.
        let a3 = DelayEffect {
            indicator: Indicator::A3,
            threshold: None,
            ..effect(DelayLength::weeks(2), 30.0, 29.0)
        };
        assert!(delay_sentence(&a3).ends_with("the A3 count goes from 30 to 29."));
        let same = DelayEffect {
            indicator: Indicator::A3Percent,
            threshold: None,
            ..effect(DelayLength::weeks(2), 50.0, 50.04)
        };
        assert!(delay_sentence(&same).ends_with("the A3 percentage stays at 50.0%."));
    }
}
