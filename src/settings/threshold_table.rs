//! The threshold schedule as an editable table: one row per three-year period, every entry a
//! labelled input, because published thresholds differ between sources (DOMAIN.md).

use crate::context::use_app;
use crate::state::LaterAction;
use scorecard::{RollingPeriod, ThresholdEntry, ThresholdSchedule};
use std::collections::BTreeMap;
use yew::prelude::*;

/// Which number of a row an input edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Column {
    EndingMarch,
    A1,
    A2,
}

/// The editable threshold schedule.
#[function_component]
pub fn ThresholdTable() -> Html {
    let app = use_app();
    // Each refused entry keeps its message and the text typed: Yew puts a controlled value
    // back on every render, and the person must see what they typed beside the error.
    let errors = use_state(BTreeMap::<(usize, Column), (String, String)>::new);
    let schedule = app.document.settings.thresholds.clone();
    let mut order: Vec<usize> = (0..schedule.entries.len()).collect();
    scorecard::sorting::sort_by_key(&mut order, |&i| schedule.entries[i].ending_march);

    let set_error = {
        let errors = errors.clone();
        move |key: (usize, Column), message: Option<(String, String)>| {
            let mut next = (*errors).clone();
            match message {
                Some(m) => next.insert(key, m),
                None => next.remove(&key),
            };
            errors.set(next);
        }
    };
    let cell = |index: usize, column: Column| {
        let entry = schedule.entries[index];
        let period = RollingPeriod::ending_march(entry.ending_march);
        let (value, label) = match column {
            Column::EndingMarch => (
                entry.ending_march,
                format!("Period ending March (row {})", index + 1),
            ),
            Column::A1 => (
                entry.a1_days as i32,
                format!("A1 threshold for {period} (days)"),
            ),
            Column::A2 => (
                entry.a2_days as i32,
                format!("A2 threshold for {period} (days)"),
            ),
        };
        let id = format!("threshold-{index}-{column:?}").to_lowercase();
        let refused = errors.get(&(index, column)).cloned();
        let shown = refused
            .as_ref()
            .map_or_else(|| value.to_string(), |(_, typed)| typed.clone());
        let error = refused.map(|(message, _)| message);
        let onchange = {
            let app = app.clone();
            let schedule = schedule.clone();
            let set_error = set_error.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let text = input.value();
                let parsed = text.trim().parse::<u32>().ok().filter(|v| match column {
                    Column::EndingMarch => (1990..=2100).contains(v),
                    _ => *v <= 3650,
                });
                let Some(v) = parsed else {
                    let message = match column {
                        Column::EndingMarch => "enter a year between 1990 and 2100",
                        _ => "enter a whole number of days",
                    };
                    set_error((index, column), Some((message.to_string(), text.clone())));
                    return;
                };
                set_error((index, column), None);
                let mut next = schedule.clone();
                let entry = &mut next.entries[index];
                match column {
                    Column::EndingMarch => entry.ending_march = v as i32,
                    Column::A1 => entry.a1_days = v,
                    Column::A2 => entry.a2_days = v,
                }
                app.dispatch(LaterAction::SetThresholds(next));
            })
        };
        let error_id = format!("{id}-error");
        html! {
            <td>
                <label class="visually-hidden" for={id.clone()}>{ label }</label>
                <input id={id} class="field__input field__input--number" type="text" inputmode="numeric"
                    value={shown} {onchange}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(error_id.clone())} />
                if let Some(error) = error {
                    <p id={error_id} class="field__error"><strong>{ "Error: " }</strong>{ error }</p>
                }
            </td>
        }
    };
    let remove = |index: usize| {
        let app = app.clone();
        let schedule = schedule.clone();
        let errors = errors.clone();
        Callback::from(move |_| {
            let mut next = schedule.clone();
            next.entries.remove(index);
            errors.set(BTreeMap::new());
            app.dispatch(LaterAction::SetThresholds(next));
        })
    };
    let add = {
        let app = app.clone();
        use_callback(schedule.clone(), move |_: MouseEvent, schedule| {
            let mut next = schedule.clone();
            let last = next.entries.iter().max_by_key(|e| e.ending_march).copied();
            next.entries.push(match last {
                Some(e) => ThresholdEntry {
                    ending_march: e.ending_march + 1,
                    ..e
                },
                None => ThresholdEntry {
                    ending_march: 2018,
                    a1_days: 426,
                    a2_days: 121,
                },
            });
            app.dispatch(LaterAction::SetThresholds(next));
        })
    };
    let reset = {
        let app = app.clone();
        use_callback((), move |_: MouseEvent, _| {
            app.dispatch(LaterAction::SetThresholds(ThresholdSchedule::default()))
        })
    };
    let target_change = {
        let app = app.clone();
        let set_error = set_error.clone();
        use_callback(schedule.clone(), move |e: Event, schedule| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            let text = text.trim();
            let value = if text.is_empty() {
                Some(None)
            } else {
                text.parse::<f64>()
                    .ok()
                    .filter(|v| (0.0..=100.0).contains(v))
                    .map(Some)
            };
            match value {
                Some(v) => {
                    set_error((usize::MAX, Column::A1), None);
                    let mut next = schedule.clone();
                    next.placed_12m_target_percent = v;
                    app.dispatch(LaterAction::SetThresholds(next));
                }
                None => set_error(
                    (usize::MAX, Column::A1),
                    Some((
                        "enter a percentage between 0 and 100, or leave it empty".into(),
                        text.to_string(),
                    )),
                ),
            }
        })
    };
    let target_refused = errors.get(&(usize::MAX, Column::A1)).cloned();
    let target_shown = target_refused.as_ref().map_or_else(
        || {
            schedule
                .placed_12m_target_percent
                .map(|v| v.to_string())
                .unwrap_or_default()
        },
        |(_, typed)| typed.clone(),
    );
    let target_error = target_refused.map(|(message, _)| message);

    html! {
        <div class="thresholds">
            <div class="table-wrap">
                <table class="table table--compact">
                    <caption class="table__caption">
                        { "Thresholds for the three-year averages (met when the average, rounded to the nearest day, is at or below them). A period with no row uses the row before it." }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Period" }</th>
                            <th scope="col">{ "Ending March" }</th>
                            <th scope="col">{ "A1 and A10 (days)" }</th>
                            <th scope="col">{ "A2 (days)" }</th>
                            <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for order.iter().map(|&i| {
                            let period = RollingPeriod::ending_march(schedule.entries[i].ending_march);
                            html! {
                                <tr>
                                    <th scope="row">{ period.to_string() }</th>
                                    { cell(i, Column::EndingMarch) }
                                    { cell(i, Column::A1) }
                                    { cell(i, Column::A2) }
                                    <td>
                                        <button type="button" class="button button--small button--secondary" onclick={remove(i)}>
                                            { "Remove" }<span class="visually-hidden">{ format!(" {period}") }</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="button-row">
                <button type="button" class="button button--secondary" onclick={add}>{ "Add a period" }</button>
                <button type="button" class="button button--secondary" onclick={reset}>{ "Reset to the published thresholds" }</button>
            </div>
            <div class="field">
                <label class="field__label" for="threshold-placed-12m">
                    { "Local target: adoptions placed within 12 months of the SHOBPA decision (%)" }
                </label>
                if let Some(error) = target_error {
                    <p class="field__error"><strong>{ "Error: " }</strong>{ error }</p>
                }
                <input id="threshold-placed-12m" class="field__input field__input--number" type="text" inputmode="decimal"
                    value={target_shown} onchange={target_change} />
            </div>
        </div>
    }
}
