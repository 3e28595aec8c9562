//! The yearly figures screen: published figures for past years without child-level data,
//! edited in a form or imported from CSV through a preview.

use crate::context::use_app;
use crate::records::aggregate_form::AggregateForm;
use crate::records::aggregate_table::AggregateTable;
use crate::state::{Action, ImportMode, LaterAction};
use crate::ui::browser;
use crate::ui::file_picker::FilePicker;
use crate::ui::import_preview::ImportPreview;
use crate::ui::notice::Notice;
use crate::ui::pending_import::{use_pending_import, PendingImport, ReadFile};
use crate::ui::problem_summary::ProblemSummary;
use scorecard::csv::{read_aggregates, write_aggregates};
use scorecard::YearAggregate;
use std::rc::Rc;
use yew::prelude::*;

/// What the form is doing.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    Nothing,
    New,
    Existing(YearAggregate),
}

/// Reads a CSV file of yearly figures into a preview (nothing changes yet).
fn read_figures(file_name: String, text: &str) -> PendingImport<Vec<YearAggregate>> {
    PendingImport::new(file_name, read_aggregates(text).map(ReadFile::from))
}

/// The action that brings confirmed yearly figures in.
fn import_figures(aggregates: Vec<YearAggregate>, mode: ImportMode) -> Action {
    LaterAction::ImportAggregates { aggregates, mode }.into()
}

/// The yearly figures screen.
#[function_component]
pub fn AggregatesScreen() -> Html {
    crate::context::use_render_count("AggregatesScreen");
    let app = use_app();
    let editing = use_state(|| Editing::Nothing);
    let import = use_pending_import(
        read_figures,
        import_figures,
        "Import cancelled: nothing was changed.",
    );
    let aggregates = use_memo(app.document.clone(), |d| Rc::new(d.aggregates.clone()));
    // The years' own problems and the clashes between a year's figures and its children.
    let problems = use_memo(app.document.clone(), |d| {
        let all = scorecard::validate(&d.records, &d.aggregates);
        Rc::new(
            all.into_iter()
                .filter(|p| p.child_id.is_none())
                .collect::<Vec<_>>(),
        )
    });

    let export = {
        let app = app.clone();
        let agency = (app.view == crate::storage::authorities::View::Agency)
            .then(|| app.whole.settings.agency_label());
        use_callback(
            (aggregates.clone(), agency),
            move |_: MouseEvent, (aggregates, agency)| {
                // The agency's yearly figures are its own rows: they name the agency, last.
                let text = match agency {
                    Some(name) => crate::storage::authorities::with_authority_column(&[(
                        name.clone(),
                        write_aggregates(aggregates),
                    )]),
                    None => write_aggregates(aggregates),
                };
                let notice = match browser::download("yearly-figures.csv", "text/csv", &text) {
                    Ok(()) => Notice::success("Exported the yearly figures to yearly-figures.csv."),
                    Err(why) => {
                        Notice::error(format!("The yearly figures could not be exported: {why}."))
                    }
                };
                app.dispatch(Action::Notify(notice));
            },
        )
    };
    let add = {
        let editing = editing.clone();
        use_callback((), move |_: MouseEvent, _| editing.set(Editing::New))
    };
    let on_edit = {
        let editing = editing.clone();
        use_callback(aggregates.clone(), move |i: usize, aggregates| {
            if let Some(a) = aggregates.get(i) {
                editing.set(Editing::Existing(a.clone()));
            }
        })
    };
    let on_delete = {
        let app = app.clone();
        let editing = editing.clone();
        use_callback(aggregates.clone(), move |i: usize, aggregates| {
            if let Some(a) = aggregates.get(i) {
                editing.set(Editing::Nothing);
                app.dispatch(LaterAction::DeleteAggregate(a.year));
            }
        })
    };
    let on_save = {
        let app = app.clone();
        let editing = editing.clone();
        use_callback((), move |aggregate: YearAggregate, _| {
            let replacing = match &*editing {
                Editing::Existing(a) => Some(a.year),
                _ => None,
            };
            app.dispatch(LaterAction::SaveAggregate {
                replacing,
                aggregate,
            });
            editing.set(Editing::Nothing);
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::Nothing))
    };
    let form = match &*editing {
        Editing::Nothing => Html::default(),
        Editing::New => {
            html! { <AggregateForm key="new" editing={None::<YearAggregate>} {on_save} {on_cancel} /> }
        }
        Editing::Existing(a) => html! {
            <AggregateForm key={a.year.to_string()} editing={Some(a.clone())} {on_save} {on_cancel} />
        },
    };

    html! {
        <section class="screen" aria-labelledby="aggregates-heading">
            <h1 id="aggregates-heading" class="screen__title">{ "Yearly figures" }</h1>
            <p class="screen__lead">
                { "Published figures for financial years with no child-level records. A year has \
                   either these figures or children's records, not both: where it has both, these \
                   figures are used." }
            </p>
            if app.view == crate::storage::authorities::View::Agency {
                <p class="notice notice--info">{ "These are every authority's yearly figures, each year's combined by counts. To add, change or import a year's figures, choose its authority at the top of the page." }</p>
            }
            <div class="panel panel--actions">
                <div class="actions">
                    if app.view != crate::storage::authorities::View::Agency {
                    <div class="actions__item">
                        <button type="button" class="button" onclick={add}>{ "Add a year" }</button>
                    </div>
                    <div class="actions__item">
                        <FilePicker id="import-aggregates" label="Import yearly figures" accept=".csv,text/csv"
                            hint="Columns: year (like 2013-14), adopted, a1_average_days, a2_children, a2_average_days, a3_under_14_months, a10_average_days."
                            onload={import.on_file.clone()} />
                    </div>
                    }
                    <div class="actions__item">
                        <button type="button" class="button button--secondary" onclick={export}>
                            { "Export yearly figures (CSV)" }
                        </button>
                    </div>
                </div>
            </div>
            if let Some(pending) = &import.pending {
                <ImportPreview what="yearly figures" merge_by="year" preview={pending.preview.clone()}
                    replaced={format!("{} of yearly figures", crate::state::count(app.document.aggregates.len(), "year"))}
                    incoming_one="year of yearly figures" incoming="years of yearly figures"
                    on_confirm={import.on_confirm.clone()} on_cancel={import.on_cancel.clone()} />
            }
            { form }
            <ProblemSummary what="the yearly figures" problems={(*problems).clone()} />
            <AggregateTable aggregates={(*aggregates).clone()} {on_edit} {on_delete} />
        </section>
    }
}
