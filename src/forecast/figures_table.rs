//! The figures at a glance: one compact table of the scorecard's indicators by the period
//! ending this March and the next two, each cell with its value, met or not met in words, the
//! threshold and whether the figure is actual or projected.
//!
//! The table is a plain function rather than a component: it holds no state, so it needs none
//! of a component's machinery (Yew copies its lifecycle code into the wasm for each component,
//! and this one is on the screen a first visit downloads). It is twelve cells, cheap to redraw
//! with whatever draws it (on the forecast screen, the figures by period, only when their
//! forecasts change).

use super::basis::basis_words;
use super::sentences::{figure_value, status_text};
use crate::ui::term::Term;
use scorecard::{Figure, Forecast, Indicator, RollingPeriod};
use yew::prelude::*;

/// The indicators the table shows, in the scorecard's order.
pub const TABLE_INDICATORS: [Indicator; 4] = [
    Indicator::A1,
    Indicator::A10,
    Indicator::A2,
    Indicator::A3Percent,
];

/// A period's figure for one indicator on the forecast's basis, with how many of its years
/// hold data: the one figure every screen shows for that period.
pub fn figure_of(
    forecast: &Forecast,
    indicator: Indicator,
    period: RollingPeriod,
) -> Option<(Figure, u8)> {
    forecast
        .period_on_basis(period)
        .map(|p| (*p.figure(indicator), p.years_covered))
}

fn cell(forecast: &Forecast, indicator: Indicator, period: RollingPeriod) -> Html {
    let Some((figure, covered)) = figure_of(forecast, indicator, period) else {
        return html! { <td class="figures__cell" data-indicator={indicator.label()}
        data-period={period.to_string()}>{ "no children" }</td> };
    };
    let unit = if indicator.is_percent() { "%" } else { " days" };
    let basis = if figure.basis == scorecard::Basis::Partial {
        format!("{covered} of 3 years: not judged yet")
    } else {
        figure.basis.words().to_string()
    };
    let met = figure.status.map(|s| s.met);
    html! {
        <td class="figures__cell" data-indicator={indicator.label()} data-period={period.to_string()}>
            <span class="figures__value">{ figure_value(&figure) }</span>
            if let Some(status) = status_text(&figure) {
                <span class={classes!("figures__status", match met {
                    Some(true) => "figures__status--met",
                    _ => "figures__status--not-met",
                })}>{ status }</span>
            }
            <span class="figures__detail">
                { figure.threshold.map(|t| format!("{} {}{unit}; ",
                    if indicator.is_percent() { "target" } else { "threshold" },
                    scorecard::rounding::whole_text(t))).unwrap_or_default() }
                { basis }
            </span>
        </td>
    }
}

/// The figures table of `forecast`, on its basis. The `caption` is the scenario's name when two
/// are compared; the basis of the figures is said after it.
pub fn figures_table(forecast: &Forecast, caption: &str) -> Html {
    let periods = forecast.headline_periods();
    html! {
        <div class="table-wrap">
            <table class="table figures">
                <caption class="table__caption">
                    { format!("{}, {}", caption, basis_words(forecast.basis)) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Indicator" }</th>
                        { for periods.iter().map(|p| html! { <th scope="col">{ p.to_string() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for TABLE_INDICATORS.iter().map(|&indicator| html! {
                        <tr>
                            <th scope="row">
                                if indicator.is_percent() {
                                    <span class="figures__name">{ indicator.name() }</span>
                                    <span class="figures__what">{ " (" }<Term term="A3" />{ ")" }</span>
                                } else {
                                    <span class="figures__name"><Term term={indicator.name()} /></span>
                                    <span class="figures__what">{ indicator.description() }</span>
                                }
                            </th>
                            { for periods.iter().map(|&p| cell(forecast, indicator, p)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
