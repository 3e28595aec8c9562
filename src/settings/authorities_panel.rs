//! The settings' list of the authorities in the workspace, for a regional adoption agency
//! that serves several, and adding one.

use crate::context::use_app;
use crate::state::{Action, LaterAction};
use crate::ui::text_field::TextField;
use crate::ui::view_choice::authority_label;
use yew::prelude::*;

/// The authorities, each with its children and years of figures, and a field to add one.
#[function_component]
pub fn AuthoritiesPanel() -> Html {
    let app = use_app();
    let new_name = use_state(String::new);
    let on_input = {
        let new_name = new_name.clone();
        Callback::from(move |value: String| new_name.set(value))
    };
    let add = {
        let app = app.clone();
        let new_name = new_name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = new_name.trim().to_string();
            if name.is_empty() {
                app.dispatch(Action::Notify(crate::ui::notice::Notice::error(
                    "Type the new authority's name first.",
                )));
                return;
            }
            if app.whole.settings.authority_named(&name).is_some() {
                app.dispatch(Action::Notify(crate::ui::notice::Notice::error(format!(
                    "There is already an authority called {name}: each needs its own name."
                ))));
                return;
            }
            app.dispatch(LaterAction::AddAuthority(name));
            new_name.set(String::new());
        })
    };
    let whole = &app.whole;
    let rows = whole.settings.authorities().into_iter().map(|(id, name)| {
        let children = whole.records.iter().filter(|c| c.authority == id).count();
        let years = whole
            .aggregates
            .iter()
            .filter(|a| a.authority == id)
            .count();
        let own = if whole.settings.own_thresholds.contains_key(&id) {
            "its own"
        } else {
            "shared"
        };
        html! {
            <tr>
                <th scope="row">{ authority_label(name) }</th>
                <td class="num">{ children }</td>
                <td class="num">{ years }</td>
                <td>{ own }</td>
            </tr>
        }
    });
    html! {
        <div class="panel">
            <h2 class="panel__title">{ "Authorities" }</h2>
            <p class="hint">{ "A regional adoption agency keeps each authority it serves here, \
                each with its own children and yearly figures; the as-of date is shared, and \
                the threshold schedule too unless it is changed while one authority is shown. \
                The choice at the top of every page shows one authority or the agency as a \
                whole. Rename an authority by showing it and changing its name above." }</p>
            <div class="table-wrap">
            <table class="table" id="authorities-table">
                <caption class="visually-hidden">{ "Authorities in this workspace" }</caption>
                <thead><tr>
                    <th scope="col">{ "Authority" }</th>
                    <th scope="col">{ "Children" }</th>
                    <th scope="col">{ "Years of yearly figures" }</th>
                    <th scope="col">{ "Threshold schedule" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
            <form class="form-grid" onsubmit={add}>
                <TextField id="new-authority" label="New authority's name"
                    value={(*new_name).clone()} oninput={on_input} />
                <div class="button-row">
                    <button type="submit" class="button button--secondary">{ "Add authority" }</button>
                </div>
            </form>
        </div>
    }
}
