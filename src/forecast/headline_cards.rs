//! The headline cards: for each indicator, the period ending this March and the next two,
//! each with the figure from the children in the data, the figure with the further adoptions
//! the scenario expects, the threshold, and met / not met in words.

use super::sentences::{figure_value, status_text};
use scorecard::{Figure, Forecast, Indicator, RollingPeriod};
use std::rc::Rc;
use yew::prelude::*;

/// The indicators the cards show, in the scorecard's order.
pub const CARD_INDICATORS: [Indicator; 4] = [
    Indicator::A1,
    Indicator::A10,
    Indicator::A2,
    Indicator::A3Percent,
];

/// Properties of [`HeadlineCards`].
#[derive(Properties, PartialEq)]
pub struct HeadlineCardsProps {
    /// The forecast to show.
    pub forecast: Rc<Forecast>,
    /// A heading above the cards (the scenario's name when two are compared).
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    /// Makes the cards' ids unique when two sets are on the page.
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

/// One line of a card: a figure with its basis and status. A partial three-year figure says
/// how many of its years hold data, and is not judged.
fn figure_line(caption: &str, figure: &Figure, years_covered: u8) -> Html {
    let status = status_text(figure);
    let basis = if figure.basis == scorecard::Basis::Partial {
        format!(" ({years_covered} of 3 years: not judged until every year has data)")
    } else {
        format!(" ({})", figure.basis.words())
    };
    let met = figure.status.map(|s| s.met);
    html! {
        <div class="card__figure">
            <dt>{ caption }</dt>
            <dd>
                <span class="card__value">{ figure_value(figure) }</span>
                <span class="card__basis">{ basis }</span>
                if let Some(text) = status {
                    <span class={classes!("card__status", match met {
                        Some(true) => "card__status--met",
                        _ => "card__status--not-met",
                    })}>{ text }</span>
                }
            </dd>
        </div>
    }
}

fn period_card(forecast: &Forecast, indicator: Indicator, period: RollingPeriod) -> Html {
    let data = forecast
        .period(period)
        .map(|p| (*p.figure(indicator), p.years_covered));
    let assumed = forecast
        .period_assumed(period)
        .map(|p| (*p.figure(indicator), p.years_covered));
    let threshold = data
        .and_then(|(f, _)| f.threshold)
        .or_else(|| assumed.and_then(|(f, _)| f.threshold));
    let unit = if indicator.is_percent() { "%" } else { " days" };
    // The assumed figure is worth a line of its own only where further adoptions are expected.
    let adds_assumed = assumed.is_some_and(|a| Some(a) != data);
    html! {
        <article class="card" aria-label={format!("{} {}", indicator.name(), period)}>
            <h4 class="card__period">{ period.to_string() }</h4>
            <dl class="card__figures">
                {
                    match &data {
                        Some((f, covered)) => figure_line("Children in the data", f, *covered),
                        None => html! {
                            <div class="card__figure"><dt>{ "Children in the data" }</dt><dd>{ "no children" }</dd></div>
                        },
                    }
                }
                if let (true, Some((a, covered))) = (adds_assumed, assumed.as_ref()) {
                    { figure_line("With the adoptions expected", a, *covered) }
                }
                <div class="card__figure">
                    <dt>{ if indicator.is_percent() { "Target" } else { "Threshold" } }</dt>
                    <dd>{ threshold.map(|t| format!("{t:.0}{unit}")).unwrap_or_else(|| "none".into()) }</dd>
                </div>
            </dl>
        </article>
    }
}

/// The headline cards.
#[function_component]
pub fn HeadlineCards(props: &HeadlineCardsProps) -> Html {
    let forecast = &props.forecast;
    let periods = forecast.headline_periods();
    html! {
        <div class="headline">
            if let Some(heading) = &props.heading {
                <h3 class="headline__scenario">{ heading.clone() }</h3>
            }
            { for CARD_INDICATORS.iter().map(|&indicator| html! {
                <section class="headline__indicator" aria-labelledby={format!("{}card-{}", props.id_prefix, indicator.label())}>
                    <h3 id={format!("{}card-{}", props.id_prefix, indicator.label())} class="headline__title">
                        { indicator.name() }
                        <span class="headline__description">{ format!(" – {}", indicator.description()) }</span>
                    </h3>
                    <div class="headline__cards">
                        { for periods.iter().map(|&p| period_card(forecast, indicator, p)) }
                    </div>
                </section>
            }) }
        </div>
    }
}
