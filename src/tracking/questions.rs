//! The eleven questions of the "Adoption Tracking Outcome" form (the Sheffield City Council
//! scrutiny report, 2015, Appendix 4), in their numbered order, and the edits a manager makes
//! to one child's answers. One list, read by the form and by the minutes alike, so that both
//! keep the form's order (1.1.1 to 1.1.11) and neither can leave a question out.

use super::meetings::{Answer, ChildOutcome, MeetingAction};
use serde::{Deserialize, Serialize};

/// One question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Question {
    /// 1.1.1 Current legal status.
    LegalStatus,
    /// 1.1.2 Additional steps to family-find.
    FamilyFinding,
    /// 1.1.3 Changes needed in the Child Permanence Report.
    CprChanges,
    /// 1.1.4 Has the Child Permanence Report been updated?
    CprUpdated,
    /// 1.1.5 Does adoption remain the plan?
    AdoptionPlan,
    /// 1.1.6 Does the SHOBPA decision remain appropriate?
    Shobpa,
    /// 1.1.7 Does the placement order remain appropriate?
    PlacementOrder,
    /// 1.1.8 Discussion.
    Discussion,
    /// 1.1.9 Other relevant information.
    OtherInformation,
    /// 1.1.10 Actions.
    Actions,
    /// 1.1.11 Inform adoption business support?
    BusinessSupport,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// In words.
    Text,
    /// Yes, no, or not answered.
    YesNo,
    /// A list of actions.
    Actions,
}

impl Question {
    /// Every question, in the form's numbered order.
    pub const ALL: [Question; 11] = [
        Question::LegalStatus,
        Question::FamilyFinding,
        Question::CprChanges,
        Question::CprUpdated,
        Question::AdoptionPlan,
        Question::Shobpa,
        Question::PlacementOrder,
        Question::Discussion,
        Question::OtherInformation,
        Question::Actions,
        Question::BusinessSupport,
    ];

    /// Its number on the form, "1.1.1" to "1.1.11".
    pub fn number(self) -> String {
        let place = Question::ALL.iter().position(|q| *q == self).unwrap_or(0);
        format!("1.1.{}", place + 1)
    }

    /// The question as the form words it.
    pub fn text(self) -> &'static str {
        match self {
            Question::LegalStatus => "Current legal status",
            Question::FamilyFinding => "Additional steps to family-find",
            Question::CprChanges => "Changes needed in the Child Permanence Report",
            Question::CprUpdated => "Has the Child Permanence Report been updated?",
            Question::AdoptionPlan => "Does adoption remain the plan?",
            Question::Shobpa => "Does the SHOBPA decision remain appropriate?",
            Question::PlacementOrder => "Does the placement order remain appropriate?",
            Question::Discussion => "Discussion",
            Question::OtherInformation => "Other relevant information",
            Question::Actions => "Actions",
            Question::BusinessSupport => "Inform adoption business support?",
        }
    }

    /// "1.1.8 Discussion": the label on the form and in the minutes.
    pub fn label(self) -> String {
        format!("{} {}", self.number(), self.text())
    }

    /// A short name for element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Question::LegalStatus => "legal-status",
            Question::FamilyFinding => "family-finding",
            Question::CprChanges => "cpr-changes",
            Question::CprUpdated => "cpr-updated",
            Question::AdoptionPlan => "adoption-plan",
            Question::Shobpa => "shobpa",
            Question::PlacementOrder => "placement-order",
            Question::Discussion => "discussion",
            Question::OtherInformation => "other",
            Question::Actions => "actions",
            Question::BusinessSupport => "business-support",
        }
    }

    /// How it is answered.
    pub fn kind(self) -> Kind {
        match self {
            Question::LegalStatus
            | Question::FamilyFinding
            | Question::CprChanges
            | Question::Discussion
            | Question::OtherInformation => Kind::Text,
            Question::Actions => Kind::Actions,
            _ => Kind::YesNo,
        }
    }

    /// The answer in words, for a question answered in words (`None` for the others).
    pub fn text_of(self, o: &ChildOutcome) -> Option<&str> {
        Some(match self {
            Question::LegalStatus => &o.legal_status,
            Question::FamilyFinding => &o.family_finding_steps,
            Question::CprChanges => &o.cpr_changes,
            Question::Discussion => &o.discussion,
            Question::OtherInformation => &o.other_information,
            _ => return None,
        })
    }

    /// The yes / no answer, for a yes / no question (`None` for the others).
    pub fn answer_of(self, o: &ChildOutcome) -> Option<Answer> {
        Some(match self {
            Question::CprUpdated => o.cpr_updated,
            Question::AdoptionPlan => o.adoption_remains_plan,
            Question::Shobpa => o.shobpa_remains_appropriate,
            Question::PlacementOrder => o.placement_order_remains_appropriate,
            Question::BusinessSupport => o.inform_business_support,
            _ => return None,
        })
    }

    fn set_text(self, o: &mut ChildOutcome, text: String) {
        let slot = match self {
            Question::LegalStatus => &mut o.legal_status,
            Question::FamilyFinding => &mut o.family_finding_steps,
            Question::CprChanges => &mut o.cpr_changes,
            Question::Discussion => &mut o.discussion,
            Question::OtherInformation => &mut o.other_information,
            _ => return,
        };
        *slot = text;
    }

    fn set_answer(self, o: &mut ChildOutcome, answer: Answer) {
        let slot = match self {
            Question::CprUpdated => &mut o.cpr_updated,
            Question::AdoptionPlan => &mut o.adoption_remains_plan,
            Question::Shobpa => &mut o.shobpa_remains_appropriate,
            Question::PlacementOrder => &mut o.placement_order_remains_appropriate,
            Question::BusinessSupport => &mut o.inform_business_support,
            _ => return,
        };
        *slot = answer;
    }
}

