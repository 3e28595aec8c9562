//! The browser entry point: mounts the app and nothing else, so that every piece of behaviour
//! lives in the library where the wasm-bindgen tests can reach it.

fn main() {
    yew::Renderer::<adoption_forecast::app::App>::new().render();
}
