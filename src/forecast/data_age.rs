//! A warning when the data ends long before the as-of date (a 2015 data set seen from today
//! after "Replace" set the date to follow today's): every child still waiting would be counted
//! as waiting all that time. It says so and offers the data's own date.

use crate::context::{use_app, use_as_of};
use crate::state::{count, Action};
use crate::storage::document::Document;
use chrono::{Datelike, NaiveDate};
use scorecard::dates::format_uk;
use scorecard::ends_long_before;
use std::rc::Rc;
use yew::prelude::*;

/// The document compared by identity: the memo reruns only for a new document.
struct Same(Rc<Document>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// "11 years and 5 months", "7 months": whole months from `from` to `to`.
pub fn time_between(from: NaiveDate, to: NaiveDate) -> String {
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        months -= 1;
    }
    let months = months.max(0) as usize;
    match (months / 12, months % 12) {
        (0, m) => count(m, "month"),
        (y, 0) => count(y, "year"),
        (y, m) => format!("{} and {}", count(y, "year"), count(m, "month")),
    }
}

/// The warning, or nothing when the data is recent enough.
#[function_component]
pub fn DataAgeNotice() -> Html {
    let app = use_app();
    let as_of = use_as_of();
    let document = app.document.clone();
    let end = use_memo((Same(document.clone()), as_of), |(doc, as_of)| {
        ends_long_before(&doc.0.records, &doc.0.aggregates, *as_of)
    });
    let Some(end) = *end else {
        return Html::default();
    };
    let follows_today = document.settings.as_of.is_none();
    let use_end = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetAsOf(Some(end))))
    };
    html! {
        <div class="message message--warning data-age" role="note">
            <p>
                <strong>{ "The data ends long before the as-of date. " }</strong>
                { format!(
                    "The latest date in the data is {}, {} before the as-of date {}{}. Every child \
                     still waiting is counted as waiting all that time, so the figures say more \
                     than the data can.",
                    format_uk(end),
                    time_between(end, as_of),
                    format_uk(as_of),
                    if follows_today { " (today's date)" } else { "" }
                ) }
            </p>
            <button type="button" class="button button--secondary" onclick={use_end}>
                { format!("Use the data's own date ({})", format_uk(end)) }
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_gap_is_said_in_whole_years_and_months() {
        assert_eq!(
            time_between(d(2015, 6, 30), d(2026, 12, 2)),
            "11 years and 5 months"
        );
        assert_eq!(time_between(d(2015, 6, 30), d(2016, 1, 30)), "7 months");
        assert_eq!(time_between(d(2015, 6, 30), d(2017, 6, 30)), "2 years");
        assert_eq!(time_between(d(2015, 6, 30), d(2016, 7, 29)), "1 year");
    }
}
