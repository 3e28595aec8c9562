//! The trainer's form for a made-up cohort: how many children, when they entered care and how
//! long each stage takes. It builds a separate dataset; the authority's records are never
//! touched.

use super::life_panel::parse_age_months;
use crate::storage::document::MadeUpCohort;
use scorecard::dates::{format_uk, parse_date};
use scorecard::CohortTemplate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The form's fields: id, label, and how to read and write the template's value.
struct NumberField {
    id: &'static str,
    label: &'static str,
    get: fn(&CohortTemplate) -> u32,
    set: fn(&mut CohortTemplate, u32),
}

const FIELDS: [NumberField; 8] = [
    NumberField {
        id: "cohort-children",
        label: "Number of children",
        get: |t| t.children,
        set: |t, v| t.children = v,
    },
    NumberField {
        id: "cohort-spacing",
        label: "Days between one child entering care and the next",
        get: |t| t.spacing_days,
        set: |t, v| t.spacing_days = v,
    },
    NumberField {
        id: "cohort-decision",
        label: "Entered care to SHOBPA decision (days)",
        get: |t| t.entered_care_to_decision_days,
        set: |t, v| t.entered_care_to_decision_days = v,
    },
    NumberField {
        id: "cohort-order",
        label: "SHOBPA decision to placement order (days)",
        get: |t| t.decision_to_placement_order_days,
        set: |t, v| t.decision_to_placement_order_days = v,
    },
    NumberField {
        id: "cohort-match",
        label: "Placement order to match (days)",
        get: |t| t.placement_order_to_match_days,
        set: |t, v| t.placement_order_to_match_days = v,
    },
    NumberField {
        id: "cohort-placed",
        label: "Match to moving in (days)",
        get: |t| t.match_to_placed_days,
        set: |t, v| t.match_to_placed_days = v,
    },
    NumberField {
        id: "cohort-adoption-order",
        label: "Moving in to adoption order (days)",
        get: |t| t.placed_to_adoption_order_days,
        set: |t, v| t.placed_to_adoption_order_days = v,
    },
    NumberField {
        id: "cohort-age",
        label: "Age of each child on entering care (months)",
        get: |t| t.age_at_entry_months,
        set: |t, v| t.age_at_entry_months = v,
    },
];

/// Properties of [`CohortBuilder`].
#[derive(Properties, PartialEq)]
pub struct CohortBuilderProps {
    /// Called with the cohort once its template builds.
    pub on_build: Callback<MadeUpCohort>,
}

