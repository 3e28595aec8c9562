//! What the runs say: for each period and indicator the 10th, 50th and 90th percentiles and
//! the share of runs meeting the threshold, and the same for single financial years.

use crate::dates::{FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::pace::PaceTarget;

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

/// The spread of one financial year's figure over the runs, with the adoptions expected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearBand {
    /// The financial year.
    pub year: FinancialYear,
    /// A1, A10 or A2.
    pub indicator: Indicator,
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
    /// The current and later single years, for A1, A10 and A2, with the further adoptions
    /// expected.
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
