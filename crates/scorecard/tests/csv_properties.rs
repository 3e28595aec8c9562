//! Properties of the CSV reader and writer over generated input: whatever a browser hands us,
//! reading never panics and every failure names a line; whatever we write reads back the same.

use chrono::NaiveDate;
use proptest::prelude::*;
use scorecard::csv::{read_aggregates, read_children, write_aggregates, write_children};
use scorecard::{ChildRecord, ErrorKind, FinancialYear, YearAggregate};

/// Text made mostly of the characters that matter to a CSV reader, so that generated input
/// reaches quotes, separators, line ends and dates far more often than random Unicode would.
fn csv_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just(",".to_string()),
            Just("\"".to_string()),
            Just("\r\n".to_string()),
            Just("\n".to_string()),
            Just("\r".to_string()),
            Just(";".to_string()),
            Just("\u{feff}".to_string()),
            Just("child_id".to_string()),
            Just("entered_care".to_string()),
            Just("placed".to_string()),
            Just("31/02/2015".to_string()),
            Just("2014-01-01".to_string()),
            Just("yes".to_string()),
            "[ a-zA-Z0-9/_-]{0,6}",
            any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// Checks the promise the import screen relies on: failures and problems name a line.
fn assert_located(text: &str) {
    match read_children(text) {
        Ok(import) => {
            assert!(import.problems.iter().all(|p| p.line.is_some()));
            assert!(import.records.len() <= import.rows_read);
            assert!(import.rows_with_problems <= import.rows_read);
        }
        Err(e) => {
            if e.kind() != ErrorKind::MissingHeader {
                assert!(e.line().is_some(), "{e:?}");
            }
        }
    }
    if let Ok(import) = read_aggregates(text) {
        assert!(import.problems.iter().all(|p| p.line.is_some()));
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .unwrap()
    })
}

fn child() -> impl Strategy<Value = ChildRecord> {
    let dates = proptest::collection::vec(proptest::option::of(date()), 10);
    let tracking = proptest::collection::vec(proptest::option::of(date()), 12);
    (any::<String>(), date(), dates, any::<bool>(), tracking).prop_map(
        |(id, entered, d, fca, t)| {
            let mut child = ChildRecord {
                child_id: id,
                authority: 0,
                entered_care: entered,
                shobpa_decision: d[0],
                placement_order: d[1],
                matched: d[2],
                placed: d[3],
                foster_carer_adoption: fca,
                foster_placement_start: d[4],
                adoption_order: d[5],
                left_route: d[6],
                expected_match: d[7],
                expected_placed: d[8],
                expected_adoption_order: d[9],
                tracking: Default::default(),
            };
            // The tracking meeting's milestones go through the CSV too.
            for (field, date) in scorecard::Field::TRACKING.into_iter().zip(t) {
                child.set_date(field, date);
            }
            child
        },
    )
}

fn days() -> impl Strategy<Value = f64> {
    prop_oneof![0.0f64..5000.0, (0u32..5000).prop_map(f64::from)]
}

fn aggregate() -> impl Strategy<Value = YearAggregate> {
    (
        1000i32..9998,
        any::<u32>(),
        days(),
        any::<u32>(),
        proptest::option::of(days()),
        any::<u32>(),
        proptest::option::of(days()),
    )
        .prop_map(|(year, adopted, a1, a2n, a2, a3, a10)| YearAggregate {
            authority: 0,
            year: FinancialYear(year),
            adopted,
            a1_average_days: a1,
            a2_children: a2n,
            a2_average_days: a2,
            a3_under_14_months: a3,
            a10_average_days: a10,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        assert_located(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_strings_never_panic(text in any::<String>()) {
        assert_located(&text);
    }

    #[test]
    fn csv_like_text_never_panics_and_failures_name_a_line(text in csv_like()) {
        assert_located(&text);
        // The same body under a valid header reaches the row reader.
        assert_located(&format!("child_id,entered_care,placed,foster_carer_adoption\n{text}"));
        assert_located(&format!("year,adopted,a1_average_days,a2_children\n{text}"));
    }

    #[test]
    fn children_read_back_exactly_as_written(children in proptest::collection::vec(child(), 0..8)) {
        let text = write_children(&children);
        let back: Vec<ChildRecord> =
            read_children(&text).unwrap().records.into_iter().map(|(_, c)| c).collect();
        prop_assert_eq!(back, children);
    }

    #[test]
    fn aggregates_read_back_exactly_as_written(
        aggregates in proptest::collection::vec(aggregate(), 0..8)
    ) {
        let text = write_aggregates(&aggregates);
        let back: Vec<YearAggregate> =
            read_aggregates(&text).unwrap().records.into_iter().map(|(_, a)| a).collect();
        prop_assert_eq!(back, aggregates);
    }
}
