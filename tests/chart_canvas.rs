//! The chart component in a real browser: its canvas is sized to its CSS box times the device
//! pixel ratio (so it stays sharp on high-DPI screens), it redraws when the window is resized
//! or its box changes, and it carries its text alternative and the PNG download.
#![cfg(target_arch = "wasm32")]

use adoption_forecast::ui::chart_canvas::{ChartCanvas, ChartCanvasProps, ChartSpec};
use scorecard_charts::{PeriodPoint, Trajectory};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler render and run effects (it runs on the browser's task queue).
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn trajectory() -> Trajectory {
    Trajectory {
        title: "A1: three-year average".into(),
        unit: "days".into(),
        periods: vec![
            PeriodPoint {
                label: "2012-15".into(),
                rolling: Some(565.0),
                threshold: Some(497.0),
                ..PeriodPoint::default()
            },
            PeriodPoint {
                label: "2013-16".into(),
                rolling: Some(554.0),
                projected: true,
                threshold: Some(426.0),
                ..PeriodPoint::default()
            },
        ],
        comparison_name: None,
    }
}

/// Draws the trajectory chart in a new element on the page: gives the element (to remove at
/// the end) and the chart's canvas, once drawn.
async fn mount_chart(
    id: &str,
    label: &str,
    projector: bool,
) -> (web_sys::Element, web_sys::HtmlCanvasElement) {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = ChartCanvasProps {
        id: id.to_string().into(),
        label: label.to_string().into(),
        chart: ChartSpec::Trajectory(Rc::new(trajectory())),
        file_name: format!("{id}.png").into(),
        class: Default::default(),
        projector,
    };
    yew::Renderer::<ChartCanvas>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let canvas = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    (root, canvas)
}

#[wasm_bindgen_test]
async fn the_canvas_is_sized_by_the_device_pixel_ratio_and_redrawn_on_resize() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let (root, canvas) = mount_chart("test-chart", "Trajectory", false).await;
    // The stylesheet gives the canvas its CSS size in the app; here the test does.
    canvas
        .set_attribute("style", "display:block;width:640px;height:320px")
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("resize").unwrap())
        .unwrap();
    settle().await;

    let ratio = window.device_pixel_ratio();
    assert_eq!(canvas.width(), (640.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (320.0 * ratio).round() as u32);
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));

    let words = document.get_element_by_id("test-chart-text").unwrap();
    assert!(words
        .text_content()
        .unwrap()
        .contains("2013-16: 554 days (projected), threshold 426, not met."));
    let buttons = root.query_selector_all("button").unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .filter_map(|i| buttons.get(i)?.text_content())
        .collect();
    assert!(labels.iter().any(|l| l == "Download chart (PNG)"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_canvas_is_drawn_again_whenever_its_box_changes_size() {
    let window = web_sys::window().unwrap();
    let (root, canvas) = mount_chart("resized-chart", "Trajectory", false).await;
    let ratio = window.device_pixel_ratio();

    // The box changes with no resize of the window (a scroll bar, a panel opened beside it).
    canvas
        .set_attribute("style", "display:block;width:520px;height:260px")
        .unwrap();
    settle().await;
    assert_eq!(canvas.width(), (520.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (260.0 * ratio).round() as u32);

    // And again: every change of size is drawn, not only the first.
    canvas
        .set_attribute("style", "display:block;width:700px;height:350px")
        .unwrap();
    settle().await;
    assert_eq!(canvas.width(), (700.0 * ratio).round() as u32);
    assert_eq!(canvas.height(), (350.0 * ratio).round() as u32);

    // Two resizes of the window after a change of the box: each reads the box again.
    canvas
        .set_attribute("style", "display:block;width:610px;height:305px")
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("resize").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(canvas.width(), (610.0 * ratio).round() as u32);
    window
        .dispatch_event(&web_sys::Event::new("resize").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(canvas.width(), (610.0 * ratio).round() as u32);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_projector_chart_keeps_its_words_for_screen_readers_and_offers_no_download() {
    let document = web_sys::window().unwrap().document().unwrap();
    let (root, canvas) = mount_chart("slide-chart", "Every period Child A counts in", true).await;
    assert_eq!(
        canvas.get_attribute("aria-describedby").as_deref(),
        Some("slide-chart-text")
    );
    let words = document.get_element_by_id("slide-chart-text").unwrap();
    assert_eq!(words.class_name(), "visually-hidden");
    assert!(words.text_content().unwrap().contains("2012-15: 565 days"));
    assert_eq!(root.query_selector_all("button").unwrap().length(), 0);
    root.remove();
}
