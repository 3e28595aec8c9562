//! Several authorities in one workspace: each authority's view is its own children, the
//! agency's view weights every figure by children over all of them, two authorities may use
//! the same case reference, and a document from before opens as one authority.

use adoption_forecast::report::forecast::forecast_of;
use adoption_forecast::storage::authorities::{embed, project, View};
use adoption_forecast::storage::document::{Document, DOCUMENT_VERSION};
use adoption_forecast::storage::items;
use adoption_forecast::storage::migrate::read_document;
use chrono::NaiveDate;
use scorecard::{ChildRecord, FinancialYear, Indicator, YearAggregate};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A child adopted in 2014-15 who moved in `days` after entering care on 1 April 2013.
fn adopted(id: &str, authority: u32, days: i64) -> ChildRecord {
    let entered = d(2013, 4, 1);
    let placed = entered + chrono::Duration::days(days);
    ChildRecord {
        authority,
        placement_order: Some(entered + chrono::Duration::days(30)),
        matched: Some(placed - chrono::Duration::days(10)),
        placed: Some(placed),
        adoption_order: Some(d(2015, 2, 1)),
        ..ChildRecord::new(id, entered)
    }
}

/// Northshire (number 0) with two children adopted at 100 and 200 days, Southshire (number
/// 1) with one at 300 days; each has a child C1.
fn two_authorities() -> Document {
    let mut document = Document::default();
    document.settings.authority_name = "Northshire".into();
    let south = document.settings.add_authority("Southshire");
    document.settings.agency_name = "Shires Adoption".into();
    document.settings.as_of = Some(d(2015, 6, 30));
    document.records = vec![
        adopted("C1", 0, 100),
        adopted("C2", 0, 200),
        adopted("C1", south, 300),
    ];
    document
}

fn a1_in_2014_15(document: &Document) -> (u64, Option<f64>) {
    let f = forecast_of(document, d(2015, 6, 30));
    let figure = f.year(FinancialYear(2014)).unwrap().figure(Indicator::A1);
    (figure.children, figure.value)
}

#[test]
fn the_agency_figure_is_weighted_by_children_not_a_mean_of_the_authorities_averages() {
    let document = two_authorities();
    // Northshire: (100 + 200) / 2 = 150 days over 2 children; Southshire: 300 over 1.
    assert_eq!(
        a1_in_2014_15(&project(&document, View::Authority(0))),
        (2, Some(150.0))
    );
    assert_eq!(
        a1_in_2014_15(&project(&document, View::Authority(1))),
        (1, Some(300.0))
    );
    // The agency: (100 + 200 + 300) / 3 = 200 days over 3 children, not (150 + 300) / 2.
    assert_eq!(
        a1_in_2014_15(&project(&document, View::Agency)),
        (3, Some(200.0))
    );
}

#[test]
fn yearly_figures_of_two_authorities_combine_by_counts() {
    let year = |authority, adopted, a1| YearAggregate {
        year: FinancialYear(2012),
        authority,
        adopted,
        a1_average_days: a1,
        a2_children: adopted,
        a2_average_days: Some(a1 / 2.0),
        a3_under_14_months: 1,
        a10_average_days: None,
    };
    let mut document = two_authorities();
    document.aggregates = vec![year(0, 1, 400.0), year(1, 3, 600.0)];
    let agency = project(&document, View::Agency);
    assert_eq!(agency.aggregates.len(), 1);
    let combined = &agency.aggregates[0];
    // (1 x 400 + 3 x 600) / 4 = 550; A2 (1 x 200 + 3 x 300) / 4 = 275.
    assert_eq!(combined.adopted, 4);
    assert_eq!(combined.a1_average_days, 550.0);
    assert_eq!(combined.a2_average_days, Some(275.0));
    assert_eq!(combined.a3_under_14_months, 2);
    assert_eq!(combined.a10_average_days, None);
}

