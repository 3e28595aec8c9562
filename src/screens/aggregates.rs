//! The yearly figures screen: published figures for past years without child-level data,
//! edited in a form or imported from CSV through a preview.

use crate::app::use_app;
use crate::browser;
use crate::components::aggregate_form::AggregateForm;
use crate::components::aggregate_table::AggregateTable;
use crate::components::file_picker::FilePicker;
use crate::components::import_preview::{ImportPreview, Preview};
use crate::components::problem_summary::ProblemSummary;
use crate::notice::{Level, Notice};
use crate::state::{Action, ImportMode};
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

/// A file read and waiting for the user's confirmation.
#[derive(Debug, Clone, PartialEq)]
struct PendingImport {
    preview: Rc<Preview>,
    aggregates: Vec<YearAggregate>,
}

fn prepare_import(file_name: String, text: &str) -> PendingImport {
    match read_aggregates(text) {
        Ok(import) => PendingImport {
            preview: Rc::new(Preview {
                file_name,
                rows_read: import.rows_read,
                rows_with_problems: import.rows_with_problems,
                problems: import.problems,
                unknown_columns: import.unknown_columns,
                usable: import.records.len(),
                failure: None,
            }),
            aggregates: import.records.into_iter().map(|(_, a)| a).collect(),
        },
        Err(error) => PendingImport {
            preview: Rc::new(Preview {
                file_name,
                failure: Some(error.to_string()),
                ..Preview::default()
            }),
            aggregates: Vec::new(),
        },
    }
}

/// The yearly figures screen.
#[function_component]
pub fn AggregatesScreen() -> Html {
    let app = use_app();
    let editing = use_state(|| Editing::Nothing);
    let pending = use_state(|| None::<PendingImport>);
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

    let on_file = {
        let pending = pending.clone();
        Callback::from(move |(name, text): (String, String)| {
            pending.set(Some(prepare_import(name, &text)));
        })
    };
    let on_confirm = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |mode: ImportMode| {
            if let Some(import) = (*pending).clone() {
                app.dispatch(Action::ImportAggregates {
                    aggregates: import.aggregates,
                    mode,
                });
            }
            pending.set(None);
        })
    };
    let on_cancel_import = {
        let pending = pending.clone();
        let app = app.clone();
        Callback::from(move |_| {
            pending.set(None);
            app.dispatch(Action::Notify(Notice::new(
                Level::Info,
                "Import cancelled: nothing was changed.",
            )));
        })
    };
    let export = {
        let app = app.clone();
        let aggregates = aggregates.clone();
        Callback::from(move |_| {
            let text = write_aggregates(&aggregates);
            let notice = match browser::download("yearly-figures.csv", "text/csv", &text) {
                Ok(()) => Notice::success("Exported the yearly figures to yearly-figures.csv."),
                Err(why) => {
                    Notice::error(format!("The yearly figures could not be exported: {why}."))
                }
            };
            app.dispatch(Action::Notify(notice));
        })
    };
    let add = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(Editing::New))
    };
    let on_edit = {
        let editing = editing.clone();
        let aggregates = aggregates.clone();
        Callback::from(move |i: usize| {
            if let Some(a) = aggregates.get(i) {
                editing.set(Editing::Existing(a.clone()));
            }
        })
    };
    let on_delete = {
        let app = app.clone();
        let aggregates = aggregates.clone();
        let editing = editing.clone();
        Callback::from(move |i: usize| {
            if let Some(a) = aggregates.get(i) {
                editing.set(Editing::Nothing);
                app.dispatch(Action::DeleteAggregate(a.year));
            }
        })
    };
    let on_save = {
        let app = app.clone();
        let editing = editing.clone();
        Callback::from(move |aggregate: YearAggregate| {
            let replacing = match &*editing {
                Editing::Existing(a) => Some(a.year),
                _ => None,
            };
            app.dispatch(Action::SaveAggregate {
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
            <div class="panel panel--actions">
                <div class="actions">
                    <div class="actions__item">
                        <button type="button" class="button" onclick={add}>{ "Add a year" }</button>
                    </div>
                    <div class="actions__item">
                        <FilePicker id="import-aggregates" label="Import yearly figures" accept=".csv,text/csv"
                            hint="Columns: year (like 2013-14), adopted, a1_average_days, a2_children, a2_average_days, a3_under_14_months, a10_average_days."
                            onload={on_file} />
                    </div>
                    <div class="actions__item">
                        <button type="button" class="button button--secondary" onclick={export}>
                            { "Export yearly figures (CSV)" }
                        </button>
                    </div>
                </div>
            </div>
            if let Some(import) = &*pending {
                <ImportPreview what="yearly figures" merge_key="year" preview={import.preview.clone()}
                    {on_confirm} on_cancel={on_cancel_import} />
            }
            { form }
            <ProblemSummary what="the yearly figures" problems={(*problems).clone()} />
            <AggregateTable aggregates={(*aggregates).clone()} {on_edit} {on_delete} />
        </section>
    }
}
