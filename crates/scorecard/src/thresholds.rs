//! The government thresholds for the three-year averages, kept as data a user can edit.
//!
//! The defaults are the table of the Sheffield City Council scrutiny report (2015) for the three years ending March 2011 to March 2018.
//! Other sources publish different figures for the same periods (DOMAIN.md), which is why the
//! schedule is never a constant: the user sees it and can change every entry.

use crate::dates::RollingPeriod;
use crate::indicator::Indicator;

/// The thresholds for the period ending in one March.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ThresholdEntry {
    /// The calendar year of the March the three-year period ends in (2017 for "2014-17").
    pub ending_march: i32,
    /// A1 threshold in days (A10 is judged against it too).
    pub a1_days: u32,
    /// A2 threshold in days.
    pub a2_days: u32,
}

impl Default for ThresholdEntry {
    /// The last entry of the table of the Sheffield City Council scrutiny report (2015): March 2018, 426 and 121 days (a new row in the
    /// settings starts from it).
    fn default() -> Self {
        ThresholdEntry {
            ending_march: 2018,
            a1_days: 426,
            a2_days: 121,
        }
    }
}

/// The threshold schedule: one entry per period, plus the local target for the
/// "placed within 12 months of the SHOBPA decision" indicator.
///
/// A period with no entry of its own uses the latest entry before it, so every period after
/// the last entry (March 2018 by default) keeps the last published thresholds (426 and 121
/// days); periods before the first entry had no threshold.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ThresholdSchedule {
    /// The entries, in any order; at most one per `ending_march` is meaningful (the first wins).
    pub entries: Vec<ThresholdEntry>,
    /// The local target for the percentage placed within 12 months of the SHOBPA decision
    /// (the performance action plan template (2014-15): 80%); `None` for no target.
    pub placed_12m_target_percent: Option<f64>,
}

impl Default for ThresholdSchedule {
    /// The table of the Sheffield City Council scrutiny report (2015): A1 639, 639, 639, 568, 497, 426, 426, 426 and A2 213, 213, 213,
    /// 182, 152, 121, 121, 121 for the three years ending March 2011 to 2018; the performance action plan template's (2014-15) 80%.
    fn default() -> Self {
        const A1: [u32; 8] = [639, 639, 639, 568, 497, 426, 426, 426];
        const A2: [u32; 8] = [213, 213, 213, 182, 152, 121, 121, 121];
        let entries = (0..8)
            .map(|i| ThresholdEntry {
                ending_march: 2011 + i as i32,
                a1_days: A1[i],
                a2_days: A2[i],
            })
            .collect();
        ThresholdSchedule {
            entries,
            placed_12m_target_percent: Some(80.0),
        }
    }
}

/// Whether a figure meets its threshold, and by how much it misses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Status {
    /// Met: for days, the average rounded to the nearest day is at or below the threshold;
    /// for a percentage, the figure is at or above the target.
    pub met: bool,
    /// How far the figure is on the wrong side: days above the threshold (rounded average
    /// minus threshold) or percentage points below the target. Zero or negative when met.
    pub gap: f64,
}

impl ThresholdSchedule {
    /// The entry that applies to `period`: its own, else the latest one before it.
    pub fn entry_for(&self, period: RollingPeriod) -> Option<&ThresholdEntry> {
        let march = period.ending_march_year();
        self.entries
            .iter()
            .filter(|e| e.ending_march <= march)
            .fold(None::<&ThresholdEntry>, |best, e| match best {
                Some(b) if b.ending_march >= e.ending_march => Some(b),
                _ => Some(e),
            })
    }

    /// The threshold of `indicator` for a three-year `period`, in the indicator's unit;
    /// `None` where none applies (A3 and A3_percent have none).
    pub fn threshold(&self, indicator: Indicator, period: RollingPeriod) -> Option<f64> {
        match indicator {
            Indicator::A1 | Indicator::A10 => self.entry_for(period).map(|e| e.a1_days as f64),
            Indicator::A2 => self.entry_for(period).map(|e| e.a2_days as f64),
            Indicator::A3 | Indicator::A3Percent => None,
            Indicator::Placed12mPercent => self.placed_12m_target_percent,
        }
    }

