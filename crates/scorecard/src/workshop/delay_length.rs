//! A delay as a trainer sets it on the workshop's slider: so many weeks or calendar months,
//! said as people say it ("three months' delay").

use crate::dates::{add_months, days_between};
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
}
