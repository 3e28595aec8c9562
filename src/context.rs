//! How components reach the app's state: the provider's handle, read through these hooks and
//! never by importing the root component.

use crate::state::AppState;
use crate::ui::browser;
use yew::prelude::*;

/// The shared state handle every screen reads and dispatches to.
pub type AppContext = UseReducerHandle<AppState>;

/// The app's state from the nearest provider. Panics only when a component is used outside
/// `<App/>`, which is a programming error.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside <App/>")
}

/// The as-of date in force: the one set in the settings, or today's date.
#[hook]
pub fn use_as_of() -> chrono::NaiveDate {
    let app = use_app();
    app.document.settings.as_of_or(browser::today())
}
