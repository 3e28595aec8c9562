//! One plan: its owner and review date, its numbered themes with their activities (filtered
//! as the screen asks), and forms to add a theme and an activity.

use super::activity_row::ActivityRow;
use super::model::{Activity, Plan, Status, Theme, Timescale};
use super::now::PlanNow;
use super::performance_view::PerformanceView;
use crate::state::{count, count_of};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::draft_input::{Accepts, DraftInput};
use chrono::NaiveDate;
use scorecard::dates::{format_uk, parse_date};
use scorecard::FiguresBasis;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Which activities are shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Only this status.
    pub status: Option<Status>,
    /// Only this lead.
    pub lead: Option<String>,
    /// Only the overdue ones.
    pub overdue: bool,
}

/// Properties of [`PlanView`].
#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// What to show.
    pub filter: Filter,
    /// The plan changed (its title is kept).
    pub on_save: Callback<Plan>,
    /// The user confirmed deleting the plan (its title).
    pub on_delete: Callback<String>,
    /// The user asked to print this plan on its own (its title).
    pub on_print: Callback<String>,
    /// Whether the plan is on the printed page: `false` while another plan prints alone.
    #[prop_or(true)]
    pub printed: bool,
    /// For a performance action plan: its figure as the forecast has it now.
    #[prop_or_default]
    pub now: Option<PlanNow>,
    /// Which adoptions the figures count.
    #[prop_or_default]
    pub counted: FiguresBasis,
    /// Whose plan it is, an authority's or the agency's name, where the workspace holds
    /// several authorities.
    #[prop_or_default]
    pub belongs_to: Option<AttrValue>,
}

/// The text of the box that was typed in: a one-line box or a text area.
fn text_of(e: InputEvent) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    match target.dyn_into::<HtmlTextAreaElement>() {
        Ok(area) => area.value(),
        Err(target) => target.unchecked_into::<HtmlInputElement>().value(),
    }
}

