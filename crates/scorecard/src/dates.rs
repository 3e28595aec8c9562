//! Dates as the scorecard counts them: financial years (1 April to 31 March), three-year
//! rolling periods, day counts, and the two date spellings a user may type.

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

/// An English financial year, 1 April to 31 March, named by the calendar year it starts in.
///
/// `FinancialYear(2014)` is "2014-15": 1 April 2014 to 31 March 2015. A child counts in the
/// financial year its adoption order is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FinancialYear(pub i32);

impl FinancialYear {
    /// The financial year that holds `date`: January to March belong to the year that
    /// started the previous April.
    pub fn containing(date: NaiveDate) -> FinancialYear {
        if date.month() >= 4 {
            FinancialYear(date.year())
        } else {
            FinancialYear(date.year() - 1)
        }
    }

    /// 1 April of the starting calendar year.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 March of the following calendar year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or(NaiveDate::MAX)
    }

    /// The year after this one.
    pub fn next(self) -> FinancialYear {
        FinancialYear(self.0 + 1)
    }

    /// The year before this one.
    pub fn previous(self) -> FinancialYear {
        FinancialYear(self.0 - 1)
    }

    /// Reads "2014-15" (also "2014/15" and "2014-2015", as spreadsheets often write it).
    pub fn parse(text: &str) -> Option<FinancialYear> {
        parse_span(text, 1).map(FinancialYear)
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.0, (self.0 + 1).rem_euclid(100))
    }
}

/// A three-year rolling period as the scorecard publishes it, named by its first and last
/// calendar years: "2014-17" runs from 1 April 2014 to 31 March 2017 and holds the financial
/// years 2014-15, 2015-16 and 2016-17.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RollingPeriod {
    /// The last of the three financial years; the period is named after the March it ends in.
    pub last_year: FinancialYear,
}

impl RollingPeriod {
    /// The period whose last financial year is `last_year`.
    pub fn ending_with(last_year: FinancialYear) -> RollingPeriod {
        RollingPeriod { last_year }
    }

    /// The period that ends on 31 March of `calendar_year` ("the three years ending March 2017").
    pub fn ending_march(calendar_year: i32) -> RollingPeriod {
        RollingPeriod::ending_with(FinancialYear(calendar_year - 1))
    }

    /// The first of the three financial years.
    pub fn first_year(self) -> FinancialYear {
        FinancialYear(self.last_year.0 - 2)
    }

    /// The three financial years, oldest first.
    pub fn years(self) -> [FinancialYear; 3] {
        let first = self.first_year();
        [first, first.next(), first.next().next()]
    }

    /// Whether `year` is one of the three years of this period.
    pub fn contains(self, year: FinancialYear) -> bool {
        year >= self.first_year() && year <= self.last_year
    }

    /// The calendar year of the March the period ends in.
    pub fn ending_march_year(self) -> i32 {
        self.last_year.0 + 1
    }

    /// Reads "2014-17" (also "2014/17" and "2014-2017").
    pub fn parse(text: &str) -> Option<RollingPeriod> {
        parse_span(text, 3).map(|start| RollingPeriod::ending_with(FinancialYear(start + 2)))
    }
}

impl fmt::Display for RollingPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self.first_year().0;
        write!(f, "{}-{:02}", first, (first + 3).rem_euclid(100))
    }
}

/// Reads a span of years written "2014-17", "2014/17" or "2014-2017", where the second year is
/// `years` after the first (1 for a financial year, 3 for a rolling period), and returns the
/// first year. Anything else, including a span of the wrong length, is `None`.
fn parse_span(text: &str, years: i32) -> Option<i32> {
    let (start, end) = text.trim().split_once(['-', '/'])?;
    let start_text = start.trim();
    let end_text = end.trim();
    let start: i32 = start_text.parse().ok()?;
    let end: i32 = end_text.parse().ok()?;
    let expected_end = match end_text.len() {
        2 => (start + years).rem_euclid(100),
        4 => start + years,
        _ => return None,
    };
    (start_text.len() == 4 && end == expected_end).then_some(start)
}