/// One change to a child's outcome, as the manager makes it: one answer at a time, so that
/// two quick changes never undo each other through a stale copy of the whole form.
#[derive(Debug, Clone, PartialEq)]
pub enum OutcomeEdit {
    /// A question answered in words, as typed.
    Text(Question, String),
    /// A yes / no question answered (`None`: not answered).
    Answer(Question, Answer),
    /// An action agreed.
    AddAction(MeetingAction),
    /// The action at this place changed from `was` (as the form last saw it) to `now`; an
    /// empty `now` takes it away. When the action there is no longer `was` (another tab added
    /// one before it), `was` is looked for elsewhere; when it is nowhere (undone, or changed in
    /// another tab), `now` is added, so that what was typed is never lost.
    EditAction {
        /// Its place among the child's actions at this meeting.
        index: usize,
        /// The action as the form last saw it.
        was: MeetingAction,
        /// The action as it is now.
        now: MeetingAction,
    },
}

impl OutcomeEdit {
    /// Applies the edit to `outcome`.
    pub fn apply(self, outcome: &mut ChildOutcome) {
        match self {
            OutcomeEdit::Text(q, text) => q.set_text(outcome, text),
            OutcomeEdit::Answer(q, answer) => q.set_answer(outcome, answer),
            OutcomeEdit::AddAction(action) => outcome.actions.push(action),
            OutcomeEdit::EditAction { index, was, now } => {
                // Where the form saw it, or wherever it went since.
                let at = match outcome.actions.get(index) {
                    Some(a) if *a == was => Some(index),
                    _ => outcome.actions.iter().rposition(|a| *a == was),
                };
                match at {
                    Some(at) if now == MeetingAction::default() => {
                        outcome.actions.remove(at);
                    }
                    Some(at) => outcome.actions[at] = now,
                    None if now == MeetingAction::default() => {}
                    None => outcome.actions.push(now),
                }
            }
        }
    }

    /// What the edit did, for the undo button: "typed in 1.1.8 Discussion for child P1".
    pub fn describe(&self, child_id: &str) -> String {
        match self {
            OutcomeEdit::Text(q, _) => format!("typed in {} for child {child_id}", q.label()),
            OutcomeEdit::Answer(q, _) => format!("answered {} for child {child_id}", q.label()),
            OutcomeEdit::AddAction(_) => format!("added an action for child {child_id}"),
            OutcomeEdit::EditAction { .. } => format!("changed an action for child {child_id}"),
        }
    }