/// One plan.
#[function_component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let new_theme = use_state(String::new);
    let asking_delete = use_state(|| false);
    let draft = use_state(|| (0usize, Activity::default(), String::new()));
    let plan = &props.plan;
    let slug = plan.title.to_lowercase().replace(' ', "-");
    let shown = |a: &Activity| {
        props.filter.status.is_none_or(|s| a.status == s)
            && props.filter.lead.as_ref().is_none_or(|l| &a.lead == l)
            && (!props.filter.overdue || a.is_overdue(props.as_of))
    };
    let add_theme = {
        let (plan, new_theme, on_save) = (plan.clone(), new_theme.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = new_theme.trim().to_string();
            if title.is_empty() {
                return;
            }
            let mut next = (*plan).clone();
            next.themes.push(Theme {
                title,
                activities: Vec::new(),
            });
            on_save.emit(next);
            new_theme.set(String::new());
        })
    };
    let themes = plan.themes.iter().enumerate().map(|(t, theme)| {
        let rows = theme
            .activities
            .iter()
            .enumerate()
            .filter(|(_, a)| shown(a))
            .map(|(i, _)| {
                html! {
                    <ActivityRow plan={plan.clone()} theme={t} index={i} as_of={props.as_of}
                        on_save={props.on_save.clone()} />
                }
            });
        html! {
            <section class="plan__theme">
                <h3>{ format!("{}. {}", t + 1, theme.title) }</h3>
                <div class="table-wrap">
                <table class="table plan__table">
                    <thead><tr>
                        <th scope="col">{ "Activities" }</th>
                        <th scope="col">{ "Lead" }</th>
                        <th scope="col">{ "Timescale" }</th>
                        <th scope="col">{ "Commentary" }</th>
                        <th scope="col">{ "Outcome" }</th>
                        <th scope="col">{ "Status" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            </section>
        }
    });
    // An activity or its outcome is often paragraphs pasted from a plan written in Word: a
    // one-line box would turn its line breaks into spaces, so those two are text areas.
    let field = |key: &'static str,
                 label: &'static str,
                 value: String,
                 multiline: bool,
                 set: fn(&mut (usize, Activity, String), String)| {
        let id = format!("{slug}-new-{key}");
        let draft = draft.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            set(&mut next, text_of(e));
            draft.set(next);
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ label }</label>
                if multiline {
                    <textarea class="field__input" rows="3" {id} {value} {oninput} />
                } else {
                    <input class="field__input" type="text" {id} {value} {oninput} />
                }
            </div>
        }
    };
    let on_theme_choice = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.0 = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(0);
            draft.set(next);
        })
    };
    let on_new_status = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            if let Some(s) = Status::parse(&e.target_unchecked_into::<HtmlSelectElement>().value())
            {
                next.1.status = s;
            }
            draft.set(next);
        })
    };
    let add_activity = {
        let (plan, draft, on_save) = (plan.clone(), draft.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (theme, activity, timescale) = (*draft).clone();
            if activity.what.trim().is_empty() {
                return;
            }
            let mut next = (*plan).clone();
            if let Some(t) = next.themes.get_mut(theme) {
                t.activities.push(Activity {
                    timescale: Timescale::parse(&timescale),
                    ..activity
                });
                on_save.emit(next);
                draft.set((theme, Activity::default(), String::new()));
            }
        })
    };
    let activities: usize = plan.themes.iter().map(|t| t.activities.len()).sum();
    // A plan is months of a manager's writing: deleting it asks first, naming what goes,
    // and undo brings it back.
    let delete_question = format!(
        "Delete the action plan {} with its {} and {}?",
        plan.title,
        count(plan.themes.len(), "theme"),
        count_of(activities, "activity", "activities"),
    );
    let print_this = {
        let (on_print, title) = (props.on_print.clone(), plan.title.clone());
        Callback::from(move |_: MouseEvent| on_print.emit(title.clone()))
    };
    let ask_delete = {
        let asking_delete = asking_delete.clone();
        Callback::from(move |_: MouseEvent| asking_delete.set(true))
    };
    let cancel_delete = {
        let asking_delete = asking_delete.clone();
        Callback::from(move |_: ()| asking_delete.set(false))
    };
    let confirm_delete = {
        let (asking_delete, on_delete, title) = (
            asking_delete.clone(),
            props.on_delete.clone(),
            plan.title.clone(),
        );
        Callback::from(move |_: ()| {
            asking_delete.set(false);
            on_delete.emit(title.clone());
        })
    };
    let on_owner = {
        let (plan, on_save) = (plan.clone(), props.on_save.clone());
        Callback::from(move |text: String| {
            let mut next = (*plan).clone();
            next.owner = text.trim().to_string();
            on_save.emit(next);
        })
    };
    let on_review = {
        let (plan, on_save) = (plan.clone(), props.on_save.clone());
        Callback::from(move |text: String| {
            let mut next = (*plan).clone();
            next.review_date = parse_date(text.trim());
            on_save.emit(next);
        })
    };
    html! {
        <section class={classes!("panel", "plan", (!props.printed).then_some("plan--not-printed"))}
            aria-labelledby={format!("{slug}-title")}>
            <h2 id={format!("{slug}-title")}>{ plan.title.clone() }</h2>
            if let Some(whose) = &props.belongs_to {
                <p class="plan__of">{ format!("Plan of {whose}.") }</p>
            }
            <p class="plan__meta">
                { format!("Owner: {}. Review date: {}.",
                    if plan.owner.is_empty() { "not recorded" } else { &plan.owner },
                    plan.review_date.map(format_uk).unwrap_or_else(|| "not set".into())) }
            </p>
            <form class="form-grid plan__owner" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field">
                    <label class="field__label" for={format!("{slug}-owner")}>
                        { "Owner" }<span class="visually-hidden">{ format!(" of {}", plan.title) }</span>
                    </label>
                    <DraftInput id={format!("{slug}-owner")} class="field__input" value={plan.owner.clone()}
                        on_commit={on_owner} />
                </div>
                <div class="field">
                    <label class="field__label" for={format!("{slug}-review")}>
                        { "Review date (DD/MM/YYYY)" }<span class="visually-hidden">{ format!(" of {}", plan.title) }</span>
                    </label>
                    <DraftInput id={format!("{slug}-review")} class="field__input"
                        value={plan.review_date.map(format_uk).unwrap_or_default()}
                        on_commit={on_review} accepts={Accepts::DateOrEmpty}
                        invalid_message="Write the review date as DD/MM/YYYY, or leave it empty" />
                </div>
            </form>
            <div class="button-row">
                <button type="button" class="button button--secondary button--small" onclick={print_this}
                    aria-label={format!("Print this plan: {}", plan.title)}>
                    { "Print this plan" }
                </button>
                <button type="button" class="button button--warning button--small" onclick={ask_delete}
                    aria-label={format!("Delete this plan: {}", plan.title)}>
                    { "Delete this plan" }
                </button>
            </div>
            if *asking_delete {
                <ConfirmDialog id={format!("{slug}-delete")} question={delete_question}
                    detail={AttrValue::from("Undo brings it back.")}
                    confirm_label="Delete plan" on_confirm={confirm_delete} on_cancel={cancel_delete} />
            }
            if plan.performance.is_some() {
                <PerformanceView plan={plan.clone()} now={props.now.clone()} counted={props.counted}
                    as_of={props.as_of} on_save={props.on_save.clone()} />
            }
            { for themes }
            <form class="form-grid plan__add" onsubmit={add_theme}>
                <div class="field">
                    <label class="field__label" for={format!("{slug}-new-theme")}>{ format!("New theme for {}", plan.title) }</label>
                    <input class="field__input" type="text" id={format!("{slug}-new-theme")}
                        value={(*new_theme).clone()} oninput={{
                            let new_theme = new_theme.clone();
                            Callback::from(move |e: InputEvent| new_theme.set(text_of(e)))
                        }} />
                </div>
                <div class="button-row"><button type="submit" class="button button--secondary">{ "Add theme" }</button></div>
            </form>
            if !plan.themes.is_empty() {
                <form class="form-grid plan__add" onsubmit={add_activity}>
                    <div class="field">
                        <label class="field__label" for={format!("{slug}-new-theme-choice")}>{ "Theme" }</label>
                        <select class="field__select" id={format!("{slug}-new-theme-choice")} onchange={on_theme_choice}>
                            { for plan.themes.iter().enumerate().map(|(i, t)| html! {
                                <option value={i.to_string()} selected={draft.0 == i}>{ format!("{}. {}", i + 1, t.title) }</option>
                            }) }
                        </select>
                    </div>
                    { field("what", "Activity", draft.1.what.clone(), true, |d, v| d.1.what = v) }
                    { field("lead", "Lead", draft.1.lead.clone(), false, |d, v| d.1.lead = v) }
                    { field("timescale", "Timescale (DD/MM/YYYY or month and year)", draft.2.clone(), false, |d, v| d.2 = v) }
                    { field("outcome", "Outcome (evidence of success)", draft.1.outcome.clone(), true, |d, v| d.1.outcome = v) }
                    <div class="field">
                        <label class="field__label" for={format!("{slug}-new-status")}>{ "Status" }</label>
                        <select class="field__select" id={format!("{slug}-new-status")} onchange={on_new_status}>
                            { for Status::ALL.iter().map(|s| html! {
                                <option value={s.label()} selected={*s == draft.1.status}>{ s.label() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="button-row"><button type="submit" class="button">{ "Add activity" }</button></div>
                </form>
            }
        </section>
    }
}
