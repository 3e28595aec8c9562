//! Clashes with another tab, side by side: "Another tab changed C045 at 10:42: keep theirs /
//! keep mine". Only the fields that differ are listed, in the names the CSV uses.

use crate::context::use_app_state;
use crate::state::Action;
use crate::storage::items::Item;
use crate::storage::json_text;
use crate::ui::browser::format_time;
use crate::ui::later_panel::LaterPart;
use std::collections::BTreeMap;
use yew::prelude::*;

/// One item's fields as text, by name. A list item with one entry shows that entry's fields;
/// an item that was deleted shows nothing.
pub fn fields(item: Option<&Item>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    // Through the stored text, cut apart rather than read into JSON values: the app already
    // writes every item as text, and neither a second writer nor a JSON reader need come with
    // the first download for a panel seldom shown (see `json_text`).
    let Some(stored) = item.and_then(|i| serde_json::to_string(i).ok()) else {
        return out;
    };
    // The item's kind wraps its value: {"Children": [...]}.
    let mut value = match json_text::members(&stored) {
        Some(kind) if kind.len() == 1 => kind[0].1,
        _ => stored.as_str(),
    };
    if let Some(list) = json_text::elements(value) {
        if list.len() == 1 {
            value = list[0];
        }
    }
    match json_text::members(value) {
        Some(members) => {
            for (name, field) in members {
                match json_text::members(field) {
                    // The tracking milestones are a group of their own: one row per milestone.
                    Some(group) => {
                        for (name, field) in group {
                            out.insert(readable(&name), text(field));
                        }
                    }
                    None => {
                        out.insert(readable(&name), text(field));
                    }
                }
            }
        }
        None => {
            out.insert("value".into(), text(value));
        }
    }
    out
}

/// A stored field's name as files and screens name it (`ec` is `entered_care`).
fn readable(stored: &str) -> String {
    scorecard::record::STORED_NAMES
        .iter()
        .find(|(short, _)| *short == stored)
        .map_or(stored, |(_, long)| long)
        .to_string()
}

/// A JSON value (as written) as a person reads it.
fn text(value: &str) -> String {
    match value {
        "null" => String::new(),
        "true" => "yes".into(),
        "false" => "no".into(),
        other => match json_text::string(other) {
            Some(s) => match scorecard::dates::parse_date(&s) {
                Some(date) if s.len() == 10 => scorecard::dates::format_uk(date),
                _ => s,
            },
            // A number, or a list, as written.
            None => other.to_string(),
        },
    }
}

/// The clash panel as [`crate::ui::later_panel::LaterPanel`] draws it: in the release build
/// a part of its own (`clashes`), fetched only when there is a clash, which a first visit
/// never has. The panel reads the clashes from the app's state itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ClashesPart;

impl LaterPart for ClashesPart {
    const TITLE: &'static str = "Changed in two places: choose which to keep";

    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    fn draw(self) -> Html {
        html! { <ClashPanel /> }
    }

    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    fn fetch(
        self,
    ) -> impl std::future::Future<Output = Result<Html, crate::screens::PartMissing>> + 'static
    {
        #[wasm_split_helpers::wasm_split(clashes, fallible)]
        fn clashes() -> Result<Html, crate::screens::PartMissing> {
            Ok(html! { <ClashPanel /> })
        }
        clashes()
    }
}

/// The clashes waiting for the user's choice (nothing when there are none).
#[function_component]
pub fn ClashPanel() -> Html {
    let app = use_app_state();
    if app.clashes.is_empty() {
        return Html::default();
    }
    let clashes = app.clashes.iter().enumerate().map(|(index, open)| {
        let clash = &open.clash;
        let what = clash.key.describe(clash.mine.as_ref().or(clash.theirs.as_ref()));
        let when = open
            .their_time
            .as_deref()
            .map(|t| format!(" on {}", format_time(t)))
            .unwrap_or_default();
        let mine = fields(clash.mine.as_ref());
        let theirs = fields(clash.theirs.as_ref());
        let names: std::collections::BTreeSet<&String> = mine.keys().chain(theirs.keys()).collect();
        let blank = String::new();
        let rows = names.into_iter().filter_map(|name| {
            let (m, t) = (mine.get(name).unwrap_or(&blank), theirs.get(name).unwrap_or(&blank));
            (m != t).then(|| html! {
                <tr><th scope="row">{ name.clone() }</th><td>{ t.clone() }</td><td>{ m.clone() }</td></tr>
            })
        });
        let deleted = |side: &Option<Item>| if side.is_none() { "(deleted)" } else { "" };
        let settle = |keep_mine: bool| {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::SettleClash { index, keep_mine }))
        };
        let heading = format!("Another tab changed {what}{when}");
        html! {
            <section class="clash" aria-label={heading.clone()}>
                <h3 class="clash__title">{ heading }</h3>
                <div class="table-wrap">
                <table class="table clash__table">
                    <thead><tr>
                        <th scope="col">{ "Field" }</th>
                        <th scope="col">{ format!("Theirs (in use now) {}", deleted(&clash.theirs)) }</th>
                        <th scope="col">{ format!("Mine {}", deleted(&clash.mine)) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
                <div class="button-row">
                    <button type="button" class="button button--secondary" onclick={settle(false)}>
                        { format!("Keep theirs ({what})") }
                    </button>
                    <button type="button" class="button" onclick={settle(true)}>
                        { format!("Keep mine ({what})") }
                    </button>
                </div>
            </section>
        }
    });
    html! {
        <section class="banner banner--warning" role="region" aria-labelledby="clashes-heading">
            <h2 id="clashes-heading" class="banner__title">
                { "Changed in two places: choose which to keep" }
            </h2>
            <p class="banner__text">
                { "Another tab or window of this app changed the same data as this one. Its version \
                   is in use until you choose; yours is kept here until then." }
            </p>
            { for clashes }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard::ChildRecord;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    #[test]
    fn a_clashing_child_is_listed_by_the_names_files_use_with_uk_dates() {
        let mut child = ChildRecord::new("C045", d(2013, 4, 1));
        child.placed = Some(d(2014, 8, 20));
        let listed = fields(Some(&Item::Children(vec![child])));
        assert_eq!(listed.get("child_id").map(String::as_str), Some("C045"));
        assert_eq!(
            listed.get("entered_care").map(String::as_str),
            Some("01/04/2013")
        );
        assert_eq!(listed.get("placed").map(String::as_str), Some("20/08/2014"));
        // The stored short names never reach the screen.
        assert!(!listed.contains_key("ec"), "{listed:?}");
    }

    #[test]
    fn a_setting_is_one_value_and_a_deleted_item_nothing() {
        let listed = fields(Some(&Item::Flag(true)));
        assert_eq!(listed.get("value").map(String::as_str), Some("yes"));
        assert_eq!(listed.len(), 1);
        assert!(fields(None).is_empty());
    }
}
