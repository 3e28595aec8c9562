//! Says, on every screen, when the figures come from the demonstration dataset, and clears it
//! in one click for a manager who wants to enter their own children.

use crate::context::use_app;
use crate::state::Action;
use yew::prelude::*;

/// The "Demonstration data" banner (nothing when the data is the authority's own).
#[function_component]
pub fn DemoBanner() -> Html {
    let app = use_app();
    if !app.document.demonstration {
        return Html::default();
    }
    let clear = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::ClearDemonstrationData))
    };
    let as_of = app
        .document
        .settings
        .as_of
        .map(scorecard::dates::format_uk)
        .unwrap_or_default();
    html! {
        <section class="banner banner--demo" aria-labelledby="demo-heading">
            <h2 id="demo-heading" class="banner__title">{ "Demonstration data" }</h2>
            <p class="banner__text">
                { "These children are made up. They are built to match one authority's published \
                   figures in mid-2015 (about 45 adoptions a year), so the as-of date is set to " }
                <strong>{ as_of }</strong>
                { ". Use them to learn the tool or in training; clear them to enter or import \
                   your own records." }
            </p>
            <button type="button" class="button button--warning" onclick={clear}>
                { "Clear demonstration data" }
            </button>
        </section>
    }
}
