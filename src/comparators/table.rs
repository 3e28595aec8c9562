//! The comparators table for one period: our row first and clearly marked, then each group's
//! authorities and averages as published, with the published rank.

use super::rows::{ordinal, OurFigures};
use crate::forecast::basis::figure_basis_words;
use scorecard::{ComparatorTable, Indicator};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ComparatorsTable`].
#[derive(Properties, PartialEq)]
pub struct ComparatorsTableProps {
    /// The comparator set.
    pub table: Rc<ComparatorTable>,
    /// Our figures for the period shown.
    pub ours: OurFigures,
}

fn days(v: Option<f64>) -> String {
    v.map(|d| format!("{}", d.round() as i64))
        .unwrap_or_else(|| "–".into())
}

fn estimated(rank: Option<(u32, u32)>) -> String {
    rank.map(|(r, of)| format!("{} of {of}", ordinal(r)))
        .unwrap_or_else(|| "–".into())
}

/// The comparators table.
#[function_component]
pub fn ComparatorsTable(props: &ComparatorsTableProps) -> Html {
    let ours = &props.ours;
    let period = ours.period;
    let rows = props.table.rows_for(period);
    let groups = props.table.groups();
    let basis = ours
        .basis
        .map(|b| format!(" ({})", figure_basis_words(ours.counted, b)))
        .unwrap_or_default();
    html! {
        <div class="table-wrap">
            <table class="table comparators-table">
                <caption class="table__caption">
                    { format!("Three-year averages for {period}, in days; published rank among all English authorities, 1st the fastest") }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Authority" }</th>
                        <th scope="col">{ "Group" }</th>
                        <th scope="col" class="num">{ "A1 days" }</th>
                        <th scope="col" class="num">{ "A2 days" }</th>
                        <th scope="col">{ "Rank" }</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="comparators-table__ours">
                        <th scope="row">
                            <span class="tag tag--ours">{ "Ours" }</span>{ " " }{ ours.label.clone() }
                        </th>
                        <td>{ format!("Worked out from your data{basis}") }</td>
                        <td class="num">{ days(ours.a1) }</td>
                        <td class="num">{ days(ours.a2) }</td>
                        <td>{ format!("estimated A1 {}, A2 {}", estimated(ours.a1_rank), estimated(ours.a2_rank)) }</td>
                    </tr>
                </tbody>
                { for groups.iter().map(|group| {
                    let members: Vec<_> = rows.iter().filter(|r| r.group == *group).collect();
                    html! {
                        if !members.is_empty() {
                            <tbody>
                                <tr class="comparators-table__group">
                                    <th scope="rowgroup" colspan="5">{ group.to_string() }</th>
                                </tr>
                                { for members.iter().map(|r| html! {
                                    <tr class={classes!(r.is_average().then_some("comparators-table__average"))}>
                                        <th scope="row">{ r.authority.clone() }</th>
                                        <td>{ r.group.clone() }</td>
                                        <td class="num">{ days(r.value(Indicator::A1)) }</td>
                                        <td class="num">{ days(r.value(Indicator::A2)) }</td>
                                        <td>{ r.rank.map(ordinal).unwrap_or_else(|| "–".into()) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        }
                    }
                }) }
            </table>
        </div>
    }
}