#[test]
fn two_authorities_with_the_same_reference_keep_two_children() {
    let document = two_authorities();
    // Neither C1 is a duplicate of the other: both count in the agency's figures.
    let problems = scorecard::validate(&document.records, &document.aggregates);
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    // As items (undo, two tabs' merge) they are two.
    let patch = items::diff(&Document::default(), &document);
    let children = patch
        .iter()
        .filter(|c| {
            matches!(
                c.key,
                items::ItemKey::Child(_) | items::ItemKey::ChildOf(..)
            )
        })
        .count();
    assert_eq!(children, 3);
    // Changing Southshire's C1 on its own view leaves Northshire's alone.
    let shown = project(&document, View::Authority(1));
    let mut edited = shown.clone();
    edited.records[0].placed = Some(d(2014, 12, 1));
    let after = embed(&document, View::Authority(1), &shown, edited);
    assert_eq!(after.records.len(), 3);
    assert_eq!(after.records[0], document.records[0]);
    assert_eq!(after.records[2].authority, 1);
    assert_eq!(after.records[2].placed, Some(d(2014, 12, 1)));
    let patch = items::diff(&document, &after);
    assert_eq!(patch.len(), 1);
    assert_eq!(patch[0].key, items::ItemKey::ChildOf(1, "c1".into()));
    // Stored and read back, both are there.
    let text = serde_json::to_string(&after).unwrap();
    assert_eq!(read_document(&text).unwrap(), after);
}

#[test]
fn a_version_4_document_opens_as_one_authority_with_nothing_lost() {
    let v4 = r#"{"version":4,"revision":7,"records":[{"child_id":"C7","ec":"2013-01-05",
        "po":"2013-06-01"},{"child_id":"C8","ec":"2013-02-05"}],
        "aggregates":[{"year":2012,"adopted":5,"a1_average_days":500.0,"a2_children":5,
        "a2_average_days":200.0,"a3_under_14_months":2,"a10_average_days":null}],
        "settings":{"authority_name":"Anytown","as_of":"2015-06-30"}}"#;
    let document = read_document(v4).unwrap();
    assert_eq!(document.version, DOCUMENT_VERSION);
    assert_eq!(document.settings.authorities(), vec![(0, "Anytown")]);
    assert!(!document.settings.has_several());
    assert_eq!(document.records.len(), 2);
    assert!(document.records.iter().all(|c| c.authority == 0));
    assert_eq!(document.records[0].placement_order, Some(d(2013, 6, 1)));
    assert_eq!(document.aggregates[0].adopted, 5);
    assert_eq!(document.revision, 7);
    // Its one authority's view is the document itself: the same figures as before.
    assert_eq!(project(&document, View::Authority(0)), document);
    // Written again, it is written as a document of one authority always was, plus the
    // version.
    let text = serde_json::to_string(&document).unwrap();
    assert!(!text.contains("\"au\""), "{text}");
    assert!(!text.contains("other_authorities"), "{text}");
}

#[test]
fn a_view_named_in_the_address_is_one_the_workspace_has() {
    let document = two_authorities();
    let s = &document.settings;
    assert_eq!(View::from_address_value("1", s), Some(View::Authority(1)));
    assert_eq!(View::from_address_value("all", s), Some(View::Agency));
    assert_eq!(View::from_address_value("7", s), None);
    assert_eq!(s.view_name(View::Agency), "Shires Adoption");
    assert_eq!(s.default_view(), View::Agency);
}

