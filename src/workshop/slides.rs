//! What the presentation says, slide by slide: the child first, then the delay for the child,
//! then the scorecard, each slide carrying the assumptions it rests on.
//!
//! In front of a room a real child is never named: unless the trainer chooses otherwise, the
//! child of the authority's own records is "Child A", and dates are said as months and years
//! ("entered care in February 2013"), never as days. The demonstration's children are shown
//! the same way, so that a trainer rehearses the presentation the room will see on real
//! records, but they are said to be made up. A made-up cohort's children keep their made-up
//! names.

use super::dataset::DatasetKind;
use super::delay_view::{status_word, DelayView};
use super::life_panel::months_in_words;
use super::scorecard_panel::{published, year_sentence};
use chrono::{Datelike, NaiveDate};
use scorecard::dates::format_uk;
use scorecard::{Basis, PeriodChange};
use scorecard_charts::{PeriodPoint, Trajectory};

/// How the child is shown in front of the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// What the child is called.
    pub name: String,
    /// Whether dates are given to the day (otherwise as months and years).
    pub exact_dates: bool,
    /// Whose children the child is one of.
    pub kind: DatasetKind,
}

impl Shown {
    /// The name a real child is given in an anonymous presentation.
    pub const ANONYMOUS: &'static str = "Child A";

    /// How `view`'s child is shown: a made-up cohort's child by their made-up name; a child of
    /// the records (real or the demonstration's) as "Child A", unless the trainer chose to show
    /// case references and exact dates.
    pub fn of(view: &DelayView, kind: DatasetKind, identities: bool) -> Shown {
        let made_up = kind == DatasetKind::MadeUpCohort;
        Shown {
            name: if made_up || identities {
                view.child.clone()
            } else {
                Shown::ANONYMOUS.to_string()
            },
            exact_dates: identities && !made_up,
            kind,
        }
    }

    /// "12/02/2013", or "February 2013".
    pub fn date(&self, date: NaiveDate) -> String {
        if self.exact_dates {
            format_uk(date)
        } else {
            month_year(date)
        }
    }

    /// "on 12/02/2013", or "in February 2013".
    pub fn when(&self, date: NaiveDate) -> String {
        if self.exact_dates {
            format!("on {}", self.date(date))
        } else {
            format!("in {}", self.date(date))
        }
    }
}

/// "February 2013".
pub fn month_year(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {}", MONTHS[date.month0() as usize], date.year())
}

/// One screen of the presentation: a heading, what the audience reads, whether the periods'
/// chart goes with it, and the assumptions it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// The one idea, as a heading.
    pub title: String,
    /// The lines under it.
    pub lines: Vec<String>,
    /// Whether the chart of the periods is shown.
    pub chart: bool,
}

/// The assumptions every slide states: the age on entering care, how the delay is added, and
/// how a child of the records is shown (and, for the demonstration's, that it is made up).
pub fn assumptions(view: &DelayView, shown: &Shown) -> Vec<String> {
    let mut out = vec![format!(
        "Age on entering care: {}, {}.",
        months_in_words(view.age_at_entry_months),
        if shown.kind == DatasetKind::MadeUpCohort {
            "made up, like the cohort"
        } else {
            "assumed (the records hold no date of birth)"
        }
    )];
    out.push(if view.adopted {
        format!(
            "The delay is added to family finding: the match, the move and the adoption order \
             each come {} days later.",
            view.days
        )
    } else {
        format!(
            "The delay is added from {} to every step still to come: those dates are expected, \
             not known.",
            shown.date(view.as_of)
        )
    });
    match shown.kind {
        DatasetKind::Real => out.push(if shown.exact_dates {
            "Real records, with the case reference and dates shown by the trainer's choice."
                .to_string()
        } else {
            "Real records, shown without the case reference or exact dates.".to_string()
        }),
        DatasetKind::Demonstration => out.push(if shown.exact_dates {
            "The demonstration's made-up children, with the case reference and dates shown by \
             the trainer's choice."
                .to_string()
        } else {
            "The demonstration's made-up children, shown as real records would be: without the \
             case reference or exact dates."
                .to_string()
        }),
        DatasetKind::MadeUpCohort => {}
    }
    out
}

/// A story's sentences, one a line: split after a full stop followed by a space and a
/// capital letter (figures such as "68.2%" have no space after their point).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(". ") {
        if bytes.get(i + 2).is_some_and(|b| b.is_ascii_uppercase()) {
            out.push(text[start..=i].to_string());
            start = i + 2;
        }
    }
    out.push(text[start..].to_string());
    out
}

