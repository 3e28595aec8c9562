//! Why each day matters for the child: the same delay as the child's age on moving in and the
//! share of their life spent waiting, shown first, before any figure.

use super::delay_view::DelayView;
use scorecard::dates::format_uk;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`LifePanel`].
#[derive(Properties, PartialEq)]
pub struct LifePanelProps {
    /// What the delay does.
    pub view: Rc<DelayView>,
    /// The child's age on entering care, in months.
    pub age_at_entry_months: u32,
    /// The age changed.
    pub on_age: Callback<u32>,
}

/// The child's side of the delay.
#[function_component]
pub fn LifePanel(props: &LifePanelProps) -> Html {
    let view = &props.view;
    let on_age = {
        let cb = props.on_age.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(months) = v.trim().parse::<u32>() {
                cb.emit(months.min(17 * 12));
            }
        })
    };
    html! {
        <section class="panel workshop-life" aria-labelledby="workshop-life-heading">
            <h2 id="workshop-life-heading">{ format!("Why each day matters for {}", view.child) }</h2>
            <div class="field">
                <label class="field__label" for="workshop-age">{ "Age on entering care (months)" }</label>
                <input class="field__input field__input--short" id="workshop-age" type="number" min="0" max="204" step="1"
                    inputmode="numeric" value={props.age_at_entry_months.to_string()} onchange={on_age} />
                <span class="field__hint">{ format!("{} entered care on {}.", view.child, format_uk(view.entered_care)) }</span>
            </div>
            if let Some(life) = view.life {
                <p class="workshop-life__sentence" id="workshop-life-sentence" aria-live="polite">
                    { view.life_sentence.clone().unwrap_or_default() }
                </p>
                <dl class="summary">
                    <div class="summary__row">
                        <dt>{ "Age on moving in with the adoptive family" }</dt>
                        <dd id="workshop-age-at-placement">{ format!("{} → {}", life.before.age_in_words(), life.after.age_in_words()) }</dd>
                    </div>
                    <div class="summary__row">
                        <dt>{ "Days waiting, from entering care to moving in" }</dt>
                        <dd id="workshop-waiting">{ format!("{} → {}", life.before.waiting_days, life.after.waiting_days) }</dd>
                    </div>
                    <div class="summary__row">
                        <dt>{ "Share of their life spent waiting" }</dt>
                        <dd id="workshop-share">{ format!("{}% → {}%", life.before.share_percent(), life.after.share_percent()) }</dd>
                    </div>
                </dl>
            } else {
                <p>{ format!("{} has not moved in and no date is projected yet, so their age on moving in cannot be shown.", view.child) }</p>
            }
        </section>
    }
}
