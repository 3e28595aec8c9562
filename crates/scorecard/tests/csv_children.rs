//! Reading child records from the files managers actually have: exports with other column
//! names, UK dates, quotes, byte order marks, and mistakes that must be named by line.

use chrono::NaiveDate;
use scorecard::csv::{read_children, write_children};
use scorecard::{ChildRecord, ErrorKind, Severity};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn columns_in_any_order_and_spelling_are_matched_and_unknown_ones_listed() {
    let text = "\
Placed,Child ID,ENTERED CARE,Social worker,foster_carer_adoption,Adoption_Order,MATCHED
01/04/2014,C1,01/01/2013,Ann,Y,2015-04-01,1/3/2014
";
    let import = read_children(text).unwrap();
    assert_eq!(import.unknown_columns, vec!["Social worker"]);
    assert_eq!(import.rows_read, 1);
    let (line, child) = &import.records[0];
    assert_eq!(*line, 2);
    assert_eq!(child.child_id, "C1");
    assert_eq!(child.entered_care, d(2013, 1, 1));
    assert_eq!(child.placed, Some(d(2014, 4, 1)));
    assert_eq!(child.matched, Some(d(2014, 3, 1)));
    assert_eq!(child.adoption_order, Some(d(2015, 4, 1)));
    assert!(child.foster_carer_adoption);
    // Empty and absent cells are "not yet".
    assert_eq!(child.placement_order, None);
    assert_eq!(child.left_route, None);
}

#[test]
fn childid_without_separators_matches_too() {
    let import = read_children("CHILDID,enteredcare\nX,2014-01-01\n").unwrap();
    assert_eq!(import.records[0].1, ChildRecord::new("X", d(2014, 1, 1)));
}

#[test]
fn an_empty_file_or_one_without_a_header_is_refused() {
    for empty in ["", "\n\n", "\u{feff}", " , ,\r\n"] {
        let e = read_children(empty).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MissingHeader, "{empty:?}");
    }
    // A file that starts with data: the first line names no column.
    let e = read_children("C1,2014-01-01\nC2,2014-02-01\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingHeader);
    assert_eq!(e.line(), Some(1));
    assert!(
        e.to_string()
            .starts_with("line 1: the first line is not a header"),
        "{e}"
    );
}

