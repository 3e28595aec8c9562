//! One child's outcome at a tracking meeting: the questions of the "Adoption Tracking Outcome"
//! form, the actions agreed, the actions still open from earlier meetings (ticked off here),
//! and what earlier meetings recorded.

use super::meetings::{ActivityRef, Answer, ChildOutcome, MeetingAction, OpenAction};
use crate::context::use_app;
use crate::state::Action;
use chrono::NaiveDate;
use scorecard::dates::{format_uk, parse_date};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`OutcomeForm`].
#[derive(Properties, PartialEq)]
pub struct OutcomeFormProps {
    /// The meeting's day.
    pub date: NaiveDate,
    /// The child's case reference.
    pub child_id: AttrValue,
    /// What this meeting already recorded for the child, if anything.
    pub outcome: Option<ChildOutcome>,
    /// Actions still open from earlier meetings.
    pub open_actions: Rc<Vec<OpenAction>>,
    /// Earlier meetings' discussions: (day, discussion), newest first.
    pub history: Rc<Vec<(NaiveDate, String)>>,
}

/// The yes / no questions: (id, question, getter, setter).
type YesNo = (
    &'static str,
    &'static str,
    fn(&ChildOutcome) -> Answer,
    fn(&mut ChildOutcome, Answer),
);

const QUESTIONS: [YesNo; 5] = [
    (
        "cpr-updated",
        "1.1.4 Has the Child Permanence Report been updated?",
        |o| o.cpr_updated,
        |o, v| o.cpr_updated = v,
    ),
    (
        "adoption-plan",
        "1.1.5 Does adoption remain the plan?",
        |o| o.adoption_remains_plan,
        |o, v| o.adoption_remains_plan = v,
    ),
    (
        "shobpa",
        "1.1.6 Does the SHOBPA decision remain appropriate?",
        |o| o.shobpa_remains_appropriate,
        |o, v| o.shobpa_remains_appropriate = v,
    ),
    (
        "placement-order",
        "1.1.7 Does the placement order remain appropriate?",
        |o| o.placement_order_remains_appropriate,
        |o, v| o.placement_order_remains_appropriate = v,
    ),
    (
        "business-support",
        "1.1.11 Inform adoption business support?",
        |o| o.inform_business_support,
        |o, v| o.inform_business_support = v,
    ),
];

/// The texts: (id, question, getter, setter).
type Text = (
    &'static str,
    &'static str,
    fn(&ChildOutcome) -> &str,
    fn(&mut ChildOutcome, String),
);

const TEXTS: [Text; 5] = [
    (
        "legal-status",
        "1.1.1 Current legal status",
        |o| &o.legal_status,
        |o, v| o.legal_status = v,
    ),
    (
        "family-finding",
        "1.1.2 Additional steps to family-find",
        |o| &o.family_finding_steps,
        |o, v| o.family_finding_steps = v,
    ),
    (
        "cpr-changes",
        "1.1.3 Changes needed in the Child Permanence Report",
        |o| &o.cpr_changes,
        |o, v| o.cpr_changes = v,
    ),
    (
        "discussion",
        "1.1.8 Discussion",
        |o| &o.discussion,
        |o, v| o.discussion = v,
    ),
    (
        "other",
        "1.1.9 Other relevant information",
        |o| &o.other_information,
        |o, v| o.other_information = v,
    ),
];

