//! What-if settings: how long each stage takes, how many adoptions each year will bring, and
//! at what pace the adoptions not yet in the data are assumed to go.
//!
//! Every type here is plain data (and serde-serialisable with the `serde` feature) so that
//! the app can save named scenarios with the records. The empty [`Scenario::default`] is the
//! baseline: the authority's own history, national figures where it has too little.

use crate::dates::FinancialYear;
use crate::indicator::Measure;
use std::collections::BTreeMap;
use std::fmt;

/// A stage of a child's journey between two milestones the scorecard uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Stage {
    /// Entered care until the agency decision maker's SHOBPA decision.
    #[default]
    EnteredCareToDecision,
    /// SHOBPA decision until the court's placement order.
    DecisionToPlacementOrder,
    /// Placement order until the match with an adoptive family (family finding).
    PlacementOrderToMatch,
    /// Match until the child moves in.
    MatchToPlaced,
    /// Moved in until the adoption order.
    PlacedToAdoptionOrder,
}

impl Stage {
    /// The stages in the order a child goes through them.
    pub const ALL: [Stage; 5] = [
        Stage::EnteredCareToDecision,
        Stage::DecisionToPlacementOrder,
        Stage::PlacementOrderToMatch,
        Stage::MatchToPlaced,
        Stage::PlacedToAdoptionOrder,
    ];

    /// The stage's name for a person, e.g. "placement order to match".
    pub fn label(self) -> &'static str {
        match self {
            Stage::EnteredCareToDecision => "entered care to SHOBPA decision",
            Stage::DecisionToPlacementOrder => "SHOBPA decision to placement order",
            Stage::PlacementOrderToMatch => "placement order to match",
            Stage::MatchToPlaced => "match to moving in",
            Stage::PlacedToAdoptionOrder => "moving in to adoption order",
        }
    }

    /// Position in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A scenario's setting for one stage.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum StageDuration {
    /// The stage takes this many days.
    Days(u32),
    /// The stage is this many percent faster than the default (own median or national
    /// figure); negative means slower. `PercentFaster(0.0)` is the default itself.
    PercentFaster(f64),
}

impl Default for StageDuration {
    fn default() -> Self {
        StageDuration::PercentFaster(0.0)
    }
}

impl StageDuration {
    /// The days this setting gives when the default for the stage is `default_days`.
    pub fn days(self, default_days: u32) -> u32 {
        match self {
            StageDuration::Days(d) => d,
            StageDuration::PercentFaster(p) => {
                let days = default_days as f64 * (1.0 - p / 100.0);
                if days.is_finite() {
                    days.round().clamp(0.0, u32::MAX as f64) as u32
                } else {
                    default_days
                }
            }
        }
    }
}

/// The average assumed for the adoptions not yet in the data (the "assumed" figures of a
/// forecast). `None` means the last complete financial year's average for that indicator.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct AssumedPace {
    /// A1 days.
    pub a1_days: Option<f64>,
    /// A10 days.
    pub a10_days: Option<f64>,
    /// A2 days (every assumed adoption is taken to have a placement order).
    pub a2_days: Option<f64>,
    /// Percentage placed less than 14 months after entering care.
    pub a3_percent: Option<f64>,
    /// Percentage placed within 12 months of the SHOBPA decision.
    pub placed_12m_percent: Option<f64>,
}

impl AssumedPace {
    /// The setting as a per-child value of `measure` (percentages as a share of 1).
    pub(crate) fn measure(&self, measure: Measure) -> Option<f64> {
        match measure {
            Measure::A1 => self.a1_days,
            Measure::A10 => self.a10_days,
            Measure::A2 => self.a2_days,
            Measure::Under14Months => self.a3_percent.map(|p| p / 100.0),
            Measure::Placed12m => self.placed_12m_percent.map(|p| p / 100.0),
        }
    }
}

/// A named what-if scenario. The default is the baseline.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Scenario {
    /// The name the manager gave it ("Baseline", "Faster family finding").
    pub name: String,
    /// Stage durations that differ from the default; a stage not listed takes its default.
    pub stages: BTreeMap<Stage, StageDuration>,
    /// Expected total adoptions for a financial year, including the children already
    /// adopted that year and the pipeline children projected into it. A year not listed
    /// expects the mean of the last three complete years.
    pub expected_adoptions: BTreeMap<FinancialYear, u32>,
    /// The pace of the further adoptions the scenario expects beyond the children in the data.
    pub assumed_pace: AssumedPace,
    /// The Monte Carlo spread, in percent either side of each stage's duration. `None` draws
    /// from the survival estimate of the authority's own passages through the stage where at
    /// least 10 ended (a log-normal spread around the duration in use otherwise); `Some`
    /// always uses this spread, and `Some(0.0)` makes every run the deterministic projection
    /// (no child leaves, the expected totals are exact, the service's speed never moves).
    pub spread_percent: Option<f64>,
    /// The share, in percent, of the children not yet matched who leave the adoption route
    /// before a match (plans change). `None`: the authority's own rate at each stage, from
    /// the children who left the route during it and those who went through it.
    pub left_route_percent: Option<f64>,
}

impl Scenario {
    /// A baseline scenario with a name.
    pub fn named(name: impl Into<String>) -> Scenario {
        Scenario {
            name: name.into(),
            ..Scenario::default()
        }
    }

    /// The setting of one stage (the default when not listed).
    pub fn stage(&self, stage: Stage) -> StageDuration {
        self.stages.get(&stage).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_faster_scales_the_default_and_days_replace_it() {
        // 20% faster than 300 days is 240 days; 10% slower is 330.
        assert_eq!(StageDuration::PercentFaster(20.0).days(300), 240);
        assert_eq!(StageDuration::PercentFaster(-10.0).days(300), 330);
        assert_eq!(StageDuration::PercentFaster(150.0).days(300), 0);
        assert_eq!(StageDuration::Days(45).days(300), 45);
        assert_eq!(Scenario::default().stage(Stage::MatchToPlaced).days(30), 30);
    }
}
