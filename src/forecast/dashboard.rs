//! The forecast dashboard: where the figures are heading and what it takes to reach the
//! threshold. Everything on it is derived from the stored document with `use_memo`, so it is
//! recomputed on every change and never stored.

use super::agency_panel::AgencyPart;
use super::answer_words::Chance;
use super::answers::{chance, target_answers};
use super::backtest_panel::BacktestPanel;
use super::band_record::use_band_record;
use super::basis::basis_words;
use super::chart_data::{trajectory, Bands};
use super::figures_by_period::FiguresByPeriod;
use super::monte_carlo::{prepare, use_sliced, RUNS};
use super::pace_panel::PacePanel;
use super::pipeline_details::PipelineDetails;
use super::usable::{use_usable, Same, Usable};
use crate::context::{use_app, use_as_of};
use crate::scenarios::panel::ScenarioPanel;
use crate::state::Action;
use crate::storage::document::{Comparison, Document};
use crate::ui::browser;
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use crate::ui::later_panel::LaterPanel;
use crate::ui::notice::Notice;
use crate::ui::term::Term;
use chrono::NaiveDate;
use scorecard::dates::format_uk;
use scorecard::{forecast_on, FiguresBasis, Forecast, ForecastInput, Indicator, Scenario};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The indicators the trajectory chart can show.
const CHART_INDICATORS: [Indicator; 4] = [
    Indicator::A1,
    Indicator::A10,
    Indicator::A2,
    Indicator::A3Percent,
];

/// A callback that sends the action `wrap` makes of its value. Made once: it only
/// dispatches, so the panels it is given never re-render because of a new callback.
#[hook]
fn use_send<T: 'static>(app: &crate::context::Store, wrap: fn(T) -> Action) -> Callback<T> {
    let app = app.clone();
    use_callback((), move |value, _| app.dispatch(wrap(value)))
}

fn forecast_of(data: &Usable, doc: &Document, as_of: NaiveDate, scenario: &Scenario) -> Forecast {
    forecast_on(
        &ForecastInput {
            children: &data.children,
            aggregates: &data.aggregates,
            as_of,
            thresholds: &doc.settings.thresholds,
            scenario,
            target: doc.scenarios.pace_target,
            every_child: false,
        },
        doc.scenarios.basis,
    )
}

/// The scenario a comparison names, if it still exists.
fn compared(doc: &Document) -> Option<Scenario> {
    match doc.scenarios.compare.as_ref()? {
        Comparison::Baseline => Some(Scenario {
            name: "Baseline".into(),
            ..Scenario::default()
        }),
        Comparison::Saved(name) => doc
            .scenarios
            .saved
            .iter()
            .find(|s| &s.name == name)
            .cloned(),
    }
}

