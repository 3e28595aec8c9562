//! Tells the user when their stored data could not be read or the browser keeps nothing, and
//! lets them choose: download what is stored, or start saving again over it.

use crate::context::use_app_state;
use crate::state::{Action, Saving};
use crate::storage::safety;
use crate::ui::browser;
use crate::ui::confirm_dialog::ConfirmDialog;
use crate::ui::later_panel::LaterPart;
use crate::ui::notice::{Level, Notice};
use yew::prelude::*;

/// The storage banner as [`crate::ui::later_panel::LaterPanel`] draws it: in the release
/// build a part of its own (`storage_banner`), fetched only when there is something to say
/// (saving is off, refused or not available, or the storage is nearly full), which a first
/// visit never has. Whatever happens to the part, the saving state itself keeps the data:
/// nothing is saved over what could not be read, banner or not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct StorageBannerPart;

impl LaterPart for StorageBannerPart {
    const TITLE: &'static str = "Saving your data";

    #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
    fn draw(self) -> Html {
        html! { <StorageBanner /> }
    }

    #[cfg(all(feature = "split", target_arch = "wasm32"))]
    fn fetch(
        self,
    ) -> impl std::future::Future<Output = Result<Html, crate::screens::PartMissing>> + 'static
    {
        #[wasm_split_helpers::wasm_split(storage_banner, fallible)]
        fn storage_banner() -> Result<Html, crate::screens::PartMissing> {
            Ok(html! { <StorageBanner /> })
        }
        storage_banner()
    }
}

/// The storage problem banner: nothing while saving works and there is room, a warning as
/// the browser's allowance fills up.
#[function_component]
pub fn StorageBanner() -> Html {
    let app = use_app_state();
    let asking = use_state(|| false);
    match &app.saving {
        Saving::On => match app.storage_used.and_then(crate::state::storage_warning) {
            Some(warning) => html! {
                <section class="banner banner--warning" role="status" aria-labelledby="storage-full-heading">
                    <h2 id="storage-full-heading" class="banner__title">{ "Storage is nearly full" }</h2>
                    <p class="banner__text">{ warning }</p>
                </section>
            },
            None => Html::default(),
        },
        Saving::Refused(why) => {
            let backup = {
                let app = app.clone();
                Callback::from(move |_| {
                    let notice = crate::settings::backup::download_backup(&app.document);
                    app.dispatch(Action::Notify(notice));
                })
            };
            let retry = {
                let app = app.clone();
                Callback::from(move |_| app.dispatch(Action::RetrySaving))
            };
            let ask = {
                let asking = asking.clone();
                Callback::from(move |_| asking.set(true))
            };
            let forget = {
                let (app, asking) = (app.clone(), asking.clone());
                Callback::from(move |_| {
                    asking.set(false);
                    app.dispatch(Action::Notify(match safety::forget_all() {
                        Ok(()) => Notice::success(
                            "Deleted the safety copies. Choose \u{201c}Try saving again\u{201d}.",
                        ),
                        Err(why) => {
                            Notice::error(format!("The safety copies could not be deleted: {why}."))
                        }
                    }));
                })
            };
            let cancel = {
                let asking = asking.clone();
                Callback::from(move |_| asking.set(false))
            };
            html! {
                <section class="banner banner--error" role="alert" aria-labelledby="refused-heading">
                    <h2 id="refused-heading" class="banner__title">
                        { "Saving has stopped: the app is read-only" }
                    </h2>
                    <p class="banner__text">
                        { format!("This browser refused to save ({why}). The copy saved before \
                                   is intact. Your last change is shown here but not saved, and \
                                   nothing more can be changed until a save works.") }
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" onclick={backup}>
                            { "Download a backup" }
                        </button>
                        <button type="button" class="button button--warning" onclick={ask}>
                            { "Delete the safety copies to make room" }
                        </button>
                        <button type="button" class="button button--secondary" onclick={retry}>
                            { "Try saving again" }
                        </button>
                    </div>
                    if *asking {
                        <ConfirmDialog id="forget-safety-copies"
                            question="Delete every safety copy kept in this browser?"
                            detail={AttrValue::from("They are the copies made before replacing imports, restores and clearing. Download a backup first if you may need one.")}
                            confirm_label="Delete the safety copies" on_confirm={forget} on_cancel={cancel} />
                    }
                </section>
            }
        }
        Saving::Unavailable(why) => html! {
            <section class="banner banner--error" role="alert">
                <h2 class="banner__title">{ "Your changes are not being saved" }</h2>
                <p class="banner__text">
                    { format!("This browser does not let the app keep data ({why}). Download a \
                               backup from Settings and backup before you close this page.") }
                </p>
            </section>
        },
        Saving::NotOpened => {
            let reload = Callback::from(|_| browser::reload());
            html! {
                <section class="banner banner--error" role="alert">
                    <h2 class="banner__title">{ "Your data could not be opened" }</h2>
                    <p class="banner__text">
                        { "Data is stored in this browser, but the part of the app that reads it \
                           could not be downloaded. Your data is untouched and nothing is saved \
                           over it. What is shown now is the demonstration: reload the page when \
                           you are online." }
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" onclick={reload}>{ "Reload" }</button>
                    </div>
                </section>
            }
        }
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
