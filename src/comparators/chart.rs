//! The comparators chart on a canvas, sized by `devicePixelRatio` as the dashboard's charts
//! are (plotters-canvas draws at the canvas's pixel size), with its text alternative.
//!
//! The dashboard's `ChartCanvas` takes a closed set of charts; until it takes this one too,
//! this small component does the same sizing for the comparators chart.

use gloo_events::EventListener;
use scorecard_charts::comparators::{draw_comparators, ComparatorChart};
use scorecard_charts::ChartError;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Properties of [`ComparatorsChart`].
#[derive(Properties, PartialEq)]
pub struct ComparatorsChartProps {
    /// A page-unique id.
    pub id: AttrValue,
    /// What to draw.
    pub chart: Rc<ComparatorChart>,
}

/// The comparators bar chart.
#[function_component]
pub fn ComparatorsChart(props: &ComparatorsChartProps) -> Html {
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
        use_effect_with((props.chart.clone(), *resized), move |(chart, _)| {
            let outcome = canvas_ref
                .cast::<HtmlCanvasElement>()
                .ok_or_else(|| ChartError("the canvas is not on the page".into()))
                .and_then(|canvas| draw(&canvas, chart));
            failure.set(outcome.err().map(|e| e.to_string()));
        });
    }
    let description = format!("{}-text", props.id);
    // Tall enough for every bar's name to be legible: about 26 CSS pixels a bar.
    let rows = props.chart.bars.len();
    let size = match rows {
        0..=12 => "comparators-chart--short",
        13..=24 => "comparators-chart--medium",
        _ => "comparators-chart--tall",
    };
    html! {
        <figure class="chart">
            <canvas id={props.id.clone()} ref={canvas_ref}
                class={classes!("chart__canvas", "comparators-chart", size)}
                role="img" aria-label={props.chart.title.clone()} aria-describedby={description.clone()} />
            <figcaption class="chart__caption">
                <details class="chart__words">
                    <summary>{ "The chart in words" }</summary>
                    <p id={description}>{ props.chart.text_alternative() }</p>
                </details>
            </figcaption>
            if let Some(why) = &*failure {
                <p class="field-error" role="alert">{ why.clone() }</p>
            }
        </figure>
    }
}

fn draw(canvas: &HtmlCanvasElement, chart: &ComparatorChart) -> Result<(), ChartError> {
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
    draw_comparators(&area, chart, ratio)
}
