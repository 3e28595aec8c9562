//! The scorecard indicators and each child's value for them.
//!
//! A child counts in the financial year its adoption order is granted. A1 and A3 run from
//! entering care to moving in with the adoptive family; A10 stops earlier for adoptions by the
//! child's own foster carers; A2 runs from the placement order to the match; the local
//! indicator asks whether the child moved in within 12 months of the SHOBPA decision.

use crate::dates::{add_months, days_between, FinancialYear};
use crate::record::ChildRecord;
use chrono::NaiveDate;
use std::fmt;

/// One figure of the scorecard (plus the local "placed within 12 months" indicator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Indicator {
    /// Days from entering care to moving in with the adoptive family.
    #[default]
    A1,
    /// A1, but ending at the start of the foster placement for foster-carer adoptions.
    A10,
    /// Days from the placement order to the match (0 when matched before the order).
    A2,
    /// Number of children who moved in less than 14 months after entering care.
    A3,
    /// A3 as a percentage of the children counted.
    A3Percent,
    /// Percentage of children who moved in within 12 months of the SHOBPA decision.
    Placed12mPercent,
}

impl Indicator {
    /// Every indicator, in the order figures are listed.
    pub const ALL: [Indicator; 6] = [
        Indicator::A1,
        Indicator::A10,
        Indicator::A2,
        Indicator::A3,
        Indicator::A3Percent,
        Indicator::Placed12mPercent,
    ];

    /// The indicators measured in days, the ones with a government threshold.
    pub const DAYS: [Indicator; 3] = [Indicator::A1, Indicator::A10, Indicator::A2];

    /// The name used in exported files: "A1", "A10", "A2", "A3", "A3_percent",
    /// "placed_12m_percent".
    pub fn label(self) -> &'static str {
        match self {
            Indicator::A1 => "A1",
            Indicator::A10 => "A10",
            Indicator::A2 => "A2",
            Indicator::A3 => "A3",
            Indicator::A3Percent => "A3_percent",
            Indicator::Placed12mPercent => "placed_12m_percent",
        }
    }

    /// The indicator's name on screen: the scorecard's own code where it has one ("A1"), and
    /// words where the label is an identifier ("placed within 14 months (%)"). Files keep
    /// [`Indicator::label`].
    pub fn name(self) -> &'static str {
        match self {
            Indicator::A1 => "A1",
            Indicator::A10 => "A10",
            Indicator::A2 => "A2",
            Indicator::A3 => "A3",
            Indicator::A3Percent => "placed within 14 months (%)",
            Indicator::Placed12mPercent => "placed within 12 months of the SHOBPA decision (%)",
        }
    }

    /// Reads a label written by [`Indicator::label`].
    pub fn parse(label: &str) -> Option<Indicator> {
        Indicator::ALL
            .into_iter()
            .find(|i| i.label().eq_ignore_ascii_case(label.trim()))
    }

    /// What the figure measures, in a manager's words.
    pub fn description(self) -> &'static str {
        match self {
            Indicator::A1 => "days from entering care to moving in with the adoptive family",
            Indicator::A10 => {
                "days from entering care to moving in, from the foster placement for foster-carer adoptions"
            }
            Indicator::A2 => "days from the placement order to the match with a family",
            Indicator::A3 => "children who moved in less than 14 months after entering care",
            Indicator::A3Percent => {
                "% of children who moved in less than 14 months after entering care"
            }
            Indicator::Placed12mPercent => {
                "% of children who moved in within 12 months of the SHOBPA decision"
            }
        }
    }

    /// Whether the figure is an average number of days (lower is better).
    pub fn is_days(self) -> bool {
        matches!(self, Indicator::A1 | Indicator::A10 | Indicator::A2)
    }

    /// Whether the figure is a percentage (higher is better).
    pub fn is_percent(self) -> bool {
        matches!(self, Indicator::A3Percent | Indicator::Placed12mPercent)
    }

    /// The running total this figure is computed from. A3 and A3_percent share one: the
    /// count is its sum, the percentage its mean.
    pub(crate) fn measure(self) -> Measure {
        match self {
            Indicator::A1 => Measure::A1,
            Indicator::A10 => Measure::A10,
            Indicator::A2 => Measure::A2,
            Indicator::A3 | Indicator::A3Percent => Measure::Under14Months,
            Indicator::Placed12mPercent => Measure::Placed12m,
        }
    }

    /// Position in [`Indicator::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Indicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The five quantities summed per child; every indicator is a sum or a mean of one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    A1 = 0,
    A10 = 1,
    A2 = 2,
    Under14Months = 3,
    Placed12m = 4,
}

/// How many measures there are.
pub(crate) const MEASURES: usize = 5;

/// The dates of one child's journey that the indicators read, actual or projected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Milestones {
    /// Entered care: where A1, A10 and A3 start.
    pub entered_care: NaiveDate,
    /// The SHOBPA decision: where the local 12-month indicator starts.
    pub shobpa_decision: Option<NaiveDate>,
    /// The placement order: where A2 starts.
    pub placement_order: Option<NaiveDate>,
    /// The match: where A2 stops.
    pub matched: Option<NaiveDate>,
    /// Moved in with the adoptive family: where A1 and A3 stop.
    pub placed: Option<NaiveDate>,
    /// The adoption order: decides the financial year the child counts in.
    pub adoption_order: Option<NaiveDate>,
    /// Adopted by the child's own foster carers.
    pub foster_carer_adoption: bool,
    /// For a foster-carer adoption, the start of the foster placement: where A10 stops.
    pub foster_placement_start: Option<NaiveDate>,
}

