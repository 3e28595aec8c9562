//! The comparators in the committee report, kept short: where our A1 and A2 would rank, and
//! our figures beside the group averages of the same period. The comparators screen lists
//! every authority; a committee paper needs the comparison, not the list.

use crate::comparators::rows::{rank_sentence, OurFigures};
use crate::forecast::basis::figure_basis_words;
use scorecard::{ComparatorTable, Indicator};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ReportComparators`].
#[derive(Properties, PartialEq)]
pub struct ReportComparatorsProps {
    /// The comparator set.
    pub table: Rc<ComparatorTable>,
    /// Our figures for the period shown.
    pub ours: OurFigures,
}

fn days(v: Option<f64>) -> String {
    v.map(|d| format!("{}", d.round() as i64))
        .unwrap_or_else(|| "–".into())
}

/// The ranks and the averages beside our figure.
#[function_component]
pub fn ReportComparators(props: &ReportComparatorsProps) -> Html {
    let ours = &props.ours;
    let period = ours.period;
    let mut averages: Vec<&scorecard::ComparatorRow> = Vec::new();
    for row in props.table.rows_for(period) {
        if row.is_average() && !averages.iter().any(|a| a.authority == row.authority) {
            averages.push(row);
        }
    }
    let basis = ours
        .basis
        .map(|b| figure_basis_words(ours.counted, b))
        .unwrap_or_default();
    html! {
        <>
            <ul class="report__list">
                <li>{ rank_sentence(ours, Indicator::A1) }</li>
                if ours.a1.is_some() {
                    <li>{ rank_sentence(ours, Indicator::A2) }</li>
                }
            </ul>
            <div class="table-wrap">
                <table class="table report__table comparators-table">
                    <caption class="table__caption">
                        { format!("Three-year averages for {period}, in days: our figure and the published averages. The comparators screen lists every authority.") }
                    </caption>
                    <thead><tr>
                        <th scope="col">{ "Authority" }</th>
                        <th scope="col" class="num">{ "A1 days" }</th>
                        <th scope="col" class="num">{ "A2 days" }</th>
                    </tr></thead>
                    <tbody>
                        <tr class="comparators-table__ours">
                            <th scope="row">
                                <span class="tag tag--ours">{ "Ours" }</span>{ " " }{ ours.label.clone() }
                                if !basis.is_empty() {
                                    <span class="report__row-note">{ format!(" ({basis})") }</span>
                                }
                            </th>
                            <td class="num">{ days(ours.a1) }</td>
                            <td class="num">{ days(ours.a2) }</td>
                        </tr>
                        { for averages.iter().map(|r| html! {
                            <tr class="comparators-table__average">
                                <th scope="row">{ r.authority.clone() }</th>
                                <td class="num">{ days(r.value(Indicator::A1)) }</td>
                                <td class="num">{ days(r.value(Indicator::A2)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