/// What is wrong with the form: the id of the box at fault (when one is), and why.
type Problem = (Option<&'static str>, String);

/// Reads the form's texts into a cohort, or says what is wrong and where.
fn read(name: &str, first: &str, numbers: &[String]) -> Result<MadeUpCohort, Problem> {
    let name = name.trim();
    if name.is_empty() {
        return Err((Some("cohort-name"), "Give the cohort a name.".into()));
    }
    let mut template = CohortTemplate {
        first_entered_care: parse_date(first).ok_or_else(|| {
            (
                Some("cohort-first"),
                format!("'{first}' is not a date; write it as DD/MM/YYYY."),
            )
        })?,
        ..CohortTemplate::default()
    };
    for (field, text) in FIELDS.iter().zip(numbers) {
        let value = if field.id == "cohort-age" {
            parse_age_months(text).map_err(|why| (Some(field.id), why))?
        } else {
            text.trim().parse::<u32>().map_err(|_| {
                (
                    Some(field.id),
                    format!(
                        "{}: '{}' is not a whole number of 0 or more.",
                        field.label,
                        text.trim()
                    ),
                )
            })?
        };
        (field.set)(&mut template, value);
    }
    if template.children == 0 {
        return Err((
            Some("cohort-children"),
            "A cohort needs at least one child.".into(),
        ));
    }
    template
        .build(None)
        .map_err(|e| (None, format!("{}.", capitalise(&e.to_string()))))?;
    Ok(MadeUpCohort {
        name: name.to_string(),
        template,
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The made-up cohort form.
#[function_component]
pub fn CohortBuilder(props: &CohortBuilderProps) -> Html {
    let defaults = CohortTemplate::default();
    // The texts typed are kept in cells, not state: each change must see the one before it
    // even when two come before a re-render, and nothing is shown from them but the inputs.
    let name = use_mut_ref(|| "Ten children".to_string());
    let first = use_mut_ref(|| format_uk(defaults.first_entered_care));
    let numbers = use_mut_ref(|| {
        FIELDS
            .iter()
            .map(|f| (f.get)(&defaults).to_string())
            .collect::<Vec<_>>()
    });
    let error = use_state(|| None::<Problem>);

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: Event| {
            *name.borrow_mut() = e.target_unchecked_into::<HtmlInputElement>().value()
        })
    };
    let on_first = {
        let first = first.clone();
        Callback::from(move |e: Event| {
            *first.borrow_mut() = e.target_unchecked_into::<HtmlInputElement>().value()
        })
    };
    let on_submit = {
        let (name, first, numbers, error) =
            (name.clone(), first.clone(), numbers.clone(), error.clone());
        let on_build = props.on_build.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let outcome = read(&name.borrow(), &first.borrow(), &numbers.borrow());
            match outcome {
                Ok(cohort) => {
                    error.set(None);
                    on_build.emit(cohort);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };

    let at_fault = |id: &str| matches!(&*error, Some((Some(at), _)) if *at == id);
    let beside = |id: &str| -> Html {
        match &*error {
            Some((Some(at), why)) if *at == id => html! {
                <span class="field-error field-error--inline" role="alert" id="cohort-error">{ why.clone() }</span>
            },
            _ => Html::default(),
        }
    };
    html! {
        <section class="panel workshop-builder" aria-labelledby="workshop-builder-heading">
            <h2 id="workshop-builder-heading">{ "Build a made-up cohort" }</h2>
            <p class="panel__lead">{ "Every child follows the same stage durations, so one child's delay stands out. The cohort is kept apart from your records and never changes them." }</p>
            <form class="workshop-builder__form" onsubmit={on_submit} novalidate=true>
                <div class="field">
                    <label class="field__label" for="cohort-name">{ "Cohort name" }</label>
                    <input class="field__input" id="cohort-name" type="text" value={name.borrow().clone()} onchange={on_name}
                        aria-invalid={at_fault("cohort-name").then_some("true")}
                        aria-describedby={at_fault("cohort-name").then_some("cohort-error")} />
                    { beside("cohort-name") }
                </div>
                <div class="field">
                    <label class="field__label" for="cohort-first">{ "First child entered care" }</label>
                    <input class="field__input field__input--date" id="cohort-first" type="text" inputmode="numeric"
                        aria-invalid={at_fault("cohort-first").then_some("true")}
                        aria-describedby={if at_fault("cohort-first") { "cohort-error cohort-first-hint" } else { "cohort-first-hint" }}
                        value={first.borrow().clone()} onchange={on_first} />
                    <span class="field__hint" id="cohort-first-hint">{ "DD/MM/YYYY" }</span>
                    { beside("cohort-first") }
                </div>
                { for FIELDS.iter().enumerate().map(|(i, field)| {
                    let handle = numbers.clone();
                    let onchange = Callback::from(move |e: Event| {
                        if let Some(slot) = handle.borrow_mut().get_mut(i) {
                            *slot = e.target_unchecked_into::<HtmlInputElement>().value();
                        }
                    });
                    // Text, not a number box: a number box would turn "6.5" or "-3" into
                    // nothing before the form could say what is wrong with it.
                    html! {
                        <div class="field">
                            <label class="field__label" for={field.id}>{ field.label }</label>
                            <input class="field__input field__input--short" id={field.id} type="text"
                                inputmode="numeric" value={numbers.borrow().get(i).cloned().unwrap_or_default()} {onchange}
                                aria-invalid={at_fault(field.id).then_some("true")}
                                aria-describedby={at_fault(field.id).then_some("cohort-error")} />
                            { beside(field.id) }
                        </div>
                    }
                }) }
                if let Some((None, why)) = &*error {
                    <p class="field-error" role="alert" id="cohort-error">{ why.clone() }</p>
                }
                <div class="button-row">
                    <button type="submit" class="button">{ "Build made-up cohort" }</button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form's default numbers, with the age (the last field) as `age`.
    fn numbers(age: &str) -> Vec<String> {
        let defaults = CohortTemplate::default();
        let mut out: Vec<String> = FIELDS
            .iter()
            .map(|f| (f.get)(&defaults).to_string())
            .collect();
        out[7] = age.to_string();
        out
    }

    #[test]
    fn an_age_that_cannot_be_one_is_refused_beside_the_age_box() {
        for age in ["6.5", "", "-3", "300"] {
            let (at, why) = read("Ten", "01/04/2013", &numbers(age)).unwrap_err();
            assert_eq!(at, Some("cohort-age"), "{age}: {why}");
        }
        let built = read("Ten", "01/04/2013", &numbers("6")).unwrap();
        assert_eq!(built.template.age_at_entry_months, 6);
        let (at, _) = read("Ten", "31/02/2013", &numbers("6")).unwrap_err();
        assert_eq!(at, Some("cohort-first"));
    }
}
