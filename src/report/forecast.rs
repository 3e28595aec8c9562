//! The forecast of the stored document under the scenario in use, for the screens that show
//! it without editing it (the comparators and the committee report).

use crate::context::{use_app, use_as_of};
use crate::forecast::monte_carlo::{prepare, use_monte_carlo};
use crate::storage::document::Document;
use scorecard::{forecast_on, usable_at, Forecast, ForecastInput, PaceTarget, SimulationSummary};
use std::rc::Rc;
use yew::prelude::*;

/// A document compared by identity: the memo below reruns only when the reducer made a new
/// document, without comparing every record on each render.
#[derive(Clone)]
struct SameDocument(Rc<Document>);

impl PartialEq for SameDocument {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The forecast as the dashboard shows it: usable records and aggregates, the as-of date in
/// force, the scenario in use, the chosen pace target and the basis of the figures.
pub fn forecast_of(doc: &Document, as_of: chrono::NaiveDate) -> Forecast {
    let (children, aggregates) = usable_at(&doc.records, &doc.aggregates, as_of);
    forecast_on(
        &ForecastInput {
            children: &children,
            aggregates: &aggregates,
            as_of,
            thresholds: &doc.settings.thresholds,
            scenario: &doc.scenarios.working,
            target: doc.scenarios.pace_target,
            every_child: false,
        },
        doc.scenarios.basis,
    )
}

/// The forecast of the app's data, recomputed when the document or the as-of date changes.
#[hook]
pub fn use_forecast() -> Rc<Forecast> {
    let app = use_app();
    let as_of = use_as_of();
    let key = (SameDocument(app.document.clone()), as_of);
    use_memo(key, |(doc, as_of)| forecast_of(&doc.0, *as_of))
}

/// The Monte Carlo of the same forecast, judged against `target` (the one the pace answers:
/// the chosen target or the default the forecast found), run in slices after the page is
/// drawn by the dashboard's own runner; `None` while it runs.
#[hook]
pub fn use_simulation(target: Option<PaceTarget>) -> Option<Rc<SimulationSummary>> {
    let app = use_app();
    let as_of = use_as_of();
    let doc = app.document.clone();
    let key = (SameDocument(doc.clone()), as_of, target);
    use_monte_carlo(key, move || {
        let (children, aggregates) = usable_at(&doc.records, &doc.aggregates, as_of);
        prepare(&ForecastInput {
            children: &children,
            aggregates: &aggregates,
            as_of,
            thresholds: &doc.settings.thresholds,
            scenario: &doc.scenarios.working,
            target,
            every_child: false,
        })
    })
}
