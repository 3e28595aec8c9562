//! "How good is this forecast?": the baseline forecast made again as of every past quarter end,
//! with only what was known then, beside what then happened.
//!
//! A forecast is only as good as its record. As of each 31 March, 30 June, 30 September and
//! 31 December in the authority's history (from a year after its records begin), every date
//! after that day is hidden, and every
//! child whose adoption route had not started (no SHOBPA decision, no placement order, no
//! adoption plan) is left out, as are expected dates, which nobody can say were known then.
//! No what-if enters a past forecast: no stage override, no pace or expected total chosen with
//! hindsight. The Monte Carlo gives its 10-90% band of the three-year figure at the two
//! horizons the first screen speaks of, the next March and the March after, and the actual
//! figure comes from all the data. An honest band holds the actual about 8 times in 10.
//!
//! The rows are the evidence: one per indicator, period and as-of date, a row that repeats
//! another (A10 where no child was adopted by its foster carers is A1 again) counted once. How
//! often the band held is given with a binomial interval, and where each actual fell within its
//! forecast (the share of runs below it) shows whether the misses lean one way.

use crate::dates::{first_open_year, RollingPeriod};
use crate::export::one_decimal;
use crate::forecast::{forecast, Forecast};
use crate::indicator::Indicator;
use crate::inputs::ForecastInput;
use crate::record::{ChildRecord, YearAggregate};
use crate::rolling::Basis;
use crate::scenario::Scenario;
use crate::simulate::{Simulation, SimulationSettings};
use crate::thresholds::ThresholdSchedule;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// How far ahead a past forecast looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon {
    /// The three years ending the next 31 March.
    NextMarch,
    /// The three years ending the 31 March after that.
    MarchAfter,
}

impl Horizon {
    /// As written in the backtest file: `next_march`, `march_after`.
    pub fn label(self) -> &'static str {
        match self {
            Horizon::NextMarch => "next_march",
            Horizon::MarchAfter => "march_after",
        }
    }

    /// In words: "next March", "the March after".
    pub fn words(self) -> &'static str {
        match self {
            Horizon::NextMarch => "next March",
            Horizon::MarchAfter => "the March after",
        }
    }
}

/// One forecast made in the past, beside what happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BacktestRow {
    /// The quarter end the forecast was made as of.
    pub as_of: NaiveDate,
    /// How far ahead it looked.
    pub horizon: Horizon,
    /// The three-year period forecast.
    pub period: RollingPeriod,
    /// A1, A10 or A2.
    pub indicator: Indicator,
    /// The band's 10th percentile, median and 90th percentile (days).
    pub p10: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// 90th percentile.
    pub p90: Option<f64>,
    /// What happened, from all the data; `None` where the figure is not complete (a year of
    /// it has no data).
    pub actual: Option<f64>,
    /// The share of the forecast's runs below what happened (ties counted half).
    pub share_below: Option<f64>,
    /// Whether the row is evidence of its own: false where it repeats another row of the same
    /// as-of date and period (A10 equal to A1, band and actual alike).
    pub counted: bool,
}

impl BacktestRow {
    /// Whether the actual figure fell inside the 10-90% band; `None` without both.
    pub fn inside_band(&self) -> Option<bool> {
        let (low, high, actual) = (self.p10?, self.p90?, self.actual?);
        Some(low <= actual && actual <= high)
    }
}

/// Whether a child's adoption route had started on `day`: a SHOBPA decision, a placement order
/// or an adoption plan on or before it.
pub fn route_started(child: &ChildRecord, day: NaiveDate) -> bool {
    [
        child.shobpa_decision,
        child.placement_order,
        child.tracking.plan_adoption,
    ]
    .into_iter()
    .flatten()
    .any(|d| d <= day)
}

/// The record as it stood at the end of `day`: dates after it hidden, expected dates dropped;
/// `None` for a child whose adoption route had not started then (see [`route_started`]).
pub fn as_known_on(child: &ChildRecord, day: NaiveDate) -> Option<ChildRecord> {
    if child.entered_care > day || !route_started(child, day) {
        return None;
    }
    let known = |d: Option<NaiveDate>| d.filter(|d| *d <= day);
    let mut tracking = child.tracking.clone();
    tracking.plan_adoption = known(tracking.plan_adoption);
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
        tracking,
        ..child.clone()
    })
}

/// The indicators compared.
const COMPARED: [Indicator; 3] = [Indicator::A1, Indicator::A10, Indicator::A2];

