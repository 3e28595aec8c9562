//! A chart on a `<canvas>`: sized by `devicePixelRatio` so it stays sharp on high-DPI screens
//! (plotters-canvas draws at the canvas's own pixel size and knows nothing of CSS pixels),
//! redrawn when the window is resized, described in words for screen readers, and offered as
//! a PNG download.

use gloo_events::EventListener;
use scorecard_charts::comparators::{draw_comparators, ComparatorChart};
use scorecard_charts::{
    draw_backtest, draw_tenths, draw_timeline, draw_trajectory, BacktestChart, ChartError,
    ChartStyle, TenthsChart, Timeline, Trajectory,
};
use std::rc::Rc;
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

    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "resize", move |_| resized.set(*resized + 1))
            });
            move || drop(listener)
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
                    .and_then(|canvas| draw(&canvas, chart, *projector));
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

/// Sizes the canvas to its CSS box times the device pixel ratio, then draws.
fn draw(canvas: &HtmlCanvasElement, chart: &ChartSpec, projector: bool) -> Result<(), ChartError> {
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0);
    let css_width = canvas.client_width().max(300) as f64;
    let css_height = canvas.client_height().max(200) as f64;
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError("this browser gives no 2D drawing context".into()))?;
    let area = plotters::prelude::IntoDrawingArea::into_drawing_area(backend);
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
