//! The presentation view for a projector: large type, high contrast, one idea per screen.
//! ArrowRight or Space moves on, ArrowLeft back, ArrowUp and ArrowDown change the delay, and
//! Escape leaves. It asks for full screen where the browser allows it and is a full-window
//! overlay otherwise (a headless browser, or a refusal).

use super::delay_view::{status_word, DelayView};
use super::scorecard_panel::{published, year_sentence};
use gloo_events::{EventListener, EventListenerOptions};
use scorecard::dates::format_uk;
use scorecard::Indicator;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// One screen of the presentation: a heading and what the audience reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// The one idea, as a heading.
    pub title: String,
    /// The lines under it.
    pub lines: Vec<String>,
}

/// The slides for `view`: the child first, then the delay for the child, then the scorecard.
pub fn slides(view: &DelayView) -> Vec<Slide> {
    let mut out = Vec::new();
    let child = &view.child;
    let mut meet = vec![format!(
        "{child} entered care on {}.",
        format_uk(view.entered_care)
    )];
    if let Some(life) = &view.life {
        meet.push(format!(
            "Without delay, {child} moves in with their adoptive family aged {}, after {} days of waiting.",
            life.before.age_in_words(),
            life.before.waiting_days
        ));
    }
    out.push(Slide {
        title: format!("Meet {child}"),
        lines: meet,
    });
    if let Some(text) = &view.life_sentence {
        out.push(Slide {
            title: capitalise(&format!("{} for {child}", view.delay.words())),
            lines: vec![text.clone()],
        });
    }
    out.push(Slide {
        title: "What the scorecard sees".into(),
        lines: vec![view.sentence.clone()],
    });
    if let Some(text) = year_sentence(view) {
        out.push(Slide {
            title: if view.slip.is_some() {
                "A new financial year".into()
            } else {
                "The same financial year".into()
            },
            lines: vec![text],
        });
    }
    let periods: Vec<String> = view
        .periods
        .iter()
        .filter(|c| c.before.indicator == view.indicator)
        .map(|c| {
            let unit = if c.after.value.is_some() { " days" } else { "" };
            format!(
                "{} {}: {} → {}{unit}, {}",
                c.period,
                c.before.indicator.name(),
                published(&c.before),
                published(&c.after),
                if c.status_changes() {
                    format!("{} → {}", status_word(&c.before), status_word(&c.after))
                } else {
                    status_word(&c.after).to_string()
                }
            )
        })
        .collect();
    if !periods.is_empty() {
        out.push(Slide {
            title: format!(
                "Every period {child} counts in ({})",
                if view.indicator == Indicator::A2 {
                    "A2"
                } else {
                    "A1"
                }
            ),
            lines: periods,
        });
    }
    out.push(Slide {
        title: "Every day counts".into(),
        lines: vec![format!(
            "Each day of delay is a day of {child}'s childhood spent waiting for a family."
        )],
    });
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Asks for the whole page to go full screen, where the browser offers it. A refusal (no
/// user gesture, a headless browser, a kiosk policy) is not an error: the view is a
/// full-window overlay anyway.
pub fn enter_full_screen() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(request) = js_sys::Reflect::get(&root, &JsValue::from_str("requestFullscreen")) else {
        return;
    };
    let Some(request) = request.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(promise) = request.call0(&root) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // Swallow the refusal so it is not reported as an unhandled rejection.
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}

/// Leaves full screen, if the page is in it.
fn leave_full_screen() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }
}

/// Properties of [`Presentation`].
#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    /// What the delay does.
    pub view: Rc<DelayView>,
    /// The dataset's name.
    pub dataset: AttrValue,
    /// Leave the presentation.
    pub on_close: Callback<()>,
    /// Change the delay by this many units.
    pub on_step_delay: Callback<i32>,
}

/// The presentation view.
#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let index = use_state(|| 0usize);
    let all = slides(&props.view);
    let count = all.len();
    let current = (*index).min(count.saturating_sub(1));
    let root = use_node_ref();
    let close_button = use_node_ref();

    // Focus the view so that screen readers land in it and keys reach it.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(el) = root.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    // Keys, listened for on the whole document while the view is open.
    {
        let index = index.clone();
        let on_close = props.on_close.clone();
        let on_exit = props.on_close.clone();
        let on_step = props.on_step_delay.clone();
        let close_button = close_button.clone();
        use_effect_with(count, move |count| {
            let count = *count;
            let document = web_sys::window().and_then(|w| w.document());
            let keys = document.as_ref().map(|d| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(d, "keydown", options, move |event| {
                    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let handled = match key.key().as_str() {
                        "ArrowRight" | " " | "Spacebar" | "PageDown" => {
                            index.set((*index + 1).min(count.saturating_sub(1)));
                            true
                        }
                        "ArrowLeft" | "PageUp" => {
                            index.set(index.saturating_sub(1));
                            true
                        }
                        "ArrowUp" => {
                            on_step.emit(1);
                            true
                        }
                        "ArrowDown" => {
                            on_step.emit(-1);
                            true
                        }
                        // The page behind is covered: Tab stays on the view's one button.
                        "Tab" => {
                            if let Some(button) = close_button.cast::<HtmlElement>() {
                                let _ = button.focus();
                            }
                            true
                        }
                        "Escape" => {
                            leave_full_screen();
                            on_close.emit(());
                            true
                        }
                        _ => false,
                    };
                    if handled {
                        event.prevent_default();
                    }
                })
            });
            // Leaving full screen with the browser's own Escape (which the page may never see
            // as a key) leaves the presentation too.
            let was_full = Rc::new(Cell::new(false));
            let exits = document.as_ref().map(|d| {
                let page = d.clone();
                EventListener::new(d, "fullscreenchange", move |_| {
                    if page.fullscreen_element().is_some() {
                        was_full.set(true);
                    } else if was_full.get() {
                        on_exit.emit(());
                    }
                })
            });
            move || {
                drop(keys);
                drop(exits);
            }
        });
    }

    let slide = all.get(current).cloned().unwrap_or(Slide {
        title: String::new(),
        lines: Vec::new(),
    });
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            leave_full_screen();
            on_close.emit(());
        })
    };
    html! {
        <div class="presentation" role="dialog" aria-modal="true" aria-labelledby="presentation-title"
            tabindex="-1" ref={root}>
            <p class="presentation__dataset">{ format!("Workshop · {}", props.dataset) }</p>
            <div class="presentation__slide" aria-live="polite">
                <h2 id="presentation-title" class="presentation__title">{ slide.title }</h2>
                { for slide.lines.into_iter().map(|l| html! { <p class="presentation__line">{ l }</p> }) }
            </div>
            <p class="presentation__progress">{ format!("Screen {} of {count}", current + 1) }</p>
            <p class="presentation__keys">
                { "→ or Space: next · ←: back · ↑ ↓: more or less delay · Esc: leave" }
                <button type="button" class="presentation__close" ref={close_button} onclick={close}>{ "Leave presentation" }</button>
            </p>
        </div>
    }
}