/// The slides for `view`, the child shown as `shown` says.
pub fn slides(view: &DelayView, shown: &Shown) -> Vec<Slide> {
    let name = &shown.name;
    let slide = |title: String, lines: Vec<String>| Slide {
        title,
        lines,
        chart: false,
    };
    let mut out = Vec::new();
    let mut meet = vec![format!(
        "{name} entered care {}, aged {}.",
        shown.when(view.entered_care),
        months_in_words(view.age_at_entry_months)
    )];
    if let Some(life) = &view.life {
        meet.push(if view.move_expected {
            format!(
                "Without delay, {name} is expected to move in with their adoptive family aged \
                 {}, after {} days of waiting.",
                life.before.age_in_words(),
                life.before.waiting_days
            )
        } else {
            format!(
                "Without delay, {name} moved in with their adoptive family aged {}, after {} \
                 days of waiting.",
                life.before.age_in_words(),
                life.before.waiting_days
            )
        });
    }
    out.push(slide(format!("Meet {name}"), meet));
    if let Some(text) = view.life_words(name) {
        out.push(slide(
            crate::words::capitalise(&format!("{} for {name}", view.delay.words())),
            vec![text],
        ));
    }
    out.push(slide(
        "What the scorecard sees".into(),
        sentences(&view.story(name)),
    ));
    if let Some(text) = year_sentence(view, name) {
        out.push(slide(
            if view.slip.is_some() {
                "A new financial year".into()
            } else {
                "The same financial year".into()
            },
            sentences(&text),
        ));
    }
    let periods: Vec<String> = view
        .periods
        .iter()
        .filter(|c| c.before.indicator == view.indicator)
        .map(period_line)
        .collect();
    if !periods.is_empty() {
        out.push(Slide {
            title: format!("Every period {name} counts in ({})", view.indicator.name()),
            lines: periods,
            chart: true,
        });
    }
    out.push(slide(
        "Every day counts".into(),
        vec![format!(
            "Each day of delay is a day of {name}'s childhood spent waiting for a family."
        )],
    ));
    out
}

/// The name of the chart of the periods, for screen readers (the slide's heading says it to
/// the room, so the chart itself has no title).
pub fn periods_chart_name(view: &DelayView, shown: &Shown) -> String {
    format!(
        "{}: every period {} counts in, without and with {}",
        view.indicator.name(),
        shown.name,
        view.delay.words()
    )
}

/// The chart of the periods the child counts in: each period's figure without the delay (a
/// line, actual or projected) and with it (the compared series), against the threshold where
/// the period is judged against one.
pub fn periods_chart(view: &DelayView) -> Trajectory {
    let indicator = view.indicator;
    Trajectory {
        title: String::new(),
        unit: "days".into(),
        periods: view
            .periods
            .iter()
            .filter(|c| c.before.indicator == indicator)
            .map(|c| PeriodPoint {
                label: c.period.to_string(),
                rolling: c.before.value,
                projected: c.before.basis != Basis::Actual,
                // A period not judged (part of it still empty) is drawn without a threshold,
                // as its status says.
                threshold: c
                    .before
                    .status
                    .and(c.before.threshold.or(c.after.threshold)),
                comparison: c.after.value,
                ..PeriodPoint::default()
            })
            .collect(),
        comparison_name: Some(format!("with {}", view.delay.words())),
    }
}

