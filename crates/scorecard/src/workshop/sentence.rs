//! The sentence that says what the audience sees when a trainer adds delay for one child, e.g.
//! "Three months' delay for Child C adds 2 days to the 2014-17 A1 average and moves it from
//! met to not met."
//!
//! The sentence is built from plain numbers (the figure before and after, the threshold, the
//! financial year of the adoption order before and after), so it reads the same whichever
//! calculation produced them.

use crate::dates::{add_months, days_between, FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::thresholds::ThresholdSchedule;
use chrono::NaiveDate;

/// The unit a trainer moves the delay slider in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum DelayUnit {
    /// Weeks of seven days.
    #[default]
    Weeks,
    /// Calendar months.
    Months,
}

/// A delay as a trainer sets it: so many weeks or so many months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DelayLength {
    /// How many weeks or months.
    pub amount: u32,
    /// Weeks or months.
    pub unit: DelayUnit,
}

impl DelayLength {
    /// `amount` weeks.
    pub fn weeks(amount: u32) -> DelayLength {
        DelayLength {
            amount,
            unit: DelayUnit::Weeks,
        }
    }

    /// `amount` calendar months.
    pub fn months(amount: u32) -> DelayLength {
        DelayLength {
            amount,
            unit: DelayUnit::Months,
        }
    }

    /// The delay in days when it starts on `date`: weeks are 7 days; months are calendar
    /// months, so three months from 15 January is 90 days (91 in a leap year) and from 15 July
    /// 92 days.
    pub fn days_from(self, date: NaiveDate) -> i64 {
        match self.unit {
            DelayUnit::Weeks => i64::from(self.amount) * 7,
            DelayUnit::Months => days_between(date, add_months(date, self.amount)),
        }
    }

    /// The delay said as a possessive, lowercase: "one week's delay", "three months' delay",
    /// "13 weeks' delay", "no delay".
    pub fn words(self) -> String {
        let unit = match self.unit {
            DelayUnit::Weeks => "week",
            DelayUnit::Months => "month",
        };
        match self.amount {
            0 => "no delay".to_string(),
            1 => format!("one {unit}'s delay"),
            n => format!("{} {unit}s' delay", number_words(n)),
        }
    }
}

