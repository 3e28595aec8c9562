//! The browser entry point: mounts the app and nothing else, so that every piece of behaviour
//! lives in the library where the wasm-bindgen tests can reach it.

fn main() {
    // The answers painted before the wasm arrived go in the same turn as the app draws its
    // own (Yew renders in a microtask, before the browser paints again): never both, never
    // neither.
    adoption_forecast::storage::first_screen::remove_early_paint();
    yew::Renderer::<adoption_forecast::app::App>::new().render();
}
