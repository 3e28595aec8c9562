//! A required pace and a figure to judge it by, built alike for the tests of the answer's words
//! and of the course badge: both read the same answer, so they are tested on the same one.

use scorecard::{
    Basis, Figure, Indicator, PaceAnswer, PaceStatus, PaceTarget, RollingPeriod, WaitingOutcome,
    WaitingPace,
};

/// The answer for `indicator` against `value` in 2014-17: 60 children known at an average of
/// 480 days, 20 adoptions still to come by the year's pace and 28 by the waiting children's,
/// whose outcome is `outcome`.
pub(crate) fn pace_answer(indicator: Indicator, value: f64, outcome: WaitingOutcome) -> PaceAnswer {
    PaceAnswer {
        target: PaceTarget {
            indicator,
            value,
            period: RollingPeriod::ending_march(2017),
        },
        known_children: 60,
        known_average: Some(480.0),
        unknown_adoptions: 20,
        years: Vec::new(),
        required_average: None,
        required_in_time: None,
        status: PaceStatus::Achievable,
        met_without_unknown: None,
        best_year: None,
        fastest_child_days: None,
        equal_years: None,
        equal_years_unknown_years: 0,
        waiting: WaitingPace {
            fixed_children: 60,
            fixed_sum: 28800.0,
            waiting: Vec::new(),
            unknown_adoptions: 28,
            outcome,
        },
    }
}

/// The figure 2014-17 is heading for, of 88 children, with the period's threshold (426 days
/// for A1, 121 for A2).
pub(crate) fn heading(indicator: Indicator, value: f64) -> Figure {
    Figure {
        indicator,
        children: 88,
        value: Some(value),
        basis: Basis::Mixed,
        threshold: match indicator {
            Indicator::A1 => Some(426.0),
            Indicator::A2 => Some(121.0),
            _ => None,
        },
        status: None,
    }
}
