//! The presentation view for a projector: large type, high contrast, one idea per screen.
//! ArrowRight or Space moves on, ArrowLeft back, ArrowUp and ArrowDown change the delay, and
//! Escape leaves; on a touch screen a swipe to the left moves on and to the right goes back,
//! and a tap on the right half of the screen moves on, on the left half back. It asks for
//! full screen where the browser allows it and is a full-window overlay otherwise (a headless
//! browser, or a refusal). What each slide says is in [`super::slides`].

use super::delay_view::DelayView;
use super::slides::{assumptions, periods_chart, periods_chart_name, slides, Shown, Slide};
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

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

/// How far a finger must travel sideways, in CSS pixels, for a swipe; less, and it is a tap.
const SWIPE_PX: f64 = 50.0;

/// Where a move on a touch screen leads: `Some(1)` to the next slide, `Some(-1)` back, `None`
/// nowhere (a move mostly up or down, or one that is neither a tap nor a swipe). `dx` and `dy`
/// are how far the finger travelled, `x` where it lifted, `width` the view's width.
pub fn touch_step(dx: f64, dy: f64, x: f64, width: f64) -> Option<i32> {
    if dx.abs() >= SWIPE_PX && dx.abs() > dy.abs() {
        Some(if dx < 0.0 { 1 } else { -1 })
    } else if dx.abs() < 10.0 && dy.abs() < 10.0 {
        Some(if x >= width / 2.0 { 1 } else { -1 })
    } else {
        None
    }
}

/// Properties of [`Presentation`].
#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    /// What the delay does.
    pub view: Rc<DelayView>,
    /// The dataset's name.
    pub dataset: AttrValue,
    /// How the child is shown (named, or "Child A" with months and years).
    pub shown: Shown,
    /// Leave the presentation.
    pub on_close: Callback<()>,
    /// Change the delay by this many units.
    pub on_step_delay: Callback<i32>,
}

/// The presentation view.
#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let index = use_state(|| 0usize);
    let all = slides(&props.view, &props.shown);
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

    // Taps and swipes on a touch screen (a mouse has the keys and the button).
    let touch_start = use_mut_ref(|| None::<(f64, f64)>);
    let onpointerdown = {
        let touch_start = touch_start.clone();
        Callback::from(move |e: PointerEvent| {
            let touch = matches!(e.pointer_type().as_str(), "touch" | "pen");
            *touch_start.borrow_mut() =
                touch.then(|| (f64::from(e.client_x()), f64::from(e.client_y())));
        })
    };
    let onpointerup = {
        let (touch_start, index, root) = (touch_start.clone(), index.clone(), root.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((x0, y0)) = touch_start.borrow_mut().take() else {
                return;
            };
            // The button keeps its own meaning.
            let on_button = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button").ok().flatten())
                .is_some();
            let width = root
                .cast::<HtmlElement>()
                .map(|el| f64::from(el.client_width()))
                .unwrap_or(0.0);
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            match touch_step(x - x0, y - y0, x, width) {
                Some(_) if on_button => {}
                Some(1) => index.set((*index + 1).min(count.saturating_sub(1))),
                Some(_) => index.set(index.saturating_sub(1)),
                None => {}
            }
        })
    };
    let onpointercancel = {
        let touch_start = touch_start.clone();
        Callback::from(move |_: PointerEvent| *touch_start.borrow_mut() = None)
    };

    let slide = all.get(current).cloned().unwrap_or(Slide {
        title: String::new(),
        lines: Vec::new(),
        chart: false,
    });
    let chart = slide.chart.then(|| {
        html! {
            <ChartCanvas id="presentation-chart" label={periods_chart_name(&props.view, &props.shown)}
                chart={ChartSpec::Trajectory(Rc::new(periods_chart(&props.view)))}
                file_name="presentation-chart.png" class="presentation__chart" projector=true />
        }
    });
    let assumed = assumptions(&props.view, &props.shown);
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            leave_full_screen();
            on_close.emit(());
        })
    };
    html! {
        <div class="presentation" role="dialog" aria-modal="true" aria-labelledby="presentation-title"
            tabindex="-1" ref={root} {onpointerdown} {onpointerup} {onpointercancel}>
            <p class="presentation__dataset">{ format!("Workshop · {}", props.dataset) }</p>
            <div class={classes!("presentation__slide", slide.chart.then_some("presentation__slide--chart"))} aria-live="polite">
                <h2 id="presentation-title" class="presentation__title">{ slide.title }</h2>
                if let Some(chart) = chart {
                    { chart }
                    <ul class="presentation__figures">
                        { for slide.lines.into_iter().map(|l| html! { <li class="presentation__line">{ l }</li> }) }
                    </ul>
                } else {
                    { for slide.lines.into_iter().map(|l| html! { <p class="presentation__line">{ l }</p> }) }
                }
            </div>
            <ul class="presentation__assumptions" aria-label="Assumptions">
                { for assumed.into_iter().map(|a| html! { <li>{ a }</li> }) }
            </ul>
            <div class="presentation__keys">
                <p class="presentation__progress">{ format!("Screen {} of {count}", current + 1) }</p>
                <p class="presentation__help">
                    { "→, Space, swipe left or tap right: next · ←, swipe right or tap left: back · ↑ ↓: more or less delay · Esc: leave" }
                </p>
                <button type="button" class="presentation__close" ref={close_button} onclick={close}>{ "Leave presentation" }</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::touch_step;

    #[test]
    fn a_swipe_or_a_tap_moves_the_presentation() {
        // On a 1280-pixel-wide screen: a swipe to the left moves on, to the right back.
        assert_eq!(touch_step(-300.0, 20.0, 400.0, 1280.0), Some(1));
        assert_eq!(touch_step(300.0, -20.0, 900.0, 1280.0), Some(-1));
        // A tap on the right half moves on, on the left half back.
        assert_eq!(touch_step(2.0, 3.0, 1000.0, 1280.0), Some(1));
        assert_eq!(touch_step(0.0, 0.0, 200.0, 1280.0), Some(-1));
        // A move mostly up or down, or too short for a swipe and too long for a tap: nothing.
        assert_eq!(touch_step(60.0, 200.0, 900.0, 1280.0), None);
        assert_eq!(touch_step(30.0, 0.0, 900.0, 1280.0), None);
    }
}
