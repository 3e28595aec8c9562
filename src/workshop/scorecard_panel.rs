//! The scorecard side of a delay: the story the audience reads (announced as it changes), led
//! by the child's own days, the financial year of the adoption order, and the A1 and A2 figures
//! of every three-year period the child touches, before and after, with the threshold status
//! in words.

use super::delay_view::{status_word, DelayView};
use scorecard::dates::format_uk;
use scorecard::{Figure, Indicator};
use std::rc::Rc;
use yew::prelude::*;

/// A figure as published: whole days, or "no children".
pub fn published(figure: &Figure) -> String {
    figure
        .value
        .map(|v| format!("{}", v.round() as i64))
        .unwrap_or_else(|| "no children".into())
}

/// The child's days for an indicator, before → after.
fn child_days(view: &DelayView, indicator: Indicator) -> String {
    let Some(shift) = &view.shift else {
        return "–".into();
    };
    let show = |v: Option<f64>| {
        v.map(|d| format!("{} days", d as i64))
            .unwrap_or_else(|| "not counted".into())
    };
    let expected = match indicator {
        Indicator::A2 => view.match_expected,
        _ => view.move_expected,
    };
    format!(
        "{} → {}{}",
        show(shift.before.value(indicator)),
        show(shift.after.value(indicator)),
        if expected { " (expected)" } else { "" }
    )
}

/// The sentences on the financial year of the order, for the child called `name`: the moment
/// it slips, with what it means for the periods the child leaves and enters, or that it stays.
pub fn year_sentence(view: &DelayView, name: &str) -> Option<String> {
    let shift = view.shift.as_ref()?;
    let list = |periods: &[scorecard::RollingPeriod]| {
        periods
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(match &view.slip {
        Some(slip) => {
            let mut text = format!(
                "The adoption order slips from {} into {}: {name} leaves the {} {} and enters {}.",
                slip.from,
                slip.to,
                list(&slip.leaves),
                if slip.leaves.len() == 1 {
                    "period"
                } else {
                    "periods"
                },
                list(&slip.enters)
            );
            text.push_str(&format!(
                " {} {} then worked out without {name}, and {} with {name}: a figure there \
                 changes because {name} moved period, not because the delay helped.",
                list(&slip.leaves),
                if slip.leaves.len() == 1 { "is" } else { "are" },
                list(&slip.enters),
            ));
            text
        }
        None => format!(
            "The adoption order stays in {}.",
            shift
                .year_after
                .map(|y| y.to_string())
                .unwrap_or_else(|| "no financial year".into())
        ),
    })
}

/// Properties of [`ScorecardPanel`].
#[derive(Properties, PartialEq)]
pub struct ScorecardPanelProps {
    /// What the delay does.
    pub view: Rc<DelayView>,
}

/// The scorecard effect of the delay.
#[function_component]
pub fn ScorecardPanel(props: &ScorecardPanelProps) -> Html {
    let view = &props.view;
    html! {
        <section class="panel workshop-scorecard" aria-labelledby="workshop-scorecard-heading">
            <h2 id="workshop-scorecard-heading">{ "What the scorecard sees" }</h2>
            <p class="workshop-sentence" id="workshop-sentence" aria-live="polite">{ view.story(&view.child) }</p>
            <dl class="summary">
                <div class="summary__row">
                    <dt>{ "Delay" }</dt>
                    <dd id="workshop-delay-days">{ format!("{} days", view.days) }</dd>
                </div>
                <div class="summary__row">
                    <dt>{ format!("{}'s A1 (entering care to moving in)", view.child) }</dt>
                    <dd id="workshop-child-a1">{ child_days(view, Indicator::A1) }</dd>
                </div>
                <div class="summary__row">
                    <dt>{ format!("{}'s A2 (placement order to match)", view.child) }</dt>
                    <dd id="workshop-child-a2">{ child_days(view, Indicator::A2) }</dd>
                </div>
                if let Some((before, after)) = view.order_dates {
                    <div class="summary__row">
                        <dt>{ "Adoption order" }</dt>
                        <dd>{ format!("{} → {}", format_uk(before), format_uk(after)) }</dd>
                    </div>
                }
            </dl>
            if let Some(text) = year_sentence(view, &view.child) {
                <p id="workshop-year" class={classes!("workshop-year", view.slip.is_some().then_some("workshop-year--slips"))}>
                    if view.slip.is_some() { <strong>{ "New financial year: " }</strong> }
                    { text }
                </p>
            }
            <div class="table-wrap">
                <table class="table workshop-periods" id="workshop-periods">
                    <caption class="table__caption">{ format!(
                        "Every three-year period the child counts in, before and after the delay (days, rounded as the scorecard rounds them; {})",
                        view.basis.map_or("every child of the made-up cohort", crate::forecast::basis::basis_words)) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Period" }</th>
                            <th scope="col">{ "Figure" }</th>
                            <th scope="col" class="num">{ "Before" }</th>
                            <th scope="col" class="num">{ "After" }</th>
                            <th scope="col" class="num">{ "Threshold" }</th>
                            <th scope="col">{ "Status" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for view.periods.iter().map(|c| {
                            let told = view.told.is_some_and(|t| t.period == c.period) && c.before.indicator == view.indicator;
                            let flips = c.status_changes();
                            let threshold = c.after.threshold.or(c.before.threshold)
                                .map(|t| format!("{}", t.round() as i64)).unwrap_or_else(|| "none".into());
                            html! {
                                <tr class={classes!(told.then_some("workshop-periods__told"), flips.then_some("workshop-periods__flip"))}
                                    data-period={c.period.to_string()} data-indicator={c.before.indicator.label()}>
                                    <th scope="row">{ c.period.to_string() }</th>
                                    <td>{ c.before.indicator.name() }</td>
                                    <td class="num">{ published(&c.before) }</td>
                                    <td class="num">{ published(&c.after) }</td>
                                    <td class="num">{ threshold }</td>
                                    <td>{ if flips {
                                        format!("{} → {} (changes)", status_word(&c.before), status_word(&c.after))
                                    } else {
                                        status_word(&c.after).to_string()
                                    } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
