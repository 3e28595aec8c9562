//! The committee report, fit to paste: on its first page the authority, the as-of date, the
//! basis of the figures, any what-if change not yet saved, one sentence per target (as the
//! forecast's first screen says it) and the headline figures; then the A1 and A2 charts, the
//! required pace, the action plans, the pipeline's main drivers, the comparators (for the
//! headline's period, or marked as older), the assumptions and a short glossary. The browser
//! prints it (or saves it as PDF) with the print stylesheet, which hides the app's navigation,
//! banners and buttons.

use super::assumptions::Assumptions;
use super::changes::scenario_state;
use super::comparators::ReportComparators;
use super::drivers::Drivers;
use super::forecast::{use_forecast, use_simulation};
use super::glossary::Glossary;
use super::plans_status::PlansStatus;
use crate::comparators::data::{latest_period, use_comparator_table};
use crate::comparators::rows::our_figures;
use crate::context::{use_app, use_as_of};
use crate::forecast::answers::target_answers;
use crate::forecast::band_record::use_band_record;
use crate::forecast::basis::basis_sentence;
use crate::forecast::chart_data::{trajectory, Bands};
use crate::forecast::data_age::DataAgeNotice;
use crate::forecast::figures_table::figures_table;
use crate::forecast::pace_words::{goal_words, waiting_sentence};
use crate::forecast::usable::use_usable;
use crate::plans::now::use_plans_now;
use crate::ui::browser;
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use scorecard::dates::format_uk;
use scorecard::{Forecast, Indicator, RollingPeriod, SimulationSummary};
use std::rc::Rc;
use yew::prelude::*;

/// The Monte Carlo's 10-90% band of `indicator` on the forecast's basis, once it has run.
fn bands(
    simulation: Option<&SimulationSummary>,
    forecast: &Forecast,
    indicator: Indicator,
) -> Option<Bands> {
    simulation.map(|s| {
        s.bands
            .iter()
            .filter(|b| b.indicator == indicator && b.assumed == forecast.basis.counts_expected())
            .filter_map(|b| Some((b.period, (b.p10?, b.p90?))))
            .collect()
    })
}

/// The comparators' period: the headline's (the period ending this March) when the table has
/// it, else the table's latest, which is then older.
fn comparators_period(
    periods: &[RollingPeriod],
    headline: RollingPeriod,
    latest: Option<RollingPeriod>,
) -> Option<RollingPeriod> {
    if periods.contains(&headline) {
        Some(headline)
    } else {
        latest
    }
}

