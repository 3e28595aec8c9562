//! The figures that do not meet their target, and the performance action plan that starts
//! from one, pre-filled from the forecast: the indicator, the period, the target, the figure
//! and its gap, the required pace from now on, and the children who move the figure most.

use super::model::{Plan, PlanOf};
use super::performance::PerformancePlan;
use crate::forecast::pace_words::{counted_from, still_to_be, waiting_sentence};
use crate::forecast::pipeline_table::effect_sentence;
use scorecard::dates::format_uk;
use scorecard::{Basis, Forecast, Indicator, PaceAnswer, RollingPeriod, Stage, TargetStatus};

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
    /// What the figure is made of: actual, projected, or part of each.
    pub made_of: Basis,
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
        self.plan_title_of(None)
    }

    /// The title of its performance action plan, naming whose figure it is where the
    /// workspace holds several authorities (`whose`: the authority's or the agency's name):
    /// "Performance action plan: Northshire's A1 2013-16".
    pub fn plan_title_of(&self, whose: Option<&str>) -> String {
        match whose.map(str::trim).filter(|w| !w.is_empty()) {
            Some(whose) => format!(
                "Performance action plan: {} {} {}",
                possessive(whose),
                self.name(),
                self.label
            ),
            None => format!("Performance action plan: {} {}", self.name(), self.label),
        }
    }
}

/// "Northshire's", "All authorities'".
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The figures not meeting their target: the three-year A1, A10 and A2 of the period ending
/// this March and the next two, and this year's share of adoptions within 12 months of the
/// SHOBPA decision, all on the forecast's basis (the figures the forecast shows).
pub fn red_figures(forecast: &Forecast) -> Vec<RedFigure> {
    let mut out = Vec::new();
    for period in forecast.headline_periods() {
        let Some(figures) = forecast.period_on_basis(period) else {
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
                        made_of: f.basis,
                    });
                }
            }
        }
    }
    if let Some(year) = forecast.year_on_basis(forecast.current_year) {
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
                    made_of: f.basis,
                });
            }
        }
    }
    out
}

/// The children still able to move a figure (`indicator` for `period`, or for the current
/// year without one), each in words, those moving it most first:
/// the children of its period whose figure is still open on the as-of date (for A2 those not
/// yet matched, for A1 and the percentages those not yet moved in, for A10 those not yet in
/// their adoptive or foster-to-adopt placement), each with its own date under the required
/// pace (`answer`, worked out with the figure's target) and its effect as projected.
/// For the single year's percentage, the children projected into that year who have not yet
/// moved in.
pub fn movers(
    forecast: &Forecast,
    indicator: Indicator,
    period: Option<RollingPeriod>,
    answer: Option<&PaceAnswer>,
) -> Vec<String> {
    let effect = |child_id: &str| {
        forecast
            .pipeline
            .iter()
            .find(|c| c.child_id == child_id)
            .and_then(|c| {
                c.contributions
                    .iter()
                    .find(|e| e.indicator == indicator && Some(e.period) == period)
            })
    };
    let mut found: Vec<(f64, String)> = match answer.filter(|a| Some(a.target.period) == period) {
        Some(answer) => answer
            .waiting
            .waiting
            .iter()
            .map(|w| {
                let by = match w.status {
                    TargetStatus::OnPace => format!("by {}", format_uk(w.target_date)),
                    TargetStatus::Overdue => "as soon as possible".to_string(),
                };
                let change = effect(&w.child_id);
                let effect_words = change
                    .map(|c| format!("; as projected it {}", effect_sentence(c)))
                    .unwrap_or_default();
                (
                    change.map_or(0.0, |c| c.change.abs()),
                    format!(
                        "{}: {} days so far {}, to be {} {by}{effect_words}",
                        w.child_id,
                        w.waited_days,
                        counted_from(indicator),
                        still_to_be(indicator)
                    ),
                )
            })
            .collect(),
        None => forecast
            .pipeline
            .iter()
            .filter(|c| period.is_none() && c.projection.year == forecast.current_year)
            .filter(|c| c.stage < Stage::PlacedToAdoptionOrder)
            .map(|c| {
                (
                    0.0,
                    format!(
                        "{}: not yet moved in; {} days since entering care",
                        c.child_id, c.days_so_far
                    ),
                )
            })
            .collect(),
    };
    scorecard::sorting::sort_by(&mut found, |a, b| b.0.total_cmp(&a.0));
    found.into_iter().map(|(_, text)| text).collect()
}

/// The performance action plan of `red`, pre-filled: the required pace from `answer` (the
/// forecast asked with the red figure as its target) and the children still able to move it.
/// The plan is `of` an authority or the agency; `whose`, its name where the workspace holds
/// several authorities, is named in the title.
pub fn start_plan(
    red: &RedFigure,
    forecast: &Forecast,
    answer: Option<&PaceAnswer>,
    of: PlanOf,
    whose: Option<&str>,
) -> Plan {
    let pace = answer
        .map(|a| waiting_sentence(a, "listed below"))
        .unwrap_or_else(|| "Not worked out for a single year's percentage.".to_string());
    Plan {
        title: red.plan_title_of(whose),
        of,
        performance: Some(PerformancePlan {
            indicator_title: format!("{}: {}", red.indicator.name(), red.indicator.description()),
            indicator: red.indicator.label().to_string(),
            period: red.label.clone(),
            percent: red.indicator.is_percent(),
            target: red.target,
            performance: red.figure,
            counted: Some(forecast.basis),
            as_of: Some(forecast.as_of),
            required_pace: pace,
            children: movers(forecast, red.indicator, red.period, answer),
            ..PerformancePlan::default()
        }),
        ..Plan::default()
    }
}
