//! The tracking meeting's timescales, editable: how many days or working days after its start
//! each milestone is due (the match and the move follow the A2 and A1 thresholds in force),
//! and the bank holidays added to the shipped list for England and Wales.

use crate::context::use_app;
use crate::state::LaterAction;
use scorecard::dates::{format_uk, parse_date};
use scorecard::timescales::{default_rules, Due, TimescaleRule};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The rule's amount and unit as shown.
fn describe(due: Due) -> String {
    match due {
        Due::Days(n) => format!("{n} days"),
        Due::WorkingDays(n) => format!("{n} working days"),
        Due::A1Threshold => "the A1 threshold in force".into(),
        Due::A2Threshold => "the A2 threshold in force".into(),
    }
}

/// The timescales table.
#[function_component]
pub fn TimescalesTable() -> Html {
    let app = use_app();
    let settings = &app.document.settings;
    let rules = settings.timescales.clone();
    let holidays_text = use_state(|| {
        settings
            .extra_bank_holidays
            .iter()
            .map(|d| format_uk(*d))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let holidays_error = use_state(|| None::<String>);
    let set_rules = {
        let app = app.clone();
        move |rules: Vec<TimescaleRule>| {
            app.dispatch(LaterAction::SetTimescales(rules));
        }
    };
    let row = |index: usize, rule: &TimescaleRule| {
        let editable = matches!(rule.due, Due::Days(_) | Due::WorkingDays(_));
        let id = format!("timescale-{}", rule.milestone.column());
        let kind_id = format!("{id}-kind");
        let (amount, working) = match rule.due {
            Due::Days(n) => (n, false),
            Due::WorkingDays(n) => (n, true),
            _ => (0, false),
        };
        let on_amount = {
            let (rules, set_rules) = (rules.clone(), set_rules.clone());
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                if let Ok(n) = text.trim().parse::<u32>() {
                    let mut next = rules.clone();
                    next[index].due = if working {
                        Due::WorkingDays(n)
                    } else {
                        Due::Days(n)
                    };
                    set_rules(next);
                }
            })
        };
        let on_kind = {
            let (rules, set_rules) = (rules.clone(), set_rules.clone());
            Callback::from(move |e: Event| {
                let working = e.target_unchecked_into::<HtmlSelectElement>().value() == "working";
                let mut next = rules.clone();
                next[index].due = if working {
                    Due::WorkingDays(amount)
                } else {
                    Due::Days(amount)
                };
                set_rules(next);
            })
        };
        let label = format!(
            "{} due after {}",
            rule.milestone.label(),
            rule.after.label()
        );
        html! {
            <tr>
                <th scope="row">{ rule.milestone.label() }</th>
                <td>
                    if editable {
                        <label class="visually-hidden" for={id.clone()}>{ format!("{label}: how many") }</label>
                        <input class="field__input input--short" type="number" min="0" id={id.clone()}
                            value={amount.to_string()} onchange={on_amount} />
                        <label class="visually-hidden" for={kind_id.clone()}>{ format!("{label}: days or working days") }</label>
                        <select class="field__select" id={kind_id} onchange={on_kind}>
                            <option value="days" selected={!working}>{ "days" }</option>
                            <option value="working" selected={working}>{ "working days" }</option>
                        </select>
                    } else {
                        { describe(rule.due) }
                    }
                </td>
                <td>{ rule.after.label() }</td>
            </tr>
        }
    };
    let reset = {
        let set_rules = set_rules.clone();
        Callback::from(move |_: MouseEvent| set_rules(default_rules()))
    };
    let on_holidays_input = {
        let holidays_text = holidays_text.clone();
        Callback::from(move |e: InputEvent| {
            holidays_text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_holidays = {
        let (app, holidays_error) = (app.clone(), holidays_error.clone());
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let parts: Vec<&str> = text
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let dates: Vec<_> = parts.iter().filter_map(|p| parse_date(p)).collect();
            if dates.len() == parts.len() {
                holidays_error.set(None);
                app.dispatch(LaterAction::SetExtraBankHolidays(dates));
            } else {
                holidays_error.set(Some(
                    "Write each date as DD/MM/YYYY, separated by commas".to_string(),
                ));
            }
        })
    };
    html! {
        <>
            <div class="table-wrap">
            <table class="table">
                <caption class="table__caption">{ "Each milestone is due so long after the one it follows" }</caption>
                <thead><tr>
                    <th scope="col">{ "Milestone" }</th>
                    <th scope="col">{ "Due" }</th>
                    <th scope="col">{ "After" }</th>
                </tr></thead>
                <tbody>{ for rules.iter().enumerate().map(|(i, r)| row(i, r)) }</tbody>
            </table>
            </div>
            <div class="button-row">
                <button type="button" class="button button--secondary" onclick={reset}>{ "Reset the timescales" }</button>
            </div>
            <div class="field">
                <label class="field__label" for="extra-bank-holidays">{ "Extra bank holidays" }</label>
                <span class="field__hint" id="extra-bank-holidays-hint">
                    { "Working days skip weekends and the bank holidays of England and Wales from 2010 to 2030. \
                       Add any others here (DD/MM/YYYY, separated by commas)." }
                </span>
                <input class="field__input" id="extra-bank-holidays" type="text"
                    aria-describedby="extra-bank-holidays-hint" aria-invalid={holidays_error.is_some().then_some("true")}
                    value={(*holidays_text).clone()} oninput={on_holidays_input} onchange={on_holidays} />
                if let Some(error) = &*holidays_error {
                    <span class="field__error" role="alert">{ error.clone() }</span>
                }
            </div>
        </>
    }
}