#[test]
fn a_missing_required_column_is_named() {
    let e = read_children("child_id,placed\nC1,2014-01-01\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingColumn);
    assert!(e.to_string().contains("no entered_care column"), "{e}");
    let e = read_children("matched,placed\n,\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("no child_id or entered_care columns"),
        "{e}"
    );
}

#[test]
fn semicolon_and_tab_separated_files_are_recognised_as_such() {
    let e = read_children("child_id;entered_care;placed\nC1;01/01/2014;\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WrongDelimiter);
    assert!(e.to_string().contains("semicolons"), "{e}");
    let e = read_children("child_id\tentered_care\nC1\t01/01/2014\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WrongDelimiter);
    assert!(e.to_string().contains("tabs"), "{e}");
}

#[test]
fn unparsable_and_impossible_dates_name_line_child_and_column_and_skip_the_row() {
    let text = "\
child_id,entered_care,placed,matched
C1,01/01/2014,,
C2,01/01/2014,31/02/2015,
C3,yesterday,,
C4,2014-02-01,2015-13-01,2015-01-01
";
    let import = read_children(text).unwrap();
    assert_eq!(import.rows_read, 4);
    let ids: Vec<_> = import
        .records
        .iter()
        .map(|(_, c)| c.child_id.as_str())
        .collect();
    assert_eq!(ids, vec!["C1"]);
    let shown: Vec<String> = import.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(shown[0].starts_with("line 3, child C2, placed: '31/02/2015' is not a real date"));
    assert!(shown[1].starts_with("line 4, child C3, entered_care: 'yesterday' is not a date"));
    assert!(shown[2].starts_with("line 5, child C4, placed: '2015-13-01'"));
    assert_eq!(import.rows_with_problems, 3);
}

#[test]
fn an_empty_entered_care_and_a_bad_yes_no_are_problems() {
    let text = "child_id,entered_care,foster_carer_adoption\nC1,,\nC2,2014-01-01,perhaps\n";
    let import = read_children(text).unwrap();
    assert!(import.records.is_empty());
    let fields: Vec<_> = import.problems.iter().map(|p| p.field.as_deref()).collect();
    assert_eq!(
        fields,
        vec![Some("entered_care"), Some("foster_carer_adoption")]
    );
    assert_eq!(import.problems[1].line, Some(3));
}

#[test]
fn duplicate_ids_are_errors_on_the_later_lines_naming_the_first() {
    let text = "child_id,entered_care\nC1,2014-01-01\nC2,2014-01-01\nC1,2014-02-01\n";
    let import = read_children(text).unwrap();
    // Both rows are read: the manager decides which one to keep.
    assert_eq!(import.records.len(), 3);
    assert_eq!(import.problems.len(), 1);
    let p = &import.problems[0];
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.line, Some(4));
    assert_eq!(p.field.as_deref(), Some("child_id"));
    assert!(p.message.contains("line 2"), "{p}");
}

#[test]
fn references_differing_only_in_capitals_are_named_as_the_same_child() {
    let text = "child_id,entered_care\nC1,2014-01-01\n c1 ,2014-02-01\n";
    let import = read_children(text).unwrap();
    assert_eq!(import.records.len(), 2);
    assert_eq!(import.problems.len(), 1);
    let p = &import.problems[0];
    assert_eq!(p.line, Some(3));
    assert_eq!(p.child_id.as_deref(), Some("c1"));
    assert!(
        p.message
            .contains("C1 (line 2) and c1 look like the same child"),
        "{p}"
    );
}

#[test]
fn a_reference_a_spreadsheet_would_run_is_exported_as_text_and_read_back_unchanged() {
    let formula = ChildRecord::new("=HYPERLINK(\"x\")", d(2014, 1, 1));
    let at = ChildRecord::new("@C2", d(2014, 1, 2));
    let quoted = ChildRecord::new("'=already quoted", d(2014, 1, 3));
    let children = vec![formula, at, quoted];
    let text = write_children(&children);
    let lines: Vec<&str> = text.split("\r\n").collect();
    // The cell starts with ' inside its quotes, so Excel shows it as text.
    assert!(
        lines[1].starts_with("\"'=HYPERLINK(\"\"x\"\")\","),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("'@C2,"), "{}", lines[2]);
    assert!(lines[3].starts_with("''=already quoted,"), "{}", lines[3]);
    let back: Vec<ChildRecord> = read_children(&text)
        .unwrap()
        .records
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    assert_eq!(back, children);
}

#[test]
fn validation_problems_of_read_records_carry_their_line() {
    // Placed before matched: impossible; the record is read and flagged.
    let text = "child_id,entered_care,matched,placed\nC1,2014-01-01,2015-03-01,2015-02-01\n";
    let import = read_children(text).unwrap();
    assert_eq!(import.records.len(), 1);
    assert_eq!(
        import.problems[0].to_string(),
        "line 2, child C1, placed: placed 01/02/2015 is before the match on 01/03/2015; a child \
         moves in with adopters only after being matched"
    );
    assert_eq!(import.error_count(), 1);
    // The error, and a warning that the SHOBPA decision is missing for a matched child.
    assert_eq!(import.problems_on(2).count(), 2);
    assert_eq!(import.problems_on(1).count(), 0);
}

#[test]
fn quoted_cells_with_commas_quotes_and_line_breaks_are_read_and_lines_counted_physically() {
    let text = "child_id,entered_care,notes\r\n\
\"C1, twin\",01/01/2014,\"said \"\"hello\"\"\"\r\n\
C2,01/01/2014,\"first line\r\nsecond line\r\nthird\"\r\n\
C3,31/02/2014,\r\n";
    let import = read_children(text).unwrap();
    assert_eq!(import.records[0].1.child_id, "C1, twin");
    assert_eq!(
        import.records[1],
        (3, ChildRecord::new("C2", d(2014, 1, 1)))
    );
    // C2's notes span lines 3 to 5, so C3 is on physical line 6.
    assert_eq!(import.problems[0].line, Some(6));
    assert_eq!(import.unknown_columns, vec!["notes"]);
}

#[test]
fn a_byte_order_mark_and_trailing_empty_lines_are_ignored() {
    let text = "\u{feff}child_id,entered_care\r\nC1,2014-01-01\r\n\r\n\r\n";
    let import = read_children(text).unwrap();
    assert_eq!(import.rows_read, 1);
    assert_eq!(
        import.records,
        vec![(2, ChildRecord::new("C1", d(2014, 1, 1)))]
    );
    assert!(import.unknown_columns.is_empty());
}

#[test]
fn an_unterminated_quote_is_malformed_at_its_line() {
    let e = read_children("child_id,entered_care\nC1,2014-01-01\n\"C2,2014-01-01\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Malformed);
    assert_eq!(e.line(), Some(3));
}

#[test]
fn a_row_with_more_cells_than_the_header_is_not_imported() {
    let text = "child_id,entered_care\nC1,2014-01-01,extra\nC2,2014-01-01,,\n";
    let import = read_children(text).unwrap();
    // Trailing empty cells, as spreadsheets add, are harmless.
    assert_eq!(import.records.len(), 1);
    assert_eq!(import.records[0].1.child_id, "C2");
    assert_eq!(import.problems[0].line, Some(2));
    assert!(import.problems[0]
        .message
        .contains("3 cells but the header has 2"));
}

#[test]
fn ten_thousand_rows_are_read_with_their_lines() {
    let mut text =
        String::from("child_id,entered_care,shobpa_decision,placement_order,matched,placed\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "C{i},01/01/2014,2014-03-01,2014-06-01,2014-09-01,2014-10-01\n"
        ));
    }
    // One bad row at the end, line 10,002.
    text.push_str("BAD,2014-01-01,,,,30/02/2014\n");
    let import = read_children(&text).unwrap();
    assert_eq!(import.rows_read, 10_001);
    assert_eq!(import.records.len(), 10_000);
    assert_eq!(import.records[9_999].0, 10_001);
    assert_eq!(import.problems.len(), 1);
    assert_eq!(import.problems[0].line, Some(10_002));
}

#[test]
fn written_records_read_back_unchanged() {
    let mut full = ChildRecord::new("C1, \"twin\"\nB", d(2012, 2, 29));
    full.shobpa_decision = Some(d(2012, 6, 1));
    full.placement_order = Some(d(2012, 9, 1));
    full.matched = Some(d(2013, 1, 1));
    full.placed = Some(d(2013, 2, 1));
    full.foster_carer_adoption = true;
    full.foster_placement_start = Some(d(2012, 3, 1));
    full.adoption_order = Some(d(2013, 6, 1));
    let mut waiting = ChildRecord::new(" C2 ", d(2014, 1, 1));
    waiting.expected_match = Some(d(2015, 1, 1));
    waiting.expected_placed = Some(d(2015, 2, 1));
    waiting.expected_adoption_order = Some(d(2015, 9, 1));
    let left = ChildRecord {
        left_route: Some(d(2014, 5, 5)),
        ..ChildRecord::new("C3", d(2014, 1, 1))
    };
    let children = vec![full, waiting, left];
    let text = write_children(&children);
    assert!(text.starts_with(
        "child_id,entered_care,shobpa_decision,placement_order,matched,placed,\
         foster_carer_adoption,foster_placement_start,adoption_order,left_route,expected_match,\
         expected_placed,expected_adoption_order,plan_adoption,pack_sent,pack_returned,\
         prioritisation_meeting,adoption_medical,child_permanence_report,par_received,\
         par_decision,adopters_visit,annex_a,later_life_letter,ao_application,family_finder\r\n\
         \"C1, \"\"twin\"\"\nB\",2012-02-29,"
    ));
    let back: Vec<ChildRecord> = read_children(&text)
        .unwrap()
        .records
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    assert_eq!(back, children);
}

#[test]
fn excel_unicode_text_is_decoded_then_recognised_as_tab_separated() {
    // Excel's "Unicode Text": UTF-16 little-endian with a byte order mark, tabs between cells.
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "child_id\tentered_care\r\nC1\t01/01/2014\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let e = read_children(&scorecard::csv::decode_text(&bytes)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WrongDelimiter);
}

#[test]
fn a_windows_1252_file_keeps_its_pound_signs_in_the_case_reference() {
    let bytes = b"child_id,entered_care\nLA\xa3-7,2014-01-01\n";
    let import = read_children(&scorecard::csv::decode_text(bytes)).unwrap();
    assert_eq!(import.records[0].1.child_id, "LA£-7");
}

#[test]
fn a_column_named_twice_in_the_header_is_refused_naming_both_positions() {
    let e = read_children("child_id,entered_care,Placed,placed\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Malformed);
    assert_eq!(e.line(), Some(1));
    assert!(e.to_string().contains("placed appears twice"), "{e}");
    assert!(e.to_string().contains("columns 3 and 4"), "{e}");
}

#[test]
fn the_tracking_milestones_are_read_in_any_spelling_of_their_columns() {
    let text = "Child ID,Entered care,Pack Sent,PACK_RETURNED,par received,AO Application,\
                Family Finder\n\
                C1,01/04/2014,30/04/2015,01/06/2015,2015-07-01,, Sam Patel \n";
    let import = read_children(text).unwrap();
    assert!(
        import.unknown_columns.is_empty(),
        "{:?}",
        import.unknown_columns
    );
    let c = &import.records[0].1;
    assert_eq!(c.tracking.pack_sent, Some(d(2015, 4, 30)));
    assert_eq!(c.tracking.pack_returned, Some(d(2015, 6, 1)));
    assert_eq!(c.tracking.par_received, Some(d(2015, 7, 1)));
    assert_eq!(c.tracking.ao_application, None);
    assert_eq!(c.tracking.family_finder, "Sam Patel");
}

#[test]
fn an_authority_column_numbers_its_authorities_and_one_reference_may_serve_two() {
    // Two authorities' C1 are two children; a C1 twice in one authority is a duplicate.
    let text = "\
child_id,entered_care,Authority
C1,01/01/2013,Northshire
C1,01/02/2013,southshire
C2,01/03/2013,
C1,01/04/2013,SOUTHSHIRE
";
    let import = read_children(text).unwrap();
    assert!(import.unknown_columns.is_empty());
    assert_eq!(import.authorities, vec!["Northshire", "southshire"]);
    let numbers: Vec<u32> = import.records.iter().map(|(_, c)| c.authority).collect();
    assert_eq!(numbers, vec![1, 2, 0, 2]);
    let duplicates: Vec<Option<usize>> = import
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.line)
        .collect();
    assert_eq!(duplicates, vec![Some(5)]);
    // Without the column nothing changes: every child is number 0.
    let plain = read_children("child_id,entered_care\nC1,01/01/2013\n").unwrap();
    assert!(plain.authorities.is_empty());
    assert_eq!(plain.records[0].1.authority, 0);
}
