//! A chart on a `<canvas>`: sized by `devicePixelRatio` so it stays sharp on high-DPI screens
//! (plotters-canvas draws at the canvas's own pixel size and knows nothing of CSS pixels),
//! redrawn when the window or the canvas's box is resized, described in words for screen
//! readers, and offered as a PNG download.
//!
//! The canvas's size in CSS pixels is kept as the browser last laid it out, and told by a
//! `ResizeObserver` when it changes: reading it at each redraw (`clientWidth`) would make the
//! browser lay the page out in the middle of a what-if's change, before the page is drawn.

use crate::ui::measured_text::MeasuredOnce;
use gloo_events::EventListener;
use scorecard_charts::comparators::{draw_comparators, ComparatorChart};
use scorecard_charts::{
    draw_backtest, draw_tenths, draw_timeline, draw_trajectory, BacktestChart, ChartError,
    ChartStyle, TenthsChart, Timeline, Trajectory,
};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Which chart to draw, with its data.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// The rolling-average trajectory of one indicator.
    Trajectory(Rc<Trajectory>),
    /// The pipeline's children and their stages.
    Timeline(Rc<Timeline>),
    /// The authority's three-year figure among its comparators.
    Comparators(Rc<ComparatorChart>),
    /// Past forecasts beside what happened.
    Backtest(Rc<BacktestChart>),
    /// Where what happened fell among the runs of each past forecast.
    Tenths(Rc<TenthsChart>),
}

impl ChartSpec {
    fn text_alternative(&self) -> String {
        match self {
            ChartSpec::Trajectory(t) => t.text_alternative(),
            ChartSpec::Timeline(t) => t.text_alternative(),
            ChartSpec::Comparators(c) => c.text_alternative(),
            ChartSpec::Backtest(b) => b.text_alternative(),
            ChartSpec::Tenths(t) => t.text_alternative(),
        }
    }
}

/// Properties of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// A page-unique id, used to tie the canvas to its text alternative.
    pub id: AttrValue,
    /// The chart's accessible name.
    pub label: AttrValue,
    /// What to draw.
    pub chart: ChartSpec,
    /// The name of the PNG file offered for download.
    pub file_name: AttrValue,
    /// An extra CSS class for the canvas (its height is set in the stylesheet).
    #[prop_or_default]
    pub class: Classes,
    /// Drawn for a projector (text a room can read, thicker lines), in a presentation: the
    /// words are then for screen readers only, and no download is offered.
    #[prop_or_default]
    pub projector: bool,
}

