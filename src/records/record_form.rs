//! The form to add or edit one child, with the engine's validation shown beside each field as
//! the user types. A record with errors cannot be saved; one with warnings can.

use crate::ui::text_field::{FieldMessage, TextField};
use scorecard::dates::{format_uk, parse_date};
use scorecard::{validate_child, ChildRecord, Field, Problem};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RecordForm`].
#[derive(Properties, PartialEq)]
pub struct RecordFormProps {
    /// The record being edited; `None` to add a new child.
    pub editing: Option<ChildRecord>,
    /// The case references already in use (the edited record's own included).
    pub taken_ids: Rc<BTreeSet<String>>,
    /// Called with the finished record.
    pub on_save: Callback<ChildRecord>,
    /// Called when the user cancels.
    pub on_cancel: Callback<()>,
}

/// What the user has typed, before it is a record.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    child_id: String,
    family_finder: String,
    dates: Vec<(Field, String)>,
    foster_carer_adoption: bool,
}

impl Draft {
    fn of(record: Option<&ChildRecord>) -> Draft {
        Draft {
            child_id: record.map(|r| r.child_id.clone()).unwrap_or_default(),
            family_finder: record
                .map(|r| r.tracking.family_finder.clone())
                .unwrap_or_default(),
            dates: Field::DATES
                .iter()
                .map(|&f| {
                    let text = record
                        .and_then(|r| r.date(f))
                        .map(format_uk)
                        .unwrap_or_default();
                    (f, text)
                })
                .collect(),
            foster_carer_adoption: record.is_some_and(|r| r.foster_carer_adoption),
        }
    }

    fn text(&self, field: Field) -> &str {
        self.dates
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, t)| t.as_str())
            .unwrap_or("")
    }

    /// The record, or the fields that cannot be read yet; then the engine's problems.
    fn check(&self, original_id: Option<&str>, taken: &BTreeSet<String>) -> Checked {
        let mut record = ChildRecord::new(self.child_id.trim(), chrono::NaiveDate::MIN);
        record.foster_carer_adoption = self.foster_carer_adoption;
        record.tracking.family_finder = self.family_finder.trim().to_string();
        let mut problems = Vec::new();
        for (field, text) in &self.dates {
            let text = text.trim();
            if text.is_empty() {
                if *field == Field::EnteredCare {
                    problems.push(
                        Problem::error("enter the date the child entered care")
                            .field(field.column()),
                    );
                }
                continue;
            }
            match parse_date(text) {
                Some(date) => record.set_date(*field, Some(date)),
                None => problems.push(
                    Problem::error(format!(
                        "\"{text}\" is not a date: write it as DD/MM/YYYY, for example 01/04/2015"
                    ))
                    .field(field.column()),
                ),
            }
        }
        let id = record.child_id.as_str();
        if !id.is_empty() && Some(id) != original_id && taken.contains(id) {
            problems.push(
                Problem::error(format!("another child already has the case reference {id}"))
                    .field(Field::ChildId.column()),
            );
        }
        // The engine checks the dates that can be read while others are still being typed,
        // so that "moved in before entering care" shows as soon as both dates are there;
        // without an entered-care date its checks would all be about that.
        let entered = record.entered_care != chrono::NaiveDate::MIN;
        let typing = problems.len();
        if entered {
            problems.extend(validate_child(&record));
        }
        Checked {
            record,
            problems,
            typing,
        }
    }
}

struct Checked {
    record: ChildRecord,
    /// The form's own problems (unreadable or missing dates, a reference in use), then the
    /// engine's.
    problems: Vec<Problem>,
    /// How many of `problems` are the form's own: shown only once the user left the field,
    /// so that a half-typed date is not called wrong.
    typing: usize,
}

/// The add / edit form.
#[function_component]
pub fn RecordForm(props: &RecordFormProps) -> Html {
    let draft = use_state(|| Draft::of(props.editing.as_ref()));
    let heading = use_node_ref();
    {
        // The form opens above a possibly long table: move keyboard and screen-reader focus
        // (and the view) to it, so that nobody has to search for what they just opened.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let tried_to_save = use_state(|| false);
    let touched = use_state(BTreeSet::<Field>::new);
    let original_id = props.editing.as_ref().map(|r| r.child_id.clone());
    let checked = draft.check(original_id.as_deref(), &props.taken_ids);
    let blocking = checked.problems.iter().any(Problem::is_error);

    let has_text = |field: Field| match field {
        Field::ChildId => !draft.child_id.trim().is_empty(),
        other => !draft.text(other).trim().is_empty(),
    };
    let messages_for = |field: Field| -> Vec<FieldMessage> {
        let left = *tried_to_save || touched.contains(&field);
        checked
            .problems
            .iter()
            .enumerate()
            .filter(|(i, _)| left || (*i >= checked.typing && has_text(field)))
            .map(|(_, p)| p)
            .filter(|p| p.field.as_deref() == Some(field.column()))
            .map(|p| FieldMessage {
                blocking: p.is_error(),
                text: p.message.clone(),
            })
            .collect()
    };
    let general: Vec<&Problem> = checked
        .problems
        .iter()
        .filter(|p| {
            p.field
                .as_deref()
                .is_none_or(|f| Field::ALL.iter().all(|x| x.column() != f))
        })
        .collect();

    let touch = |field: Field| {
        let touched = touched.clone();
        Callback::from(move |_: String| {
            let mut set = (*touched).clone();
            if set.insert(field) {
                touched.set(set);
            }
        })
    };
    let date_field = |field: Field| {
        let on_input = {
            let draft = draft.clone();
            Callback::from(move |text: String| {
                let mut next = (*draft).clone();
                if let Some(slot) = next.dates.iter_mut().find(|(f, _)| *f == field) {
                    slot.1 = text;
                }
                draft.set(next);
            })
        };
        html! {
            <TextField id={format!("record-{}", field.column())} label={label_of(field)}
                value={draft.text(field).to_string()} oninput={on_input} onchange={touch(field)}
                hint={format!("DD/MM/YYYY ({})", field.column())} messages={messages_for(field)}
                class="field__input--date" />
        }
    };
    let on_child_id = {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            next.child_id = text;
            draft.set(next);
        })
    };
    let on_family_finder = {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            next.family_finder = text;
            draft.set(next);
        })
    };
    let on_foster = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*draft).clone();
            next.foster_carer_adoption = input.checked();
            draft.set(next);
        })
    };
    let onsubmit = {
        let on_save = props.on_save.clone();
        let record = checked.record.clone();
        let tried_to_save = tried_to_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if blocking {
                tried_to_save.set(true);
            } else {
                on_save.emit(record.clone());
            }
        })
    };
    let cancel = props.on_cancel.reform(|_| ());
    let title = match &props.editing {
        Some(r) => format!("Edit child {}", r.child_id),
        None => "Add a child".to_string(),
    };
    let error_count = checked.problems.iter().filter(|p| p.is_error()).count();

    // Escape leaves the form without saving, as it would a dialog.
    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_cancel.emit(());
            }
        })
    };
    html! {
        <form class="panel panel--form" {onsubmit} {onkeydown} novalidate=true aria-labelledby="record-form-title">
            <h3 id="record-form-title" class="panel__title" tabindex="-1" ref={heading}>{ title }</h3>
            if *tried_to_save && blocking {
                <div class="message message--error" role="alert">
                    <strong>{ "Error: " }</strong>
                    { format!("this record has {error_count} problem{} to fix before it can be saved; each is shown beside its field.",
                        if error_count == 1 { "" } else { "s" }) }
                </div>
            }
            if !general.is_empty() && *tried_to_save {
                <ul class="problem-list">
                    { for general.iter().map(|p| html! { <li class="problem">{ p.to_string() }</li> }) }
                </ul>
            }
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "The child" }</legend>
                <div class="form-grid">
                    <TextField id="record-child_id" label="Case reference (child_id)" value={draft.child_id.clone()}
                        oninput={on_child_id} onchange={touch(Field::ChildId)}
                        hint={"The reference in your case-management system, never a name"}
                        messages={messages_for(Field::ChildId)} />
                    { date_field(Field::EnteredCare) }
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Route to adoption (leave a date empty if it has not happened yet)" }</legend>
                <div class="form-grid">
                    { date_field(Field::ShobpaDecision) }
                    { date_field(Field::PlacementOrder) }
                    { date_field(Field::Matched) }
                    { date_field(Field::Placed) }
                    { date_field(Field::AdoptionOrder) }
                    { date_field(Field::LeftRoute) }
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Adoption by the child's foster carers" }</legend>
                <div class="form-grid">
                    <div class="choice choice--checkbox">
                        <input class="choice__input" type="checkbox" id="record-foster_carer_adoption"
                            checked={draft.foster_carer_adoption} onchange={on_foster} />
                        <label class="choice__label" for="record-foster_carer_adoption">
                            { "Adopted by their foster carers (foster_carer_adoption)" }
                        </label>
                    </div>
                    { date_field(Field::FosterPlacementStart) }
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Expected dates, used by the forecast until the real ones are known" }</legend>
                <div class="form-grid">
                    { date_field(Field::ExpectedMatch) }
                    { date_field(Field::ExpectedPlaced) }
                    { date_field(Field::ExpectedAdoptionOrder) }
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{ "Milestones the tracking meeting follows (they do not change the figures)" }</legend>
                <div class="form-grid">
                    <TextField id="record-family_finder" label="Family finder" value={draft.family_finder.clone()}
                        oninput={on_family_finder.clone()} onchange={on_family_finder}
                        hint="Who is finding this child a family (family_finder)" />
                    { for Field::TRACKING.into_iter().map(date_field) }
                </div>
            </fieldset>
            <div class="button-row">
                <button type="submit" class="button">{ "Save record" }</button>
                <button type="button" class="button button--secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// A date field's label: the engine's words, except that no label contains another, so that
/// each is found by its own name ("Placed" is not part of "Expected moving-in date").
fn label_of(field: Field) -> String {
    match field {
        Field::ExpectedMatch => "Expected match date".into(),
        Field::ExpectedPlaced => "Expected moving-in date".into(),
        Field::ExpectedAdoptionOrder => "Expected order date".into(),
        // No label may contain another ("Adoption order" is a field of its own).
        Field::AoApplication => "Court application for the order".into(),
        other => sentence(other.label()),
    }
}

/// "placement order" -> "Placement order"; the engine's labels keep "SHOBPA" in capitals.
fn sentence(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
