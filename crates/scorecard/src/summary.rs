//! What a set of children amounts to, in the words of an import preview: how many, how many
//! adopted in each financial year, how many waiting at each stage, how many left the route.

use crate::dates::FinancialYear;
use crate::projection::stage_reached;
use crate::record::ChildRecord;
use crate::scenario::Stage;
use std::collections::BTreeMap;

/// Counts of children by where they are on the route.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordsSummary {
    /// Every child.
    pub children: usize,
    /// Children adopted, by the financial year of the adoption order, oldest first.
    pub adopted_by_year: Vec<(FinancialYear, usize)>,
    /// Children still waiting, by the stage they are in, in the order of the route (stages
    /// with nobody left out).
    pub waiting_by_stage: Vec<(Stage, usize)>,
    /// Children who left the adoption route.
    pub left_route: usize,
}

/// Summarises `children`.
pub fn summarise(children: &[ChildRecord]) -> RecordsSummary {
    let mut adopted: BTreeMap<FinancialYear, usize> = BTreeMap::new();
    let mut waiting: BTreeMap<Stage, usize> = BTreeMap::new();
    let mut left_route = 0;
    for child in children {
        if let Some(order) = child.adoption_order {
            *adopted.entry(FinancialYear::containing(order)).or_default() += 1;
        } else if child.left_route.is_some() {
            left_route += 1;
        } else {
            *waiting.entry(stage_reached(child)).or_default() += 1;
        }
    }
    RecordsSummary {
        children: children.len(),
        adopted_by_year: adopted.into_iter().collect(),
        waiting_by_stage: waiting.into_iter().collect(),
        left_route,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn children_are_counted_by_year_adopted_and_stage_waiting() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut a = ChildRecord::new("A", d(2013, 1, 1));
        a.adoption_order = Some(d(2015, 3, 31)); // 2014-15
        let mut b = ChildRecord::new("B", d(2013, 1, 1));
        b.adoption_order = Some(d(2015, 4, 1)); // 2015-16
        let mut c = ChildRecord::new("C", d(2014, 1, 1));
        c.placement_order = Some(d(2014, 9, 1)); // family finding
        let mut e = ChildRecord::new("E", d(2014, 1, 1));
        e.left_route = Some(d(2015, 1, 1));
        let f = ChildRecord::new("F", d(2015, 1, 1)); // before the decision
        let s = summarise(&[a, b, c, e, f]);
        assert_eq!(s.children, 5);
        assert_eq!(
            s.adopted_by_year,
            [(FinancialYear(2014), 1), (FinancialYear(2015), 1)]
        );
        assert_eq!(
            s.waiting_by_stage,
            [
                (Stage::EnteredCareToDecision, 1),
                (Stage::PlacementOrderToMatch, 1)
            ]
        );
        assert_eq!(s.left_route, 1);
    }
}