/// The quarter ends from `first` to `last`, both included.
fn quarter_ends(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut year, mut quarter) = (first.year(), (first.month0() / 3) as usize);
    loop {
        let (m, d) = [(3, 31), (6, 30), (9, 30), (12, 31)][quarter];
        let Some(day) = NaiveDate::from_ymd_opt(year, m, d) else {
            break;
        };
        if day > last {
            break;
        }
        if day >= first {
            out.push(day);
        }
        quarter += 1;
        if quarter == 4 {
            quarter = 0;
            year += 1;
        }
    }
    out
}

/// The backtest in progress: the past forecasts one after another, each a whole Monte Carlo,
/// run a batch of runs at a time so that the app can spread them over frames.
#[derive(Debug, Clone)]
pub struct Backtest {
    children: Vec<ChildRecord>,
    aggregates: Vec<YearAggregate>,
    thresholds: ThresholdSchedule,
    settings: SimulationSettings,
    /// The forecast of all the data, for what happened.
    now: Forecast,
    origins: Vec<NaiveDate>,
    next: usize,
    current: Option<(NaiveDate, Simulation)>,
    rows: Vec<BacktestRow>,
}

impl Backtest {
    /// Prepares the backtest of `input`'s records (its scenario is not used: a past forecast
    /// is the baseline's).
    pub fn new(input: &ForecastInput, settings: SimulationSettings) -> Backtest {
        let baseline = Scenario::default();
        let all = ForecastInput {
            scenario: &baseline,
            target: None,
            ..*input
        };
        let now = forecast(&all);
        // A past forecast needs the records of a whole year before it: until then the
        // records hold only the children whose route went on into them, the slow ones, and
        // no forecast made from those alone is a fair test. Years given only as yearly
        // figures hold no pipeline at all. And the next March must be over.
        let first = crate::simulate::estimate::records_start(input.children, input.aggregates)
            .map(|start| crate::dates::add_days(start, 364));
        let origins = match first {
            Some(first) => quarter_ends(first, input.as_of)
                .into_iter()
                .filter(|o| first_open_year(*o).last_day() <= input.as_of)
                .collect(),
            None => Vec::new(),
        };
        Backtest {
            children: input.children.to_vec(),
            aggregates: input.aggregates.to_vec(),
            thresholds: input.thresholds.clone(),
            settings,
            now,
            origins,
            next: 0,
            current: None,
            rows: Vec::new(),
        }
    }

    /// How many past forecasts there are, and how many are done.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.next - usize::from(self.current.is_some());
        (done, self.origins.len())
    }

    /// Whether every past forecast is done.
    pub fn is_finished(&self) -> bool {
        self.current.is_none() && self.next >= self.origins.len()
    }

    /// The rows so far, oldest first.
    pub fn rows(&self) -> &[BacktestRow] {
        &self.rows
    }

    /// Runs up to `runs` more runs of the past forecast in hand, or, when none is, prepares
    /// the next one (a step of its own, so that no call does much more than a batch of runs);
    /// returns whether everything is done.
    pub fn run_batch(&mut self, runs: u32) -> bool {
        if self.current.is_none() {
            let Some(origin) = self.origins.get(self.next).copied() else {
                return true;
            };
            self.next += 1;
            let simulation = self.prepare(origin);
            self.current = Some((origin, simulation));
            return false;
        }
        if let Some((origin, simulation)) = self.current.as_mut() {
            simulation.run_batch(runs);
            if simulation.is_finished() {
                let origin = *origin;
                if let Some((_, simulation)) = self.current.take() {
                    self.record(origin, &simulation);
                }
            }
        }
        self.is_finished()
    }

    fn prepare(&self, origin: NaiveDate) -> Simulation {
        let children: Vec<ChildRecord> = self
            .children
            .iter()
            .filter_map(|c| as_known_on(c, origin))
            .collect();
        let aggregates: Vec<YearAggregate> = self
            .aggregates
            .iter()
            .filter(|a| a.year.last_day() <= origin)
            .cloned()
            .collect();
        let baseline = Scenario::default();
        let then = ForecastInput {
            children: &children,
            aggregates: &aggregates,
            as_of: origin,
            thresholds: &self.thresholds,
            scenario: &baseline,
            target: None,
            every_child: false,
        };
        Simulation::new(&then, self.settings)
    }

    fn record(&mut self, origin: NaiveDate, simulation: &Simulation) {
        let summary = simulation.summary();
        let open = first_open_year(origin);
        for (horizon, last) in [
            (Horizon::NextMarch, open),
            (Horizon::MarchAfter, open.next()),
        ] {
            let period = RollingPeriod::ending_with(last);
            if last.last_day() > self.now.as_of {
                continue;
            }
            let mut these: Vec<BacktestRow> = Vec::new();
            for indicator in COMPARED {
                let band = summary.band(period, indicator, true);
                let actual = self
                    .now
                    .period(period)
                    .map(|p| *p.figure(indicator))
                    .filter(|f| f.basis == Basis::Actual)
                    .and_then(|f| f.value);
                let mut row = BacktestRow {
                    as_of: origin,
                    horizon,
                    period,
                    indicator,
                    p10: band.and_then(|b| b.p10),
                    p50: band.and_then(|b| b.p50),
                    p90: band.and_then(|b| b.p90),
                    actual,
                    share_below: actual
                        .and_then(|a| simulation.share_below(period, indicator, true, a)),
                    counted: true,
                };
                row.counted = !these.iter().any(|r| {
                    (r.p10, r.p50, r.p90, r.actual) == (row.p10, row.p50, row.p90, row.actual)
                });
                these.push(row);
            }
            self.rows.extend(these);
        }
    }
}

