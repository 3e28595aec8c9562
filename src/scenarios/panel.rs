//! The what-if controls: each stage's duration (in days, or "N% faster" than its default),
//! named scenarios saved with the data, the baseline one click away, and a second scenario to
//! compare side by side.

use crate::storage::document::Comparison;
use crate::ui::draft_input::{Accepts, DraftInput};
use scorecard::{DurationSource, Forecast, Scenario, Stage, StageDuration};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`ScenarioPanel`].
#[derive(Properties, PartialEq)]
pub struct ScenarioPanelProps {
    /// The forecast of the scenario in use (for each stage's default and the days used).
    pub forecast: Rc<Forecast>,
    /// The scenario in use.
    pub scenario: Scenario,
    /// The names of the saved scenarios.
    pub saved: Vec<String>,
    /// What the scenario in use is compared with, if anything.
    pub compare: Option<Comparison>,
    /// A stage's duration set (`None`: back to its default).
    pub on_stage: Callback<(Stage, Option<StageDuration>)>,
    /// The A1 and A2 days assumed for further adoptions set (`None`: the default).
    pub on_assumed_pace: Callback<(Option<f64>, Option<f64>)>,
    /// The authority's own leaving rate (0 to 1), when its records have enough outcomes.
    #[prop_or_default]
    pub own_leaving: Option<f64>,
    /// The share of children not yet matched who leave the route changed (`None`: own rate).
    pub on_leaving: Callback<Option<f64>>,
    /// Save the scenario in use under this name.
    pub on_save: Callback<String>,
    /// Use a saved scenario (`None`: the baseline).
    pub on_select: Callback<Option<String>>,
    /// Delete a saved scenario.
    pub on_delete: Callback<String>,
    /// Compare with the baseline or a saved scenario (`None`: stop comparing).
    pub on_compare: Callback<Option<Comparison>>,
}

fn source_text(source: DurationSource, days: u32) -> String {
    match source {
        DurationSource::OwnMedian { children } => {
            format!(
                "default {days} days: the median of your own: {children} children through it, those still in it counted"
            )
        }
        DurationSource::National => {
            format!(
                "default {days} days: national figure (fewer than 5 of your children through it)"
            )
        }
    }
}

/// The comparison a value of the "Compare with" select stands for.
fn comparison_of(value: &str) -> Option<Comparison> {
    match value {
        "baseline" => Some(Comparison::Baseline),
        v => v
            .strip_prefix("saved:")
            .map(|n| Comparison::Saved(n.to_string())),
    }
}

/// The days assumed for the adoptions not yet in the data: what the "with the adoptions
/// expected" figures use. Each box shows the pace in force (the last complete year's average
/// until the manager sets one); emptying it goes back to that default.
fn assumed_pace_fields(
    forecast: &Forecast,
    scenario: &Scenario,
    on_change: &Callback<(Option<f64>, Option<f64>)>,
) -> Html {
    let set = scenario.assumed_pace;
    let shown = |v: Option<f64>| v.map(|d| format!("{}", d.round())).unwrap_or_default();
    let box_for = |id: &'static str, label: &'static str, is_a1: bool| {
        let on_change = on_change.clone();
        let on_commit = Callback::from(move |text: String| {
            let days = text.trim().parse::<f64>().ok();
            on_change.emit(if is_a1 {
                (days, set.a2_days)
            } else {
                (set.a1_days, days)
            });
        });
        let value = if is_a1 {
            shown(forecast.assumed_pace.a1_days)
        } else {
            shown(forecast.assumed_pace.a2_days)
        };
        html! {
            <div class="field">
                <label class="field__label" for={id}>{ label }</label>
                <DraftInput {id} class="field__input input--short" kind="number" min="0"
                    inputmode="numeric" {value} {on_commit} accepts={Accepts::DaysOrEmpty}
                    invalid_message="Write a number of days, or leave it empty for the last complete year's average" />
            </div>
        }
    };
    html! {
        <fieldset class="scenario__pace">
            <legend>{ "Pace assumed for the adoptions not yet in your data (default: the last complete year's average)" }</legend>
            { box_for("assumed-a1", "A1 days", true) }
            { box_for("assumed-a2", "A2 days", false) }
        </fieldset>
    }
}

/// The share of children not yet matched who leave the adoption route, for the likely range:
/// the authority's own rate until the manager sets one.
fn leaving_field(scenario: &Scenario, own: Option<f64>, on_change: &Callback<Option<f64>>) -> Html {
    let on_change = on_change.clone();
    let on_commit = Callback::from(move |text: String| {
        on_change.emit(text.trim().parse::<f64>().ok());
    });
    let in_force = scenario
        .left_route_percent
        .or(own.map(|r| r * 100.0))
        .unwrap_or(0.0);
    let hint = match own {
        Some(r) => format!(
            "Your records: {}% of the children with an outcome left the route.",
            scorecard::rounding::whole_text(r * 100.0)
        ),
        None => {
            "Your records have too few outcomes to say: the likely range takes about 1 in 20 to leave at each stage unless you set it."
                .to_string()
        }
    };
    html! {
        <div class="field">
            <label class="field__label" for="leaving-percent">{ "Children leaving the route before a match (%)" }</label>
            <DraftInput id="leaving-percent" class="field__input input--short" kind="number" min="0"
                value={format!("{}", (in_force * 10.0).round() / 10.0)} {on_commit}
                accepts={Accepts::PercentOrEmpty}
                invalid_message="Write a percentage from 0 to 100, or leave it empty for your own rate" />
            <span class="field__hint">{ hint }{ " Used for the likely range only." }</span>
        </div>
    }
}