#[test]
fn the_agency_file_lists_each_authority_s_own_rows_then_the_agency_s_with_its_name_last() {
    use adoption_forecast::forecast::agency_panel::{agency_csv, view_csv, view_forecast};
    let document = two_authorities();
    let as_of = d(2015, 6, 30);
    let agency = view_forecast(&document, View::Agency, as_of);
    let simulation = adoption_forecast::forecast::monte_carlo::finish(
        adoption_forecast::forecast::monte_carlo::prepare(&scorecard::ForecastInput {
            children: &agency.document.records,
            aggregates: &agency.document.aggregates,
            as_of,
            thresholds: &agency.document.settings.thresholds,
            scenario: &agency.document.scenarios.working,
            target: agency.forecast.pace.as_ref().map(|p| p.target),
            every_child: false,
        }),
    );
    let file = agency_csv(&document, as_of, &agency.forecast, &simulation);
    let mut lines = file.lines();
    assert_eq!(
        lines.next(),
        Some(format!("{},authority", scorecard::FORECAST_CSV_HEADER).as_str())
    );
    let rows: Vec<&str> = lines.collect();
    // Each authority's rows are its own file's rows, in order, then the agency's.
    let own = |id| {
        let view = view_forecast(&document, View::Authority(id), as_of);
        view_csv(&view, as_of)
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (north, south) = (own(0), own(1));
    let agency_rows: Vec<String> = agency
        .forecast
        .to_csv_with(Some(&simulation))
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = north
        .iter()
        .map(|r| format!("{r},Northshire"))
        .chain(south.iter().map(|r| format!("{r},Southshire")))
        .chain(agency_rows.iter().map(|r| format!("{r},Shires Adoption")))
        .collect();
    assert_eq!(rows, expected);
    assert!(!north.is_empty() && north != south);
}

#[test]
fn a_file_of_two_authorities_imported_on_the_agency_view_goes_to_each_in_its_place() {
    use adoption_forecast::state::{Action, AppState, ImportMode, LaterAction};
    use std::rc::Rc;
    use yew::Reducible;
    let document = two_authorities();
    let state = Rc::new(AppState::start(
        Ok(Some(document.clone())),
        Document::default(),
        vec![],
    ));
    let state = state.reduce(Action::SetView(View::Agency));
    // Southshire's C1 changes its placement; Northshire gains C9. Northshire's C1 is untouched.
    let mut south_c1 = document.records[2].clone();
    south_c1.placed = Some(d(2014, 11, 1));
    let mut c9 = ChildRecord::new("C9", d(2015, 1, 1));
    c9.authority = 0;
    let next = state.reduce(
        LaterAction::ImportRecords {
            records: vec![south_c1.clone(), c9.clone()],
            mode: ImportMode::Merge,
            authority: None,
        }
        .into(),
    );
    let records = &next.document.records;
    assert_eq!(records.len(), 4);
    assert_eq!(records[0], document.records[0]);
    assert_eq!(records[1], document.records[1]);
    assert_eq!(records[2], south_c1);
    assert_eq!(
        (records[3].child_id.as_str(), records[3].authority),
        ("C9", 0)
    );
    // One undo takes the whole import back.
    let undone = next.reduce(Action::Undo);
    assert_eq!(undone.document.records, document.records);
}

#[test]
fn files_of_several_authorities_name_each_row_s_authority_last() {
    use adoption_forecast::storage::authorities::{
        records_csv_with_authority, with_authority_column,
    };
    let document = two_authorities();
    let text = records_csv_with_authority(&document, &document.records);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(lines[0].starts_with("child_id,entered_care,"));
    assert!(lines[0].ends_with(",family_finder,authority"));
    assert!(lines[1].starts_with("C1,2013-04-01,") && lines[1].ends_with(",Northshire"));
    assert!(lines[3].starts_with("C1,2013-04-01,") && lines[3].ends_with(",Southshire"));
    // Read back, it is the same children, each authority's C1 apart.
    let read = scorecard::read_children(&text).unwrap();
    assert_eq!(read.authorities, vec!["Northshire", "Southshire"]);
    assert!(
        read.problems.iter().all(|p| !p.is_error()),
        "{:?}",
        read.problems
    );
    // A name a spreadsheet would run is guarded, one with a comma quoted.
    let two = with_authority_column(&[
        ("=Evil".into(), "a,b\r\n1,2\r\n".into()),
        ("North, East".into(), "a,b\r\n3,4\r\n".into()),
    ]);
    assert_eq!(
        two,
        "a,b,authority\r\n1,2,'=Evil\r\n3,4,\"North, East\"\r\n"
    );
}

#[test]
fn eight_authorities_of_300_children_are_stored_in_under_two_megabytes_and_read_back_whole() {
    // The demonstration's mix of adopted children and children at every stage, 300 to each of
    // eight authorities, every authority using the same references.
    let demo = scorecard::demo_dataset();
    let mut document = Document::default();
    document.settings.authority_name = "Authority 1".into();
    for n in 2..=8 {
        document.settings.add_authority(&format!("Authority {n}"));
    }
    for authority in 0..8 {
        document
            .records
            .extend(
                demo.children
                    .iter()
                    .cycle()
                    .enumerate()
                    .take(300)
                    .map(|(i, c)| ChildRecord {
                        child_id: format!("{}-{i}", c.child_id),
                        authority,
                        ..c.clone()
                    }),
            );
    }
    let text = adoption_forecast::storage::to_json(&document).unwrap();
    assert!(text.len() < 2_000_000, "{} bytes", text.len());
    assert_eq!(read_document(&text).unwrap().records, document.records);
    // Every authority's view holds its 300, the agency's all 2,400.
    for id in 0..8 {
        assert_eq!(project(&document, View::Authority(id)).records.len(), 300);
    }
    assert_eq!(project(&document, View::Agency).records.len(), 2_400);
}

#[test]
fn a_child_changed_on_its_authority_s_view_is_saved_there_without_a_clash() {
    use adoption_forecast::state::{Action, AppState};
    use std::rc::Rc;
    use yew::Reducible;
    let document = two_authorities();
    let state = Rc::new(AppState::start(
        Ok(Some(document.clone())),
        Document::default(),
        vec![],
    ));
    let state = state.reduce(Action::SetView(View::Authority(1)));
    // The form opened on Southshire's C1 as its view shows it.
    let opened = project(&document, View::Authority(1)).records[0].clone();
    let mut changed = opened.clone();
    changed.placed = Some(d(2014, 12, 1));
    let next = state.reduce(Action::UpdateRecord {
        child_id: "C1".into(),
        record: changed,
        opened: Some(opened),
    });
    assert!(next.clashes.is_empty());
    assert_eq!(next.document.records[0], document.records[0]);
    assert_eq!(next.document.records[2].authority, 1);
    assert_eq!(next.document.records[2].placed, Some(d(2014, 12, 1)));
}

/// Two authorities' children both called C1, with the June meeting held.
fn meeting_of_two_authorities() -> std::rc::Rc<adoption_forecast::state::AppState> {
    use adoption_forecast::state::{Action, AppState, LaterAction};
    use std::rc::Rc;
    use yew::Reducible;
    let state = Rc::new(AppState::start(
        Ok(Some(two_authorities())),
        Document::default(),
        vec![],
    ));
    state.reduce(Action::SetView(View::Authority(0))).reduce(
        LaterAction::HoldMeeting {
            date: d(2015, 6, 30),
            attendees: "Service managers".into(),
        }
        .into(),
    )
}

fn discussion_on(document: &Document, child_id: &str) -> Option<String> {
    document.meetings.meetings[0]
        .outcomes
        .iter()
        .find(|o| o.child_id == child_id)
        .map(|o| o.discussion.clone())
}

#[test]
fn two_authorities_children_with_one_reference_never_share_meeting_notes() {
    use adoption_forecast::state::{Action, LaterAction};
    use adoption_forecast::tracking::questions::{OutcomeEdit, Question};
    use yew::Reducible;
    let typed = |authority: u32, text: &str| {
        LaterAction::EditOutcome {
            date: d(2015, 6, 30),
            authority,
            child_id: "C1".into(),
            edit: OutcomeEdit::Text(Question::Discussion, text.into()),
        }
        .into()
    };
    let state = meeting_of_two_authorities().reduce(typed(0, "Two families interested"));
    // Northshire's view has the note on its C1; Southshire's view has the meeting and no
    // note on its own C1.
    let north = project(&state.document, View::Authority(0));
    let south = project(&state.document, View::Authority(1));
    assert_eq!(
        discussion_on(&north, "C1").as_deref(),
        Some("Two families interested")
    );
    assert_eq!(south.meetings.meetings.len(), 1);
    assert_eq!(discussion_on(&south, "C1"), None);
    // Words handed over after the view changed (a box that goes hands its words over)
    // still reach the child they were typed for.
    let state = state
        .reduce(Action::SetView(View::Authority(1)))
        .reduce(typed(0, "Two families interested; one visit booked"))
        .reduce(typed(1, "Waiting for the court"));
    let north = project(&state.document, View::Authority(0));
    let south = project(&state.document, View::Authority(1));
    assert_eq!(
        discussion_on(&north, "C1").as_deref(),
        Some("Two families interested; one visit booked")
    );
    assert_eq!(
        discussion_on(&south, "C1").as_deref(),
        Some("Waiting for the court")
    );
    // A change to the meeting made on Southshire's view keeps Northshire's notes.
    let state = state.reduce(
        LaterAction::HoldMeeting {
            date: d(2015, 6, 30),
            attendees: "Both authorities' managers".into(),
        }
        .into(),
    );
    let meeting = &state.document.meetings.meetings[0];
    assert_eq!(meeting.attendees, "Both authorities' managers");
    assert_eq!(
        meeting
            .outcomes
            .iter()
            .map(|o| (o.authority, o.discussion.as_str()))
            .collect::<Vec<_>>(),
        [
            (0, "Two families interested; one visit booked"),
            (1, "Waiting for the court")
        ]
    );
    // Stored and read back, each note stays with its authority's child.
    let text = serde_json::to_string(&*state.document).unwrap();
    assert_eq!(read_document(&text).unwrap(), *state.document);
}

#[test]
fn an_action_ticked_done_is_the_one_of_the_child_s_own_authority() {
    use adoption_forecast::state::LaterAction;
    use adoption_forecast::tracking::meetings::MeetingAction;
    use adoption_forecast::tracking::questions::OutcomeEdit;
    use yew::Reducible;
    let add = |authority: u32| {
        LaterAction::EditOutcome {
            date: d(2015, 6, 30),
            authority,
            child_id: "C1".into(),
            edit: OutcomeEdit::AddAction(MeetingAction {
                what: "Visit".into(),
                due: Some(d(2015, 7, 10)),
                ..MeetingAction::default()
            }),
        }
        .into()
    };
    let state = meeting_of_two_authorities().reduce(add(0)).reduce(add(1));
    let state = state.reduce(
        LaterAction::SetActionDone {
            date: d(2015, 6, 30),
            authority: 1,
            child_id: "C1".into(),
            index: 0,
            done: true,
        }
        .into(),
    );
    let open = state.document.meetings.open_actions(d(2015, 7, 28));
    assert_eq!(
        open.iter()
            .map(|a| (a.authority, a.child_id.as_str()))
            .collect::<Vec<_>>(),
        [(0, "C1")]
    );
}

#[test]
fn a_version_5_document_s_meeting_notes_are_the_first_authority_s() {
    // Written by the build before notes named their authority: two authorities, a note on
    // "C1" (then shared by both authorities' C1).
    let v5 = r#"{"version":5,"records":[{"child_id":"C1","ec":"2013-04-01"},
        {"child_id":"C1","au":1,"ec":"2013-05-01"}],
        "settings":{"authority_name":"Northshire",
            "other_authorities":[{"id":1,"name":"Southshire"}]},
        "meetings":{"meetings":[{"date":"2015-06-30","attendees":"",
            "outcomes":[{"child_id":"C1","discussion":"Two families"}]}]}}"#;
    let document = read_document(v5).unwrap();
    assert_eq!(document.version, DOCUMENT_VERSION);
    let north = project(&document, View::Authority(0));
    let south = project(&document, View::Authority(1));
    assert_eq!(discussion_on(&north, "C1").as_deref(), Some("Two families"));
    assert_eq!(discussion_on(&south, "C1"), None);
}

