//! The committee report: one printable page. The browser prints it (or saves it as PDF)
//! with the print stylesheet, which hides the app's navigation, banners and buttons.

use super::assumptions::Assumptions;
use super::drivers::Drivers;
use super::forecast::{use_forecast, use_simulation};
use crate::comparators::data::{latest_period, use_comparator_table};
use crate::comparators::overview::ComparatorsOverview;
use crate::comparators::rows::our_figures;
use crate::context::{use_app, use_as_of};
use crate::forecast::chart_data::{trajectory, Bands};
use crate::forecast::figures_table::FiguresTable;
use crate::forecast::monte_carlo::RUNS;
use crate::forecast::pace_words::waiting_sentence;
use crate::forecast::sentences::{equal_years_sentence, pace_sentence};
use crate::forecast::waiting_children::WaitingChildren;
use crate::ui::browser;
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use scorecard::dates::format_uk;
use scorecard::Indicator;
use std::rc::Rc;
use yew::prelude::*;

/// The committee report.
#[function_component]
pub fn ReportPage() -> Html {
    let app = use_app();
    let as_of = use_as_of();
    let forecast = use_forecast();
    let table = use_comparator_table();
    let document = &app.document;
    let simulation = use_simulation(forecast.pace.as_ref().map(|p| p.target));
    // The 10-90% band of the A1 average, once the Monte Carlo has run.
    let bands: Option<Bands> = simulation.as_ref().map(|s| {
        s.bands
            .iter()
            .filter(|b| b.indicator == Indicator::A1 && b.assumed)
            .filter_map(|b| Some((b.period, (b.p10?, b.p90?))))
            .collect()
    });
    let chart = use_memo((forecast.clone(), bands), |(f, bands)| {
        Rc::new(trajectory(f, Indicator::A1, bands.as_ref(), None))
    });
    let probability = simulation.as_ref().and_then(|s| s.probability_target_met);
    let authority = document.settings.authority_name.clone();
    let scenario = document.scenarios.working.clone();
    let scenario_name = if scenario.name.is_empty() {
        "Baseline".to_string()
    } else {
        scenario.name.clone()
    };
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let comparators = latest_period(&table).map(|period| {
        html! {
            <ComparatorsOverview table={table.clone()}
                ours={our_figures(&table, &forecast, period, &authority)}
                authority={authority.clone()} indicator={Indicator::A1} chart_id="report-comparators-chart" />
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
                    if !authority.is_empty() {
                        <span>{ authority.clone() }</span>{ " · " }
                    }
                    <span>{ format!("Figures as of {}", format_uk(as_of)) }</span>{ " · " }
                    <span>{ format!("Scenario: {scenario_name}") }</span>
                    if document.demonstration {
                        { " · " }<strong>{ "Demonstration data, not real children" }</strong>
                    }
                </p>
            </header>
            <section class="report__section" aria-labelledby="report-headline">
                <h2 id="report-headline">{ "Headline figures" }</h2>
                <FiguresTable forecast={forecast.clone()} caption="Three-year figures" />
            </section>
            <section class="report__section" aria-labelledby="report-trajectory">
                <h2 id="report-trajectory">{ "Trajectory" }</h2>
                <ChartCanvas id="report-trajectory-chart" label="Trajectory of the A1 three-year average"
                    chart={ChartSpec::Trajectory((*chart).clone())}
                    file_name={format!("trajectory-A1-{as_of}.png")} />
            </section>
            <section class="report__section" aria-labelledby="report-pace">
                <h2 id="report-pace">{ "Required pace" }</h2>
                { match forecast.pace.as_ref() {
                    Some(answer) => html! {
                        <>
                            <p class="report__pace">{ waiting_sentence(answer) }</p>
                            <WaitingChildren forecast={forecast.clone()} />
                            if let Some(simple) = equal_years_sentence(answer) {
                                <p>{ simple }</p>
                            }
                            <p><strong>{ "If the pipeline goes as projected: " }</strong>{ pace_sentence(answer) }</p>
                            <p class="report__probability">
                                { match (&simulation, probability) {
                                    (_, Some(p)) => format!("Chance of meeting the target, from {RUNS} simulated futures: {:.0}%.", p * 100.0),
                                    (Some(_), None) => "The simulation has no figure for the target period.".to_string(),
                                    (None, _) => "Chance of meeting the target: simulating…".to_string(),
                                } }
                            </p>
                        </>
                    },
                    None => html! { <p>{ "Every threshold in the schedule is met: there is no target to solve for." }</p> },
                } }
            </section>
            <Drivers forecast={forecast.clone()} />
            <section class="report__section" aria-labelledby="report-comparators">
                <h2 id="report-comparators">{ "Comparators" }</h2>
                { comparators.unwrap_or_else(|| html! { <p>{ "No comparator figures are loaded." }</p> }) }
            </section>
            <Assumptions forecast={forecast.clone()} scenario={scenario} />
        </article>
    }
}
