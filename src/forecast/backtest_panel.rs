//! "How good is this forecast?": the forecast made as of each past 31 March with only what was
//! known then, beside what happened, so that a manager can see how far to trust the band.
//! Run on request: each past year is a whole Monte Carlo.

use crate::context::{use_app, use_as_of};
use crate::state::Action;
use crate::ui::browser;
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use scorecard::dates::format_uk;
use scorecard::{
    backtest, backtest_csv, coverage, usable_at, BacktestRow, ForecastInput, SimulationSettings,
};
use scorecard_charts::{BacktestChart, BacktestPoint};
use std::rc::Rc;
use yew::prelude::*;

/// Runs per past year: enough for a steady 10-90% band, few enough to answer at once.
const BACKTEST_RUNS: u32 = 1000;

/// The coverage in words, with what an honest band would do.
pub fn coverage_sentence(rows: &[BacktestRow]) -> String {
    let (inside, judged) = coverage(rows);
    if judged == 0 {
        return "There is no complete past year with both a forecast and an actual figure to \
                compare yet."
            .to_string();
    }
    let share = inside as f64 / judged as f64 * 100.0;
    let verdict = if share < 65.0 {
        "The band is too narrow: treat its chance of meeting the target as too sure."
    } else if share > 95.0 {
        "The band is wider than it needs to be."
    } else {
        "About what an honest band should do."
    };
    format!(
        "{inside} of {judged} past figures ({share:.0}%) fell inside the forecast's 10-90% band; \
         an honest band holds about 8 in 10. {verdict}"
    )
}

/// The chart's points: each past forecast of a single year's A1 and A2 with a band (A10
/// mostly repeats A1, and the three-year periods are in the table).
pub fn chart_of(rows: &[BacktestRow]) -> BacktestChart {
    let points = rows
        .iter()
        .filter(|r| matches!(r.span, scorecard::BacktestSpan::Year(_)))
        .filter(|r| r.indicator != scorecard::Indicator::A10)
        .filter_map(|r| {
            Some(BacktestPoint {
                label: format!("{} {}", r.indicator.name(), r.span),
                p10: r.p10?,
                p50: r.p50?,
                p90: r.p90?,
                actual: r.actual,
            })
        })
        .collect();
    BacktestChart {
        title: "Each year forecast as of the 31 March before it, beside what happened".into(),
        points,
    }
}

/// The backtest panel.
#[function_component]
pub fn BacktestPanel() -> Html {
    let app = use_app();
    let as_of = use_as_of();
    let rows = use_state(|| None::<Rc<Vec<BacktestRow>>>);
    let run = {
        let rows = rows.clone();
        use_callback((app.clone(), as_of), move |_: MouseEvent, (app, as_of)| {
            let doc = &app.document;
            let (children, aggregates) = usable_at(&doc.records, &doc.aggregates, *as_of);
            let input = ForecastInput {
                children: &children,
                aggregates: &aggregates,
                as_of: *as_of,
                thresholds: &doc.settings.thresholds,
                scenario: &doc.scenarios.working,
                target: None,
                every_child: false,
            };
            let settings = SimulationSettings {
                runs: BACKTEST_RUNS,
                ..SimulationSettings::default()
            };
            rows.set(Some(Rc::new(backtest(&input, settings))));
        })
    };
    let download = {
        let rows = rows.clone();
        use_callback(app.clone(), move |_: MouseEvent, app| {
            let Some(rows) = (*rows).clone() else { return };
            let notice = browser::download_csv("backtest.csv", "backtest", &backtest_csv(&rows));
            app.dispatch(Action::Notify(notice));
        })
    };
    let value = |v: Option<f64>| v.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into());
    let table = (*rows).clone().map(|rows| {
        let chart = Rc::new(chart_of(&rows));
        let body = rows.iter().filter(|r| r.p50.is_some()).map(|r| {
            let inside = match r.inside_band() {
                Some(true) => "Inside",
                Some(false) => "Outside",
                None => "No actual figure",
            };
            html! {
                <tr>
                    <td>{ format_uk(r.as_of) }</td>
                    <th scope="row">{ format!("{} {}", r.indicator.name(), r.span) }</th>
                    <td class="table__number">{ format!("{} to {}", value(r.p10), value(r.p90)) }</td>
                    <td class="table__number">{ value(r.p50) }</td>
                    <td class="table__number">{ value(r.actual) }</td>
                    <td>{ inside }</td>
                </tr>
            }
        });
        html! {
            <>
                <p class="backtest__verdict" aria-live="polite">{ coverage_sentence(&rows) }</p>
                <ChartCanvas id="backtest-chart" label="Past forecasts beside what happened"
                    chart={ChartSpec::Backtest(chart)} file_name="backtest.png" />
                <div class="table-wrap">
                    <table class="table">
                        <caption class="table__caption">{ "Forecasts made as of each past 31 March, in days" }</caption>
                        <thead><tr>
                            <th scope="col">{ "As of" }</th>
                            <th scope="col">{ "Figure" }</th>
                            <th scope="col" class="table__number">{ "10-90% band" }</th>
                            <th scope="col" class="table__number">{ "Median" }</th>
                            <th scope="col" class="table__number">{ "What happened" }</th>
                            <th scope="col">{ "Inside the band?" }</th>
                        </tr></thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
                <div class="button-row">
                    <button type="button" class="button button--secondary" onclick={download}>
                        { "Download backtest (CSV)" }
                    </button>
                </div>
            </>
        }
    });
    html! {
        <section class="panel" aria-labelledby="backtest-heading">
            <h2 id="backtest-heading">{ "How good is this forecast?" }</h2>
            <p class="panel__lead">
                { "The forecast is made again as of each past 31 March, with only what was known \
                   then (later dates hidden), and set beside what happened in the next year and \
                   the three years ending with it." }
            </p>
            <div class="button-row">
                <button type="button" class="button" onclick={run}>{ "Check against past years" }</button>
            </div>
            { table.unwrap_or_default() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard::{BacktestSpan, FinancialYear, Indicator};

    fn row(actual: f64) -> BacktestRow {
        BacktestRow {
            as_of: NaiveDate::from_ymd_opt(2014, 3, 31).unwrap(),
            span: BacktestSpan::Year(FinancialYear(2014)),
            indicator: Indicator::A1,
            p10: Some(500.0),
            p50: Some(550.0),
            p90: Some(600.0),
            actual: Some(actual),
        }
    }

    #[test]
    fn the_verdict_says_how_often_the_band_held_what_happened() {
        // 2 of 4 inside: 50%, too narrow.
        let rows = [row(520.0), row(580.0), row(480.0), row(610.0)];
        assert_eq!(
            coverage_sentence(&rows),
            "2 of 4 past figures (50%) fell inside the forecast's 10-90% band; an honest band \
             holds about 8 in 10. The band is too narrow: treat its chance of meeting the target \
             as too sure."
        );
        assert!(coverage_sentence(&[]).starts_with("There is no complete past year"));
    }
}
