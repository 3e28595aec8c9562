//! The controls of the impact of delay: which child, the delay on a slider in weeks or
//! months, and which figure the sentence talks about. Every control has a visible label.

use scorecard::{DelayLength, DelayUnit, Indicator};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The longest delay the slider offers, in each unit: a year.
pub fn slider_max(unit: DelayUnit) -> u32 {
    match unit {
        DelayUnit::Weeks => 52,
        DelayUnit::Months => 12,
    }
}

/// Properties of [`DelayControls`].
#[derive(Properties, PartialEq)]
pub struct DelayControlsProps {
    /// The children offered: position and name.
    pub children: Vec<(usize, String)>,
    /// The typical child's name, offered first.
    pub typical: Option<String>,
    /// The child chosen; `None` is the typical child.
    pub child: Option<usize>,
    /// The delay.
    pub delay: DelayLength,
    /// The figure the sentence talks about.
    pub indicator: Indicator,
    /// A child chosen (`None`: the typical child).
    pub on_child: Callback<Option<usize>>,
    /// The delay changed.
    pub on_delay: Callback<DelayLength>,
    /// The figure changed.
    pub on_indicator: Callback<Indicator>,
}

/// The delay controls.
#[function_component]
pub fn DelayControls(props: &DelayControlsProps) -> Html {
    let on_child = {
        let cb = props.on_child.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            cb.emit(v.parse::<usize>().ok());
        })
    };
    let on_unit = {
        let cb = props.on_delay.clone();
        let amount = props.delay.amount;
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let unit = if v == "weeks" {
                DelayUnit::Weeks
            } else {
                DelayUnit::Months
            };
            cb.emit(DelayLength {
                amount: amount.min(slider_max(unit)),
                unit,
            });
        })
    };
    let on_amount = {
        let cb = props.on_delay.clone();
        let unit = props.delay.unit;
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(amount) = v.trim().parse::<u32>() {
                cb.emit(DelayLength {
                    amount: amount.min(slider_max(unit)),
                    unit,
                });
            }
        })
    };
    let on_indicator = {
        let cb = props.on_indicator.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(i) = Indicator::parse(&v) {
                cb.emit(i);
            }
        })
    };
    let unit_word = match props.delay.unit {
        DelayUnit::Weeks => "weeks",
        DelayUnit::Months => "months",
    };
    let amount_text = format!("{} {unit_word}", props.delay.amount);
    html! {
        <div class="workshop-controls">
            <div class="field">
                <label class="field__label" for="workshop-child">{ "Child" }</label>
                <select class="field__select" id="workshop-child" onchange={on_child}>
                    <option value="typical" selected={props.child.is_none()}>
                        { match &props.typical {
                            Some(name) => format!("A typical child ({name})"),
                            None => "A typical child".to_string(),
                        } }
                    </option>
                    { for props.children.iter().map(|(i, name)| html! {
                        <option value={i.to_string()} selected={props.child == Some(*i)}>{ name.clone() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="workshop-unit">{ "Delay in" }</label>
                <select class="field__select" id="workshop-unit" onchange={on_unit}>
                    <option value="weeks" selected={props.delay.unit == DelayUnit::Weeks}>{ "weeks" }</option>
                    <option value="months" selected={props.delay.unit == DelayUnit::Months}>{ "months" }</option>
                </select>
            </div>
            <div class="field workshop-controls__slider">
                <label class="field__label" for="workshop-delay">{ "Delay" }</label>
                <input class="workshop-slider" id="workshop-delay" type="range" min="0"
                    max={slider_max(props.delay.unit).to_string()} step="1"
                    value={props.delay.amount.to_string()}
                    aria-valuetext={amount_text.clone()} oninput={on_amount} />
                <output class="workshop-slider__value" for="workshop-delay">{ amount_text }</output>
            </div>
            <div class="field">
                <label class="field__label" for="workshop-indicator">{ "Figure in the sentence" }</label>
                <select class="field__select" id="workshop-indicator" onchange={on_indicator}>
                    { for [Indicator::A1, Indicator::A2].iter().map(|i| html! {
                        <option value={i.label()} selected={*i == props.indicator}>{ i.name() }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}