/// One period's figure before and after the delay, and whether it is met: "2014-17 A1: 420 →
/// 427 days, met → not met". A period the child only enters with the delay had nothing to
/// judge before: "2016-19 A1: no children → 448 days, not met", not "no children → not met".
fn period_line(c: &PeriodChange) -> String {
    let unit = if c.after.value.is_some() { " days" } else { "" };
    let standing = if c.status_changes() && c.before.value.is_some() {
        format!("{} → {}", status_word(&c.before), status_word(&c.after))
    } else {
        status_word(&c.after).to_string()
    };
    format!(
        "{} {}: {} → {}{unit}, {standing}",
        c.period,
        c.before.indicator.name(),
        published(&c.before),
        published(&c.after),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_said_as_a_month_and_a_year_unless_identities_are_shown() {
        let d = NaiveDate::from_ymd_opt(2013, 2, 12).unwrap();
        assert_eq!(month_year(d), "February 2013");
        let anonymous = Shown {
            name: Shown::ANONYMOUS.into(),
            exact_dates: false,
            kind: DatasetKind::Real,
        };
        assert_eq!(anonymous.when(d), "in February 2013");
        let named = Shown {
            exact_dates: true,
            ..anonymous
        };
        assert_eq!(named.when(d), "on 12/02/2013");
    }

    /// The presentation's slides and assumptions for the typical child of `doc`'s records,
    /// with one month's delay.
    fn presented(
        doc: &crate::storage::document::Document,
        identities: bool,
    ) -> (Shown, Vec<String>, Vec<Slide>) {
        use crate::workshop::dataset::{workshop_data, DatasetChoice};
        use crate::workshop::delay_view::{delay_view, DelayChoice};
        use scorecard::{DelayLength, Indicator, ThresholdSchedule};
        let as_of = NaiveDate::from_ymd_opt(2015, 6, 30).unwrap();
        let data = workshop_data(doc, &DatasetChoice::Yours, as_of);
        let child = data.typical_child().unwrap();
        let view = delay_view(
            &data,
            &ThresholdSchedule::default(),
            DelayChoice {
                child,
                delay: DelayLength::months(1),
                indicator: Indicator::A1,
                age_at_entry_months: 12,
            },
        )
        .unwrap();
        let shown = Shown::of(&view, data.kind, identities);
        let said = assumptions(&view, &shown);
        let all = slides(&view, &shown);
        (shown, said, all)
    }

    #[test]
    fn the_demonstrations_children_are_said_to_be_made_up_never_real_records() {
        let demo = crate::storage::document::demonstration();
        let (shown, said, all) = presented(&demo, false);
        assert_eq!(shown.kind, DatasetKind::Demonstration);
        // Shown as a real child would be, so that the trainer rehearses what the room sees.
        assert_eq!(shown.name, Shown::ANONYMOUS);
        assert!(!shown.exact_dates);
        assert_eq!(
            said.last().map(String::as_str),
            Some(
                "The demonstration's made-up children, shown as real records would be: without \
                 the case reference or exact dates."
            )
        );
        let everything: Vec<&String> = said
            .iter()
            .chain(
                all.iter()
                    .flat_map(|s| std::iter::once(&s.title).chain(&s.lines)),
            )
            .collect();
        assert!(
            everything.iter().all(|l| !l.contains("Real records")),
            "{everything:?}"
        );
        assert!(
            everything.iter().all(|l| !l.contains("DEMO-")),
            "{everything:?}"
        );
        let (shown, said, _) = presented(&demo, true);
        assert!(shown.name.starts_with("DEMO-"));
        assert_eq!(
            said.last().map(String::as_str),
            Some(
                "The demonstration's made-up children, with the case reference and dates shown \
                 by the trainer's choice."
            )
        );
    }

    #[test]
    fn the_authoritys_own_children_are_real_records_in_the_presentation() {
        let mut doc = crate::storage::document::demonstration();
        // The same children imported as the authority's own, as a replacing import leaves them.
        let records = doc.records.clone();
        crate::records::edits::clear_demonstration(&mut doc);
        doc.records = records;
        let (shown, said, _) = presented(&doc, false);
        assert_eq!(shown.kind, DatasetKind::Real);
        assert_eq!(shown.name, Shown::ANONYMOUS);
        assert_eq!(
            said.last().map(String::as_str),
            Some("Real records, shown without the case reference or exact dates.")
        );
        let (_, said, _) = presented(&doc, true);
        assert_eq!(
            said.last().map(String::as_str),
            Some("Real records, with the case reference and dates shown by the trainer's choice.")
        );
    }

    #[test]
    fn a_period_the_child_only_enters_with_the_delay_says_its_figure_once() {
        use scorecard::{Basis, Figure, Indicator, RollingPeriod, ThresholdSchedule};
        let figure = |value: Option<f64>, threshold: Option<f64>| Figure {
            indicator: Indicator::A1,
            children: u64::from(value.is_some()),
            value,
            basis: Basis::Projected,
            threshold,
            status: value
                .zip(threshold)
                .map(|(v, t)| ThresholdSchedule::status(Indicator::A1, v, t)),
        };
        let entered = PeriodChange {
            period: RollingPeriod::ending_march(2019),
            before: figure(None, Some(426.0)),
            after: figure(Some(448.0), Some(426.0)),
        };
        assert_eq!(
            period_line(&entered),
            "2016-19 A1: no children → 448 days, not met"
        );
        let tipped = PeriodChange {
            period: RollingPeriod::ending_march(2017),
            before: figure(Some(420.0), Some(426.0)),
            after: figure(Some(426.5), Some(426.0)),
        };
        // 426.5 is said as 427, halves away from zero, and judged the same way.
        assert_eq!(
            period_line(&tipped),
            "2014-17 A1: 420 → 427 days, met → not met"
        );
    }

    #[test]
    fn a_story_is_read_a_sentence_a_line() {
        assert_eq!(
            sentences("One week's delay for Child A: 427 days. In 2014-17, 68.2% stays met."),
            [
                "One week's delay for Child A: 427 days.",
                "In 2014-17, 68.2% stays met."
            ]
        );
        assert_eq!(sentences("No stop"), ["No stop"]);
    }
}