/// Northshire's C1 and C2 and Southshire's C1, all waiting with a placement order.
fn two_authorities_waiting() -> Document {
    let mut document = Document::default();
    document.settings.authority_name = "Northshire".into();
    let south = document.settings.add_authority("Southshire");
    document.settings.as_of = Some(d(2015, 6, 30));
    let waiting = |id: &str, authority: u32, entered: NaiveDate| ChildRecord {
        authority,
        shobpa_decision: Some(entered + chrono::Duration::days(150)),
        placement_order: Some(entered + chrono::Duration::days(240)),
        ..ChildRecord::new(id, entered)
    };
    document.records = vec![
        waiting("C1", 0, d(2014, 1, 1)),
        waiting("C2", 0, d(2013, 6, 1)),
        waiting("C1", south, d(2014, 2, 1)),
    ];
    document
}

#[test]
fn the_agency_s_agenda_lists_every_authority_s_children_each_as_on_its_own_view() {
    use adoption_forecast::tracking::agenda::{
        agency_agenda, agency_agenda_csv, agenda, authorities_agendas, AGENDA_CSV_HEADER,
    };
    use scorecard::timescales::milestone_dates;
    let whole = two_authorities_waiting();
    let as_of = d(2015, 6, 30);
    let parts = authorities_agendas(&whole, as_of);
    assert_eq!(parts.len(), 2);
    // Northshire's part is the agenda a workspace of Northshire's children alone has.
    let alone = Document {
        records: whole.records[..2].to_vec(),
        settings: adoption_forecast::storage::document::Settings {
            other_authorities: Vec::new(),
            ..whole.settings.clone()
        },
        ..whole.clone()
    };
    let milestones = milestone_dates(
        &alone.records,
        &alone.settings.timescales,
        &alone.settings.thresholds,
        as_of,
        &alone.settings.bank_holidays(),
    );
    let own = agenda(
        0,
        &forecast_of(&alone, as_of),
        &alone.records,
        &milestones,
        &[],
    );
    assert_eq!(own.len(), 2);
    assert_eq!(parts[0].rows, own);
    // Together: both C1s, each with its authority, in order of urgency.
    let rows = agency_agenda(&parts);
    let mut listed: Vec<(u32, &str)> = rows
        .iter()
        .map(|r| (r.authority, r.child_id.as_str()))
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(rows
        .windows(2)
        .all(|w| w[0].days_overdue >= w[1].days_overdue));
    listed.sort();
    assert_eq!(listed, [(0, "C1"), (0, "C2"), (1, "C1")]);
    // Its file names each row's authority last, in the agenda's order.
    let names = |id: u32| {
        whole
            .settings
            .authority_name_of(id)
            .unwrap_or_default()
            .to_string()
    };
    let file = agency_agenda_csv(&rows, names);
    let lines: Vec<&str> = file.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], format!("{AGENDA_CSV_HEADER},authority"));
    for (line, row) in lines[1..].iter().zip(&rows) {
        assert!(line.starts_with(&format!("{},", row.child_id)), "{line}");
        assert!(
            line.ends_with(&format!(",{}", names(row.authority))),
            "{line}"
        );
    }
}

