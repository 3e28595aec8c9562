//! The scenario's assumptions, printed on the report so that a committee reads the figures
//! with what they rest on: each stage's duration and where it comes from, the adoptions
//! expected each year, and the pace assumed for the adoptions not yet in the data.

use scorecard::projection::DurationSource;
use scorecard::{Forecast, Scenario, Stage};
use yew::prelude::*;

/// One stage's line: "placement order to match: 183 days (median of your own: 40 children
/// through it, those still in it counted)".
pub fn stage_line(forecast: &Forecast, scenario: &Scenario, stage: Stage) -> String {
    let i = stage.index();
    let default = forecast.durations.defaults[i];
    let days = forecast.durations.days[i];
    let source = match default.source {
        DurationSource::OwnMedian { children } => {
            format!("median of your own: {children} children through it, those still in it counted")
        }
        DurationSource::National => {
            "national figure: fewer than 5 of your children through it".into()
        }
    };
    let source = if scenario.stages.contains_key(&stage) && days != default.days {
        format!(
            "set by the scenario; the default is {} days, {source}",
            default.days
        )
    } else {
        source
    };
    format!("{}: {days} days ({source})", capitalise(stage.label()))
}

/// The expected adoptions of each open year, e.g. "2015-16: 45 adoptions expected (30
/// adopted, 10 projected from the pipeline, 5 still to come)".
pub fn expected_lines(forecast: &Forecast) -> Vec<String> {
    forecast
        .expected
        .iter()
        .map(|y| {
            format!(
                "{}: {} adoptions expected ({} adopted, {} projected from the pipeline, {} still to come; {})",
                y.year,
                y.expected,
                y.adopted,
                y.projected,
                y.unknown,
                if y.overridden {
                    "set by the scenario"
                } else {
                    "default: mean of the last three complete years"
                }
            )
        })
        .collect()
}

/// The pace assumed for adoptions not yet in the data, in days.
pub fn pace_line(forecast: &Forecast) -> String {
    let days = |v: Option<f64>| {
        v.map(|d| format!("{} days", d.round() as i64))
            .unwrap_or_else(|| "no figure".into())
    };
    format!(
        "Adoptions not yet in the data are assumed to go at A1 {}, A10 {}, A2 {}.",
        days(forecast.assumed_pace.a1_days),
        days(forecast.assumed_pace.a10_days),
        days(forecast.assumed_pace.a2_days)
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Properties of [`Assumptions`].
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The forecast the report shows.
    pub forecast: std::rc::Rc<Forecast>,
    /// The scenario in use.
    pub scenario: Scenario,
}

/// The assumptions section of the report.
#[function_component]
pub fn Assumptions(props: &AssumptionsProps) -> Html {
    let name = if props.scenario.name.is_empty() {
        "Baseline".to_string()
    } else {
        props.scenario.name.clone()
    };
    let expected = expected_lines(&props.forecast);
    html! {
        <section class="report__section" aria-labelledby="report-assumptions">
            <h2 id="report-assumptions">{ "Assumptions of the scenario" }</h2>
            <p>{ format!("Scenario: {name}.") }</p>
            <h3 class="report__subheading">{ "Stage durations" }</h3>
            <ul class="report__list">
                { for Stage::ALL.iter().map(|&s| html! {
                    <li>{ stage_line(&props.forecast, &props.scenario, s) }</li>
                }) }
            </ul>
            <h3 class="report__subheading">{ "Expected adoptions" }</h3>
            if !props.forecast.basis.counts_expected() {
                <p>{ "Not counted in these figures, which are from the children in the data only. The scenario expects:" }</p>
            }
            if expected.is_empty() {
                <p>{ "No open year: every figure rests on the children in the data." }</p>
            } else {
                <ul class="report__list">
                    { for expected.into_iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            }
            <p>{ pace_line(&props.forecast) }</p>
        </section>
    }
}
