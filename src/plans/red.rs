//! The figures that do not meet their target, and the performance action plan that starts
//! from one, pre-filled from the forecast: the indicator, the period, the target, the figure
//! and its gap, the required pace from now on, and the children who move the figure most.

use super::model::Plan;
use super::performance::PerformancePlan;
use crate::forecast::pipeline_table::effect_sentence;
use scorecard::{Forecast, Indicator, RollingPeriod};

/// A figure that does not meet its target.
#[derive(Debug, Clone, PartialEq)]
pub struct RedFigure {
    /// The indicator.
    pub indicator: Indicator,
    /// The three-year period, or `None` for the current year's local 12-month figure.
    pub period: Option<RollingPeriod>,
    /// "2014-17" or "2015-16".
    pub label: String,
    /// The figure (days, or a percentage).
    pub figure: f64,
    /// The threshold or target.
    pub target: f64,
    /// For a percentage: how many of how many children were in time.
    pub in_time: Option<(u64, u64)>,
}

impl RedFigure {
    /// The figure's name in words ("A1", or "Adoptions within 12 months of the SHOBPA
    /// decision").
    pub fn name(&self) -> &'static str {
        match self.indicator {
            Indicator::Placed12mPercent => "Adoptions within 12 months of the SHOBPA decision",
            other => other.name(),
        }
    }

    /// The title of its performance action plan.
    pub fn plan_title(&self) -> String {
        format!("Performance action plan: {} {}", self.name(), self.label)
    }
}

/// The figures not meeting their target: the three-year A1, A10 and A2 of the period ending
/// this March and the next two (from the children in the data), and this year's share of
/// adoptions within 12 months of the SHOBPA decision.
pub fn red_figures(forecast: &Forecast) -> Vec<RedFigure> {
    let mut out = Vec::new();
    for period in forecast.headline_periods() {
        let Some(figures) = forecast.period(period) else {
            continue;
        };
        for indicator in Indicator::DAYS {
            let f = figures.figure(indicator);
            if let (Some(value), Some(target), Some(status)) = (f.value, f.threshold, f.status) {
                if !status.met {
                    out.push(RedFigure {
                        indicator,
                        period: Some(period),
                        label: period.to_string(),
                        figure: value,
                        target,
                        in_time: None,
                    });
                }
            }
        }
    }
    if let Some(year) = forecast.year(forecast.current_year) {
        let f = year.figure(Indicator::Placed12mPercent);
        if let (Some(value), Some(target), Some(status)) = (f.value, f.threshold, f.status) {
            if !status.met {
                out.push(RedFigure {
                    indicator: Indicator::Placed12mPercent,
                    period: None,
                    label: year.year.to_string(),
                    figure: value,
                    target,
                    in_time: Some((
                        (value / 100.0 * f.children as f64).round() as u64,
                        f.children,
                    )),
                });
            }
        }
    }
    out
}

/// The performance action plan of `red`, pre-filled: `pace` is the required pace for it, in
/// words (worked out by the caller with the figure as the target).
pub fn start_plan(red: &RedFigure, forecast: &Forecast, pace: String) -> Plan {
    // The children who move this figure most, largest first.
    let mut effects: Vec<(f64, String)> = forecast
        .pipeline
        .iter()
        .flat_map(|child| {
            child
                .contributions
                .iter()
                .filter(|c| c.indicator == red.indicator && Some(c.period) == red.period)
                .map(|c| {
                    (
                        c.change.abs(),
                        format!("{}: {}", child.child_id, effect_sentence(c)),
                    )
                })
        })
        .collect();
    scorecard::sorting::sort_by(&mut effects, |a, b| b.0.total_cmp(&a.0));
    Plan {
        title: red.plan_title(),
        performance: Some(PerformancePlan {
            indicator_title: format!("{}: {}", red.indicator.name(), red.indicator.description()),
            indicator: red.indicator.label().to_string(),
            period: red.label.clone(),
            percent: red.indicator.is_percent(),
            target: red.target,
            performance: red.figure,
            required_pace: pace,
            children: effects.into_iter().take(5).map(|(_, text)| text).collect(),
            ..PerformancePlan::default()
        }),
        ..Plan::default()
    }
}
