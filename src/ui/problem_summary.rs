//! A collapsible list of every problem the engine finds in the stored data, each naming its
//! child or year and its field, with "Error" / "Warning" in words (colour is only a second
//! signal).

use scorecard::Problem;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ProblemSummary`].
#[derive(Properties, PartialEq)]
pub struct ProblemSummaryProps {
    /// What the problems are in ("the records", "the yearly figures").
    pub what: AttrValue,
    /// The problems.
    pub problems: Rc<Vec<Problem>>,
}

/// The problem summary (nothing when there are none).
#[function_component]
pub fn ProblemSummary(props: &ProblemSummaryProps) -> Html {
    if props.problems.is_empty() {
        return Html::default();
    }
    let errors = props.problems.iter().filter(|p| p.is_error()).count();
    let warnings = props.problems.len() - errors;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    html! {
        <details class="details">
            <summary class="details__summary">
                { format!("Problems in {}: {errors} error{}, {warnings} warning{}",
                    props.what, plural(errors), plural(warnings)) }
            </summary>
            <p class="details__text">
                { "Entries with an error are left out of the figures until they are corrected; \
                   entries with a warning are used." }
            </p>
            <ul class="problem-list">
                { for props.problems.iter().map(|p| html! {
                    <li class={if p.is_error() { "problem problem--error" } else { "problem problem--warning" }}>
                        <strong>{ if p.is_error() { "Error: " } else { "Warning: " } }</strong>{ p.to_string() }
                    </li>
                }) }
            </ul>
        </details>
    }
}
