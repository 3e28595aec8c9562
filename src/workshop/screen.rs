//! The workshop screen : the impact of delay on one child, on the records (only read: the
//! authority's own, or the demonstration's made-up children) or a made-up cohort, with a
//! presentation view for the projector.
//!
//! The delay is view state: nothing here dispatches a change to the records. The only stored
//! changes are the made-up cohorts, kept apart in the document's `workshop` field.

use crate::context::{use_app, use_as_of};
use crate::state::LaterAction;
use crate::storage::document::{Document, MadeUpCohort};
use crate::workshop::cohort_builder::CohortBuilder;
use crate::workshop::dataset::{
    records_option, workshop_data, DatasetChoice, DatasetKind, WorkshopData,
};
use crate::workshop::delay_controls::{slider_max, DelayControls};
use crate::workshop::delay_view::{delay_view, DelayChoice};
use crate::workshop::life_panel::LifePanel;
use crate::workshop::presentation::{enter_full_screen, Presentation};
use crate::workshop::scorecard_panel::ScorecardPanel;
use crate::workshop::session::WorkshopSession;
use crate::workshop::slides::Shown;
use scorecard::{DelayLength, DelayUnit, Indicator};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The age on entering care assumed for the authority's own children, whose records hold no
/// date of birth: a year, as in the default template.
const DEFAULT_AGE_MONTHS: u32 = 12;

