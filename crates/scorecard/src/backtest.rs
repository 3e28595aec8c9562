//! "How good is this forecast?": the forecast run as of each past 31 March in the data, with
//! only what was known then, beside what then happened.
//!
//! A forecast is only as good as its record. As of each 31 March whose following year is now
//! complete, every date after that day is hidden (and every child who entered care later is
//! left out, as are expected dates, which nobody can say were known then); the Monte Carlo
//! gives its 10-90% band for that next year and for the three-year period ending with it; the
//! actual figure comes from all the data. An honest band holds the actual about 8 times in 10.

use crate::dates::{FinancialYear, RollingPeriod};
use crate::export::one_decimal;
use crate::forecast::forecast;
use crate::indicator::Indicator;
use crate::inputs::ForecastInput;
use crate::record::{ChildRecord, YearAggregate};
use crate::rolling::Basis;
use crate::simulate::{simulate, SimulationSettings};
use chrono::NaiveDate;
use std::fmt::Write;

/// What one backtest row compares: a single financial year, or a three-year period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BacktestSpan {
    /// The year after the as-of date.
    Year(FinancialYear),
    /// The three years ending with it.
    Period(RollingPeriod),
}

impl std::fmt::Display for BacktestSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BacktestSpan::Year(y) => write!(f, "{y}"),
            BacktestSpan::Period(p) => write!(f, "{p}"),
        }
    }
}

/// One forecast made in the past, beside what happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BacktestRow {
    /// The 31 March the forecast was made as of.
    pub as_of: NaiveDate,
    /// The year or period forecast.
    pub span: BacktestSpan,
    /// A1, A10 or A2.
    pub indicator: Indicator,
    /// The band's 10th percentile, median and 90th percentile (days).
    pub p10: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// What happened, from all the data.
    pub actual: Option<f64>,
}

impl BacktestRow {
    /// Whether the actual figure fell inside the 10-90% band; `None` without both.
    pub fn inside_band(&self) -> Option<bool> {
        let (low, high, actual) = (self.p10?, self.p90?, self.actual?);
        Some(low <= actual && actual <= high)
    }
}

/// The record as it stood at the end of `day`: dates after it hidden, expected dates dropped;
/// `None` for a child who had not entered care yet.
pub fn as_known_on(child: &ChildRecord, day: NaiveDate) -> Option<ChildRecord> {
    if child.entered_care > day {
        return None;
    }
    let known = |d: Option<NaiveDate>| d.filter(|d| *d <= day);
    Some(ChildRecord {
        shobpa_decision: known(child.shobpa_decision),
        placement_order: known(child.placement_order),
        matched: known(child.matched),
        placed: known(child.placed),
        foster_placement_start: known(child.foster_placement_start),
        adoption_order: known(child.adoption_order),
        left_route: known(child.left_route),
        expected_match: None,
        expected_placed: None,
        expected_adoption_order: None,
        ..child.clone()
    })
}

/// The indicators compared.
const COMPARED: [Indicator; 3] = [Indicator::A1, Indicator::A10, Indicator::A2];

/// Runs the forecast as of each past 31 March whose next year is complete in `input`, with
/// `runs` runs each, and compares it with what happened. Oldest first.
pub fn backtest(input: &ForecastInput, settings: SimulationSettings) -> Vec<BacktestRow> {
    let now = forecast(input);
    let earliest_data = input
        .children
        .iter()
        .map(|c| c.entered_care)
        .chain(input.aggregates.iter().map(|a| a.year.first_day()))
        .min();
    let Some(earliest_data) = earliest_data else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut next = FinancialYear::containing(earliest_data).next();
    // The year after the as-of date must be over, and its figure actual, to compare.
    while next.last_day() <= input.as_of {
        let as_of = next.first_day().pred_opt().unwrap_or(next.first_day());
        let children: Vec<ChildRecord> = input
            .children
            .iter()
            .filter_map(|c| as_known_on(c, as_of))
            .collect();
        let aggregates: Vec<YearAggregate> = input
            .aggregates
            .iter()
            .filter(|a| a.year.last_day() <= as_of)
            .cloned()
            .collect();
        let then = ForecastInput {
            children: &children,
            aggregates: &aggregates,
            as_of,
            target: None,
            ..*input
        };
        let summary = simulate(&then, settings);
        let period = RollingPeriod::ending_with(next);
        for indicator in COMPARED {
            let year_band = summary
                .year_bands
                .iter()
                .find(|b| b.year == next && b.indicator == indicator);
            let actual_year = now
                .year(next)
                .map(|y| *y.figure(indicator))
                .filter(|f| f.basis == Basis::Actual)
                .and_then(|f| f.value);
            rows.push(BacktestRow {
                as_of,
                span: BacktestSpan::Year(next),
                indicator,
                p10: year_band.and_then(|b| b.p10),
                p50: year_band.and_then(|b| b.p50),
                p90: year_band.and_then(|b| b.p90),
                actual: actual_year,
            });
            let band = summary.band(period, indicator, true);
            let actual_period = now
                .period(period)
                .map(|p| *p.figure(indicator))
                .filter(|f| f.basis == Basis::Actual)
                .and_then(|f| f.value);
            rows.push(BacktestRow {
                as_of,
                span: BacktestSpan::Period(period),
                indicator,
                p10: band.and_then(|b| b.p10),
                p50: band.and_then(|b| b.p50),
                p90: band.and_then(|b| b.p90),
                actual: actual_period,
            });
        }
        next = next.next();
    }
    rows
}

/// The share of rows with both a band and an actual whose actual fell inside the band, and
/// how many such rows there are.
pub fn coverage(rows: &[BacktestRow]) -> (usize, usize) {
    let judged: Vec<bool> = rows.iter().filter_map(BacktestRow::inside_band).collect();
    (
        judged.iter().filter(|inside| **inside).count(),
        judged.len(),
    )
}

/// The header of [`backtest_csv`].
pub const BACKTEST_CSV_HEADER: &str = "as_of,period,indicator,p10,p50,p90,actual,inside_band";

/// The backtest as CSV ("Download backtest (CSV)"): ISO dates, one decimal, `yes`/`no`
/// (empty where there is no band or no actual).
pub fn backtest_csv(rows: &[BacktestRow]) -> String {
    let mut out = String::from(BACKTEST_CSV_HEADER);
    out.push('\n');
    let value = |v: Option<f64>| v.map(one_decimal).unwrap_or_default();
    for row in rows {
        let inside = match row.inside_band() {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{inside}",
            crate::dates::format_iso(row.as_of),
            row.span,
            row.indicator.label(),
            value(row.p10),
            value(row.p50),
            value(row.p90),
            value(row.actual),
        );
    }
    out
}