impl Milestones {
    /// The actual dates of a record (expected dates are left to the projection).
    pub fn of(record: &ChildRecord) -> Milestones {
        Milestones {
            entered_care: record.entered_care,
            shobpa_decision: record.shobpa_decision,
            placement_order: record.placement_order,
            matched: record.matched,
            placed: record.placed,
            adoption_order: record.adoption_order,
            foster_carer_adoption: record.foster_carer_adoption,
            foster_placement_start: record.foster_placement_start,
        }
    }

    /// The financial year the child counts in: that of the adoption order.
    pub fn year(&self) -> Option<FinancialYear> {
        self.adoption_order.map(FinancialYear::containing)
    }

    /// The child's value for every indicator, as DOMAIN.md defines them.
    pub fn values(&self) -> ChildValues {
        let a1_days = self.placed.map(|p| days_between(self.entered_care, p));
        // A foster-carer adoption stops the A10 clock when the child moved in with those
        // carers as a foster placement. Without that date (a warning in validation) the
        // best we know is the adoptive placement, so A10 falls back to A1.
        let a10_days = match (self.foster_carer_adoption, self.foster_placement_start) {
            (true, Some(start)) => Some(days_between(self.entered_care, start)),
            _ => a1_days,
        };
        // A2 leaves out children with no placement order, and children not placed for
        // adoption before the adoption order; a match before the order scores 0.
        let placed_before_order = match (self.placed, self.adoption_order) {
            (Some(p), Some(o)) => p <= o,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let a2_days = match (self.placement_order, self.matched) {
            (Some(order), Some(matched)) if placed_before_order => {
                Some(days_between(order, matched).max(0))
            }
            _ => None,
        };
        // "Less than 14 months" is counted in calendar months, so 1 January + 14 months is
        // 1 March of the next year and a child placed that day is not under 14 months.
        let placed_under_14_months = self.placed.map(|p| p < add_months(self.entered_care, 14));
        let placed_within_12_months_of_decision = match (self.shobpa_decision, self.placed) {
            (Some(decision), Some(p)) => Some(p <= add_months(decision, 12)),
            _ => None,
        };
        ChildValues {
            a1_days,
            a10_days,
            a2_days,
            placed_under_14_months,
            placed_within_12_months_of_decision,
        }
    }
}

/// One child's values; `None` where the child is left out of that indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChildValues {
    /// A1 days.
    pub a1_days: Option<i64>,
    /// A10 days.
    pub a10_days: Option<i64>,
    /// A2 days (`None` without a placement order or without a match).
    pub a2_days: Option<i64>,
    /// A3: moved in less than 14 calendar months after entering care.
    pub placed_under_14_months: Option<bool>,
    /// Local indicator: moved in within 12 calendar months of the SHOBPA decision
    /// (`None` without a decision date).
    pub placed_within_12_months_of_decision: Option<bool>,
}

impl ChildValues {
    /// The child's contribution to an indicator's mean: days, or 1/0 for in time or not
    /// (A3 and A3_percent both give 1 for a child under 14 months).
    pub fn value(&self, indicator: Indicator) -> Option<f64> {
        self.measure(indicator.measure())
    }

    pub(crate) fn measure(&self, measure: Measure) -> Option<f64> {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        match measure {
            Measure::A1 => self.a1_days.map(|d| d as f64),
            Measure::A10 => self.a10_days.map(|d| d as f64),
            Measure::A2 => self.a2_days.map(|d| d as f64),
            Measure::Under14Months => self.placed_under_14_months.map(flag),
            Measure::Placed12m => self.placed_within_12_months_of_decision.map(flag),
        }
    }
}

/// The year a record counts in and its values, for an adopted child still on the adoption
/// route; `None` for children not adopted or who left the route (they are in no figure).
pub fn adopted_child_values(record: &ChildRecord) -> Option<(FinancialYear, ChildValues)> {
    if record.left_route.is_some() {
        return None;
    }
    let milestones = Milestones::of(record);
    Some((milestones.year()?, milestones.values()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn labels_are_the_exported_names() {
        let labels: Vec<_> = Indicator::ALL.iter().map(|i| i.label()).collect();
        assert_eq!(
            labels,
            ["A1", "A10", "A2", "A3", "A3_percent", "placed_12m_percent"]
        );
        assert_eq!(Indicator::parse("a3_percent"), Some(Indicator::A3Percent));
        for (i, ind) in Indicator::ALL.iter().enumerate() {
            assert_eq!(ind.index(), i);
        }
    }

    #[test]
    fn a_child_matched_before_the_order_scores_zero_for_a2() {
        let mut r = ChildRecord::new("C1", d(2014, 1, 10));
        r.placement_order = Some(d(2014, 6, 1));
        r.matched = Some(d(2014, 5, 20));
        r.placed = Some(d(2014, 7, 1));
        r.adoption_order = Some(d(2015, 1, 5));
        let (year, v) = adopted_child_values(&r).unwrap();
        assert_eq!(year, FinancialYear(2014));
        assert_eq!(v.a2_days, Some(0));
        // 10 Jan 2014 -> 1 Jul 2014: 21 + 28 + 31 + 30 + 31 + 30 + 1 = 172 days.
        assert_eq!(v.a1_days, Some(172));
    }
}
