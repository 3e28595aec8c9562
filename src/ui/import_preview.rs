//! What a file would bring in, shown before anything changes: rows read, rows with problems
//! (each naming its line and column), columns that were ignored, for children how many there
//! are by year adopted and stage waiting, and the choice to replace or merge. Only "Confirm
//! import" changes the data. Every problem can be downloaded, beyond the first ones listed.

use crate::context::use_app;
use crate::state::{Action, ImportMode};
use crate::ui::browser;
use crate::ui::confirm_dialog::ConfirmDialog;
use scorecard::csv::csv_row;
use scorecard::summary::RecordsSummary;
use scorecard::Problem;
use std::rc::Rc;
use yew::prelude::*;

/// How many problems are listed: a file with thousands of bad rows would otherwise draw a
/// page nobody can read, slowly.
const PROBLEMS_SHOWN: usize = 200;

/// The outcome of reading a file, ready to be shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// The file's name.
    pub file_name: String,
    /// Data rows read (not counting the header or blank lines).
    pub rows_read: usize,
    /// Rows with at least one problem.
    pub rows_with_problems: usize,
    /// Every problem, each naming its line and column.
    pub problems: Vec<Problem>,
    /// Header names that are not part of the format (ignored).
    pub unknown_columns: Vec<String>,
    /// Rows that will be brought in on confirmation.
    pub usable: usize,
    /// Why the whole file could not be read (no header, wrong separator), if so.
    pub failure: Option<String>,
    /// For several files read together: what each is, and how they were combined. The
    /// unknown columns are then not listed (a table's other columns are its own).
    pub notes: Vec<String>,
    /// For children: how many, adopted by financial year, waiting by stage.
    pub summary: Option<RecordsSummary>,
}

/// The header of the problems download.
pub const PROBLEMS_CSV_HEADER: &str = "file,line,child_id,field,severity,message";

/// Every problem as CSV, in the order listed: for a manager to work through in the case
/// system.
pub fn problems_csv(problems: &[Problem]) -> String {
    let mut out = format!("{PROBLEMS_CSV_HEADER}\r\n");
    for p in problems {
        out.push_str(&csv_row(&[
            p.file.clone().unwrap_or_default(),
            p.line.map(|l| l.to_string()).unwrap_or_default(),
            p.child_id.clone().unwrap_or_default(),
            p.field.clone().unwrap_or_default(),
            (if p.is_error() { "error" } else { "warning" }).to_string(),
            p.message.clone(),
        ]));
    }
    out
}

/// The summary's rows: children, adopted by year, waiting by stage, left the route.
fn summary_rows(s: &RecordsSummary) -> Html {
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join("; ")
        }
    };
    let adopted = list(
        s.adopted_by_year
            .iter()
            .map(|(year, n)| format!("{year}: {n}"))
            .collect(),
    );
    let waiting = list(
        s.waiting_by_stage
            .iter()
            .map(|(stage, n)| format!("{}: {n}", stage.label()))
            .collect(),
    );
    html! {
        <>
            <div class="summary__row"><dt>{ "Children found" }</dt><dd>{ s.children }</dd></div>
            <div class="summary__row"><dt>{ "Adopted, by financial year" }</dt><dd>{ adopted }</dd></div>
            <div class="summary__row"><dt>{ "Waiting, by stage" }</dt><dd>{ waiting }</dd></div>
            <div class="summary__row"><dt>{ "Left the adoption route" }</dt><dd>{ s.left_route }</dd></div>
        </>
    }
}