/// The committee report.
#[function_component]
pub fn ReportPage() -> Html {
    let app = use_app();
    let as_of = use_as_of();
    let forecast = use_forecast();
    let table = use_comparator_table();
    let document = app.document.clone();
    let simulation = use_simulation(forecast.pace.as_ref().map(|p| p.target));
    // The chance is stated with the range's record in this authority's past, as on the
    // forecast's first screen.
    let data = use_usable(&document, as_of);
    let (_, record) = use_band_record(&data, &document.settings.thresholds, as_of);
    let plans_now = use_plans_now(document.clone(), forecast.clone());
    let a1_bands = bands(simulation.as_deref(), &forecast, Indicator::A1);
    let a2_bands = bands(simulation.as_deref(), &forecast, Indicator::A2);
    let a1_chart = use_memo((forecast.clone(), a1_bands), |(f, bands)| {
        Rc::new(trajectory(f, Indicator::A1, bands.as_ref(), None))
    });
    let a2_chart = use_memo((forecast.clone(), a2_bands), |(f, bands)| {
        Rc::new(trajectory(f, Indicator::A2, bands.as_ref(), None))
    });
    let authority = document.settings.authority_name.trim().to_string();
    let scenario = document.scenarios.working.clone();
    let state = scenario_state(&document.scenarios, &forecast);
    // A chosen target that is not the threshold changes every sentence: said before them.
    let chosen_target = document.scenarios.pace_target.and_then(|t| {
        let threshold = document.settings.thresholds.threshold(t.indicator, t.period)?;
        (threshold != t.value).then(|| {
            format!(
                "The summary is judged against a chosen target, {} for {}, not the threshold of {} days.",
                goal_words(t.indicator, t.value),
                t.period,
                threshold.round()
            )
        })
    });
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let headline = forecast.headline_periods()[0];
    let period = comparators_period(&table.periods(), headline, latest_period(&table));
    let comparators = period.map(|period| {
        let older = period != headline;
        html! {
            <>
                if older {
                    <p class="report__older">
                        <strong>{ "Older figures: " }</strong>
                        { format!("the latest comparator figures are for {period}, older than this report's headline period {headline}. Our own figure beside them is our {period} figure, from the same data.") }
                    </p>
                } else {
                    <p>{ format!("Three-year averages for {period}, the period of the headline figures.") }</p>
                }
                <ReportComparators table={table.clone()}
                    ours={our_figures(&table, &forecast, period, &authority)} />
            </>
        }
    });

    html! {
        <article class="report" aria-labelledby="report-heading">
            <div class="report__actions">
                <button type="button" class="button" onclick={on_print}>{ "Print report" }</button>
                <span class="field__hint">{ "The page prints without the app's menus; choose \u{201c}Save as PDF\u{201d} in the print dialog for a file." }</span>
            </div>
            <header class="report__header">
                <h1 id="report-heading" class="screen__title">{ "Adoption scorecard: report to committee" }</h1>
                <p class="report__meta">
                    if authority.is_empty() {
                        <span class="report__unnamed">{ "Authority not named (set it in Settings and backup)" }</span>
                    } else {
                        <span class="report__authority">{ authority.clone() }</span>
                    }
                    { " · " }<span>{ format!("Figures as of {}", format_uk(as_of)) }</span>{ " · " }
                    <span class="report__scenario">{ format!("Scenario: {}", state.title()) }</span>
                    // The demonstration's own name already says it is not real.
                    if document.demonstration && !authority.starts_with("Demonstration") {
                        { " · " }<strong>{ "Demonstration data, not real children" }</strong>
                    }
                </p>
                <p class="report__basis">{ basis_sentence(forecast.basis) }</p>
            </header>
            <DataAgeNotice />
            if !state.unsaved.is_empty() {
                <section class="report__section report__changes" aria-labelledby="report-changes">
                    <h2 id="report-changes">{ "Unsaved what-if changes" }</h2>
                    <p>{ format!("These figures use changes to \u{201c}{}\u{201d} that are not saved under a name:", state.name) }</p>
                    <ul class="report__list">
                        { for state.unsaved.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                    </ul>
                </section>
            }
            <section class="report__section" aria-labelledby="report-summary">
                <h2 id="report-summary">{ "Summary" }</h2>
                if let Some(note) = chosen_target {
                    <p class="report__target"><strong>{ "Chosen target: " }</strong>{ note }</p>
                }
                { target_answers(&forecast, simulation.as_deref(), record) }
            </section>
            <section class="report__section" aria-labelledby="report-headline">
                <h2 id="report-headline">{ "Headline figures" }</h2>
                { figures_table(&forecast, "Three-year figures") }
            </section>
            <section class="report__section report__charts" aria-labelledby="report-trajectory">
                <h2 id="report-trajectory">{ "Trajectory" }</h2>
                <ChartCanvas id="report-trajectory-chart" label="Trajectory of the A1 three-year average"
                    class={classes!("chart__canvas--report")}
                    chart={ChartSpec::Trajectory((*a1_chart).clone())}
                    file_name={format!("trajectory-A1-{as_of}.png")} />
                <ChartCanvas id="report-trajectory-a2-chart" label="Trajectory of the A2 three-year average"
                    class={classes!("chart__canvas--report")}
                    chart={ChartSpec::Trajectory((*a2_chart).clone())}
                    file_name={format!("trajectory-A2-{as_of}.png")} />
            </section>
            <section class="report__section" aria-labelledby="report-pace">
                <h2 id="report-pace">{ "Required pace" }</h2>
                { match forecast.pace.as_ref() {
                    Some(answer) => html! {
                        <>
                            // The paper names no child: each child's own date is on the forecast
                            // screen, where the manager can act on it.
                            <p class="report__pace">{ waiting_sentence(answer, "each listed with its date on the forecast screen") }</p>
                        </>
                    },
                    None => html! { <p>{ "Every threshold in the schedule is met: there is no target to solve for." }</p> },
                } }
            </section>
            <PlansStatus plans={document.plans.clone()} now={plans_now} {as_of} counted={forecast.basis}
                owners={(app.view == crate::storage::authorities::View::Agency && app.whole.settings.has_several()).then(|| {
                    Rc::new(document.plans.plans.iter()
                        .map(|p| crate::storage::authorities::plan_owner_name(&app.whole.settings, p.of))
                        .collect::<Vec<_>>())
                })} />
            <Drivers forecast={forecast.clone()} />
            <section class="report__section" aria-labelledby="report-comparators">
                <h2 id="report-comparators">{ "Comparators" }</h2>
                { comparators.unwrap_or_else(|| html! { <p>{ "No comparator figures are loaded." }</p> }) }
            </section>
            <Assumptions forecast={forecast.clone()} scenario={scenario} />
            <Glossary />
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparators_are_of_the_headline_period_when_the_table_has_it() {
        let p = |y| RollingPeriod::ending_march(y);
        // The scrutiny report's tables end with 2011-14; a 2013-16 headline takes the latest,
        // marked older by the page.
        assert_eq!(
            comparators_period(&[p(2013), p(2014)], p(2016), Some(p(2014))),
            Some(p(2014))
        );
        assert_eq!(
            comparators_period(&[p(2014), p(2016)], p(2016), Some(p(2016))),
            Some(p(2016))
        );
        assert_eq!(comparators_period(&[], p(2016), None), None);
    }
}