/// Runs the whole backtest at once (tests, benchmarks). Oldest first.
pub fn backtest(input: &ForecastInput, settings: SimulationSettings) -> Vec<BacktestRow> {
    let mut b = Backtest::new(input, settings);
    while !b.run_batch(settings.runs.max(1)) {}
    b.rows
}

/// How often the band held what happened, over the rows that count as evidence of their own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// Rows whose actual fell inside the band.
    pub inside: usize,
    /// Rows with both a band and an actual.
    pub judged: usize,
    /// The 95% binomial (Wilson score) interval of the share inside, low and high (0 to 1).
    pub low: f64,
    /// High end of the interval.
    pub high: f64,
}

impl Coverage {
    /// The share inside (0 to 1); `None` with nothing judged.
    pub fn share(&self) -> Option<f64> {
        (self.judged > 0).then(|| self.inside as f64 / self.judged as f64)
    }
}

/// The coverage of `rows` (those counted), with its interval.
pub fn coverage(rows: &[BacktestRow]) -> Coverage {
    let judged: Vec<bool> = rows
        .iter()
        .filter(|r| r.counted)
        .filter_map(BacktestRow::inside_band)
        .collect();
    let inside = judged.iter().filter(|inside| **inside).count();
    let (low, high) = wilson(inside, judged.len());
    Coverage {
        inside,
        judged: judged.len(),
        low,
        high,
    }
}

/// The Wilson score interval of `k` in `n` at 95% (z = 1.96); (0, 1) for no trial.
fn wilson(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n, z) = (k as f64, n as f64, 1.959_964);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z / (1.0 + z * z / n) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Where the actual figures fell within their forecasts: how many of the counted rows had a
/// share of runs below the actual in each tenth (0-10%, 10-20% ... 90-100%). An honest
/// forecast spreads them evenly; a pile at the ends is a band too narrow, a pile at one end a
/// forecast leaning one way.
pub fn tenths(rows: &[BacktestRow]) -> [usize; 10] {
    let mut counts = [0; 10];
    for share in rows
        .iter()
        .filter(|r| r.counted)
        .filter_map(|r| r.share_below)
    {
        counts[((share * 10.0).floor() as usize).min(9)] += 1;
    }
    counts
}

/// The header of [`backtest_csv`].
pub const BACKTEST_CSV_HEADER: &str =
    "as_of,period,indicator,p10,p50,p90,actual,inside_band,horizon,share_below,counted";

/// The backtest as CSV ("Download backtest (CSV)"): ISO dates, one decimal (halves away from
/// zero), `yes`/`no` (`inside_band` empty where there is no band or no actual), the horizon
/// (`next_march`, `march_after`), the share of runs below the actual (three decimals), and
/// whether the row counts as evidence of its own.
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
            "{},{},{},{},{},{},{},{inside},{},{},{}",
            crate::dates::format_iso(row.as_of),
            row.period,
            row.indicator.label(),
            value(row.p10),
            value(row.p50),
            value(row.p90),
            value(row.actual),
            row.horizon.label(),
            row.share_below
                .map(crate::export::three_decimals)
                .unwrap_or_default(),
            if row.counted { "yes" } else { "no" },
        );
    }
    out
}
