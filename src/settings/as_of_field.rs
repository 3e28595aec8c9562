//! The "As of date" input: accepts DD/MM/YYYY and ISO YYYY-MM-DD and shows DD/MM/YYYY. Until
//! a date is fixed it shows today's date and follows the calendar, so that a manager's figures
//! move on by themselves; a trainer fixes any date, and one button goes back to today.

use crate::context::use_app;
use crate::state::Action;
use crate::ui::browser;
use crate::ui::text_field::{FieldMessage, TextField};
use chrono::NaiveDate;
use scorecard::dates::{format_uk, parse_date};
use yew::prelude::*;

/// What a text typed in the field means for the setting: `None` for "follow today".
fn meaning(text: &str, today: NaiveDate) -> Option<Option<NaiveDate>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    // Today's date left as shown keeps following the calendar rather than fixing it.
    parse_date(text).map(|date| (date != today).then_some(date))
}

/// The as-of date input, applied as soon as the text is a whole date.
#[function_component]
pub fn AsOfField() -> Html {
    let app = use_app();
    let today = browser::today();
    let stored = app.document.settings.as_of;
    let text = use_state(|| format_uk(stored.unwrap_or(today)));
    let error = use_state(|| None::<String>);

    // Follow changes made elsewhere (undo, a backup restored, another tab) unless the text
    // being typed already means that setting.
    {
        let text = text.clone();
        use_effect_with(stored, move |stored| {
            if meaning(&text, today) != Some(*stored) {
                text.set(format_uk(stored.unwrap_or(today)));
            }
        });
    }

    let apply = {
        let app = app.clone();
        let error = error.clone();
        move |value: &str| -> Option<Option<NaiveDate>> {
            let setting = meaning(value, today)?;
            error.set(None);
            if setting != stored {
                app.dispatch(Action::SetAsOf(setting));
            }
            Some(setting)
        }
    };
    let oninput = {
        let text = text.clone();
        let apply = apply.clone();
        Callback::from(move |value: String| {
            // A complete date is shown the UK way at once; shorter text is left as typed so
            // the caret does not jump while the user is still writing.
            match apply(&value) {
                Some(setting) if value.trim().len() == 10 => {
                    text.set(format_uk(setting.unwrap_or(today)))
                }
                _ => text.set(value),
            }
        })
    };
    let onchange = {
        let text = text.clone();
        let error = error.clone();
        Callback::from(move |value: String| match apply(&value) {
            Some(setting) => text.set(format_uk(setting.unwrap_or(today))),
            None => error.set(Some(format!(
                "\"{}\" is not a date: write it as DD/MM/YYYY, for example 31/03/2016",
                value.trim()
            ))),
        })
    };
    let use_today = {
        let app = app.clone();
        let text = text.clone();
        Callback::from(move |_| {
            text.set(format_uk(today));
            app.dispatch(Action::SetAsOf(None));
        })
    };
    let in_force = match stored {
        Some(_) => "A fixed date: the figures stay as they were on that day.".to_string(),
        None => "Today's date: the figures move on with the calendar.".to_string(),
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
                hint={format!("DD/MM/YYYY (YYYY-MM-DD is accepted too). {in_force}")}
                {messages} class="field__input--date" />
            if stored.is_some() {
                <button type="button" class="button button--secondary button--small" onclick={use_today}>
                    { "Use today's date" }
                </button>
            }
        </div>
    }
}
