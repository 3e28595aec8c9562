//! The browser entry point: mounts the app and nothing else, so that every piece of behaviour
//! lives in the library where the wasm-bindgen tests can reach it.

use adoption_forecast::app::{App, AppProps};
use adoption_forecast::storage::{first_screen, opening};

fn main() {
    // What is stored is read before the app is drawn: in the release build its reader may have
    // to arrive first, and until then the answers painted before the wasm stay on screen.
    wasm_bindgen_futures::spawn_local(async {
        let opened = opening::HandedOver::new(opening::open().await);
        // The answers painted before the wasm arrived go in the same turn as the app draws its
        // own (Yew renders in a microtask, before the browser paints again): never both, never
        // neither.
        first_screen::remove_early_paint();
        yew::Renderer::<App>::with_props(AppProps { opened }).render();
    });
}
