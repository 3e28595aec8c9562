//! The list of screens the navigation offers, and the address of each.

use crate::storage::authorities::View;

/// The view an address chooses (`#/forecast?authority=2`, `?authority=all`), if it names one.
pub fn view_in(hash: &str) -> Option<View> {
    let (_, query) = hash.split_once('?')?;
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("authority="))?;
    match value {
        "all" => Some(View::Agency),
        number => number.parse().ok().map(View::Authority),
    }
}

/// A screen of the app, reachable from the top navigation and by its address
/// (`#/records`), so that back, forward, a reload or a bookmark come back to the same screen.
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

    /// The address fragment, without `#/`.
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

    /// The screen's address, as a link's `href`: `#/forecast`.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The screen an address fragment names: `#/forecast`, or `#forecast` as bookmarks made
    /// before screens had paths were written. `None` for anything else, such as an in-page
    /// anchor, so that following one never changes the screen.
    pub fn from_hash(hash: &str) -> Option<Screen> {
        let path = hash.split_once('?').map_or(hash, |(path, _)| path);
        let slug = path.trim_start_matches('#').trim_start_matches('/');
        Screen::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The screen named by the page address. A bare address opens the forecast: the answer
    /// a manager came for comes first.
    pub fn from_location() -> Screen {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        Screen::from_hash(&hash).unwrap_or(Screen::Forecast)
    }

    /// The address to write over `current_hash` while this screen is shown, if any: the
    /// canonical form of an address that already names this screen (an old-style
    /// `#settings`), or this screen's address where the current one names no screen (a bare
    /// address). Never an address that names another screen: that one is newer than this
    /// screen (the person clicked on, or followed a bookmark, before this screen had settled),
    /// and rewriting it would hide the screen they asked for.
    pub fn settled_address(self, current_hash: &str) -> Option<String> {
        // The view chosen (`?authority=2`) is part of the address and kept as it is.
        let canonical = match current_hash.split_once('?') {
            Some((_, query)) if !query.is_empty() => format!("{}?{query}", self.href()),
            _ => self.href(),
        };
        if current_hash == canonical {
            return None;
        }
        match Screen::from_hash(current_hash) {
            Some(named) if named != self => None,
            _ => Some(canonical),
        }
    }

    /// Writes the screen's canonical address over the current one where
    /// [`Screen::settled_address`] says so, without adding a history entry, so that back still
    /// leaves the app. `replaceState` fires no `hashchange`, which is why it must never touch
    /// an address naming another screen.
    pub fn settle_location(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let current = window.location().hash().unwrap_or_default();
        let Some(address) = self.settled_address(&current) else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    }

    /// The screen's address showing `view` (`#/forecast?authority=2`), for a workspace of
    /// several authorities; the plain address otherwise.
    pub fn href_in(self, view: Option<View>) -> String {
        match view {
            Some(view) => format!("{}?authority={}", self.href(), view.address_value()),
            None => self.href(),
        }
    }

    /// The document title while the screen is shown: the screen first, as a tab or a
    /// screen reader names the page.
    pub fn document_title(self) -> String {
        format!("{} \u{2013} Adoption scorecard forecast", self.title())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_is_found_again_from_its_own_address() {
        for screen in Screen::ALL {
            assert_eq!(Screen::from_hash(&screen.href()), Some(screen));
        }
        assert_eq!(
            Screen::from_hash("#/yearly-figures"),
            Some(Screen::Aggregates)
        );
    }

    #[test]
    fn an_old_style_bookmark_still_opens_its_screen() {
        assert_eq!(Screen::from_hash("#settings"), Some(Screen::Settings));
    }

    #[test]
    fn an_in_page_anchor_or_nonsense_names_no_screen() {
        assert_eq!(Screen::from_hash("#main"), None);
        assert_eq!(Screen::from_hash("#/nowhere"), None);
        assert_eq!(Screen::from_hash(""), None);
    }

    #[test]
    fn a_screen_rewrites_only_its_own_address_or_none() {
        // Its own old-style address becomes the canonical one; a bare address gains it.
        assert_eq!(
            Screen::Settings.settled_address("#settings").as_deref(),
            Some("#/settings")
        );
        assert_eq!(
            Screen::Forecast.settled_address("").as_deref(),
            Some("#/forecast")
        );
        assert_eq!(
            Screen::Forecast.settled_address("#/nowhere").as_deref(),
            Some("#/forecast")
        );
        // Already canonical: nothing to write.
        assert_eq!(Screen::Tracking.settled_address("#/tracking"), None);
        // The address moved on to another screen before this one settled: it is left alone,
        // in either form, so the newer screen is the one shown.
        assert_eq!(Screen::Forecast.settled_address("#/tracking"), None);
        assert_eq!(Screen::Forecast.settled_address("#plans"), None);
    }

    #[test]
    fn the_view_chosen_is_part_of_the_address_and_kept() {
        assert_eq!(
            Screen::from_hash("#/forecast?authority=2"),
            Some(Screen::Forecast)
        );
        assert_eq!(view_in("#/forecast?authority=2"), Some(View::Authority(2)));
        assert_eq!(view_in("#/records?authority=all"), Some(View::Agency));
        assert_eq!(view_in("#/records"), None);
        assert_eq!(view_in("#/records?authority=nobody"), None);
        // Settling the screen's address never drops the view.
        assert_eq!(
            Screen::Forecast
                .settled_address("#forecast?authority=all")
                .as_deref(),
            Some("#/forecast?authority=all")
        );
        assert_eq!(
            Screen::Forecast.settled_address("#/forecast?authority=1"),
            None
        );
        assert_eq!(
            Screen::Forecast.settled_address("#/plans?authority=1"),
            None
        );
        assert_eq!(
            Screen::Plans.href_in(Some(View::Authority(3))),
            "#/plans?authority=3"
        );
    }

    #[test]
    fn the_title_names_the_screen_first() {
        assert_eq!(
            Screen::Tracking.document_title(),
            "Tracking meeting \u{2013} Adoption scorecard forecast"
        );
    }
}
