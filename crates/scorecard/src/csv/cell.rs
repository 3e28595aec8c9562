//! Reads one cell's value, or says in plain English how to write it.

use crate::dates::parse_date;
use chrono::NaiveDate;

/// A date cell: empty means "not yet". Spreadsheets often add a midnight time to dates
/// ("31/03/2015 00:00"), which is dropped.
pub(crate) fn read_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(without_time(text))
        .map(Some)
        .ok_or_else(|| date_message(text))
}

/// A yes/no cell: empty means no.
pub(crate) fn read_yes_no(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" => Ok(true),
        _ => Err(format!(
            "'{}' is not yes or no; write yes, no, y, n, true, false, 1 or 0",
            text.trim()
        )),
    }
}

/// A count of children, a whole number; empty is `None`.
pub(crate) fn read_count(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| format!("'{text}' is not a whole number of children"))
}

/// An average number of days, possibly with decimals; empty is `None`.
pub(crate) fn read_days(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(days) if days.is_finite() && days >= 0.0 => Ok(Some(days)),
        _ => Err(format!("'{text}' is not a number of days")),
    }
}

/// The date part of "2015-03-31 00:00:00", "31/03/2015 00:00" or "2015-03-31T00:00:00".
fn without_time(text: &str) -> &str {
    let split = text.split_once(' ').or_else(|| text.split_once('T'));
    match split {
        Some((date, time))
            if !time.trim().is_empty()
                && time
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            date
        }
        _ => text,
    }
}

/// Distinguishes a date that is well written but does not exist (31/02/2015) from text that
/// is not written as a date at all, because the fixes differ.
fn date_message(text: &str) -> String {
    let parts: Vec<&str> = without_time(text).split(['/', '-']).collect();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let four_digit_year =
        parts.first().is_some_and(|p| p.len() == 4) || parts.last().is_some_and(|p| p.len() == 4);
    if numeric && four_digit_year {
        format!(
            "'{text}' is not a real date; check the day and the month (dates are read as \
             DD/MM/YYYY or YYYY-MM-DD)"
        )
    } else {
        format!("'{text}' is not a date; write it as DD/MM/YYYY or YYYY-MM-DD")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_a_midnight_time_are_read_and_impossible_ones_explained() {
        let expected = NaiveDate::from_ymd_opt(2015, 3, 31);
        assert_eq!(read_date("31/03/2015 00:00"), Ok(expected));
        assert_eq!(read_date("2015-03-31T00:00:00"), Ok(expected));
        assert_eq!(read_date("  "), Ok(None));
        assert!(read_date("31/02/2015")
            .unwrap_err()
            .contains("not a real date"));
        assert!(read_date("03/31/2015")
            .unwrap_err()
            .contains("not a real date"));
        assert!(read_date("31/03/15")
            .unwrap_err()
            .contains("write it as DD/MM/YYYY"));
        assert!(read_date("soon")
            .unwrap_err()
            .contains("write it as DD/MM/YYYY"));
    }

    #[test]
    fn yes_no_accepts_the_spellings_spreadsheets_use() {
        for yes in ["yes", "Y", "TRUE", "1", " Yes "] {
            assert_eq!(read_yes_no(yes), Ok(true), "{yes}");
        }
        for no in ["", "no", "N", "False", "0"] {
            assert_eq!(read_yes_no(no), Ok(false), "{no}");
        }
        assert!(read_yes_no("maybe").is_err());
    }

    #[test]
    fn counts_and_averages_refuse_what_is_not_a_number() {
        assert_eq!(read_count("45"), Ok(Some(45)));
        assert!(read_count("-1").is_err());
        assert!(read_count("4.5").is_err());
        assert_eq!(read_days("535.5"), Ok(Some(535.5)));
        assert!(read_days("NaN").is_err());
        assert!(read_days("-2").is_err());
    }
}