/// The forecast dashboard.
#[function_component]
pub fn ForecastDashboard() -> Html {
    crate::context::use_render_count("ForecastDashboard");
    let app = use_app();
    let as_of = use_as_of();
    let document = app.document.clone();
    let chart_indicator = use_state(|| Indicator::A1);
    let basis = document.scenarios.basis;

    let data = use_usable(&document, as_of);
    let key = (Same(data.clone()), Same(document.clone()), as_of);
    let main = use_memo(key.clone(), |(data, doc, as_of)| {
        forecast_of(&data.0, &doc.0, *as_of, &doc.0.scenarios.working)
    });
    let comparison = use_memo(key.clone(), |(data, doc, as_of)| {
        compared(&doc.0).map(|s| {
            (
                s.name.clone(),
                Rc::new(forecast_of(&data.0, &doc.0, *as_of, &s)),
            )
        })
    });
    let simulation = {
        let data = data.clone();
        let doc = document.clone();
        // The target the pace panel answers: the chosen one, or the default the forecast found.
        let target = main.pace.as_ref().map(|p| p.target);
        use_sliced(key, move || {
            prepare(&ForecastInput {
                children: &data.children,
                aggregates: &data.aggregates,
                as_of,
                thresholds: &doc.settings.thresholds,
                scenario: &doc.scenarios.working,
                target,
                every_child: false,
            })
        })
    };
    // The band's record in this authority's past: the baseline's, so a what-if never reruns it.
    let (backtest, record) = use_band_record(&data, &document.settings.thresholds, as_of);

    // The next visit opens on these answers while the app downloads.
    crate::storage::first_screen::use_keep_first_screen(&document, simulation.is_some());

    let bands: Option<Bands> = simulation.as_ref().map(|s| {
        s.bands
            .iter()
            .filter(|b| b.indicator == *chart_indicator && b.assumed == basis.counts_expected())
            .filter_map(|b| Some((b.period, (b.p10?, b.p90?))))
            .collect()
    });
    let chart = use_memo(
        (
            Same(main.clone()),
            *chart_indicator,
            bands.clone(),
            Same(comparison.clone()),
        ),
        |(main, indicator, bands, comparison)| {
            let other = comparison
                .0
                .as_ref()
                .as_ref()
                .map(|(n, f)| (n.as_str(), f.as_ref()));
            Rc::new(trajectory(&main.0, *indicator, bands.as_ref(), other))
        },
    );

    let on_target = use_send(&app, |t| Action::SetPaceTarget(Some(t)));
    let on_expected = use_send(&app, |(year, n)| Action::SetExpectedAdoptions(year, n));
    let on_assumed_pace = use_send(&app, |(a1_days, a2_days)| Action::SetAssumedPace {
        a1_days,
        a2_days,
    });
    let on_stage = use_send(&app, |(stage, duration)| {
        Action::SetStageDuration(stage, duration)
    });
    let on_save_scenario = use_send(&app, Action::SaveScenarioAs);
    let on_select_scenario = use_send(&app, Action::SelectScenario);
    let on_delete_scenario = use_send(&app, Action::DeleteScenario);
    let on_compare = use_send(&app, Action::CompareWith);
    let notify = use_send(&app, Action::Notify);
    let on_leaving = use_send(&app, Action::SetLeavingRate);
    let own_leaving = scorecard::own_leaving_rate(&data.children);
    let expected_orders = use_memo(Same(document.clone()), |doc| {
        Rc::new(
            doc.0
                .records
                .iter()
                .filter_map(|r| Some((r.child_id.clone(), r.expected_adoption_order?)))
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
    });
    // Made once and reading the latest document when called: the pipeline's table is drawn a
    // frame after a change, and a new callback on every change would redraw it at once.
    let latest_document = use_mut_ref(|| document.clone());
    *latest_document.borrow_mut() = document.clone();
    let on_expected_order = {
        let app = app.clone();
        // Made again only when the view changes: a child is changed on its own authority's
        // view, where its reference is unique (two authorities may share a reference).
        use_callback(
            app.view,
            move |(child_id, date): (String, Option<NaiveDate>), view| {
                if *view == crate::storage::authorities::View::Agency {
                    app.dispatch(Action::Notify(Notice::error(format!(
                        "Nothing was changed: to change child {child_id}'s expected date, \
                         choose the child's authority at the top of the page."
                    ))));
                    return;
                }
                let document = latest_document.borrow().clone();
                if let Some(record) = document.records.iter().find(|r| r.child_id == child_id) {
                    let mut record = record.clone();
                    record.expected_adoption_order = date;
                    app.dispatch(Action::UpdateRecord {
                        child_id,
                        record,
                        opened: None,
                    });
                }
            },
        )
    };
    let on_chart_indicator = {
        let chart_indicator = chart_indicator.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(i) = Indicator::parse(&v) {
                chart_indicator.set(i);
            }
        })
    };
    // The file carries the likely range and the chance, so it is written once the
    // simulation of these very figures has finished: asked for sooner, it waits for it.
    let write_csv = {
        let main = main.clone();
        let app = app.clone();
        move |simulation: &scorecard::SimulationSummary| {
            let name = format!("forecast-{}.csv", main.as_of);
            // The agency's file lists each authority's rows, then the agency's.
            let csv = match app.view {
                crate::storage::authorities::View::Agency => {
                    super::agency_panel::agency_csv(&app.whole, main.as_of, &main, simulation)
                }
                _ => main.to_csv_with(Some(simulation)),
            };
            if let Err(why) = browser::download(&name, "text/csv", &csv) {
                app.dispatch(Action::Notify(Notice::error(why)));
            }
        }
    };
    let download_waiting = use_state(|| false);
    {
        let simulation = simulation.clone();
        let download_waiting = download_waiting.clone();
        let write_csv = write_csv.clone();
        use_effect_with(
            (*download_waiting, simulation.is_some()),
            move |(waiting, _)| {
                if let (true, Some(simulation)) = (*waiting, simulation.as_deref()) {
                    download_waiting.set(false);
                    write_csv(simulation);
                }
            },
        );
    }
    let download_csv = {
        let download_waiting = download_waiting.clone();
        let simulation = simulation.clone();
        Callback::from(move |_| match simulation.as_deref() {
            Some(simulation) => write_csv(simulation),
            None => download_waiting.set(true),
        })
    };

    // The chance of the pace panel's target, on the figures' basis, as the answers say it.
    let probability = match main
        .pace
        .as_ref()
        .map(|p| chance(p, simulation.as_deref(), basis))
    {
        Some(Chance::Simulating) => None,
        Some(Chance::Known(p)) => Some(Some(p)),
        _ => Some(None),
    };
    let saved: Vec<String> = document
        .scenarios
        .saved
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let scenario_name = {
        let name = &document.scenarios.working.name;
        if name.is_empty() {
            "Baseline".to_string()
        } else {
            name.clone()
        }
    };

    let on_with_expected = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            app.dispatch(Action::SetBasis(if on {
                FiguresBasis::WithExpected
            } else {
                FiguresBasis::DataOnly
            }))
        })
    };
    let band_hint = if simulation.is_some() {
        format!("The shaded band is where the figure falls in 8 of 10 of {RUNS} simulated futures.")
    } else {
        "Updating: simulating the likely range\u{2026}".to_string()
    };

    html! {
        <>
            <div class="first-screen">
                <div class="first-screen__answers">
                    <p class="first-screen__context">
                        { format!("As of {}, scenario \u{201c}{}\u{201d}, figures {}.", format_uk(as_of), scenario_name, basis_words(basis)) }
                    </p>
                    { target_answers(&main, simulation.as_deref(), record) }
                    <div class="dashboard__actions">
                        <button type="button" class="button" onclick={download_csv}>
                            { "Download forecast (CSV)" }
                        </button>
                        if *download_waiting {
                            <span class="field__hint field__hint--updating" role="status">
                                { "The file will download once the likely range is worked out." }
                            </span>
                        }
                    </div>
                </div>
                <section class="first-screen__chart" aria-labelledby="trajectory-heading"
                    aria-busy={if simulation.is_some() { "false" } else { "true" }}>
                    <div class="first-screen__chart-head">
                        <h2 id="trajectory-heading">{ "Trajectory" }</h2>
                        <div class="field field--inline">
                            <label class="field__label" for="chart-indicator">{ "Indicator on the chart" }</label>
                            <select class="field__select" id="chart-indicator" onchange={on_chart_indicator}>
                                { for CHART_INDICATORS.iter().map(|i| html! {
                                    <option value={i.label()} selected={*i == *chart_indicator}>{ i.name() }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                    <p class={classes!("field__hint", simulation.is_none().then_some("field__hint--updating"))}>{ band_hint }</p>
                    <ChartCanvas id="trajectory-chart" label={format!("Trajectory of the {} three-year average", chart_indicator.name())}
                        class={classes!("chart__canvas--first")}
                        chart={ChartSpec::Trajectory((*chart).clone())}
                        file_name={format!("trajectory-{}-{}.png", chart_indicator.label(), as_of)} />
                </section>
            </div>
            <section class="panel" aria-labelledby="figures-heading">
                <h2 id="figures-heading">{ "The figures by " }<Term term="rolling period" /></h2>
                <p class="panel__hint">
                    { "Each period is three financial years, April to March; the scorecard counts a child in the year of the adoption order." }
                </p>
                <div class="field field--checkbox">
                    <input type="checkbox" role="switch" id="with-expected" class="field__checkbox"
                        checked={basis.counts_expected()} onchange={on_with_expected} />
                    <label for="with-expected">{ "With the adoptions we expect" }</label>
                    <span class="field__hint">
                        { if basis.counts_expected() {
                            " (on: the children in the data plus the further adoptions the scenario expects, on every screen and in the report)"
                        } else {
                            " (off: only the children in the data, on every screen and in the report)"
                        } }
                    </span>
                </div>
                // Drawn a frame after the answers: see `crate::ui::later`.
                <FiguresByPeriod forecast={main.clone()} comparison={comparison.clone()}
                    scenario_name={scenario_name.clone()} />
            </section>
            <PacePanel forecast={main.clone()} {probability} {record} thresholds={document.settings.thresholds.clone()}
                {on_target} {on_expected} {notify} />
            <ScenarioPanel forecast={main.clone()} scenario={document.scenarios.working.clone()}
                saved={saved} compare={document.scenarios.compare.clone()}
                {on_stage} {on_assumed_pace} {on_leaving} {own_leaving}
                on_save={on_save_scenario} on_select={on_select_scenario}
                on_delete={on_delete_scenario} {on_compare} />
            <section class="panel" aria-labelledby="pipeline-heading">
                <h2 id="pipeline-heading">{ "The pipeline" }</h2>
                // Drawn a frame after the answers: see `crate::ui::later`.
                <PipelineDetails forecast={main.clone()} expected_orders={(*expected_orders).clone()}
                    {on_expected_order} />
            </section>
            <BacktestPanel rows={backtest.clone()} />
            // The agency's view: each authority's figures beside the agency's, whose forecast
            // is this one, made once. Only here is the panel's part fetched.
            if app.view == crate::storage::authorities::View::Agency {
                <LaterPanel<AgencyPart> panel={AgencyPart(main.clone())} />
            }
        </>
    }
}
