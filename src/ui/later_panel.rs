//! A panel seldom shown whose code, in the release build, is a part of its own: fetched the
//! first time the panel has something to show, so that a first visit, which never shows it,
//! never downloads it. The panel is drawn once its part has arrived (at once after that, and
//! offline once the service worker has cached it); while it comes, nothing is drawn; if it
//! cannot come, a short notice and a way to try again, the rest of the app working on.
//!
//! The wrapper is drawn only when the panel has something to show: drawing it is what fetches
//! the part. Without the `split` feature (the tests, the native renderer) the panel is drawn
//! directly.

use yew::prelude::*;

#[cfg(all(feature = "split", target_arch = "wasm32"))]
use crate::screens::PartMissing;

/// A panel drawn by [`LaterPanel`]: its properties, and how to draw it from them.
pub trait LaterPart: PartialEq + Clone + 'static {
    /// The panel's title, which the notice of a part that could not be fetched names.
    const TITLE: &'static str;

    /// The panel itself.
    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    fn draw(self) -> Html;

    /// The panel, once its part has been fetched: a split point of its own, whose function
    /// draws nothing but the panel's component, so that only what the panel reaches moves
    /// into the part.
    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    fn fetch(self) -> impl std::future::Future<Output = Result<Html, PartMissing>> + 'static;
}

/// Properties of [`LaterPanel`].
#[derive(Properties, PartialEq)]
pub struct LaterPanelProps<P: LaterPart> {
    /// The panel to draw, with its properties.
    pub panel: P,
}

/// Draws the panel directly: every panel is in the one wasm.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
#[function_component]
pub fn LaterPanel<P: LaterPart>(props: &LaterPanelProps<P>) -> Html {
    props.panel.clone().draw()
}

/// Draws the panel once its part has arrived.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[function_component]
pub fn LaterPanel<P: LaterPart>(props: &LaterPanelProps<P>) -> Html {
    use std::cell::Cell;
    use std::rc::Rc;

    let arrived = use_state(|| None::<Result<Html, PartMissing>>);
    let attempt = use_state(|| 0_u32);
    // The number of the last fetch asked for: the panel drawn for properties that have since
    // changed must never replace the one drawn for the newer.
    let asked = use_memo((), |_| Rc::new(Cell::new(0_u64)));
    {
        let arrived = arrived.clone();
        let asked = asked.clone();
        use_effect_with((props.panel.clone(), *attempt), move |(panel, _)| {
            let ticket = asked.get() + 1;
            asked.set(ticket);
            let fetching = panel.clone().fetch();
            wasm_bindgen_futures::spawn_local(async move {
                let drawn = fetching.await;
                if asked.get() == ticket {
                    arrived.set(Some(drawn));
                }
            });
        });
    }
    // Until the panel for new properties arrives (in a moment once the part is here), the
    // last one drawn stays: drawing nothing in between would mount the panel afresh
    // at each change, losing what it keeps between drawings.
    match &*arrived {
        None => Html::default(),
        Some(Ok(panel)) => panel.clone(),
        Some(Err(PartMissing)) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            html! {
                <div class="notice notice--error" role="alert">
                    <p class="notice__text">
                        { format!("The panel \u{201c}{}\u{201d} could not be downloaded: this \
                                   computer may be offline, or a newer version of the app may \
                                   have been put in place since this page opened. Your data is \
                                   safe in this browser. Try again, or reload the page once the \
                                   network is back.", P::TITLE) }
                    </p>
                    <button type="button" class="button button--secondary" onclick={retry}>
                        { "Try again" }
                    </button>
                </div>
            }
        }
    }
}
