//! Reading and writing the yearly aggregates of years with no child-level data.

use scorecard::csv::{read_aggregates, write_aggregates};
use scorecard::{ErrorKind, FinancialYear, Severity, YearAggregate};

#[test]
fn a_published_year_is_read_with_optional_cells_empty() {
    let text = "Year,Adopted,A1 average days,A2 children,A2 average days,A3 under 14 months,\
                A10 average days\n2013-14,45,560,44,250.5,15,\n2012/13,47,598.4,47,,12,580\n";
    let import = read_aggregates(text).unwrap();
    assert_eq!(import.rows_read, 2);
    assert_eq!(
        import.records[0],
        (
            2,
            YearAggregate {
                authority: 0,
                year: FinancialYear(2013),
                adopted: 45,
                a1_average_days: 560.0,
                a2_children: 44,
                a2_average_days: Some(250.5),
                a3_under_14_months: 15,
                a10_average_days: None,
            }
        )
    );
    assert_eq!(import.records[1].1.year, FinancialYear(2012));
    assert_eq!(import.records[1].1.a10_average_days, Some(580.0));
    // 47 children in A2 without their average: the year cannot count in A2.
    assert_eq!(import.problems.len(), 1);
    assert_eq!(import.problems[0].severity, Severity::Warning);
    assert_eq!(import.problems[0].line, Some(3));
}

#[test]
fn an_empty_a3_count_is_read_as_zero_with_a_warning() {
    let import =
        read_aggregates("year,adopted,a1_average_days,a2_children\n2013-14,45,560,0\n").unwrap();
    assert_eq!(import.records[0].1.a3_under_14_months, 0);
    assert_eq!(
        import.problems[0].field.as_deref(),
        Some("a3_under_14_months")
    );
    assert_eq!(import.problems[0].severity, Severity::Warning);
}

#[test]
fn bad_cells_name_line_and_column_and_the_row_is_not_imported() {
    let text = "year,adopted,a1_average_days,a2_children,a3_under_14_months\n\
                2013,45,560,44,10\n2014-15,forty,535,44,10\n2015-16,45,,44,10\n";
    let import = read_aggregates(text).unwrap();
    assert!(import.records.is_empty());
    let found: Vec<(Option<usize>, Option<&str>)> = import
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_deref()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Some(2), Some("year")),
            (Some(3), Some("adopted")),
            (Some(4), Some("a1_average_days"))
        ]
    );
    assert!(import.problems[0].message.contains("write it like 2013-14"));
    assert_eq!(import.rows_with_problems, 3);
}

#[test]
fn inconsistent_counts_and_repeated_years_are_errors_with_their_line() {
    let text = "year,adopted,a1_average_days,a2_children,a2_average_days,a3_under_14_months\n\
                2013-14,45,560,46,250,15\n2013-14,45,560,44,250,15\n";
    let import = read_aggregates(text).unwrap();
    let found: Vec<_> = import
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_deref(), p.severity))
        .collect();
    assert_eq!(
        found,
        vec![
            (Some(2), Some("a2_children"), Severity::Error),
            (Some(3), Some("year"), Severity::Error)
        ]
    );
}

#[test]
fn a_missing_required_column_or_a_semicolon_file_is_refused() {
    let e = read_aggregates("year,adopted,a2_children\n2013-14,45,44\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingColumn);
    assert!(e.to_string().contains("a1_average_days"), "{e}");
    let e = read_aggregates("year;adopted;a1_average_days\n").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WrongDelimiter);
}

#[test]
fn written_aggregates_read_back_unchanged() {
    let aggregates = vec![
        YearAggregate {
            authority: 0,
            year: FinancialYear(2011),
            adopted: 42,
            a1_average_days: 621.5238095238095,
            a2_children: 42,
            a2_average_days: Some(317.238_095_238_095_2),
            a3_under_14_months: 9,
            a10_average_days: None,
        },
        YearAggregate {
            authority: 0,
            year: FinancialYear(1999),
            adopted: 0,
            a1_average_days: 0.0,
            a2_children: 0,
            a2_average_days: None,
            a3_under_14_months: 0,
            a10_average_days: Some(1.0e-7),
        },
    ];
    let text = write_aggregates(&aggregates);
    assert!(text.starts_with(
        "year,adopted,a1_average_days,a2_children,a2_average_days,a3_under_14_months,\
         a10_average_days\r\n2011-12,42,"
    ));
    let back: Vec<_> = read_aggregates(&text)
        .unwrap()
        .records
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    assert_eq!(back, aggregates);
}
