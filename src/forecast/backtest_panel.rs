//! "How good is this forecast?": the baseline forecast made again as of every past quarter
//! end with only what was known then, beside what happened at the next March and the March
//! after, so that a manager can see how far to trust the likely range and the chance. The
//! dashboard runs it in slices after the Monte Carlo; this panel shows it.

use crate::context::use_app;
use crate::state::Action;
use crate::ui::browser;
use crate::ui::chart_canvas::{ChartCanvas, ChartSpec};
use scorecard::dates::format_uk;
use scorecard::rounding::whole_text;
use scorecard::{backtest_csv, coverage, tenths, BacktestRow, Indicator};
use scorecard_charts::{BacktestChart, BacktestPoint, TenthsChart};
use std::rc::Rc;
use yew::prelude::*;

/// The coverage in words: how often, with its 95% interval, beside what an honest band does.
pub fn coverage_sentence(rows: &[BacktestRow]) -> String {
    let c = coverage(rows);
    if c.judged == 0 {
        return "There is no complete past year with both a forecast and an actual figure to \
                compare yet."
            .to_string();
    }
    let percent = |v: f64| whole_text(v * 100.0);
    let verdict = if c.high < 0.8 {
        "The band is too narrow for this authority: its chances are said only roughly."
    } else if c.low > 0.8 {
        "The band is wider than it needs to be."
    } else {
        "About what an honest band should do."
    };
    format!(
        "Coverage: {} of {} past figures ({}%) fell inside the forecast's 10-90% band; 95% \
         interval {}% to {}%. An honest band holds about 8 in 10. {verdict}",
        c.inside,
        c.judged,
        percent(c.inside as f64 / c.judged as f64),
        percent(c.low),
        percent(c.high),
    )
}

/// The chart's points: each past forecast of A1 and A2 that counts as evidence (A10 mostly
/// repeats A1).
pub fn chart_of(rows: &[BacktestRow]) -> BacktestChart {
    let points = rows
        .iter()
        .filter(|r| r.counted && r.indicator != Indicator::A10)
        .filter_map(|r| {
            Some(BacktestPoint {
                label: format!(
                    "{} {} as of {}",
                    r.indicator.name(),
                    r.period,
                    format_uk(r.as_of)
                ),
                p10: r.p10?,
                p50: r.p50?,
                p90: r.p90?,
                actual: r.actual,
            })
        })
        .collect();
    BacktestChart {
        title: "Each three-year figure forecast in the past, beside what happened".into(),
        points,
    }
}

/// Properties of [`BacktestPanel`].
#[derive(Properties, PartialEq)]
pub struct BacktestPanelProps {
    /// The past forecasts, once they are all made.
    pub rows: Option<Rc<Vec<BacktestRow>>>,
}

/// The backtest panel.
#[function_component]
pub fn BacktestPanel(props: &BacktestPanelProps) -> Html {
    let app = use_app();
    let download = {
        let rows = props.rows.clone();
        use_callback((app.clone(), rows), move |_: MouseEvent, (app, rows)| {
            let Some(rows) = rows.clone() else { return };
            let mut text = backtest_csv(&rows);
            // The agency's own rows name the agency, last.
            if app.view == crate::storage::authorities::View::Agency {
                let name = app.whole.settings.agency_label();
                text = crate::storage::authorities::with_authority_column(&[(name, text)]);
            }
            let notice = browser::download_csv("backtest.csv", "backtest", &text);
            app.dispatch(Action::Notify(notice));
        })
    };
    let value = |v: Option<f64>| v.map(whole_text).unwrap_or_else(|| "–".into());
    let body = props.rows.clone().map(|rows| {
        let chart = Rc::new(chart_of(&rows));
        let pit = Rc::new(TenthsChart {
            title: "Where what happened fell among the runs of its forecast".into(),
            counts: tenths(&rows),
        });
        let body = rows.iter().filter(|r| r.p50.is_some()).map(|r| {
            let inside = match (r.inside_band(), r.counted) {
                (Some(true), true) => "Inside",
                (Some(false), true) => "Outside",
                (Some(_), false) => "Repeats A1",
                (None, _) => "No actual figure",
            };
            html! {
                <tr>
                    <td>{ format_uk(r.as_of) }</td>
                    <td>{ r.horizon.words() }</td>
                    <th scope="row">{ format!("{} {}", r.indicator.name(), r.period) }</th>
                    <td class="table__number">{ format!("{} to {}", value(r.p10), value(r.p90)) }</td>
                    <td class="table__number">{ value(r.p50) }</td>
                    <td class="table__number">{ value(r.actual) }</td>
                    <td>{ inside }</td>
                </tr>
            }
        });
        html! {
            <>
                <p class="backtest__verdict">{ coverage_sentence(&rows) }</p>
                <ChartCanvas id="backtest-tenths" label="Where what happened fell among the runs of its forecast"
                    chart={ChartSpec::Tenths(pit)} file_name="backtest-tenths.png" />
                <ChartCanvas id="backtest-chart" label="Past forecasts beside what happened"
                    chart={ChartSpec::Backtest(chart)} file_name="backtest.png" />
                <div class="table-wrap">
                    <table class="table">
                        <caption class="table__caption">{ "Three-year figures forecast as of each past quarter end, in days" }</caption>
                        <thead><tr>
                            <th scope="col">{ "As of" }</th>
                            <th scope="col">{ "Looking to" }</th>
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
        <section class="panel" aria-labelledby="backtest-heading"
            aria-busy={if props.rows.is_some() { "false" } else { "true" }}>
            <h2 id="backtest-heading">{ "How good is this forecast?" }</h2>
            <p class="panel__lead">
                { "The baseline forecast is made again as of every past quarter end, with only \
                   what was known then (later dates hidden, children whose adoption route had not \
                   started left out, no what-if), and set beside what happened to the three-year \
                   figures of the next March and the March after." }
            </p>
            { body.unwrap_or_else(|| html! {
                <p class="backtest__progress field__hint--updating" aria-live="polite">
                    { "Checking the forecast against past years\u{2026}" }
                </p>
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard::{Horizon, RollingPeriod};

    fn row(actual: f64) -> BacktestRow {
        BacktestRow {
            as_of: NaiveDate::from_ymd_opt(2014, 3, 31).unwrap(),
            horizon: Horizon::NextMarch,
            period: RollingPeriod::ending_march(2015),
            indicator: Indicator::A1,
            p10: Some(500.0),
            p50: Some(550.0),
            p90: Some(600.0),
            actual: Some(actual),
            share_below: Some(0.5),
            counted: true,
        }
    }

    #[test]
    fn the_verdict_names_the_coverage_and_its_interval() {
        // 2 of 4 inside: 50%; the Wilson interval at 95% for 2 of 4 is 15% to 85%, which
        // holds 8 in 10: the record cannot say the band is wrong.
        let rows = [row(520.0), row(580.0), row(480.0), row(610.0)];
        assert_eq!(
            coverage_sentence(&rows),
            "Coverage: 2 of 4 past figures (50%) fell inside the forecast's 10-90% band; 95% \
             interval 15% to 85%. An honest band holds about 8 in 10. About what an honest band \
             should do."
        );
        // 1 of 8: 13%, interval 2% to 47%: too narrow.
        let mut many = vec![row(520.0)];
        many.extend(std::iter::repeat_n(row(700.0), 7));
        assert!(coverage_sentence(&many).contains("1 of 8 past figures (13%)"));
        assert!(coverage_sentence(&many).ends_with("its chances are said only roughly."));
        assert!(coverage_sentence(&[]).starts_with("There is no complete past year"));
    }
}
