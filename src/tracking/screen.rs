//! The tracking meeting screen: the agenda of every child still in the pipeline, most overdue
//! first, with filters, a print view and the two downloads ("Download agenda (CSV)",
//! "Download milestones (CSV)").

use super::agenda::{
    agency_agenda, agency_agenda_csv, agenda, agenda_csv, authorities_agendas, AgendaRow,
};
use super::gaps::NotRecorded;
use super::meeting_panel::MeetingPanel;
use crate::context::{use_app, use_as_of, use_render_count};
use crate::forecast::usable::Same;
use crate::report::forecast::forecast_of;
use crate::state::Action;
use crate::storage::authorities::{with_authority_column, View};
use crate::ui::browser;
use scorecard::dates::format_uk;
use scorecard::timescales::{milestone_dates, milestones_csv};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// One child's row; `authority`, its authority's name, on the agency's view.
fn row_html(row: &AgendaRow, authority: Option<String>) -> Html {
    let next = match &row.next {
        Some((name, due)) => format!("{name}, due {}", format_uk(*due)),
        None => "nothing due".to_string(),
    };
    let overdue = if row.overdue.is_empty() {
        "none".to_string()
    } else {
        row.overdue
            .iter()
            .map(|(name, days)| format!("{name} ({days} days)"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let own = match row.own_date {
        Some(Some(date)) => format!("by {}", format_uk(date)),
        Some(None) => "as soon as possible".to_string(),
        None => "–".to_string(),
    };
    html! {
        <tr class={classes!((row.days_overdue > 0).then_some("agenda__row--overdue"))}>
            <th scope="row">{ row.child_id.clone() }</th>
            if let Some(name) = authority { <td>{ crate::ui::view_choice::authority_label(&name) }</td> }
            <td>{ row.stage.clone() }</td>
            <td>{ next }</td>
            <td>
                if row.days_overdue > 0 { <strong>{ "Overdue: " }</strong> }
                { overdue }
            </td>
            <td>{ row.effect.clone().unwrap_or_else(|| "–".into()) }</td>
            <td>{ own }</td>
            <td>{ match row.open_actions {
                (0, _) => "none".to_string(),
                (n, 0) => n.to_string(),
                (n, late) => format!("{n} ({late} overdue)"),
            } }</td>
        </tr>
    }
}

/// The tracking meeting screen.
#[function_component]
pub fn TrackingScreen() -> Html {
    use_render_count("TrackingScreen");
    html! { <AgendaScreen /> }
}

/// The tracking meeting of one authority's children, or of every authority's on the
/// agency's view.
#[function_component]
fn AgendaScreen() -> Html {
    let app = use_app();
    let as_of = use_as_of();
    let agency = app.view == View::Agency;
    // One authority's agenda reads its forecast and milestones; the agency's is made of each
    // authority's own (below), so the agency's are never worked out.
    let forecast = use_memo(
        (Same(app.document.clone()), as_of, agency),
        |(doc, as_of, agency)| (!agency).then(|| forecast_of(&doc.0, *as_of)),
    );
    let overdue_only = use_state(|| false);
    let stage = use_state(String::new);
    let finder = use_state(String::new);
    let authority_filter = use_state(|| None::<u32>);
    // On the agency's view, each authority's agenda worked out on its own view.
    let parts = use_memo((Rc::as_ptr(&app.whole) as usize, as_of, agency), {
        let whole = app.whole.clone();
        move |(_, as_of, agency)| {
            Rc::new(if *agency {
                authorities_agendas(&whole, *as_of)
            } else {
                Vec::new()
            })
        }
    });
    let doc = app.document.clone();
    let milestones = use_memo(
        (Rc::as_ptr(&doc) as usize, as_of, agency),
        move |(_, as_of, agency)| {
            Rc::new(if *agency {
                Vec::new()
            } else {
                milestone_dates(
                    &doc.records,
                    &doc.settings.timescales,
                    &doc.settings.thresholds,
                    *as_of,
                    &doc.settings.bank_holidays(),
                )
            })
        },
    );
    let open_actions = Rc::new(app.document.meetings.open_actions(as_of));
    let rows = use_memo(
        (
            Rc::as_ptr(&forecast) as usize,
            Rc::as_ptr(&milestones) as usize,
            Rc::as_ptr(&app.document) as usize,
            Rc::as_ptr(&parts) as usize,
        ),
        {
            let (forecast, milestones, open) =
                (forecast.clone(), milestones.clone(), open_actions.clone());
            let doc = app.document.clone();
            let authority = app.authority_of(0);
            let parts = parts.clone();
            move |_| {
                Rc::new(match forecast.as_ref() {
                    Some(forecast) => agenda(authority, forecast, &doc.records, &milestones, &open),
                    None => agency_agenda(&parts),
                })
            }
        },
    );
    let name_of = {
        let whole = app.whole.clone();
        move |id: u32| {
            whole
                .settings
                .authority_name_of(id)
                .unwrap_or_default()
                .to_string()
        }
    };
    let on_authority = {
        let authority_filter = authority_filter.clone();
        use_callback((), move |e: Event, _| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            authority_filter.set(value.parse().ok())
        })
    };
    let on_overdue = {
        let overdue_only = overdue_only.clone();
        use_callback((), move |e: Event, _| {
            overdue_only.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_stage = {
        let stage = stage.clone();
        use_callback((), move |e: Event, _| {
            stage.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_finder = {
        let finder = finder.clone();
        use_callback((), move |e: Event, _| {
            finder.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let download = |name: &'static str, text: String, what: &'static str| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Notify(browser::download_csv(name, what, &text)));
        })
    };
    // The agency's files name each row's authority last; one authority's are as always.
    let (agenda_file, milestones_file) = if agency {
        (
            agency_agenda_csv(&rows, &name_of),
            with_authority_column(
                &parts
                    .iter()
                    .map(|p| (p.name.clone(), milestones_csv(&p.milestones)))
                    .collect::<Vec<_>>(),
            ),
        )
    } else {
        (agenda_csv(&rows), milestones_csv(&milestones))
    };
    let authority_of_row = |r: &AgendaRow| (*authority_filter).is_none_or(|a| r.authority == a);
    let shown: Vec<&AgendaRow> = rows
        .iter()
        .filter(|r| !agency || authority_of_row(r))
        .filter(|r| !*overdue_only || r.days_overdue > 0)
        .filter(|r| stage.is_empty() || r.stage == *stage)
        .filter(|r| finder.is_empty() || r.family_finder == *finder)
        .collect();
    let mut finders: Vec<&str> = rows
        .iter()
        .map(|r| r.family_finder.as_str())
        .filter(|f| !f.is_empty())
        .collect();
    scorecard::sorting::sort(&mut finders);
    finders.dedup();
    let mut stages: Vec<&str> = rows.iter().map(|r| r.stage.as_str()).collect();
    scorecard::sorting::sort(&mut stages);
    stages.dedup();
    let overdue_children = rows.iter().filter(|r| r.days_overdue > 0).count();
    let gap_children = rows.iter().filter(|r| !r.not_recorded.is_empty()).count();
    let gaps = if gap_children == 0 {
        String::new()
    } else {
        format!(
            " {} with a milestone not recorded (listed below the agenda, never counted as overdue).",
            gap_children
        )
    };
    html! {
        <section class="screen tracking" aria-labelledby="tracking-heading">
            <h1 id="tracking-heading" class="screen__title">{ "Tracking meeting" }</h1>
            <p class="screen__lead">
                { format!("As of {}: {} in the pipeline, {} with a milestone overdue.{gaps} Most \
                           days overdue first, then the nearest due date. The timescales are set \
                           in Settings and backup.",
                    format_uk(as_of),
                    crate::state::count_of(rows.len(), "child", "children"),
                    overdue_children) }
                if agency {
                    { " Every authority's children, each with its authority: a child's effect \
                       and own date are on its own authority's figures." }
                }
            </p>
            <div class="panel tracking__controls">
                <div class="choice">
                    <input class="choice__input" type="checkbox" id="overdue-only"
                        checked={*overdue_only} onchange={on_overdue} />
                    <label class="choice__label" for="overdue-only">{ "Overdue only" }</label>
                </div>
                if agency {
                    <div class="field">
                        <label class="field__label" for="agenda-authority">{ "Filter by authority" }</label>
                        <select class="field__select" id="agenda-authority" onchange={on_authority}>
                            <option value="" selected={authority_filter.is_none()}>{ "All authorities" }</option>
                            { for app.whole.settings.authorities().into_iter().map(|(id, name)| html! {
                                <option value={id.to_string()} selected={*authority_filter == Some(id)}>
                                    { crate::ui::view_choice::authority_label(name) }
                                </option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label class="field__label" for="agenda-stage">{ "Stage" }</label>
                    <select class="field__select" id="agenda-stage" onchange={on_stage}>
                        <option value="" selected={stage.is_empty()}>{ "All stages" }</option>
                        { for stages.iter().map(|s| html! {
                            <option value={s.to_string()} selected={*stage == *s}>{ s.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="agenda-finder">{ "Family finder" }</label>
                    <select class="field__select" id="agenda-finder" onchange={on_finder}>
                        <option value="" selected={finder.is_empty()}>{ "All family finders" }</option>
                        { for finders.iter().map(|f| html! {
                            <option value={f.to_string()} selected={*finder == *f}>{ f.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div class="button-row">
                    <button type="button" class="button button--secondary"
                        onclick={download("agenda.csv", agenda_file, "agenda")}>
                        { "Download agenda (CSV)" }
                    </button>
                    <button type="button" class="button button--secondary"
                        onclick={download("milestones.csv", milestones_file, "milestones")}>
                        { "Download milestones (CSV)" }
                    </button>
                    <button type="button" class="button button--secondary" onclick={Callback::from(|_: MouseEvent| browser::print())}>
                        { "Print agenda" }
                    </button>
                </div>
            </div>
            <div class="table-wrap">
                <table class="table agenda">
                    <caption class="table__caption">
                        { format!("Agenda: {} of {} children", shown.len(), rows.len()) }
                    </caption>
                    <thead><tr>
                        <th scope="col">{ "Child" }</th>
                        if agency { <th scope="col">{ "Authority" }</th> }
                        <th scope="col">{ "Stage" }</th>
                        <th scope="col">{ "Next milestone" }</th>
                        <th scope="col">{ "Overdue" }</th>
                        <th scope="col">{ "Effect on the figures" }</th>
                        <th scope="col">{ "Own date (required pace)" }</th>
                        <th scope="col">{ "Open actions" }</th>
                    </tr></thead>
                    <tbody>{ for shown.iter().map(|r| row_html(r, agency.then(|| name_of(r.authority)))) }</tbody>
                </table>
            </div>
            <NotRecorded rows={(*rows).clone()} />
            <MeetingPanel children={Rc::new(rows.iter().map(|r| (r.authority, r.child_id.clone())).collect::<Vec<_>>())} {as_of} />
        </section>
    }
}
