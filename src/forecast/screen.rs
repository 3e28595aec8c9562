//! The forecast screen: where the figures are heading and what it takes to reach
//! the threshold. The dashboard's pieces live in [`crate::forecast`].

use crate::forecast::backtest_panel::BacktestPanel;
use crate::forecast::dashboard::ForecastDashboard;
use yew::prelude::*;

/// The forecast screen.
#[function_component]
pub fn ForecastScreen() -> Html {
    crate::context::use_render_count("ForecastScreen");
    html! {
        <section class="screen" aria-labelledby="forecast-heading">
            <h1 id="forecast-heading" class="screen__title">{ "Forecast" }</h1>
            <ForecastDashboard />
            <BacktestPanel />
        </section>
    }
}
