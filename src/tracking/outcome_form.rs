//! One child's outcome at a tracking meeting: the eleven questions of the "Adoption Tracking
//! Outcome" form in their numbered order, the actions agreed, the actions still open from
//! earlier meetings (ticked off here), and what earlier meetings recorded.
//!
//! Every answer is kept in the document as it is given: words as they are typed (see
//! [`KeptBox`]), yes / no as it is chosen, an action as soon as anything of it is typed.
//! Nothing waits for a button, so changing child, changing screen or reloading loses nothing,
//! and Undo takes answers back like any other change.

use super::action_entry::ActionEntry;
use super::kept_box::KeptBox;
use super::meetings::{action_status, ChildOutcome, OpenAction};
use super::questions::{Kind, OutcomeEdit, Question};
use crate::context::use_app;
use crate::state::{Action, LaterAction};
use crate::ui::notice::Notice;
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`OutcomeForm`].
#[derive(Properties, PartialEq)]
pub struct OutcomeFormProps {
    /// The meeting's day.
    pub date: NaiveDate,
    /// The child's authority, by its number in the whole workspace.
    pub authority: u32,
    /// The child's case reference.
    pub child_id: AttrValue,
    /// The child as the view names it ("C1", or "C1 (Southshire)" on the agency's view).
    pub name: AttrValue,
    /// What this meeting recorded for the child so far, if anything.
    pub outcome: Option<ChildOutcome>,
    /// Actions still open from earlier meetings.
    pub open_actions: Rc<Vec<OpenAction>>,
    /// Earlier meetings' discussions: (day, discussion), newest first.
    pub history: Rc<Vec<(NaiveDate, String)>>,
    /// The as-of date: when an action is overdue.
    pub as_of: NaiveDate,
}

/// One child's outcome form.
#[function_component]
pub fn OutcomeForm(props: &OutcomeFormProps) -> Html {
    let app = use_app();
    let outcome = props.outcome.clone().unwrap_or_else(|| ChildOutcome {
        child_id: props.child_id.to_string(),
        authority: props.authority,
        ..ChildOutcome::default()
    });
    // The boxes' ids name the authority too where two children may share a reference.
    let prefix = match props.authority {
        0 => format!("{}-{}", props.child_id, props.date),
        n => format!("a{n}-{}-{}", props.child_id, props.date),
    };
    let edit = {
        let (app, date, authority, child) = (
            app.clone(),
            props.date,
            props.authority,
            props.child_id.to_string(),
        );
        Callback::from(move |edit: OutcomeEdit| {
            app.dispatch(LaterAction::EditOutcome {
                date,
                authority,
                child_id: child.clone(),
                edit,
            })
        })
    };
    // Everything is kept already; the button only says so, for those who look for one.
    let confirm = {
        let (app, child) = (app.clone(), props.name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::Notify(Notice::success(format!(
                "The outcome for {child} is kept: every answer is saved as you give it."
            ))));
        })
    };
    let question = |q: Question| -> Html {
        let id = format!("{prefix}-{}", q.slug());
        match q.kind() {
            Kind::Text => {
                let now = q.text_of(&outcome).unwrap_or_default().to_string();
                let edit = edit.clone();
                let kept = now.clone();
                let on_commit = Callback::from(move |text: String| {
                    if text != kept {
                        edit.emit(OutcomeEdit::Text(q, text));
                    }
                });
                html! {
                    <div class="field">
                        <label class="field__label" for={id.clone()}>{ q.label() }</label>
                        <KeptBox id={id} class="field__input" multiline=true value={now} {on_commit} />
                    </div>
                }
            }
            Kind::YesNo => {
                let now = q.answer_of(&outcome).flatten();
                let edit = edit.clone();
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
                    edit.emit(OutcomeEdit::Answer(q, value));
                });
                html! {
                    <div class="field field--inline">
                        <label class="field__label" for={id.clone()}>{ q.label() }</label>
                        <select class="field__select" {id} {onchange}>
                            <option value="" selected={now.is_none()}>{ "Not answered" }</option>
                            <option value="yes" selected={now == Some(true)}>{ "Yes" }</option>
                            <option value="no" selected={now == Some(false)}>{ "No" }</option>
                        </select>
                    </div>
                }
            }
            Kind::Actions => actions_block(props, &outcome, &prefix, q, &app, edit.clone()),
        }
    };
    let history = props.history.iter().filter(|(d, _)| *d < props.date).map(|(d, text)| {
        html! { <li>{ format!("{}: {}", format_uk(*d), if text.is_empty() { "(no discussion recorded)" } else { text }) }</li> }
    });
    html! {
        <form class="outcome" onsubmit={confirm} aria-describedby={format!("{prefix}-kept")}>
            <p class="panel__hint" id={format!("{prefix}-kept")}>
                { "Every answer is kept as you type it or choose it: changing child or screen, or \
                   closing the page, loses nothing. Undo takes back the last change." }
            </p>
            if !props.history.iter().any(|(d, _)| *d < props.date) {
                <p class="panel__hint">{ "No earlier meeting recorded anything for this child." }</p>
            } else {
                <h4 class="panel__subtitle">{ "Earlier meetings" }</h4>
                <ul>{ for history }</ul>
            }
            { for Question::ALL.into_iter().map(question) }
            <div class="button-row">
                <button type="submit" class="button button--secondary">{ format!("Save outcome for {}", props.name) }</button>
            </div>
        </form>
    }
}

/// 1.1.10: the actions still open from earlier meetings (ticked off here), those agreed at
/// this meeting with where each stands, and the entry of a new one.
fn actions_block(
    props: &OutcomeFormProps,
    outcome: &ChildOutcome,
    prefix: &str,
    q: Question,
    app: &crate::context::Store,
    edit: Callback<OutcomeEdit>,
) -> Html {
    let open = props
        .open_actions
        .iter()
        .filter(|o| o.meeting < props.date)
        .map(|o| {
            let id = format!("{prefix}-open-{}-{}", o.meeting, o.index);
            let app = app.clone();
            let (date, authority, child, index) =
                (o.meeting, o.authority, o.child_id.clone(), o.index);
            let onchange = Callback::from(move |e: Event| {
                app.dispatch(LaterAction::SetActionDone {
                    date,
                    authority,
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
    let agreed = outcome.actions.iter().map(|a| {
        let status = action_status(a, props.as_of);
        let overdue = status.starts_with("overdue");
        let owner = if a.owner.trim().is_empty() {
            "no owner named"
        } else {
            a.owner.trim()
        };
        html! {
            <li>
                { format!("{} – {owner}: ", a.what.trim()) }
                <span class={classes!(overdue.then_some("flag flag--error"))}>{ status }</span>
            </li>
        }
    });
    html! {
        <fieldset class="outcome__actions">
            <legend class="panel__subtitle">{ q.label() }</legend>
            <ul>{ for open }</ul>
            // The entry comes before the list it adds to: an action kept as it is typed joins
            // the list below, so nothing moves under the pointer on its way to "Add action".
            <ActionEntry prefix={prefix.to_string()} actions={Rc::new(outcome.actions.clone())}
                on_edit={edit} />
            if !outcome.actions.is_empty() {
                <h5 class="outcome__agreed-title">{ "Agreed at this meeting" }</h5>
            }
            <ul class="outcome__agreed">{ for agreed }</ul>
        </fieldset>
    }
}
