//! Prints the demonstration's first answers as HTML, for the build to write into `index.html`
//! (scripts/paint_first_screen.py), so that a first visit reads "heading for N days" before
//! the app's wasm has downloaded.
//!
//! The answers are drawn by the app's own `target_answers`, rendered to a string by Yew, from
//! the forecast and the Monte Carlo the dashboard runs on the same data: a change of wording in
//! the app is a change here, with nothing to keep in step by hand.

#[cfg(not(target_arch = "wasm32"))]
mod first_answers {
    use adoption_forecast::forecast::answer_words::BandRecord;
    use adoption_forecast::forecast::answers::target_answers;
    use scorecard::{Forecast, SimulationSummary};
    use std::rc::Rc;
    use yew::prelude::*;

    /// What the answers are drawn from.
    #[derive(Properties, PartialEq)]
    pub struct FirstAnswersProps {
        /// The demonstration's forecast.
        pub forecast: Rc<Forecast>,
        /// Its Monte Carlo.
        pub simulation: Rc<SimulationSummary>,
        /// How often the likely range held in the demonstration's past.
        pub record: BandRecord,
    }

    /// The app's answers as a component: Yew renders only components to a string, and the app
    /// draws them with a plain function.
    #[function_component]
    pub fn FirstAnswers(props: &FirstAnswersProps) -> Html {
        target_answers(&props.forecast, Some(&props.simulation), props.record)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use adoption_forecast::forecast::band_record::{band_record, prepare_baseline_backtest};
    use adoption_forecast::forecast::basis::basis_words;
    use adoption_forecast::forecast::monte_carlo::{finish, prepare};
    use adoption_forecast::forecast::usable::Usable;
    use scorecard::dates::format_uk;
    use scorecard::{forecast_on, usable_at, ForecastInput};
    use std::rc::Rc;

    let document = adoption_forecast::app::demonstration_document();
    // The demonstration carries its own as-of date: the answers never depend on the day the
    // bundle was built.
    let Some(as_of) = document.settings.as_of else {
        eprintln!("first-screen: the demonstration has no as-of date");
        std::process::exit(1);
    };
    let (children, aggregates) = usable_at(&document.records, &document.aggregates, as_of);
    let data = Usable {
        children,
        aggregates,
    };
    let scenario = &document.scenarios.working;
    let basis = document.scenarios.basis;
    let input = |target| ForecastInput {
        children: &data.children,
        aggregates: &data.aggregates,
        as_of,
        thresholds: &document.settings.thresholds,
        scenario,
        target,
        every_child: false,
    };
    let main = forecast_on(&input(document.scenarios.pace_target), basis);
    // As the dashboard does: the Monte Carlo answers the target the pace panel answers, and
    // the chance is said with the range's record in this authority's past.
    let simulation = finish(prepare(&input(main.pace.as_ref().map(|p| p.target))));
    let rows = finish(prepare_baseline_backtest(
        &data,
        &document.settings.thresholds,
        as_of,
    ));
    let props = first_answers::FirstAnswersProps {
        forecast: Rc::new(main),
        simulation: Rc::new(simulation),
        record: band_record(Some(&rows)),
    };
    let answers = futures::executor::block_on(
        yew::LocalServerRenderer::<first_answers::FirstAnswers>::with_props(props)
            .hydratable(false)
            .render(),
    );
    let name = if scenario.name.is_empty() {
        "Baseline"
    } else {
        scenario.name.as_str()
    };
    // Said before anything else, as the app's own banner will: these children are made up.
    println!(
        "<p class=\"first-screen__context\"><strong>Demonstration data</strong>: made-up \
         children, not real records. As of {}, scenario \u{201c}{}\u{201d}, figures {}.</p>\n{answers}",
        format_uk(as_of),
        name,
        basis_words(basis)
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
