//! Which component draws each screen, and which screens arrive after the first.
//!
//! A first visit needs the forecast and nothing else, so in the release build every other
//! screen's code is split out of the main wasm into parts of its own (`scripts/build-wasm`),
//! fetched the first time the screen is opened (and cached by the service worker for offline
//! use). Without the `split` feature (the tests, the native first-screen renderer) every screen
//! is drawn directly, as before.
//!
//! Here rather than beside the list of screens, so that a screen can link to another
//! (`Screen::Plans.href()`) without the list knowing the screens' code.

#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub mod later_screen;

use crate::routes::Screen;
use yew::prelude::*;

/// The component of a screen.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
pub fn view(screen: Screen) -> Html {
    match screen {
        Screen::Records => html! { <crate::records::screen::RecordsScreen /> },
        Screen::Aggregates => html! { <crate::records::yearly_screen::AggregatesScreen /> },
        Screen::Forecast => html! { <crate::forecast::screen::ForecastScreen /> },
        Screen::Tracking => html! { <crate::tracking::screen::TrackingScreen /> },
        Screen::Plans => html! { <crate::plans::screen::PlansScreen /> },
        Screen::Workshop => html! { <crate::workshop::screen::WorkshopScreen /> },
        Screen::Comparators => html! { <crate::comparators::screen::ComparatorsScreen /> },
        Screen::Report => html! { <crate::report::screen::ReportScreen /> },
        Screen::Settings => html! { <crate::settings::screen::SettingsScreen /> },
    }
}

/// The component of a screen: the forecast at once, any other once its part has arrived.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub fn view(screen: Screen) -> Html {
    match screen {
        Screen::Forecast => html! { <crate::forecast::screen::ForecastScreen /> },
        other => html! { <later_screen::LaterScreen screen={other} /> },
    }
}

/// A screen's (or a later panel's, see `crate::ui::later_panel`) part could not be fetched
/// (no network and not yet cached, or a newer version deployed since this page opened, whose
/// parts have other names).
#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(all(feature = "split", target_arch = "wasm32"))]
impl From<wasm_split_helpers::SplitLoaderError> for PartMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Fetches a screen's part (once; later calls find it loaded) and draws the screen.
///
/// Each screen is a split point of its own, named after it, that draws only its own component:
/// the build puts the code only that screen reaches into `split_<name>.wasm`, and the code two
/// or more of them share (but the forecast does not) into shared chunks.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub async fn fetch(screen: Screen) -> Result<Html, PartMissing> {
    use wasm_split_helpers::wasm_split;

    // One split point per later screen: the part named `$part` holds what only `$component`
    // reaches. The splitter finds split points by the functions the attribute writes, so each
    // must be a function of its own.
    macro_rules! split_point {
        ($part:ident => $component:ty) => {
            #[wasm_split($part, fallible)]
            fn $part() -> Result<Html, PartMissing> {
                Ok(html! { <$component /> })
            }
        };
    }
    split_point!(records => crate::records::screen::RecordsScreen);
    split_point!(aggregates => crate::records::yearly_screen::AggregatesScreen);
    split_point!(tracking => crate::tracking::screen::TrackingScreen);
    split_point!(plans => crate::plans::screen::PlansScreen);
    split_point!(workshop => crate::workshop::screen::WorkshopScreen);
    split_point!(comparators => crate::comparators::screen::ComparatorsScreen);
    split_point!(report => crate::report::screen::ReportScreen);
    split_point!(settings => crate::settings::screen::SettingsScreen);

    match screen {
        Screen::Forecast => Ok(html! { <crate::forecast::screen::ForecastScreen /> }),
        Screen::Records => records().await,
        Screen::Aggregates => aggregates().await,
        Screen::Tracking => tracking().await,
        Screen::Plans => plans().await,
        Screen::Workshop => workshop().await,
        Screen::Comparators => comparators().await,
        Screen::Report => report().await,
        Screen::Settings => settings().await,
    }
}