/// The first financial year that ends after `as_of`: the year still open.
///
/// One rule for "closed" everywhere: everything on or before the as-of date is known, so a
/// year whose last day is the as-of date (31 March) is complete, and nothing projected may
/// fall in it (see [`earliest_projected`]).
pub fn first_open_year(as_of: NaiveDate) -> FinancialYear {
    let year = FinancialYear::containing(as_of);
    if as_of >= year.last_day() {
        year.next()
    } else {
        year
    }
}

/// The earliest date a projected milestone may have: the as-of date, or the first day of the
/// first open year when the as-of date closes a year (31 March), so that no projected child
/// ever counts in a year already complete.
pub fn earliest_projected(as_of: NaiveDate) -> NaiveDate {
    as_of.max(first_open_year(as_of).first_day())
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// `date` plus a whole number of calendar months; the day is clamped to the month's end
/// (31 January + 1 month = 28 or 29 February), as people count "14 months".
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` plus `days` days, saturating at the ends of the calendar rather than failing.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(chrono::TimeDelta::days(days))
        .unwrap_or(if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// Reads a date written as ISO `YYYY-MM-DD` or UK `DD/MM/YYYY` (also `D/M/YYYY`).
///
/// Returns `None` for anything else, including impossible dates such as 31/02/2015, so that
/// the caller can say which line and field was wrong.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some((d, rest)) = text.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Shows a date the UK way, `DD/MM/YYYY`.
pub fn format_uk(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// Shows a date as ISO `YYYY-MM-DD`, the form used in exported files.
pub fn format_iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_31_march_and_1_april_fall_in_different_financial_years() {
        assert_eq!(
            FinancialYear::containing(d(2015, 3, 31)),
            FinancialYear(2014)
        );
        assert_eq!(
            FinancialYear::containing(d(2015, 4, 1)),
            FinancialYear(2015)
        );
        assert_eq!(FinancialYear(2014).to_string(), "2014-15");
        assert_eq!(FinancialYear(1999).to_string(), "1999-00");
    }

    #[test]
    fn rolling_periods_are_named_like_the_scorecard() {
        let p = RollingPeriod::ending_march(2017);
        assert_eq!(p.to_string(), "2014-17");
        assert_eq!(
            p.years(),
            [
                FinancialYear(2014),
                FinancialYear(2015),
                FinancialYear(2016)
            ]
        );
        assert_eq!(p.first_year().first_day(), d(2014, 4, 1));
        assert_eq!(p.last_year.last_day(), d(2017, 3, 31));
        assert_eq!(RollingPeriod::parse("2014-17"), Some(p));
        assert_eq!(RollingPeriod::parse("2014-2017"), Some(p));
        assert_eq!(RollingPeriod::parse("2014-16"), None);
        assert_eq!(FinancialYear::parse("2013-14"), Some(FinancialYear(2013)));
        assert_eq!(FinancialYear::parse("2013/14"), Some(FinancialYear(2013)));
        assert_eq!(FinancialYear::parse("2013-15"), None);
    }

    #[test]
    fn both_uk_and_iso_dates_are_accepted_and_impossible_ones_refused() {
        assert_eq!(parse_date("2015-03-31"), Some(d(2015, 3, 31)));
        assert_eq!(parse_date("31/03/2015"), Some(d(2015, 3, 31)));
        assert_eq!(parse_date("1/4/2015"), Some(d(2015, 4, 1)));
        assert_eq!(parse_date("29/02/2016"), Some(d(2016, 2, 29)));
        assert_eq!(parse_date("29/02/2015"), None);
        assert_eq!(parse_date("31/02/2015"), None);
        assert_eq!(parse_date("03/31/2015"), None);
        assert_eq!(parse_date("2015-3-31x"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(format_uk(d(2015, 4, 1)), "01/04/2015");
        assert_eq!(format_iso(d(2015, 4, 1)), "2015-04-01");
    }

    #[test]
    fn a_leap_year_adds_a_day_to_the_wait() {
        assert_eq!(days_between(d(2016, 2, 1), d(2016, 3, 1)), 29);
        assert_eq!(days_between(d(2015, 2, 1), d(2015, 3, 1)), 28);
        assert_eq!(add_months(d(2015, 1, 31), 1), d(2015, 2, 28));
        assert_eq!(add_months(d(2015, 1, 1), 14), d(2016, 3, 1));
    }
}
