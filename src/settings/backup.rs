//! Backup and restore: everything in one JSON file, and a restore that asks first and keeps a
//! safety copy of what it replaces.

use crate::context::use_app;
use crate::state::{Action, LaterAction};
use crate::storage;
use crate::storage::document::Document;
use crate::storage::migrate::read_document;
use crate::storage::safety::keep_then;
use crate::ui::browser;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::file_picker::FilePicker;
use crate::ui::notice::{Level, Notice};
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

/// Offers everything in `document` as a backup file, and says how it went.
pub fn download_backup(document: &crate::storage::document::Document) -> Notice {
    match storage::to_json(document) {
        Ok(text) => {
            match browser::download("adoption-forecast-backup.json", "application/json", &text) {
                Ok(()) => Notice::success(
                    "Downloaded a backup of everything: adoption-forecast-backup.json.",
                ),
                Err(why) => Notice::error(format!("The backup could not be downloaded: {why}.")),
            }
        }
        Err(why) => Notice::error(format!("The backup could not be made: {why}.")),
    }
}

/// The backup and restore panel.
#[function_component]
pub fn BackupPanel() -> Html {
    let app = use_app();
    let pending = use_state(|| None::<PendingRestore>);
    let asking = use_state(|| false);
    // Callbacks that read the document depend on the store, so that they see the data shown.
    let backup = {
        use_callback(app.clone(), move |_: MouseEvent, app| {
            app.dispatch(Action::Notify(download_backup(&app.whole)));
        })
    };
    let on_backup_file = {
        let pending = pending.clone();
        use_callback((), move |(file_name, text): (String, String), _| {
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
    let ask = {
        let asking = asking.clone();
        use_callback((), move |_: MouseEvent, _| asking.set(true))
    };
    let confirm_restore = {
        let (pending, asking) = (pending.clone(), asking.clone());
        use_callback(app.clone(), move |_: (), app| {
            asking.set(false);
            if let Some(PendingRestore::Readable {
                document,
                file_name,
            }) = (*pending).clone()
            {
                let reason = format!("before restoring {file_name}");
                keep_then(app, &reason, LaterAction::RestoreBackup(*document));
            }
            pending.set(None);
        })
    };
    let keep_asking_off = {
        let asking = asking.clone();
        use_callback((), move |_: (), _| asking.set(false))
    };
    let cancel_restore = {
        let (pending, app) = (pending.clone(), app.clone());
        use_callback((), move |_: MouseEvent, _| {
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
                <p class="panel__lead">{ "Nothing has changed yet. Restoring replaces everything in this browser with the backup; a safety copy of what is here now is kept first." }</p>
                <dl class="summary">
                    <div class="summary__row"><dt>{ "Authority" }</dt><dd>{ if document.settings.authority_name.is_empty() { "(no name)".to_string() } else { document.settings.authority_name.clone() } }</dd></div>
                    <div class="summary__row"><dt>{ "Children's records" }</dt><dd>{ document.records.len() }</dd></div>
                    <div class="summary__row"><dt>{ "Yearly figures" }</dt><dd>{ document.aggregates.len() }</dd></div>
                    <div class="summary__row"><dt>{ "Scenarios" }</dt><dd>{ document.scenarios.saved.len() }</dd></div>
                </dl>
                <div class="button-row">
                    <button type="button" class="button" onclick={ask}>{ "Confirm restore" }</button>
                    <button type="button" class="button button--secondary" onclick={cancel_restore}>{ "Cancel restore" }</button>
                </div>
                if *asking {
                    <ConfirmDialog id="restore-backup-question"
                        question={format!("Replace {} with the backup {file_name} ({})?", app.whole.summary(), document.summary())}
                        detail={AttrValue::from("A safety copy of the data now in this browser is kept first: it is listed below, with \"Restore this copy\".")}
                        confirm_label="Restore the backup" on_confirm={confirm_restore} on_cancel={keep_asking_off} />
                }
            </section>
        },
    };
    html! {
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
    }
}
