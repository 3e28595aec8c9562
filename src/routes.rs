//! The list of screens the navigation offers, and the address of each.

use yew::prelude::*;

/// A screen of the app, reachable from the top navigation and by its address (`#records`),
/// so that a reload or a bookmark comes back to the same screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The children's records, import and export.
    Records,
    /// Published yearly figures for years without child-level data.
    Aggregates,
    /// The forecast dashboard.
    Forecast,
    /// The monthly tracking meeting: the agenda by urgency.
    Tracking,
    /// The action plans.
    Plans,
    /// The impact of delay, for trainers.
    Workshop,
    /// Where our figures stand among other authorities.
    Comparators,
    /// The printable committee report.
    Report,
    /// Authority, as-of date, thresholds, backup and restore.
    Settings,
}

impl Screen {
    /// Every screen, in navigation order.
    pub const ALL: [Screen; 9] = [
        Screen::Records,
        Screen::Aggregates,
        Screen::Forecast,
        Screen::Tracking,
        Screen::Plans,
        Screen::Workshop,
        Screen::Comparators,
        Screen::Report,
        Screen::Settings,
    ];

    /// The name in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Records => "Records",
            Screen::Aggregates => "Yearly figures",
            Screen::Forecast => "Forecast",
            Screen::Tracking => "Tracking meeting",
            Screen::Plans => "Action plans",
            Screen::Workshop => "Workshop",
            Screen::Comparators => "Comparators",
            Screen::Report => "Committee report",
            Screen::Settings => "Settings and backup",
        }
    }

    /// The address fragment, without `#`.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Records => "records",
            Screen::Aggregates => "yearly-figures",
            Screen::Forecast => "forecast",
            Screen::Tracking => "tracking",
            Screen::Plans => "plans",
            Screen::Workshop => "workshop",
            Screen::Comparators => "comparators",
            Screen::Report => "report",
            Screen::Settings => "settings",
        }
    }

    /// The screen named by the page address; the records screen when none is.
    pub fn from_location() -> Screen {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let slug = hash.trim_start_matches('#');
        Screen::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Screen::Records)
    }

    /// Puts the screen in the address without adding a history entry per click.
    pub fn remember_in_location(self) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = format!("#{}", self.slug());
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }

    /// The screen's component.
    pub fn render(self) -> Html {
        match self {
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
}
