//! The forecast as a CSV table, one row per figure, for committee papers ("Download forecast
//! (CSV)").

use crate::csv::write_row;
use crate::dates::format_iso;
use crate::dates::{FinancialYear, RollingPeriod};
use crate::forecast::Forecast;
use crate::indicator::Indicator;
use crate::pace::{PaceAnswer, WaitingOutcome};
use crate::rolling::{Basis, Figure, PeriodFigures, YearFigures};
use crate::simulate::SimulationSummary;
use std::fmt::Write;

/// The header of [`Forecast::to_csv`].
pub const FORECAST_CSV_HEADER: &str =
    "section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets";

/// What the Monte Carlo says of one row's figure: its 10th and 90th percentiles and the
/// chance it meets its threshold.
#[derive(Debug, Clone, Copy, Default)]
struct Likely {
    low: Option<f64>,
    high: Option<f64>,
    chance: Option<f64>,
}

/// The indicators listed for three-year periods: A3 both as the count and as the share of
/// the period's children (the local 12-month figure is set per year).
const ROLLING_INDICATORS: [Indicator; 5] = [
    Indicator::A1,
    Indicator::A10,
    Indicator::A2,
    Indicator::A3,
    Indicator::A3Percent,
];

impl Forecast {
    /// The forecast as CSV with the header
    /// `section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets`,
    /// without a Monte Carlo (the last three columns empty): see [`Forecast::to_csv_with`].
    pub fn to_csv(&self) -> String {
        self.to_csv_with(None)
    }

    /// The forecast as CSV with the header
    /// `section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets`.
    ///
    /// Sections, in this order: `rolling` and `year` (children in the data: adopted, or
    /// projected from the pipeline), `rolling_assumed` and `year_assumed` (the same plus the
    /// further adoptions the scenario expects, for the periods and years that end after the
    /// as-of date, the only ones those adoptions can change), `required_pace` and
    /// `required_pace_equal_years` (when there is a target). Every period and year holding
    /// any child is listed, oldest first. Three-year rows give A1, A10, A2, A3 (the count) and
    /// A3_percent; single years also placed_12m_percent.
    ///
    /// `children` is the figure's denominator (for A2 the children with a placement order);
    /// for `required_pace` the number of open children (pipeline children still waiting plus
    /// the expected adoptions not in the data), its value the pace they must average (days,
    /// or the percentage of them that must be in time), its basis `not_possible` with an
    /// empty value when even placing every waiting child today misses; empty for the equal-years
    /// answer, which counts years, not children. `value` has one decimal place (halves
    /// rounded away from zero), empty with no children. `threshold` is the government
    /// threshold of a three-year A1, A10 or A2 figure, the local target of
    /// placed_12m_percent, or the target value of a required pace; `meets` is `yes` / `no`
    /// where a threshold applies to a figure and empty otherwise (and for the required pace).
    ///
    /// From `simulation`, the Monte Carlo of the same input: for the `rolling` and `year`
    /// rows (and their `_assumed` twins) of A1, A10 and A2, `likely_low` and `likely_high`
    /// are the 10th and 90th percentiles of the simulated figure (one decimal) and
    /// `chance_meets` the share of runs (0 to 1, three decimals) whose figure meets its
    /// threshold by the scorecard's rule. All three are empty where the figure is final
    /// (actual), where no simulation ran or it does not cover the figure, and `chance_meets`
    /// also where no threshold applies or the figure is partial (never judged).
    pub fn to_csv_with(&self, simulation: Option<&SimulationSummary>) -> String {
        let period_likely = |f: &Figure, period, assumed| -> Likely {
            let Some(band) = simulation
                .filter(|_| f.indicator.is_days() && f.basis != Basis::Actual)
                .and_then(|s| s.band(period, f.indicator, assumed))
            else {
                return Likely::default();
            };
            Likely {
                low: band.p10,
                high: band.p90,
                chance: band
                    .probability_met
                    .filter(|_| f.threshold.is_some() && f.basis != Basis::Partial),
            }
        };
        let year_likely = |f: &Figure, year, assumed| -> Likely {
            simulation
                .filter(|_| f.indicator.is_days() && f.basis != Basis::Actual)
                .and_then(|s| s.year_band(year, f.indicator, assumed))
                .map(|band| Likely {
                    low: band.p10,
                    high: band.p90,
                    // A single year has no threshold for A1, A10 or A2.
                    chance: None,
                })
                .unwrap_or_default()
        };
        let mut out = String::with_capacity(64 * (self.years.len() + self.rolling.len()) * 8);
        out.push_str(FORECAST_CSV_HEADER);
        out.push('\n');
        period_rows(&mut out, "rolling", &self.rolling, false, &period_likely);
        year_rows(&mut out, "year", &self.years, false, &year_likely);
        period_rows(
            &mut out,
            "rolling_assumed",
            &self.rolling_assumed,
            true,
            &period_likely,
        );
        year_rows(
            &mut out,
            "year_assumed",
            &self.years_assumed,
            true,
            &year_likely,
        );
        if let Some(pace) = &self.pace {
            let t = &pace.target;
            let waiting = &pace.waiting;
            let open = waiting.open_children();
            let (value, basis) = match waiting.outcome {
                // Rounded down: the pace said must itself meet the target.
                WaitingOutcome::Pace { days } => (one_decimal_down(days), "projected"),
                WaitingOutcome::InTime { needed, .. } if open > 0 => (
                    one_decimal(needed as f64 / open as f64 * 100.0),
                    "projected",
                ),
                WaitingOutcome::NotPossible { .. } | WaitingOutcome::InTimeNotPossible { .. } => {
                    (String::new(), "not_possible")
                }
                _ => (String::new(), "projected"),
            };
            let _ = writeln!(
                out,
                "required_pace,{},{},{open},{value},{},,{basis},,,",
                t.period,
                t.indicator.label(),
                number(t.value),
            );
            let _ = writeln!(
                out,
                "required_pace_equal_years,{},{},,{},{},,projected,,,",
                t.period,
                t.indicator.label(),
                pace.equal_years.map(one_decimal).unwrap_or_default(),
                number(t.value),
            );
        }
        out
    }
}

