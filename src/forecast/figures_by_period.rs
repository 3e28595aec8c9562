//! The figures table (or two, when a scenario is compared), drawn a frame after the answers:
//! a what-if reaches the answers first.

use super::figures_table::figures_table;
use super::volume_note::pipeline_beyond_expected;
use crate::ui::later::use_later;
use scorecard::Forecast;
use std::rc::Rc;
use yew::prelude::*;

/// The forecast compared with, by the name of its scenario.
pub type Compared = Rc<Option<(String, Rc<Forecast>)>>;

/// Properties of [`FiguresByPeriod`].
#[derive(Properties, Clone)]
pub struct FiguresByPeriodProps {
    /// The working scenario's forecast.
    pub forecast: Rc<Forecast>,
    /// The forecast of the scenario it is compared with, if any.
    pub comparison: Compared,
    /// The working scenario's name.
    pub scenario_name: AttrValue,
}

/// The same forecasts: compared by identity, since each is recomputed only when its inputs
/// change (comparing two forecasts' contents would take longer than drawing the table).
fn same(a: &FiguresByPeriodProps, b: &FiguresByPeriodProps) -> bool {
    Rc::ptr_eq(&a.forecast, &b.forecast)
        && Rc::ptr_eq(&a.comparison, &b.comparison)
        && a.scenario_name == b.scenario_name
}

impl PartialEq for FiguresByPeriodProps {
    fn eq(&self, other: &Self) -> bool {
        same(self, other)
    }
}

/// The three-year figures of the working scenario (and of the one compared), with the notes
/// on a pipeline beyond the adoptions expected.
#[function_component]
pub fn FiguresByPeriod(props: &FiguresByPeriodProps) -> Html {
    let shown = use_later(props.clone(), same);
    let FiguresByPeriodProps {
        forecast,
        comparison,
        scenario_name,
    } = shown;
    let notes = pipeline_beyond_expected(&forecast);
    html! {
        <>
            if let Some((name, other)) = comparison.as_ref() {
                <h3>{ scenario_name.clone() }</h3>
                { figures_table(&forecast, &format!("Figures under \u{201c}{scenario_name}\u{201d}")) }
                <h3>{ name.clone() }</h3>
                { figures_table(other, &format!("Figures under \u{201c}{name}\u{201d}")) }
            } else {
                { figures_table(&forecast, "Three-year figures") }
            }
            { for notes.iter().map(|note| html! { <p class="figures__note">{ note }</p> }) }
        </>
    }
}
