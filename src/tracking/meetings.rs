//! The tracking meeting's record: each meeting's date and attendees, and for each child
//! discussed the questions of the "Adoption Tracking Outcome" form (the Sheffield City Council
//! scrutiny report, 2015, Appendix 4) with the actions agreed. Open actions carry forward to
//! the next meeting and are overdue after their date. Pure: the reducer and the screens call
//! these; the native tests check them.

use super::questions::OutcomeEdit;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Every meeting kept, oldest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Meetings {
    /// The meetings.
    pub meetings: Vec<Meeting>,
}

/// One tracking meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// The day it was held; also its key (one meeting a day).
    pub date: NaiveDate,
    /// Who attended, as typed.
    #[serde(default)]
    pub attendees: String,
    /// The outcome recorded for each child discussed.
    #[serde(default)]
    pub outcomes: Vec<ChildOutcome>,
}

/// A yes / no answer that may not have been given.
pub type Answer = Option<bool>;

/// The "Adoption Tracking Outcome" form for one child at one meeting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChildOutcome {
    /// The case reference, unique within its authority only.
    pub child_id: String,
    /// The child's authority, by its number in the workspace (0, the first, left out when
    /// stored): two authorities' children with the same reference never share an outcome.
    /// Outcomes kept before authorities were told apart are the first authority's.
    #[serde(rename = "au", skip_serializing_if = "is_first")]
    pub authority: u32,
    /// 1.1.1 Current legal status.
    pub legal_status: String,
    /// 1.1.2 Additional steps to family-find.
    pub family_finding_steps: String,
    /// 1.1.3 Changes needed in the Child Permanence Report.
    pub cpr_changes: String,
    /// 1.1.4 Has the Child Permanence Report been updated?
    pub cpr_updated: Answer,
    /// 1.1.5 Does adoption remain the plan?
    pub adoption_remains_plan: Answer,
    /// 1.1.6 Does the SHOBPA decision remain appropriate?
    pub shobpa_remains_appropriate: Answer,
    /// 1.1.7 Does the placement order remain appropriate?
    pub placement_order_remains_appropriate: Answer,
    /// 1.1.8 Discussion.
    pub discussion: String,
    /// 1.1.9 Other relevant information.
    pub other_information: String,
    /// 1.1.10 Actions.
    pub actions: Vec<MeetingAction>,
    /// 1.1.11 Inform adoption business support?
    pub inform_business_support: Answer,
}

/// Whether an authority number is the first authority's, left out when stored so that a
/// workspace of one authority keeps its outcomes as before.
fn is_first(authority: &u32) -> bool {
    *authority == 0
}

/// One action agreed at a meeting.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingAction {
    /// What is to be done.
    pub what: String,
    /// Who does it.
    pub owner: String,
    /// By when.
    pub due: Option<NaiveDate>,
    /// Whether it is done.
    pub done: bool,
    /// The action plan activity it belongs to, if any: it then appears under that activity
    /// too.
    pub activity: Option<ActivityRef>,
}

/// An activity of an action plan: the plan's title, the theme's and the activity's places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRef {
    /// The plan's title.
    pub plan: String,
    /// The theme's place (from 0).
    pub theme: usize,
    /// The activity's place in the theme (from 0).
    pub index: usize,
}

impl Meetings {
    /// Every action agreed for the plan activity `activity`, with its meeting's day, the
    /// child's authority and the child.
    pub fn actions_for(
        &self,
        activity: &ActivityRef,
    ) -> Vec<(NaiveDate, u32, String, MeetingAction)> {
        let mut out = Vec::new();
        for meeting in &self.meetings {
            for outcome in &meeting.outcomes {
                for action in &outcome.actions {
                    if action.activity.as_ref() == Some(activity) {
                        out.push((
                            meeting.date,
                            outcome.authority,
                            outcome.child_id.clone(),
                            action.clone(),
                        ));
                    }
                }
            }
        }
        out
    }
}

impl ChildOutcome {
    /// Whether this is the outcome of `authority`'s child `child_id`.
    pub fn is_for(&self, authority: u32, child_id: &str) -> bool {
        self.authority == authority && self.child_id == child_id
    }
}

