//! The entry of a new action agreed for a child: what, who, by when, and the plan activity it
//! belongs to. The action is kept in the child's outcome as soon as anything of it is typed,
//! and each later change to the entry changes that same action, so "Add action" is never
//! needed to keep it: the button only clears the entry for the next action.

use super::kept_box::KeptBox;
use super::meetings::{ActivityRef, MeetingAction};
use super::questions::OutcomeEdit;
use crate::context::use_app;
use scorecard::dates::{format_uk, parse_date};
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`ActionEntry`].
#[derive(Properties, PartialEq)]
pub struct ActionEntryProps {
    /// The start of the entry's element ids (child and meeting).
    pub prefix: AttrValue,
    /// The child's actions at this meeting so far.
    pub actions: Rc<Vec<MeetingAction>>,
    /// Keeps a change.
    pub on_edit: Callback<OutcomeEdit>,
}

/// What the entry holds, shared with the boxes' hand-overs (which may come after a render).
#[derive(Debug, Clone, Default, PartialEq)]
struct Entry {
    /// The action as typed so far.
    action: MeetingAction,
    /// The date as typed, which may not be a date yet.
    due_text: String,
    /// The action as last kept, and its place among the child's actions.
    kept: Option<(usize, MeetingAction)>,
    /// How many actions the child had when the entry last rendered: the new one's place.
    count: usize,
}

impl Entry {
    /// Follows the child's actions as stored: the new one's place, and the action being
    /// entered when it was changed elsewhere (Undo, another tab), so that the entry shows what
    /// is kept and a further change starts from it. An action that is gone (its adding undone)
    /// is left in the entry, and the next change adds it again.
    fn follow(&mut self, actions: &[MeetingAction]) {
        self.count = actions.len();
        let Some((index, was)) = &self.kept else {
            return;
        };
        if actions.contains(was) {
            return;
        }
        if let Some(now) = actions.get(*index).filter(|a| a.what == was.what) {
            self.action = now.clone();
            self.due_text = now.due.map(format_uk).unwrap_or_default();
            self.kept = Some((*index, now.clone()));
        }
    }

    /// The change that keeps the action as it now is, if it changed.
    fn keep(&mut self) -> Option<OutcomeEdit> {
        match self.kept.take() {
            None if self.action == MeetingAction::default() => None,
            None => {
                self.kept = Some((self.count, self.action.clone()));
                Some(OutcomeEdit::AddAction(self.action.clone()))
            }
            Some((index, was)) if was == self.action => {
                self.kept = Some((index, was));
                None
            }
            Some((index, was)) => {
                // Emptied: the action goes, and the entry starts afresh.
                if self.action != MeetingAction::default() {
                    self.kept = Some((index, self.action.clone()));
                }
                Some(OutcomeEdit::EditAction {
                    index,
                    was,
                    now: self.action.clone(),
                })
            }
        }
    }
}

/// The message beside the date box when what was typed is not a date.
fn due_problem(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && parse_date(text).is_none()).then(|| {
        format!(
            "\u{201c}{text}\u{201d} is not a date: type it as DD/MM/YYYY, for example \
             10/07/2015. The action is kept without a date until then."
        )
    })
}

