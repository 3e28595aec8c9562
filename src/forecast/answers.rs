//! The answer first: per target, one sentence saying where the figure is heading, the chance
//! of meeting it and the pace the children still waiting must reach, above everything else on
//! the forecast screen.
//!
//! The answers are a plain function rather than a component: they hold no state, so they need
//! none of a component's machinery (Yew copies its lifecycle code into the wasm for each
//! component, and this one is on the screen a first visit downloads). They are a few
//! sentences, redrawn with the dashboard at no cost worth saving.

use super::answer_words::{answer_words, course, BandRecord, Chance, Course};
use super::figures_table::figure_of;
use crate::ui::term::Term;
use scorecard::{FiguresBasis, Forecast, PaceAnswer, SimulationSummary};
use yew::prelude::*;

/// The chance of meeting `answer`'s target among the simulated futures, on the figures'
/// `basis`: the runs count the further adoptions expected, or leave them out.
pub fn chance(
    answer: &PaceAnswer,
    simulation: Option<&SimulationSummary>,
    basis: FiguresBasis,
) -> Chance {
    let target = answer.target;
    if !target.indicator.is_days() {
        return Chance::NotSimulated;
    }
    let Some(simulation) = simulation else {
        return Chance::Simulating;
    };
    // A chosen target is simulated as such (with the adoptions expected); a threshold is
    // judged in every band, with and without them.
    if basis.counts_expected() && simulation.target == Some(target) {
        if let Some(p) = simulation.probability_target_met {
            return Chance::Known(p);
        }
    }
    simulation
        .band(target.period, target.indicator, basis.counts_expected())
        .filter(|band| band.threshold == Some(target.value))
        .and_then(|band| band.probability_met)
        .map_or(Chance::NotSimulated, Chance::Known)
}

/// The answers, one per target, to the `forecast` under the scenario in use; the chances come
/// from the Monte Carlo's `simulation` once it has run, each said beside the `record` of how
/// often the likely range held in the authority's past.
pub fn target_answers(
    forecast: &Forecast,
    simulation: Option<&SimulationSummary>,
    record: BandRecord,
) -> Html {
    if forecast.answers.is_empty() {
        return html! {
            <p class="answers__none">
                { "There is nothing to judge yet: add children's records or yearly figures, and \
                   set the as-of date." }
            </p>
        };
    }
    let items = forecast.answers.iter().map(|answer| {
        let target = answer.target;
        // Where the figure is heading, on the basis every screen shows.
        let heading = figure_of(forecast, target.indicator, target.period).map(|(f, _)| f);
        let chance = chance(answer, simulation, forecast.basis);
        let words = answer_words(answer, heading.as_ref(), chance, forecast.basis, record);
        let course = course(answer, heading.as_ref(), chance);
        let class = match course {
            Course::On => "answer__badge--met",
            Course::Off => "answer__badge--not-met",
            Course::EitherWay => "answer__badge--either",
            Course::Simulating | Course::NothingToJudge => "answer__badge--none",
        };
        let badge = course.words();
        let name = target.indicator.name();
        html! {
            <li class="answer" data-indicator={target.indicator.label()}>
                <span class={classes!("answer__badge", class)}>{ badge }</span>
                <p class="answer__text">
                    <strong class="answer__lead">
                        <Term term={name} />{ format!(" {}:", target.period) }
                    </strong>
                    { " " }{ words }
                </p>
            </li>
        }
    });
    html! {
        <ul class="answers" aria-label="Where each target is heading">{ for items }</ul>
    }
}