/// An open action, wherever it was agreed.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenAction {
    /// The meeting it was agreed at.
    pub meeting: NaiveDate,
    /// The child's authority (see [`ChildOutcome::authority`]).
    pub authority: u32,
    /// The child it is for.
    pub child_id: String,
    /// Its place in that child's actions at that meeting.
    pub index: usize,
    /// The action.
    pub action: MeetingAction,
    /// Whether its date has passed on the as-of date.
    pub overdue: bool,
}

impl OpenAction {
    /// Where it stands on `as_of`, in words (never colour alone): "overdue by 18 days (due
    /// 10/07/2015)", "due 10/07/2015", "no date set".
    pub fn status_words(&self, as_of: NaiveDate) -> String {
        action_status(&self.action, as_of)
    }
}

/// Where an action stands on `as_of`, in words: "done", "overdue by 18 days (due
/// 10/07/2015)", "overdue by 1 day (due 27/07/2015)", "due 10/07/2015", "no date set".
pub fn action_status(action: &MeetingAction, as_of: NaiveDate) -> String {
    use scorecard::dates::format_uk;
    match action.due {
        _ if action.done => "done".to_string(),
        Some(due) if as_of > due => {
            let late = (as_of - due).num_days();
            format!(
                "overdue by {late} {} (due {})",
                if late == 1 { "day" } else { "days" },
                format_uk(due)
            )
        }
        Some(due) => format!("due {}", format_uk(due)),
        None => "no date set".to_string(),
    }
}

