//! One test per validation rule: each builds a record a manager could type and checks the
//! problem names the child and the column, with the right severity.

use chrono::NaiveDate;
use scorecard::validate::{is_usable, usable, validate, validate_aggregate, validate_child};
use scorecard::{ChildRecord, FinancialYear, Problem, Severity, YearAggregate};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A complete, ordinary journey: in care 1 Jan 2013, adopted 1 Apr 2015.
fn adopted(id: &str) -> ChildRecord {
    ChildRecord {
        shobpa_decision: Some(d("2013-06-01")),
        placement_order: Some(d("2013-09-01")),
        matched: Some(d("2014-03-01")),
        placed: Some(d("2014-04-01")),
        adoption_order: Some(d("2015-04-01")),
        ..ChildRecord::new(id, d("2013-01-01"))
    }
}

/// The (severity, column) pairs of the problems, for compact assertions.
fn kinds(problems: &[Problem]) -> Vec<(Severity, &str)> {
    problems
        .iter()
        .map(|p| (p.severity, p.field.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn an_ordinary_adopted_child_has_no_problem() {
    assert_eq!(validate_child(&adopted("C1")), vec![]);
}

#[test]
fn an_empty_case_reference_is_an_error() {
    let p = validate_child(&adopted("  "));
    assert_eq!(kinds(&p), vec![(Severity::Error, "child_id")]);
    assert_eq!(p[0].child_id, None);
}

#[test]
fn every_milestone_before_entering_care_is_an_error_naming_its_column() {
    let mut c = adopted("C2");
    c.entered_care = d("2016-01-01");
    let p = validate_child(&c);
    let errors: Vec<_> = kinds(&p)
        .into_iter()
        .filter(|(s, _)| *s == Severity::Error)
        .map(|(_, f)| f)
        .collect();
    assert_eq!(
        errors,
        vec![
            "shobpa_decision",
            "placement_order",
            "matched",
            "placed",
            "adoption_order"
        ]
    );
    assert!(p.iter().all(|p| p.child_id.as_deref() == Some("C2")));
    assert_eq!(
        p[3].to_string(),
        "child C2, placed: placed 01/04/2014 is before the child entered care on 01/01/2016"
    );
}

#[test]
fn placed_before_matched_is_an_error() {
    let mut c = adopted("C3");
    c.placed = Some(d("2014-02-01"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Error, "placed")]
    );
}

#[test]
fn adoption_order_before_placed_is_an_error() {
    let mut c = adopted("C4");
    c.adoption_order = Some(d("2014-03-31"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Error, "adoption_order")]
    );
}

#[test]
fn adoption_order_within_ten_weeks_of_moving_in_is_a_warning_unless_by_foster_carers() {
    let mut c = adopted("C5");
    // 1 April + 69 days = 9 June 2014: one day short of ten weeks.
    c.adoption_order = Some(d("2014-06-09"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Warning, "adoption_order")]
    );
    c.adoption_order = Some(d("2014-06-10"));
    assert_eq!(validate_child(&c), vec![]);
    c.adoption_order = Some(d("2014-04-02"));
    c.foster_carer_adoption = true;
    c.foster_placement_start = Some(d("2013-02-01"));
    assert_eq!(validate_child(&c), vec![]);
}

#[test]
fn match_before_placement_order_is_allowed_because_a2_then_scores_zero() {
    let mut c = adopted("C6");
    c.matched = Some(d("2013-08-01"));
    assert_eq!(validate_child(&c), vec![]);
}

#[test]
fn match_before_the_shobpa_decision_is_an_error_but_an_early_order_only_a_warning() {
    let mut c = adopted("C7");
    c.shobpa_decision = Some(d("2014-03-02"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![
            (Severity::Error, "matched"),
            (Severity::Warning, "placement_order")
        ]
    );
}

#[test]
fn placed_before_the_placement_order_is_a_warning() {
    let mut c = adopted("C8");
    c.placement_order = Some(d("2014-05-01"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Warning, "placed")]
    );
}

#[test]
fn an_adoption_order_implies_placed_and_matched() {
    let mut c = adopted("C9");
    c.placed = None;
    c.matched = None;
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Error, "placed"), (Severity::Warning, "matched")]
    );
}

#[test]
fn placed_without_a_match_date_leaves_only_a2_out() {
    // The figures that end at moving in still count the child; A2 cannot without the match.
    let mut c = adopted("C10");
    c.adoption_order = None;
    c.matched = None;
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Warning, "matched")]
    );
    assert!(validate_child(&c)[0]
        .message
        .contains("A2 leaves the child out"));
}

