//! The required pace: what the adoptions not yet in the data must average for a three-year
//! figure to reach a target.
//!
//! The scenario gives the expected total adoptions for each year of the target period that
//! ends after the as-of date. Those totals include the children already adopted that year and
//! the pipeline children projected into it; what remains (never below 0) are the unknown
//! adoptions. Over the whole period, with K known children summing S:
//! required average = (target × (K + U) − S) ÷ U. The scrutiny report's simpler answer assumes equal
//! numbers every year: (3 × target − the known years' averages) ÷ the unknown years.

mod waiting;

pub use waiting::{pace_over_floors, TargetStatus, WaitingChild, WaitingOutcome, WaitingPace};

pub use crate::inputs::PaceTarget;

use crate::dates::FinancialYear;
use crate::indicator::Indicator;
use crate::inputs::ExpectedYear;
use crate::model::Model;
use crate::record::ChildRecord;
use chrono::NaiveDate;

/// The plain answer to "can we get there".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaceStatus {
    /// Reachable at a pace the authority has achieved in a complete year before.
    Achievable,
    /// Reachable only faster than (for a percentage: better than) any complete year in the
    /// authority's own history.
    BeyondOwnHistory,
    /// Out of reach: even 0 days (or every unknown adoption in time) is not enough.
    Impossible,
    /// Met whatever the unknown adoptions do (a percentage already safe even if none of them
    /// is in time; days can always get worse, so never for A1, A10 or A2).
    AlreadyMet,
    /// No adoptions are left unknown in the period: the figure is what the data says.
    NoUnknownAdoptions,
}

/// The answer for one target.
#[derive(Debug, Clone, PartialEq)]
pub struct PaceAnswer {
    /// The target asked about.
    pub target: PaceTarget,
    /// Children of the period with a value for the indicator: adopted and projected.
    pub known_children: u64,
    /// Their average (days or percent); `None` without any.
    pub known_average: Option<f64>,
    /// The adoptions the scenario expects beyond the known ones, over the period.
    pub unknown_adoptions: u64,
    /// The years of the period that end after the as-of date, with their expected totals.
    pub years: Vec<ExpectedYear>,
    /// What the unknown adoptions must average: days, or the percentage of them that must be
    /// in time. `None` when there are no unknown adoptions. Negative for days means
    /// impossible, as does above 100 for a percentage.
    pub required_average: Option<f64>,
    /// Percentages: how many of the unknown adoptions must be in time (when possible).
    pub required_in_time: Option<u64>,
    /// The plain answer.
    pub status: PaceStatus,
    /// When there are no unknown adoptions: whether the known figure meets the target.
    pub met_without_unknown: Option<bool>,
    /// The best complete year in the authority's history for this indicator (lowest days,
    /// highest percentage) and its average.
    pub best_year: Option<(FinancialYear, f64)>,
    /// The fastest single adopted child's days for this indicator (days indicators only).
    pub fastest_child_days: Option<f64>,
    /// The scrutiny report's simpler answer, assuming equal numbers adopted each year.
    pub equal_years: Option<f64>,
    /// How many years of the period the equal-years answer spreads the requirement over.
    pub equal_years_unknown_years: u32,
    /// The answer over everything not yet decided: the children still waiting (with their
    /// own dates) and the adoptions not yet in the data. The fields above are the older
    /// reading, "if the pipeline goes as projected".
    pub waiting: WaitingPace,
}

/// The average `unknown` further children must reach so that `known_children` children
/// summing `known_sum` plus them average exactly `target`; `None` without unknown children.
///
/// The Sheffield scrutiny report's case with child counts: 30 children at 535 days, 20 and 20 to come, target 426:
/// (426 × 70 − 30 × 535) ÷ 40 = 344.25 days.
pub fn required_average(
    target: f64,
    known_children: u64,
    known_sum: f64,
    unknown: u64,
) -> Option<f64> {
    (unknown > 0)
        .then(|| (target * (known_children as f64 + unknown as f64) - known_sum) / unknown as f64)
}

