//! Why each day matters for the child: the same delay seen as the child's age when they move
//! in with their adoptive family and the share of their life spent waiting, so that a
//! workshop talks about children first and figures second.

use crate::dates::{add_months, days_between};
use chrono::{Months, NaiveDate};

/// A child's age and wait on the day they move in with their adoptive family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LifeAtPlacement {
    /// Whole years of age on moving in.
    pub age_years: u32,
    /// Whole months beyond `age_years` (0 to 11).
    pub age_months: u32,
    /// Age on moving in, in days.
    pub age_days: i64,
    /// Days from entering care to moving in (the child's A1).
    pub waiting_days: i64,
    /// `waiting_days / age_days`, from 0 to 1: 1 for a child who entered care at birth.
    pub share_waiting: f64,
}

impl LifeAtPlacement {
    /// The age as people say it: "1 year and 6 months", "2 years", "5 months".
    pub fn age_in_words(&self) -> String {
        let years = plural(self.age_years, "year");
        let months = plural(self.age_months, "month");
        match (self.age_years, self.age_months) {
            (0, _) => months,
            (_, 0) => years,
            _ => format!("{years} and {months}"),
        }
    }

    /// The share of life spent waiting as a whole percentage, e.g. 66.
    pub fn share_percent(&self) -> u32 {
        (self.share_waiting * 100.0).round().clamp(0.0, 100.0) as u32
    }
}

/// The child's age and wait on moving in `delay_days` later than `placed` (earlier when
/// negative, for "what if they had moved in sooner"), for a child who entered care on
/// `entered_care` aged `age_at_entry_months` whole months.
///
/// The birthday is taken as `age_at_entry_months` calendar months before entering care (the
/// workshop knows an age, not a date of birth), and ages count whole calendar months as
/// [`add_months`] does. `None` when moving in would come before entering care or a date falls
/// outside the calendar.
pub fn life_at_placement(
    entered_care: NaiveDate,
    age_at_entry_months: u32,
    placed: NaiveDate,
    delay_days: i64,
) -> Option<LifeAtPlacement> {
    let born = entered_care.checked_sub_months(Months::new(age_at_entry_months))?;
    let placed = placed.checked_add_signed(chrono::TimeDelta::try_days(delay_days)?)?;
    if placed < entered_care {
        return None;
    }
    let waiting_days = days_between(entered_care, placed);
    let age_days = days_between(born, placed);
    let months = whole_months(born, placed);
    let share_waiting = if age_days == 0 {
        // Born, taken into care and placed on one day: the whole (one-day) life was spent
        // in care, and the share is read as all of it.
        1.0
    } else {
        waiting_days as f64 / age_days as f64
    };
    Some(LifeAtPlacement {
        age_years: months / 12,
        age_months: months % 12,
        age_days,
        waiting_days,
        share_waiting,
    })
}

/// The sentence for the child beside the scorecard's, e.g. "With three months' delay, Child
/// C moves in aged 1 year and 9 months instead of 1 year and 6 months, having waited 71% of
/// their life instead of 66%." `delay_words` is how the delay is said ("three months'
/// delay"). `expected`: the child has not moved in yet, so the move is a projection: "Child
/// C is expected to move in aged …".
pub fn life_sentence(
    child: &str,
    delay_words: &str,
    before: &LifeAtPlacement,
    after: &LifeAtPlacement,
    expected: bool,
) -> String {
    let age = if before.age_years == after.age_years && before.age_months == after.age_months {
        format!("still aged {}", after.age_in_words())
    } else {
        format!(
            "aged {} instead of {}",
            after.age_in_words(),
            before.age_in_words()
        )
    };
    let share = if before.share_percent() == after.share_percent() {
        format!("having waited {}% of their life", after.share_percent())
    } else {
        format!(
            "having waited {}% of their life instead of {}%",
            after.share_percent(),
            before.share_percent()
        )
    };
    let moves = if expected {
        "is expected to move in"
    } else {
        "moves in"
    };
    format!("With {delay_words}, {child} {moves} {age}, {share}.")
}

/// Whole calendar months from `from` to `to` (`to` not earlier).
fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    use chrono::Datelike;
    let guess = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let mut months = u32::try_from(guess.max(0)).unwrap_or(0);
    while months > 0 && add_months(from, months) > to {
        months -= 1;
    }
    months
}

fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn three_months_delay_for_a_child_who_entered_care_at_six_months() {
        // Born 15/07/2013 (six months before entering care on 15/01/2014), placed 15/01/2015
        // after 365 days. Age: 184 days to 15/01/2014 (31+31+30+31+30+31) + 365 = 549 days,
        // 1 year and 6 months; share 365 / 549 = 66.5%.
        let before = life_at_placement(d(2014, 1, 15), 6, d(2015, 1, 15), 0).unwrap();
        assert_eq!((before.age_years, before.age_months), (1, 6));
        assert_eq!((before.waiting_days, before.age_days), (365, 549));
        assert!((before.share_waiting - 365.0 / 549.0).abs() < 1e-12);
        assert_eq!(before.share_percent(), 66);
        assert_eq!(before.age_in_words(), "1 year and 6 months");
        // 92 days later is 17/04/2015: 21 whole months (15/04/2015) and 2 days, so 1 year and
        // 9 months; waited 457 of 641 days = 71.3%.
        let after = life_at_placement(d(2014, 1, 15), 6, d(2015, 1, 15), 92).unwrap();
        assert_eq!((after.age_years, after.age_months), (1, 9));
        assert_eq!((after.waiting_days, after.age_days), (457, 641));
        assert_eq!(after.share_percent(), 71);
        assert_eq!(
            life_sentence("Child C", "three months' delay", &before, &after, false),
            "With three months' delay, Child C moves in aged 1 year and 9 months instead of \
             1 year and 6 months, having waited 71% of their life instead of 66%."
        );
        // Not yet moved in: a projection, said so.
        assert_eq!(
            life_sentence("Child C", "three months' delay", &before, &after, true),
            "With three months' delay, Child C is expected to move in aged 1 year and 9 months \
             instead of 1 year and 6 months, having waited 71% of their life instead of 66%."
        );
    }

    #[test]
    fn a_child_in_care_from_birth_spends_all_their_life_waiting() {
        // Entered care at birth on 01/03/2014, placed 01/03/2015: 365 days, exactly 1 year.
        let life = life_at_placement(d(2014, 3, 1), 0, d(2015, 3, 1), 0).unwrap();
        assert_eq!((life.age_years, life.age_months), (1, 0));
        assert_eq!(life.share_waiting, 1.0);
        assert_eq!(life.age_in_words(), "1 year");
        let same_day = life_at_placement(d(2014, 3, 1), 0, d(2014, 3, 1), 0).unwrap();
        assert_eq!(same_day.share_percent(), 100);
        assert_eq!(same_day.age_in_words(), "0 months");
    }

    #[test]
    fn a_short_delay_may_not_change_the_age_in_months() {
        // Entered care aged 2 years on 10/06/2014 (born 10/06/2012), placed 20/06/2015: 3 years
        // and 0 months; 7 days later (27/06/2015) still 3 years. Waited 375 then 382 days of
        // 1105 then 1112 (1095 days to 10/06/2015: no 29 February falls between): 33.9% then 34.4%.
        let before = life_at_placement(d(2014, 6, 10), 24, d(2015, 6, 20), 0).unwrap();
        let after = life_at_placement(d(2014, 6, 10), 24, d(2015, 6, 20), 7).unwrap();
        assert_eq!(before.age_days, 1105);
        assert_eq!((after.waiting_days, after.age_days), (382, 1112));
        assert_eq!((before.share_percent(), after.share_percent()), (34, 34));
        assert_eq!(
            life_sentence("Child A", "one week's delay", &before, &after, false),
            "With one week's delay, Child A moves in still aged 3 years, having waited 34% of \
             their life."
        );
    }

    #[test]
    fn months_are_counted_to_the_end_of_a_short_month() {
        // Born 31/01/2015 (entered care 31/03/2015 aged 2 months), placed 28/02/2016: the
        // 28/02 is past 31/01 + 12 months = 31/01/2016 but before 31/01 + 13 months =
        // 29/02/2016, so 1 year and 0 months.
        let life = life_at_placement(d(2015, 3, 31), 2, d(2016, 2, 28), 0).unwrap();
        assert_eq!((life.age_years, life.age_months), (1, 0));
        assert_eq!(life.age_in_words(), "1 year");
    }

    #[test]
    fn moving_in_before_entering_care_is_no_answer() {
        assert_eq!(
            life_at_placement(d(2015, 1, 1), 6, d(2014, 12, 31), 0),
            None
        );
        // Thirty days sooner than 20/01/2015 is before entering care on 01/01/2015.
        assert_eq!(
            life_at_placement(d(2015, 1, 1), 6, d(2015, 1, 20), -30),
            None
        );
        assert_eq!(
            life_at_placement(d(2015, 1, 1), 6, d(2015, 1, 20), i64::MAX),
            None
        );
        // Ten days sooner is 10/01/2015: waited 9 days of the 193 since birth on 01/07/2014
        // (31 + 31 + 30 + 31 + 30 + 31 = 184 to 01/01/2015, + 9).
        let sooner = life_at_placement(d(2015, 1, 1), 6, d(2015, 1, 20), -10).unwrap();
        assert_eq!((sooner.waiting_days, sooner.age_days), (9, 193));
    }
}
