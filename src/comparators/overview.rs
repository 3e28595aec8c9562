//! The comparators for one period as a whole: the rank sentences, the table and the chart of
//! one indicator. Used by the comparators screen and the committee report.

use super::chart::ComparatorsChart;
use super::rows::{chart, rank_sentence, OurFigures};
use super::table::ComparatorsTable;
use scorecard::{ComparatorTable, Indicator};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ComparatorsOverview`].
#[derive(Properties, PartialEq)]
pub struct ComparatorsOverviewProps {
    /// The comparator set.
    pub table: Rc<ComparatorTable>,
    /// Our figures for the period.
    pub ours: OurFigures,
    /// Our authority's name (its published rows are replaced by our figure on the chart).
    pub authority: AttrValue,
    /// The indicator charted.
    pub indicator: Indicator,
    /// A page-unique id for the chart.
    pub chart_id: AttrValue,
}

/// Rank sentences, table and chart.
#[function_component]
pub fn ComparatorsOverview(props: &ComparatorsOverviewProps) -> Html {
    // The built-in set is Sheffield's: its groups and averages are named as Sheffield's.
    let built_in = crate::context::use_app().document.comparators.is_none();
    let drawn = Rc::new(chart(
        &props.table,
        &props.ours,
        &props.authority,
        props.indicator,
        built_in,
    ));
    html! {
        <>
            <ul class="comparators__ranks" aria-live="polite">
                <li>{ rank_sentence(&props.ours, Indicator::A1) }</li>
                if props.ours.a1.is_some() {
                    <li>{ rank_sentence(&props.ours, Indicator::A2) }</li>
                }
            </ul>
            <ComparatorsChart id={props.chart_id.clone()} chart={drawn} />
            <ComparatorsTable table={props.table.clone()} ours={props.ours.clone()}
                authority={props.authority.clone()} {built_in} />
        </>
    }
}
