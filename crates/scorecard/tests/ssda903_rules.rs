//! The rules from a child's episodes in the SSDA903 return to its journey, one hand-built
//! history each (the README's examples): the dates expected are read off the episodes by hand.

use chrono::NaiveDate;
use scorecard::indicator::adopted_child_values;
use scorecard::ssda903::{read_return, Found, ReturnImport, TableKind};
use scorecard::{ChildRecord, Severity};

fn d(text: &str) -> NaiveDate {
    scorecard::dates::parse_date(text).unwrap()
}

/// An Episodes table with the columns the rules read (the others may be left out), in an
/// order of our own: columns are found by name.
fn episodes(name: &str, rows: &[&str]) -> (String, String) {
    let mut text = String::from("CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    (name.to_string(), text)
}

fn ad1(rows: &[&str]) -> (String, String) {
    let mut text =
        String::from("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    ("ad1.csv".to_string(), text)
}

fn placed_for_adoption(name: &str, rows: &[&str]) -> (String, String) {
    let mut text = String::from("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    (name.to_string(), text)
}

fn child<'a>(read: &'a ReturnImport, id: &str) -> &'a ChildRecord {
    read.records
        .iter()
        .find(|c| c.child_id == id)
        .unwrap_or_else(|| panic!("{id} not taken: {:#?}", read.problems))
}

fn messages(read: &ReturnImport) -> Vec<String> {
    read.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn an_x1_chain_across_two_returns_is_one_period_of_care() {
    // 2014-15: C1 entered care 10/06/2014; on 15/01/2015 the placement order (E1) began an
    // episode still open at the year end. 2015-16: the same episode, now ended 01/09/2015 (X1),
    // then placed for adoption (A6) until the adoption order on 10/03/2016 (E12).
    let files = [
        episodes(
            "episodes_2014.csv",
            &[
                "C1,10/06/2014,S,C2,U3,15/01/2015,X1",
                "C1,15/01/2015,L,E1,U3,,",
            ],
        ),
        episodes(
            "episodes_2015.csv",
            &[
                "C1,15/01/2015,L,E1,U3,01/09/2015,X1",
                "C1,01/09/2015,P,E1,A6,10/03/2016,E12",
            ],
        ),
        ad1(&["C1,01/01/2013,01/12/2014,01/08/2015,0,2,MF,L0"]),
        placed_for_adoption("pa_2014.csv", &["C1,01/01/2013,01/12/2014,,"]),
        placed_for_adoption("pa_2015.csv", &["C1,01/01/2013,01/12/2014,,"]),
    ];
    let read = read_return(&files);
    assert!(read.problems.is_empty(), "{:#?}", messages(&read));
    let c = child(&read, "C1");
    assert_eq!(c.entered_care, d("10/06/2014"));
    assert_eq!(c.shobpa_decision, Some(d("01/12/2014")));
    assert_eq!(c.placement_order, Some(d("15/01/2015")));
    assert_eq!(c.matched, Some(d("01/08/2015")));
    assert_eq!(c.placed, Some(d("01/09/2015")));
    assert_eq!(c.adoption_order, Some(d("10/03/2016")));
    assert!(!c.foster_carer_adoption);
    assert_eq!((c.foster_placement_start, c.left_route), (None, None));
    // The open 2014-15 version gave way to the ended 2015-16 one, and the preview says so.
    assert_eq!(read.episodes_ended_later, 1);
    assert!(read
        .notes()
        .iter()
        .any(|n| n.starts_with("1 episode was open at the end of one return's year")));
    // The years are read from each file's latest date.
    let years: Vec<String> = read
        .files
        .iter()
        .map(|f| f.year.map(|y| y.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        years,
        ["2014-15", "2015-16", "2015-16", "2014-15", "2014-15"]
    );
}

#[test]
fn a_period_starting_before_the_earliest_file_is_taken_from_there_with_a_warning() {
    // The 2015-16 return alone: C2's first episode here began on 01/05/2015 with a change of
    // legal status (L), so the start of its period of care is in an earlier return: at the
    // latest the 2015-16 one, which would hold the episode that ended that day.
    let files = [episodes("episodes.csv", &["C2,01/05/2015,L,E1,U3,,"])];
    let read = read_return(&files);
    let c = child(&read, "C2");
    assert_eq!(c.entered_care, d("01/05/2015"));
    assert_eq!(c.placement_order, Some(d("01/05/2015")));
    let p = &read.problems[0];
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(
        (
            p.file.as_deref(),
            p.line,
            p.child_id.as_deref(),
            p.field.as_deref()
        ),
        (Some("episodes.csv"), Some(2), Some("C2"), Some("RNE"))
    );
    assert!(
        p.message
            .contains("return for 2015-16 or an earlier one holds the start"),
        "{p}"
    );
}

#[test]
fn a_foster_carer_adoption_steps_back_over_same_carer_changes_to_the_foster_placement() {
    // C3 moved in with its foster carers on 01/05/2013 (P); the placement type changed with the
    // same carers on 01/09/2013 (T); the placement order changed the legal status on 01/03/2014
    // (L); the carers' placement became a placement for adoption (A5) on 01/07/2014 (T);
    // adopted 01/12/2014 (E11).
    let rows = [
        "C3,01/02/2013,S,C2,U1,01/05/2013,X1",
        "C3,01/05/2013,P,C2,U3,01/09/2013,X1",
        "C3,01/09/2013,T,C2,U4,01/03/2014,X1",
        "C3,01/03/2014,L,E1,U4,01/07/2014,X1",
        "C3,01/07/2014,T,E1,A5,01/12/2014,E11",
    ];
    let with_ad1 = read_return(&[
        episodes("episodes.csv", &rows),
        ad1(&["C3,01/01/2012,01/11/2013,01/06/2014,1,2,MF,L0"]),
    ]);
    let c = child(&with_ad1, "C3");
    assert!(c.foster_carer_adoption);
    assert_eq!(c.placed, Some(d("01/07/2014")));
    // From the A5 episode (T) back over the L and the T episodes to the P one.
    assert_eq!(c.foster_placement_start, Some(d("01/05/2013")));
    // A10 counts to the foster placement: 01/02/2013 -> 01/05/2013 = 28 + 31 + 30 = 89 days.
    let (_, values) = adopted_child_values(c).unwrap();
    assert_eq!(values.a10_days, Some(89));
    assert!(with_ad1.problems.is_empty(), "{:#?}", messages(&with_ad1));
    // Without AD1 the A5 placement (with the current foster carers) says the same.
    let without = read_return(&[episodes("episodes.csv", &rows)]);
    let c = child(&without, "C3");
    assert!(c.foster_carer_adoption);
    assert_eq!(c.foster_placement_start, Some(d("01/05/2013")));
}

#[test]
fn after_a_disrupted_adoptive_placement_the_second_one_counts() {
    // C4 was placed for adoption on 01/10/2013 (A6); the placement broke down and it went back
    // to foster care on 01/02/2014 (P, U3); a second family took it on 01/08/2014 (P, A6), who
    // adopted it on 01/03/2015.
    let history = [
        "C4,01/01/2013,S,C2,U3,01/06/2013,X1",
        "C4,01/06/2013,L,E1,U3,01/10/2013,X1",
        "C4,01/10/2013,P,E1,A6,01/02/2014,X1",
        "C4,01/02/2014,P,E1,U3,01/08/2014,X1",
        "C4,01/08/2014,P,E1,A6,01/03/2015,E11",
    ];
    let read = read_return(&[
        episodes("episodes.csv", &history),
        ad1(&["C4,01/01/2012,01/04/2013,01/07/2014,0,2,MF,L0"]),
    ]);
    let c = child(&read, "C4");
    assert_eq!(c.placed, Some(d("01/08/2014")));
    assert_eq!(c.adoption_order, Some(d("01/03/2015")));
    // Waiting after the breakdown (still in U3): a placement that ended is not a placement.
    let waiting = read_return(&[episodes(
        "episodes.csv",
        &[
            history[0],
            history[1],
            history[2],
            "C4,01/02/2014,P,E1,U3,,",
        ],
    )]);
    let c = child(&waiting, "C4");
    assert_eq!(
        (c.placed, c.adoption_order, c.left_route),
        (None, None, None)
    );
}

#[test]
fn a_child_matched_before_the_order_scores_zero_for_a2() {
    // Matched 01/03/2014, placement order 01/05/2014, placed 01/06/2014.
    let read = read_return(&[
        episodes(
            "episodes.csv",
            &[
                "C5,01/06/2013,S,C2,U3,01/05/2014,X1",
                "C5,01/05/2014,L,E1,U3,01/06/2014,X1",
                "C5,01/06/2014,P,E1,A6,01/12/2014,E12",
            ],
        ),
        ad1(&["C5,01/01/2012,01/01/2014,01/03/2014,0,1,F1,L0"]),
    ]);
    let c = child(&read, "C5");
    assert_eq!(c.matched, Some(d("01/03/2014")));
    assert_eq!(c.placement_order, Some(d("01/05/2014")));
    let (_, values) = adopted_child_values(c).unwrap();
    assert_eq!(values.a2_days, Some(0));
}

#[test]
fn a_placement_with_consent_and_no_placement_order_leaves_a2_out() {
    // Accommodated (V2) throughout, placed with consent (A4) on 01/09/2014, adopted 01/03/2015.
    let read = read_return(&[
        episodes(
            "episodes.csv",
            &[
                "C6,01/02/2014,S,V2,U3,01/09/2014,X1",
                "C6,01/09/2014,P,V2,A4,01/03/2015,E11",
            ],
        ),
        ad1(&["C6,01/01/2014,01/06/2014,01/08/2014,0,2,MM,L0"]),
    ]);
    let c = child(&read, "C6");
    assert_eq!(c.placement_order, None);
    assert_eq!(c.placed, Some(d("01/09/2014")));
    let (_, values) = adopted_child_values(c).unwrap();
    assert_eq!(values.a2_days, None);
    // 01/02/2014 -> 01/09/2014: 212 days.
    assert_eq!(values.a1_days, Some(212));
}

#[test]
fn a_decision_reversed_with_rd1_leaves_the_route_unless_a_later_decision_stands() {
    let history = episodes("episodes.csv", &["C7,01/01/2014,S,C2,U3,,"]);
    let reversed = read_return(&[
        history.clone(),
        placed_for_adoption("pa.csv", &["C7,01/01/2013,01/03/2014,01/09/2014,RD1"]),
    ]);
    let c = child(&reversed, "C7");
    assert_eq!(c.shobpa_decision, Some(d("01/03/2014")));
    assert_eq!(c.left_route, Some(d("01/09/2014")));
    let decided_again = read_return(&[
        history,
        placed_for_adoption(
            "pa.csv",
            &[
                "C7,01/01/2013,01/03/2014,01/09/2014,RD1",
                "C7,01/01/2013,01/01/2015,,",
            ],
        ),
    ]);
    let c = child(&decided_again, "C7");
    assert_eq!(c.shobpa_decision, Some(d("01/01/2015")));
    assert_eq!(c.left_route, None);
}

#[test]
fn a_child_who_leaves_care_after_a_placement_order_has_left_the_route() {
    // Placement order 01/06/2014; a special guardianship order ended care on 01/02/2015 (E43).
    let read = read_return(&[episodes(
        "episodes.csv",
        &[
            "C8,01/01/2014,S,C2,U3,01/06/2014,X1",
            "C8,01/06/2014,L,E1,U3,01/02/2015,E43",
        ],
    )]);
    assert_eq!(child(&read, "C8").left_route, Some(d("01/02/2015")));
}

#[test]
fn the_same_episode_in_two_returns_with_and_without_an_end_date() {
    // Open at the end of 2014-15, ended in 2015-16: one episode, the ended version used, no
    // problem (only the note).
    let open = episodes("e2014.csv", &["C9,01/01/2015,S,E1,A6,,"]);
    let ended = episodes("e2015.csv", &["C9,01/01/2015,S,E1,A6,01/09/2015,E11"]);
    let read = read_return(&[ended.clone(), open.clone()]);
    assert_eq!(child(&read, "C9").adoption_order, Some(d("01/09/2015")));
    assert_eq!(read.episodes_ended_later, 1);
    // Two versions that differ otherwise (the placement): the one with the end date is used,
    // and the other is reported where it is, naming the one used.
    let other = episodes("e2014.csv", &["C9,01/01/2015,S,E1,U3,,"]);
    let read = read_return(&[other, ended]);
    let c = child(&read, "C9");
    assert_eq!(c.placed, Some(d("01/01/2015")));
    let p = read
        .problems
        .iter()
        .find(|p| p.file.as_deref() == Some("e2014.csv"))
        .unwrap();
    assert_eq!((p.line, p.severity), (Some(2), Severity::Warning));
    assert_eq!(
        p.to_string(),
        "e2014.csv, line 2, child C9, PLACE, DEC, REC: this version of the episode that began \
         on 01/01/2015 is not used: e2015.csv, line 2 has the same with a different PLACE and \
         DEC and REC, and that version has an end date (DEC)"
    );
    // With neither ended, the later return's version wins.
    let a = episodes(
        "a.csv",
        &["C9,01/01/2015,S,E1,U3,,", "X,01/04/2016,S,V2,U1,,"],
    );
    let b = episodes(
        "b.csv",
        &["C9,01/01/2015,S,E1,A6,,", "X,01/04/2015,S,V2,U1,,"],
    );
    let read = read_return(&[a, b]);
    assert_eq!(
        child(&read, "C9").placed,
        None,
        "a.csv is the 2016-17 return"
    );
    assert!(messages(&read)
        .iter()
        .any(|m| m.contains("that version is from the later return (2016-17)")));
}

#[test]
fn problems_name_the_file_line_child_and_field_and_what_was_done() {
    let files = [
        episodes(
            "episodes.csv",
            &[
                // No AD1: adopted, but A2 cannot be counted.
                "N1,01/01/2014,S,E1,A6,01/01/2015,E11",
                // Adopted from foster care with no placement for adoption before it.
                "N2,01/01/2014,S,E1,U3,01/01/2015,E12",
                // E11 with no end date.
                "N3,01/01/2014,S,E1,A6,,E11",
                // Matched after moving in (AD1 below).
                "N4,01/01/2014,S,E1,A6,01/01/2015,E11",
                // Decision after the match (AD1 below).
                "N5,01/01/2014,S,E1,A6,01/01/2015,E11",
            ],
        ),
        ad1(&[
            "N2,01/01/2010,01/02/2014,01/03/2014,0,1,F1,L0",
            "N4,01/01/2010,01/02/2014,01/03/2014,0,1,F1,L0",
            "N5,01/01/2010,01/06/2014,01/03/2014,0,1,F1,L0",
        ]),
    ];
    let read = read_return(&files);
    let all = messages(&read);
    let find = |start: &str| {
        all.iter()
            .find(|m| m.starts_with(start))
            .unwrap_or_else(|| panic!("no problem starting {start}: {all:#?}"))
    };
    assert!(find("episodes.csv, line 2, child N1, DATE_MATCH: the child was adopted on 01/01/2015 (E11) but has no AD1 row")
        .contains("A2 cannot be counted"));
    assert!(
        find("episodes.csv, line 3, child N2, PLACE: the child was adopted on 01/01/2015")
            .contains("left out of the figures until placed is entered")
    );
    assert!(
        find("episodes.csv, line 4, child N3, DEC: the episode ceased with E11")
            .contains("read as not yet adopted")
    );
    assert!(find("ad1.csv, line 3, child N4, DATE_MATCH: the match on 01/03/2014 is after the child moved in with its adopters on 01/01/2014")
        .contains("left out of the figures"));
    assert!(find("ad1.csv, line 4, child N5, DATE_INT: the decision that the child should be placed for adoption (01/06/2014) is after the match (01/03/2014)")
        .contains("left out of the figures"));
    // What the product did: N1 counts without its match, N2, N4 and N5 are left out of the
    // figures until corrected (their records have errors), N3 waits.
    let (kept, _) = scorecard::usable(&read.records, &[]);
    let usable: Vec<&str> = kept.iter().map(|c| c.child_id.as_str()).collect();
    assert_eq!(usable, ["N1", "N3"]);
    assert_eq!(child(&read, "N3").adoption_order, None);
}

#[test]
fn tables_are_recognised_by_their_header_whatever_their_name_and_order() {
    let files = [
        (
            "one.csv".to_string(),
            "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,01/01/2015,PN1\n".to_string(),
        ),
        (
            "two.csv".to_string(),
            "REC,DEC,PLACE,LS,RNE,DECOM,CHILD\nE11,01/03/2015,A6,E1,S,01/01/2014,C1\n"
                .to_string(),
        ),
        (
            "three.csv".to_string(),
            "CHILD,DECOM,RNE,LS,PLACE,REC\nC2,01/01/2014,S,E1,A6,\n".to_string(),
        ),
        (
            "four.csv".to_string(),
            "child_id,entered_care\nC1,2014-01-01\n".to_string(),
        ),
        ("five.csv".to_string(), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2010,WBRI,,,\nC3,2,01/01/2011,WBRI,,,\n".to_string()),
    ];
    let read = read_return(&files);
    let found: Vec<&Found> = read.files.iter().map(|f| &f.found).collect();
    assert_eq!(found[0], &Found::SetAside(TableKind::Reviews));
    assert_eq!(found[1], &Found::Table(TableKind::Episodes));
    assert!(
        matches!(found[2], Found::NotRead(why) if why.contains("the Episodes table") && why.contains("no DEC column"))
    );
    assert!(matches!(found[3], Found::NotRead(why) if why.contains("Import records")));
    assert_eq!(found[4], &Found::Table(TableKind::Header));
    assert_eq!(
        read.files[0].describe(),
        "one.csv: the Reviews table (reviews), set aside: no scorecard figure uses it"
    );
    assert_eq!(child(&read, "C1").adoption_order, Some(d("01/03/2015")));
    // C1 (Header, Episodes) and C3 (Header only, no sign of adoption).
    assert_eq!((read.children_found, read.without_adoption), (2, 1));
}

#[test]
fn the_xml_return_reads_as_the_csv_tables_do() {
    let xml = "<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>\n<CHILD><HEADER>\
        <CHILDID>C1</CHILDID><SEX>1</SEX><DOB>01/01/2012</DOB>\n<DATE_INT>01/04/2014</DATE_INT>\
        <DATE_MATCH>01/10/2014</DATE_MATCH><FOSTER_CARE>0</FOSTER_CARE>\n<AD_PLACED>\
        <DATE_PLACED>01/04/2014</DATE_PLACED><DATE_PLACED_CEASED /><REASON_PLACED_CEASED />\
        </AD_PLACED></HEADER>\n<EPISODE><DECOM>01/01/2014</DECOM><RNE>S</RNE><LS>C2</LS>\
        <PL>U3</PL><DEC>01/07/2014</DEC><REC>X1</REC></EPISODE>\n<EPISODE><DECOM>01/07/2014\
        </DECOM><RNE>L</RNE><LS>E1</LS><PL>U3</PL><DEC>01/12/2014</DEC><REC>X1</REC></EPISODE>\n\
        <EPISODE><DECOM>01/12/2014</DECOM><RNE>P</RNE><LS>E1</LS><PL>A6</PL><DEC>02/03/2015\
        </DEC><REC>E11</REC></EPISODE></CHILD>\n</EXPSSDA903>\n";
    let from_xml = read_return(&[("return.xml".to_string(), xml.to_string())]);
    let from_csv = read_return(&[
        episodes(
            "episodes.csv",
            &[
                "C1,01/01/2014,S,C2,U3,01/07/2014,X1",
                "C1,01/07/2014,L,E1,U3,01/12/2014,X1",
                "C1,01/12/2014,P,E1,A6,02/03/2015,E11",
            ],
        ),
        ad1(&["C1,01/01/2012,01/04/2014,01/10/2014,0,2,MF,L0"]),
        placed_for_adoption("pa.csv", &["C1,01/01/2012,01/04/2014,,"]),
    ]);
    assert!(from_xml.problems.is_empty(), "{:#?}", messages(&from_xml));
    assert_eq!(from_xml.records, from_csv.records);
    assert_eq!(from_xml.files[0].found, Found::Xml);
    assert_eq!(from_xml.files[0].year.unwrap().to_string(), "2014-15");
    // A cell that cannot be read names the XML line.
    let bad = xml.replace("<DECOM>01/07/2014</DECOM>", "<DECOM>31/02/2014</DECOM>");
    let read = read_return(&[("return.xml".to_string(), bad)]);
    assert!(messages(&read)
        .iter()
        .any(|m| m.starts_with("return.xml, line 7, child C1, DECOM: '31/02/2014' is not a date")));
}