/// The new action's entry.
#[function_component]
pub fn ActionEntry(props: &ActionEntryProps) -> Html {
    let app = use_app();
    let entry = use_mut_ref(Entry::default);
    entry.borrow_mut().follow(&props.actions);
    let redraw = use_force_update();
    let round = use_state(|| 0u32);
    let what_ref = use_node_ref();
    {
        // After "Add action", the next action starts in "New action".
        let what_ref = what_ref.clone();
        use_effect_with(*round, move |round| {
            if *round > 0 {
                if let Some(el) = what_ref.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let change = {
        let (entry, on_edit, redraw) = (entry.clone(), props.on_edit.clone(), redraw.clone());
        Rc::new(move |set: &dyn Fn(&mut Entry)| {
            let edit = {
                let mut e = entry.borrow_mut();
                set(&mut e);
                e.keep()
            };
            if let Some(edit) = edit {
                on_edit.emit(edit);
            }
            redraw.force_update();
        })
    };
    let now = entry.borrow().clone();
    let prefix = &props.prefix;
    let text_box = |key: &str, label: &str, value: String, set: fn(&mut Entry, String)| {
        let id = format!("{prefix}-action-{key}");
        let change = change.clone();
        let on_commit = Callback::from(move |text: String| change(&|e| set(e, text.clone())));
        let node_ref = if key == "what" {
            what_ref.clone()
        } else {
            NodeRef::default()
        };
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ label.to_string() }</label>
                <KeptBox {id} class="field__input" {value} {on_commit} {node_ref} />
            </div>
        }
    };
    let due_error = due_problem(&now.due_text);
    let due_id = format!("{prefix}-action-due");
    let due_error_id = format!("{due_id}-error");
    let on_due = {
        let change = change.clone();
        Callback::from(move |text: String| {
            change(&|e| {
                e.action.due = parse_date(text.trim());
                e.due_text = text.clone();
            })
        })
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
        let choices = plan_choices.clone();
        let change = change.clone();
        let onchange = Callback::from(move |e: Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().value();
            let activity = i
                .parse::<usize>()
                .ok()
                .and_then(|i| choices.get(i))
                .map(|c| c.1.clone());
            change(&|e| e.action.activity = activity.clone());
        });
        html! {
            <div class="field">
                <label class="field__label" for={id.clone()}>{ "Part of a plan activity" }</label>
                <select class="field__select" {id} {onchange}>
                    <option value="" selected={now.action.activity.is_none()}>{ "None" }</option>
                    { for plan_choices.iter().enumerate().map(|(i, (label, r))| html! {
                        <option value={i.to_string()} selected={now.action.activity.as_ref() == Some(r)}>{ label.clone() }</option>
                    }) }
                </select>
            </div>
        }
    };
    let add = {
        let (entry, on_edit, round, redraw) = (
            entry.clone(),
            props.on_edit.clone(),
            round.clone(),
            redraw.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let edit = entry.borrow_mut().keep();
            if let Some(edit) = edit {
                on_edit.emit(edit);
            }
            let count = entry.borrow().count;
            *entry.borrow_mut() = Entry {
                count,
                ..Entry::default()
            };
            round.set(*round + 1);
            redraw.force_update();
        })
    };
    html! {
        <div class="form-grid outcome__entry" key={round.to_string()}>
            { text_box("what", "New action", now.action.what.clone(), |e, v| e.action.what = v) }
            { text_box("owner", "Action owner", now.action.owner.clone(), |e, v| e.action.owner = v) }
            <div class="field">
                <label class="field__label" for={due_id.clone()}>{ "Action due (DD/MM/YYYY)" }</label>
                <KeptBox id={due_id} class="field__input input--short" inputmode="numeric"
                    value={now.due_text.clone()} on_commit={on_due}
                    error_id={due_error.is_some().then(|| AttrValue::from(due_error_id.clone()))} />
                if let Some(problem) = due_error {
                    <p class="field-error" id={due_error_id}>{ problem }</p>
                }
            </div>
            { plan_select }
            <div class="button-row">
                <button type="button" class="button button--secondary" onclick={add}>{ "Add action" }</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_action_is_kept_at_the_first_word_and_changed_in_place_after() {
        let mut e = Entry {
            count: 2,
            ..Entry::default()
        };
        // Nothing typed: nothing to keep.
        assert_eq!(e.keep(), None);
        e.action.what = "Visit".into();
        let first = e.action.clone();
        assert_eq!(e.keep(), Some(OutcomeEdit::AddAction(first.clone())));
        // Unchanged: nothing more.
        assert_eq!(e.keep(), None);
        e.action.owner = "Family finder".into();
        assert_eq!(
            e.keep(),
            Some(OutcomeEdit::EditAction {
                index: 2,
                was: first,
                now: e.action.clone(),
            })
        );
        // Emptied: the action is taken away, and the next word starts a new one.
        let before = e.action.clone();
        e.action = MeetingAction::default();
        assert_eq!(
            e.keep(),
            Some(OutcomeEdit::EditAction {
                index: 2,
                was: before,
                now: MeetingAction::default(),
            })
        );
        assert_eq!(e.kept, None);
    }

    #[test]
    fn the_entry_follows_its_action_when_it_is_changed_elsewhere() {
        let mut e = Entry::default();
        e.action.what = "Book the panel".into();
        e.keep();
        e.action.due = chrono::NaiveDate::from_ymd_opt(2015, 7, 30);
        e.due_text = "30/07/2015".into();
        let dated = e.action.clone();
        e.keep();
        // Undo takes the date back: the entry shows the action as kept.
        let undated = MeetingAction {
            what: "Book the panel".into(),
            ..MeetingAction::default()
        };
        e.follow(std::slice::from_ref(&undated));
        assert_eq!(e.action, undated);
        assert_eq!(e.due_text, "");
        assert_eq!(e.keep(), None);
        // Still where it was: nothing to follow.
        e.follow(std::slice::from_ref(&undated));
        assert_eq!(e.kept, Some((0, undated.clone())));
        // Its adding undone too: the entry keeps it, and the next change adds it again.
        e.action = dated.clone();
        e.follow(&[]);
        assert_eq!(e.action, dated);
        assert!(matches!(e.keep(), Some(OutcomeEdit::EditAction { .. })));
    }

    #[test]
    fn a_date_that_is_not_one_is_said_beside_the_box() {
        assert_eq!(due_problem(""), None);
        assert_eq!(due_problem("10/07/2015"), None);
        assert_eq!(due_problem("2015-07-10"), None);
        assert!(due_problem("32/07/2015")
            .unwrap()
            .starts_with("\u{201c}32/07/2015\u{201d} is not a date"));
    }
}