#[test]
fn a_return_goes_to_the_authority_it_is_from_and_replaces_only_its_children() {
    use adoption_forecast::state::{Action, AppState, ImportMode, LaterAction};
    use std::rc::Rc;
    use yew::Reducible;
    let document = two_authorities();
    let state = Rc::new(AppState::start(
        Ok(Some(document.clone())),
        Document::default(),
        vec![],
    ));
    // Shown: Northshire; the return is said to be Southshire's.
    let state = state.reduce(Action::SetView(View::Authority(0)));
    let from_return = vec![adopted("R9", 0, 250), adopted("R10", 0, 260)];
    let next = state.reduce(
        LaterAction::ImportReturn {
            records: from_return,
            mode: ImportMode::Replace,
            authority: None,
            into: Some(1),
        }
        .into(),
    );
    let by_authority: Vec<(u32, &str)> = next
        .document
        .records
        .iter()
        .map(|c| (c.authority, c.child_id.as_str()))
        .collect();
    // Northshire's C1 and C2 untouched; Southshire's C1 replaced by the return's two.
    assert_eq!(by_authority, [(0, "C1"), (0, "C2"), (1, "R9"), (1, "R10")]);
    assert_eq!(next.document.records[..2], document.records[..2]);
}

#[test]
fn the_agency_s_target_dates_file_names_each_waiting_child_s_authority_last() {
    use adoption_forecast::forecast::agency_panel::agency_target_dates_csv;
    let whole = two_authorities_waiting();
    let as_of = d(2015, 6, 30);
    let mut shown = project(&whole, View::Agency);
    // A period the three waiting children can still count in.
    shown.scenarios.pace_target = Some(scorecard::PaceTarget {
        indicator: Indicator::A1,
        value: 426.0,
        period: scorecard::RollingPeriod {
            last_year: FinancialYear(2017),
        },
    });
    let forecast = forecast_of(&shown, as_of);
    let answer = forecast.pace.as_ref().expect("a target to solve for");
    let one = answer.target_dates_csv();
    let file = agency_target_dates_csv(&whole, &shown, as_of, answer);
    let lines: Vec<&str> = file.split("\r\n").filter(|l| !l.is_empty()).collect();
    let own: Vec<&str> = one.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), own.len());
    assert_eq!(lines[0], format!("{},authority", own[0]));
    // Every row is the one authority's row with the child's authority after it: the three
    // waiting children, Northshire's C1 and C2 and Southshire's C1.
    let mut named: Vec<String> = lines[1..]
        .iter()
        .zip(&own[1..])
        .map(|(line, row)| {
            let name = line.strip_prefix(&format!("{row},")).expect(line);
            format!("{} {name}", row.split(',').next().unwrap())
        })
        .collect();
    named.sort();
    assert_eq!(named, ["C1 Northshire", "C1 Southshire", "C2 Northshire"]);
}

