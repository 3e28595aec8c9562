//! How often the likely range held in this authority's own past: the backtest of the baseline
//! forecast, run in slices after the page is drawn, and its record in words beside every chance
//! the product states (the forecast's answers and pace, the committee report).

use super::answer_words::BandRecord;
use super::monte_carlo::{prepare_backtest, use_sliced};
use super::usable::{Same, Usable};
use chrono::NaiveDate;
use scorecard::{BacktestRow, ForecastInput, Scenario, ThresholdSchedule};
use std::rc::Rc;
use yew::prelude::*;

/// The backtest rows once they are worked out, and the record they give. Keyed on the usable
/// data, the thresholds and the as-of date only: it is the baseline's record, so a what-if
/// never runs it again.
#[hook]
pub fn use_band_record(
    data: &Rc<Usable>,
    thresholds: &ThresholdSchedule,
    as_of: NaiveDate,
) -> (Option<Rc<Vec<BacktestRow>>>, BandRecord) {
    let key = (Same(data.clone()), thresholds.clone(), as_of);
    let data = data.clone();
    let thresholds = thresholds.clone();
    let rows = use_sliced(key, move || {
        prepare_baseline_backtest(&data, &thresholds, as_of)
    });
    let record = band_record(rows.as_deref().map(Vec::as_slice));
    (rows, record)
}

/// The record the backtest's rows give (`None` while they are worked out).
pub fn band_record(rows: Option<&[BacktestRow]>) -> BandRecord {
    match rows {
        None => BandRecord::Checking,
        Some(rows) => {
            let c = scorecard::coverage(rows);
            if c.judged == 0 {
                BandRecord::Untested
            } else {
                BandRecord::Known(c)
            }
        }
    }
}

/// The baseline's backtest as of `as_of`, the same the hook above slices, for callers that
/// can wait for it.
pub fn prepare_baseline_backtest(
    data: &Usable,
    thresholds: &ThresholdSchedule,
    as_of: NaiveDate,
) -> scorecard::Backtest {
    prepare_backtest(&ForecastInput {
        children: &data.children,
        aggregates: &data.aggregates,
        as_of,
        thresholds,
        scenario: &Scenario::default(),
        target: None,
        every_child: false,
    })
}
