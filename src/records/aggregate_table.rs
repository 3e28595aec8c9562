//! The table of published yearly figures for years without child-level data.

use scorecard::YearAggregate;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`AggregateTable`].
#[derive(Properties, PartialEq)]
pub struct AggregateTableProps {
    /// The years' figures, oldest first.
    pub aggregates: Rc<Vec<YearAggregate>>,
    /// Called with the index of the entry to edit.
    pub on_edit: Callback<usize>,
    /// Called with the index of the entry to delete.
    pub on_delete: Callback<usize>,
}

/// Shows an optional average, or a dash for "not published".
fn days(value: Option<f64>) -> String {
    value
        .map(scorecard::rounding::one_decimal)
        .unwrap_or_else(|| "–".into())
}

/// The yearly figures table.
#[function_component]
pub fn AggregateTable(props: &AggregateTableProps) -> Html {
    if props.aggregates.is_empty() {
        return html! {
            <p class="records__empty">{ "No yearly figures yet: add a year or import a file." }</p>
        };
    }
    html! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{ "Published figures per financial year" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Year" }</th>
                        <th scope="col" class="table__number">{ "Adopted" }</th>
                        <th scope="col" class="table__number">{ "A1 average (days)" }</th>
                        <th scope="col" class="table__number">{ "A2 children" }</th>
                        <th scope="col" class="table__number">{ "A2 average (days)" }</th>
                        <th scope="col" class="table__number">{ "A3 under 14 months" }</th>
                        <th scope="col" class="table__number">{ "A10 average (days)" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for props.aggregates.iter().enumerate().map(|(i, a)| {
                        let year = a.year.to_string();
                        html! {
                            <tr>
                                <th scope="row">{ &year }</th>
                                <td class="table__number">{ a.adopted }</td>
                                <td class="table__number">{ scorecard::rounding::one_decimal(a.a1_average_days) }</td>
                                <td class="table__number">{ a.a2_children }</td>
                                <td class="table__number">{ days(a.a2_average_days) }</td>
                                <td class="table__number">{ a.a3_under_14_months }</td>
                                <td class="table__number">{ days(a.a10_average_days) }</td>
                                <td class="table__actions">
                                    <button type="button" class="button button--link"
                                        onclick={props.on_edit.reform(move |_| i)}>
                                        { "Edit" }<span class="visually-hidden">{ format!(" {year}") }</span>
                                    </button>
                                    <button type="button" class="button button--link"
                                        onclick={props.on_delete.reform(move |_| i)}>
                                        { "Delete" }<span class="visually-hidden">{ format!(" {year}") }</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
