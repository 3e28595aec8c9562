//! The comparators table for one period: our row first and clearly marked, then each group's
//! authorities and averages as published. Two kinds of rank, in their own columns: the rank in
//! this table (the authorities listed and our figure, worked out here), and the rank among all
//! English authorities (published for the A1 of the authorities; ours estimated from them).

use super::rows::{ordinal, rank_in_table, OurFigures};
use super::words::{average_name, group_heading, national_short, source_line};
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
    /// Our authority's name (its published rows are left out of the ranks in this table).
    pub authority: AttrValue,
    /// Whether the table is the built-in one (the Sheffield scrutiny report's), whose groups
    /// are Sheffield's.
    pub built_in: bool,
}

fn days(v: Option<f64>) -> String {
    v.map(|d| format!("{}", d.round() as i64))
        .unwrap_or_else(|| "–".into())
}

fn of(rank: Option<(u32, u32)>) -> String {
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
    let others = props.table.without_authority(&props.authority);
    let basis = ours
        .basis
        .map(|b| format!(" ({})", figure_basis_words(ours.counted, b)))
        .unwrap_or_default();
    let national = ours
        .a1_national
        .as_ref()
        .map(national_short)
        .unwrap_or_else(|| "–".into());
    html! {
        <>
        <div class="table-wrap">
            <table class="table comparators-table">
                <caption class="table__caption">
                    { format!("Three-year averages for {period}, in days. Ranks: 1st the fastest; \
                               \u{201c}in this table\u{201d} counts the authorities listed and our \
                               figure; \u{201c}in England\u{201d} is the published A1 rank among \
                               all English authorities, ours an estimate") }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Authority" }</th>
                        <th scope="col">{ "Group" }</th>
                        <th scope="col" class="num">{ "A1 days" }</th>
                        <th scope="col" class="num">{ "A2 days" }</th>
                        <th scope="col">{ "A1 rank in this table" }</th>
                        <th scope="col">{ "A2 rank in this table" }</th>
                        <th scope="col">{ "A1 rank in England" }</th>
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
                        <td>{ of(ours.a1_rank) }</td>
                        <td>{ of(ours.a2_rank) }</td>
                        <td>{ national }</td>
                    </tr>
                </tbody>
                { for groups.iter().map(|group| {
                    let members: Vec<_> = rows.iter().filter(|r| r.group == *group).collect();
                    let heading = group_heading(group, props.built_in);
                    html! {
                        if !members.is_empty() {
                            <tbody>
                                <tr class="comparators-table__group">
                                    <th scope="rowgroup" colspan="7">{ heading.clone() }</th>
                                </tr>
                                { for members.iter().map(|r| html! {
                                    <tr class={classes!(r.is_average().then_some("comparators-table__average"))}>
                                        <th scope="row">{ average_name(&r.authority, props.built_in) }</th>
                                        <td>{ heading.clone() }</td>
                                        <td class="num">{ days(r.value(Indicator::A1)) }</td>
                                        <td class="num">{ days(r.value(Indicator::A2)) }</td>
                                        <td>{ of(rank_in_table(&others, r, ours, Indicator::A1)) }</td>
                                        <td>{ of(rank_in_table(&others, r, ours, Indicator::A2)) }</td>
                                        <td>{ r.rank.map(ordinal).unwrap_or_else(|| "–".into()) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        }
                    }
                }) }
            </table>
        </div>
        <p class="comparators__source">{ source_line(props.built_in, period) }</p>
        </>
    }
}
