//! What the figures rest on that a committee must be told first: what-if changes not yet saved
//! under a name, and a target that is not the threshold. Pure functions of the stored
//! scenarios and the forecast, tested natively.

use crate::storage::document::Scenarios;
use scorecard::{AssumedPace, Forecast, Scenario, Stage, StageDuration};

/// The scenario the figures are worked out under, as the report names it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioState {
    /// "Baseline", or the saved scenario's name.
    pub name: String,
    /// Every assumption that differs from the scenario as saved (for the baseline: from the
    /// baseline itself), in words; empty when nothing is unsaved.
    pub unsaved: Vec<String>,
}

impl ScenarioState {
    /// The name with what is unsaved: "Baseline, with unsaved changes".
    pub fn title(&self) -> String {
        if self.unsaved.is_empty() {
            self.name.clone()
        } else {
            format!("{}, with unsaved changes", self.name)
        }
    }
}

fn stage_words(duration: StageDuration, default_days: u32) -> String {
    match duration {
        StageDuration::PercentFaster(0.0) => format!("the default, {default_days} days"),
        StageDuration::PercentFaster(p) if p > 0.0 => format!(
            "{p}% faster than the default: {} days",
            duration.days(default_days)
        ),
        StageDuration::PercentFaster(p) => format!(
            "{}% slower than the default: {} days",
            -p,
            duration.days(default_days)
        ),
        StageDuration::Days(d) => format!("{d} days"),
    }
}

fn pace_words(value: Option<f64>, unit: &str) -> String {
    match value {
        Some(v) => format!("{}{unit}", v.round() as i64),
        None => "the last complete year's average".to_string(),
    }
}

/// One of the assumed paces: its name, how to read it, and its unit.
type PaceField = (&'static str, fn(&AssumedPace) -> Option<f64>, &'static str);

/// Each assumption of `now` that differs from `then`, in words, `then`'s value after `was`
/// ("saved", "baseline").
pub fn differences(now: &Scenario, then: &Scenario, forecast: &Forecast, was: &str) -> Vec<String> {
    let mut out = Vec::new();
    for stage in Stage::ALL {
        let (a, b) = (now.stage(stage), then.stage(stage));
        if a != b {
            let default = forecast.durations.defaults[stage.index()].days;
            out.push(format!(
                "{}: {} ({was}: {})",
                capitalise(stage.label()),
                stage_words(a, default),
                stage_words(b, default)
            ));
        }
    }
    let years: std::collections::BTreeSet<_> = now
        .expected_adoptions
        .keys()
        .chain(then.expected_adoptions.keys())
        .collect();
    for year in years {
        let (a, b) = (
            now.expected_adoptions.get(year),
            then.expected_adoptions.get(year),
        );
        if a != b {
            let said = |v: Option<&u32>| {
                v.map_or(
                    "the default (the mean of the last three complete years)".into(),
                    |n| n.to_string(),
                )
            };
            out.push(format!(
                "Adoptions expected in {year}: {} ({was}: {})",
                said(a),
                said(b)
            ));
        }
    }
    let paces: [PaceField; 5] = [
        ("A1", |p| p.a1_days, " days"),
        ("A10", |p| p.a10_days, " days"),
        ("A2", |p| p.a2_days, " days"),
        ("A3", |p| p.a3_percent, "%"),
        (
            "placed within 12 months of the SHOBPA decision",
            |p| p.placed_12m_percent,
            "%",
        ),
    ];
    for (name, get, unit) in paces {
        let (a, b) = (get(&now.assumed_pace), get(&then.assumed_pace));
        if a != b {
            out.push(format!(
                "Pace assumed for the adoptions not yet in the data, {name}: {} ({was}: {})",
                pace_words(a, unit),
                pace_words(b, unit)
            ));
        }
    }
    if now.left_route_percent != then.left_route_percent {
        let said =
            |v: Option<f64>| v.map_or("the authority's own rate".into(), |p| format!("{p}%"));
        out.push(format!(
            "Children leaving the route before a match: {} ({was}: {})",
            said(now.left_route_percent),
            said(then.left_route_percent)
        ));
    }
    if now.spread_percent != then.spread_percent {
        let said = |v: Option<f64>| {
            v.map_or("the authority's own spread".into(), |p| {
                format!("{p}% either side")
            })
        };
        out.push(format!(
            "Spread of the likely range: {} ({was}: {})",
            said(now.spread_percent),
            said(then.spread_percent)
        ));
    }
    out
}