/// Properties of [`ImportPreview`].
#[derive(Properties, PartialEq)]
pub struct ImportPreviewProps {
    /// What is read: "records" or "yearly figures".
    pub what: AttrValue,
    /// What merging matches entries by, in the user's words: "case reference" or "year".
    /// (The file's own column may be called otherwise: `child_id`.)
    pub merge_by: AttrValue,
    /// The preview to show.
    pub preview: Rc<Preview>,
    /// Called with the chosen mode when the user confirms.
    pub on_confirm: Callback<ImportMode>,
    /// Called when the user cancels.
    pub on_cancel: Callback<()>,
    /// Whether replacing also clears the demonstration dataset (said beside the choice).
    #[prop_or_default]
    pub replaces_demonstration: bool,
    /// What replacing would take away, in words ("62 children and 3 years of yearly
    /// figures"), for the question asked before it happens.
    pub replaced: AttrValue,
    /// What the file brings, plural ("children", "years of yearly figures").
    pub incoming: AttrValue,
    /// The same, for one ("child", "year of yearly figures").
    pub incoming_one: AttrValue,
    /// The authority's name as typed so far, when the import asks for it (the first import of
    /// the authority's own records); `None` when it does not ask.
    #[prop_or_default]
    pub authority: Option<AttrValue>,
    /// The authority's name typed.
    #[prop_or_default]
    pub on_authority: Callback<String>,
    /// The panel's id, when two previews may merge by the same key (default: `import-` and
    /// the words of `merge_by`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// The import preview panel.
#[function_component]
pub fn ImportPreview(props: &ImportPreviewProps) -> Html {
    // Merging is the default: it never removes anything the file does not mention.
    let mode = use_state(|| ImportMode::Merge);
    let asking = use_state(|| false);
    let heading = use_node_ref();
    {
        // The preview opens below the controls: take keyboard and screen-reader focus there.
        let heading = heading.clone();
        use_effect_with(props.preview.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let app = use_app();
    let p = &props.preview;
    let id: String = props.id.as_ref().map_or_else(
        || {
            format!("import-{}", props.merge_by)
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect()
        },
        |id| id.to_string(),
    );
    let download_problems = {
        let preview = props.preview.clone();
        Callback::from(move |_: MouseEvent| {
            let text = problems_csv(&preview.problems);
            app.dispatch(Action::Notify(browser::download_csv(
                "import-problems.csv",
                "problems",
                &text,
            )));
        })
    };
    let radio = |value: ImportMode, label: String| {
        let mode_handle = mode.clone();
        let onchange = Callback::from(move |_| mode_handle.set(value));
        let input_id = format!("{id}-{value:?}").to_lowercase();
        html! {
            <div class="choice">
                <input class="choice__input" type="radio" id={input_id.clone()} name={id.clone()}
                    checked={*mode == value} {onchange} />
                <label class="choice__label" for={input_id}>{ label }</label>
            </div>
        }
    };
    let confirm = {
        let on_confirm = props.on_confirm.clone();
        let mode = *mode;
        let asking = asking.clone();
        Callback::from(move |_| match mode {
            // Replacing takes data away: ask first, naming what goes.
            ImportMode::Replace => asking.set(true),
            ImportMode::Merge => on_confirm.emit(mode),
        })
    };
    let replace_confirmed = {
        let (on_confirm, asking) = (props.on_confirm.clone(), asking.clone());
        Callback::from(move |_| {
            asking.set(false);
            on_confirm.emit(ImportMode::Replace)
        })
    };
    let replace_cancelled = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    let cancel = props.on_cancel.reform(|_| ());
    let can_import = p.failure.is_none() && p.usable > 0;
    let unknown = if p.unknown_columns.is_empty() {
        "none".to_string()
    } else {
        p.unknown_columns.join(", ")
    };
    html! {
        <section id={id.clone()} class="panel panel--preview" aria-labelledby={format!("{id}-heading")}>
            <h3 id={format!("{id}-heading")} class="panel__title" tabindex="-1" ref={heading}>
                { format!("Import preview: {}", p.file_name) }
            </h3>
            <p class="panel__lead">{ "Nothing has changed yet. Check what the file holds, then confirm or cancel." }</p>
            if let Some(failure) = &p.failure {
                <p class="message message--error">
                    <strong>{ "Error: " }</strong>{ format!("the file could not be read: {failure}") }
                </p>
            } else {
                <dl class="summary">
                    <div class="summary__row"><dt>{ "Rows read" }</dt><dd>{ p.rows_read }</dd></div>
                    <div class="summary__row"><dt>{ "Rows with problems" }</dt><dd>{ p.rows_with_problems }</dd></div>
                    <div class="summary__row">
                        <dt>{ format!("{} that will be imported", capitalised(&props.what)) }</dt>
                        <dd>{ p.usable }</dd>
                    </div>
                    if let Some(summary) = &p.summary {
                        { summary_rows(summary) }
                    }
                    if p.notes.is_empty() {
                        <div class="summary__row"><dt>{ "Unknown columns (ignored)" }</dt><dd>{ unknown }</dd></div>
                    }
                </dl>
                if !p.notes.is_empty() {
                    <h4 class="panel__subtitle">{ "The files" }</h4>
                    <ul class="import-notes">
                        { for p.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                    </ul>
                }
                if !p.problems.is_empty() {
                    <h4 class="panel__subtitle">{ format!("Problems ({})", p.problems.len()) }</h4>
                    <p class="panel__hint">
                        { "Rows with a cell that cannot be read are left out. Other problems are brought in \
                           with the row, listed on the screen and left out of the figures until corrected. \
                           Line 1 is the header row." }
                    </p>
                    <ul class="problem-list">
                        { for p.problems.iter().take(PROBLEMS_SHOWN).map(|problem| html! {
                            <li class={if problem.is_error() { "problem problem--error" } else { "problem problem--warning" }}>
                                <strong>{ if problem.is_error() { "Error: " } else { "Warning: " } }</strong>
                                { problem.to_string() }
                            </li>
                        }) }
                    </ul>
                    if p.problems.len() > PROBLEMS_SHOWN {
                        <p class="panel__hint">
                            { format!("… and {} more problems: \"Download problems (CSV)\" has them all.",
                                p.problems.len() - PROBLEMS_SHOWN) }
                        </p>
                    }
                    <div class="button-row">
                        <button type="button" class="button button--secondary" onclick={download_problems}>
                            { "Download problems (CSV)" }
                        </button>
                    </div>
                }
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{ "How to bring them in" }</legend>
                    { radio(ImportMode::Replace, if props.replaces_demonstration {
                        format!("Replace all {} (clears the demonstration data, its yearly figures and its as-of date)", props.what)
                    } else {
                        format!("Replace all {}", props.what)
                    }) }
                    // Merged into the demonstration, the authority's own entries sit among made-up
                    // ones, and "Clear demonstration data" would take them all: said here, where
                    // the choice is made.
                    { radio(ImportMode::Merge, if props.replaces_demonstration {
                        format!("Merge by {} (update matching entries, add new ones) into the \
                                 demonstration: its made-up entries stay, and the whole set stays \
                                 marked as demonstration data", props.merge_by)
                    } else {
                        format!("Merge by {} (update matching entries, add new ones)", props.merge_by)
                    }) }
                </fieldset>
            }
            if let (Some(name), true) = (&props.authority, can_import) {
                <div class="field import-authority">
                    <label class="field__label" for={format!("{id}-authority")}>{ "Your authority's name" }</label>
                    <span class="field__hint" id={format!("{id}-authority-hint")}>
                        { "Printed on the committee report and the action plans, for example \u{201c}Sheffield City Council\u{201d}. Settings can change it later." }
                    </span>
                    <input class="field__input" type="text" id={format!("{id}-authority")}
                        aria-describedby={format!("{id}-authority-hint")} autocomplete="organization"
                        value={name.clone()} oninput={{
                            let on_authority = props.on_authority.clone();
                            Callback::from(move |e: InputEvent| on_authority.emit(
                                e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
                        }} />
                </div>
            }
            if *asking {
                <ConfirmDialog id={format!("{id}-replace")}
                    question={format!("Replace {} with {} {} from {}?", props.replaced, p.usable,
                        if p.usable == 1 { &props.incoming_one } else { &props.incoming }, p.file_name)}
                    detail={AttrValue::from("A safety copy of the data now in this browser is kept first: Settings and backup lists it, with \"Restore this copy\".")}
                    confirm_label="Replace" on_confirm={replace_confirmed} on_cancel={replace_cancelled} />
            }
            <div class="button-row">
                if can_import {
                    <button type="button" class="button" onclick={confirm}>{ "Confirm import" }</button>
                }
                <button type="button" class="button button--secondary" onclick={cancel}>{ "Cancel import" }</button>
            </div>
        </section>
    }
}

/// "records" -> "Records".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
