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

pub mod csv;
pub mod dates;
pub mod demo;
pub mod error;
pub mod record;
pub mod validate;

pub use csv::{
    read_aggregates, read_children, write_aggregates, write_children, AggregateImport, ChildImport,
};
pub use dates::{FinancialYear, RollingPeriod};
pub use demo::{demo_as_of, demo_dataset, Demo};
pub use error::{Error, ErrorKind, Problem, Severity};
pub use record::{ChildRecord, Field, YearAggregate};
pub use validate::{is_usable, usable, validate, validate_aggregate, validate_child};