/// The scrutiny report's equal-years arithmetic: the average the `unknown_years` must reach so that the
/// mean of all the years' averages is `target`, given the known years' averages.
///
/// Sheffield City Council scrutiny report (2015), §3.5: (3 × 426 − 535) ÷ 2 = 371.5 days.
/// `None` when no year is left, or when the answer would be below zero: the known years alone
/// already put the target out of reach, and no pace is an answer.
pub fn equal_years_average(
    target: f64,
    known_year_averages: &[f64],
    unknown_years: u32,
) -> Option<f64> {
    if unknown_years == 0 {
        return None;
    }
    let years = known_year_averages.len() as f64 + unknown_years as f64;
    let average = (target * years - known_year_averages.iter().sum::<f64>()) / unknown_years as f64;
    (average >= 0.0).then_some(average)
}

/// How many of `unknown` further adoptions must be in time for `in_time` of `counted` plus
/// them to reach `target_percent`; `None` when even all of them are not enough.
///
/// The performance action plan template (2014-15): 15 of 22 in time is 68.2%; for 80% with 10 more adoptions, 80% of 32 is 25.6,
/// so 11 of the 10 would be needed: `None`. With 40 more: 80% of 62 = 49.6, so 35.
pub fn in_time_needed(
    target_percent: f64,
    in_time: u64,
    counted: u64,
    unknown: u64,
) -> Option<u64> {
    let limit = crate::thresholds::ThresholdSchedule::percent_limit(target_percent);
    let needed = limit / 100.0 * (counted as f64 + unknown as f64) - in_time as f64;
    // A tiny tolerance so that an exact hit (e.g. 16 of 20 = 80%) is not lost to rounding.
    let k = (needed - 1e-9).ceil().max(0.0);
    (k <= unknown as f64).then_some(k as u64)
}

/// How many further adoptions, all in time, bring `in_time` of `counted` up to
/// `target_percent`; `None` for a target of 100% or more that is not already met.
///
/// The performance action plan template (2014-15): 15 of 22 for 80% needs 13, because 28 of 35 is exactly 80%.
pub fn consecutive_in_time_needed(target_percent: f64, in_time: u64, counted: u64) -> Option<u64> {
    let t = crate::thresholds::ThresholdSchedule::percent_limit(target_percent) / 100.0;
    let gap = t * counted as f64 - in_time as f64;
    if gap <= 1e-9 {
        return Some(0);
    }
    if target_percent >= 100.0 {
        return None;
    }
    Some((gap / (1.0 - t) - 1e-9).ceil() as u64)
}

