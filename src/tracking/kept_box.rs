//! A text box whose words are kept as they are typed: handed over after a short pause in
//! typing, when the box is left, when the page is hidden or closed, and when the box goes
//! (another child chosen, another screen), so that nothing typed waits for a "Save" that
//! could be missed.
//!
//! Why not on every key: each hand-over is a change to the document, which the tracking
//! screen answers by working out its agenda again; a pause keeps typing smooth with thousands
//! of children. Why also on hiding the page: the change event never fires when a tab is
//! closed with the focus still in the box. The page listeners are registered for the capture
//! phase on the window, so they run before the saver's own (on the window and the document,
//! in the bubbling phase), which then writes what was just handed over.

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// How long a pause in typing is before the words are handed over, in milliseconds.
pub const PAUSE_MS: u32 = 600;

/// Properties of [`KeptBox`].
#[derive(Properties, PartialEq)]
pub struct KeptBoxProps {
    /// The box's id, for its `<label for>`.
    pub id: AttrValue,
    /// The words kept, shown whenever the person is not typing.
    pub value: AttrValue,
    /// The words typed, handed over.
    pub on_commit: Callback<String>,
    /// A box of several lines (a `<textarea>`) rather than one.
    #[prop_or_default]
    pub multiline: bool,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The on-screen keyboard to offer ("numeric").
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// The id of a message about the box's words, when there is one: the box is then marked
    /// invalid and points at it.
    #[prop_or_default]
    pub error_id: Option<AttrValue>,
    /// A reference to the box, for focusing it.
    #[prop_or_default]
    pub node_ref: NodeRef,
}

/// What the box shares with its timers and page listeners, which outlive one render.
#[derive(Default)]
struct Pending {
    /// Words typed and not yet handed over.
    text: Option<String>,
    /// Where to hand them over (the latest render's callback).
    on_commit: Callback<String>,
    /// The pause timer running.
    timer: Option<Timeout>,
}

fn flush(pending: &RefCell<Pending>) {
    let (text, on_commit) = {
        let mut p = pending.borrow_mut();
        p.timer = None;
        (p.text.take(), p.on_commit.clone())
    };
    if let Some(text) = text {
        on_commit.emit(text);
    }
}

/// A box kept as it is typed.
#[function_component]
pub fn KeptBox(props: &KeptBoxProps) -> Html {
    let draft = use_state(|| None::<String>);
    let pending = use_mut_ref(Pending::default);
    pending.borrow_mut().on_commit = props.on_commit.clone();
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let listeners = page_hidden_listeners(pending.clone());
            move || {
                drop(listeners);
                // The box is going (another child, another screen): keep what it holds.
                flush(&pending);
            }
        });
    }
    let oninput = {
        let (draft, pending, multiline) = (draft.clone(), pending.clone(), props.multiline);
        Callback::from(move |e: InputEvent| {
            let text = if multiline {
                e.target_unchecked_into::<HtmlTextAreaElement>().value()
            } else {
                e.target_unchecked_into::<HtmlInputElement>().value()
            };
            draft.set(Some(text.clone()));
            let later = pending.clone();
            let mut p = pending.borrow_mut();
            p.text = Some(text);
            // Replacing the timer drops (and so cancels) the one the previous key set.
            p.timer = Some(Timeout::new(PAUSE_MS, move || flush(&later)));
        })
    };
    let onchange = {
        let (draft, pending) = (draft.clone(), pending.clone());
        Callback::from(move |_: Event| {
            flush(&pending);
            draft.set(None);
        })
    };
    let shown = (*draft).clone().unwrap_or_else(|| props.value.to_string());
    let invalid = props.error_id.is_some().then_some("true");
    if props.multiline {
        html! {
            <textarea id={props.id.clone()} ref={props.node_ref.clone()} class={props.class.clone()}
                rows="2" value={shown} aria-invalid={invalid}
                aria-describedby={props.error_id.clone()} {oninput} {onchange} />
        }
    } else {
        html! {
            <input id={props.id.clone()} ref={props.node_ref.clone()} class={props.class.clone()}
                type="text" inputmode={props.inputmode.clone()} value={shown}
                aria-invalid={invalid} aria-describedby={props.error_id.clone()}
                {oninput} {onchange} />
        }
    }
}

/// Hands the words over when the page is hidden (another tab, the window minimised) or
/// closed, before the saver writes.
fn page_hidden_listeners(pending: Rc<RefCell<Pending>>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    let on_hide = pending.clone();
    let mut listeners = vec![EventListener::new_with_options(
        &window,
        "pagehide",
        capture,
        move |_| flush(&on_hide),
    )];
    if let Some(document) = window.document() {
        listeners.push(EventListener::new_with_options(
            &window,
            "visibilitychange",
            capture,
            move |_| {
                if document.visibility_state() == web_sys::VisibilityState::Hidden {
                    flush(&pending);
                }
            },
        ));
    }
    listeners
}
