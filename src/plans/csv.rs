//! "Download actions (CSV)": every activity of every plan, one row each, in the columns
//! `plan,theme,activity,lead,timescale,status,outcome,last_update`, and the same read back, so
//! that a plan kept in a spreadsheet for a while comes back without loss.

use super::model::{Activity, Plan, PlanOf, Plans, Status, Theme, Timescale, Update};
use crate::storage::authorities::{plan_owner_name, View};
use crate::storage::document::Settings;
use scorecard::csv::{csv_row, read_rows, same_column};
use scorecard::dates::parse_date;

/// The header of [`actions_csv`].
pub const ACTIONS_CSV_HEADER: &str =
    "plan,theme,activity,lead,timescale,status,outcome,last_update";

/// Every activity as CSV, plans, themes and activities in order.
pub fn actions_csv(plans: &Plans) -> String {
    actions_csv_naming(plans, None::<fn(PlanOf) -> String>)
}

/// The actions file of a view: one authority's as [`actions_csv`]; the agency's (where the
/// workspace holds several authorities) with a last `authority` column naming each plan's
/// owner, the authority's name or the agency's for the agency's own plans.
pub fn actions_csv_of_view(plans: &Plans, settings: &Settings, view: View) -> String {
    match view {
        View::Agency if settings.has_several() => {
            actions_csv_naming(plans, Some(|of| plan_owner_name(settings, of)))
        }
        _ => actions_csv(plans),
    }
}

fn actions_csv_naming(plans: &Plans, owner: Option<impl Fn(PlanOf) -> String>) -> String {
    let mut out = String::from(ACTIONS_CSV_HEADER);
    if owner.is_some() {
        out.push_str(",authority");
    }
    out.push_str("\r\n");
    for a in plans.activities() {
        let mut cells = vec![
            a.plan.to_string(),
            a.theme.1.to_string(),
            a.activity.what.clone(),
            a.activity.lead.clone(),
            a.activity
                .timescale
                .map(Timescale::text)
                .unwrap_or_default(),
            a.activity.status.label().to_string(),
            a.activity.outcome.clone(),
            a.activity.last_update().unwrap_or_default(),
        ];
        if let Some(owner) = &owner {
            cells.push(owner(a.of));
        }
        out.push_str(&csv_row(&cells));
    }
    out
}

/// Reads actions written by [`actions_csv`] (or typed in the same columns) into plans: a row's
/// plan and theme are created the first time they appear. Only the last update is in the file,
/// so each activity comes back with that one. Fails with a message naming the line and column.
pub fn read_actions(text: &str) -> Result<Plans, String> {
    let rows = read_rows(text).map_err(|e| e.to_string())?;
    let Some((header, body)) = rows.split_first() else {
        return Err("the file is empty".into());
    };
    let columns: Vec<&str> = ACTIONS_CSV_HEADER.split(',').collect();
    let position = |name: &str| {
        header
            .iter()
            .position(|h| same_column(h, name))
            .ok_or_else(|| format!("the header has no {name} column"))
    };
    let at: Vec<usize> = columns
        .iter()
        .map(|c| position(c))
        .collect::<Result<_, _>>()?;
    let mut plans = Plans::default();
    for (n, row) in body.iter().enumerate() {
        let line = n + 2;
        let cell = |i: usize| row.get(at[i]).map(String::as_str).unwrap_or("").to_string();
        let status = Status::parse(&cell(5)).ok_or_else(|| {
            format!(
                "line {line}, status: '{}' is not Red, Amber, Green, Completed, Ongoing or \
                 Completed and ongoing",
                cell(5)
            )
        })?;
        let timescale = match cell(4).trim() {
            "" => None,
            text => Some(Timescale::parse(text).ok_or_else(|| {
                format!("line {line}, timescale: '{text}' is not a date or a month and year")
            })?),
        };
        let updates: Vec<Update> = cell(7)
            .split_once(": ")
            .and_then(|(date, text)| {
                parse_date(date).map(|date| Update {
                    date,
                    text: text.to_string(),
                })
            })
            .into_iter()
            .collect();
        let activity = Activity {
            what: cell(2),
            lead: cell(3),
            timescale,
            updates,
            outcome: cell(6),
            status,
        };
        let plan_title = cell(0);
        if plans.plan_mut(&plan_title).is_none() {
            plans.plans.push(Plan {
                title: plan_title.clone(),
                ..Plan::default()
            });
        }
        let Some(plan) = plans.plan_mut(&plan_title) else {
            continue;
        };
        let theme_title = cell(1);
        match plan.themes.iter_mut().find(|t| t.title == theme_title) {
            Some(theme) => theme.activities.push(activity),
            None => plan.themes.push(Theme {
                title: theme_title,
                activities: vec![activity],
            }),
        }
    }
    Ok(plans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn an_activity_with_commas_quotes_and_line_breaks_comes_back_unchanged() {
        let plans = Plans {
            plans: vec![Plan {
                title: "Adoption improvement plan".into(),
                themes: vec![Theme {
                    title: "Review of policy, procedure and guidance".into(),
                    activities: vec![Activity {
                        what: "Review local procedures, so that they reflect \"the changes\"\nto adoption legislation".into(),
                        lead: "Service Manager LAC, Permanence and Placements".into(),
                        timescale: Some(Timescale::Month(2013, 7)),
                        updates: vec![Update {
                            date: NaiveDate::from_ymd_opt(2013, 7, 15).unwrap(),
                            text: "Tri-X procedures updated; \"team processes\" reviewed".into(),
                        }],
                        outcome: "=All practitioners can access up to date information".into(),
                        status: Status::CompletedAndOngoing,
                    }],
                }],
                ..Plan::default()
            }],
        };
        let text = actions_csv(&plans);
        assert!(text.starts_with(
            "plan,theme,activity,lead,timescale,status,outcome,last_update\r\n\
             Adoption improvement plan,\"Review of policy, procedure and guidance\",\"Review local \
             procedures, so that they reflect \"\"the changes\"\"\nto adoption legislation\","
        ));
        // The outcome starting with = is written as text, for spreadsheets.
        assert!(text.contains(",'=All practitioners"));
        assert!(text.contains(",July 2013,Completed and ongoing,"));
        assert_eq!(read_actions(&text).unwrap(), plans);
    }

    #[test]
    fn a_status_that_is_not_one_of_the_six_names_its_line() {
        let text = "plan,theme,activity,lead,timescale,status,outcome,last_update\n\
                    P,T,A,L,July 2013,Purple,O,\n";
        assert_eq!(
            read_actions(text).unwrap_err(),
            "line 2, status: 'Purple' is not Red, Amber, Green, Completed, Ongoing or Completed \
             and ongoing"
        );
    }

    #[test]
    fn headers_are_read_in_any_order_and_spelling() {
        let text = "Status,Plan,Theme,Activity,Lead,Time scale,Outcome,Last Update\n\
                    Green,P,T,A,L,July 2013,O,01/08/2013: started\n";
        let plans = read_actions(text).unwrap();
        let activity = &plans.plans[0].themes[0].activities[0];
        assert_eq!(activity.status, Status::Green);
        assert_eq!(activity.timescale, Some(Timescale::Month(2013, 7)));
        assert_eq!(
            activity.last_update().as_deref(),
            Some("01/08/2013: started")
        );
    }
}
