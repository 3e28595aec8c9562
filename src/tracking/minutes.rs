//! The minutes of a tracking meeting, as they are read on screen and printed: for each child
//! discussed, every question of the outcome form in its numbered order ("not answered" where
//! nothing was given), the actions agreed with where each stands; then one list of every
//! action still open, across all children and meetings, the overdue ones said so in words.

use super::meetings::{action_status, ChildOutcome, Meeting, MeetingAction, OpenAction};
use super::questions::{Kind, Question};
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use yew::prelude::*;

/// What the minutes say for one question of one child's outcome.
pub fn answer_words(q: Question, o: &ChildOutcome, as_of: NaiveDate) -> Vec<String> {
    const NOT_ANSWERED: &str = "not answered";
    match q.kind() {
        Kind::Text => {
            let text = q.text_of(o).unwrap_or_default().trim();
            vec![if text.is_empty() { NOT_ANSWERED } else { text }.to_string()]
        }
        Kind::YesNo => vec![match q.answer_of(o).flatten() {
            Some(true) => "yes",
            Some(false) => "no",
            None => NOT_ANSWERED,
        }
        .to_string()],
        Kind::Actions if o.actions.is_empty() => vec![NOT_ANSWERED.to_string()],
        Kind::Actions => o.actions.iter().map(|a| action_line(a, as_of)).collect(),
    }
}

/// "Visit the family – Family finder: overdue by 18 days (due 10/07/2015)".
fn action_line(a: &MeetingAction, as_of: NaiveDate) -> String {
    let who = if a.owner.trim().is_empty() {
        "no owner named"
    } else {
        a.owner.trim()
    };
    format!("{} – {who}: {}", a.what.trim(), action_status(a, as_of))
}

/// One child's minutes, the child named as the view names it.
fn child_minutes(o: &ChildOutcome, name: String, as_of: NaiveDate) -> Html {
    html! {
        <section class="minutes__child">
            <h4>{ format!("Child {name}") }</h4>
            <dl class="summary minutes__answers">
                { for Question::ALL.into_iter().map(|q| {
                    let words = answer_words(q, o, as_of);
                    html! {
                        <div class="summary__row" data-question={q.number()}>
                            <dt>{ q.label() }</dt>
                            if q.kind() == Kind::Actions && !o.actions.is_empty() {
                                <dd><ul class="minutes__actions">
                                    { for words.into_iter().map(|w| html! { <li>{ w }</li> }) }
                                </ul></dd>
                            } else {
                                <dd>{ words.join("") }</dd>
                            }
                        </div>
                    }
                }) }
            </dl>
        </section>
    }
}

/// Prints the minutes alone: the page is marked while the browser's print dialog is open
/// (it holds the page until it closes), and the print stylesheet leaves the rest of the
/// tracking screen out while the mark is there.
pub fn print_minutes() {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = &body {
        let _ = body.set_attribute("data-printing", "minutes");
    }
    crate::ui::browser::print();
    if let Some(body) = &body {
        let _ = body.remove_attribute("data-printing");
    }
}

/// Properties of [`Minutes`].
#[derive(Properties, PartialEq)]
pub struct MinutesProps {
    /// The meeting.
    pub meeting: Meeting,
    /// Every action still open, from every meeting.
    pub open_actions: Vec<OpenAction>,
    /// The as-of date: when an action is overdue.
    pub as_of: NaiveDate,
    /// "Print minutes" pressed.
    pub on_print: Callback<MouseEvent>,
}

/// The minutes of one meeting, with every open action.
#[function_component]
pub fn Minutes(props: &MinutesProps) -> Html {
    let app = crate::context::use_app();
    let meeting = &props.meeting;
    let as_of = props.as_of;
    let overdue = props.open_actions.iter().filter(|a| a.overdue).count();
    html! {
        <section class="minutes" aria-labelledby="minutes-heading">
            <h3 id="minutes-heading">{ format!("Minutes of the tracking meeting of {}", format_uk(meeting.date)) }</h3>
            <p>{ format!("Attendees: {}", if meeting.attendees.is_empty() { "not recorded" } else { &meeting.attendees }) }</p>
            if meeting.outcomes.is_empty() {
                <p>{ "No child's outcome recorded yet." }</p>
            }
            { for meeting.outcomes.iter().map(|o| child_minutes(o, app.child_name(o.authority, &o.child_id), as_of)) }
            <section class="minutes__open" aria-labelledby="open-actions-heading">
                <h4 id="open-actions-heading">{ "Open actions, every child" }</h4>
                <p>{ format!("As of {}: {} open, {overdue} overdue. An action stays open, meeting \
                              after meeting, until it is ticked done.",
                    format_uk(as_of), props.open_actions.len()) }</p>
                if !props.open_actions.is_empty() {
                    <div class="table-wrap">
                        <table class="table open-actions">
                            <caption class="visually-hidden">{ "Open actions, every child" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Child" }</th>
                                <th scope="col">{ "Action" }</th>
                                <th scope="col">{ "Owner" }</th>
                                <th scope="col">{ "Agreed" }</th>
                                <th scope="col">{ "Where it stands" }</th>
                            </tr></thead>
                            <tbody>
                                { for props.open_actions.iter().map(|a| html! {
                                    <tr class={classes!(a.overdue.then_some("open-actions__overdue"))}>
                                        <th scope="row">{ app.child_name(a.authority, &a.child_id) }</th>
                                        <td>{ a.action.what.clone() }</td>
                                        <td>{ a.action.owner.clone() }</td>
                                        <td>{ format_uk(a.meeting) }</td>
                                        <td>
                                            if a.overdue { <strong>{ a.status_words(as_of) }</strong> }
                                            else { { a.status_words(as_of) } }
                                        </td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>
            <div class="button-row">
                <button type="button" class="button button--secondary" onclick={props.on_print.clone()}>{ "Print minutes" }</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracking::meetings::MeetingAction;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_question_has_words_in_the_minutes_not_answered_where_blank() {
        let o = ChildOutcome {
            child_id: "P1".into(),
            discussion: "Two families interested".into(),
            adoption_remains_plan: Some(true),
            shobpa_remains_appropriate: Some(false),
            legal_status: "   ".into(),
            actions: vec![MeetingAction {
                what: "Visit".into(),
                owner: "Family finder".into(),
                due: Some(d(2015, 7, 10)),
                ..MeetingAction::default()
            }],
            ..ChildOutcome::default()
        };
        let as_of = d(2015, 7, 28);
        let said: Vec<(String, Vec<String>)> = Question::ALL
            .into_iter()
            .map(|q| (q.number(), answer_words(q, &o, as_of)))
            .collect();
        let one = |s: &str| vec![s.to_string()];
        assert_eq!(
            said,
            vec![
                ("1.1.1".into(), one("not answered")),
                ("1.1.2".into(), one("not answered")),
                ("1.1.3".into(), one("not answered")),
                ("1.1.4".into(), one("not answered")),
                ("1.1.5".into(), one("yes")),
                ("1.1.6".into(), one("no")),
                ("1.1.7".into(), one("not answered")),
                ("1.1.8".into(), one("Two families interested")),
                ("1.1.9".into(), one("not answered")),
                // 10/07 to 28/07/2015: 18 days late.
                (
                    "1.1.10".into(),
                    one("Visit – Family finder: overdue by 18 days (due 10/07/2015)")
                ),
                ("1.1.11".into(), one("not answered")),
            ]
        );
        let none = ChildOutcome::default();
        assert_eq!(
            answer_words(Question::Actions, &none, as_of),
            one("not answered")
        );
    }
}
