//! Joins the engine's delay calculation ([`crate::delay::delay_impact`]) to the workshop
//! sentence: which period to talk about, and the sentence for it.

use super::sentence::{delay_sentence, DelayEffect, DelayLength};
use crate::delay::{DelayImpact, PeriodChange};
use crate::indicator::Indicator;

/// The period of `indicator` the audience should hear about: the oldest whose threshold
/// status flips (met to not met or back), else the one whose published (rounded) figure moves
/// most, the oldest on a tie. Periods the child only enters or leaves come last, as there is
/// no change to compare. `None` when the impact touches no period of that indicator.
pub fn telling_change(impact: &DelayImpact, indicator: Indicator) -> Option<&PeriodChange> {
    let changes = impact
        .periods
        .iter()
        .filter(|c| c.before.indicator == indicator);
    let flips = |c: &&PeriodChange| match (c.before.status, c.after.status) {
        (Some(b), Some(a)) => b.met != a.met,
        _ => false,
    };
    if let Some(flip) = changes.clone().find(flips) {
        return Some(flip);
    }
    let moved = |c: &PeriodChange| match (c.before.value, c.after.value) {
        (Some(b), Some(a)) => (a.round() - b.round()).abs(),
        _ => -1.0,
    };
    changes.fold(None, |best: Option<&PeriodChange>, c| match best {
        Some(b) if moved(b) >= moved(c) => Some(b),
        _ => Some(c),
    })
}

/// The workshop sentence for one period's change in `impact`, for a delay of one child
/// called `child` (the first delayed child's financial years are used for the sentence's
/// "moves the adoption order from … into …").
pub fn impact_sentence(
    impact: &DelayImpact,
    change: &PeriodChange,
    child: &str,
    delay: DelayLength,
) -> String {
    let shift = impact.children.first();
    delay_sentence(&DelayEffect {
        child: child.to_string(),
        delay,
        indicator: change.before.indicator,
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
    use crate::dates::{FinancialYear, RollingPeriod};
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
                before: ChildValues::default(),
                after: ChildValues::default(),
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
    fn the_first_period_whose_status_flips_is_the_one_told() {
        let impact = impact();
        // 2015-18 moves most (410 -> 430, 20 days) and flips too, but 2014-17 (425 met ->
        // 427 not met) is the oldest that flips.
        let told = telling_change(&impact, Indicator::A1).unwrap();
        assert_eq!(told.period, RollingPeriod::ending_march(2017));
        assert_eq!(
            impact_sentence(&impact, told, "Child C", DelayLength::months(3)),
            "Three months' delay for Child C adds 2 days to the 2014-17 A1 average, moves it \
             from met to not met and moves the adoption order from 2015-16 into 2016-17."
        );
        assert!(telling_change(&impact, Indicator::A2).is_none());
    }

    #[test]
    fn without_a_flip_the_biggest_published_move_is_told() {
        let mut impact = impact();
        // 2013-16: 440 -> 436 (4 off); 2014-17: 500 -> 502 (2 more); 2015-18: 400 -> 410
        // (10 more, met both times): none flips, 2015-18 moves most.
        impact.periods = vec![
            change(2016, Some(440.0), Some(436.0)),
            change(2017, Some(500.0), Some(502.0)),
            change(2018, Some(400.0), Some(410.0)),
            change(2019, None, Some(500.0)),
        ];
        let told = telling_change(&impact, Indicator::A1).unwrap();
        assert_eq!(told.period, RollingPeriod::ending_march(2018));
        assert_eq!(
            impact_sentence(&impact, told, "Child C", DelayLength::weeks(13)),
            "13 weeks' delay for Child C adds 10 days to the 2015-18 A1 average, keeps it met \
             and moves the adoption order from 2015-16 into 2016-17."
        );
    }
}
