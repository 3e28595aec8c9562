//! How recent the data is: the last day it speaks of, so that a forecast made as of a much
//! later date (a 2015 data set seen from today) can say so instead of projecting ten years of
//! waiting.

use crate::dates::days_between;
use crate::record::{ChildRecord, Field, YearAggregate};
use chrono::NaiveDate;

/// How many days the data may end before the as-of date before the screens say so: about six
/// months, longer than any authority goes without recording a single milestone.
pub const STALE_AFTER_DAYS: i64 = 183;

/// The last day the data speaks of: the latest date recorded for any child (expected dates are
/// plans, not records, and are left out), or the last day of the latest year of published
/// figures; `None` without any data.
pub fn data_ends(children: &[ChildRecord], aggregates: &[YearAggregate]) -> Option<NaiveDate> {
    let recorded = children.iter().flat_map(|c| {
        Field::DATES
            .into_iter()
            .filter(|f| {
                !matches!(
                    f,
                    Field::ExpectedMatch | Field::ExpectedPlaced | Field::ExpectedAdoptionOrder
                )
            })
            .filter_map(move |f| c.date(f))
    });
    let published = aggregates.iter().map(|a| a.year.last_day());
    recorded.chain(published).max()
}

/// When the data ends more than [`STALE_AFTER_DAYS`] before `as_of`: the day it ends.
pub fn ends_long_before(
    children: &[ChildRecord],
    aggregates: &[YearAggregate],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    data_ends(children, aggregates).filter(|end| days_between(*end, as_of) > STALE_AFTER_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::FinancialYear;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_data_ends_on_its_latest_recorded_date_not_an_expected_one() {
        let mut c = ChildRecord::new("C1", d(2014, 1, 1));
        c.placement_order = Some(d(2015, 2, 1));
        c.tracking.annex_a = Some(d(2015, 5, 20));
        c.expected_adoption_order = Some(d(2016, 1, 1));
        assert_eq!(data_ends(&[c.clone()], &[]), Some(d(2015, 5, 20)));
        // A year of published figures speaks of every day to its 31 March.
        let year = YearAggregate {
            authority: 0,
            year: FinancialYear(2015),
            adopted: 10,
            a1_average_days: 500.0,
            a2_children: 10,
            a2_average_days: None,
            a3_under_14_months: 2,
            a10_average_days: None,
        };
        assert_eq!(data_ends(&[c], &[year]), Some(d(2016, 3, 31)));
        assert_eq!(data_ends(&[], &[]), None);
    }

    #[test]
    fn data_more_than_six_months_old_is_said_to_end_long_before() {
        let mut c = ChildRecord::new("C1", d(2014, 1, 1));
        c.matched = Some(d(2015, 6, 30));
        // 30/06/2015 + 183 days = 30/12/2015: still recent; the day after is not.
        assert_eq!(ends_long_before(&[c.clone()], &[], d(2015, 12, 30)), None);
        assert_eq!(
            ends_long_before(&[c.clone()], &[], d(2015, 12, 31)),
            Some(d(2015, 6, 30))
        );
        assert_eq!(
            ends_long_before(&[c], &[], d(2026, 12, 2)),
            Some(d(2015, 6, 30))
        );
    }
}
