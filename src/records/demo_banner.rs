//! Says, on every screen, when the figures come from the demonstration dataset, and clears it
//! (after asking, with a safety copy kept) for a manager who wants to enter their own
//! children.

use crate::context::use_app;
use crate::state::Action;
use crate::storage::safety::keep_then;
use crate::ui::confirm_dialog::ConfirmDialog;
use yew::prelude::*;

/// The "Demonstration data" banner (nothing when the data is the authority's own).
#[function_component]
pub fn DemoBanner() -> Html {
    let app = use_app();
    let asking = use_state(|| false);
    let ask = {
        let asking = asking.clone();
        use_callback((), move |_: MouseEvent, _| asking.set(true))
    };
    // The store is the callback's dependency: the safety copy must be of the data shown now.
    let clear = {
        let asking = asking.clone();
        use_callback(app.clone(), move |_: (), app| {
            asking.set(false);
            keep_then(
                app,
                "before clearing the demonstration data",
                Action::ClearDemonstrationData,
            );
        })
    };
    let cancel = {
        let asking = asking.clone();
        use_callback((), move |_: (), _| asking.set(false))
    };
    // Hooks above, before this early return: Yew needs them called in the same order on
    // every render.
    if !app.document.demonstration {
        return Html::default();
    }
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
            <button type="button" class="button button--warning" onclick={ask}>
                { "Clear demonstration data" }
            </button>
            if *asking {
                <ConfirmDialog id="clear-demonstration"
                    question={format!("Remove the demonstration's {}?", app.document.summary())}
                    detail={AttrValue::from("Your thresholds, scenarios, workshop cohorts and comparators stay. A safety copy is kept first: Settings and backup lists it.")}
                    confirm_label="Clear demonstration data" on_confirm={clear} on_cancel={cancel} />
            }
        </section>
    }
}
