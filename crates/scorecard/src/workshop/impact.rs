//! Joins the engine's delay calculation ([`crate::delay::delay_impact`]) to the workshop
//! story: which period to talk about, and the story for it.

use super::delay_length::DelayLength;
use super::sentence::{delay_sentence, DelayEffect};
use crate::dates::{FinancialYear, RollingPeriod};
use crate::delay::{DelayImpact, PeriodChange};
use crate::indicator::Indicator;

/// The period of `indicator` the audience should hear about, kept the same whatever the delay
/// so that the story does not jump from period to period as the slider moves: the period
/// ending the financial year after the child's adoption order without the delay. It holds
/// that year and the next, so it counts the child with and without any delay of up to a year
/// (the most the workshop offers), and the change it shows is the child's own.
///
/// When that period does not count the child after the delay (a longer delay), the oldest
/// period counting the child both ways is told; when none does (the child enters or leaves
/// every figure), the oldest period holding the child either way. `None` when the impact
/// touches no period of that indicator.
pub fn telling_change(impact: &DelayImpact, indicator: Indicator) -> Option<&PeriodChange> {
    let changes: Vec<&PeriodChange> = impact
        .periods
        .iter()
        .filter(|c| c.before.indicator == indicator)
        .collect();
    let shift = impact.children.first();
    let (before, after) = (
        shift.and_then(|s| s.year_before),
        shift.and_then(|s| s.year_after),
    );
    let holds =
        |c: &PeriodChange, year: Option<FinancialYear>| year.is_some_and(|y| c.period.contains(y));
    if let Some(year) = before {
        let next = RollingPeriod::ending_with(FinancialYear(year.0 + 1));
        if let Some(c) = changes
            .iter()
            .find(|c| c.period == next && (after.is_none() || holds(c, after)))
        {
            return Some(c);
        }
    }
    changes
        .iter()
        .find(|c| holds(c, before) && holds(c, after))
        .or_else(|| changes.iter().find(|c| holds(c, before) || holds(c, after)))
        .or_else(|| changes.first())
        .copied()
}

/// The workshop story for one period's change in `impact`, for a delay of one child called
/// `child` (the first delayed child's own days and financial years are used). `expected`:
/// the child's own days are a projection (not yet reached), said "is expected to".
pub fn impact_sentence(
    impact: &DelayImpact,
    change: &PeriodChange,
    child: &str,
    delay: DelayLength,
    expected: bool,
) -> String {
    let shift = impact.children.first();
    let indicator = change.before.indicator;
    delay_sentence(&DelayEffect {
        child: child.to_string(),
        delay,
        indicator,
        child_before: shift.and_then(|s| s.before.value(indicator)),
        child_after: shift.and_then(|s| s.after.value(indicator)),
        expected,
        period: change.period,
        before: change.before.value,
        after: change.after.value,
        threshold: change.after.threshold.or(change.before.threshold),
        year_before: shift.and_then(|s| s.year_before),
        year_after: shift.and_then(|s| s.year_after),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delay::ChildShift;
    use crate::indicator::ChildValues;
    use crate::rolling::{Basis, Figure};
    use crate::thresholds::Status;

    fn figure(indicator: Indicator, value: Option<f64>, threshold: f64) -> Figure {
        Figure {
            indicator,
            children: 3,
            value,
            basis: Basis::Actual,
            threshold: Some(threshold),
            status: value.map(|v| Status {
                met: v.round() <= threshold,
                gap: v.round() - threshold,
            }),
        }
    }

    fn change(last_march: i32, before: Option<f64>, after: Option<f64>) -> PeriodChange {
        PeriodChange {
            period: RollingPeriod::ending_march(last_march),
            before: figure(Indicator::A1, before, 426.0),
            after: figure(Indicator::A1, after, 426.0),
        }
    }

    /// A child whose A1 is `days`.
    fn a1(days: i64) -> ChildValues {
        ChildValues {
            a1_days: Some(days),
            ..ChildValues::default()
        }
    }

    /// Child C's order slips from 2015-16 into 2016-17: 2013-16 loses it, 2014-17 keeps it
    /// with a longer A1, 2016-19 gains it.
    fn impact() -> DelayImpact {
        DelayImpact {
            days: 92,
            children: vec![ChildShift {
                index: 2,
                child_id: "Child C".into(),
                year_before: Some(FinancialYear(2015)),
                year_after: Some(FinancialYear(2016)),
                before: a1(420),
                after: a1(512),
            }],
            periods: vec![
                change(2016, Some(440.0), Some(436.0)),
                change(2017, Some(425.4), Some(427.2)),
                change(2018, Some(410.0), Some(430.0)),
                change(2019, None, Some(500.0)),
            ],
        }
    }

    #[test]
    fn the_period_told_counts_the_child_either_way_and_stays_put() {
        let impact = impact();
        // C's order is in 2015-16 without the delay: the period ending 2016-17, 2014-17,
        // holds 2015-16 and 2016-17, so it counts C with the delay too. 2015-18 moves most
        // and 2013-16 loses C (440 -> 436, a drop that is only C leaving): neither is told.
        let told = telling_change(&impact, Indicator::A1).unwrap();
        assert_eq!(told.period, RollingPeriod::ending_march(2017));
        assert_eq!(
            impact_sentence(&impact, told, "Child C", DelayLength::months(3), false),
            "Three months' delay for Child C: 512 days from entering care to moving in \
             instead of 420, 92 days more. In 2014-17, which counts Child C with or without \
             the delay, the A1 average goes from 425 to 427 days (2 more) and moves from met \
             to not met. The adoption order also moves from 2015-16 into 2016-17."
        );
        assert!(telling_change(&impact, Indicator::A2).is_none());
        // A shorter delay keeping the order in 2015-16 tells the same period.
        let mut same_year = impact.clone();
        same_year.children[0].year_after = Some(FinancialYear(2015));
        assert_eq!(
            telling_change(&same_year, Indicator::A1).unwrap().period,
            RollingPeriod::ending_march(2017)
        );
    }

    #[test]
    fn a_child_counting_in_no_figure_before_is_told_in_the_oldest_period_holding_them() {
        let mut impact = impact();
        impact.children[0].year_before = None;
        // 2013-16 holds no 2016-17 child; 2014-17 is the oldest period holding C after.
        let told = telling_change(&impact, Indicator::A1).unwrap();
        assert_eq!(told.period, RollingPeriod::ending_march(2017));
    }
}
