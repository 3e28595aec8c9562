//! A screen whose code arrives after the first visit's: a "Loading" heading until its part has
//! been fetched (once; after that, and offline once the service worker has cached it, at
//! once), then the screen itself; if the part cannot be fetched, a message and a way to try
//! again, never a broken app.

use super::PartMissing;
use crate::routes::Screen;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`LaterScreen`].
#[derive(Properties, PartialEq)]
pub struct LaterScreenProps {
    /// The screen to draw (never the forecast, which is in the first part).
    pub screen: Screen,
}

/// Draws `screen` once its part has arrived.
#[function_component]
pub fn LaterScreen(props: &LaterScreenProps) -> Html {
    // What arrived, for which screen: a result for an earlier screen is never drawn as this one.
    let arrived = use_state(|| None::<(Screen, Result<Html, PartMissing>)>);
    let attempt = use_state(|| 0_u32);
    // Whether the frame moved focus to the "Loading" heading (the user changed screen): the
    // screen's own heading then takes it when the screen arrives, so a screen reader announces
    // where the user now is. On a page that has just opened, focus stays where it is.
    let heading_had_focus = use_memo((), |_| Rc::new(Cell::new(false)));
    // The screen asked for last: a part that arrives after the user has moved on to another
    // screen must not replace that screen's own result.
    let wanted = use_memo((), |_| Rc::new(Cell::new(props.screen)));
    {
        let arrived = arrived.clone();
        let wanted = wanted.clone();
        use_effect_with((props.screen, *attempt), move |(screen, _)| {
            let screen = *screen;
            wanted.set(screen);
            wasm_bindgen_futures::spawn_local(async move {
                let drawn = super::fetch(screen).await;
                if wanted.get() == screen {
                    arrived.set(Some((screen, drawn)));
                }
            });
        });
    }
    let shown = arrived
        .as_ref()
        .filter(|(screen, _)| *screen == props.screen)
        .map(|(_, drawn)| drawn.clone());
    {
        let heading_had_focus = heading_had_focus.clone();
        let ready = matches!(shown, Some(Ok(_)));
        use_effect_with((props.screen, ready), move |(_, ready)| {
            if *ready && heading_had_focus.replace(false) {
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    crate::ui::browser::focus_heading(&document);
                }
            }
        });
    }
    match shown {
        Some(Ok(screen)) => screen,
        Some(Err(PartMissing)) => {
            let retry = {
                let attempt = attempt.clone();
                let heading_had_focus = heading_had_focus.clone();
                Callback::from(move |_: MouseEvent| {
                    // The button goes when the screen arrives: its heading takes the focus then,
                    // rather than the page's body.
                    heading_had_focus.set(true);
                    attempt.set(*attempt + 1);
                })
            };
            html! {
                <section class="screen">
                    <h1 class="screen__title">{ props.screen.title() }</h1>
                    <div class="notice notice--error" role="alert">
                        <p class="notice__text">
                            { "This screen could not be downloaded: this computer may be offline, \
                               or a newer version of the app may have been put in place since \
                               this page opened. Your data is safe in this browser. Try again, or \
                               reload the page once the network is back." }
                        </p>
                        <button type="button" class="button button--secondary" onclick={retry}>
                            { "Try again" }
                        </button>
                    </div>
                </section>
            }
        }
        None => {
            let onfocus = {
                let heading_had_focus = heading_had_focus.clone();
                Callback::from(move |_: FocusEvent| heading_had_focus.set(true))
            };
            html! {
                <section class="screen" aria-busy="true">
                    <h1 class="screen__title later-screen__loading" {onfocus}>
                        { "Loading\u{2026}" }
                    </h1>
                </section>
            }
        }
    }
}