/// One child's outcome form.
#[function_component]
pub fn OutcomeForm(props: &OutcomeFormProps) -> Html {
    let app = use_app();
    let draft = use_state(|| {
        props.outcome.clone().unwrap_or(ChildOutcome {
            child_id: props.child_id.to_string(),
            ..ChildOutcome::default()
        })
    });
    let new_action = use_state(MeetingAction::default);
    let due_text = use_state(String::new);
    let prefix = format!("{}-{}", props.child_id, props.date);
    let save = {
        let (app, draft, date) = (app.clone(), draft.clone(), props.date);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::RecordOutcome {
                date,
                outcome: (*draft).clone(),
            });
        })
    };
    let texts = TEXTS.iter().map(|(id, question, get, set)| {
        let id = format!("{prefix}-{id}");
        let draft_handle = draft.clone();
        let set = *set;
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*draft_handle).clone();
            set(&mut next, e.target_unchecked_into::<HtmlTextAreaElement>().value());
            draft_handle.set(next);
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ *question }</label>
                <textarea class="field__input" id={id} rows="2" value={get(&draft).to_string()} {oninput} />
            </div>
        }
    });
    let answers = QUESTIONS.iter().map(|(id, question, get, set)| {
        let id = format!("{prefix}-{id}");
        let draft_handle = draft.clone();
        let set = *set;
        let onchange = Callback::from(move |e: Event| {
            let value = match e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            let mut next = (*draft_handle).clone();
            set(&mut next, value);
            draft_handle.set(next);
        });
        let now = get(&draft);
        html! {
            <div class="field field--inline">
                <label class="field__label" for={id.clone()}>{ *question }</label>
                <select class="field__select" {id} {onchange}>
                    <option value="" selected={now.is_none()}>{ "Not answered" }</option>
                    <option value="yes" selected={now == Some(true)}>{ "Yes" }</option>
                    <option value="no" selected={now == Some(false)}>{ "No" }</option>
                </select>
            </div>
        }
    });
    let agreed = draft.actions.iter().map(|a| {
        html! {
            <li>{ format!("{} – {}{}", a.what, a.owner,
                a.due.map(|d| format!(", by {}", format_uk(d))).unwrap_or_default()) }</li>
        }
    });
    let add_action = {
        let (draft, new_action, due_text) = (draft.clone(), new_action.clone(), due_text.clone());
        Callback::from(move |_: MouseEvent| {
            if new_action.what.trim().is_empty() {
                return;
            }
            let mut action = (*new_action).clone();
            action.due = parse_date(due_text.trim());
            let mut next = (*draft).clone();
            next.actions.push(action);
            draft.set(next);
            new_action.set(MeetingAction::default());
            due_text.set(String::new());
        })
    };
    let action_field = |key: &'static str,
                        label: &'static str,
                        get: fn(&MeetingAction) -> String,
                        set: fn(&mut MeetingAction, String)| {
        let id = format!("{prefix}-action-{key}");
        let handle = new_action.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*handle).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            handle.set(next);
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ label }</label>
                <input class="field__input" type="text" {id} value={get(&new_action)} {oninput} />
            </div>
        }
    };
    // An action may belong to an activity of an action plan: it then shows there too.
    let plan_choices: Vec<(String, ActivityRef)> = app
        .document
        .plans
        .activities()
        .iter()
        .map(|a| {
            (
                format!(
                    "{} – {}.{} {}",
                    a.plan,
                    a.theme.0,
                    a.index + 1,
                    a.activity.what
                ),
                ActivityRef {
                    plan: a.plan.to_string(),
                    theme: a.theme.0 - 1,
                    index: a.index,
                },
            )
        })
        .collect();
    let plan_select = if plan_choices.is_empty() {
        Html::default()
    } else {
        let id = format!("{prefix}-action-plan");
        let handle = new_action.clone();
        let choices = plan_choices.clone();
        let onchange = Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*handle).clone();
            next.activity = i
                .parse::<usize>()
                .ok()
                .and_then(|i| choices.get(i))
                .map(|c| c.1.clone());
            handle.set(next);
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ "Part of a plan activity" }</label>
                <select class="field__select" {id} {onchange}>
                    <option value="" selected={new_action.activity.is_none()}>{ "None" }</option>
                    { for plan_choices.iter().enumerate().map(|(i, (label, r))| html! {
                        <option value={i.to_string()} selected={new_action.activity.as_ref() == Some(r)}>{ label.clone() }</option>
                    }) }
                </select>
            </div>
        }
    };
    let due_input = {
        let id = format!("{prefix}-action-due");
        let due_text = due_text.clone();
        let value = (*due_text).clone();
        let oninput = Callback::from(move |e: InputEvent| {
            due_text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ "Action due (DD/MM/YYYY)" }</label>
                <input class="field__input input--short" type="text" inputmode="numeric" {id} {value} {oninput} />
            </div>
        }
    };
    let open = props
        .open_actions
        .iter()
        .filter(|o| o.meeting < props.date)
        .map(|o| {
            let id = format!("{prefix}-open-{}-{}", o.meeting, o.index);
            let app = app.clone();
            let (date, child, index) = (o.meeting, o.child_id.clone(), o.index);
            let onchange = Callback::from(move |e: Event| {
                app.dispatch(Action::SetActionDone {
                    date,
                    child_id: child.clone(),
                    index,
                    done: e.target_unchecked_into::<HtmlInputElement>().checked(),
                })
            });
            let label = format!(
                "{} – {}{}{} (agreed {})",
                o.action.what,
                o.action.owner,
                o.action
                    .due
                    .map(|d| format!(", by {}", format_uk(d)))
                    .unwrap_or_default(),
                if o.overdue { ": overdue" } else { "" },
                format_uk(o.meeting)
            );
            html! {
                <li class="choice">
                    <input class="choice__input" type="checkbox" id={id.clone()} {onchange} />
                    <label class="choice__label" for={id}>{ format!("Done: {label}") }</label>
                </li>
            }
        });
    let history = props.history.iter().filter(|(d, _)| *d < props.date).map(|(d, text)| {
        html! { <li>{ format!("{}: {}", format_uk(*d), if text.is_empty() { "(no discussion recorded)" } else { text }) }</li> }
    });
    html! {
        <form class="outcome" onsubmit={save}>
            if !props.history.iter().any(|(d, _)| *d < props.date) {
                <p class="panel__hint">{ "No earlier meeting recorded anything for this child." }</p>
            } else {
                <h4 class="panel__subtitle">{ "Earlier meetings" }</h4>
                <ul>{ for history }</ul>
            }
            { for texts }
            { for answers }
            <h4 class="panel__subtitle">{ "1.1.10 Actions" }</h4>
            <ul>{ for open }</ul>
            <ul>{ for agreed }</ul>
            <div class="form-grid">
                { action_field("what", "New action", |a| a.what.clone(), |a, v| a.what = v) }
                { action_field("owner", "Action owner", |a| a.owner.clone(), |a, v| a.owner = v) }
                { due_input }
                { plan_select }
            </div>
            <div class="button-row">
                <button type="button" class="button button--secondary" onclick={add_action}>{ "Add action" }</button>
                <button type="submit" class="button">{ format!("Save outcome for {}", props.child_id) }</button>
            </div>
        </form>
    }
}
