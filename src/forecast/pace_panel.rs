//! The required-pace panel: the manager picks a target (indicator, value, period) and the
//! expected adoptions for each open year of it, and reads the answer as a sentence, beside the
//! scrutiny report's simpler equal-years answer and the Monte Carlo's chance of meeting the target.

use super::pace_words::waiting_sentence;
use super::sentences::{equal_years_sentence, pace_sentence};
use super::target_choice::{next_target, TargetControl};
use super::waiting_children::WaitingChildren;
use crate::state::count_of;
use crate::ui::browser;
use crate::ui::draft_input::{Accepts, DraftInput};
use crate::ui::later::use_later;
use crate::ui::notice::Notice;
use scorecard::{FinancialYear, Forecast, Indicator, PaceTarget, RollingPeriod, ThresholdSchedule};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The indicators a pace target can be set for (the ones with a threshold in days).
pub const TARGET_INDICATORS: [Indicator; 3] = [Indicator::A1, Indicator::A10, Indicator::A2];

/// Properties of [`PacePanel`].
#[derive(Properties, PartialEq)]
pub struct PacePanelProps {
    /// The forecast whose `pace` answers the current target.
    pub forecast: Rc<Forecast>,
    /// The chance of meeting the target from the Monte Carlo: `None` while it runs, then
    /// `Some(None)` when the target's period is outside what it simulates.
    #[prop_or_default]
    pub probability: Option<Option<f64>>,
    /// The threshold schedule: a target follows its indicator's threshold for the period.
    pub thresholds: ThresholdSchedule,
    /// How often the likely range held in the authority's past, said beside the chance.
    pub record: super::answer_words::BandRecord,
    /// A new target chosen.
    pub on_target: Callback<PaceTarget>,
    /// A year's expected total adoptions changed (`None`: back to the default).
    pub on_expected: Callback<(FinancialYear, Option<u32>)>,
    /// Says what a download did (saved, or why not).
    pub notify: Callback<Notice>,
}

/// The periods a target can be set for: the one ending this March and the next four.
fn target_periods(forecast: &Forecast) -> Vec<RollingPeriod> {
    (0..5)
        .map(|k| RollingPeriod::ending_with(FinancialYear(forecast.current_year.0 + k)))
        .collect()
}

