//! Working days: weekdays that are not bank holidays in England and Wales.
//!
//! The tracking meeting's timescales count some deadlines in working days ("initial adoption
//! pack returned within 20 working days"). The bank holidays are data: the list for 2010 to
//! 2030 ships with the product, and a user can add dates (a one-off holiday announced later).
//! The list follows the published rules (New Year's Day, Good Friday, Easter Monday, the early
//! May and spring bank holidays, the summer bank holiday, Christmas Day and Boxing Day, each
//! moved to the next weekday when it falls at a weekend) and the one-off changes the
//! government announced: the royal wedding (29/04/2011), the Diamond Jubilee (spring bank
//! holiday moved to 04/06/2012, and 05/06/2012), VE Day (early May bank holiday moved to
//! 08/05/2020), the Platinum Jubilee (spring bank holiday moved to 02/06/2022, and
//! 03/06/2022), the State Funeral of Queen Elizabeth II (19/09/2022) and the coronation
//! (08/05/2023). Years after those published are worked out by the rules and may change.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// The first and last years the shipped list covers.
pub const SHIPPED_YEARS: (i32, i32) = (2010, 2030);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Easter Sunday of `year` (the anonymous Gregorian computus).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

/// The first `weekday` on or after `from`.
fn next_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(ahead as i64)
}

/// The last `weekday` on or before `to`.
fn last_weekday(to: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + to.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    to - Duration::days(back as i64)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The bank holidays of England and Wales in `year`, by the rules and the announced one-off
/// changes.
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    // New Year's Day, or the next weekday.
    let new_year = date(year, 1, 1);
    days.push(if is_weekend(new_year) {
        next_weekday(new_year, Weekday::Mon)
    } else {
        new_year
    });
    let easter = easter_sunday(year);
    days.push(easter - Duration::days(2));
    days.push(easter + Duration::days(1));
    // Early May: the first Monday of May, except VE Day's 75th anniversary in 2020.
    days.push(if year == 2020 {
        date(2020, 5, 8)
    } else {
        next_weekday(date(year, 5, 1), Weekday::Mon)
    });
    // Spring: the last Monday of May, moved for the Diamond and Platinum Jubilees.
    days.push(match year {
        2012 => date(2012, 6, 4),
        2022 => date(2022, 6, 2),
        _ => last_weekday(date(year, 5, 31), Weekday::Mon),
    });
    // Summer: the last Monday of August.
    days.push(last_weekday(date(year, 8, 31), Weekday::Mon));
    // Christmas Day and Boxing Day, each moved to the next free weekday at a weekend.
    let christmas = date(year, 12, 25);
    match christmas.weekday() {
        Weekday::Fri => days.extend([christmas, date(year, 12, 28)]),
        Weekday::Sat => days.extend([date(year, 12, 27), date(year, 12, 28)]),
        Weekday::Sun => days.extend([date(year, 12, 26), date(year, 12, 27)]),
        _ => days.extend([christmas, date(year, 12, 26)]),
    }
    // One-off bank holidays.
    match year {
        2011 => days.push(date(2011, 4, 29)),
        2012 => days.push(date(2012, 6, 5)),
        2022 => days.extend([date(2022, 6, 3), date(2022, 9, 19)]),
        2023 => days.push(date(2023, 5, 8)),
        _ => {}
    }
    crate::sorting::sort(&mut days);
    days
}

/// The shipped list: every bank holiday of England and Wales from 2010 to 2030.
pub fn shipped_bank_holidays() -> BTreeSet<NaiveDate> {
    (SHIPPED_YEARS.0..=SHIPPED_YEARS.1)
        .flat_map(bank_holidays)
        .collect()
}

/// Whether `day` is a working day: a weekday that is not in `holidays`.
pub fn is_working_day(day: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> bool {
    !is_weekend(day) && !holidays.contains(&day)
}

/// The `n`th working day after `start` ("20 working days after the pack was sent"); `start`
/// itself never counts. `n = 0` is `start`.
pub fn add_working_days(start: NaiveDate, n: u32, holidays: &BTreeSet<NaiveDate>) -> NaiveDate {
    let mut day = start;
    let mut counted = 0;
    while counted < n {
        day += Duration::days(1);
        if is_working_day(day, holidays) {
            counted += 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_2015_list_is_the_published_one() {
        // DOMAIN.md: 1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (Boxing Day
        // was a Saturday).
        assert_eq!(
            bank_holidays(2015),
            [
                d(2015, 1, 1),
                d(2015, 4, 3),
                d(2015, 4, 6),
                d(2015, 5, 4),
                d(2015, 5, 25),
                d(2015, 8, 31),
                d(2015, 12, 25),
                d(2015, 12, 28)
            ]
        );
    }

    #[test]
    fn the_announced_changes_are_in_the_list() {
        let all = shipped_bank_holidays();
        for day in [
            d(2011, 4, 29),
            d(2012, 6, 4),
            d(2012, 6, 5),
            d(2020, 5, 8),
            d(2022, 6, 2),
            d(2022, 6, 3),
            d(2022, 9, 19),
            d(2023, 5, 8),
        ] {
            assert!(all.contains(&day), "{day}");
        }
        // The moved days are not holidays themselves.
        for day in [d(2012, 5, 28), d(2020, 5, 4), d(2022, 5, 30)] {
            assert!(!all.contains(&day), "{day}");
        }
        // Christmas on a Sunday (2022): Monday 26 and Tuesday 27 December.
        assert!(all.contains(&d(2022, 12, 26)) && all.contains(&d(2022, 12, 27)));
        // New Year's Day on a Saturday (2022): Monday 3 January.
        assert!(all.contains(&d(2022, 1, 3)));
        // Easter 2024 was 31 March: Good Friday 29 March, Easter Monday 1 April.
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert!(all.contains(&d(2024, 3, 29)) && all.contains(&d(2024, 4, 1)));
        // 8 a year for 21 years, and 5 one-offs (2011, 2012, two in 2022, 2023).
        assert_eq!(all.len(), 21 * 8 + 5);
    }

    #[test]
    fn working_days_skip_weekends_and_bank_holidays() {
        let holidays = shipped_bank_holidays();
        // A pack sent on Thursday 30/04/2015, before the bank holiday on Monday 04/05/2015:
        // Friday 1 May is the 1st working day; Mon 4 May is a holiday; Tue 5 May the 2nd, ...
        // 20 working days: May 1, 5-8 (5), 11-15 (10), 18-22 (15), 26-29 (the 25th is the
        // spring bank holiday: 19), June 1 (20).
        assert_eq!(
            add_working_days(d(2015, 4, 30), 1, &holidays),
            d(2015, 5, 1)
        );
        assert_eq!(
            add_working_days(d(2015, 4, 30), 2, &holidays),
            d(2015, 5, 5)
        );
        assert_eq!(
            add_working_days(d(2015, 4, 30), 20, &holidays),
            d(2015, 6, 1)
        );
        assert_eq!(
            add_working_days(d(2015, 4, 30), 0, &holidays),
            d(2015, 4, 30)
        );
        assert!(!is_working_day(d(2015, 5, 2), &holidays));
    }
}
