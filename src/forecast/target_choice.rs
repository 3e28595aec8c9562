//! How the target's three controls (indicator, value, period) combine into the target asked
//! for: a target follows its indicator's threshold for the period unless the manager chose
//! another value. A pure function, tested natively.

use scorecard::{Indicator, PaceTarget, RollingPeriod, ThresholdSchedule};

/// Which of the target's controls changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetControl {
    /// The indicator.
    Indicator,
    /// The period.
    Period,
    /// The value typed.
    Value,
}

/// The target the controls now ask for. A new indicator takes its threshold for the period
/// (the A1 value is never carried over to A2); a new period takes its own threshold when the
/// value was the old period's threshold, and keeps a value the manager chose; a typed value
/// is taken as typed. `None` while the typed value is not a number of days.
pub fn next_target(
    schedule: &ThresholdSchedule,
    previous: PaceTarget,
    changed: TargetControl,
    indicator: Indicator,
    period: RollingPeriod,
    typed: Option<f64>,
) -> Option<PaceTarget> {
    let threshold = schedule.threshold(indicator, period);
    let value = match changed {
        TargetControl::Indicator => threshold.or(typed),
        TargetControl::Period => {
            let followed =
                typed.is_some() && typed == schedule.threshold(indicator, previous.period);
            if followed {
                threshold.or(typed)
            } else {
                typed
            }
        }
        TargetControl::Value => typed,
    }?;
    Some(PaceTarget {
        indicator,
        value,
        period,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> RollingPeriod {
        RollingPeriod::parse(text).unwrap_or_else(|| RollingPeriod::ending_march(2016))
    }

    fn target(indicator: Indicator, value: f64, text: &str) -> PaceTarget {
        PaceTarget {
            indicator,
            value,
            period: period(text),
        }
    }

    #[test]
    fn a_new_indicator_takes_its_own_threshold_for_the_period() {
        // The scrutiny report's schedule: A1 426 and A2 121 for the three years ending March
        // 2016; A2 152 for those ending March 2015.
        let schedule = ThresholdSchedule::default();
        let a1 = target(Indicator::A1, 426.0, "2013-16");
        let chosen = next_target(
            &schedule,
            a1,
            TargetControl::Indicator,
            Indicator::A2,
            period("2013-16"),
            Some(426.0),
        );
        assert_eq!(chosen, Some(target(Indicator::A2, 121.0, "2013-16")));
        // Even a value the manager typed for A1 is not carried over to A2.
        let typed = next_target(
            &schedule,
            target(Indicator::A1, 400.0, "2012-15"),
            TargetControl::Indicator,
            Indicator::A2,
            period("2012-15"),
            Some(400.0),
        );
        assert_eq!(typed, Some(target(Indicator::A2, 152.0, "2012-15")));
    }

    #[test]
    fn a_new_period_follows_the_threshold_only_when_the_target_did() {
        let schedule = ThresholdSchedule::default();
        // At the 2013-16 threshold (121): 2012-15 brings its own, 152.
        let followed = next_target(
            &schedule,
            target(Indicator::A2, 121.0, "2013-16"),
            TargetControl::Period,
            Indicator::A2,
            period("2012-15"),
            Some(121.0),
        );
        assert_eq!(followed, Some(target(Indicator::A2, 152.0, "2012-15")));
        // A chosen 100 days stays 100.
        let kept = next_target(
            &schedule,
            target(Indicator::A2, 100.0, "2013-16"),
            TargetControl::Period,
            Indicator::A2,
            period("2012-15"),
            Some(100.0),
        );
        assert_eq!(kept, Some(target(Indicator::A2, 100.0, "2012-15")));
        // A typed value is taken as typed; text that is not a number changes nothing.
        let typed = next_target(
            &schedule,
            target(Indicator::A2, 121.0, "2013-16"),
            TargetControl::Value,
            Indicator::A2,
            period("2013-16"),
            Some(90.0),
        );
        assert_eq!(typed, Some(target(Indicator::A2, 90.0, "2013-16")));
        let none = next_target(
            &schedule,
            target(Indicator::A2, 121.0, "2013-16"),
            TargetControl::Value,
            Indicator::A2,
            period("2013-16"),
            None,
        );
        assert_eq!(none, None);
    }
}