/// An `Rc` compared by identity, so memos rerun only when the value was rebuilt.
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The workshop screen.
#[function_component]
pub fn WorkshopScreen() -> Html {
    crate::context::use_render_count("WorkshopScreen");
    let app = use_app();
    let as_of = use_as_of();
    // The choices are kept for the tab's session: looking at another screen loses nothing.
    let kept = use_memo((), |_| WorkshopSession::load());
    let dataset = use_state(|| DatasetChoice::parse(&kept.dataset));
    let child = use_state(|| kept.child.clone());
    let delay = use_state(|| kept.delay());
    let indicator = use_state(|| kept.indicator());
    let age = use_state(|| kept.age_months);
    let identities = use_state(|| false);
    let presenting = use_state(|| false);
    use_effect_with(
        (
            (*dataset).clone(),
            (*child).clone(),
            *delay,
            *indicator,
            *age,
        ),
        |(dataset, child, delay, indicator, age)| {
            WorkshopSession {
                dataset: dataset.value(),
                child: child.clone(),
                delay_amount: delay.amount,
                delay_unit: match delay.unit {
                    DelayUnit::Weeks => "weeks".into(),
                    DelayUnit::Months => "months".into(),
                },
                indicator: indicator.label().into(),
                age_months: *age,
            }
            .keep();
        },
    );

    let document: Rc<Document> = app.document.clone();
    let data: Rc<WorkshopData> = use_memo(
        (Same(document.clone()), (*dataset).clone(), as_of),
        |(doc, choice, as_of)| workshop_data(&doc.0, choice, *as_of),
    );
    let typical = data.typical_child();
    // The child is kept by reference, so that it is the same child whatever else changes.
    let chosen_index = (*child)
        .as_ref()
        .and_then(|id| data.children.iter().position(|c| &c.child_id == id));
    let chosen = chosen_index.or(typical);
    let age_months = (*age)
        .or(data.age_at_entry_months)
        .unwrap_or(DEFAULT_AGE_MONTHS);
    let view = {
        let thresholds = document.settings.thresholds.clone();
        use_memo(
            (
                Same(data.clone()),
                chosen,
                *delay,
                *indicator,
                age_months,
                thresholds,
            ),
            |(data, chosen, delay, indicator, age, thresholds)| {
                chosen.and_then(|c| {
                    delay_view(
                        &data.0,
                        thresholds,
                        DelayChoice {
                            child: c,
                            delay: *delay,
                            indicator: *indicator,
                            age_at_entry_months: *age,
                        },
                    )
                    .map(Rc::new)
                })
            },
        )
    };

    // Made once: they only set this screen's state (read afresh through the handles) or
    // dispatch, so the panels they go to are not re-rendered for a new callback.
    let on_dataset = {
        let (dataset, child, age) = (dataset.clone(), child.clone(), age.clone());
        use_callback((), move |e: Event, _| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            dataset.set(DatasetChoice::parse(&v));
            child.set(None);
            age.set(None);
        })
    };
    let on_build = {
        let (app, dataset, child, age) = (app.clone(), dataset.clone(), child.clone(), age.clone());
        use_callback((), move |cohort: MadeUpCohort, _| {
            let name = cohort.name.clone();
            app.dispatch(LaterAction::SaveMadeUpCohort(cohort));
            dataset.set(DatasetChoice::MadeUp(name));
            child.set(None);
            age.set(None);
        })
    };
    let on_delete = |name: String| {
        let (app, dataset) = (app.clone(), dataset.clone());
        Callback::from(move |_: MouseEvent| {
            if *dataset == DatasetChoice::MadeUp(name.clone()) {
                dataset.set(DatasetChoice::Yours);
            }
            app.dispatch(LaterAction::DeleteMadeUpCohort(name.clone()));
        })
    };
    let on_child = {
        let child = child.clone();
        use_callback(Same(data.clone()), move |c: Option<usize>, data| {
            child.set(
                c.and_then(|i| data.0.children.get(i))
                    .map(|r| r.child_id.clone()),
            )
        })
    };
    let on_identities = {
        let identities = identities.clone();
        use_callback((), move |e: Event, _| {
            identities.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_delay = {
        let delay = delay.clone();
        use_callback((), move |d: DelayLength, _| delay.set(d))
    };
    let on_step_delay = {
        let delay = delay.clone();
        use_callback((), move |step: i32, _| {
            let d = *delay;
            let amount = (d.amount as i64 + step as i64).clamp(0, slider_max(d.unit) as i64);
            delay.set(DelayLength {
                amount: amount as u32,
                unit: d.unit,
            });
        })
    };
    let on_indicator = {
        let indicator = indicator.clone();
        use_callback((), move |i: Indicator, _| indicator.set(i))
    };
    let on_age = {
        let age = age.clone();
        use_callback((), move |m: u32, _| age.set(Some(m)))
    };
    let present = {
        let presenting = presenting.clone();
        use_callback((), move |_: MouseEvent, _| {
            enter_full_screen();
            presenting.set(true);
        })
    };
    let on_close = {
        let presenting = presenting.clone();
        use_callback((), move |_, _| presenting.set(false))
    };
    // Focus goes back to the button that opened the presentation.
    let present_ref = use_node_ref();
    {
        let present_ref = present_ref.clone();
        use_effect_with(*presenting, move |open| {
            if !*open {
                if let Some(button) = present_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }

    let candidates: Vec<(usize, String)> = data
        .candidates()
        .into_iter()
        .map(|(i, c)| (i, c.child_id.clone()))
        .collect();
    let typical_name = typical
        .and_then(|i| data.children.get(i))
        .map(|c| c.child_id.clone());
    let cohorts = &document.workshop.cohorts;
    // Only the authority's own children need keeping from a room; the demonstration's are
    // made up, so the choice to show references is kept (to rehearse) without a warning.
    let real = data.kind == DatasetKind::Real;
    let records = data.kind != DatasetKind::MadeUpCohort;

    html! {
        <section class="screen" aria-labelledby="workshop-heading">
            <h1 id="workshop-heading" class="screen__title">{ "Workshop: the impact of delay" }</h1>
            <p class="screen__lead">{ "Pick a child, add delay, and see what it means for the child first and for the scorecard second." }</p>
            <div class="panel workshop-dataset">
                <div class="field field--inline">
                    <label class="field__label" for="workshop-dataset">{ "Dataset" }</label>
                    <select class="field__select" id="workshop-dataset" onchange={on_dataset}>
                        <option value={DatasetChoice::Yours.value()} selected={*dataset == DatasetChoice::Yours}>{ records_option(&document) }</option>
                        { for cohorts.iter().map(|c| {
                            let choice = DatasetChoice::MadeUp(c.name.clone());
                            html! {
                                <option value={choice.value()} selected={*dataset == choice}>{ format!("Made-up cohort: {}", c.name) }</option>
                            }
                        }) }
                    </select>
                </div>
                <p class="workshop-dataset__note" id="workshop-dataset-note">{ data.note() }</p>
                if real {
                    <p class="workshop-dataset__warning" id="workshop-dataset-warning">
                        <strong>{ "Warning: these are your authority's real records. " }</strong>
                        { "Before presenting them to a room: the presentation calls the child \u{201c}Child A\u{201d} and gives dates as months and years, with no case reference, unless you choose otherwise below. This screen itself shows case references." }
                    </p>
                }
                if records {
                    <div class="choice">
                        <input class="choice__input" type="checkbox" id="workshop-identities"
                            checked={*identities} onchange={on_identities} />
                        <label class="choice__label" for="workshop-identities">{ "Show case references and exact dates in the presentation" }</label>
                    </div>
                    if *identities && real {
                        <p class="field-error" id="workshop-identities-warning">
                            { "The presentation will show this child's case reference and exact dates to everyone who can see the screen." }
                        </p>
                    }
                }
                if let Some(problem) = &data.problem {
                    <p class="field-error" role="alert">{ problem.clone() }</p>
                }
                if !cohorts.is_empty() {
                    <ul class="workshop-cohorts">
                        { for cohorts.iter().map(|c| html! {
                            <li>
                                { format!("{} ({} children) ", c.name, c.template.children) }
                                <button type="button" class="button button--secondary button--small"
                                    aria-label={format!("Delete made-up cohort {}", c.name)}
                                    onclick={on_delete(c.name.clone())}>{ "Delete" }</button>
                            </li>
                        }) }
                    </ul>
                }
            </div>
            if candidates.is_empty() {
                <p>{ "This dataset has no child adopted or in the pipeline to show a delay for." }</p>
            } else {
                <DelayControls children={candidates} typical={typical_name} child={chosen_index}
                    delay={*delay} indicator={*indicator}
                    {on_child} {on_delay} {on_indicator} />
                <div class="button-row">
                    <button type="button" class="button" ref={present_ref} onclick={present}
                        aria-describedby={real.then_some("workshop-dataset-warning")}>{ "Present (full screen)" }</button>
                </div>
                if let Some(view) = (*view).clone() {
                    <div class="workshop-panels">
                        <LifePanel view={view.clone()} age_at_entry_months={age_months}
                            made_up={data.made_up()} {on_age} />
                        <ScorecardPanel view={view.clone()} />
                    </div>
                    if *presenting {
                        <Presentation view={view.clone()} dataset={data.name.clone()}
                            shown={Shown::of(&view, data.kind, *identities)}
                            {on_close} {on_step_delay} />
                    }
                }
            }
            <CohortBuilder {on_build} />
        </section>
    }
}