/// The scenario in use: its name and what in it is not yet saved. A saved scenario is
/// compared with its saved copy; the baseline (or a scenario whose saved copy was deleted)
/// with the baseline.
pub fn scenario_state(scenarios: &Scenarios, forecast: &Forecast) -> ScenarioState {
    let working = &scenarios.working;
    let saved = scenarios
        .saved
        .iter()
        .find(|s| !working.name.is_empty() && s.name == working.name);
    let baseline = Scenario::default();
    let (name, reference, was) = match saved {
        Some(s) => (s.name.clone(), s, "saved"),
        None => ("Baseline".to_string(), &baseline, "baseline"),
    };
    // The name itself is not an assumption.
    let mut now = working.clone();
    now.name = reference.name.clone();
    ScenarioState {
        name,
        unsaved: differences(&now, reference, forecast, was),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use scorecard::{
        forecast, ChildRecord, FinancialYear, ForecastInput, Scenario, ThresholdSchedule,
    };

    fn forecast_of(scenario: &Scenario) -> Forecast {
        let thresholds = ThresholdSchedule::default();
        let children = [ChildRecord::new(
            "C1",
            NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or_default(),
        )];
        forecast(&ForecastInput {
            children: &children,
            aggregates: &[],
            as_of: NaiveDate::from_ymd_opt(2015, 6, 30).unwrap_or_default(),
            thresholds: &thresholds,
            scenario,
            target: None,
            every_child: false,
        })
    }

    #[test]
    fn an_a2_pace_typed_into_the_baseline_is_an_unsaved_change() {
        let mut scenarios = Scenarios::default();
        let f = forecast_of(&scenarios.working);
        assert_eq!(
            scenario_state(&scenarios, &f),
            ScenarioState {
                name: "Baseline".into(),
                unsaved: vec![]
            }
        );
        scenarios.working.assumed_pace.a2_days = Some(60.0);
        let state = scenario_state(&scenarios, &f);
        assert_eq!(state.title(), "Baseline, with unsaved changes");
        assert_eq!(
            state.unsaved,
            vec![
                "Pace assumed for the adoptions not yet in the data, A2: 60 days (baseline: the \
                 last complete year's average)"
                    .to_string()
            ]
        );
    }

    #[test]
    fn a_saved_scenario_is_compared_with_its_saved_copy() {
        let mut saved = Scenario::named("Faster matching");
        saved
            .stages
            .insert(Stage::PlacementOrderToMatch, StageDuration::Days(120));
        let mut scenarios = Scenarios {
            saved: vec![saved.clone()],
            selected: Some("Faster matching".into()),
            working: saved.clone(),
            ..Scenarios::default()
        };
        let f = forecast_of(&scenarios.working);
        assert!(scenario_state(&scenarios, &f).unsaved.is_empty());
        assert_eq!(scenario_state(&scenarios, &f).title(), "Faster matching");
        scenarios.working.stages.insert(
            Stage::PlacementOrderToMatch,
            StageDuration::PercentFaster(20.0),
        );
        scenarios
            .working
            .expected_adoptions
            .insert(FinancialYear(2015), 30);
        scenarios.working.left_route_percent = Some(10.0);
        let state = scenario_state(&scenarios, &f);
        assert_eq!(state.title(), "Faster matching, with unsaved changes");
        let default = f.durations.defaults[Stage::PlacementOrderToMatch.index()].days;
        let faster = StageDuration::PercentFaster(20.0).days(default);
        assert_eq!(
            state.unsaved,
            vec![
                format!(
                    "Placement order to match: 20% faster than the default: {faster} days \
                     (saved: 120 days)"
                ),
                "Adoptions expected in 2015-16: 30 (saved: the default (the mean of the last \
                 three complete years))"
                    .to_string(),
                "Children leaving the route before a match: 10% (saved: the authority's own \
                 rate)"
                    .to_string(),
            ]
        );
    }
}
