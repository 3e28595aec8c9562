//! Says, on every screen, when the figures come from the demonstration dataset, and clears it
//! (after asking, with a safety copy kept) for a manager who wants to enter their own
//! children.

use crate::context::use_app;
use crate::state::Action;
use crate::storage::safety::keep_then;
use crate::ui::confirm_dialog::ConfirmDialog;
use yew::prelude::*;

/// The "Demonstration data" banner (nothing when the data is the authority's own): one line,
/// which a trainer can put away for the session; the header then keeps a short reminder.
#[function_component]
pub fn DemoBanner() -> Html {
    let app = use_app();
    let asking = use_state(|| false);
    let hidden = use_state(crate::storage::demo_banner_hidden);
    let hide = {
        let hidden = hidden.clone();
        use_callback((), move |_: MouseEvent, _| {
            crate::storage::hide_demo_banner();
            hidden.set(true);
        })
    };
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
    if *hidden {
        return html! {
            <p class="demo-reminder">
                <strong>{ "Demonstration data" }</strong>{ format!(": made-up children, as of {as_of}.") }
            </p>
        };
    }
    html! {
        <section class="banner banner--demo" aria-labelledby="demo-heading">
            <h2 id="demo-heading" class="banner__title">{ "Demonstration data" }</h2>
            <p class="banner__text">
                { "Made-up children matching one authority's 2015 figures, as of " }
                <strong>{ as_of }</strong>{ "." }
            </p>
            <div class="banner__actions">
                <button type="button" class="button button--warning button--small" onclick={ask}>
                    { "Clear demonstration data" }
                </button>
                <button type="button" class="button button--secondary button--small" onclick={hide}>
                    { "Hide for this session" }
                </button>
            </div>
            if *asking {
                <ConfirmDialog id="clear-demonstration"
                    question={format!("Remove the demonstration's {}?", app.document.summary())}
                    detail={AttrValue::from("Your thresholds, scenarios, workshop cohorts and comparators stay. A safety copy is kept first: Settings and backup lists it.")}
                    confirm_label="Clear demonstration data" on_confirm={clear} on_cancel={cancel} />
            }
        </section>
    }
}
