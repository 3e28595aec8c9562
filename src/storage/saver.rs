//! When the document is written: changes made within a moment of each other are saved
//! together, anything pending is saved when the page is hidden or closed, and a save never
//! goes over another tab's: it first looks at the stored revision and, when another tab saved
//! since, merges that tab's work in before writing.

use super::document::DOCUMENT_VERSION;
use super::opening::{load_then, read_then};
use super::{save, save_history, stored_revision};
use super::{watch_other_tabs, StoredRevision};
use crate::context::AppContext;
use crate::state::{Action, Saving};
use crate::ui::browser;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long after a change the document is written, so that typing or several quick edits
/// become one save.
pub const SAVE_DELAY_MS: u32 = 300;

/// Saves the app's changes as described above; call once, in the provider.
#[hook]
pub fn use_saving(state: &AppContext) {
    // Timers and page events outlive the render that set them up: they read the state of the
    // latest render through this cell.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (latest, timer) = (latest.clone(), timer.clone());
        use_effect_with(state.changes, move |_| {
            let save_latest = latest.clone();
            // Replacing the timer drops (and so cancels) the one set by the previous change.
            *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                save_now(&save_latest.borrow())
            }));
        });
    }
    {
        let (latest, timer) = (latest.clone(), timer.clone());
        use_effect_with((), move |_| {
            let flush = Rc::new(move || {
                timer.borrow_mut().take();
                save_now(&latest.borrow());
            });
            let listeners = page_leave_listeners(flush);
            move || drop(listeners)
        });
    }
    {
        let dispatcher = state.dispatcher();
        let saving = state.saving == Saving::On;
        use_effect_with((), move |_| {
            let heard = dispatcher.clone();
            let listener = watch_other_tabs(move |new_text| {
                let dispatcher = heard.clone();
                read_then(Some(new_text), move |loaded| {
                    dispatcher.dispatch(Action::OtherTabChanged(loaded))
                });
            });
            // Another tab may have saved between this tab's reading at start-up (which may
            // wait for the reader's part) and this listener starting: a save in that gap fired
            // no event heard here, so what is stored is looked at once more. Only while
            // saving is on: stored text this tab could not read is not read again.
            if saving && matches!(stored_revision(), Ok(StoredRevision::Unknown)) {
                load_then(move |loaded| dispatcher.dispatch(Action::OtherTabChanged(loaded)));
            }
            move || drop(listener)
        });
    }
    use_effect_with((), |_| browser::ask_for_persistent_storage());
}

/// Calls `flush` when the page is hidden (another tab chosen, the window minimised) or
/// closed: the last chance to save what is pending.
fn page_leave_listeners(flush: Rc<dyn Fn()>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let mut listeners = Vec::new();
    let on_hide = flush.clone();
    listeners.push(EventListener::new(&window, "pagehide", move |_| on_hide()));
    if let Some(document) = window.document() {
        let page = document.clone();
        listeners.push(EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if page.visibility_state() == web_sys::VisibilityState::Hidden {
                    flush();
                }
            },
        ));
    }
    listeners
}

/// Writes the document now if it has unsaved changes and saving is on.
pub fn save_now(app: &AppContext) {
    if app.saving != Saving::On || !app.unsaved {
        return;
    }
    match stored_revision() {
        Ok(StoredRevision::Nothing) => {}
        Ok(StoredRevision::Revision(r, id))
            if r == app.stored.revision && id == app.stored.save_id => {}
        // Saving over what could not be read is what the user chose.
        Ok(StoredRevision::Unknown) if app.replace_unreadable => {}
        // Another tab saved since this tab last read, or something this tab has not read is
        // stored: read it and merge its work in first (the merged document is then saved by
        // the change it makes), or stop saving if it cannot be read.
        Ok(StoredRevision::Revision(..) | StoredRevision::Unknown) => {
            let dispatcher = app.dispatcher();
            load_then(move |loaded| dispatcher.dispatch(Action::ReadBeforeSaving(loaded)));
            return;
        }
        Err(error) => {
            app.dispatch(Action::OtherTabChanged(Err(error)));
            return;
        }
    }
    let mut written = (*app.document).clone();
    written.version = DOCUMENT_VERSION;
    written.revision = app.stored.revision + 1;
    written.saved_at = Some(browser::now_local());
    written.save_id = Some(browser::save_stamp());
    let text = super::written::to_json_reusing(&app.document, &written);
    match text.and_then(|text| save(&text).map(|()| text)) {
        Ok(text) => {
            super::written::wrote(&written, &text);
            save_history(app.shared_history());
            crate::storage::first_screen::saved(&app.document, written.revision);
            app.dispatch(Action::Saved {
                from: app.document.clone(),
                written: Rc::new(written),
            });
            if let Some(used) = crate::storage::used_characters() {
                app.dispatch(Action::StorageUsed(used));
            }
        }
        Err(why) => app.dispatch(Action::SaveFailed(why.to_string())),
    }
}
