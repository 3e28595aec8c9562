//! Builders shared by the engine's integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use scorecard::{
    ChildRecord, ForecastInput, PaceTarget, Scenario, ThresholdSchedule, YearAggregate,
};

/// A date, for tests.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A child through every milestone: entered care, decision, placement order, match, moved
/// in, adoption order.
pub fn adopted(
    id: &str,
    entered: NaiveDate,
    decision: NaiveDate,
    order: NaiveDate,
    matched: NaiveDate,
    placed: NaiveDate,
    adoption: NaiveDate,
) -> ChildRecord {
    let mut c = ChildRecord::new(id, entered);
    c.shobpa_decision = Some(decision);
    c.placement_order = Some(order);
    c.matched = Some(matched);
    c.placed = Some(placed);
    c.adoption_order = Some(adoption);
    c
}

/// A child with a given A1 (days from entering care to moving in), a given A2 (placement
/// order to match) and an adoption order on `adoption`.
pub fn with_days(id: &str, a1: i64, a2: i64, adoption: NaiveDate) -> ChildRecord {
    let placed = adoption - chrono::Duration::days(100);
    let entered = placed - chrono::Duration::days(a1);
    let matched = placed - chrono::Duration::days(20);
    let order = matched - chrono::Duration::days(a2);
    adopted(id, entered, entered, order, matched, placed, adoption)
}

/// Owns what a `ForecastInput` borrows.
pub struct Data {
    pub children: Vec<ChildRecord>,
    pub aggregates: Vec<YearAggregate>,
    pub as_of: NaiveDate,
    pub thresholds: ThresholdSchedule,
    pub scenario: Scenario,
    pub target: Option<PaceTarget>,
}

impl Data {
    pub fn new(children: Vec<ChildRecord>, as_of: NaiveDate) -> Data {
        Data {
            children,
            aggregates: Vec::new(),
            as_of,
            thresholds: ThresholdSchedule::default(),
            scenario: Scenario::default(),
            target: None,
        }
    }

    pub fn input(&self) -> ForecastInput<'_> {
        ForecastInput {
            children: &self.children,
            aggregates: &self.aggregates,
            as_of: self.as_of,
            thresholds: &self.thresholds,
            scenario: &self.scenario,
            target: self.target,
            every_child: false,
        }
    }
}
