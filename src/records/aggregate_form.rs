//! The form to add or edit one year's published figures, with the engine's checks beside each
//! field.

use crate::ui::text_field::{FieldMessage, TextField};
use scorecard::{validate_aggregate, FinancialYear, Problem, YearAggregate};
use yew::prelude::*;

/// Properties of [`AggregateForm`].
#[derive(Properties, PartialEq)]
pub struct AggregateFormProps {
    /// The entry being edited; `None` to add a year.
    pub editing: Option<YearAggregate>,
    /// Called with the finished figures.
    pub on_save: Callback<YearAggregate>,
    /// Called when the user cancels.
    pub on_cancel: Callback<()>,
}

/// The fields, by CSV column name, with their labels.
const FIELDS: [(&str, &str, &str); 7] = [
    ("year", "Financial year", "For example 2013-14"),
    ("adopted", "Children adopted", "Whole number"),
    (
        "a1_average_days",
        "A1 average (days)",
        "Entered care to moving in",
    ),
    (
        "a2_children",
        "A2 children",
        "Children with a placement order",
    ),
    (
        "a2_average_days",
        "A2 average (days)",
        "Placement order to match; leave empty if not published",
    ),
    (
        "a3_under_14_months",
        "A3: placed within 14 months",
        "Number of children",
    ),
    (
        "a10_average_days",
        "A10 average (days)",
        "Leave empty if not published",
    ),
];

fn texts_of(a: Option<&YearAggregate>) -> Vec<String> {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    match a {
        None => vec![String::new(); FIELDS.len()],
        Some(a) => vec![
            a.year.to_string(),
            a.adopted.to_string(),
            a.a1_average_days.to_string(),
            a.a2_children.to_string(),
            opt(a.a2_average_days),
            a.a3_under_14_months.to_string(),
            opt(a.a10_average_days),
        ],
    }
}

/// Reads the typed texts; problems name the column they belong to.
fn read(texts: &[String]) -> (Option<YearAggregate>, Vec<Problem>) {
    let mut problems = Vec::new();
    let t = |i: usize| texts[i].trim();
    let year = FinancialYear::parse(t(0));
    if year.is_none() {
        problems.push(Problem::error("write the financial year like 2013-14").field("year"));
    }
    let mut count = |i: usize| -> u32 {
        match t(i).parse::<u32>() {
            Ok(n) => n,
            Err(_) => {
                problems.push(Problem::error("enter a whole number").field(FIELDS[i].0));
                0
            }
        }
    };
    let adopted = count(1);
    let a2_children = count(3);
    let a3 = count(5);
    let mut average = |i: usize, required: bool| -> Option<f64> {
        if t(i).is_empty() && !required {
            return None;
        }
        match t(i).parse::<f64>() {
            Ok(v) => Some(v),
            Err(_) => {
                problems.push(
                    Problem::error("enter a number of days, for example 512.5").field(FIELDS[i].0),
                );
                None
            }
        }
    };
    let a1 = average(2, true);
    let a2 = average(4, false);
    let a10 = average(6, false);
    let (Some(year), Some(a1), true) = (year, a1, problems.is_empty()) else {
        return (None, problems);
    };
    let aggregate = YearAggregate {
        authority: 0,
        year,
        adopted,
        a1_average_days: a1,
        a2_children,
        a2_average_days: a2,
        a3_under_14_months: a3,
        a10_average_days: a10,
    };
    let problems = validate_aggregate(&aggregate);
    (Some(aggregate), problems)
}

/// The add / edit form for a year's figures.
#[function_component]
pub fn AggregateForm(props: &AggregateFormProps) -> Html {
    let texts = use_state(|| texts_of(props.editing.as_ref()));
    let tried = use_state(|| false);
    let (aggregate, problems) = read(&texts);
    let blocking = problems.iter().any(Problem::is_error);
    let fields = FIELDS.iter().enumerate().map(|(i, (column, label, hint))| {
        let oninput = {
            let texts = texts.clone();
            Callback::from(move |value: String| {
                let mut next = (*texts).clone();
                next[i] = value;
                texts.set(next);
            })
        };
        let messages: Vec<FieldMessage> = problems
            .iter()
            .filter(|p| *tried && p.field.as_deref() == Some(*column))
            .map(|p| FieldMessage {
                blocking: p.is_error(),
                text: p.message.clone(),
            })
            .collect();
        html! {
            <TextField id={format!("aggregate-{column}")} label={*label} hint={*hint}
                value={texts[i].clone()} {oninput} {messages}
                inputmode={(i > 0).then_some(AttrValue::Static("decimal"))} />
        }
    });
    let onsubmit = {
        let on_save = props.on_save.clone();
        let tried = tried.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match (&aggregate, blocking) {
                (Some(a), false) => on_save.emit(a.clone()),
                _ => tried.set(true),
            }
        })
    };
    let title = match &props.editing {
        Some(a) => format!("Edit the figures for {}", a.year),
        None => "Add a year's figures".to_string(),
    };
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
        <form class="panel panel--form" {onsubmit} {onkeydown} novalidate=true aria-labelledby="aggregate-form-title">
            <h3 id="aggregate-form-title" class="panel__title">{ title }</h3>
            if *tried && blocking {
                <div class="message message--error" role="alert">
                    <strong>{ "Error: " }</strong>{ "fix the problems shown beside the fields, then save again." }
                </div>
            }
            <div class="form-grid">{ for fields }</div>
            <div class="button-row">
                <button type="submit" class="button">{ "Save year" }</button>
                <button type="button" class="button button--secondary" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
