//! The forecast screen: where the figures are heading and what it takes to reach
//! the threshold. The dashboard's pieces live in [`crate::forecast`].

use crate::forecast::dashboard::ForecastDashboard;
use crate::forecast::data_age::DataAgeNotice;
use yew::prelude::*;

/// The forecast screen.
#[function_component]
pub fn ForecastScreen() -> Html {
    crate::context::use_render_count("ForecastScreen");
    let app = crate::context::use_app();
    let as_of = crate::context::use_as_of();
    let plans = &app.document.plans;
    let (red, overdue) = plans.needing_attention(as_of);
    html! {
        <section class="screen" aria-labelledby="forecast-heading">
            <h1 id="forecast-heading" class="screen__title">{ "Forecast" }</h1>
            if !plans.plans.is_empty() {
                <p class="forecast__plans">
                    { format!("Action plans: {red} {} red, {overdue} overdue. ",
                        if red == 1 { "activity" } else { "activities" }) }
                    <a href={crate::routes::Screen::Plans.href()}>{ "See the action plans" }</a>
                </p>
            }
            <DataAgeNotice />
            // On the agency's view the dashboard draws each authority's figures after its own.
            <ForecastDashboard />
        </section>
    }
}
