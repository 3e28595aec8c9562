//! The committee report screen : a printable page built from the forecast.

use crate::report::report_page::ReportPage;
use yew::prelude::*;

/// The committee report screen.
#[function_component]
pub fn ReportScreen() -> Html {
    crate::context::use_render_count("ReportScreen");
    html! {
        <section class="screen screen--report">
            <ReportPage />
        </section>
    }
}
