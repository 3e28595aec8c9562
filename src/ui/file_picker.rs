//! A labelled file input that reads the chosen file as text and hands it over; a file that
//! cannot be read becomes a notice.

use crate::context::use_app;
use crate::state::Action;
use crate::ui::browser;
use crate::ui::notice::Notice;
use yew::prelude::*;

/// Properties of [`FilePicker`].
#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// The input's id.
    pub id: AttrValue,
    /// The visible label, e.g. "Import records".
    pub label: AttrValue,
    /// The file types offered by the browser's chooser (".csv,text/csv").
    pub accept: AttrValue,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Called with the file's name and text.
    pub onload: Callback<(String, String)>,
}

/// A labelled file chooser.
#[function_component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let app = use_app();
    let onchange = {
        let onload = props.onload.clone();
        Callback::from(move |e: Event| {
            let Some(file) = browser::chosen_file(&e) else {
                return;
            };
            let onload = onload.clone();
            let app = app.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                match browser::read_text(file).await {
                    Ok(text) => onload.emit((name, text)),
                    Err(why) => app.dispatch(Action::Notify(Notice::error(format!(
                        "The file {name} could not be read: {why}."
                    )))),
                }
            });
        })
    };
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="field field--file">
            <label class="field__label" for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <div id={hint_id.clone()} class="field__hint">{ hint }</div>
            }
            <input id={props.id.clone()} class="field__file" type="file" accept={props.accept.clone()}
                aria-describedby={props.hint.is_some().then_some(hint_id)} {onchange} />
        </div>
    }
}
