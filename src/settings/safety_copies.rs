//! The safety copies kept before the data was replaced, each with "Restore this copy" and
//! "Download", and what the browser says of this site's storage (whether it is kept when the
//! disk runs low, and how much of the allowance is used).

use crate::context::use_app;
use crate::state::{Action, LaterAction};
use crate::storage::migrate::read_document;
use crate::storage::safety::{self, keep_then, SafetyCopy};
use crate::ui::browser::{self, format_time, StorageReport};
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::notice::Notice;
use std::rc::Rc;
use yew::prelude::*;

/// "1.2 MB".
fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

/// The storage report in words.
fn storage_sentence(report: &StorageReport) -> String {
    let kept = match report.persisted {
        Some(true) => "The browser keeps this app's data even when the disk runs low.",
        Some(false) => {
            "The browser has not promised to keep this app's data when the disk runs low: \
             download a backup regularly."
        }
        None => "The browser does not say whether it keeps this app's data when the disk runs low.",
    };
    match (report.usage, report.quota) {
        (Some(usage), Some(quota)) if quota > 0.0 => format!(
            "{kept} Used: {} of {} ({:.0}%).",
            megabytes(usage),
            megabytes(quota),
            usage / quota * 100.0
        ),
        _ => kept.to_string(),
    }
}

/// The safety copies panel.
#[function_component]
pub fn SafetyCopies() -> Html {
    let app = use_app();
    // Copies are taken just before a change that replaces data, so re-reading them when the
    // data changes is enough.
    let data = Rc::as_ptr(&app.document) as usize;
    let copies = use_memo(data, |_| safety::list());
    let asking = use_state(|| None::<usize>);
    let report = use_state(StorageReport::default);
    {
        let report = report.clone();
        use_effect_with(data, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                report.set(browser::storage_report().await);
            });
        });
    }
    let restore = {
        let (asking, copies) = (asking.clone(), copies.clone());
        use_callback(app.clone(), move |_: (), app| {
            let Some(copy) = (*asking).and_then(|i| copies.get(i).cloned()) else {
                return;
            };
            asking.set(None);
            match read_document(&copy.text) {
                Ok(document) => {
                    let reason = format!(
                        "before restoring the safety copy of {}",
                        format_time(&copy.taken_at)
                    );
                    keep_then(app, &reason, LaterAction::RestoreSafetyCopy(document));
                }
                Err(why) => app.dispatch(Action::Notify(Notice::error(format!(
                    "This safety copy cannot be restored because {why}. Download it instead."
                )))),
            }
        })
    };
    let cancel = {
        let asking = asking.clone();
        use_callback((), move |_: (), _| asking.set(None))
    };
    let row = |(index, copy): (usize, &SafetyCopy)| {
        let ask = {
            let asking = asking.clone();
            Callback::from(move |_| asking.set(Some(index)))
        };
        let download = {
            let (app, copy) = (app.clone(), copy.clone());
            Callback::from(move |_| {
                let name = format!(
                    "adoption-forecast-safety-copy-{}.json",
                    copy.taken_at.replace(':', "-")
                );
                if let Err(why) = browser::download(&name, "application/json", &copy.text) {
                    app.dispatch(Action::Notify(Notice::error(format!(
                        "The safety copy could not be downloaded: {why}."
                    ))));
                }
            })
        };
        let when = format_time(&copy.taken_at);
        html! {
            <tr>
                <td>{ when.clone() }</td>
                <td>{ copy.reason.clone() }</td>
                <td>{ copy.summary.clone() }</td>
                <td class="table__actions">
                    <button type="button" class="button button--small" onclick={ask}
                        aria-label={format!("Restore this copy, taken {when}")}>{ "Restore this copy" }</button>
                    <button type="button" class="button button--small button--secondary" onclick={download}
                        aria-label={format!("Download the copy taken {when}")}>{ "Download" }</button>
                </td>
            </tr>
        }
    };
    let question = (*asking).and_then(|i| copies.get(i)).map(|copy| {
        format!(
            "Replace {} with the safety copy taken {} ({})?",
            app.document.summary(),
            format_time(&copy.taken_at),
            copy.summary
        )
    });
    html! {
        <div class="panel" id="safety-copies">
            <h2 class="panel__title">{ "Safety copies" }</h2>
            <p class="panel__lead">
                { format!("Before an import replaces the records, a backup is restored or the \
                           demonstration is cleared, the data as it was is kept here: the last {}.",
                           safety::KEPT) }
            </p>
            if copies.is_empty() {
                <p>{ "No safety copies yet: nothing has been replaced." }</p>
            } else {
                <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{ "Safety copies, newest first" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Taken" }</th><th scope="col">{ "Kept" }</th>
                        <th scope="col">{ "Held" }</th><th scope="col">{ "Actions" }</th>
                    </tr></thead>
                    <tbody>{ for copies.iter().enumerate().map(row) }</tbody>
                </table>
                </div>
            }
            if let Some(question) = question {
                <ConfirmDialog id="restore-copy-question" {question}
                    detail={AttrValue::from("A safety copy of the data now in this browser is kept first.")}
                    confirm_label="Restore this copy" on_confirm={restore} on_cancel={cancel} />
            }
            <h3 class="panel__subtitle">{ "This browser's storage" }</h3>
            <p class="storage-report">{ storage_sentence(&report) }</p>
        </div>
    }
}