/// A chart drawn with plotters on a canvas, with its text alternative and a PNG download.
#[function_component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let resized = use_state(|| 0u32);
    let failure = use_state(|| None::<String>);
    // The canvas's CSS size as last laid out (`None`: to be read at the next drawing).
    let size = use_memo((), |_| Cell::new(None::<(i32, i32)>));

    {
        // Each resize draws again: a count of them, as a handle reads the state it was made with.
        let redraw = {
            let count = Rc::new(Cell::new(0u32));
            let resized = resized.clone();
            Rc::new(move || {
                count.set(count.get() + 1);
                resized.set(count.get());
            })
        };
        let size = size.clone();
        let canvas_ref = canvas_ref.clone();
        use_effect_with((), move |_| {
            // A change of zoom changes the device pixel ratio but not always the box: the
            // window's resize asks for a new reading and a redraw.
            let listener = web_sys::window().map(|window| {
                let redraw = redraw.clone();
                let size = size.clone();
                EventListener::new(&window, "resize", move |_| {
                    size.set(None);
                    redraw();
                })
            });
            let observer = canvas_ref
                .cast::<HtmlCanvasElement>()
                .and_then(|canvas| observe_size(canvas, size, redraw));
            move || {
                drop(listener);
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    {
        let canvas_ref = canvas_ref.clone();
        let failure = failure.clone();
        use_effect_with(
            (props.chart.clone(), *resized, props.projector),
            move |(chart, _, projector)| {
                let outcome = canvas_ref
                    .cast::<HtmlCanvasElement>()
                    .ok_or_else(|| ChartError("the canvas is not on the page".into()))
                    .and_then(|canvas| draw(&canvas, &size, chart, *projector));
                failure.set(outcome.err().map(|e| e.to_string()));
                mark_drawn();
            },
        );
    }

    let download = {
        let canvas_ref = canvas_ref.clone();
        let file_name = props.file_name.clone();
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(why) = download_png(&canvas_ref, &file_name) {
                failure.set(Some(why));
            }
        })
    };

    let description_id = format!("{}-text", props.id);
    if props.projector {
        return html! {
            <figure class="chart chart--projector">
                <canvas id={props.id.clone()} ref={canvas_ref}
                    class={classes!("chart__canvas", props.class.clone())}
                    role="img" aria-label={props.label.clone()}
                    aria-describedby={description_id.clone()} />
                <p class="visually-hidden" id={description_id}>{ props.chart.text_alternative() }</p>
                if let Some(why) = &*failure {
                    <p class="field-error" role="alert">{ why.clone() }</p>
                }
            </figure>
        };
    }
    html! {
        <figure class="chart">
            <canvas id={props.id.clone()} ref={canvas_ref}
                class={classes!("chart__canvas", props.class.clone())}
                role="img" aria-label={props.label.clone()}
                aria-describedby={description_id.clone()} />
            <figcaption class="chart__caption">
                <details class="chart__words">
                    <summary>{ "The chart in words" }</summary>
                    <p id={description_id}>{ props.chart.text_alternative() }</p>
                </details>
                // Named after its chart: a screen with two charts has two different downloads.
                <button type="button" class="button button--secondary" onclick={download}
                    aria-label={format!("Download chart (PNG): {}", props.label)}>
                    { "Download chart (PNG)" }
                </button>
            </figcaption>
            if let Some(why) = &*failure {
                <p class="field-error" role="alert">{ why.clone() }</p>
            }
        </figure>
    }
}

/// Watches the canvas's box: when the browser lays it out at another size than the one kept
/// in `size`, keeps the new one and draws again. Gives the observer and its callback, which
/// must live as long as it watches.
fn observe_size(
    canvas: HtmlCanvasElement,
    size: Rc<Cell<Option<(i32, i32)>>>,
    redraw: Rc<dyn Fn()>,
) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let watched = canvas.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        // Read after the browser's layout, where reading the size costs nothing.
        let now = css_size(&watched);
        if size.get() != Some(now) {
            size.set(Some(now));
            redraw();
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&canvas);
    Some((observer, callback))
}

/// The canvas's box in CSS pixels, as the browser laid it out.
fn css_size(canvas: &HtmlCanvasElement) -> (i32, i32) {
    (canvas.client_width(), canvas.client_height())
}

/// Sizes the canvas to its CSS box times the device pixel ratio, then draws.
fn draw(
    canvas: &HtmlCanvasElement,
    size: &Cell<Option<(i32, i32)>>,
    chart: &ChartSpec,
    projector: bool,
) -> Result<(), ChartError> {
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0);
    let (width, height) = size.get().unwrap_or_else(|| {
        let now = css_size(canvas);
        size.set(Some(now));
        now
    });
    let css_width = width.max(300) as f64;
    let css_height = height.max(200) as f64;
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError("this browser gives no 2D drawing context".into()))?;
    let area = plotters::prelude::IntoDrawingArea::into_drawing_area(MeasuredOnce::new(backend));
    let style = if projector {
        ChartStyle::projector(ratio)
    } else {
        ChartStyle::screen(ratio)
    };
    match chart {
        ChartSpec::Trajectory(t) => draw_trajectory(&area, t, style),
        ChartSpec::Timeline(t) => draw_timeline(&area, t, style),
        ChartSpec::Comparators(c) => draw_comparators(&area, c, style),
        ChartSpec::Backtest(b) => draw_backtest(&area, b, style),
        ChartSpec::Tenths(t) => draw_tenths(&area, t, style),
    }
}

/// Leaves a `chart-drawn` performance mark, which the page benchmark reads to time an input
/// event to the end of drawing.
fn mark_drawn() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("chart-drawn");
    }
}

/// Offers the canvas as a PNG file.
fn download_png(canvas_ref: &NodeRef, file_name: &str) -> Result<(), String> {
    let canvas = canvas_ref
        .cast::<HtmlCanvasElement>()
        .ok_or("the chart is not on the page")?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the browser would not turn the chart into a picture".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link = document
        .create_element("a")
        .map_err(|_| "could not offer the download")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "could not offer the download")?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    Ok(())
}