/// The header of [`PaceAnswer::target_dates_csv`].
pub const TARGET_DATES_CSV_HEADER: &str =
    "child_id,indicator,period,start,waited_days,target_days,target_date,status";

impl PaceAnswer {
    /// Each waiting child's own date under the required pace, as CSV ("Download target dates
    /// (CSV)"): one row per open pipeline child of the target, ISO dates, status `on_pace`
    /// (its date is after the as-of date) or `overdue` (it has already waited longer than the
    /// pace allows, so its date is the as-of date). When the target cannot be reached, every
    /// waiting child is `overdue` at the as-of date.
    pub fn target_dates_csv(&self) -> String {
        let t = &self.target;
        let mut out = String::new();
        out.push_str(TARGET_DATES_CSV_HEADER);
        out.push_str("\r\n");
        for child in &self.waiting.waiting {
            write_row(
                &mut out,
                [
                    child.child_id.clone(),
                    t.indicator.label().to_string(),
                    t.period.to_string(),
                    format_iso(child.start),
                    child.waited_days.to_string(),
                    child.target_days.to_string(),
                    format_iso(child.target_date),
                    child.status.label().to_string(),
                ]
                .into_iter(),
            );
        }
        out
    }
}

fn period_rows(
    out: &mut String,
    section: &str,
    periods: &[PeriodFigures],
    assumed: bool,
    likely: &dyn Fn(&Figure, RollingPeriod, bool) -> Likely,
) {
    for p in periods.iter().filter(|p| p.adoptions > 0) {
        for ind in ROLLING_INDICATORS {
            let f = p.figure(ind);
            let l = likely(f, p.period, assumed);
            figure_row(out, section, &p.period.to_string(), f, l);
        }
    }
}

fn year_rows(
    out: &mut String,
    section: &str,
    years: &[YearFigures],
    assumed: bool,
    likely: &dyn Fn(&Figure, FinancialYear, bool) -> Likely,
) {
    for y in years.iter().filter(|y| y.holds_children()) {
        for ind in Indicator::ALL {
            let f = y.figure(ind);
            figure_row(
                out,
                section,
                &y.year.to_string(),
                f,
                likely(f, y.year, assumed),
            );
        }
    }
}

fn figure_row(out: &mut String, section: &str, period: &str, f: &Figure, likely: Likely) {
    let meets = match f.status {
        Some(s) if s.met => "yes",
        Some(_) => "no",
        None => "",
    };
    let _ = writeln!(
        out,
        "{section},{period},{},{},{},{},{meets},{},{},{},{}",
        f.indicator.label(),
        f.children,
        f.value.map(one_decimal).unwrap_or_default(),
        f.threshold.map(number).unwrap_or_default(),
        f.basis.label(),
        likely.low.map(one_decimal).unwrap_or_default(),
        likely.high.map(one_decimal).unwrap_or_default(),
        likely.chance.map(three_decimals).unwrap_or_default(),
    );
}

pub(crate) use crate::rounding::{one_decimal, three_decimals};

/// One decimal place, rounded down (426.97 -> "426.9"): a pace that is a limit.
pub(crate) fn one_decimal_down(v: f64) -> String {
    format!("{:.1}", (v * 10.0 + 1e-9).floor() / 10.0)
}

/// A threshold as typed: whole numbers without decimals.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        one_decimal(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_have_one_decimal_rounded_half_away() {
        assert_eq!(one_decimal(344.25), "344.3");
        assert_eq!(one_decimal(68.181818), "68.2");
        assert_eq!(one_decimal(371.5), "371.5");
        assert_eq!(one_decimal(-0.01), "0.0");
        assert_eq!(number(426.0), "426");
        assert_eq!(number(80.5), "80.5");
    }
}