    /// The average a days figure must stay under to meet `threshold`: published figures are
    /// whole days, so the average is rounded before it is compared (426.49 meets 426; 426.5
    /// rounds to 427 and does not). [`ThresholdSchedule::status`] and the required pace both
    /// follow this one rule.
    pub fn days_limit(threshold: f64) -> f64 {
        threshold.floor() + 0.5
    }

    /// The lowest percentage that meets a target of `target` percent: a percentage is read to
    /// one decimal place (halves away from zero), so 79.95% reads 80.0% and meets 80%.
    /// [`ThresholdSchedule::status`] and the required pace both follow this one rule.
    pub fn percent_limit(target: f64) -> f64 {
        target - 0.05
    }

    /// Judges a figure against a threshold of the same indicator, as it reads: days rounded to
    /// the day, percentages to one decimal place, halves away from zero (see
    /// [`crate::rounding`]).
    pub fn status(indicator: Indicator, value: f64, threshold: f64) -> Status {
        if indicator.is_days() {
            // The published figure is rounded to the nearest day before it is compared.
            let gap = crate::rounding::whole(value) as f64 - threshold;
            Status {
                met: gap <= 0.0,
                gap,
            }
        } else {
            let gap = threshold - crate::rounding::to_one_decimal(value);
            Status {
                met: gap <= 0.0,
                gap,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_table_and_the_last_entry_for_later_periods() {
        let s = ThresholdSchedule::default();
        let p = RollingPeriod::ending_march;
        assert_eq!(s.threshold(Indicator::A1, p(2011)), Some(639.0));
        assert_eq!(s.threshold(Indicator::A1, p(2014)), Some(568.0));
        assert_eq!(s.threshold(Indicator::A2, p(2015)), Some(152.0));
        assert_eq!(s.threshold(Indicator::A10, p(2016)), Some(426.0));
        assert_eq!(s.threshold(Indicator::A2, p(2025)), Some(121.0));
        assert_eq!(s.threshold(Indicator::A1, p(2010)), None);
        assert_eq!(s.threshold(Indicator::A3, p(2016)), None);
    }

    #[test]
    fn met_is_judged_on_the_rounded_average() {
        // 426.49 rounds to 426: met; 426.5 rounds to 427: not met by 1 day.
        assert!(ThresholdSchedule::status(Indicator::A1, 426.49, 426.0).met);
        let s = ThresholdSchedule::status(Indicator::A1, 426.5, 426.0);
        assert!(!s.met);
        assert_eq!(s.gap, 1.0);
        let p = ThresholdSchedule::status(Indicator::Placed12mPercent, 68.2, 80.0);
        assert!(!p.met);
        assert!((p.gap - 11.8).abs() < 1e-9);
        // A percentage reads to one decimal: 79.95% reads 80.0% and meets 80%; 79.94% reads
        // 79.9% and misses by 0.1 point.
        assert!(ThresholdSchedule::status(Indicator::Placed12mPercent, 79.95, 80.0).met);
        let p = ThresholdSchedule::status(Indicator::Placed12mPercent, 79.94, 80.0);
        assert!(!p.met && (p.gap - 0.1).abs() < 1e-9);
    }

    #[test]
    fn an_edited_entry_applies_to_its_period_and_after() {
        let mut s = ThresholdSchedule::default();
        s.entries.push(ThresholdEntry {
            ending_march: 2020,
            a1_days: 400,
            a2_days: 100,
        });
        assert_eq!(
            s.threshold(Indicator::A1, RollingPeriod::ending_march(2019)),
            Some(426.0)
        );
        assert_eq!(
            s.threshold(Indicator::A1, RollingPeriod::ending_march(2021)),
            Some(400.0)
        );
    }
}