#[test]
fn a_matched_child_without_a_shobpa_decision_is_only_a_warning() {
    let mut c = adopted("C11");
    c.shobpa_decision = None;
    let p = validate_child(&c);
    assert_eq!(kinds(&p), vec![(Severity::Warning, "shobpa_decision")]);
    assert!(is_usable(&p));
}

#[test]
fn foster_placement_after_the_adoptive_placement_is_an_error() {
    let mut c = adopted("C12");
    c.foster_carer_adoption = true;
    c.foster_placement_start = Some(d("2014-04-02"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Error, "foster_placement_start")]
    );
    c.foster_placement_start = Some(d("2014-04-01"));
    assert_eq!(validate_child(&c), vec![]);
}

#[test]
fn foster_carer_adoption_without_its_start_and_start_without_the_flag_are_warnings() {
    let mut c = adopted("C13");
    c.foster_carer_adoption = true;
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Warning, "foster_placement_start")]
    );
    c.foster_carer_adoption = false;
    c.foster_placement_start = Some(d("2013-05-01"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Warning, "foster_carer_adoption")]
    );
}

#[test]
fn leaving_the_route_and_an_adoption_order_together_is_an_error() {
    let mut c = adopted("C14");
    c.left_route = Some(d("2015-01-01"));
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![(Severity::Error, "left_route")]
    );
}

#[test]
fn milestones_after_leaving_the_route_are_a_warning() {
    let mut c = adopted("C15");
    c.adoption_order = None;
    c.left_route = Some(d("2014-01-01"));
    let p = validate_child(&c);
    assert_eq!(kinds(&p), vec![(Severity::Warning, "left_route")]);
    assert!(p[0].message.contains("matched"), "{}", p[0]);
}

#[test]
fn an_expected_date_when_the_actual_is_known_is_a_warning_saying_which_is_used() {
    let mut c = adopted("C16");
    c.expected_placed = Some(d("2014-05-01"));
    c.expected_match = Some(d("2014-01-01"));
    let p = validate_child(&c);
    assert_eq!(
        kinds(&p),
        vec![
            (Severity::Warning, "expected_match"),
            (Severity::Warning, "expected_placed")
        ]
    );
    assert!(
        p[0].message
            .contains("before the actual match on 01/03/2014"),
        "{}",
        p[0]
    );
    assert!(p[1].message.contains("actual date is used"), "{}", p[1]);
    assert!(is_usable(&p));
}

#[test]
fn an_expected_date_before_a_milestone_already_reached_is_a_warning() {
    let mut c = adopted("C17");
    c.placed = None;
    c.adoption_order = None;
    c.expected_placed = Some(d("2014-02-01")); // matched 01/03/2014
    c.expected_adoption_order = Some(d("2014-01-01")); // before the expected placement
    assert_eq!(
        kinds(&validate_child(&c)),
        vec![
            (Severity::Warning, "expected_placed"),
            (Severity::Warning, "expected_adoption_order")
        ]
    );
}

#[test]
fn a_duplicate_reference_is_an_error_on_the_second_and_later_use_only() {
    let children = vec![adopted("C1"), adopted("C2"), adopted("C1"), adopted(" C1 ")];
    let p = validate(&children, &[]);
    assert_eq!(
        kinds(&p),
        vec![(Severity::Error, "child_id"), (Severity::Error, "child_id")]
    );
    assert!(p[0].message.contains("record 1"), "{}", p[0]);
    let (kept, _) = usable(&children, &[]);
    let ids: Vec<_> = kept.iter().map(|c| c.child_id.as_str()).collect();
    assert_eq!(ids, vec!["C1", "C2"]);
}

fn aggregate(year: i32) -> YearAggregate {
    YearAggregate {
        authority: 0,
        year: FinancialYear(year),
        adopted: 45,
        a1_average_days: 598.0,
        a2_children: 44,
        a2_average_days: Some(249.0),
        a3_under_14_months: 12,
        a10_average_days: None,
    }
}

#[test]
fn a_year_with_both_an_aggregate_and_adopted_children_is_an_error_naming_the_year() {
    // adopted("C1") has its order on 1 April 2015: financial year 2015-16.
    let p = validate(&[adopted("C1")], &[aggregate(2015), aggregate(2014)]);
    assert_eq!(kinds(&p), vec![(Severity::Error, "year")]);
    assert!(p[0].message.starts_with("2015-16 has both"), "{}", p[0]);
    assert!(
        p[0].message.contains("the yearly figures are used"),
        "{}",
        p[0]
    );
    // The aggregate is kept and the child of that year is left out of the figures.
    let (children, aggregates) = usable(&[adopted("C1")], &[aggregate(2015)]);
    assert!(children.is_empty());
    assert_eq!(aggregates.len(), 1);
}

