//! A text or number box that keeps what the person is typing until they commit it.
//!
//! Why: Yew treats `value` as controlled and puts the rendered value back into the box on
//! every render. The dashboard re-renders on its own (the Monte Carlo finishing, another tab
//! saving), so a box bound straight to the state would wipe a half-typed number. This one
//! shows the state's value until the person types, keeps their draft across renders, and
//! hands it over on `change` (Enter or leaving the box).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a box accepts when the person commits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Accepts {
    /// Any text.
    #[default]
    Anything,
    /// A number of days, zero or more, fractions allowed.
    Days,
    /// A number of days, or nothing (back to the default).
    DaysOrEmpty,
    /// A whole number, or nothing (back to the default).
    WholeNumberOrEmpty,
    /// A percentage faster below 100 (100% would take no time at all; negative is slower),
    /// or nothing.
    PercentFasterOrEmpty,
    /// A date as DD/MM/YYYY or ISO, or nothing.
    DateOrEmpty,
    /// A percentage from 0 to 100, or nothing (back to the default).
    PercentOrEmpty,
}

impl Accepts {
    /// Whether `text` (already trimmed) is acceptable.
    pub fn accepts(self, text: &str) -> bool {
        match self {
            Accepts::Anything => true,
            Accepts::Days => text.parse::<f64>().is_ok_and(|v| v.is_finite() && v >= 0.0),
            Accepts::DaysOrEmpty => text.is_empty() || Accepts::Days.accepts(text),
            Accepts::WholeNumberOrEmpty => text.is_empty() || text.parse::<u32>().is_ok(),
            Accepts::PercentFasterOrEmpty => {
                text.is_empty()
                    || text
                        .parse::<f64>()
                        .is_ok_and(|p| p.is_finite() && p < 100.0)
            }
            Accepts::DateOrEmpty => text.is_empty() || scorecard::dates::parse_date(text).is_some(),
            Accepts::PercentOrEmpty => {
                text.is_empty()
                    || text
                        .parse::<f64>()
                        .is_ok_and(|v| (0.0..=100.0).contains(&v))
            }
        }
    }
}

/// Properties of [`DraftInput`].
#[derive(Properties, PartialEq)]
pub struct DraftInputProps {
    /// The box's id, for its `<label for>`.
    pub id: AttrValue,
    /// The committed value, shown whenever the person is not typing.
    pub value: AttrValue,
    /// The text the person committed.
    pub on_commit: Callback<String>,
    /// What a committed text must be; an unacceptable one stays in the box, marked invalid
    /// with `invalid_message`, and is not handed over.
    #[prop_or_default]
    pub accepts: Accepts,
    /// What the browser says about an unacceptable text.
    #[prop_or_default]
    pub invalid_message: AttrValue,
    /// The input type ("text" or "number").
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// CSS classes.
    #[prop_or_default]
    pub class: Classes,
    /// The on-screen keyboard to offer ("numeric", "decimal").
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// A hint shown in an empty box.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// The smallest number a number box takes.
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// A reference to the box, for a parent that reads it when another control changes.
    #[prop_or_default]
    pub node_ref: NodeRef,
    /// The id of a hint beside the box, read out with it (and before the message when a text
    /// is refused).
    #[prop_or_default]
    pub hint_id: Option<AttrValue>,
}

/// A box that keeps its draft until committed.
#[function_component]
pub fn DraftInput(props: &DraftInputProps) -> Html {
    let draft = use_state(|| None::<String>);
    // Whether the last committed text was refused: the box is then marked invalid and points
    // at the message, so a screen reader says what is wrong, not only the browser's bubble.
    let refused = use_state(|| false);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    let onchange = {
        let draft = draft.clone();
        let on_commit = props.on_commit.clone();
        let accepts = props.accepts;
        let message = props.invalid_message.clone();
        let refused = refused.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let text = input.value();
            if !accepts.accepts(text.trim()) {
                input.set_custom_validity(&message);
                input.report_validity();
                refused.set(true);
                return;
            }
            input.set_custom_validity("");
            refused.set(false);
            draft.set(None);
            on_commit.emit(text);
        })
    };
    let shown = (*draft).clone().unwrap_or_else(|| props.value.to_string());
    let error_id = format!("{}-error", props.id);
    let described_by = match (props.hint_id.as_deref(), *refused) {
        (Some(hint), true) => Some(format!("{hint} {error_id}")),
        (Some(hint), false) => Some(hint.to_string()),
        (None, true) => Some(error_id.clone()),
        (None, false) => None,
    };
    html! {
        <>
            <input id={props.id.clone()} ref={props.node_ref.clone()} type={props.kind.clone()} class={props.class.clone()}
                inputmode={props.inputmode.clone()} placeholder={props.placeholder.clone()}
                min={props.min.clone()} step={(props.kind == "number").then_some("any")}
                aria-invalid={refused.then_some("true")}
                aria-describedby={described_by}
                value={shown} {oninput} {onchange} />
            if *refused {
                <span class="field-error field-error--inline" id={error_id}>{ props.invalid_message.clone() }</span>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::Accepts;

    #[test]
    fn each_kind_of_box_accepts_what_its_figure_can_be() {
        assert!(Accepts::Days.accepts("121") && Accepts::Days.accepts("371.5"));
        assert!(Accepts::PercentOrEmpty.accepts("12.5") && Accepts::PercentOrEmpty.accepts(""));
        assert!(!Accepts::PercentOrEmpty.accepts("101") && !Accepts::PercentOrEmpty.accepts("-1"));
        assert!(
            !Accepts::Days.accepts("-1")
                && !Accepts::Days.accepts("")
                && !Accepts::Days.accepts("abc")
        );
        assert!(
            Accepts::WholeNumberOrEmpty.accepts("") && Accepts::WholeNumberOrEmpty.accepts("45")
        );
        assert!(!Accepts::WholeNumberOrEmpty.accepts("4.5"));
        assert!(
            Accepts::PercentFasterOrEmpty.accepts("-20")
                && Accepts::PercentFasterOrEmpty.accepts("99")
        );
        assert!(!Accepts::PercentFasterOrEmpty.accepts("100"));
        assert!(
            Accepts::DateOrEmpty.accepts("01/03/2017")
                && Accepts::DateOrEmpty.accepts("2017-03-01")
        );
        assert!(!Accepts::DateOrEmpty.accepts("31/02/2017"));
    }
}
