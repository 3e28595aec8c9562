//! What the runs say: for each period and indicator the 10th, 50th and 90th percentiles and
//! the share of runs meeting the threshold, and the same for single financial years; and how
//! a simulation's runs so far are summed up into them.

use super::Simulation;
use crate::dates::{FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::pace::PaceTarget;
use crate::thresholds::ThresholdSchedule;

/// The spread of one period's figure over the runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodBand {
    /// The period.
    pub period: RollingPeriod,
    /// A1, A10 or A2.
    pub indicator: Indicator,
    /// With the further adoptions the scenario expects (`true`) or children in the data only.
    pub assumed: bool,
    /// 10th percentile of the three-year average (days).
    pub p10: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// The threshold that applies.
    pub threshold: Option<f64>,
    /// Share of runs (0 to 1) whose average, rounded to the day, meets the threshold.
    pub probability_met: Option<f64>,
}

/// The spread of one financial year's figure over the runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearBand {
    /// The financial year.
    pub year: FinancialYear,
    /// A1, A10 or A2.
    pub indicator: Indicator,
    /// With the further adoptions the scenario expects (`true`) or children in the data only.
    pub assumed: bool,
    /// 10th percentile of the year's average (days).
    pub p10: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
}

/// What the runs so far say.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationSummary {
    /// Runs done.
    pub runs: u32,
    /// Every period ending in the current year or later (as in the forecast), for A1, A10
    /// and A2, data-only then assumed.
    pub bands: Vec<PeriodBand>,
    /// The current and later single years, for A1, A10 and A2, data-only then assumed.
    pub year_bands: Vec<YearBand>,
    /// The required-pace target, when one was given and its period is among the bands.
    pub target: Option<PaceTarget>,
    /// Share of runs meeting that target, with the assumed further adoptions.
    pub probability_target_met: Option<f64>,
}

impl SimulationSummary {
    /// The band of one period and indicator.
    pub fn band(
        &self,
        period: RollingPeriod,
        indicator: Indicator,
        assumed: bool,
    ) -> Option<&PeriodBand> {
        self.bands
            .iter()
            .find(|b| b.period == period && b.indicator == indicator && b.assumed == assumed)
    }

    /// The band of one single year and indicator.
    pub fn year_band(
        &self,
        year: FinancialYear,
        indicator: Indicator,
        assumed: bool,
    ) -> Option<&YearBand> {
        self.year_bands
            .iter()
            .find(|b| b.year == year && b.indicator == indicator && b.assumed == assumed)
    }
}

/// Nearest-rank percentile. Selecting the rank (linear time) instead of sorting keeps the
/// summary of 10,000 runs cheap enough to call after every batch.
pub(super) fn percentile(values: &mut [f32], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let rank = (q * values.len() as f64).ceil().max(1.0) as usize;
    let (_, v, _) = values.select_nth_unstable_by(rank.min(values.len()) - 1, f32::total_cmp);
    Some(*v as f64)
}

impl Simulation {
    /// Where `value` falls among the runs done so far of one period's figure: the share of
    /// runs below it, ties counted half (the probability integral transform, for judging a
    /// past forecast by what then happened). `None` for a period not simulated or no run.
    pub fn share_below(
        &self,
        period: RollingPeriod,
        indicator: Indicator,
        assumed: bool,
        value: f64,
    ) -> Option<f64> {
        let pi = self.periods.iter().position(|p| *p == period)?;
        let k = Indicator::DAYS.iter().position(|i| *i == indicator)?;
        let per_run = self.periods.len() * 6;
        let slot = pi * 6 + usize::from(assumed) * 3 + k;
        // The runs keep averages as f32: the value is compared as one, so that a run that is
        // the value exactly counts as a tie.
        let value = value as f32;
        let (mut below, mut ties, mut n) = (0.0, 0.0, 0.0);
        for &v in self.results.iter().skip(slot).step_by(per_run.max(1)) {
            if v.is_nan() {
                continue;
            }
            n += 1.0;
            if v < value {
                below += 1.0;
            } else if v == value {
                ties += 1.0;
            }
        }
        (n > 0.0).then(|| (below + ties / 2.0) / n)
    }

    /// The percentiles and probabilities of the runs done so far.
    pub fn summary(&self) -> SimulationSummary {
        let per_run = self.periods.len() * 6;
        let mut bands = Vec::with_capacity(per_run);
        let mut probability_target_met = None;
        let mut values: Vec<f32> = Vec::with_capacity(self.done as usize);
        for (pi, period) in self.periods.iter().enumerate() {
            for (ai, assumed) in [false, true].into_iter().enumerate() {
                for (k, indicator) in Indicator::DAYS.into_iter().enumerate() {
                    let slot = pi * 6 + ai * 3 + k;
                    values.clear();
                    values.extend(
                        self.results
                            .iter()
                            .skip(slot)
                            .step_by(per_run.max(1))
                            .copied()
                            .filter(|v| !v.is_nan()),
                    );
                    let threshold = self.thresholds[pi][k];
                    let share = |values: &[f32], limit: f64| {
                        let met = values
                            .iter()
                            .filter(|v| ThresholdSchedule::status(indicator, **v as f64, limit).met)
                            .count();
                        (!values.is_empty()).then(|| met as f64 / values.len() as f64)
                    };
                    if assumed {
                        if let Some(t) = self.target {
                            if t.period == *period && t.indicator == indicator {
                                probability_target_met = share(&values, t.value);
                            }
                        }
                    }
                    let probability_met = threshold.and_then(|t| share(&values, t));
                    bands.push(PeriodBand {
                        period: *period,
                        indicator,
                        assumed,
                        p10: percentile(&mut values, 0.1),
                        p50: percentile(&mut values, 0.5),
                        p90: percentile(&mut values, 0.9),
                        threshold,
                        probability_met,
                    });
                }
            }
        }
        let per_run_years = self.periods.len() * 6;
        let mut year_bands = Vec::with_capacity(per_run_years);
        for offset in 0..self.periods.len() {
            for (ai, assumed) in [false, true].into_iter().enumerate() {
                for (k, indicator) in Indicator::DAYS.into_iter().enumerate() {
                    values.clear();
                    values.extend(
                        self.year_results
                            .iter()
                            .skip(offset * 6 + ai * 3 + k)
                            .step_by(per_run_years.max(1))
                            .copied()
                            .filter(|v| !v.is_nan()),
                    );
                    year_bands.push(YearBand {
                        year: FinancialYear(self.first_open.0 + offset as i32),
                        indicator,
                        assumed,
                        p10: percentile(&mut values, 0.1),
                        p50: percentile(&mut values, 0.5),
                        p90: percentile(&mut values, 0.9),
                    });
                }
            }
        }
        SimulationSummary {
            runs: self.done,
            bands,
            year_bands,
            target: self.target.filter(|t| self.periods.contains(&t.period)),
            probability_target_met,
        }
    }
}
