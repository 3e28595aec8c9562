//! One activity of a plan, in the columns the plans in use have (activity, lead, timescale,
//! commentary, outcome, status), with its status changed in place and a dated update added.

use super::model::{Plan, Status, Update};
use crate::tracking::meetings::ActivityRef;
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use std::rc::Rc;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`ActivityRow`].
#[derive(Properties, PartialEq)]
pub struct ActivityRowProps {
    /// The plan the activity belongs to.
    pub plan: Rc<Plan>,
    /// The theme's place in the plan (from 0).
    pub theme: usize,
    /// The activity's place in the theme (from 0).
    pub index: usize,
    /// The as-of date: when an activity is overdue, and the date of a new update.
    pub as_of: NaiveDate,
    /// The plan changed.
    pub on_save: Callback<Plan>,
}

/// The CSS class of a status (colour, never alone: the word is always shown).
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Red => "rag rag--red",
        Status::Amber => "rag rag--amber",
        Status::Green => "rag rag--green",
        Status::Completed | Status::CompletedAndOngoing => "rag rag--completed",
        Status::Ongoing => "rag rag--ongoing",
    }
}

/// One activity's row.
#[function_component]
pub fn ActivityRow(props: &ActivityRowProps) -> Html {
    let update = use_state(String::new);
    let app = crate::context::use_app();
    let Some(activity) = props
        .plan
        .themes
        .get(props.theme)
        .and_then(|t| t.activities.get(props.index))
    else {
        return Html::default();
    };
    let number = format!("{}.{}", props.theme + 1, props.index + 1);
    let id = format!(
        "activity-{}-{number}",
        props.plan.title.to_lowercase().replace(' ', "-")
    );
    let edit = {
        let (plan, theme, index, on_save) = (
            props.plan.clone(),
            props.theme,
            props.index,
            props.on_save.clone(),
        );
        move |change: Box<dyn Fn(&mut super::model::Activity)>| {
            let mut next = (*plan).clone();
            if let Some(a) = next
                .themes
                .get_mut(theme)
                .and_then(|t| t.activities.get_mut(index))
            {
                change(a);
            }
            on_save.emit(next);
        }
    };
    let on_status = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(status) = Status::parse(&value) {
                edit(Box::new(move |a| a.status = status));
            }
        })
    };
    let on_update_input = {
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            update.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let add_update = {
        let (update, as_of) = (update.clone(), props.as_of);
        Callback::from(move |_: MouseEvent| {
            let text = update.trim().to_string();
            if text.is_empty() {
                return;
            }
            edit(Box::new(move |a| {
                a.updates.push(Update {
                    date: as_of,
                    text: text.clone(),
                })
            }));
            update.set(String::new());
        })
    };
    let overdue = activity.is_overdue(props.as_of);
    // Actions agreed at tracking meetings for this activity.
    let from_meetings = app.document.meetings.actions_for(&ActivityRef {
        plan: props.plan.title.clone(),
        theme: props.theme,
        index: props.index,
    });
    html! {
        <tr class={classes!(overdue.then_some("plan__row--overdue"))}>
            <th scope="row" class="plan__text">{ format!("{number} {}", activity.what) }</th>
            <td>{ activity.lead.clone() }</td>
            <td>
                { activity.timescale.map(|t| t.text()).unwrap_or_else(|| "–".into()) }
                if overdue { <strong class="flag flag--error">{ " Overdue" }</strong> }
            </td>
            <td>
                <ul class="plan__updates">
                    { for activity.updates.iter().map(|u| html! {
                        <li class="plan__text">{ format!("{}: {}", format_uk(u.date), u.text) }</li>
                    }) }
                    { for from_meetings.iter().map(|(date, authority, child, a)| html! {
                        <li>{ format!("Tracking meeting {} (child {}): {} – {}{}", format_uk(*date),
                            app.child_name(*authority, child), a.what, a.owner,
                            if a.done { ", done" } else { ", open" }) }</li>
                    }) }
                </ul>
                <label class="visually-hidden" for={format!("{id}-update")}>{ format!("Update on activity {number}") }</label>
                <textarea class="field__input" rows="2" id={format!("{id}-update")} value={(*update).clone()}
                    oninput={on_update_input} />
                <button type="button" class="button button--small button--secondary" onclick={add_update}>
                    { "Add update" }<span class="visually-hidden">{ format!(" to activity {number}") }</span>
                </button>
            </td>
            <td class="plan__text">{ activity.outcome.clone() }</td>
            <td>
                <span class={status_class(activity.status)}>{ activity.status.label() }</span>
                <label class="visually-hidden" for={format!("{id}-status")}>{ format!("Status of activity {number}") }</label>
                <select class="field__select" id={format!("{id}-status")} onchange={on_status}>
                    { for Status::ALL.iter().map(|s| html! {
                        <option value={s.label()} selected={*s == activity.status}>{ s.label() }</option>
                    }) }
                </select>
            </td>
        </tr>
    }
}
