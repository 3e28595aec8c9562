//! Action plans in a workspace of several authorities: each plan is one authority's or the
//! agency's, each view lists the plans it answers for, the agency's actions file names each
//! plan's owner last, and the plans of an older document are the first authority's.

use adoption_forecast::plans::csv::{actions_csv, actions_csv_of_view, read_actions};
use adoption_forecast::plans::model::{Activity, Plan, PlanOf, Plans, Status, Theme};
use adoption_forecast::storage::authorities::{edit_view, plans_of_view, project, View};
use adoption_forecast::storage::document::{Document, DOCUMENT_VERSION};
use adoption_forecast::storage::migrate::read_document;

/// A plan of one theme with one activity, `what`, at Amber.
fn plan(title: &str, of: PlanOf, what: &str) -> Plan {
    Plan {
        title: title.into(),
        of,
        themes: vec![Theme {
            title: "Timeliness".into(),
            activities: vec![Activity {
                what: what.into(),
                status: Status::Amber,
                ..Activity::default()
            }],
        }],
        ..Plan::default()
    }
}

/// Northshire (0) and Southshire (1) in "Shires Adoption", with a plan each and one of the
/// agency's.
fn agency_with_plans() -> Document {
    let mut document = Document::default();
    document.settings.authority_name = "Northshire".into();
    let south = document.settings.add_authority("Southshire");
    document.settings.agency_name = "Shires Adoption".into();
    document.plans = Plans {
        plans: vec![
            plan("North plan", PlanOf::Authority(0), "Track North"),
            plan("Agency plan", PlanOf::Agency, "Recruit adopters"),
            plan("South plan", PlanOf::Authority(south), "Track South"),
        ],
    };
    document
}

fn titles(plans: &Plans) -> Vec<&str> {
    plans.plans.iter().map(|p| p.title.as_str()).collect()
}

#[test]
fn an_authority_s_view_lists_its_own_plans_and_the_agency_s_view_every_plan() {
    let document = agency_with_plans();
    assert_eq!(
        titles(&plans_of_view(&document.plans, View::Authority(0))),
        ["North plan"]
    );
    assert_eq!(
        titles(&project(&document, View::Authority(1)).plans),
        ["South plan"]
    );
    assert_eq!(
        titles(&project(&document, View::Agency).plans),
        ["North plan", "Agency plan", "South plan"]
    );
}

#[test]
fn a_plan_made_or_changed_on_one_authority_s_view_leaves_the_others_plans_alone() {
    let document = agency_with_plans();
    // On Southshire's view: its plan renamed, and a new plan of its own.
    let edited = edit_view(&document, View::Authority(1), |d| {
        d.plans.plans[0].title = "South plan, reviewed".into();
        d.plans.plans.push(plan(
            "South recruitment",
            PlanOf::Authority(1),
            "Open evening",
        ));
    });
    assert_eq!(
        titles(&edited.plans),
        [
            "North plan",
            "Agency plan",
            "South plan, reviewed",
            "South recruitment"
        ]
    );
    assert_eq!(edited.plans.plans[3].of, PlanOf::Authority(1));
    // Northshire's view does not list it; the agency's does.
    assert_eq!(
        titles(&project(&edited, View::Authority(0)).plans),
        ["North plan"]
    );
    // A plan deleted on Northshire's view is Northshire's only.
    let deleted = edit_view(&edited, View::Authority(0), |d| d.plans.plans.clear());
    assert_eq!(
        titles(&deleted.plans),
        ["Agency plan", "South plan, reviewed", "South recruitment"]
    );
}

#[test]
fn the_agency_s_actions_file_names_each_plan_s_owner_last_and_one_authority_s_is_unchanged() {
    let document = agency_with_plans();
    let agency = actions_csv_of_view(
        &project(&document, View::Agency).plans,
        &document.settings,
        View::Agency,
    );
    assert_eq!(
        agency,
        "plan,theme,activity,lead,timescale,status,outcome,last_update,authority\r\n\
         North plan,Timeliness,Track North,,,Amber,,,Northshire\r\n\
         Agency plan,Timeliness,Recruit adopters,,,Amber,,,Shires Adoption\r\n\
         South plan,Timeliness,Track South,,,Amber,,,Southshire\r\n"
    );
    // The file reads back as the same plans (the owner column is not one it reads).
    assert_eq!(
        titles(&read_actions(&agency).unwrap()),
        ["North plan", "Agency plan", "South plan"]
    );
    let south_plans = project(&document, View::Authority(1)).plans;
    let south = actions_csv_of_view(&south_plans, &document.settings, View::Authority(1));
    assert_eq!(
        south,
        "plan,theme,activity,lead,timescale,status,outcome,last_update\r\n\
         South plan,Timeliness,Track South,,,Amber,,\r\n"
    );
    assert_eq!(south, actions_csv(&south_plans));
}

#[test]
fn a_version_6_document_s_plans_are_the_first_authority_s() {
    // Written by the build before plans had an owner: two authorities and one plan.
    let v6 = r#"{"version":6,"records":[],
        "settings":{"authority_name":"Northshire",
            "other_authorities":[{"id":1,"name":"Southshire"}]},
        "plans":{"plans":[{"title":"Service plan","owner":"Head of service"}]}}"#;
    let document = read_document(v6).unwrap();
    assert_eq!(document.version, DOCUMENT_VERSION);
    assert_eq!(DOCUMENT_VERSION, 7);
    assert_eq!(document.plans.plans[0].of, PlanOf::Authority(0));
    assert_eq!(document.plans.plans[0].owner, "Head of service");
    assert_eq!(
        titles(&project(&document, View::Authority(0)).plans),
        ["Service plan"]
    );
    assert!(project(&document, View::Authority(1))
        .plans
        .plans
        .is_empty());
}

#[test]
fn each_plan_s_owner_is_kept_in_the_stored_document() {
    let document = agency_with_plans();
    let text = serde_json::to_string(&document).unwrap();
    // The first authority's plan is stored as before, without an owner.
    assert!(text.contains(r#"{"title":"North plan","owner":"#));
    assert!(text.contains(r#""of":"Agency""#));
    assert!(text.contains(r#""of":{"Authority":1}"#));
    let back = read_document(&text).unwrap();
    assert_eq!(back.plans, document.plans);
}
