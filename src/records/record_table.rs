//! The table of children: sortable by any column with a button in its header, filterable by
//! stage, with each child's current stage and days waiting so far at the as-of date.

use crate::records::child_status::{ChildStatus, StatusFilter};
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use scorecard::ChildRecord;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RecordTable`].
#[derive(Properties, PartialEq)]
pub struct RecordTableProps {
    /// Every child.
    pub records: Rc<Vec<ChildRecord>>,
    /// The date "so far" is counted to.
    pub as_of: NaiveDate,
    /// Called with a child's reference to edit it.
    pub on_edit: Callback<String>,
    /// Called with a child's reference to delete it.
    pub on_delete: Callback<String>,
    /// The children the engine finds a problem with, and whether it is an error (left out
    /// of the figures) rather than a warning.
    #[prop_or_default]
    pub flagged: Rc<BTreeMap<String, bool>>,
    /// The authorities' names by number, when the table shows several authorities' children
    /// (the agency as a whole): each row then names its authority, the table filters by
    /// authority, and a child is changed on its own authority's view.
    #[prop_or_default]
    pub authorities: Option<Rc<BTreeMap<u32, String>>>,
}

/// How many rows are drawn before the user asks for all of them.
const ROW_LIMIT: usize = 250;

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    ChildId,
    EnteredCare,
    Stage,
    DaysWaiting,
    Placed,
    AdoptionOrder,
}

impl Column {
    fn title(self) -> &'static str {
        match self {
            Column::ChildId => "Case reference",
            Column::EnteredCare => "Entered care",
            Column::Stage => "Current stage",
            Column::DaysWaiting => "Days waiting so far",
            Column::Placed => "Placed",
            Column::AdoptionOrder => "Adoption order",
        }
    }
}

struct Row<'a> {
    record: &'a ChildRecord,
    status: ChildStatus,
    days: i64,
}

fn compare(column: Column, a: &Row, b: &Row) -> Ordering {
    match column {
        Column::ChildId => natural(&a.record.child_id, &b.record.child_id),
        Column::EnteredCare => a.record.entered_care.cmp(&b.record.entered_care),
        Column::Stage => a.status.order().cmp(&b.status.order()),
        Column::DaysWaiting => a.days.cmp(&b.days),
        Column::Placed => a.record.placed.cmp(&b.record.placed),
        Column::AdoptionOrder => a.record.adoption_order.cmp(&b.record.adoption_order),
    }
}

/// Orders "C2" before "C10", as a person would.
fn natural(a: &str, b: &str) -> Ordering {
    fn key(s: &str) -> (String, u64, String) {
        let digits_at = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
        let (prefix, rest) = s.split_at(digits_at);
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let number = rest[..end].parse().unwrap_or(0);
        (prefix.to_lowercase(), number, rest[end..].to_lowercase())
    }
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// The records table with its stage filter.
#[function_component]
pub fn RecordTable(props: &RecordTableProps) -> Html {
    let sort = use_state(|| (Column::ChildId, true));
    let filter = use_state(|| StatusFilter::All);
    let show_all = use_state(|| false);
    let authority_filter = use_state(|| None::<u32>);
    let as_of = props.as_of;
    let mut rows: Vec<Row> = props
        .records
        .iter()
        .map(|record| Row {
            record,
            status: ChildStatus::of(record, as_of),
            days: ChildStatus::days_waiting(record, as_of),
        })
        .filter(|row| filter.matches(row.status))
        .filter(|row| authority_filter.is_none_or(|id| row.record.authority == id))
        .collect();
    let (column, ascending) = *sort;
    scorecard::sorting::sort_by(&mut rows, |a, b| {
        let o = compare(column, a, b);
        if ascending {
            o
        } else {
            o.reverse()
        }
    });

    let header = |c: Column| {
        let sort = sort.clone();
        let active = column == c;
        let onclick = Callback::from(move |_| {
            let (current, asc) = *sort;
            sort.set((c, if current == c { !asc } else { true }));
        });
        let aria_sort = active.then_some(if ascending { "ascending" } else { "descending" });
        let arrow = match (active, ascending) {
            (false, _) => "",
            (true, true) => " ▲",
            (true, false) => " ▼",
        };
        let numeric = c == Column::DaysWaiting;
        html! {
            <th scope="col" aria-sort={aria_sort} class={classes!(numeric.then_some("table__number"))}>
                <button type="button" class="sort-button" {onclick}>
                    { c.title() }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            filter.set(StatusFilter::from_value(&select.value()));
        })
    };
    let on_authority_filter = {
        let authority_filter = authority_filter.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            authority_filter.set(select.value().parse().ok());
        })
    };
    let authorities = props.authorities.clone();
    let several = authorities.is_some();
    let authority_of = |id: u32| {
        authorities
            .as_ref()
            .and_then(|names| names.get(&id).cloned())
            .unwrap_or_default()
    };
    let matching = rows.len();
    let total = props.records.len();
    // Drawing thousands of rows at once would make every change slow; the first ones (in the
    // chosen order) are shown, and the rest on request.
    if !*show_all {
        rows.truncate(ROW_LIMIT);
    }
    let shown = rows.len();
    let reveal = {
        let show_all = show_all.clone();
        Callback::from(move |_| show_all.set(true))
    };

    html! {
        <div class="records">
            <div class="records__toolbar">
                <div class="field field--inline">
                    <label class="field__label" for="stage-filter">{ "Filter by stage" }</label>
                    <select id="stage-filter" class="field__select" onchange={on_filter}>
                        { for StatusFilter::ALL.iter().map(|f| html! {
                            <option value={f.value()} selected={*f == *filter}>{ f.label() }</option>
                        }) }
                    </select>
                </div>
                if let Some(names) = &props.authorities {
                    <div class="field field--inline">
                        <label class="field__label" for="authority-filter">{ "Filter by authority" }</label>
                        <select id="authority-filter" class="field__select" onchange={on_authority_filter}>
                            <option value="" selected={authority_filter.is_none()}>{ "Every authority" }</option>
                            { for names.iter().map(|(id, name)| html! {
                                <option value={id.to_string()} selected={*authority_filter == Some(*id)}>{ name }</option>
                            }) }
                        </select>
                    </div>
                }
                <p class="records__count">{ format!("Showing {shown} of {total} children") }</p>
            </div>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">
                        { format!("Children's records at {}; select a column heading to sort", format_uk(as_of)) }
                    </caption>
                    <thead>
                        <tr>
                            { header(Column::ChildId) }
                            if several {
                                <th scope="col">{ "Authority" }</th>
                            }
                            { header(Column::EnteredCare) }
                            { header(Column::Stage) }
                            { header(Column::DaysWaiting) }
                            { header(Column::Placed) }
                            { header(Column::AdoptionOrder) }
                            <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let id = row.record.child_id.clone();
                            let edit = props.on_edit.reform({ let id = id.clone(); move |_| id.clone() });
                            let delete = props.on_delete.reform({ let id = id.clone(); move |_| id.clone() });
                            html! {
                                <tr>
                                    <th scope="row" class="table__id">{ &row.record.child_id }</th>
                                    if several {
                                        <td>{ authority_of(row.record.authority) }</td>
                                    }
                                    <td>{ format_uk(row.record.entered_care) }</td>
                                    <td>
                                        { row.status.label() }
                                        { match props.flagged.get(&id) {
                                            Some(true) => html! { <strong class="flag flag--error">{ "Error: left out of the figures" }</strong> },
                                            Some(false) => html! { <strong class="flag flag--warning">{ "Warning" }</strong> },
                                            None => Html::default(),
                                        } }
                                    </td>
                                    <td class="table__number">{ row.days }</td>
                                    <td>{ row.record.placed.map(format_uk).unwrap_or_default() }</td>
                                    <td>{ row.record.adoption_order.map(format_uk).unwrap_or_default() }</td>
                                    <td class="table__actions">
                                        if !several {
                                        <button type="button" class="button button--link" onclick={edit}>
                                            { "Edit" }<span class="visually-hidden">{ format!(" child {id}") }</span>
                                        </button>
                                        <button type="button" class="button button--link" onclick={delete}>
                                            { "Delete" }<span class="visually-hidden">{ format!(" child {id}") }</span>
                                        </button>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if shown < matching {
                <div class="button-row">
                    <button type="button" class="button button--secondary" onclick={reveal}>
                        { format!("Show all {matching} children") }
                    </button>
                </div>
            }
            if shown == 0 {
                <p class="records__empty">{ if total == 0 { "No children yet: add a child or import a file." } else { "No child is at this stage." } }</p>
            }
        </div>
    }
}
