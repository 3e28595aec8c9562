//! The page frame's choice of view: one authority, or the agency as a whole.

use crate::routes::Screen;
use crate::storage::authorities::View;
use crate::storage::document::Settings;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the view choice needs.
#[derive(Properties, PartialEq)]
pub struct ViewChoiceProps {
    /// The screen shown, whose address the choice rewrites.
    pub screen: Screen,
    /// The view shown.
    pub view: View,
    /// The workspace's authorities and agency name.
    pub settings: Rc<Settings>,
}

/// A labelled list of the authorities and the agency. Choosing one shows it at once and
/// changes the address (`#/forecast?authority=2`), as following a link would, so that back,
/// a reload and a bookmark keep the choice.
#[function_component]
pub fn ViewChoice(props: &ViewChoiceProps) -> Html {
    let screen = props.screen;
    let app = crate::context::use_app();
    let onchange = Callback::from(move |e: Event| {
        let Some(select) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let Some(view) = crate::routes::view_in(&format!("?authority={}", select.value())) else {
            return;
        };
        // Shown now, not when the address's change event comes (a task later, longer on a
        // busy page): until then the list named one view over another's figures, and a file
        // downloaded or a box typed in meanwhile was the other view's.
        app.dispatch(crate::state::Action::SetView(view));
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&screen.href_in(Some(view)));
        }
    });
    let option = |view: View, name: String| {
        let selected = view == props.view;
        html! {
            <option value={view.address_value()} {selected}>{ name }</option>
        }
    };
    let authorities = props
        .settings
        .authorities()
        .into_iter()
        .map(|(id, name)| option(View::Authority(id), authority_label(name)));
    html! {
        <label class="header__view">
            <span>{ "Showing" }</span>
            <select id="view-choice" class="field__input" {onchange}>
                { option(View::Agency, match props.settings.agency_name.trim() {
                    "" => props.settings.agency_label(),
                    name => format!("{name} (every authority)"),
                }) }
                { for authorities }
            </select>
        </label>
    }
}

/// An authority's name as listed, "(no name)" for one not yet named.
pub fn authority_label(name: &str) -> String {
    match name.trim() {
        "" => "(no name)".to_string(),
        name => name.to_string(),
    }
}
