//! The status region: the latest message about what happened, read out by screen readers
//! (an aria-live region that is always in the page, so that changes to it are announced), and
//! the undo button for the last change.

use crate::context::use_app_state;
use crate::state::Action;
use yew::prelude::*;

/// The status messages and the undo button.
#[function_component]
pub fn Status() -> Html {
    let app = use_app_state();
    let undo = {
        let app = app.clone();
        use_callback((), move |_: MouseEvent, _| app.dispatch(Action::Undo))
    };
    let dismiss = {
        let app = app.clone();
        use_callback((), move |_: MouseEvent, _| {
            app.dispatch(Action::DismissNotice)
        })
    };
    let notice = app.notice.as_ref().map(|notice| {
        html! {
            <div class={classes!("notice", notice.level.class())}>
                <p class="notice__text">
                    <strong class="notice__level">{ format!("{}: ", notice.level.word()) }</strong>
                    { &notice.text }
                </p>
                <button type="button" class="button button--link" onclick={dismiss}>
                    { "Dismiss message" }
                </button>
            </div>
        }
    });
    html! {
        <div class="status-bar">
            <div class="status-bar__message" role="status" aria-live="polite">{ for notice }</div>
            if let Some(label) = app.undo_label() {
                <div class="status-bar__undo">
                    <span id="undo-description" class="status-bar__undo-text">
                        { format!("Last change: {label}") }
                    </span>
                    <button type="button" class="button button--secondary" onclick={undo}
                        aria-describedby="undo-description">{ "Undo" }</button>
                </div>
            }
        </div>
    }
}
