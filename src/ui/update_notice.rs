//! "A new version is ready - reload": shown when the service worker has downloaded a newer
//! build, so that the app never switches version under a manager in the middle of a meeting.
//! Reloading is the user's choice; pending changes are saved as the page is left.

use gloo_events::EventListener;
use yew::prelude::*;

/// The event `offline.js` fires on the window when a new version is waiting.
const READY: &str = "adoption-forecast:update-ready";
/// The event the app fires to ask `offline.js` to switch to the waiting version and reload.
const RELOAD: &str = "adoption-forecast:reload";

/// Whether `offline.js` found a waiting version before the app started.
fn marked_ready() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-update-ready"))
        .is_some()
}

/// The notice, when a new version is ready.
#[function_component]
pub fn UpdateNotice() -> Html {
    let ready = use_state(marked_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|window| EventListener::new(&window, READY, move |_| ready.set(true)));
            move || drop(listener)
        });
    }
    if !*ready {
        return Html::default();
    }
    let reload = Callback::from(|_: MouseEvent| {
        let Some(window) = web_sys::window() else {
            return;
        };
        match web_sys::Event::new(RELOAD) {
            Ok(event) => {
                let _ = window.dispatch_event(&event);
            }
            // Without the event, a plain reload still brings the new version next time.
            Err(_) => {
                let _ = window.location().reload();
            }
        }
    });
    html! {
        <div class="banner banner--update" role="status">
            <p class="banner__text">
                { "A new version is ready - " }
                <button type="button" class="button button--small" onclick={reload}>{ "reload" }</button>
            </p>
        </div>
    }
}
