//! The comparators chart: the shared [`ChartCanvas`] (sized by `devicePixelRatio`, with its
//! words and PNG download), made tall enough for every authority's name to be legible.

use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use scorecard_charts::comparators::ComparatorChart;
use std::rc::Rc;
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
    // Tall enough for every bar's name to be legible: about 26 CSS pixels a bar.
    let size = match props.chart.bars.len() {
        0..=12 => "comparators-chart--short",
        13..=24 => "comparators-chart--medium",
        _ => "comparators-chart--tall",
    };
    html! {
        <ChartCanvas id={props.id.clone()} label={props.chart.title.clone()}
            chart={ChartSpec::Comparators(props.chart.clone())}
            file_name={format!("{}.png", props.id)}
            class={classes!("comparators-chart", size)} />
    }
}
