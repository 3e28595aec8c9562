//! The "As of date" input: accepts DD/MM/YYYY and ISO YYYY-MM-DD, shows DD/MM/YYYY, and empty
//! means "today", so that a manager's figures move on by themselves while a trainer can fix
//! any date.

use crate::app::use_app;
use crate::browser;
use crate::components::text_field::{FieldMessage, TextField};
use crate::state::Action;
use scorecard::dates::{format_uk, parse_date};
use yew::prelude::*;

/// The as-of date input, applied as soon as the text is a whole date.
#[function_component]
pub fn AsOfField() -> Html {
    let app = use_app();
    let stored = app.document.settings.as_of;
    let text = use_state(|| stored.map(format_uk).unwrap_or_default());
    let error = use_state(|| None::<String>);

    // Follow changes made elsewhere (undo, a backup restored, another tab) unless the text
    // being typed already means that date.
    {
        let text = text.clone();
        use_effect_with(stored, move |stored| {
            let typed = text.trim();
            let same = if typed.is_empty() {
                stored.is_none()
            } else {
                parse_date(typed) == *stored
            };
            if !same {
                text.set(stored.map(format_uk).unwrap_or_default());
            }
        });
    }

    let apply = {
        let app = app.clone();
        let error = error.clone();
        move |value: &str| -> Option<Option<chrono::NaiveDate>> {
            let value = value.trim();
            let date = if value.is_empty() {
                None
            } else {
                Some(parse_date(value)?)
            };
            error.set(None);
            if date != stored {
                app.dispatch(Action::SetAsOf(date));
            }
            Some(date)
        }
    };
    let oninput = {
        let text = text.clone();
        let apply = apply.clone();
        Callback::from(move |value: String| {
            // A complete date is shown the UK way at once; shorter text is left as typed so
            // the caret does not jump while the user is still writing.
            match apply(&value) {
                Some(Some(date)) if value.trim().len() == 10 => text.set(format_uk(date)),
                _ => text.set(value),
            }
        })
    };
    let onchange = {
        let text = text.clone();
        let error = error.clone();
        Callback::from(move |value: String| match apply(&value) {
            Some(date) => text.set(date.map(format_uk).unwrap_or_default()),
            None => error.set(Some(format!(
                "\"{}\" is not a date: write it as DD/MM/YYYY, for example 31/03/2016",
                value.trim()
            ))),
        })
    };
    let today = format_uk(browser::today());
    let in_force = match stored {
        Some(date) => format!("Figures are worked out at {}.", format_uk(date)),
        None => format!("Empty: figures are worked out at today's date, {today}."),
    };
    let messages: Vec<FieldMessage> = error
        .iter()
        .map(|e| FieldMessage {
            blocking: true,
            text: e.clone(),
        })
        .collect();
    html! {
        <div class="as-of">
            <TextField id="as-of-date" label="As of date" value={(*text).clone()} {oninput} {onchange}
                hint={format!("DD/MM/YYYY (YYYY-MM-DD is accepted too). Leave empty to use today's date. {in_force}")}
                {messages} class="field__input--date" />
        </div>
    }
}
