//! A question asked before anything replaces data, in the browser's own modal `<dialog>`: it
//! keeps keyboard focus inside itself and makes the page behind it inert, and Escape cancels,
//! without any code of ours to get wrong.

use gloo_events::EventListener;
use yew::prelude::*;

/// Properties of [`ConfirmDialog`].
#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// The element id, also the prefix of the title's id.
    pub id: AttrValue,
    /// The question, naming what will go: "Replace 62 children … with 40 children from
    /// children.csv?".
    pub question: AttrValue,
    /// What happens to the data replaced (a safety copy is kept first).
    #[prop_or_default]
    pub detail: Option<AttrValue>,
    /// The confirming button's label ("Replace").
    pub confirm_label: AttrValue,
    /// The user confirmed.
    pub on_confirm: Callback<()>,
    /// The user cancelled (the button or Escape).
    pub on_cancel: Callback<()>,
}

/// A modal confirmation, open while it is drawn.
#[function_component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        let on_cancel = props.on_cancel.clone();
        use_effect_with((), move |_| {
            let element = dialog.cast::<web_sys::HtmlDialogElement>();
            // Escape makes the browser fire `cancel` and close the dialog: that is a "no".
            let listener = element
                .as_ref()
                .map(|element| EventListener::new(element, "cancel", move |_| on_cancel.emit(())));
            if let Some(element) = &element {
                if element.show_modal().is_err() {
                    // A browser without modal dialogs still shows it, in place.
                    element.set_open(true);
                }
            }
            move || drop(listener)
        });
    }
    let title_id = format!("{}-question", props.id);
    let confirm = props.on_confirm.reform(|_| ());
    let cancel = props.on_cancel.reform(|_| ());
    html! {
        <dialog id={props.id.clone()} class="dialog" ref={dialog} aria-labelledby={title_id.clone()}>
            <h2 id={title_id} class="dialog__question">{ props.question.clone() }</h2>
            if let Some(detail) = &props.detail {
                <p class="dialog__detail">{ detail.clone() }</p>
            }
            <div class="button-row">
                <button type="button" class="button button--warning" onclick={confirm}>
                    { props.confirm_label.clone() }
                </button>
                // Focus starts on the safe choice.
                <button type="button" class="button button--secondary" onclick={cancel} autofocus=true>
                    { "Cancel" }
                </button>
            </div>
        </dialog>
    }
}
