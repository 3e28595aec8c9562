//! The action plans screen: counts by status at the top, filters (status, lead, overdue), the
//! plans side by side, a new plan, "Download actions (CSV)" and a print view.

use super::csv::actions_csv_of_view;
use super::model::{Plan, PlanOf, Status};
use super::now::use_plans_now;
use super::plan_view::{Filter, PlanView};
use super::red::{red_figures, start_plan, RedFigure};
use crate::context::{use_app, use_as_of, use_render_count};
use crate::forecast::basis::{basis_words, figure_basis_words};
use crate::report::forecast::{forecast_of, use_forecast};
use crate::state::{Action, LaterAction};
use crate::storage::authorities::{plan_owner_name, View};
use crate::ui::browser;
use crate::ui::notice::Notice;
use gloo_events::EventListener;
use scorecard::dates::parse_date;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The action plans screen.
#[function_component]
pub fn PlansScreen() -> Html {
    use_render_count("PlansScreen");
    let app = use_app();
    let as_of = use_as_of();
    let filter = use_state(Filter::default);
    let new_plan = use_state(|| (String::new(), String::new(), String::new()));
    let plans = &app.document.plans;
    let settings = &app.whole.settings;
    let several = settings.has_several();
    // Whose a plan made here is unless another is chosen: the authority shown, or the agency.
    let view_of = match app.view {
        View::Authority(id) => PlanOf::Authority(id),
        View::Agency => PlanOf::Agency,
    };
    let new_of = use_state(|| None::<PlanOf>);
    let chosen_of = (*new_of).unwrap_or(view_of);
    // On the agency's view: only one authority's plans, or only the agency's.
    let owner_filter = use_state(|| None::<PlanOf>);
    let owners: Vec<(PlanOf, String)> = settings
        .authorities()
        .into_iter()
        .map(|(id, _)| PlanOf::Authority(id))
        .chain(std::iter::once(PlanOf::Agency))
        .map(|of| (of, plan_owner_name(settings, of)))
        .collect();
    let owner_value = |of: PlanOf| match of {
        PlanOf::Authority(id) => id.to_string(),
        PlanOf::Agency => "agency".to_string(),
    };
    let parse_owner = |value: &str| match value {
        "agency" => Some(PlanOf::Agency),
        id => id.parse().ok().map(PlanOf::Authority),
    };
    let agency = app.view == View::Agency && several;
    let authority = app.document.settings.authority_name.trim().to_string();
    let forecast = use_forecast();
    let now = use_plans_now(app.document.clone(), forecast.clone());
    let red_list = red_figures(&forecast);
    let counts = plans.counts();
    let (red, overdue) = plans.needing_attention(as_of);
    let mut leads: Vec<String> = plans
        .activities()
        .iter()
        .map(|a| a.activity.lead.clone())
        .filter(|l| !l.is_empty())
        .collect();
    scorecard::sorting::sort(&mut leads);
    leads.dedup();
    // The plan being printed on its own, if one is: the others are left off the page until
    // the browser says printing is over.
    let printing = use_state(|| None::<String>);
    {
        let printing = printing.clone();
        use_effect_with((*printing).clone(), move |title| {
            let window = web_sys::window();
            let listener = match (title, &window) {
                (Some(_), Some(window)) => {
                    let printing = printing.clone();
                    let listener =
                        EventListener::new(window, "afterprint", move |_| printing.set(None));
                    // Registered before asking: a browser may close its print dialog, and
                    // fire `afterprint`, before `print()` returns.
                    browser::print();
                    Some(listener)
                }
                _ => None,
            };
            move || drop(listener)
        });
    }
    let on_print = {
        let printing = printing.clone();
        use_callback((), move |title: String, _| printing.set(Some(title)))
    };
    let on_delete = {
        let app = app.clone();
        use_callback((), move |title: String, _| {
            app.dispatch(LaterAction::DeletePlan(title))
        })
    };
    let on_save = {
        let app = app.clone();
        use_callback((), move |plan: Plan, _| {
            app.dispatch(LaterAction::SavePlan {
                replacing: Some(plan.title.clone()),
                plan,
            })
        })
    };
    let start = {
        let (app, new_plan, new_of) = (app.clone(), new_plan.clone(), new_of.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (title, owner, review) = (*new_plan).clone();
            let title = title.trim().to_string();
            if title.is_empty() {
                return;
            }
            // Titles are unique over the whole workspace, so that the agency's view, which
            // lists every authority's plans, never holds two plans of one title.
            if app.whole.plans.plans.iter().any(|p| p.title == title) {
                app.dispatch(Action::Notify(Notice::error(format!(
                    "A plan called {title} is already kept (on its owner's view): choose another title."
                ))));
                return;
            }
            let shown_title = title.clone();
            app.dispatch(LaterAction::SavePlan {
                replacing: None,
                plan: Plan {
                    title,
                    of: chosen_of,
                    owner: owner.trim().to_string(),
                    review_date: parse_date(review.trim()),
                    themes: Vec::new(),
                    performance: None,
                },
            });
            // A plan made here for another owner is not listed here: say where it is.
            if app.view != View::Agency && chosen_of != view_of {
                let whose = plan_owner_name(&app.whole.settings, chosen_of);
                let where_listed = match chosen_of {
                    PlanOf::Agency => "the agency's view".to_string(),
                    PlanOf::Authority(_) => format!("the view of {whose} and the agency's"),
                };
                app.dispatch(Action::Notify(Notice::success(format!(
                    "Started {shown_title}, a plan of {whose}: it is listed on {where_listed}, \
                     not on this view."
                ))));
            }
            new_plan.set(Default::default());
            new_of.set(None);
        })
    };
    let on_new_of = {
        let new_of = new_of.clone();
        Callback::from(move |e: Event| {
            new_of.set(parse_owner(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let on_owner_filter = {
        let owner_filter = owner_filter.clone();
        Callback::from(move |e: Event| {
            owner_filter.set(parse_owner(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let input = |id: &'static str,
                 label: &'static str,
                 value: String,
                 set: fn(&mut (String, String, String), String)| {
        let new_plan = new_plan.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*new_plan).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            new_plan.set(next);
        });
        html! {
            <div class="field">
                <label class="field__label" for={id}>{ label }</label>
                <input class="field__input" type="text" {id} {value} {oninput} />
            </div>
        }
    };
    let on_status = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            next.status = Status::parse(&e.target_unchecked_into::<HtmlSelectElement>().value());
            filter.set(next);
        })
    };
    let on_lead = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            next.lead = (!v.is_empty()).then_some(v);
            filter.set(next);
        })
    };
    let on_overdue = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            next.overdue = e.target_unchecked_into::<HtmlInputElement>().checked();
            filter.set(next);
        })
    };
    let download = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let text = actions_csv_of_view(&app.document.plans, &app.whole.settings, app.view);
            app.dispatch(Action::Notify(browser::download_csv(
                "actions.csv",
                "actions",
                &text,
            )));
        })
    };
    // A red figure is the view's own: the authority's, or the agency's as a whole.
    let whose = several.then(|| plan_owner_name(settings, view_of));
    let start_performance = |figure: RedFigure| {
        let (app, forecast, whose) = (app.clone(), forecast.clone(), whose.clone());
        Callback::from(move |_: MouseEvent| {
            // The required pace for this figure: the forecast again, with it as the target.
            let answer = figure.period.and_then(|period| {
                let mut doc = (*app.document).clone();
                doc.scenarios.pace_target = Some(scorecard::PaceTarget {
                    indicator: figure.indicator,
                    value: figure.target,
                    period,
                });
                forecast_of(&doc, forecast.as_of).pace
            });
            app.dispatch(LaterAction::SavePlan {
                replacing: None,
                plan: start_plan(
                    &figure,
                    &forecast,
                    answer.as_ref(),
                    view_of,
                    whose.as_deref(),
                ),
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <section class={classes!("screen", "plans", printing.is_some().then_some("plans--printing-one"))}
            aria-labelledby="plans-heading">
            <h1 id="plans-heading" class="screen__title">{ "Action plans" }</h1>
            <p class="plans__meta">
                { format!("{}Action plans as of {}; figures {}.",
                    if authority.is_empty() { String::new() } else { format!("{authority}. ") },
                    scorecard::dates::format_uk(as_of), basis_words(forecast.basis)) }
            </p>
            <p class="screen__lead">
                { format!("{} red and {} overdue (past their timescale and not completed).", red, overdue) }
            </p>
            <ul class="plans__counts" aria-label="Activities by status">
                { for counts.iter().map(|(s, n)| html! {
                    <li class={super::activity_row::status_class(*s)}>{ format!("{}: {n}", s.label()) }</li>
                }) }
            </ul>
            <div class="panel plans__controls">
                <div class="field">
                    <label class="field__label" for="plans-status">{ "Show status" }</label>
                    <select class="field__select" id="plans-status" onchange={on_status}>
                        <option value="" selected={filter.status.is_none()}>{ "Every status" }</option>
                        { for Status::ALL.iter().map(|s| html! {
                            <option value={s.label()} selected={filter.status == Some(*s)}>{ s.label() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="plans-lead">{ "Show lead" }</label>
                    <select class="field__select" id="plans-lead" onchange={on_lead}>
                        <option value="" selected={filter.lead.is_none()}>{ "Every lead" }</option>
                        { for leads.iter().map(|l| html! {
                            <option value={l.clone()} selected={filter.lead.as_deref() == Some(l.as_str())}>{ l.clone() }</option>
                        }) }
                    </select>
                </div>
                <div class="choice">
                    <input class="choice__input" type="checkbox" id="plans-overdue" checked={filter.overdue} onchange={on_overdue} />
                    <label class="choice__label" for="plans-overdue">{ "Overdue activities only" }</label>
                </div>
                if agency {
                    <div class="field">
                        <label class="field__label" for="plans-authority">{ "Filter by authority" }</label>
                        <select class="field__select" id="plans-authority" onchange={on_owner_filter}>
                            <option value="" selected={owner_filter.is_none()}>{ "Every authority and the agency" }</option>
                            { for owners.iter().map(|(of, name)| html! {
                                <option value={owner_value(*of)} selected={*owner_filter == Some(*of)}>{ name.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="button-row">
                    <button type="button" class="button button--secondary" onclick={download}>{ "Download actions (CSV)" }</button>
                    <button type="button" class="button button--secondary" onclick={print}>{ "Print plans" }</button>
                </div>
            </div>
            if !red_list.is_empty() {
                <section class="panel plans__red-figures" aria-labelledby="red-heading">
                    <h2 id="red-heading">{ "Figures not meeting their target" }</h2>
                    <ul class="plans__red">
                        { for red_list.iter().map(|r| {
                            let has_plan = plans.plans.iter().any(|p| p.title == r.plan_title_of(whose.as_deref()));
                            html! {
                                <li>
                                    { format!("{} {}: {} ({}). ", r.name(), r.label,
                                        super::performance::gap_text(r.indicator.is_percent(), r.figure, r.target),
                                        figure_basis_words(forecast.basis, r.made_of)) }
                                    if has_plan {
                                        <span>{ "Its performance action plan is below." }</span>
                                    } else {
                                        <button type="button" class="button button--small" onclick={start_performance(r.clone())}>
                                            { "Start a performance action plan" }
                                            <span class="visually-hidden">{ format!(" for {} {}", r.name(), r.label) }</span>
                                        </button>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            { for plans.plans.iter().filter(|p| !agency || owner_filter.is_none_or(|of| p.of == of)).map(|p| {
                // The figure as the forecast has it now, to review the plan against.
                let now = now.get(&p.title).cloned();
                html! {
                    <PlanView plan={Rc::new(p.clone())} {as_of} filter={(*filter).clone()}
                        on_save={on_save.clone()} on_delete={on_delete.clone()} on_print={on_print.clone()}
                        printed={printing.as_ref().is_none_or(|t| t == &p.title)} {now}
                        counted={forecast.basis}
                        belongs_to={several.then(|| AttrValue::from(plan_owner_name(settings, p.of)))} />
                }
            }) }
            <form class="panel form-grid plans__new" onsubmit={start}>
                <h2 class="panel__title">{ "Start a plan" }</h2>
                { input("plan-title", "Plan title", new_plan.0.clone(), |p, v| p.0 = v) }
                { input("plan-owner", "Plan owner", new_plan.1.clone(), |p, v| p.1 = v) }
                { input("plan-review", "Review date (DD/MM/YYYY)", new_plan.2.clone(), |p, v| p.2 = v) }
                if several {
                    <div class="field">
                        <label class="field__label" for="plan-of">{ "Plan of" }</label>
                        <select class="field__select" id="plan-of" onchange={on_new_of}>
                            { for owners.iter().map(|(of, name)| html! {
                                <option value={owner_value(*of)} selected={chosen_of == *of}>{ name.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="button-row"><button type="submit" class="button">{ "Start plan" }</button></div>
            </form>
        </section>
    }
}