#[test]
fn aggregate_counts_above_the_number_adopted_are_errors() {
    let mut a = aggregate(2012);
    a.a3_under_14_months = 46;
    a.a2_children = 46;
    let p = validate_aggregate(&a);
    assert_eq!(
        kinds(&p),
        vec![
            (Severity::Error, "a3_under_14_months"),
            (Severity::Error, "a2_children")
        ]
    );
    assert!(
        p[0].message.starts_with("in 2012-13, 46 children"),
        "{}",
        p[0]
    );
    assert_eq!(usable(&[], &[a]).1, vec![]);
}

#[test]
fn two_aggregates_for_one_year_and_impossible_averages_are_errors() {
    let mut bad = aggregate(2012);
    bad.a1_average_days = -3.0;
    let p = validate(&[], &[aggregate(2012), bad]);
    assert_eq!(
        kinds(&p),
        vec![
            (Severity::Error, "a1_average_days"),
            (Severity::Error, "year")
        ]
    );
}

#[test]
fn an_a2_count_without_its_average_is_a_warning() {
    let mut a = aggregate(2011);
    a.a2_average_days = None;
    assert_eq!(
        kinds(&validate_aggregate(&a)),
        vec![(Severity::Warning, "a2_average_days")]
    );
}

#[test]
fn a_record_with_only_warnings_is_still_used_and_an_impossible_one_is_not() {
    let mut warned = adopted("W");
    warned.shobpa_decision = None;
    let mut impossible = adopted("X");
    impossible.placed = Some(d("2012-01-01"));
    let (kept, _) = usable(&[warned.clone(), impossible], &[]);
    assert_eq!(kept, vec![warned]);
}

#[test]
fn an_actual_date_after_the_as_of_date_is_an_error_naming_child_and_field() {
    // As of 30/06/2015, C1 is recorded as placed on 01/09/2015, which has not happened yet;
    // its expected adoption order on 01/12/2015 is fine.
    let mut c = scorecard::ChildRecord::new("C1", d("2014-01-01"));
    c.shobpa_decision = Some(d("2014-06-01"));
    c.placement_order = Some(d("2014-09-01"));
    c.matched = Some(d("2015-05-01"));
    c.placed = Some(d("2015-09-01"));
    c.expected_adoption_order = Some(d("2015-12-01"));
    let as_of = d("2015-06-30");
    let p = scorecard::validate_at(std::slice::from_ref(&c), &[], as_of);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert_eq!(p[0].child_id.as_deref(), Some("C1"));
    assert_eq!(p[0].field.as_deref(), Some("placed"));
    assert_eq!(
        p[0].message,
        "the placed date 01/09/2015 is after the as-of date 30/06/2015; a move still to \
         come belongs in expected_placed"
    );
    // It is left out of the figures; on the day itself it is fine.
    assert!(scorecard::usable_at(std::slice::from_ref(&c), &[], as_of)
        .0
        .is_empty());
    assert!(scorecard::validate_at(&[c], &[], d("2015-09-01")).is_empty());
}

#[test]
fn tracking_milestones_out_of_order_are_warnings_naming_both_fields_and_kept() {
    let mut c = scorecard::ChildRecord::new("C7", d("2014-01-01"));
    c.tracking.pack_sent = Some(d("2014-03-10"));
    c.tracking.pack_returned = Some(d("2014-03-01"));
    c.tracking.adoption_medical = Some(d("2013-12-01"));
    let p = validate_child(&c);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p.iter().all(|p| p.severity == Severity::Warning));
    assert_eq!(p[0].field.as_deref(), Some("adoption_medical"));
    assert_eq!(
        p[0].message,
        "adoption medical 01/12/2013 is before the child entered care on 01/01/2014"
    );
    assert_eq!(p[1].child_id.as_deref(), Some("C7"));
    assert_eq!(p[1].field.as_deref(), Some("pack_returned"));
    assert_eq!(
        p[1].message,
        "initial adoption pack returned 01/03/2014 is before initial adoption pack sent \
         10/03/2014 (pack_returned and pack_sent); check both dates"
    );
    // Kept: a warning never leaves the child out.
    assert_eq!(usable(&[c], &[]).0.len(), 1);
}
