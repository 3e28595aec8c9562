//! Tells the user when their stored data could not be read or the browser keeps nothing, and
//! lets them choose: download what is stored, or start saving again over it.

use crate::context::use_app_state;
use crate::state::{Action, Saving};
use crate::storage::safety;
use crate::ui::browser;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::notice::{Level, Notice};
use yew::prelude::*;

/// The storage problem banner (nothing while saving works).
#[function_component]
pub fn StorageBanner() -> Html {
    let app = use_app_state();
    let asking = use_state(|| false);
    match &app.saving {
        Saving::On => Html::default(),
        Saving::Unavailable(why) => html! {
            <section class="banner banner--error" role="alert">
                <h2 class="banner__title">{ "Your changes are not being saved" }</h2>
                <p class="banner__text">
                    { format!("This browser does not let the app keep data ({why}). Download a \
                               backup from Settings and backup before you close this page.") }
                </p>
            </section>
        },
        Saving::Paused { raw, reason } => {
            let download = {
                let app = app.clone();
                let raw = raw.clone();
                Callback::from(move |_| {
                    let result = browser::download(
                        "adoption-forecast-stored-data.json",
                        "application/json",
                        &raw,
                    );
                    if let Err(why) = result {
                        app.dispatch(Action::Notify(Notice::error(format!(
                            "The stored data could not be downloaded: {why}."
                        ))));
                    }
                })
            };
            let ask = {
                let asking = asking.clone();
                Callback::from(move |_| asking.set(true))
            };
            let resume = {
                let (app, asking, raw) = (app.clone(), asking.clone(), raw.clone());
                Callback::from(move |_| {
                    asking.set(false);
                    // The unreadable text is kept as a safety copy before it is saved over.
                    let kept =
                        safety::keep_raw("before saving over data that could not be read", &raw);
                    app.dispatch(Action::ResumeSaving);
                    if let Err(why) = kept {
                        app.dispatch(Action::Notify(Notice::new(
                            Level::Warning,
                            format!(
                                "No safety copy of the unreadable data could be kept ({why}). \
                             If you did not download it, it is gone."
                            ),
                        )));
                    }
                })
            };
            let cancel = {
                let asking = asking.clone();
                Callback::from(move |_| asking.set(false))
            };
            html! {
                <section class="banner banner--error" role="alert" aria-labelledby="stored-heading">
                    <h2 id="stored-heading" class="banner__title">
                        { "The data stored in this browser could not be read" }
                    </h2>
                    <p class="banner__text">
                        { format!("The stored data was not opened because {reason}. It has not \
                                   been changed, and nothing will be saved over it until you \
                                   choose. Download it to keep a copy (it may be repaired, or \
                                   opened by a newer version of this app).") }
                    </p>
                    <p class="banner__text">
                        { "Saving is off: what you see now is not being saved." }
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" onclick={download}>
                            { "Download stored data" }
                        </button>
                        <button type="button" class="button button--warning" onclick={ask}>
                            { "Replace the stored data and turn saving on" }
                        </button>
                    </div>
                    if *asking {
                        <ConfirmDialog id="replace-stored"
                            question={format!("Replace the stored data that could not be read with the {} shown here?", app.document.summary())}
                            detail={AttrValue::from("A safety copy of the unreadable data is kept first: Settings and backup lists it, with \"Download\".")}
                            confirm_label="Replace the stored data" on_confirm={resume} on_cancel={cancel} />
                    }
                </section>
            }
        }
    }
}
