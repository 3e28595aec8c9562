//! What a forecast is asked: the records, the settings and the scenario it is computed from,
//! and the expected adoptions of each open year. A leaf: the forecast, the model, the required
//! pace and the Monte Carlo all read these, and none of them is read from here, so the
//! modules that compute never depend on each other in a circle.

use crate::dates::{FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::record::{ChildRecord, YearAggregate};
use crate::scenario::Scenario;
use crate::thresholds::ThresholdSchedule;
use chrono::NaiveDate;

/// Everything a forecast depends on, borrowed from the app's state.
#[derive(Debug, Clone, Copy)]
pub struct ForecastInput<'a> {
    /// The usable child records (records with errors left out by the caller).
    pub children: &'a [ChildRecord],
    /// Published figures for years with no child records.
    pub aggregates: &'a [YearAggregate],
    /// The day the figures are as of: nothing is projected before it.
    pub as_of: NaiveDate,
    /// The thresholds the three-year figures are judged against.
    pub thresholds: &'a ThresholdSchedule,
    /// Stage durations, expected adoptions and assumed pace.
    pub scenario: &'a Scenario,
    /// The required-pace question; `None` asks about the next threshold not yet met.
    pub target: Option<PaceTarget>,
    /// Whether the children are every child there is (a trainer's made-up cohort), so that a
    /// year without any is known to have none. An authority's records are not: a year
    /// without data makes a three-year figure partial.
    pub every_child: bool,
}

/// The expected adoptions of one financial year that ends after the as-of date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedYear {
    /// The financial year.
    pub year: FinancialYear,
    /// Expected total adoptions in the year (including those already known).
    pub expected: u64,
    /// Whether the scenario set the total (otherwise the mean of the last three complete
    /// years).
    pub overridden: bool,
    /// Already adopted in the year.
    pub adopted: u64,
    /// Pipeline children projected into the year.
    pub projected: u64,
    /// The further adoptions not yet in the data: expected − adopted − projected, never
    /// below 0.
    pub unknown: u64,
}

/// What the manager wants to reach: a value of an indicator for a three-year period.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PaceTarget {
    /// A1, A10 or A2 (days), or A3_percent / placed_12m_percent (percent).
    pub indicator: Indicator,
    /// Days at or below which (or percentage at or above which) the target is met.
    pub value: f64,
    /// The three-year period.
    pub period: RollingPeriod,
}

impl Default for PaceTarget {
    /// The Sheffield scrutiny report's question: 426 days of A1 for the three years ending March 2017.
    fn default() -> Self {
        PaceTarget {
            indicator: Indicator::A1,
            value: 426.0,
            period: RollingPeriod::ending_march(2017),
        }
    }
}

/// Which adoptions the figures of open periods count: one choice for the whole product, so
/// that the same period's figure reads the same wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum FiguresBasis {
    /// The children in the data plus the further adoptions the scenario expects in each open
    /// year (at the pace it assumes for them).
    #[default]
    WithExpected,
    /// The children in the data alone: adopted, or projected from the pipeline.
    DataOnly,
}

impl FiguresBasis {
    /// Whether the further adoptions the scenario expects are counted.
    pub fn counts_expected(self) -> bool {
        self == FiguresBasis::WithExpected
    }
}
