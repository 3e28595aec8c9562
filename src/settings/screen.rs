//! The settings screen: the authority's name, the as-of date, the threshold schedule, and a
//! full backup and restore of everything as one JSON file.

use crate::context::use_app;
use crate::settings::as_of_field::AsOfField;
use crate::settings::threshold_table::ThresholdTable;
use crate::state::Action;
use crate::storage;
use crate::storage::document::Document;
use crate::storage::migrate::read_document;
use crate::ui::browser;
use crate::ui::file_picker::FilePicker;
use crate::ui::notice::{Level, Notice};
use crate::ui::text_field::TextField;
use yew::prelude::*;

/// A backup read from a file, waiting for confirmation.
#[derive(Debug, Clone, PartialEq)]
enum PendingRestore {
    Readable {
        file_name: String,
        document: Box<Document>,
    },
    Unreadable {
        file_name: String,
        reason: String,
    },
}

/// The settings screen.
#[function_component]
pub fn SettingsScreen() -> Html {
    let app = use_app();
    let name = use_state(|| app.document.settings.authority_name.clone());
    let pending = use_state(|| None::<PendingRestore>);
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
        Callback::from(move |value: String| name.set(value))
    };
    let on_name_change = {
        let app = app.clone();
        Callback::from(move |value: String| app.dispatch(Action::SetAuthorityName(value)))
    };
    let backup = {
        let app = app.clone();
        Callback::from(move |_| {
            let notice = match storage::to_json(&app.document) {
                Ok(text) => match browser::download(
                    "adoption-forecast-backup.json",
                    "application/json",
                    &text,
                ) {
                    Ok(()) => Notice::success(
                        "Downloaded a backup of everything: adoption-forecast-backup.json.",
                    ),
                    Err(why) => {
                        Notice::error(format!("The backup could not be downloaded: {why}."))
                    }
                },
                Err(why) => Notice::error(format!("The backup could not be made: {why}.")),
            };
            app.dispatch(Action::Notify(notice));
        })
    };
    let on_backup_file = {
        let pending = pending.clone();
        Callback::from(move |(file_name, text): (String, String)| {
            pending.set(Some(match read_document(&text) {
                Ok(document) => PendingRestore::Readable {
                    file_name,
                    document: Box::new(document),
                },
                Err(reason) => PendingRestore::Unreadable {
                    file_name,
                    reason: reason.to_string(),
                },
            }));
        })
    };
    let confirm_restore = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |_| {
            if let Some(PendingRestore::Readable { document, .. }) = (*pending).clone() {
                app.dispatch(Action::RestoreBackup(*document));
            }
            pending.set(None);
        })
    };
    let cancel_restore = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |_| {
            pending.set(None);
            app.dispatch(Action::Notify(Notice::new(
                Level::Info,
                "Restore cancelled: nothing was changed.",
            )));
        })
    };
    let restore_preview = match &*pending {
        None => Html::default(),
        Some(PendingRestore::Unreadable { file_name, reason }) => html! {
            <section class="panel panel--preview" aria-labelledby="restore-heading">
                <h3 id="restore-heading" class="panel__title">{ format!("Restore: {file_name}") }</h3>
                <p class="message message--error"><strong>{ "Error: " }</strong>
                    { format!("this file cannot be restored because {reason}. Nothing was changed.") }</p>
                <div class="button-row">
                    <button type="button" class="button button--secondary" onclick={cancel_restore.clone()}>{ "Cancel restore" }</button>
                </div>
            </section>
        },
        Some(PendingRestore::Readable {
            file_name,
            document,
        }) => html! {
            <section class="panel panel--preview" aria-labelledby="restore-heading">
                <h3 id="restore-heading" class="panel__title">{ format!("Restore: {file_name}") }</h3>
                <p class="panel__lead">{ "Nothing has changed yet. Restoring replaces everything in this browser with the backup (you can undo it)." }</p>
                <dl class="summary">
                    <div class="summary__row"><dt>{ "Authority" }</dt><dd>{ if document.settings.authority_name.is_empty() { "(no name)".to_string() } else { document.settings.authority_name.clone() } }</dd></div>
                    <div class="summary__row"><dt>{ "Children's records" }</dt><dd>{ document.records.len() }</dd></div>
                    <div class="summary__row"><dt>{ "Yearly figures" }</dt><dd>{ document.aggregates.len() }</dd></div>
                    <div class="summary__row"><dt>{ "Scenarios" }</dt><dd>{ document.scenarios.saved.len() }</dd></div>
                </dl>
                <div class="button-row">
                    <button type="button" class="button" onclick={confirm_restore}>{ "Confirm restore" }</button>
                    <button type="button" class="button button--secondary" onclick={cancel_restore}>{ "Cancel restore" }</button>
                </div>
            </section>
        },
    };

    html! {
        <section class="screen" aria-labelledby="settings-heading">
            <h1 id="settings-heading" class="screen__title">{ "Settings and backup" }</h1>
            <div class="panel">
                <h2 class="panel__title">{ "The authority" }</h2>
                <div class="form-grid">
                    <TextField id="authority-name" label="Authority name" value={(*name).clone()}
                        oninput={on_name_input} onchange={on_name_change}
                        hint="Shown in the header and on reports" />
                    <AsOfField />
                </div>
            </div>
            <div class="panel">
                <h2 class="panel__title">{ "Threshold schedule" }</h2>
                <ThresholdTable />
            </div>
            <div class="panel">
                <h2 class="panel__title">{ "Backup and restore" }</h2>
                <p class="panel__lead">
                    { "Everything (records, yearly figures, settings and scenarios) in one file. Keep a \
                       backup somewhere safe: the data lives only in this browser." }
                </p>
                <div class="actions">
                    <div class="actions__item">
                        <button type="button" class="button" onclick={backup}>{ "Download backup (JSON)" }</button>
                    </div>
                    <div class="actions__item">
                        <FilePicker id="restore-backup" label="Restore from backup" accept=".json,application/json"
                            hint="A backup file downloaded from this app. Nothing changes until you confirm."
                            onload={on_backup_file} />
                    </div>
                </div>
                { restore_preview }
            </div>
        </section>
    }
}
