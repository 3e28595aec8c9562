//! Bringing a return's children into the records kept: the return's dates replace the
//! scorecard dates of the same child (matched by `CHILD` as `child_id`, capitals ignored), and
//! what the return does not hold is kept.

use crate::merge::{child_key, merge_children, MergeMode, MergeSummary};
use crate::record::ChildRecord;
use std::collections::HashMap;

/// Combines the children read from a return with those kept.
///
/// In [`MergeMode::Merge`] a child already kept takes the return's scorecard dates (entered
/// care, SHOBPA decision, placement order, match, placed, foster-carer adoption and its foster
/// placement, adoption order, left the route) and keeps everything the return does not hold:
/// the tracking milestones, the family finder, the expected dates, and the match of a child
/// the return does not show as adopted (the return gives a match date for adopted children
/// only). Children the return does not mention are kept as they are. In
/// [`MergeMode::Replace`] the return's children become the whole set.
pub fn merge_return(
    existing: &[ChildRecord],
    incoming: &[ChildRecord],
    mode: MergeMode,
) -> (Vec<ChildRecord>, MergeSummary) {
    if mode == MergeMode::Replace {
        return merge_children(existing, incoming, mode);
    }
    let kept: HashMap<String, &ChildRecord> = existing
        .iter()
        .rev()
        .filter_map(|c| child_key(&c.child_id).map(|k| (k, c)))
        .collect();
    let combined: Vec<ChildRecord> = incoming
        .iter()
        .map(|child| {
            let Some(old) = child_key(&child.child_id).and_then(|k| kept.get(&k)) else {
                return child.clone();
            };
            let matched = match child.matched {
                None if !child.is_adopted() => old.matched,
                m => m,
            };
            ChildRecord {
                // The reference as the authority already writes it.
                child_id: old.child_id.clone(),
                matched,
                expected_match: old.expected_match,
                expected_placed: old.expected_placed,
                expected_adoption_order: old.expected_adoption_order,
                tracking: old.tracking.clone(),
                ..child.clone()
            }
        })
        .collect();
    merge_children(existing, &combined, mode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_return_replaces_the_scorecard_dates_and_keeps_the_rest() {
        // Kept: C1 waiting, matched in the app on 01/05/2015, with a pack sent and a family
        // finder; C2 not in the return.
        let mut c1 = ChildRecord::new("c1", d(2014, 1, 1));
        c1.matched = Some(d(2015, 5, 1));
        c1.expected_placed = Some(d(2015, 8, 1));
        c1.tracking.pack_sent = Some(d(2014, 3, 1));
        c1.tracking.family_finder = "Sam Patel".into();
        let c2 = ChildRecord::new("C2", d(2013, 1, 1));
        // The return: C1 entered care on 02/01/2014 (the app had it a day out), placement order
        // 01/02/2015, no match (waiting); C3 new.
        let mut r1 = ChildRecord::new("C1", d(2014, 1, 2));
        r1.placement_order = Some(d(2015, 2, 1));
        let r3 = ChildRecord::new("C3", d(2015, 1, 1));
        let (merged, summary) =
            merge_return(&[c1, c2.clone()], &[r1, r3.clone()], MergeMode::Merge);
        assert_eq!(merged.len(), 3);
        let m1 = &merged[0];
        assert_eq!(m1.child_id, "c1");
        assert_eq!(m1.entered_care, d(2014, 1, 2));
        assert_eq!(m1.placement_order, Some(d(2015, 2, 1)));
        assert_eq!(
            m1.matched,
            Some(d(2015, 5, 1)),
            "a waiting child's match is kept"
        );
        assert_eq!(m1.expected_placed, Some(d(2015, 8, 1)));
        assert_eq!(m1.tracking.pack_sent, Some(d(2014, 3, 1)));
        assert_eq!(m1.tracking.family_finder, "Sam Patel");
        assert_eq!(merged[1], c2);
        assert_eq!(merged[2], r3);
        assert_eq!((summary.added, summary.updated, summary.kept), (1, 1, 1));
    }

    #[test]
    fn an_adopted_childs_match_is_the_returns() {
        let mut kept = ChildRecord::new("C1", d(2014, 1, 1));
        kept.matched = Some(d(2015, 5, 1));
        let mut adopted = ChildRecord::new("C1", d(2014, 1, 1));
        adopted.placed = Some(d(2015, 6, 1));
        adopted.adoption_order = Some(d(2016, 1, 4));
        let (merged, _) = merge_return(&[kept], &[adopted.clone()], MergeMode::Merge);
        assert_eq!(merged, vec![adopted]);
    }
}