impl Meetings {
    /// The meeting held on `date`, if any.
    pub fn on(&self, date: NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.date == date)
    }

    /// Adds a meeting (or renames the attendees of the one held that day), oldest first.
    pub fn hold(&mut self, date: NaiveDate, attendees: String) {
        match self.meetings.iter_mut().find(|m| m.date == date) {
            Some(m) => m.attendees = attendees,
            None => {
                self.meetings.push(Meeting {
                    date,
                    attendees,
                    outcomes: Vec::new(),
                });
                scorecard::sorting::sort_by_key(&mut self.meetings, |m| m.date);
            }
        }
    }

    /// Keeps `outcome` for its child (of its authority) at the meeting of `date`, replacing
    /// an earlier one.
    pub fn record(&mut self, date: NaiveDate, outcome: ChildOutcome) {
        let Some(meeting) = self.meetings.iter_mut().find(|m| m.date == date) else {
            return;
        };
        match meeting
            .outcomes
            .iter_mut()
            .find(|o| o.is_for(outcome.authority, &outcome.child_id))
        {
            Some(slot) => *slot = outcome,
            None => meeting.outcomes.push(outcome),
        }
    }

    /// Makes one change to the outcome of `authority`'s child `child_id` at the meeting of
    /// `date`, starting the outcome when the child has none yet. An outcome left with nothing
    /// in it is removed, so the minutes list only the children something was recorded for.
    /// Nothing happens when no meeting was held that day.
    pub fn edit_outcome(
        &mut self,
        date: NaiveDate,
        authority: u32,
        child_id: &str,
        edit: OutcomeEdit,
    ) {
        let Some(meeting) = self.meetings.iter_mut().find(|m| m.date == date) else {
            return;
        };
        let empty = ChildOutcome {
            child_id: child_id.to_string(),
            authority,
            ..ChildOutcome::default()
        };
        let at = match meeting
            .outcomes
            .iter()
            .position(|o| o.is_for(authority, child_id))
        {
            Some(at) => at,
            None => {
                meeting.outcomes.push(empty.clone());
                meeting.outcomes.len() - 1
            }
        };
        edit.apply(&mut meeting.outcomes[at]);
        if meeting.outcomes[at] == empty {
            meeting.outcomes.remove(at);
        }
    }

    /// Marks one action of `authority`'s child `child_id` done or not done.
    pub fn set_done(
        &mut self,
        date: NaiveDate,
        authority: u32,
        child_id: &str,
        index: usize,
        done: bool,
    ) {
        if let Some(action) = self
            .meetings
            .iter_mut()
            .find(|m| m.date == date)
            .and_then(|m| {
                m.outcomes
                    .iter_mut()
                    .find(|o| o.is_for(authority, child_id))
            })
            .and_then(|o| o.actions.get_mut(index))
        {
            action.done = done;
        }
    }

    /// Every action not done, from every meeting, oldest first: they carry forward until they
    /// are done, and are overdue once `as_of` is after their date.
    pub fn open_actions(&self, as_of: NaiveDate) -> Vec<OpenAction> {
        let mut out = Vec::new();
        for meeting in &self.meetings {
            for outcome in &meeting.outcomes {
                for (index, action) in outcome.actions.iter().enumerate() {
                    if !action.done {
                        out.push(OpenAction {
                            meeting: meeting.date,
                            authority: outcome.authority,
                            child_id: outcome.child_id.clone(),
                            index,
                            action: action.clone(),
                            overdue: action.due.is_some_and(|d| as_of > d),
                        });
                    }
                }
            }
        }
        out
    }

    /// What earlier meetings recorded for `authority`'s child `child_id`, newest first.
    pub fn history(&self, authority: u32, child_id: &str) -> Vec<(NaiveDate, &ChildOutcome)> {
        let mut out: Vec<(NaiveDate, &ChildOutcome)> = self
            .meetings
            .iter()
            .filter_map(|m| {
                m.outcomes
                    .iter()
                    .find(|o| o.is_for(authority, child_id))
                    .map(|o| (m.date, o))
            })
            .collect();
        out.reverse();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn action(what: &str, due: NaiveDate) -> MeetingAction {
        MeetingAction {
            what: what.into(),
            owner: "Family finder".into(),
            due: Some(due),
            done: false,
            activity: None,
        }
    }

    #[test]
    fn open_actions_carry_forward_and_are_overdue_after_their_date() {
        let mut m = Meetings::default();
        m.hold(d(2015, 6, 30), "Service managers".into());
        m.record(
            d(2015, 6, 30),
            ChildOutcome {
                child_id: "C1".into(),
                discussion: "Two families interested".into(),
                actions: vec![
                    action("Visit the first family", d(2015, 7, 10)),
                    action("Update the CPR", d(2015, 8, 10)),
                ],
                ..ChildOutcome::default()
            },
        );
        m.hold(d(2015, 7, 28), "Service managers, family finders".into());
        // At the July meeting both are still open; the first is overdue (10/07 has passed).
        let open = m.open_actions(d(2015, 7, 28));
        assert_eq!(open.len(), 2);
        assert_eq!(
            (open[0].overdue, open[1].overdue),
            (true, false),
            "{open:?}"
        );
        // Done: it no longer carries forward.
        m.set_done(d(2015, 6, 30), 0, "C1", 0, true);
        let open = m.open_actions(d(2015, 7, 28));
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].action.what, "Update the CPR");
        // The child's history: June's outcome.
        m.record(
            d(2015, 7, 28),
            ChildOutcome {
                child_id: "C1".into(),
                discussion: "Matching panel booked".into(),
                ..ChildOutcome::default()
            },
        );
        let history = m.history(0, "C1");
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].0, d(2015, 7, 28));
        assert_eq!(history[1].1.discussion, "Two families interested");
        // Holding a meeting on a day already held changes its attendees, not the record.
        m.hold(d(2015, 6, 30), "Everyone".into());
        assert_eq!(m.meetings.len(), 2);
        assert_eq!(m.on(d(2015, 6, 30)).unwrap().outcomes.len(), 1);
    }
    #[test]
    fn each_answer_is_kept_as_it_is_given_and_an_emptied_outcome_goes() {
        use crate::tracking::questions::Question;
        let mut m = Meetings::default();
        // No meeting held that day: nothing to add to.
        m.edit_outcome(
            d(2015, 6, 30),
            0,
            "P1",
            OutcomeEdit::Text(Question::Discussion, "Lost?".into()),
        );
        assert!(m.meetings.is_empty());
        m.hold(d(2015, 6, 30), String::new());
        m.edit_outcome(
            d(2015, 6, 30),
            0,
            "P1",
            OutcomeEdit::Text(Question::Discussion, "Two families".into()),
        );
        m.edit_outcome(
            d(2015, 6, 30),
            0,
            "P1",
            OutcomeEdit::AddAction(action("Visit", d(2015, 7, 10))),
        );
        m.edit_outcome(
            d(2015, 6, 30),
            0,
            "P2",
            OutcomeEdit::Answer(Question::AdoptionPlan, Some(true)),
        );
        let meeting = m.on(d(2015, 6, 30)).unwrap();
        assert_eq!(meeting.outcomes.len(), 2);
        assert_eq!(meeting.outcomes[0].discussion, "Two families");
        assert_eq!(meeting.outcomes[0].actions[0].what, "Visit");
        assert_eq!(meeting.outcomes[1].adoption_remains_plan, Some(true));
        // P2's only answer taken back: nothing is left for P2, so P2 leaves the minutes.
        m.edit_outcome(
            d(2015, 6, 30),
            0,
            "P2",
            OutcomeEdit::Answer(Question::AdoptionPlan, None),
        );
        assert_eq!(m.on(d(2015, 6, 30)).unwrap().outcomes.len(), 1);
    }

    #[test]
    fn two_authorities_children_with_one_reference_never_share_an_outcome() {
        use crate::tracking::questions::Question;
        let mut m = Meetings::default();
        m.hold(d(2015, 6, 30), String::new());
        // Authority 0's C1 and authority 2's C1 are two children.
        m.edit_outcome(
            d(2015, 6, 30),
            0,
            "C1",
            OutcomeEdit::Text(Question::Discussion, "Sibling link found".into()),
        );
        m.edit_outcome(
            d(2015, 6, 30),
            2,
            "C1",
            OutcomeEdit::AddAction(action("Book the panel", d(2015, 7, 10))),
        );
        let meeting = m.on(d(2015, 6, 30)).unwrap();
        assert_eq!(meeting.outcomes.len(), 2);
        assert_eq!(m.history(0, "C1")[0].1.discussion, "Sibling link found");
        assert!(m.history(0, "C1")[0].1.actions.is_empty());
        assert_eq!(m.history(2, "C1")[0].1.discussion, "");
        assert_eq!(m.history(2, "C1")[0].1.actions[0].what, "Book the panel");
        assert!(m.history(1, "C1").is_empty());
        // The open action is authority 2's child's, and marking it done there touches only it.
        let open = m.open_actions(d(2015, 7, 28));
        assert_eq!(
            open.iter()
                .map(|a| (a.authority, a.child_id.as_str()))
                .collect::<Vec<_>>(),
            [(2, "C1")]
        );
        m.set_done(d(2015, 6, 30), 0, "C1", 0, true);
        assert_eq!(m.open_actions(d(2015, 7, 28)).len(), 1);
        m.set_done(d(2015, 6, 30), 2, "C1", 0, true);
        assert!(m.open_actions(d(2015, 7, 28)).is_empty());
    }

    #[test]
    fn an_outcome_kept_before_authorities_is_the_first_authoritys() {
        // As a version 4 or 5 document kept it: no authority named.
        let stored = r#"{"meetings":[{"date":"2015-06-30","outcomes":[
            {"child_id":"C1","discussion":"Two families"}]}]}"#;
        let m: Meetings = serde_json::from_str(stored).unwrap();
        assert_eq!(m.history(0, "C1")[0].1.discussion, "Two families");
        assert!(m.history(1, "C1").is_empty());
        // Written back, the first authority's outcome names no authority; another's does.
        let mut m = m;
        m.edit_outcome(
            d(2015, 6, 30),
            1,
            "C1",
            OutcomeEdit::Text(
                crate::tracking::questions::Question::Discussion,
                "Matched".into(),
            ),
        );
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(text.matches("\"au\"").count(), 1, "{text}");
        assert!(text.contains("\"au\":1"), "{text}");
    }

    #[test]
    fn an_action_says_in_words_whether_it_is_overdue() {
        let visit = action("Visit", d(2015, 7, 10));
        // 10/07 to 28/07/2015: 18 days.
        assert_eq!(
            action_status(&visit, d(2015, 7, 28)),
            "overdue by 18 days (due 10/07/2015)"
        );
        assert_eq!(
            action_status(&visit, d(2015, 7, 11)),
            "overdue by 1 day (due 10/07/2015)"
        );
        // On its date it is not yet late.
        assert_eq!(action_status(&visit, d(2015, 7, 10)), "due 10/07/2015");
        let done = MeetingAction {
            done: true,
            ..visit.clone()
        };
        assert_eq!(action_status(&done, d(2015, 7, 28)), "done");
        let undated = MeetingAction { due: None, ..visit };
        assert_eq!(action_status(&undated, d(2015, 7, 28)), "no date set");
    }
}
