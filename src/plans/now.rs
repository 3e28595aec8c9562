//! Where each performance action plan's figure stands now, on the forecast's basis: the figure
//! itself, for a percentage how many are in time, and the children still able to move it.
//! Worked out again whenever the data or the as-of date changes, never stored.

use super::red::movers;
use crate::report::forecast::forecast_of;
use crate::storage::document::Document;
use scorecard::{Forecast, Indicator, PaceTarget, RollingPeriod};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// One performance plan's figure now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanNow {
    /// The figure as the forecast has it now, if it still has one.
    pub figure: Option<f64>,
    /// For a percentage: how many of how many are in time now.
    pub in_time: Option<(u64, u64)>,
    /// The children still able to move the figure, in words, those moving it most first.
    pub movers: Vec<String>,
}

/// A forecast compared by identity: it is rebuilt exactly when the data or the date changed.
#[derive(Clone)]
struct Same(Rc<Forecast>, Rc<Document>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && Rc::ptr_eq(&self.1, &other.1)
    }
}

/// The figure of one performance plan now (indicator label, period or year).
pub fn plan_now(
    document: &Document,
    forecast: &Forecast,
    indicator: &str,
    period: &str,
) -> PlanNow {
    let Some(indicator) = Indicator::parse(indicator) else {
        return PlanNow::default();
    };
    let period = RollingPeriod::parse(period);
    let figure = match period {
        Some(p) => forecast.period_on_basis(p).map(|f| *f.figure(indicator)),
        None => forecast
            .year_on_basis(forecast.current_year)
            .map(|y| *y.figure(indicator)),
    };
    let in_time = figure.filter(|f| f.indicator.is_percent()).and_then(|f| {
        f.value
            .map(|v| ((v / 100.0 * f.children as f64).round() as u64, f.children))
    });
    // The required pace with this figure's threshold as the target, for each child's date.
    let answer = period.and_then(|period| {
        let value = document.settings.thresholds.threshold(indicator, period)?;
        let mut doc = document.clone();
        doc.scenarios.pace_target = Some(PaceTarget {
            indicator,
            value,
            period,
        });
        forecast_of(&doc, forecast.as_of).pace
    });
    PlanNow {
        figure: figure.and_then(|f| f.value),
        in_time,
        movers: movers(forecast, indicator, period, answer.as_ref()),
    }
}

/// Every open performance plan's figure now, by plan title.
#[hook]
pub fn use_plans_now(
    document: Rc<Document>,
    forecast: Rc<Forecast>,
) -> Rc<BTreeMap<String, PlanNow>> {
    use_memo(Same(forecast, document), |same| {
        let (forecast, document) = (&same.0, &same.1);
        document
            .plans
            .plans
            .iter()
            .filter_map(|plan| {
                let perf = plan.performance.as_ref()?;
                Some((
                    plan.title.clone(),
                    plan_now(document, forecast, &perf.indicator, &perf.period),
                ))
            })
            .collect()
    })
}
