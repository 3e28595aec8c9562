//! The root component: loads the stored document once, shares the state with every screen
//! through a context, saves each change, listens to other tabs, and draws the frame (header,
//! navigation, banners, status messages) around the current screen.

use crate::context::{AppContext, Store};
use crate::records::demo_banner::DemoBanner;
use crate::routes::Screen;
use crate::state::AppState;
use crate::storage;
use crate::storage::banner::StorageBanner;
use crate::storage::clashes::ClashPanel;
use crate::storage::document::Document;
use crate::storage::saver::use_saving;
use crate::ui::status::Status;
use yew::prelude::*;

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        AppState::start(
            storage::load(),
            demonstration_document(),
            storage::load_history(),
        )
    });
    use_saving(&state);
    let screen = use_state(Screen::from_location);
    {
        // An address typed or a bookmark followed (#settings) opens that screen.
        let screen = screen.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    screen.set(Screen::from_location())
                })
            });
            move || drop(listener)
        });
    }

    let tabs = Screen::ALL.iter().map(|&tab| {
        let current = *screen == tab;
        let onclick = {
            let screen = screen.clone();
            Callback::from(move |_| {
                tab.remember_in_location();
                screen.set(tab);
            })
        };
        html! {
            <li class="tabs__item">
                <button type="button" class={classes!("tabs__tab", current.then_some("tabs__tab--current"))}
                    aria-current={current.then_some("page")} {onclick}>
                    { tab.title() }
                </button>
            </li>
        }
    });
    // The demonstration's name says it is not real; the banner below says so already.
    let authority = if state.document.demonstration {
        String::new()
    } else {
        state.document.settings.authority_name.clone()
    };

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
        <ContextProvider<Store> context={Store::of(&state)}>
            <a class="skip-link" href="#main">{ "Skip to main content" }</a>
            <header class="header">
                <div class="header__inner">
                    <span class="header__title">{ "Adoption scorecard forecast" }</span>
                    if !authority.is_empty() {
                        <span class="header__authority">{ authority }</span>
                    }
                </div>
            </header>
            <nav class="tabs" aria-label="Sections">
                <ul class="tabs__list">{ for tabs }</ul>
            </nav>
            <main id="main" class="main" tabindex="-1">
                <StorageBanner />
                <ClashPanel />
                <DemoBanner />
                <Status />
                { screen.render() }
            </main>
            <footer class="footer">
                <p>{ "Your data stays in this browser. Nothing is sent over the network; \
                       download a backup to keep a copy or move it to another computer." }</p>
            </footer>
        </ContextProvider<Store>>
        </ContextProvider<AppContext>>
    }
}

/// The dataset a new user sees first.
pub fn demonstration_document() -> Document {
    crate::storage::document::demonstration()
}