/// What one delay did to one figure of one period, in plain numbers, for [`delay_sentence`].
#[derive(Debug, Clone, PartialEq)]
pub struct DelayEffect {
    /// How the child is called in the workshop, e.g. "Child C".
    pub child: String,
    /// The delay added.
    pub delay: DelayLength,
    /// The figure the sentence is about (A1, A10 or A2 read as days).
    pub indicator: Indicator,
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

/// The sentence for the audience, built from `effect`:
///
/// - the change as published (both figures rounded to the nearest day): "adds 2 days to",
///   "takes 1 day off", "changes … by less than a day" (it moved, but not the published
///   figure), or "does not change" the "2014-17 A1 average";
/// - the threshold status, judged as [`ThresholdSchedule::status`] judges it: "moves it from
///   met to not met", "moves it from not met to met", "keeps it met", "leaves it not met";
/// - when the adoption order slips a financial year: "moves the adoption order from 2014-15
///   into 2015-16".
///
/// Clauses are joined "A and B" or "A, B and C". Figures that are not in days are given from
/// and to: "changes the 2014-17 A3 count from 30 to 29", "changes the 2014-17 percentage
/// placed within 12 months of the SHOBPA decision from 68.2% to 65.2%".
pub fn delay_sentence(effect: &DelayEffect) -> String {
    let subject = format!("{} for {}", capitalise(&effect.delay.words()), effect.child);
    let figure = format!("{} {}", effect.period, effect.indicator.label());
    let mut clauses = Vec::new();
    if effect.indicator.is_days() {
        clauses.push(days_clause(&figure, effect.before, effect.after));
    } else {
        clauses.push(other_clause(
            effect.indicator,
            effect.period,
            effect.before,
            effect.after,
        ));
    }
    if let (Some(before), Some(after), Some(threshold)) =
        (effect.before, effect.after, effect.threshold)
    {
        let met_before = ThresholdSchedule::status(effect.indicator, before, threshold).met;
        let met_after = ThresholdSchedule::status(effect.indicator, after, threshold).met;
        clauses.push(
            match (met_before, met_after) {
                (true, false) => "moves it from met to not met",
                (false, true) => "moves it from not met to met",
                (true, true) => "keeps it met",
                (false, false) => "leaves it not met",
            }
            .to_string(),
        );
    }
    if let (Some(before), Some(after)) = (effect.year_before, effect.year_after) {
        if before != after {
            clauses.push(format!(
                "moves the adoption order from {before} into {after}"
            ));
        }
    }
    format!("{subject} {}.", join(&clauses))
}

/// The change of a figure in days, as the published (rounded) figure shows it.
fn days_clause(figure: &str, before: Option<f64>, after: Option<f64>) -> String {
    match (before, after) {
        (Some(before), Some(after)) => {
            let change = after.round() - before.round();
            if change >= 1.0 {
                format!("adds {} to the {figure} average", days(change))
            } else if change <= -1.0 {
                format!("takes {} off the {figure} average", days(-change))
            } else if (after - before).abs() > 1e-9 {
                format!("changes the {figure} average by less than a day")
            } else {
                format!("does not change the {figure} average")
            }
        }
        (None, Some(after)) => format!(
            "puts the {figure} average at {} (it had no children before)",
            days(after.round())
        ),
        (Some(before), None) => format!(
            "leaves the {figure} average with no children (it was {})",
            days(before.round())
        ),
        (None, None) => format!("does not change the {figure} average, which has no children"),
    }
}

/// The change of a count (whole) or a percentage (one decimal place).
fn other_clause(
    indicator: Indicator,
    period: RollingPeriod,
    before: Option<f64>,
    after: Option<f64>,
) -> String {
    let figure = match indicator {
        Indicator::A3Percent => format!("{period} A3 percentage"),
        Indicator::Placed12mPercent => {
            format!("{period} percentage placed within 12 months of the SHOBPA decision")
        }
        _ => format!("{period} {} count", indicator.label()),
    };
    let show = |v: Option<f64>| match v {
        None => "no figure".to_string(),
        Some(v) if indicator.is_percent() => format!("{v:.1}%"),
        Some(v) => format!("{v:.0}"),
    };
    if show(before) == show(after) {
        format!("does not change the {figure}")
    } else {
        format!(
            "changes the {figure} from {} to {}",
            show(before),
            show(after)
        )
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

/// "A", "A and B", "A, B and C".
fn join(clauses: &[String]) -> String {
    match clauses {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One to twelve in words, as a sentence reads them; larger numbers in figures.
fn number_words(n: u32) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Child C in 2014-17 A1, threshold 426 days, order staying in 2015-16.
    fn effect(delay: DelayLength, before: f64, after: f64) -> DelayEffect {
        DelayEffect {
            child: "Child C".into(),
            delay,
            indicator: Indicator::A1,
            period: RollingPeriod::ending_march(2017),
            before: Some(before),
            after: Some(after),
            threshold: Some(426.0),
            year_before: Some(FinancialYear(2015)),
            year_after: Some(FinancialYear(2015)),
        }
    }

    #[test]
    fn the_delay_is_said_as_people_say_it() {
        assert_eq!(DelayLength::weeks(1).words(), "one week's delay");
        assert_eq!(DelayLength::weeks(2).words(), "two weeks' delay");
        assert_eq!(DelayLength::months(1).words(), "one month's delay");
        assert_eq!(DelayLength::months(3).words(), "three months' delay");
        assert_eq!(DelayLength::months(12).words(), "twelve months' delay");
        assert_eq!(DelayLength::weeks(13).words(), "13 weeks' delay");
        assert_eq!(DelayLength::weeks(0).words(), "no delay");
    }

    #[test]
    fn weeks_are_seven_days_and_months_follow_the_calendar() {
        assert_eq!(DelayLength::weeks(3).days_from(d(2015, 1, 15)), 21);
        // 15/01 to 15/04/2015: 16 + 28 + 31 + 15 = 90 days; in 2016, 91.
        assert_eq!(DelayLength::months(3).days_from(d(2015, 1, 15)), 90);
        assert_eq!(DelayLength::months(3).days_from(d(2016, 1, 15)), 91);
        // 15/07 to 15/10: 16 + 31 + 30 + 15 = 92 days.
        assert_eq!(DelayLength::months(3).days_from(d(2015, 7, 15)), 92);
    }

    #[test]
    fn the_issue_example_adds_days_and_tips_the_status() {
        // 425.4 is published 425 (met, at or below 426); 427.2 is 427 (not met): 2 days more.
        assert_eq!(
            delay_sentence(&effect(DelayLength::months(3), 425.4, 427.2)),
            "Three months' delay for Child C adds 2 days to the 2014-17 A1 average and moves \
             it from met to not met."
        );
    }

    #[test]
    fn one_day_is_singular_and_the_status_may_stay() {
        // 420.4 -> 420 and 421.0 -> 421: one day, both at or below 426.
        assert_eq!(
            delay_sentence(&effect(DelayLength::weeks(1), 420.4, 421.0)),
            "One week's delay for Child C adds 1 day to the 2014-17 A1 average and keeps it met."
        );
        // 500 and 510: both above 426.
        assert_eq!(
            delay_sentence(&effect(DelayLength::weeks(6), 500.0, 510.0)),
            "Six weeks' delay for Child C adds 10 days to the 2014-17 A1 average and leaves it \
             not met."
        );
    }

    #[test]
    fn leaving_a_window_can_take_days_off_and_bring_it_under_the_threshold() {
        // The child's long wait leaves 2014-17 when the order slips out of 2016-17: 428.0 ->
        // 424.6, published 428 -> 425, 3 days off, and 425 meets 426.
        let e = DelayEffect {
            year_before: Some(FinancialYear(2016)),
            year_after: Some(FinancialYear(2017)),
            ..effect(DelayLength::months(2), 428.0, 424.6)
        };
        assert_eq!(
            delay_sentence(&e),
            "Two months' delay for Child C takes 3 days off the 2014-17 A1 average, moves it \
             from not met to met and moves the adoption order from 2016-17 into 2017-18."
        );
    }

    #[test]
    fn a_change_smaller_than_the_rounding_is_said_so() {
        // 426.1 and 426.4 are both published 426.
        assert_eq!(
            delay_sentence(&effect(DelayLength::weeks(1), 426.1, 426.4)),
            "One week's delay for Child C changes the 2014-17 A1 average by less than a day \
             and keeps it met."
        );
        assert_eq!(
            delay_sentence(&effect(DelayLength::weeks(0), 426.1, 426.1)),
            "No delay for Child C does not change the 2014-17 A1 average and keeps it met."
        );
    }

    #[test]
    fn without_a_threshold_or_a_figure_the_sentence_says_only_what_it_knows() {
        let no_threshold = DelayEffect {
            threshold: None,
            ..effect(DelayLength::months(1), 400.0, 398.0)
        };
        assert_eq!(
            delay_sentence(&no_threshold),
            "One month's delay for Child C takes 2 days off the 2014-17 A1 average."
        );
        // The child enters a period that had no adoptions: 2017-20 A2.
        let entering = DelayEffect {
            indicator: Indicator::A2,
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
            "Four months' delay for Child C puts the 2017-20 A2 average at 150 days (it had \
             no children before) and moves the adoption order from 2016-17 into 2017-18."
        );
        let leaving = DelayEffect {
            after: None,
            ..effect(DelayLength::months(4), 301.0, 0.0)
        };
        assert_eq!(
            delay_sentence(&leaving),
            "Four months' delay for Child C leaves the 2014-17 A1 average with no children (it \
             was 301 days)."
        );
    }

    #[test]
    fn percentages_are_given_from_and_to() {
        // The performance action plan template (2014-15): 15 of 22 in time is 68.2%; with the child late, 15 of 23 is 65.2%.
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
            "One month's delay for Child C changes the 2014-17 percentage placed within 12 \
             months of the SHOBPA decision from 68.2% to 65.2% and leaves it not met."
        );
        // A3 has no threshold: the count of children placed within 14 months, 30 -> 29.
        let a3 = DelayEffect {
            indicator: Indicator::A3,
            threshold: None,
            ..effect(DelayLength::weeks(2), 30.0, 29.0)
        };
        assert_eq!(
            delay_sentence(&a3),
            "Two weeks' delay for Child C changes the 2014-17 A3 count from 30 to 29."
        );
        let same = DelayEffect {
            indicator: Indicator::A3Percent,
            threshold: None,
            ..effect(DelayLength::weeks(2), 50.0, 50.04)
        };
        assert_eq!(
            delay_sentence(&same),
            "Two weeks' delay for Child C does not change the 2014-17 A3 percentage."
        );
    }
}