/// The what-if scenario controls.
#[function_component]
pub fn ScenarioPanel(props: &ScenarioPanelProps) -> Html {
    let name_ref = use_node_ref();
    let durations = &props.forecast.durations;

    let stage_row = |stage: Stage| {
        let default = durations.defaults[stage.index()];
        let used = durations.days[stage.index()];
        let setting = props.scenario.stage(stage);
        let key = format!("stage-{}", stage.index());
        let on_days = {
            let on_stage = props.on_stage.clone();
            Callback::from(move |text: String| {
                let text = text.trim();
                if text.is_empty() {
                    on_stage.emit((stage, None));
                } else if let Ok(days) = text.parse::<u32>() {
                    on_stage.emit((stage, Some(StageDuration::Days(days))));
                }
            })
        };
        let on_percent = {
            let on_stage = props.on_stage.clone();
            Callback::from(move |text: String| {
                let text = text.trim();
                if text.is_empty() {
                    on_stage.emit((stage, None));
                } else if let Ok(p) = text.parse::<f64>() {
                    // 100% faster would be 0 days; slower (negative) is allowed.
                    if p.is_finite() && p < 100.0 {
                        on_stage.emit((stage, Some(StageDuration::PercentFaster(p))));
                    }
                }
            })
        };
        let percent_value = match setting {
            StageDuration::PercentFaster(p) if p != 0.0 => format!("{p}"),
            _ => String::new(),
        };
        html! {
            <tr key={key.clone()}>
                <th scope="row">
                    { stage.label() }
                    <span class="field__hint">{ source_text(default.source, default.days) }</span>
                </th>
                <td>
                    <label class="visually-hidden" for={format!("{key}-days")}>{ format!("{} (days)", stage.label()) }</label>
                    <DraftInput id={format!("{key}-days")} class="field__input input--short" kind="number" min="0"
                        inputmode="numeric" value={used.to_string()} on_commit={on_days}
                        accepts={Accepts::WholeNumberOrEmpty}
                        invalid_message="Write a whole number of days, or leave it empty for the default" />
                </td>
                <td>
                    <label class="visually-hidden" for={format!("{key}-faster")}>{ format!("{} (% faster)", stage.label()) }</label>
                    <DraftInput id={format!("{key}-faster")} class="field__input input--short" kind="number"
                        inputmode="decimal" value={percent_value} placeholder="0" on_commit={on_percent}
                        accepts={Accepts::PercentFasterOrEmpty}
                        invalid_message="Write a percentage below 100 (negative for slower), or leave it empty" />
                </td>
            </tr>
        }
    };

    let on_save = {
        let on_save = props.on_save.clone();
        let name_ref = name_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                let name = input.value().trim().to_string();
                if !name.is_empty() {
                    on_save.emit(name);
                    input.set_value("");
                }
            }
        })
    };
    let on_select = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_select.emit((!v.is_empty()).then_some(v));
        })
    };
    let on_compare = {
        let on_compare = props.on_compare.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_compare.emit(comparison_of(&v));
        })
    };
    let baseline = {
        let on_select = props.on_select.clone();
        Callback::from(move |_| on_select.emit(None))
    };
    let delete = {
        let on_delete = props.on_delete.clone();
        let name = props.scenario.name.clone();
        Callback::from(move |_| on_delete.emit(name.clone()))
    };
    let current = props.scenario.name.clone();
    let is_saved = props.saved.contains(&current);

    html! {
        <section class="panel" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{ "What if" }</h2>
            <div class="scenario__bar">
                <div class="field">
                    <label class="field__label" for="scenario-select">{ "Scenario in use" }</label>
                    <select class="field__select" id="scenario-select" onchange={on_select}>
                        <option value="" selected={!is_saved}>
                            { if props.scenario == Scenario::default() { "Baseline" } else { "Baseline with unsaved changes" } }
                        </option>
                        { for props.saved.iter().map(|n| html! {
                            <option value={n.clone()} selected={*n == current}>{ n.clone() }</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="button button--secondary" onclick={baseline}>{ "Back to baseline" }</button>
                if is_saved {
                    <button type="button" class="button button--warning" onclick={delete}>
                        { format!("Delete scenario \u{201c}{current}\u{201d}") }
                    </button>
                }
                <div class="field">
                    <label class="field__label" for="compare-select">{ "Compare with" }</label>
                    <select class="field__select" id="compare-select" onchange={on_compare}>
                        <option value="" selected={props.compare.is_none()}>{ "No comparison" }</option>
                        <option value="baseline" selected={props.compare == Some(Comparison::Baseline)}>{ "Baseline" }</option>
                        { for props.saved.iter().map(|n| html! {
                            <option value={format!("saved:{n}")}
                                selected={props.compare == Some(Comparison::Saved(n.clone()))}>{ n.clone() }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="table-wrap">
            <table class="table table--compact">
                <caption class="table__caption">
                    { "Stage durations used for the children still in the process (" }
                    <crate::ui::term::Term term="SHOBPA" text="what SHOBPA means" />{ ")" }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Stage" }</th>
                        <th scope="col">{ "Days" }</th>
                        <th scope="col">{ "% faster" }</th>
                    </tr>
                </thead>
                <tbody>{ for Stage::ALL.iter().map(|&s| stage_row(s)) }</tbody>
            </table>
            </div>
            { assumed_pace_fields(&props.forecast, &props.scenario, &props.on_assumed_pace) }
            { leaving_field(&props.scenario, props.own_leaving, &props.on_leaving) }
            <form class="scenario__save" onsubmit={on_save}>
                <div class="field">
                    <label class="field__label" for="scenario-name">{ "Scenario name" }</label>
                    <input class="field__input" id="scenario-name" ref={name_ref} type="text" autocomplete="off" />
                </div>
                <button type="submit" class="button">{ "Save scenario" }</button>
            </form>
        </section>
    }
}
