//! The root component: loads the stored document once, shares the state with every screen
//! through a context, saves each change, listens to other tabs, and draws the frame (header,
//! navigation, banners, status messages) around the current screen.

use crate::context::{AppContext, Store};
use crate::records::demo_banner::DemoBanner;
use crate::routes::Screen;
use crate::state::AppState;
use crate::storage::banner::StorageBannerPart;
use crate::storage::clashes::ClashesPart;
use crate::storage::document::Document;
use crate::storage::opening::{self, HandedOver, Opened};
use crate::storage::saver::use_saving;
use crate::ui::later_panel::LaterPanel;
use crate::ui::status::Status;
use crate::ui::update_notice::UpdateNotice;
use std::rc::Rc;
use yew::prelude::*;

/// What the app starts from.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What storage gave, read before the app was drawn (the release build waits for the
    /// reader's part first, see `storage::opening`). Without it the app reads storage itself,
    /// at once, which only a build without the split can do.
    #[prop_or_default]
    pub opened: HandedOver,
}

/// The whole app.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let handed_over = props.opened.clone();
    let state = use_reducer(move || {
        let Opened { loaded, history } = handed_over.take().unwrap_or_else(opening::open_at_once);
        let mut state = AppState::start(loaded, demonstration_document(), history);
        // The view the address names is the first one drawn (a reload or a bookmark).
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if let Some(view) = crate::routes::view_in(&hash) {
            state.view = view;
        }
        state
    });
    use_saving(&state);
    // Equal screens are not redrawn: the address is read again when its listener starts.
    let screen = use_state_eq(Screen::from_location);
    {
        // Links, back and forward, a typed address and a bookmark all change the hash; an
        // anchor that names no screen (a "Skip to content" target) leaves the screen alone.
        let screen = screen.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let follow_address = move || {
                let hash = web_sys::window()
                    .and_then(|w| w.location().hash().ok())
                    .unwrap_or_default();
                // An address without a view (a link between screens) keeps the view shown.
                if let Some(view) = crate::routes::view_in(&hash) {
                    dispatcher.dispatch(crate::state::Action::SetView(view));
                }
                if let Some(next) = Screen::from_hash(&hash) {
                    // Read and rewritten in one step, so never over a newer address; an
                    // old-style address of the screen already shown is settled here too.
                    next.settle_location();
                    screen.set(next);
                }
            };
            let listener = web_sys::window().map(|window| {
                let follow_address = follow_address.clone();
                gloo_events::EventListener::new(&window, "hashchange", move |_| follow_address())
            });
            // The address may have changed between the first drawing (which read it) and
            // this listener starting: a change in that gap fired no event we heard.
            follow_address();
            move || drop(listener)
        });
    }
    {
        // The title names the screen, and after a change of screen focus moves to its
        // heading, so a screen reader announces where the user now is. Not on the first
        // drawing: a page that has just opened starts at the top, as any page does.
        let first = use_mut_ref(|| true);
        use_effect_with(*screen, move |screen| {
            screen.settle_location();
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&screen.document_title());
                if !std::mem::replace(&mut *first.borrow_mut(), false) {
                    crate::ui::browser::focus_heading(&document);
                }
            }
        });
    }
    let skip_to_content = Callback::from(|e: MouseEvent| {
        // The hash is the screen's address: following `#main` would leave it, so focus moves
        // to the content without changing the address.
        e.prevent_default();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            crate::ui::browser::focus_by_id(&document, "main");
        }
    });

    // The view shown: for a workspace of one authority the whole document, as always; for
    // several, one authority's or the agency's, worked out once per change of either.
    let view = state.current_view();
    let several = state.document.settings.has_several();
    let shown = {
        let whole = state.document.clone();
        let one = !several && whole.settings.own_thresholds.is_empty();
        // Keyed on the document itself (compared by identity), which the key keeps alive, so
        // a new document can never be taken for the old one.
        use_memo(
            (crate::forecast::usable::Same(whole), view, one),
            move |(whole, view, one)| {
                if *one {
                    whole.0.clone()
                } else {
                    Rc::new(crate::storage::authorities::project(&whole.0, *view))
                }
            },
        )
    };
    let address_view = several.then_some(view);
    let tabs = Screen::ALL.iter().map(|&tab| {
        let current = *screen == tab;
        html! {
            <li class="tabs__item">
                <a class={classes!("tabs__tab", current.then_some("tabs__tab--current"))}
                    href={tab.href_in(address_view)} aria-current={current.then_some("page")}>
                    { tab.title() }
                </a>
            </li>
        }
    });
    // The demonstration's name says it is not real; the banner below says so already.
    let authority = if state.document.demonstration || several {
        String::new()
    } else {
        state.document.settings.authority_name.clone()
    };

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
        <ContextProvider<Store> context={Store::of(&state, (*shown).clone())}>
            <a class="skip-link" href="#main" onclick={skip_to_content}>{ "Skip to content" }</a>
            <header class="header">
                <div class="header__inner">
                    <span class="header__title">{ "Adoption scorecard forecast" }</span>
                    if !authority.is_empty() {
                        <span class="header__authority">{ authority }</span>
                    }
                    if several {
                        <crate::ui::view_choice::ViewChoice screen={*screen} view={view}
                            settings={Rc::new(state.document.settings.clone())} />
                    }
                </div>
            </header>
            <nav class="tabs" aria-label="Sections">
                <ul class="tabs__list">{ for tabs }</ul>
            </nav>
            <main id="main" class="main" tabindex="-1" data-view={view.address_value()}>
                <UpdateNotice />
                // Only a storage problem fetches the banner's part: a first visit has none.
                if state.saving != crate::state::Saving::On
                    || state.storage_used.and_then(crate::state::storage_warning).is_some()
                {
                    <LaterPanel<StorageBannerPart> panel={StorageBannerPart} />
                }
                // Only a clash fetches the panel's part: a first visit has none.
                if !state.clashes.is_empty() {
                    <LaterPanel<ClashesPart> panel={ClashesPart} />
                }
                <DemoBanner />
                <Status />
                { crate::screens::view(*screen) }
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
