//! The comparators screen: where our three-year A1 and A2 stand among other authorities and
//! the group averages, for a period the user chooses, and the import of a comparator table.

use crate::comparators::data::{latest_period, use_comparator_table};
use crate::comparators::import::ComparatorsImport;
use crate::comparators::overview::ComparatorsOverview;
use crate::comparators::rows::our_figures;
use crate::context::use_app;
use crate::report::forecast::use_forecast;
use crate::state::{Action, LaterAction};
use crate::ui::browser;
use crate::ui::notice::Notice;
use scorecard::{write_comparators, Indicator, RollingPeriod};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The comparators screen.
#[function_component]
pub fn ComparatorsScreen() -> Html {
    crate::context::use_render_count("ComparatorsScreen");
    let app = use_app();
    let table = use_comparator_table();
    let forecast = use_forecast();
    let chosen = use_state(|| None::<RollingPeriod>);
    let indicator = use_state(|| Indicator::A1);
    let periods = table.periods();
    let period = (*chosen)
        .filter(|p| periods.contains(p))
        .or_else(|| latest_period(&table));
    let authority = app.document.settings.authority_name.clone();
    let imported = app.document.comparators.is_some();

    let on_period = {
        let chosen = chosen.clone();
        use_callback((), move |e: Event, _| {
            let text = e.target_unchecked_into::<HtmlSelectElement>().value();
            chosen.set(RollingPeriod::parse(&text));
        })
    };
    let on_indicator = {
        let indicator = indicator.clone();
        use_callback((), move |e: Event, _| {
            let text = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(i) = Indicator::parse(&text) {
                indicator.set(i);
            }
        })
    };
    let download = {
        let table = table.clone();
        let app = app.clone();
        Callback::from(move |_| {
            if let Err(why) =
                browser::download("comparators.csv", "text/csv", &write_comparators(&table))
            {
                app.dispatch(Action::Notify(Notice::error(why)));
            }
        })
    };
    let use_seed = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(LaterAction::UseSeedComparators))
    };

    html! {
        <section class="screen" aria-labelledby="comparators-heading">
            <h1 id="comparators-heading" class="screen__title">{ "Comparators" }</h1>
            <p class="screen__lead">
                { if imported {
                    "Comparator figures: the table you imported."
                } else {
                    "Comparator figures: the published tables in Sheffield City Council's scrutiny report (2015) (DfE adoption scorecard, three-year averages to March 2011–2014). Their groups are Sheffield's: its statistical neighbours, the core cities and its region, Yorkshire and the Humber; import your own authority's comparators to compare with yours."
                } }
                { " Our own figure is worked out from your data by the forecast and marked \u{201c}Ours\u{201d}." }
            </p>
            <div class="panel panel--actions">
                <div class="actions">
                    <div class="actions__item">
                        <ComparatorsImport />
                    </div>
                    <div class="actions__item">
                        <button type="button" class="button button--secondary" onclick={download}>
                            { "Download comparators (CSV)" }
                        </button>
                    </div>
                    if imported {
                        <div class="actions__item">
                            <button type="button" class="button button--secondary" onclick={use_seed}>
                                { "Use the published figures (Sheffield scrutiny report, 2015)" }
                            </button>
                        </div>
                    }
                </div>
            </div>
            if let Some(period) = period {
                <div class="comparators__controls">
                    <div class="field field--inline">
                        <label class="field__label" for="comparators-period">{ "Period" }</label>
                        <select class="field__select" id="comparators-period" onchange={on_period}>
                            { for periods.iter().map(|p| html! {
                                <option value={p.to_string()} selected={*p == period}>{ p.to_string() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field field--inline">
                        <label class="field__label" for="comparators-indicator">{ "Indicator on the chart" }</label>
                        <select class="field__select" id="comparators-indicator" onchange={on_indicator}>
                            { for [Indicator::A1, Indicator::A2].iter().map(|i| html! {
                                <option value={i.label()} selected={*i == *indicator}>{ i.name() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <ComparatorsOverview table={table.clone()}
                    ours={our_figures(&table, &forecast, period, &authority)}
                    authority={authority.clone()} indicator={*indicator} chart_id="comparators-chart" />
            } else {
                <p>{ "The comparator table is empty: import one, or go back to the published figures of the Sheffield scrutiny report (2015)." }</p>
            }
        </section>
    }
}
