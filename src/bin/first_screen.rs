//! Prints the demonstration's first answers as HTML, for the build to write into `index.html`
//! (scripts/paint_first_screen.py), so that a first visit reads "heading for N days" before
//! the app's wasm has downloaded.
//!
//! The answers are drawn by the app's own `TargetAnswers` component, rendered to a string by
//! Yew, from the forecast and the Monte Carlo the dashboard runs on the same data: a change of
//! wording in the app is a change here, with nothing to keep in step by hand.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use adoption_forecast::forecast::answers::{TargetAnswers, TargetAnswersProps};
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
    let props = TargetAnswersProps {
        forecast: Rc::new(main),
        simulation: Some(Rc::new(simulation)),
        record: band_record(Some(&rows)),
    };
    let answers = futures::executor::block_on(
        yew::LocalServerRenderer::<TargetAnswers>::with_props(props)
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
