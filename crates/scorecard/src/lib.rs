//! # scorecard
//!
//! The adoption scorecard engine for English local authorities: the DfE indicators (A1, A10,
//! A2, A3 and the local "placed within 12 months of the SHOBPA decision"), their three-year
//! rolling averages, a projection of the children now in the pipeline, the pace the remaining
//! adoptions must reach to meet a threshold, a Monte Carlo of the uncertainty, and the CSV
//! reader for records exported from case-management spreadsheets.
//!
//! Nothing here touches the web or the clock: the as-of date is always an argument, so every
//! function is a pure function of its inputs and runs the same natively and in WebAssembly.
//!
//! ```
//! use chrono::NaiveDate;
//! use scorecard::{
//!     forecast, ChildRecord, ForecastInput, Indicator, PaceTarget, RollingPeriod, Scenario,
//!     ThresholdSchedule,
//! };
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! // One child adopted in 2014-15: in care on 1 Jan 2014, moved in 1 Dec 2014 (334 days).
//! let mut child = ChildRecord::new("C1", day(2014, 1, 1));
//! child.shobpa_decision = Some(day(2014, 4, 1));
//! child.placement_order = Some(day(2014, 7, 1));
//! child.matched = Some(day(2014, 10, 1));
//! child.placed = Some(day(2014, 12, 1));
//! child.adoption_order = Some(day(2015, 3, 2));
//!
//! let thresholds = ThresholdSchedule::default();
//! let scenario = Scenario::default();
//! let children = [child];
//! let input = ForecastInput {
//!     children: &children,
//!     aggregates: &[],
//!     as_of: day(2015, 4, 1),
//!     thresholds: &thresholds,
//!     scenario: &scenario,
//!     target: Some(PaceTarget {
//!         indicator: Indicator::A1,
//!         value: 426.0,
//!         period: RollingPeriod::ending_march(2017),
//!     }),
//!     every_child: false,
//! };
//! let f = forecast(&input);
//! // From the data alone 2014-17 has children in 2014-15 only: a partial figure, not judged.
//! let data_only = f.period(RollingPeriod::ending_march(2017)).unwrap();
//! assert_eq!(data_only.years_covered, 1);
//! assert_eq!(data_only.figure(Indicator::A1).status, None);
//! // With the adoptions expected (1 a year, at the last complete year's 334 days) it is whole.
//! let a1 = f.period_assumed(RollingPeriod::ending_march(2017)).unwrap().figure(Indicator::A1);
//! assert_eq!(a1.value, Some(334.0));
//! assert!(a1.status.unwrap().met); // 334 <= 426
//! // The scrutiny report's equal-years answer: (3 x 426 - 334) / 2 = 472 days for the next two years.
//! assert_eq!(f.pace.as_ref().unwrap().equal_years, Some(472.0));
//! assert!(f.to_csv().starts_with("section,period,indicator,children,value,threshold,meets,basis"));
//! ```

pub mod backtest;
pub mod csv;
pub mod dates;
pub mod delay;
pub mod demo;
pub mod error;
pub mod export;
pub mod forecast;
pub mod freshness;
pub mod indicator;
pub mod inputs;
pub mod merge;
mod model;
pub mod pace;
pub mod projection;
pub mod record;
mod rng;
pub mod rolling;
pub mod rounding;
pub mod scenario;
pub mod simulate;
pub mod sorting;
pub mod ssda903;
pub mod summary;
pub mod thresholds;
pub mod timescales;
pub mod validate;
pub mod workdays;

pub use backtest::{
    as_known_on, backtest, backtest_csv, coverage, route_started, tenths, Backtest, BacktestRow,
    Coverage, Horizon, BACKTEST_CSV_HEADER,
};
pub use csv::{
    read_aggregates, read_children, write_aggregates, write_children, AggregateImport, ChildImport,
};
pub use dates::{FinancialYear, RollingPeriod};
pub use demo::{demo_as_of, demo_dataset, Demo};
pub use error::{Error, ErrorKind, Problem, Severity};
pub use record::{ChildRecord, Field, TrackingDates, YearAggregate};

pub use delay::{delay_impact, delay_impact_on, ChildShift, DelayImpact, Delayed, PeriodChange};
pub use export::FORECAST_CSV_HEADER;
pub use forecast::{
    forecast, forecast_on, Contribution, ExpectedYear, FiguresBasis, Forecast, ForecastInput,
    PipelineChild,
};
pub use freshness::{data_ends, ends_long_before};
pub use indicator::{ChildValues, Indicator, Milestones};
pub use merge::{child_key, merge_aggregates, merge_children, MergeMode, MergeSummary};
pub use pace::{
    PaceAnswer, PaceStatus, PaceTarget, TargetStatus, WaitingChild, WaitingOutcome, WaitingPace,
};
pub use projection::{DurationSource, Projection, StageDefault, StageDurations, StageOutlook};
pub use rolling::{Basis, Figure, PeriodFigures, YearFigures, YearSource};
pub use scenario::{AssumedPace, Scenario, Stage, StageDuration};
pub use simulate::{
    own_leaving_rate, simulate, PeriodBand, Simulation, SimulationSettings, SimulationSummary,
    YearBand,
};
pub use thresholds::{Status, ThresholdEntry, ThresholdSchedule};
pub use validate::{
    future_dates, is_usable, usable, usable_at, validate, validate_aggregate, validate_at,
    validate_child,
};

pub mod comparators;
pub use comparators::{
    estimated_national_rank, estimated_rank, read_comparators, write_comparators, ComparatorImport,
    ComparatorRow, ComparatorTable, NationalRank,
};

pub mod workshop;
pub use workshop::{
    child_name, delay_sentence, impact_sentence, life_at_placement, life_sentence, telling_change,
    CohortTemplate, DelayEffect, DelayLength, DelayUnit, LifeAtPlacement,
};
