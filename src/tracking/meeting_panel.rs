//! The meeting's record on the tracking screen: hold a meeting (date and attendees), choose
//! it, record each child's outcome in turn, and read or print the minutes.

use super::meetings::Meeting;
use super::minutes::Minutes;
use super::outcome_form::OutcomeForm;
use crate::context::use_app;
use crate::state::LaterAction;
use chrono::NaiveDate;
use scorecard::dates::{format_uk, parse_date};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`MeetingPanel`].
#[derive(Properties, PartialEq)]
pub struct MeetingPanelProps {
    /// The children on the agenda, in its order: each child's authority (its number in the
    /// whole workspace) and case reference.
    pub children: Rc<Vec<(u32, String)>>,
    /// The as-of date: the default day of a new meeting, and when actions are overdue.
    pub as_of: NaiveDate,
}

/// The meeting panel.
#[function_component]
pub fn MeetingPanel(props: &MeetingPanelProps) -> Html {
    let app = use_app();
    let date_text = use_state(|| format_uk(props.as_of));
    let attendees = use_state(String::new);
    let chosen = use_state(|| None::<NaiveDate>);
    // The child chosen, by authority and reference; one no longer on the agenda (the view
    // changed to another authority) is not chosen.
    let child = use_state(|| None::<(u32, String)>);
    let chosen_child = (*child)
        .clone()
        .filter(|c| props.children.iter().any(|on| on == c));
    let meetings = &app.document.meetings;
    // The latest meeting until another is chosen.
    let current: Option<&Meeting> = (*chosen)
        .and_then(|d| meetings.on(d))
        .or(meetings.meetings.last());
    let hold = {
        let (app, date_text, attendees, chosen) = (
            app.clone(),
            date_text.clone(),
            attendees.clone(),
            chosen.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(date) = parse_date(date_text.trim()) {
                app.dispatch(LaterAction::HoldMeeting {
                    date,
                    attendees: (*attendees).clone(),
                });
                chosen.set(Some(date));
            }
        })
    };
    let on_date = {
        let date_text = date_text.clone();
        Callback::from(move |e: InputEvent| {
            date_text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_attendees = {
        let attendees = attendees.clone();
        Callback::from(move |e: InputEvent| {
            attendees.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_meeting = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(parse_date(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let on_child = {
        let child = child.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            child.set(parse_choice(&v))
        })
    };
    // Only the minutes go to paper: the agenda above has its own "Print agenda".
    let print = Callback::from(|_: MouseEvent| super::minutes::print_minutes());
    let open_actions = Rc::new(meetings.open_actions(props.as_of));
    let body = match current {
        None => html! { <p>{ "No meeting recorded yet: hold one above." }</p> },
        Some(meeting) => {
            let form = chosen_child.clone().map(|(authority, id)| {
                let outcome = meeting
                    .outcomes
                    .iter()
                    .find(|o| o.is_for(authority, &id))
                    .cloned();
                let history: Vec<(NaiveDate, String)> = meetings
                    .history(authority, &id)
                    .into_iter()
                    .map(|(d, o)| (d, o.discussion.clone()))
                    .collect();
                let open: Vec<_> = open_actions
                    .iter()
                    .filter(|o| o.authority == authority && o.child_id == id)
                    .cloned()
                    .collect();
                // Keyed by the authority too: another authority's child of the same reference
                // is another form, never this one's words.
                html! {
                    <OutcomeForm key={format!("{authority}-{id}-{}", meeting.date)} date={meeting.date}
                        {authority} child_id={id.clone()} name={app.child_name(authority, &id)}
                        {outcome} open_actions={Rc::new(open)}
                        history={Rc::new(history)} as_of={props.as_of} />
                }
            });
            html! {
                <>
                    <div class="field">
                        <label class="field__label" for="meeting-child">{ "Child discussed" }</label>
                        <select class="field__select" id="meeting-child" onchange={on_child}>
                            <option value="" selected={chosen_child.is_none()}>{ "Choose a child from the agenda" }</option>
                            { for props.children.iter().map(|(authority, id)| html! {
                                <option value={choice_value(*authority, id)}
                                    selected={chosen_child.as_ref().is_some_and(|(a, c)| a == authority && c == id)}>
                                    { app.child_name(*authority, id) }
                                </option>
                            }) }
                        </select>
                    </div>
                    { form.unwrap_or_default() }
                    <Minutes meeting={meeting.clone()} open_actions={(*open_actions).clone()}
                        as_of={props.as_of} on_print={print} />
                </>
            }
        }
    };
    html! {
        <section class="panel meeting-record" aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">{ "The meeting's record" }</h2>
            <form class="form-grid" onsubmit={hold}>
                <div class="field">
                    <label class="field__label" for="meeting-date">{ "Meeting date (DD/MM/YYYY)" }</label>
                    <input class="field__input input--short" id="meeting-date" type="text" inputmode="numeric"
                        value={(*date_text).clone()} oninput={on_date} />
                </div>
                <div class="field">
                    <label class="field__label" for="meeting-attendees">{ "Attendees" }</label>
                    <input class="field__input" id="meeting-attendees" type="text"
                        value={(*attendees).clone()} oninput={on_attendees} />
                </div>
                <div class="button-row">
                    <button type="submit" class="button">{ "Hold meeting" }</button>
                </div>
            </form>
            if meetings.meetings.len() > 1 {
                <div class="field">
                    <label class="field__label" for="meeting-chosen">{ "Meeting" }</label>
                    <select class="field__select" id="meeting-chosen" onchange={on_meeting}>
                        { for meetings.meetings.iter().map(|m| html! {
                            <option value={m.date.to_string()} selected={Some(m.date) == current.map(|c| c.date)}>
                                { format_uk(m.date) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            { body }
        </section>
    }
}

/// A child's value in the "Child discussed" list: the authority's number, a colon and the
/// case reference (which may itself hold a colon).
fn choice_value(authority: u32, child_id: &str) -> String {
    format!("{authority}:{child_id}")
}

/// The child a "Child discussed" value names; `None` for the list's prompt.
fn parse_choice(value: &str) -> Option<(u32, String)> {
    let (number, child_id) = value.split_once(':')?;
    Some((number.parse().ok()?, child_id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_child_is_read_back_with_its_authority() {
        for (authority, child_id) in [(0, "C1"), (3, "C1"), (0, "7:x"), (12, "A:B:")] {
            let value = choice_value(authority, child_id);
            assert_eq!(
                parse_choice(&value),
                Some((authority, child_id.to_string())),
                "{value}"
            );
        }
        assert_eq!(parse_choice(""), None);
    }
}
