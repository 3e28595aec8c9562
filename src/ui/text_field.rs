//! A labelled text input with its hint and its problems beside it, tied together for screen
//! readers (`aria-describedby`, `aria-invalid`).

use yew::prelude::*;

/// One problem shown beside a field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldMessage {
    /// True for a problem that blocks saving; false for a warning.
    pub blocking: bool,
    /// The message.
    pub text: String,
}

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The element id (also used for the hint and message ids).
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every keystroke.
    pub oninput: Callback<String>,
    /// Called with the text when the user leaves the field or presses Enter.
    #[prop_or_default]
    pub onchange: Option<Callback<String>>,
    /// A hint under the label ("DD/MM/YYYY").
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Problems to show beside the field.
    #[prop_or_default]
    pub messages: Vec<FieldMessage>,
    /// The input type (text, number).
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The `inputmode` hint for on-screen keyboards.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Extra class on the input (width).
    #[prop_or_default]
    pub class: Classes,
}

/// A labelled input with its hint and problems.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let message_id = format!("{}-messages", props.id);
    let mut described = Vec::new();
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    if !props.messages.is_empty() {
        described.push(message_id.clone());
    }
    let invalid = props.messages.iter().any(|m| m.blocking);
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let onchange = props.onchange.clone().map(|cb| {
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    });
    html! {
        <div class={classes!("field", invalid.then_some("field--invalid"))}>
            <label class="field__label" for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <div id={hint_id} class="field__hint">{ hint }</div>
            }
            if !props.messages.is_empty() {
                <ul id={message_id} class="field__messages">
                    { for props.messages.iter().map(|m| html! {
                        <li class={if m.blocking { "field__error" } else { "field__warning" }}>
                            <strong>{ if m.blocking { "Error: " } else { "Warning: " } }</strong>
                            { &m.text }
                        </li>
                    }) }
                </ul>
            }
            <input id={props.id.clone()} class={classes!("field__input", props.class.clone())}
                type={props.input_type.clone()} value={props.value.clone()}
                inputmode={props.inputmode.clone()}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                autocomplete="off" spellcheck="false"
                {oninput} {onchange} />
        </div>
    }
}
