//! The pipeline's main drivers for the report: the children whose projected adoption moves
//! the three-year A1 or A2 average most, each with its effect in words (the dashboard's own
//! ordering and sentences, so the report and the screen always agree).

use crate::forecast::pipeline_table::{effect_sentence, largest_effect, sorted, PipelineSort};
use scorecard::dates::format_uk;
use scorecard::{Forecast, Indicator};
use std::rc::Rc;
use yew::prelude::*;

/// How many children the report lists: a committee needs the few that matter, not the list.
pub const TOP_DRIVERS: usize = 5;

/// Properties of [`Drivers`].
#[derive(Properties, PartialEq)]
pub struct DriversProps {
    /// The forecast whose pipeline is summarised.
    pub forecast: Rc<Forecast>,
}

/// The main drivers section of the report.
#[function_component]
pub fn Drivers(props: &DriversProps) -> Html {
    let children: Vec<_> = sorted(&props.forecast, PipelineSort::Impact)
        .into_iter()
        .take(TOP_DRIVERS)
        .collect();
    html! {
        <section class="report__section" aria-labelledby="report-drivers">
            <h2 id="report-drivers">{ "Main drivers in the pipeline" }</h2>
            if children.is_empty() {
                <p>{ "No children are in the pipeline on the as-of date." }</p>
            } else {
                <p>{ format!("The {} children in the pipeline whose projected adoption moves the three-year averages most, of {} in the pipeline.",
                    children.len(), props.forecast.pipeline.len()) }</p>
                <div class="table-wrap">
                <table class="table report__table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Child" }</th>
                            <th scope="col">{ "Stage" }</th>
                            <th scope="col">{ "Days since entering care" }</th>
                            <th scope="col">{ "Projected adoption order" }</th>
                            <th scope="col">{ "Effect on the averages" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for children.iter().map(|c| {
                            let effects: Vec<String> = [Indicator::A1, Indicator::A2]
                                .iter()
                                .filter_map(|&i| largest_effect(c, i))
                                .map(effect_sentence)
                                .collect();
                            html! {
                                <tr>
                                    <th scope="row">{ c.child_id.clone() }</th>
                                    <td>{ c.stage.label() }</td>
                                    <td class="num">{ c.days_so_far }</td>
                                    <td>{ c.projection.milestones.adoption_order.map(format_uk).unwrap_or_default() }
                                        { format!(" ({})", c.projection.year) }</td>
                                    <td>{ if effects.is_empty() { "too few children to say".to_string() } else { effects.join("; ") } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
        </section>
    }
}