/// Solves `target`: over the children still waiting (the answer), and on the model's
/// data-only figures as if the pipeline went as projected (the older reading).
pub(crate) fn solve(
    model: &Model,
    children: &[ChildRecord],
    as_of: NaiveDate,
    expected: &[ExpectedYear],
    target: &PaceTarget,
) -> PaceAnswer {
    let measure = target.indicator.measure();
    let percent = target.indicator.is_percent();
    let scale = if percent { 100.0 } else { 1.0 };
    let window = model.book().window(target.period);
    let known = window.measures[measure as usize];
    let years: Vec<ExpectedYear> = expected
        .iter()
        .filter(|e| target.period.contains(e.year))
        .cloned()
        .collect();
    let unknown: u64 = years.iter().map(|e| e.unknown).sum();
    let known_average = known.mean().map(|m| m * scale);
    let t = target.value / scale;
    let required = required_average(t, known.children, known.sum, unknown);

    // The best complete year of the authority's own history, for "faster than any year".
    let mut best_year: Option<(FinancialYear, f64)> = None;
    for (i, y) in model.book().years.iter().enumerate() {
        let year = FinancialYear(model.book().first.0 + i as i32);
        if year >= model.first_open() {
            break;
        }
        if let Some(m) = y.measures[measure as usize].mean() {
            let v = m * scale;
            let better = match best_year {
                None => true,
                Some((_, b)) => (percent && v > b) || (!percent && v < b),
            };
            if better {
                best_year = Some((year, v));
            }
        }
    }

    let mut met_without_unknown = None;
    let mut required_in_time = None;
    let status = match required {
        None => {
            met_without_unknown = known_average.map(|avg| {
                crate::thresholds::ThresholdSchedule::status(target.indicator, avg, target.value)
                    .met
            });
            PaceStatus::NoUnknownAdoptions
        }
        // A count of children under 14 months: how many of the further adoptions must be.
        Some(_) if target.indicator == Indicator::A3 => {
            let needed = (target.value - known.sum - 1e-9).ceil().max(0.0);
            required_in_time = (needed <= unknown as f64).then_some(needed as u64);
            if needed <= 0.0 {
                PaceStatus::AlreadyMet
            } else if needed > unknown as f64 {
                PaceStatus::Impossible
            } else {
                PaceStatus::Achievable
            }
        }
        Some(r) if percent => {
            required_in_time = in_time_needed(
                target.value,
                known.sum.round() as u64,
                known.children,
                unknown,
            );
            if r <= 0.0 {
                PaceStatus::AlreadyMet
            } else if r > 1.0 {
                PaceStatus::Impossible
            } else if best_year.is_some_and(|(_, b)| r * 100.0 > b) {
                PaceStatus::BeyondOwnHistory
            } else {
                PaceStatus::Achievable
            }
        }
        Some(r) => {
            if r < 0.0 {
                PaceStatus::Impossible
            } else if best_year.is_some_and(|(_, b)| r < b) {
                PaceStatus::BeyondOwnHistory
            } else {
                PaceStatus::Achievable
            }
        }
    };

    // Equal years: the complete years of the period give their own averages; the years that
    // end after the as-of date share the rest equally, whatever their numbers.
    let mut known_year_averages = Vec::new();
    let mut unknown_years = 0;
    for year in target.period.years() {
        if year >= model.first_open() {
            unknown_years += 1;
        } else if let Some(m) = model
            .book()
            .get(year)
            .and_then(|y| y.measures[measure as usize].mean())
        {
            known_year_averages.push(m * scale);
        }
    }

    PaceAnswer {
        target: *target,
        known_children: known.children,
        known_average,
        unknown_adoptions: unknown,
        years,
        required_average: if target.indicator == Indicator::A3 {
            required_in_time.map(|n| n as f64 / unknown.max(1) as f64 * 100.0)
        } else {
            required.map(|r| r * scale)
        },
        required_in_time,
        status,
        met_without_unknown,
        best_year,
        fastest_child_days: if percent {
            None
        } else {
            model.fastest_child(measure)
        },
        equal_years: equal_years_average(target.value, &known_year_averages, unknown_years),
        equal_years_unknown_years: unknown_years,
        waiting: waiting::solve_waiting(model, children, as_of, expected, target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_arithmetic() {
        // (3 x 426 - 535) / 2 = (1278 - 535) / 2 = 371.5
        assert_eq!(equal_years_average(426.0, &[535.0], 2), Some(371.5));
        // One year at 1,279 days: (2 × 426 − 1279) ÷ 1 = −427, out of reach at any pace.
        assert_eq!(equal_years_average(426.0, &[1279.0], 1), None);
        // (426 x 70 - 535 x 30) / 40 = (29820 - 16050) / 40 = 344.25
        assert_eq!(required_average(426.0, 30, 535.0 * 30.0, 40), Some(344.25));
        assert_eq!(required_average(426.0, 30, 1.0, 0), None);
        assert_eq!(consecutive_in_time_needed(80.0, 15, 22), Some(13));
        assert_eq!(in_time_needed(80.0, 15, 22, 10), None);
        assert_eq!(in_time_needed(80.0, 15, 22, 40), Some(35));
        assert_eq!(in_time_needed(80.0, 16, 20, 0), Some(0));
    }
}