#[test]
fn each_authority_s_row_in_the_agency_s_table_is_the_forecast_of_its_own_view_under_the_scenario() {
    use adoption_forecast::forecast::agency_panel::{
        authorities_inputs, authority_forecast, view_forecast,
    };
    use scorecard::{Stage, StageDuration};
    let mut document = two_authorities();
    // A child of each authority still waiting, placed on 01/05/2015: the placement-to-order
    // stage decides when each is adopted, so a what-if on it moves their figures.
    for (id, authority) in [("P1", 0), ("P2", 1)] {
        document.records.push(ChildRecord {
            authority,
            placement_order: Some(d(2014, 6, 1)),
            matched: Some(d(2015, 4, 1)),
            placed: Some(d(2015, 5, 1)),
            ..ChildRecord::new(id, d(2014, 1, 1))
        });
    }
    // Southshire judged against a schedule of its own.
    let mut own = document.settings.thresholds.clone();
    own.entries.iter_mut().for_each(|entry| entry.a1_days += 50);
    document.settings.own_thresholds.insert(1, own);
    let as_of = d(2015, 6, 30);
    let inputs = authorities_inputs(&document, as_of);
    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Northshire", "Southshire"]);

    let baseline: Vec<_> = inputs
        .iter()
        .map(|i| authority_forecast(i, &document.scenarios, as_of))
        .collect();
    let mut scenario = document.scenarios.working.clone();
    scenario
        .stages
        .insert(Stage::PlacedToAdoptionOrder, StageDuration::Days(400));
    document.scenarios.set_working(scenario);
    for (id, i) in inputs.iter().enumerate() {
        let row = authority_forecast(i, &document.scenarios, as_of);
        let own = view_forecast(&document, View::Authority(id as u32), as_of);
        assert_eq!(row, own.forecast, "{}", i.name);
        assert_eq!(row.to_csv(), own.forecast.to_csv(), "{}", i.name);
        // The what-if moved the authority's figures: the rows are not the baseline's.
        assert_ne!(row, baseline[id], "{}", i.name);
    }
}
