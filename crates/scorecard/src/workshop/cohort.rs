//! A small made-up cohort for a workshop, built from a template of stage durations, so that a
//! trainer never needs the authority's real children to show the impact of delay.

use crate::dates::add_days;
use crate::error::{Error, ErrorKind};
use crate::record::ChildRecord;
use chrono::NaiveDate;

/// How to make up a cohort: how many children, when the first entered care, how far apart
/// the others follow, and how long each stage takes (the same for every child, so that a
/// delay added to one child stands out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CohortTemplate {
    /// How many children (at most [`CohortTemplate::MAX_CHILDREN`]).
    pub children: u32,
    /// The day Child A entered care.
    pub first_entered_care: NaiveDate,
    /// Days between one child entering care and the next.
    pub spacing_days: u32,
    /// Entered care to the agency decision maker's SHOBPA decision.
    pub entered_care_to_decision_days: u32,
    /// SHOBPA decision to the court's placement order.
    pub decision_to_placement_order_days: u32,
    /// Placement order to the match with an adoptive family (what A2 measures).
    pub placement_order_to_match_days: u32,
    /// Match to moving in with the adoptive family.
    pub match_to_placed_days: u32,
    /// Moving in to the adoption order.
    pub placed_to_adoption_order_days: u32,
    /// Every child's age on entering care, in whole months (0 = entered care at birth), for
    /// "why each day matters for the child".
    pub age_at_entry_months: u32,
}

impl Default for CohortTemplate {
    /// Ten children, one every two months from 1 April 2013, at about the DfE's 2024 national
    /// medians (DOMAIN.md): entry to decision 9 months (274 days), decision to match 10 months
    /// (304 days, split 91 to the placement order and 213 to the match), match to moving in
    /// 1 month (30 days), moving in to the order 9 months (274 days); each aged 12 months on
    /// entering care.
    fn default() -> Self {
        CohortTemplate {
            children: 10,
            first_entered_care: NaiveDate::from_ymd_opt(2013, 4, 1).unwrap_or_default(),
            spacing_days: 61,
            entered_care_to_decision_days: 274,
            decision_to_placement_order_days: 91,
            placement_order_to_match_days: 213,
            match_to_placed_days: 30,
            placed_to_adoption_order_days: 274,
            age_at_entry_months: 12,
        }
    }
}

impl CohortTemplate {
    /// The most children a template makes: a workshop cohort is small, and the limit keeps
    /// a mistyped number from building millions of records in the browser.
    pub const MAX_CHILDREN: u32 = 200;

    /// The longest spacing or stage accepted, ten years in days.
    pub const MAX_DAYS: u32 = 3650;

    /// Days from entering care to moving in: every child's A1.
    pub fn a1_days(&self) -> u32 {
        self.entered_care_to_decision_days
            .saturating_add(self.decision_to_placement_order_days)
            .saturating_add(self.placement_order_to_match_days)
            .saturating_add(self.match_to_placed_days)
    }

    /// The children, "Child A", "Child B", … in the order they entered care.
    ///
    /// With no `as_of`, every child is adopted. With an `as_of` date, the cohort is seen as on
    /// that day: milestones after it are not yet reached (empty), the match, moving in and
    /// adoption order still to come are kept as the expected dates (the template is the plan),
    /// and children who would enter care after it are left out. A milestone on the as-of date
    /// itself counts as reached.
    ///
    /// Fails with [`ErrorKind::InvalidInput`] when there are more than
    /// [`CohortTemplate::MAX_CHILDREN`] children or a spacing or stage is longer than
    /// [`CohortTemplate::MAX_DAYS`].
    pub fn build(&self, as_of: Option<NaiveDate>) -> Result<Vec<ChildRecord>, Error> {
        if self.children > Self::MAX_CHILDREN {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "a workshop cohort has at most {} children, not {}",
                    Self::MAX_CHILDREN,
                    self.children
                ),
            ));
        }
        let stages = [
            self.spacing_days,
            self.entered_care_to_decision_days,
            self.decision_to_placement_order_days,
            self.placement_order_to_match_days,
            self.match_to_placed_days,
            self.placed_to_adoption_order_days,
        ];
        if stages.iter().any(|&d| d > Self::MAX_DAYS) {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "a spacing or stage of more than {} days (ten years) is not a workshop example",
                    Self::MAX_DAYS
                ),
            ));
        }
        let mut cohort = Vec::new();
        for i in 0..self.children {
            let entered = add_days(
                self.first_entered_care,
                i64::from(i) * i64::from(self.spacing_days),
            );
            if as_of.is_some_and(|day| entered > day) {
                continue;
            }
            let after = |date: NaiveDate, days: u32| add_days(date, i64::from(days));
            let decision = after(entered, self.entered_care_to_decision_days);
            let order = after(decision, self.decision_to_placement_order_days);
            let matched = after(order, self.placement_order_to_match_days);
            let placed = after(matched, self.match_to_placed_days);
            let adopted = after(placed, self.placed_to_adoption_order_days);
            let reached = |date: NaiveDate| match as_of {
                Some(day) if date > day => None,
                _ => Some(date),
            };
            let expected = |date: NaiveDate| match as_of {
                Some(day) if date > day => Some(date),
                _ => None,
            };
            cohort.push(ChildRecord {
                shobpa_decision: reached(decision),
                placement_order: reached(order),
                matched: reached(matched),
                placed: reached(placed),
                adoption_order: reached(adopted),
                expected_match: expected(matched),
                expected_placed: expected(placed),
                expected_adoption_order: expected(adopted),
                ..ChildRecord::new(child_name(i), entered)
            });
        }
        Ok(cohort)
    }
}

