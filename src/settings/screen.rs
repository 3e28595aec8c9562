//! The settings screen: the authority's name, the as-of date, the threshold schedule, backup
//! and restore, the safety copies, and what the browser says of its storage.

use super::as_of_field::AsOfField;
use super::authorities_panel::AuthoritiesPanel;
use super::backup::BackupPanel;
use super::safety_copies::SafetyCopies;
use super::threshold_table::ThresholdTable;
use super::timescales_table::TimescalesTable;
use crate::context::use_app;
use crate::state::LaterAction;
use crate::ui::text_field::TextField;
use yew::prelude::*;

/// The settings screen.
#[function_component]
pub fn SettingsScreen() -> Html {
    crate::context::use_render_count("SettingsScreen");
    let app = use_app();
    let name = use_state(|| app.document.settings.authority_name.clone());
    {
        let name = name.clone();
        use_effect_with(
            app.document.settings.authority_name.clone(),
            move |stored| {
                if name.trim() != stored.as_str() {
                    name.set(stored.clone());
                }
            },
        );
    }
    let on_name_input = {
        let name = name.clone();
        use_callback((), move |value: String, _| name.set(value))
    };
    let on_name_change = {
        let app = app.clone();
        use_callback((), move |value: String, _| {
            app.dispatch(LaterAction::SetAuthorityName(value))
        })
    };
    let agency = app.view == crate::storage::authorities::View::Agency;
    let (name_label, name_hint) = if agency {
        ("Agency name", "Shown for every authority together")
    } else {
        ("Authority name", "Shown in the header and on reports")
    };
    html! {
        <section class="screen" aria-labelledby="settings-heading">
            <h1 id="settings-heading" class="screen__title">{ "Settings and backup" }</h1>
            <div class="panel">
                <h2 class="panel__title">{ "The authority" }</h2>
                <div class="form-grid">
                    <TextField id="authority-name" label={name_label} value={(*name).clone()}
                        oninput={on_name_input} onchange={on_name_change}
                        hint={name_hint} />
                    <AsOfField />
                </div>
            </div>
            <AuthoritiesPanel />
            <div class="panel">
                <h2 class="panel__title">{ "Threshold schedule" }</h2>
                <ThresholdTable />
            </div>
            <div class="panel">
                <h2 class="panel__title">{ "Tracking meeting timescales" }</h2>
                <TimescalesTable />
            </div>
            <BackupPanel />
            <SafetyCopies />
        </section>
    }
}
