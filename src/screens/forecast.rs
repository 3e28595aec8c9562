//! The forecast dashboard (issue 4). A placeholder until the dashboard is built: it says what
//! is coming and where the data for it is entered.

use crate::app::use_as_of;
use scorecard::dates::format_uk;
use yew::prelude::*;

/// The forecast screen.
#[function_component]
pub fn ForecastScreen() -> Html {
    let as_of = use_as_of();
    html! {
        <section class="screen" aria-labelledby="forecast-heading">
            <h1 id="forecast-heading" class="screen__title">{ "Forecast" }</h1>
            <p class="screen__lead">
                { format!("The forecast dashboard will show where the A1, A10, A2 and A3 three-year \
                           figures are heading from {}, against the thresholds.", format_uk(as_of)) }
            </p>
        </section>
    }
}
