//! The scenarios' part of the state: how each change to the what-if scenarios edits the
//! document. Pure functions, called by the reducer, which keeps the undo history.

use crate::storage::document::{Comparison, Document};
use scorecard::{FinancialYear, Scenario, Stage, StageDuration};

/// Saves (or replaces, by name) a scenario.
pub fn save(d: &mut Document, scenario: Scenario) {
    let saved = &mut d.scenarios.saved;
    match saved.iter_mut().find(|s| s.name == scenario.name) {
        Some(slot) => *slot = scenario,
        None => saved.push(scenario),
    }
}

/// Removes the named scenario, and every use of it.
pub fn delete(d: &mut Document, name: &str) {
    d.scenarios.saved.retain(|s| s.name != name);
    if d.scenarios.selected.as_deref() == Some(name) {
        d.scenarios.selected = None;
    }
    if d.scenarios.working.name == name {
        d.scenarios.working = Scenario::default();
    }
    if d.scenarios.compare == Some(Comparison::Saved(name.to_string())) {
        d.scenarios.compare = None;
    }
}

/// Uses the named saved scenario, as it was saved (`None`: the baseline).
pub fn select(d: &mut Document, name: Option<String>) {
    d.scenarios.working = name
        .as_ref()
        .and_then(|n| d.scenarios.saved.iter().find(|s| &s.name == n))
        .cloned()
        .unwrap_or_default();
    d.scenarios.selected = name;
}

/// Sets one stage's duration in the scenario in use (`None`: back to its default).
pub fn set_stage(d: &mut Document, stage: Stage, duration: Option<StageDuration>) {
    let mut scenario = d.scenarios.working.clone();
    match duration {
        Some(duration) => scenario.stages.insert(stage, duration),
        None => scenario.stages.remove(&stage),
    };
    d.scenarios.set_working(scenario);
}

/// Sets a year's expected total adoptions in the scenario in use (`None`: the default).
pub fn set_expected(d: &mut Document, year: FinancialYear, expected: Option<u32>) {
    let mut scenario = d.scenarios.working.clone();
    match expected {
        Some(n) => scenario.expected_adoptions.insert(year, n),
        None => scenario.expected_adoptions.remove(&year),
    };
    d.scenarios.set_working(scenario);
}

/// Sets the A1 and A2 days assumed for the adoptions not yet in the data.
pub fn set_assumed_pace(d: &mut Document, a1_days: Option<f64>, a2_days: Option<f64>) {
    let mut scenario = d.scenarios.working.clone();
    scenario.assumed_pace.a1_days = a1_days;
    scenario.assumed_pace.a2_days = a2_days;
    d.scenarios.set_working(scenario);
}

/// Sets the share (percent) of children not yet matched who leave the route.
pub fn set_leaving(d: &mut Document, percent: Option<f64>) {
    let mut scenario = d.scenarios.working.clone();
    scenario.left_route_percent = percent.map(|p| p.clamp(0.0, 100.0));
    d.scenarios.set_working(scenario);
}

/// Saves the scenario in use under `name` (replacing one of that name) and uses it.
pub fn save_as(d: &mut Document, name: String) {
    let mut scenario = d.scenarios.working.clone();
    scenario.name = name.clone();
    save(d, scenario.clone());
    d.scenarios.working = scenario;
    d.scenarios.selected = Some(name);
}
