//! The records screen: every child, with add / edit / delete, import from CSV or from the
//! SSDA903 return through a preview, and export back to the same CSV format.

use crate::context::{use_app, use_as_of};
use crate::records::record_form::RecordForm;
use crate::records::record_table::RecordTable;
use crate::records::return_import::read_return_files;
use crate::records::return_picker::ReturnPicker;
use crate::state::{Action, LaterAction};
use crate::ui::browser;
use crate::ui::file_picker::FilePicker;
use crate::ui::import_preview::ImportPreview;
use crate::ui::notice::Notice;
use crate::ui::pending_import::{use_pending_import_of, PendingImport, ReadFile};
use crate::ui::problem_summary::ProblemSummary;
use scorecard::csv::{read_children, write_children};
use scorecard::dates::format_uk;
use scorecard::{validate_at, ChildRecord};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// What the form is doing.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    Nothing,
    New,
    Existing(ChildRecord),
}

/// The records screen.
#[function_component]
pub fn RecordsScreen() -> Html {
    crate::context::use_render_count("RecordsScreen");
    let app = use_app();
    let as_of = use_as_of();
    let editing = use_state(|| Editing::Nothing);
    let document = app.document.clone();
    // The first import of the authority's own records asks for its name, for the report.
    let authority = use_state(String::new);
    let asks_name = document.settings.authority_name.trim().is_empty() || document.demonstration;
    let typed = asks_name.then(|| (*authority).clone());
    let return_typed = typed.clone();
    // Several authorities: each child read goes to the authority its row names, the others
    // to the one chosen in the preview (at first the one shown).
    let several = app.whole.settings.has_several();
    let chosen = use_state(|| None::<u32>);
    let into = chosen.unwrap_or(match app.view {
        crate::storage::authorities::View::Authority(id) => id,
        crate::storage::authorities::View::Agency => 0,
    });
    let settings = app.whole.settings.clone();
    let import = use_pending_import_of(
        move |(name, text): (String, String)| {
            let read = read_children(&text)
                .map(|import| super::authority_column::into_workspace(import, &settings));
            PendingImport::new(name, read.map(ReadFile::from)).with_summary()
        },
        move |mut records: Vec<ChildRecord>, mode| {
            for child in &mut records {
                if child.authority == crate::storage::authorities::UNASSIGNED {
                    child.authority = into;
                }
            }
            LaterAction::ImportRecords {
                records,
                mode,
                authority: typed.clone(),
            }
            .into()
        },
        "Import cancelled: nothing was changed.",
    );
    // A return is one authority's: where there are several, the preview asks which (at first
    // the one shown; on the agency's view, none until one is chosen).
    let return_chosen = use_state(|| None::<u32>);
    let return_into = (*return_chosen).or(match app.view {
        crate::storage::authorities::View::Authority(id) => Some(id),
        crate::storage::authorities::View::Agency => None,
    });
    let return_import = use_pending_import_of(
        read_return_files,
        move |records, mode| {
            LaterAction::ImportReturn {
                records,
                mode,
                authority: return_typed.clone(),
                into: return_into,
            }
            .into()
        },
        "Import cancelled: nothing was changed.",
    );
    let on_return_confirm = {
        let (app, confirm) = (app.clone(), return_import.on_confirm.clone());
        Callback::from(move |mode| {
            if several && return_into.is_none() {
                app.dispatch(Action::Notify(crate::ui::notice::Notice::error(
                    "Nothing was changed: choose which authority the return is from.",
                )));
            } else {
                confirm.emit(mode)
            }
        })
    };
    // What a confirmed return replaces: the children of the authority it is from.
    let return_replaces = match (several, return_into) {
        (true, Some(id)) => app
            .whole
            .records
            .iter()
            .filter(|c| c.authority == id)
            .count(),
        _ => document.records.len(),
    };
    let records = use_memo(document.clone(), |d| Rc::new(d.records.clone()));
    // Only the children's own problems: the yearly figures screen lists those of the years.
    let problems = use_memo((document.clone(), as_of), |(d, as_of)| {
        let all = validate_at(&d.records, &d.aggregates, *as_of);
        Rc::new(
            all.into_iter()
                .filter(|p| p.child_id.is_some())
                .collect::<Vec<_>>(),
        )
    });
    let flagged = use_memo(problems.clone(), |problems| {
        let mut flagged = std::collections::BTreeMap::<String, bool>::new();
        for p in problems.iter() {
            if let Some(id) = &p.child_id {
                *flagged.entry(id.clone()).or_default() |= p.is_error();
            }
        }
        Rc::new(flagged)
    });
    let taken_ids = use_memo(document.clone(), |d| {
        Rc::new(
            d.records
                .iter()
                .map(|r| r.child_id.clone())
                .collect::<BTreeSet<_>>(),
        )
    });

    // One preview at a time: a new file puts the other import's preview away.
    let on_file = {
        let editing = editing.clone();
        let (on_file, clear) = (import.on_file.clone(), return_import.on_clear.clone());
        Callback::from(move |file: (String, String)| {
            editing.set(Editing::Nothing);
            clear.emit(());
            on_file.emit(file);
        })
    };
    let on_return = {
        let editing = editing.clone();
        let (on_files, clear) = (return_import.on_file.clone(), import.on_clear.clone());
        let return_chosen = return_chosen.clone();
        Callback::from(move |files: Vec<(String, String)>| {
            editing.set(Editing::Nothing);
            // Each return is asked about anew: at first the authority shown.
            return_chosen.set(None);
            clear.emit(());
            on_files.emit(files);
        })
    };
    // Callbacks are made once (or when the records they read change), so that the table and
    // the form are not re-rendered for a new callback on every render of the screen.
    let export = {
        let app = app.clone();
        let whole = app.whole.clone();
        let agency = app.view == crate::storage::authorities::View::Agency;
        use_callback(
            (records.clone(), agency),
            move |_: MouseEvent, (records, agency)| {
                // Several authorities' children: each row names its authority, last.
                let text = if *agency {
                    crate::storage::authorities::records_csv_with_authority(&whole, records)
                } else {
                    write_children(records)
                };
                let notice = match browser::download("children-records.csv", "text/csv", &text) {
                    Ok(()) => Notice::success(format!(
                        "Exported {} records to children-records.csv.",
                        records.len()
                    )),
                    Err(why) => Notice::error(format!("The records could not be exported: {why}.")),
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
        use_callback(records.clone(), move |id: String, records| {
            if let Some(record) = records.iter().find(|r| r.child_id == id) {
                editing.set(Editing::Existing(record.clone()));
            }
        })
    };
    let on_delete = {
        let app = app.clone();
        let editing = editing.clone();
        use_callback((), move |id: String, _| {
            editing.set(Editing::Nothing);
            app.dispatch(LaterAction::DeleteRecord(id));
        })
    };
    let on_save = {
        let app = app.clone();
        let editing = editing.clone();
        use_callback((), move |record: ChildRecord, _| {
            match &*editing {
                Editing::Existing(original) => app.dispatch(Action::UpdateRecord {
                    child_id: original.child_id.clone(),
                    record,
                    opened: Some(original.clone()),
                }),
                _ => app.dispatch(LaterAction::AddRecord(record)),
            }
            editing.set(Editing::Nothing);
        })
    };
    let on_cancel_form = {
        let editing = editing.clone();
        use_callback((), move |_: (), _| editing.set(Editing::Nothing))
    };

    // The agency as a whole shows every authority's children; each child is added, changed
    // and imported on its own authority's view, where its reference is unique.
    let agency = app.view == crate::storage::authorities::View::Agency;
    let authority_names = use_memo((agency, app.whole.clone()), |(agency, whole)| {
        agency.then(|| {
            Rc::new(
                whole
                    .settings
                    .authorities()
                    .into_iter()
                    .map(|(id, name)| (id, crate::ui::view_choice::authority_label(name)))
                    .collect::<std::collections::BTreeMap<_, _>>(),
            )
        })
    });
    let pipeline = records.iter().filter(|r| r.is_in_pipeline()).count();
    let adopted = records.iter().filter(|r| r.is_adopted()).count();
    let form = match &*editing {
        Editing::Nothing => Html::default(),
        Editing::New => html! {
            <RecordForm key="new" editing={None::<ChildRecord>} taken_ids={(*taken_ids).clone()}
                on_save={on_save.clone()} on_cancel={on_cancel_form.clone()} />
        },
        Editing::Existing(record) => html! {
            <RecordForm key={format!("edit-{}", record.child_id)} editing={Some(record.clone())}
                taken_ids={(*taken_ids).clone()} on_save={on_save.clone()} on_cancel={on_cancel_form.clone()} />
        },
    };

    html! {
        <section class="screen" aria-labelledby="records-heading">
            <h1 id="records-heading" class="screen__title">{ "Children's records" }</h1>
            <p class="screen__lead">
                { format!("{}: {pipeline} in the pipeline, {adopted} adopted. Days waiting so far run from entering care to the as-of date, {} (to moving in, for children already adopted).",
                    crate::state::count_of(records.len(), "child", "children"),
                    format_uk(as_of)) }
            </p>
            if agency {
                <p class="notice notice--info" id="agency-records-note">{ "These are every authority's children. To add or change a child, choose the authority at the top of the page." }</p>
            }
            <div class="panel panel--actions">
                <div class="actions">
                    if !agency {
                        <div class="actions__item">
                            <button type="button" class="button" onclick={add}>{ "Add a child" }</button>
                        </div>
                    }
                    <div class="actions__item">
                        <FilePicker id="import-records" label="Import records" accept=".csv,text/csv"
                            hint={if several {
                                "A CSV file with a header row (child_id, entered_care, placement_order, …), and an authority column if it holds several authorities' children. Nothing changes until you confirm."
                            } else {
                                "A CSV file with a header row (child_id, entered_care, placement_order, …). Nothing changes until you confirm."
                            }}
                            onload={on_file} />
                    </div>
                    <div class="actions__item">
                        <ReturnPicker onload={on_return} />
                    </div>
                    <div class="actions__item">
                        <button type="button" class="button button--secondary" onclick={export}>
                            { "Export records (CSV)" }
                        </button>
                    </div>
                </div>
            </div>
            if let (Some(_), true) = (&import.pending, several) {
                <div class="field import-into">
                    <label class="field__label" for="import-into">{ "Children without an authority go to" }</label>
                    <span class="field__hint">{ "Rows whose authority column names an authority go to that one." }</span>
                    <select id="import-into" class="field__select" onchange={{
                        let chosen = chosen.clone();
                        Callback::from(move |e: Event| {
                            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            chosen.set(select.value().parse().ok());
                        })
                    }}>
                        { for app.whole.settings.authorities().into_iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={id == into}>
                                { crate::ui::view_choice::authority_label(name) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            if let Some(pending) = &import.pending {
                <ImportPreview what="records" merge_by="case reference" preview={pending.preview.clone()}
                    replaces_demonstration={document.demonstration}
                    replaced={if document.demonstration { document.summary() } else { crate::state::count_of(document.records.len(), "child", "children") }}
                    incoming_one="child" incoming="children"
                    authority={asks_name.then(|| AttrValue::from((*authority).clone()))}
                    on_authority={{
                        let authority = authority.clone();
                        Callback::from(move |name: String| authority.set(name))
                    }}
                    on_confirm={import.on_confirm.clone()} on_cancel={import.on_cancel.clone()} />
            }
            if let (Some(_), true) = (&return_import.pending, several) {
                <div class="field import-into">
                    <label class="field__label" for="return-from">{ "Which authority is this return from?" }</label>
                    <span class="field__hint">{ "Its children go to that authority; replacing replaces that authority's children only." }</span>
                    <select id="return-from" class="field__select" onchange={{
                        let return_chosen = return_chosen.clone();
                        Callback::from(move |e: Event| {
                            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            return_chosen.set(select.value().parse().ok());
                        })
                    }}>
                        if return_into.is_none() {
                            <option value="" selected=true>{ "Choose the authority" }</option>
                        }
                        { for app.whole.settings.authorities().into_iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={Some(id) == return_into}>
                                { crate::ui::view_choice::authority_label(name) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            if let Some(pending) = &return_import.pending {
                <ImportPreview id="ssda903-preview" what="children" merge_by="case reference"
                    preview={pending.preview.clone()}
                    replaces_demonstration={document.demonstration}
                    replaced={if document.demonstration { document.summary() } else { crate::state::count_of(return_replaces, "child", "children") }}
                    incoming_one="child" incoming="children"
                    authority={asks_name.then(|| AttrValue::from((*authority).clone()))}
                    on_authority={{
                        let authority = authority.clone();
                        Callback::from(move |name: String| authority.set(name))
                    }}
                    on_confirm={on_return_confirm} on_cancel={return_import.on_cancel.clone()} />
            }
            { form }
            <ProblemSummary what="the records" problems={(*problems).clone()} />
            <RecordTable records={(*records).clone()} {as_of} {on_edit} {on_delete}
                flagged={(*flagged).clone()} authorities={(*authority_names).clone()} />
        </section>
    }
}