/// The required-pace panel.
#[function_component]
pub fn PacePanel(props: &PacePanelProps) -> Html {
    let app = crate::context::use_app();
    let as_of = crate::context::use_as_of();
    // The list of waiting children can run to hundreds of rows: drawn a frame after the
    // answers (see `crate::ui::later`).
    let waiting_forecast = use_later(props.forecast.clone(), Rc::ptr_eq);
    // The target is read from all three controls when any of them changes, rather than from
    // a copy taken when the panel was drawn: two quick changes must not undo each other.
    // Hooks first, before the early return below: Yew needs the same hooks in the same order
    // on every render.
    let indicator_ref = use_node_ref();
    let value_ref = use_node_ref();
    let period_ref = use_node_ref();
    let onchange = {
        let on_target = props.on_target.clone();
        let (indicator_ref, value_ref, period_ref) =
            (indicator_ref.clone(), value_ref.clone(), period_ref.clone());
        let schedule = props.thresholds.clone();
        let previous = props.forecast.pace.as_ref().map(|p| p.target);
        Callback::from(move |changed: TargetControl| {
            let indicator = indicator_ref
                .cast::<HtmlSelectElement>()
                .and_then(|s| Indicator::parse(&s.value()));
            let period = period_ref
                .cast::<HtmlSelectElement>()
                .and_then(|s| RollingPeriod::parse(&s.value()));
            // A value that is not a number is left for the user to correct; the answer keeps
            // showing the last target that was one.
            let typed = value_ref
                .cast::<HtmlInputElement>()
                .and_then(|i| i.value().trim().parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v >= 0.0);
            let (Some(indicator), Some(period)) = (indicator, period) else {
                return;
            };
            let previous = previous.unwrap_or(PaceTarget {
                indicator,
                value: typed.unwrap_or_default(),
                period,
            });
            if let Some(target) =
                next_target(&schedule, previous, changed, indicator, period, typed)
            {
                on_target.emit(target);
            }
        })
    };

    let Some(answer) = props.forecast.pace.as_ref() else {
        return html! {
            <section class="panel" aria-labelledby="pace-heading">
                <h2 id="pace-heading">{ "Required pace" }</h2>
                <p>{ "Every threshold in the schedule is met: there is no target to solve for. Choose one below." }</p>
            </section>
        };
    };
    let target = answer.target;
    let download = {
        // The file is written when asked for, not on every redraw of the panel.
        let (forecast, notify) = (props.forecast.clone(), props.notify.clone());
        let (app, as_of) = (app.clone(), as_of);
        Callback::from(move |_| {
            let Some(answer) = forecast.pace.as_ref() else {
                return;
            };
            let name = format!(
                "target-dates-{}-{}.csv",
                answer.target.indicator.label(),
                answer.target.period
            );
            let waiting = count_of(
                answer.waiting.waiting.len(),
                "waiting child",
                "waiting children",
            );
            // The agency's file names each child's authority last.
            let file = match app.view {
                crate::storage::authorities::View::Agency => {
                    super::agency_panel::agency_target_dates_csv(
                        &app.whole,
                        &app.document,
                        as_of,
                        answer,
                    )
                }
                _ => answer.target_dates_csv(),
            };
            notify.emit(match browser::download(&name, "text/csv", &file) {
                Ok(()) => Notice::success(format!(
                    "Downloaded the target dates of {waiting} to {name}."
                )),
                Err(why) => {
                    Notice::error(format!("The target dates could not be downloaded: {why}."))
                }
            })
        })
    };

    let on_indicator = {
        let onchange = onchange.clone();
        Callback::from(move |_: Event| onchange.emit(TargetControl::Indicator))
    };
    let on_period = {
        let onchange = onchange.clone();
        Callback::from(move |_: Event| onchange.emit(TargetControl::Period))
    };
    let on_value = {
        let onchange = onchange.clone();
        Callback::from(move |_: String| onchange.emit(TargetControl::Value))
    };
    let threshold = props.thresholds.threshold(target.indicator, target.period);
    let use_threshold = threshold.map(|value| {
        let on_target = props.on_target.clone();
        Callback::from(move |_: MouseEvent| {
            on_target.emit(PaceTarget { value, ..target });
        })
    });

    let expected_inputs = answer.years.iter().map(|year| {
        let id = format!("expected-{}", year.year);
        let hint_id = format!("{id}-hint");
        let fy = year.year;
        let on_expected = props.on_expected.clone();
        let on_commit = Callback::from(move |text: String| {
            let text = text.trim();
            if text.is_empty() {
                on_expected.emit((fy, None));
            } else if let Ok(n) = text.parse::<u32>() {
                on_expected.emit((fy, Some(n)));
            }
        });
        html! {
            <div class="field field--inline">
                <label class="field__label" for={id.clone()}>{ format!("Expected adoptions {}", year.year) }</label>
                <DraftInput id={id.clone()} kind="number" class="field__input" min="0" inputmode="numeric"
                    value={year.expected.to_string()} {on_commit}
                    accepts={Accepts::WholeNumberOrEmpty}
                    invalid_message="Write a whole number of adoptions, or leave it empty for the default"
                    hint_id={hint_id.clone()} />
                <span class="field__hint" id={hint_id}>
                    { format!("{} adopted, {} projected from the pipeline, {} still to come{}",
                        year.adopted, year.projected, year.unknown,
                        if year.overridden { "" } else { " (default: mean of the last three complete years)" }) }
                </span>
            </div>
        }
    });

    html! {
        <section class="panel" aria-labelledby="pace-heading">
            <h2 id="pace-heading">{ "Required pace" }</h2>
            <div class="pace__controls">
                <div class="field">
                    <label class="field__label" for="target-indicator">{ "Target indicator" }</label>
                    <select class="field__select" id="target-indicator" ref={indicator_ref} onchange={on_indicator}>
                        { for TARGET_INDICATORS.iter().map(|i| html! {
                            <option value={i.label()} selected={*i == target.indicator}>{ i.name() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="target-value">{ "Target value" }</label>
                    <DraftInput id="target-value" kind="number" class="field__input" min="0" inputmode="numeric"
                        value={format!("{}", target.value)} node_ref={value_ref} on_commit={on_value}
                        accepts={Accepts::Days}
                        invalid_message="Write the target as a number of days" />
                    <span class="field__hint">{ "days" }</span>
                </div>
                <div class="field">
                    <label class="field__label" for="target-period">{ "Target period" }</label>
                    <select class="field__select" id="target-period" ref={period_ref} onchange={on_period}>
                        { for target_periods(&props.forecast).iter().chain(
                            (!target_periods(&props.forecast).contains(&target.period)).then_some(&target.period)
                          ).map(|p| html! {
                            <option value={p.to_string()} selected={*p == target.period}>{ p.to_string() }</option>
                        }) }
                    </select>
                </div>
            </div>
            <p class="pace__threshold" id="target-threshold">
                { match threshold {
                    Some(t) if t == target.value => format!(
                        "The target is the {} threshold for {}: {t:.0} days.",
                        target.indicator.name(), target.period),
                    Some(t) => format!(
                        "This target differs from the {} threshold for {}, which is {t:.0} days: every answer is judged against the target.",
                        target.indicator.name(), target.period),
                    None => format!("The schedule has no {} threshold for {}.", target.indicator.name(), target.period),
                } }
                if let (Some(t), Some(onclick)) = (threshold.filter(|t| *t != target.value), use_threshold) {
                    { " " }
                    <button type="button" class="button button--secondary button--small" {onclick}>
                        { format!("Use the threshold ({t:.0} days)") }
                    </button>
                }
            </p>
            if !answer.years.is_empty() && props.forecast.basis.counts_expected() {
                <fieldset class="pace__expected">
                    <legend>{ "Expected total adoptions, including children already adopted that year" }</legend>
                    { for expected_inputs }
                </fieldset>
            } else if !answer.years.is_empty() {
                <p class="field__hint">
                    { "The adoptions we expect are left out of every figure and of the pace below: turn on \u{201c}With the adoptions we expect\u{201d} above to count and set them." }
                </p>
            }
            <p class="pace__answer" aria-live="polite">{ waiting_sentence(answer, "listed below") }</p>
            <WaitingChildren forecast={waiting_forecast} />
            <div class="button-row">
                <button type="button" class="button button--secondary" onclick={download}>
                    { "Download target dates (CSV)" }
                </button>
            </div>
            if let Some(simple) = equal_years_sentence(answer) {
                <p class="pace__simple">{ simple }</p>
            }
            <p class="pace__simple">
                <strong>{ "If the pipeline goes as projected: " }</strong>{ pace_sentence(answer) }
            </p>
            <p class="pace__probability">
                { match props.probability {
                    Some(Some(p)) => format!(
                        "From {} simulated futures: {}",
                        super::monte_carlo::RUNS,
                        super::answer_words::chance_words(super::answer_words::Chance::Known(p), props.record)),
                    Some(None) => "The simulation gives no chance for this target: its period is beyond the simulated years, or it is not the threshold and the figures leave out the adoptions we expect.".to_string(),
                    None => "Chance of meeting the target: simulating…".to_string(),
                } }
            </p>
        </section>
    }
}
