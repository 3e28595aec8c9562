//! The pipeline's chart and table, drawn a frame after the answers: at thousands of children
//! in the pipeline they take longer to draw than the rest of the forecast together.

use super::chart_data::timeline;
use super::pipeline_table::PipelineTable;
use super::usable::Same;
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use crate::ui::later::use_later;
use chrono::NaiveDate;
use scorecard::Forecast;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PipelineDetails`].
#[derive(Properties, Clone)]
pub struct PipelineDetailsProps {
    /// The forecast whose pipeline is shown.
    pub forecast: Rc<Forecast>,
    /// Each child's own expected adoption order, where the manager set one.
    pub expected_orders: Rc<BTreeMap<String, NaiveDate>>,
    /// A manager set (or cleared) a child's expected adoption order.
    pub on_expected_order: Callback<(String, Option<NaiveDate>)>,
}

impl PartialEq for PipelineDetailsProps {
    fn eq(&self, other: &Self) -> bool {
        same(&self.shown(), &other.shown()) && self.on_expected_order == other.on_expected_order
    }
}

impl PipelineDetailsProps {
    fn shown(&self) -> Drawn {
        (self.forecast.clone(), self.expected_orders.clone())
    }
}

/// What the chart and the table are drawn from.
type Drawn = (Rc<Forecast>, Rc<BTreeMap<String, NaiveDate>>);

/// Compared by identity: each is rebuilt only when its inputs change.
fn same(a: &Drawn, b: &Drawn) -> bool {
    Rc::ptr_eq(&a.0, &b.0) && Rc::ptr_eq(&a.1, &b.1)
}

/// The timeline of the children in the pipeline and the table of them.
#[function_component]
pub fn PipelineDetails(props: &PipelineDetailsProps) -> Html {
    let (forecast, expected_orders) = use_later(props.shown(), same);
    let chart = use_memo(Same(forecast.clone()), |f| Rc::new(timeline(&f.0)));
    html! {
        <>
            <ChartCanvas id="timeline-chart" label="Timeline of the children in the pipeline"
                class={classes!("chart__canvas--tall")}
                chart={ChartSpec::Timeline((*chart).clone())}
                file_name={format!("pipeline-{}.png", forecast.as_of)} />
            <PipelineTable {forecast} {expected_orders} on_expected_order={props.on_expected_order.clone()} />
        </>
    }
}
