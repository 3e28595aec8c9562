//! How components reach the app's state: through these hooks, never by importing the root
//! component.
//!
//! Two contexts, so that a change re-renders only what reads it. Screens and their parts read
//! the [`Store`]: the document and the dispatcher, equal while the document is the same `Rc`,
//! so that a notice, a save being acknowledged or a clash with another tab never re-renders
//! the open screen. The page frame (status line, banners) reads the whole [`AppContext`].

use crate::state::{Action, AppState};
use crate::storage::authorities::View;
use crate::storage::document::Document;
use crate::ui::browser;
use std::rc::Rc;
use yew::prelude::*;

/// The whole state handle, for the page frame: notices, saving, clashes, undo.
pub type AppContext = UseReducerHandle<AppState>;

/// What a screen needs: the document, and a way to change it.
#[derive(Clone)]
pub struct Store {
    /// The data of the view shown (one authority, or the agency as a whole), with this tab's
    /// changes: what every screen reads. For a workspace of one authority, the whole data.
    pub document: Rc<Document>,
    /// Every authority's data: what a backup holds.
    pub whole: Rc<Document>,
    /// Which view `document` is.
    pub view: View,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl Store {
    /// The store for `state`, showing `shown`, the view's document (see
    /// [`crate::storage::authorities::project`]).
    pub fn of(state: &AppContext, shown: Rc<Document>) -> Store {
        Store {
            document: shown,
            whole: state.document.clone(),
            view: state.current_view(),
            dispatcher: state.dispatcher(),
        }
    }

    /// The authority number, in the whole workspace, of a child of the view shown whose
    /// record names `shown` (one authority's view numbers its children as the first; the
    /// agency's keeps each child's own).
    pub fn authority_of(&self, shown: u32) -> u32 {
        match self.view {
            View::Authority(id) => id,
            View::Agency => shown,
        }
    }

    /// How a child is named on the view shown: its case reference, with its authority's
    /// name after it on the agency's view ("C1 (Southshire)"), where references repeat.
    /// `authority` is the child's number in the whole workspace.
    pub fn child_name(&self, authority: u32, child_id: &str) -> String {
        match self.view {
            View::Agency => match self.whole.settings.authority_name_of(authority) {
                Some(name) if !name.trim().is_empty() => format!("{child_id} ({})", name.trim()),
                _ => child_id.to_string(),
            },
            View::Authority(_) => child_id.to_string(),
        }
    }

    /// Makes a change.
    pub fn dispatch(&self, action: impl Into<Action>) {
        self.dispatcher.dispatch(action.into())
    }
}

impl PartialEq for Store {
    /// The same document `Rc` is the same data; the dispatcher never changes.
    fn eq(&self, other: &Store) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.whole, &other.whole)
            && self.view == other.view
    }
}

/// The document and the dispatcher. Panics only when a component is used outside `<App/>`,
/// which is a programming error.
#[hook]
pub fn use_app() -> Store {
    use_context::<Store>().expect("components are rendered inside <App/>")
}

/// The whole state, for the page frame only.
#[hook]
pub fn use_app_state() -> AppContext {
    use_context::<AppContext>().expect("components are rendered inside <App/>")
}

/// The as-of date in force: the one set in the settings, or today's date.
#[hook]
pub fn use_as_of() -> chrono::NaiveDate {
    let app = use_app();
    app.document.settings.as_of_or(browser::today())
}

/// Counts the renders of the component it is called in, in debug builds, so that tests can
/// see what a change re-renders. Nothing in a release build.
#[hook]
pub fn use_render_count(name: &'static str) {
    #[cfg(debug_assertions)]
    RENDERS.with(|counts| *counts.borrow_mut().entry(name).or_default() += 1);
    #[cfg(not(debug_assertions))]
    let _ = name;
}

#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::RefCell<std::collections::BTreeMap<&'static str, u32>> =
        Default::default();
}

/// How many times the component `name` has rendered (debug builds; 0 in release builds).
pub fn render_count(name: &str) -> u32 {
    #[cfg(debug_assertions)]
    return RENDERS.with(|counts| counts.borrow().get(name).copied().unwrap_or(0));
    #[cfg(not(debug_assertions))]
    {
        let _ = name;
        0
    }
}