    /// Whether a run of these edits, one after another, is one step to undo: typing in one
    /// box, kept as it is typed, or filling in one action.
    pub fn is_typing(&self) -> bool {
        matches!(self, OutcomeEdit::Text(..) | OutcomeEdit::EditAction { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_questions_are_numbered_in_the_forms_order() {
        let labels: Vec<String> = Question::ALL.iter().map(|q| q.label()).collect();
        assert_eq!(
            labels,
            [
                "1.1.1 Current legal status",
                "1.1.2 Additional steps to family-find",
                "1.1.3 Changes needed in the Child Permanence Report",
                "1.1.4 Has the Child Permanence Report been updated?",
                "1.1.5 Does adoption remain the plan?",
                "1.1.6 Does the SHOBPA decision remain appropriate?",
                "1.1.7 Does the placement order remain appropriate?",
                "1.1.8 Discussion",
                "1.1.9 Other relevant information",
                "1.1.10 Actions",
                "1.1.11 Inform adoption business support?",
            ]
        );
    }

    #[test]
    fn each_question_reads_and_writes_its_own_answer() {
        let mut o = ChildOutcome::default();
        for (i, q) in Question::ALL.iter().enumerate() {
            match q.kind() {
                Kind::Text => OutcomeEdit::Text(*q, format!("answer {i}")).apply(&mut o),
                Kind::YesNo => OutcomeEdit::Answer(*q, Some(i % 2 == 0)).apply(&mut o),
                Kind::Actions => {}
            }
        }
        for (i, q) in Question::ALL.iter().enumerate() {
            match q.kind() {
                Kind::Text => assert_eq!(q.text_of(&o), Some(format!("answer {i}").as_str())),
                Kind::YesNo => assert_eq!(q.answer_of(&o), Some(Some(i % 2 == 0))),
                Kind::Actions => assert_eq!((q.text_of(&o), q.answer_of(&o)), (None, None)),
            }
        }
        assert_eq!(o.legal_status, "answer 0");
        assert_eq!(o.discussion, "answer 7");
        // 1.1.4 is the fourth (place 3, odd: no), 1.1.5 the fifth (yes), 1.1.11 the last
        // (place 10: yes).
        assert_eq!(o.cpr_updated, Some(false));
        assert_eq!(o.adoption_remains_plan, Some(true));
        assert_eq!(o.inform_business_support, Some(true));
    }

    #[test]
    fn an_action_edited_after_it_was_taken_back_is_added_again_not_lost() {
        let first = MeetingAction {
            what: "Visit".into(),
            ..MeetingAction::default()
        };
        let mut o = ChildOutcome::default();
        OutcomeEdit::AddAction(first.clone()).apply(&mut o);
        let owned = MeetingAction {
            owner: "Family finder".into(),
            ..first.clone()
        };
        OutcomeEdit::EditAction {
            index: 0,
            was: first.clone(),
            now: owned.clone(),
        }
        .apply(&mut o);
        assert_eq!(o.actions, vec![owned.clone()]);
        // The form still thinks the action is `first`; it is `owned`: the edit is added.
        let dated = MeetingAction {
            due: chrono::NaiveDate::from_ymd_opt(2015, 7, 10),
            ..first.clone()
        };
        OutcomeEdit::EditAction {
            index: 0,
            was: first,
            now: dated.clone(),
        }
        .apply(&mut o);
        assert_eq!(o.actions, vec![owned.clone(), dated.clone()]);
        // Another action put in front of it (another tab): it is found where it went.
        o.actions.insert(0, MeetingAction::default());
        let signed = MeetingAction {
            owner: "Team manager".into(),
            ..dated.clone()
        };
        OutcomeEdit::EditAction {
            index: 1,
            was: dated.clone(),
            now: signed.clone(),
        }
        .apply(&mut o);
        assert_eq!(o.actions[2], signed);
        // Emptied: taken away.
        OutcomeEdit::EditAction {
            index: 2,
            was: signed,
            now: MeetingAction::default(),
        }
        .apply(&mut o);
        assert_eq!(o.actions, vec![MeetingAction::default(), owned]);
    }
}