/// The name trainers use for the child at `index` (from 0): "Child A" … "Child Z", then
/// "Child AA", "Child AB", … as spreadsheet columns are lettered.
pub fn child_name(index: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(index) + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("Child {}", letters.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn template() -> CohortTemplate {
        CohortTemplate {
            children: 3,
            first_entered_care: d(2013, 4, 1),
            spacing_days: 30,
            entered_care_to_decision_days: 100,
            decision_to_placement_order_days: 50,
            placement_order_to_match_days: 60,
            match_to_placed_days: 20,
            placed_to_adoption_order_days: 180,
            age_at_entry_months: 6,
        }
    }

    #[test]
    fn children_are_lettered_as_trainers_say_them() {
        assert_eq!(child_name(0), "Child A");
        assert_eq!(child_name(2), "Child C");
        assert_eq!(child_name(25), "Child Z");
        assert_eq!(child_name(26), "Child AA");
        assert_eq!(child_name(27), "Child AB");
        assert_eq!(child_name(51), "Child AZ");
        assert_eq!(child_name(52), "Child BA");
    }

    #[test]
    fn an_all_adopted_cohort_follows_the_template() {
        let cohort = template().build(None).unwrap();
        assert_eq!(cohort.len(), 3);
        let a = &cohort[0];
        assert_eq!(a.child_id, "Child A");
        // By hand: 1 April 2013 + 100 days = 10 July (29 days to 30 April, 31 in May, 30 in
        // June, 10 in July); + 50 = 29 August; + 60 = 28 October; + 20 = 17 November; + 180 =
        // 16 May 2014.
        assert_eq!(a.entered_care, d(2013, 4, 1));
        assert_eq!(a.shobpa_decision, Some(d(2013, 7, 10)));
        assert_eq!(a.placement_order, Some(d(2013, 8, 29)));
        assert_eq!(a.matched, Some(d(2013, 10, 28)));
        assert_eq!(a.placed, Some(d(2013, 11, 17)));
        assert_eq!(a.adoption_order, Some(d(2014, 5, 16)));
        assert_eq!(a.expected_adoption_order, None);
        // A1 is 100 + 50 + 60 + 20 = 230 days for every child.
        assert_eq!(template().a1_days(), 230);
        assert_eq!(cohort[2].child_id, "Child C");
        assert_eq!(cohort[2].entered_care, d(2013, 5, 31));
        assert_eq!(
            (cohort[2].placed.unwrap() - cohort[2].entered_care).num_days(),
            230
        );
        // The same template always gives the same cohort.
        assert_eq!(template().build(None).unwrap(), cohort);
    }

    #[test]
    fn seen_on_an_as_of_date_some_children_are_still_in_the_pipeline() {
        let as_of = d(2014, 1, 1);
        let cohort = template().build(Some(as_of)).unwrap();
        // Child A: placed 17/11/2013, order due 16/05/2014.
        let a = &cohort[0];
        assert_eq!(a.placed, Some(d(2013, 11, 17)));
        assert_eq!(a.adoption_order, None);
        assert_eq!(a.expected_adoption_order, Some(d(2014, 5, 16)));
        assert!(a.is_in_pipeline());
        // Child C entered 60 days after Child A: matched 27/12/2013, moves in 16/01/2014.
        let c = &cohort[2];
        assert_eq!(c.matched, Some(d(2013, 12, 27)));
        assert_eq!(c.expected_match, None);
        assert_eq!(c.placed, None);
        assert_eq!(c.expected_placed, Some(d(2014, 1, 16)));
        // A child who would enter care after the as-of date is not in the data yet.
        let early = template().build(Some(d(2013, 5, 1))).unwrap();
        assert_eq!(early.len(), 2);
        assert_eq!(early[1].entered_care, d(2013, 5, 1));
        assert_eq!(early[1].shobpa_decision, None);
    }

    #[test]
    fn an_impossible_template_is_refused_not_built() {
        let too_many = CohortTemplate {
            children: 201,
            ..template()
        };
        assert_eq!(
            too_many.build(None).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
        let too_long = CohortTemplate {
            placement_order_to_match_days: 3651,
            ..template()
        };
        assert!(too_long.build(None).is_err());
        let none = CohortTemplate {
            children: 0,
            ..template()
        };
        assert_eq!(none.build(None).unwrap(), vec![]);
    }
}
