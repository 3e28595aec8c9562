//! Where a child is on the route at the as-of date, as the records table shows and filters it.
//! The stage itself comes from the engine's projection, so the table and the forecast agree.

use chrono::NaiveDate;
use scorecard::dates::days_between;
use scorecard::projection::{project, StageOutlook, NATIONAL_DAYS};
use scorecard::scenario::Stage;
use scorecard::ChildRecord;

/// A child's place on the route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildStatus {
    /// Still in the pipeline, in this stage.
    InStage(Stage),
    /// Has an adoption order.
    Adopted,
    /// The plan changed away from adoption.
    LeftRoute,
}

impl ChildStatus {
    /// The status of `record` at `as_of`.
    pub fn of(record: &ChildRecord, as_of: NaiveDate) -> ChildStatus {
        if record.is_adopted() {
            return ChildStatus::Adopted;
        }
        if record.left_route.is_some() {
            return ChildStatus::LeftRoute;
        }
        // The stage does not depend on the durations: any will do.
        match project(record, as_of, &NATIONAL_DAYS, &StageOutlook::fixed(), 0) {
            Some(projection) => ChildStatus::InStage(projection.stage),
            None => ChildStatus::InStage(Stage::EnteredCareToDecision),
        }
    }

    /// Days the child has waited: for a child still in the pipeline, from entering care to
    /// the as-of date, as the engine's pipeline counts it (the forecast screen shows the same
    /// number); for an adopted child, to moving in (its A1 days); for a child who left the
    /// route, to leaving it.
    pub fn days_waiting(record: &ChildRecord, as_of: NaiveDate) -> i64 {
        let end = if record.is_in_pipeline() {
            as_of
        } else if record.is_adopted() {
            record.placed.or(record.adoption_order).unwrap_or(as_of)
        } else {
            record.left_route.unwrap_or(as_of)
        };
        days_between(record.entered_care, end).max(0)
    }

    /// The words shown in the table.
    pub fn label(self) -> String {
        match self {
            ChildStatus::InStage(stage) => sentence(stage.label()),
            ChildStatus::Adopted => "Adopted".into(),
            ChildStatus::LeftRoute => "Left the adoption route".into(),
        }
    }

    /// Sort order: along the route, then adopted, then left.
    pub fn order(self) -> usize {
        match self {
            ChildStatus::InStage(stage) => stage.index(),
            ChildStatus::Adopted => Stage::ALL.len(),
            ChildStatus::LeftRoute => Stage::ALL.len() + 1,
        }
    }
}

/// The choices of the "Filter by stage" control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Every child.
    All,
    /// Every child still in the pipeline.
    Pipeline,
    /// One status.
    Only(ChildStatus),
}

impl StatusFilter {
    /// Every choice, in the order offered.
    pub const ALL: [StatusFilter; 9] = [
        StatusFilter::All,
        StatusFilter::Pipeline,
        StatusFilter::Only(ChildStatus::InStage(Stage::EnteredCareToDecision)),
        StatusFilter::Only(ChildStatus::InStage(Stage::DecisionToPlacementOrder)),
        StatusFilter::Only(ChildStatus::InStage(Stage::PlacementOrderToMatch)),
        StatusFilter::Only(ChildStatus::InStage(Stage::MatchToPlaced)),
        StatusFilter::Only(ChildStatus::InStage(Stage::PlacedToAdoptionOrder)),
        StatusFilter::Only(ChildStatus::Adopted),
        StatusFilter::Only(ChildStatus::LeftRoute),
    ];

    /// Whether a child with `status` is shown.
    pub fn matches(self, status: ChildStatus) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Pipeline => matches!(status, ChildStatus::InStage(_)),
            StatusFilter::Only(only) => only == status,
        }
    }

    /// The option's words.
    pub fn label(self) -> String {
        match self {
            StatusFilter::All => "All children".into(),
            StatusFilter::Pipeline => "All still in the pipeline".into(),
            StatusFilter::Only(status) => status.label(),
        }
    }

    /// The option's value.
    pub fn value(self) -> String {
        StatusFilter::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or(0)
            .to_string()
    }

    /// The choice with this option value (every child when unknown).
    pub fn from_value(value: &str) -> StatusFilter {
        value
            .parse::<usize>()
            .ok()
            .and_then(|i| StatusFilter::ALL.get(i).copied())
            .unwrap_or(StatusFilter::All)
    }
}

/// "placement order to match" -> "Placement order to match".
fn sentence(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
