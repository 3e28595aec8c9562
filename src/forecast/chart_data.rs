//! Turns the engine's forecast into what the charts draw. Pure functions, tested natively.

use chrono::{Datelike, NaiveDate};
use scorecard::{Forecast, Indicator, RollingPeriod, Stage};
use scorecard_charts::{PeriodPoint, Timeline, TimelineRow, TimelineSegment, Trajectory};
use std::collections::BTreeMap;

/// How many periods the trajectory shows at most: enough for the history that explains the
/// trend and the projection, few enough for the labels to stay legible at 1024 pixels.
pub const MAX_PERIODS: usize = 9;

/// How many children the timeline shows at most; the table below it lists them all.
pub const MAX_TIMELINE_ROWS: usize = 30;

/// The 10th and 90th percentiles of each period's rolling average, from the Monte Carlo.
pub type Bands = BTreeMap<RollingPeriod, (f64, f64)>;

/// The unit an indicator is measured in, as the chart's axis says it.
pub fn unit(indicator: Indicator) -> &'static str {
    if indicator.is_percent() {
        "%"
    } else if indicator == Indicator::A3 {
        "children"
    } else {
        "days"
    }
}

/// The value a period shows: with the further adoptions the scenario expects where the
/// period is still open, else what the data says.
fn period_value(
    forecast: &Forecast,
    period: RollingPeriod,
    indicator: Indicator,
) -> (Option<f64>, bool, Option<f64>) {
    let figure = forecast
        .period_assumed(period)
        .or_else(|| forecast.period(period))
        .map(|p| *p.figure(indicator));
    match figure {
        Some(f) => (f.value, f.basis != scorecard::Basis::Actual, f.threshold),
        None => (None, false, None),
    }
}

/// The trajectory of `indicator`: the last [`MAX_PERIODS`] periods that hold any child, with
/// the Monte Carlo's band where it has run and a second forecast's line to compare.
pub fn trajectory(
    forecast: &Forecast,
    indicator: Indicator,
    bands: Option<&Bands>,
    comparison: Option<(&str, &Forecast)>,
) -> Trajectory {
    // A period that starts before the earliest year of data would be a one- or two-year
    // average passed off as a three-year one, so the chart starts at the first whole period.
    let first_year = forecast.years.first().map(|y| y.year);
    let periods: Vec<RollingPeriod> = forecast
        .rolling
        .iter()
        .map(|p| p.period)
        .filter(|p| first_year.is_some_and(|first| p.first_year() >= first))
        .filter(|p| period_value(forecast, *p, indicator).0.is_some())
        .collect();
    let shown = &periods[periods.len().saturating_sub(MAX_PERIODS)..];
    let points = shown
        .iter()
        .map(|&period| {
            let (rolling, projected, threshold) = period_value(forecast, period, indicator);
            let single_year = forecast
                .year_assumed(period.last_year)
                .or_else(|| forecast.year(period.last_year))
                .and_then(|y| y.figure(indicator).value);
            PeriodPoint {
                label: period.to_string(),
                rolling,
                projected,
                band: if projected {
                    bands.and_then(|b| b.get(&period).copied())
                } else {
                    None
                },
                threshold,
                single_year,
                comparison: comparison
                    .and_then(|(_, other)| period_value(other, period, indicator).0),
            }
        })
        .collect();
    Trajectory {
        title: format!(
            "{}: {}, three-year average",
            indicator.label(),
            indicator.description()
        ),
        unit: unit(indicator).to_string(),
        periods: points,
        comparison_name: comparison.map(|(name, _)| name.to_string()),
    }
}

/// A date as a fractional calendar year (1 July 2015 is about 2015.5), the timeline's axis.
pub fn fractional_year(date: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    date.year() as f64 + date.ordinal0() as f64 / days_in_year
}

/// The timeline of the pipeline's children, longest waiting first.
pub fn timeline(forecast: &Forecast) -> Timeline {
    let mut children: Vec<_> = forecast.pipeline.iter().collect();
    children.sort_by(|a, b| {
        b.days_so_far
            .cmp(&a.days_so_far)
            .then(a.child_id.cmp(&b.child_id))
    });
    let rows = children
        .into_iter()
        .take(MAX_TIMELINE_ROWS)
        .map(|child| {
            let m = &child.projection.milestones;
            let chain = [
                Some(m.entered_care),
                m.shobpa_decision,
                m.placement_order,
                m.matched,
                m.placed,
                m.adoption_order,
            ];
            let mut segments = Vec::new();
            let mut from = m.entered_care;
            for (i, end) in chain.iter().enumerate().skip(1) {
                // A milestone the record skips (and the projection need not fill) is joined
                // to the next one rather than drawn as a gap.
                let Some(end) = *end else { continue };
                segments.push(TimelineSegment {
                    stage: i - 1,
                    start: fractional_year(from),
                    end: fractional_year(end),
                    projected: child.projection.projected[i - 1],
                });
                from = end;
            }
            TimelineRow {
                label: child.child_id.clone(),
                segments,
                summary: format!(
                    "{}, {} days since entering care, adoption order projected in {}",
                    child.stage.label(),
                    child.days_so_far,
                    child.projection.year
                ),
            }
        })
        .collect();
    Timeline {
        title: "Children in the pipeline: stages known (solid) and projected (hollow)".into(),
        stage_names: Stage::ALL.iter().map(|s| s.label().to_string()).collect(),
        rows,
        as_of: fractional_year(forecast.as_of),
    }
}
