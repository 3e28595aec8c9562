//! What the authority knows about each child, and about years with no child-level data.

use crate::dates::FinancialYear;
use chrono::NaiveDate;

mod field;
pub use field::Field;

/// One child's journey through the adoption route, identified by a case reference, never a
/// name. Every date but `entered_care` may be missing: a missing date means "not yet".
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct ChildRecord {
    /// The case reference (`child_id` in files), unique within the authority's data.
    pub child_id: String,
    /// Which authority of a regional adoption agency the child belongs to, by the
    /// authority's stable number in the workspace (0, the first authority, is left out when
    /// stored). Case references are unique within an authority, not across them.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "au", skip_serializing_if = "is_first")
    )]
    pub authority: u32,
    /// The day the child became looked after: where A1 and A3 start counting.
    #[cfg_attr(feature = "serde", serde(rename = "ec", alias = "entered_care"))]
    pub entered_care: NaiveDate,
    /// The agency decision maker's "should be placed for adoption" decision.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "sd", alias = "shobpa_decision"))]
    pub shobpa_decision: Option<NaiveDate>,
    /// The court's authority to place (the placement order): where A2 starts counting.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "po", alias = "placement_order"))]
    pub placement_order: Option<NaiveDate>,
    /// The decision on a match to an adoptive family: where A2 stops counting.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "m", alias = "matched"))]
    pub matched: Option<NaiveDate>,
    /// The child moved in with the adoptive family: where A1 and A3 stop counting.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "p", alias = "placed"))]
    pub placed: Option<NaiveDate>,
    /// Adopted by the child's own foster carers (A10 then stops at the foster placement).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    #[cfg_attr(
        feature = "serde",
        serde(rename = "fca", alias = "foster_carer_adoption")
    )]
    pub foster_carer_adoption: bool,
    /// For a foster-carer adoption: the day the child moved in with those carers as a
    /// foster placement.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        feature = "serde",
        serde(rename = "fps", alias = "foster_placement_start")
    )]
    pub foster_placement_start: Option<NaiveDate>,
    /// The adoption order: the child counts in the financial year it is granted.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "ao", alias = "adoption_order"))]
    pub adoption_order: Option<NaiveDate>,
    /// The plan changed away from adoption; the child leaves every figure.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "lr", alias = "left_route"))]
    pub left_route: Option<NaiveDate>,
    /// A manager's expected date of match, used for projection until the real one is known.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "em", alias = "expected_match"))]
    pub expected_match: Option<NaiveDate>,
    /// A manager's expected date of moving in, used for projection.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "ep", alias = "expected_placed"))]
    pub expected_placed: Option<NaiveDate>,
    /// A manager's expected date of the adoption order, used for projection.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        feature = "serde",
        serde(rename = "eao", alias = "expected_adoption_order")
    )]
    pub expected_adoption_order: Option<NaiveDate>,
    /// The milestones the monthly tracking meeting follows, beside those the scorecard reads.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "TrackingDates::is_empty")
    )]
    #[cfg_attr(feature = "serde", serde(rename = "t", alias = "tracking"))]
    pub tracking: TrackingDates,
}

/// The milestones of a child's journey that the monthly tracking meeting follows (the
/// "Adoption Milestones" form of the Sheffield City Council scrutiny report, 2015), beside
/// those the scorecard itself reads. Every one is optional: missing means "not yet".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct TrackingDates {
    /// Who is finding the child a family (the agenda can be filtered by it).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "String::is_empty"))]
    #[cfg_attr(feature = "serde", serde(rename = "ff", alias = "family_finder"))]
    pub family_finder: String,
    /// Adoption became the plan.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "pa", alias = "plan_adoption"))]
    pub plan_adoption: Option<NaiveDate>,
    /// The initial adoption pack was sent to the social worker.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "ps", alias = "pack_sent"))]
    pub pack_sent: Option<NaiveDate>,
    /// The pack came back (due within 20 working days).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "pr", alias = "pack_returned"))]
    pub pack_returned: Option<NaiveDate>,
    /// The prioritisation meeting.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        feature = "serde",
        serde(rename = "pm", alias = "prioritisation_meeting")
    )]
    pub prioritisation_meeting: Option<NaiveDate>,
    /// The adoption medical.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "am", alias = "adoption_medical"))]
    pub adoption_medical: Option<NaiveDate>,
    /// The Child Permanence Report.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(
        feature = "serde",
        serde(rename = "cpr", alias = "child_permanence_report")
    )]
    pub child_permanence_report: Option<NaiveDate>,
    /// The prospective adopter's report (PAR) was received.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "parr", alias = "par_received"))]
    pub par_received: Option<NaiveDate>,
    /// The decision to proceed with the prospective family (due within 5 working days of the
    /// PAR).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "pard", alias = "par_decision"))]
    pub par_decision: Option<NaiveDate>,
    /// The visit to the adopters (due within 5 working days of the decision).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "av", alias = "adopters_visit"))]
    pub adopters_visit: Option<NaiveDate>,
    /// The Annex A report (due within 4 weeks of placement).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "aa", alias = "annex_a"))]
    pub annex_a: Option<NaiveDate>,
    /// The later life letter (due within 4 weeks of placement).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "lll", alias = "later_life_letter"))]
    pub later_life_letter: Option<NaiveDate>,
    /// The adoption order application (due within 11 weeks of placement).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(feature = "serde", serde(rename = "aoa", alias = "ao_application"))]
    pub ao_application: Option<NaiveDate>,
}

/// The short names a child's fields are stored under (in the browser and in backups), with
/// the names files and screens use. Stored documents are read with either name, so a document
/// written before the short names still opens.
pub const STORED_NAMES: [(&str, &str); 26] = [
    ("ec", "entered_care"),
    ("sd", "shobpa_decision"),
    ("po", "placement_order"),
    ("m", "matched"),
    ("p", "placed"),
    ("fca", "foster_carer_adoption"),
    ("fps", "foster_placement_start"),
    ("ao", "adoption_order"),
    ("lr", "left_route"),
    ("em", "expected_match"),
    ("ep", "expected_placed"),
    ("eao", "expected_adoption_order"),
    ("t", "tracking"),
    ("ff", "family_finder"),
    ("pa", "plan_adoption"),
    ("ps", "pack_sent"),
    ("pr", "pack_returned"),
    ("pm", "prioritisation_meeting"),
    ("am", "adoption_medical"),
    ("cpr", "child_permanence_report"),
    ("parr", "par_received"),
    ("pard", "par_decision"),
    ("av", "adopters_visit"),
    ("aa", "annex_a"),
    ("lll", "later_life_letter"),
    ("aoa", "ao_application"),
];

impl TrackingDates {
    /// Whether no tracking milestone is recorded and no family finder named: a stored record
    /// then leaves the whole group out.
    pub fn is_empty(&self) -> bool {
        *self == TrackingDates::default()
    }
}

/// Whether an authority number is the first authority's (0), which is left out when stored so
/// that a workspace of one authority is stored as before authorities were added.
#[cfg(feature = "serde")]
fn is_first(authority: &u32) -> bool {
    *authority == 0
}

impl Default for ChildRecord {
    fn default() -> Self {
        ChildRecord {
            child_id: String::new(),
            authority: 0,
            entered_care: NaiveDate::MIN,
            shobpa_decision: None,
            placement_order: None,
            matched: None,
            placed: None,
            foster_carer_adoption: false,
            foster_placement_start: None,
            adoption_order: None,
            left_route: None,
            expected_match: None,
            expected_placed: None,
            expected_adoption_order: None,
            tracking: TrackingDates::default(),
        }
    }
}

impl ChildRecord {
    /// A child with only a reference and the date they entered care.
    pub fn new(child_id: impl Into<String>, entered_care: NaiveDate) -> ChildRecord {
        ChildRecord {
            child_id: child_id.into(),
            entered_care,
            ..ChildRecord::default()
        }
    }

    /// Whether the child is adopted (has an adoption order).
    pub fn is_adopted(&self) -> bool {
        self.adoption_order.is_some()
    }

    /// Whether the child is still in the pipeline: not adopted and not left the route.
    pub fn is_in_pipeline(&self) -> bool {
        self.adoption_order.is_none() && self.left_route.is_none()
    }

    /// The value of one date field.
    pub fn date(&self, field: Field) -> Option<NaiveDate> {
        match field {
            Field::ChildId | Field::FosterCarerAdoption | Field::FamilyFinder => None,
            Field::EnteredCare => Some(self.entered_care),
            Field::ShobpaDecision => self.shobpa_decision,
            Field::PlacementOrder => self.placement_order,
            Field::Matched => self.matched,
            Field::Placed => self.placed,
            Field::FosterPlacementStart => self.foster_placement_start,
            Field::AdoptionOrder => self.adoption_order,
            Field::LeftRoute => self.left_route,
            Field::ExpectedMatch => self.expected_match,
            Field::ExpectedPlaced => self.expected_placed,
            Field::ExpectedAdoptionOrder => self.expected_adoption_order,
            Field::PlanAdoption => self.tracking.plan_adoption,
            Field::PackSent => self.tracking.pack_sent,
            Field::PackReturned => self.tracking.pack_returned,
            Field::PrioritisationMeeting => self.tracking.prioritisation_meeting,
            Field::AdoptionMedical => self.tracking.adoption_medical,
            Field::ChildPermanenceReport => self.tracking.child_permanence_report,
            Field::ParReceived => self.tracking.par_received,
            Field::ParDecision => self.tracking.par_decision,
            Field::AdoptersVisit => self.tracking.adopters_visit,
            Field::AnnexA => self.tracking.annex_a,
            Field::LaterLifeLetter => self.tracking.later_life_letter,
            Field::AoApplication => self.tracking.ao_application,
        }
    }

    /// Sets one date field (`EnteredCare` is only changed by `Some`).
    pub fn set_date(&mut self, field: Field, value: Option<NaiveDate>) {
        match field {
            Field::ChildId | Field::FosterCarerAdoption | Field::FamilyFinder => {}
            Field::EnteredCare => {
                if let Some(v) = value {
                    self.entered_care = v
                }
            }
            Field::ShobpaDecision => self.shobpa_decision = value,
            Field::PlacementOrder => self.placement_order = value,
            Field::Matched => self.matched = value,
            Field::Placed => self.placed = value,
            Field::FosterPlacementStart => self.foster_placement_start = value,
            Field::AdoptionOrder => self.adoption_order = value,
            Field::LeftRoute => self.left_route = value,
            Field::ExpectedMatch => self.expected_match = value,
            Field::ExpectedPlaced => self.expected_placed = value,
            Field::ExpectedAdoptionOrder => self.expected_adoption_order = value,
            Field::PlanAdoption => self.tracking.plan_adoption = value,
            Field::PackSent => self.tracking.pack_sent = value,
            Field::PackReturned => self.tracking.pack_returned = value,
            Field::PrioritisationMeeting => self.tracking.prioritisation_meeting = value,
            Field::AdoptionMedical => self.tracking.adoption_medical = value,
            Field::ChildPermanenceReport => self.tracking.child_permanence_report = value,
            Field::ParReceived => self.tracking.par_received = value,
            Field::ParDecision => self.tracking.par_decision = value,
            Field::AdoptersVisit => self.tracking.adopters_visit = value,
            Field::AnnexA => self.tracking.annex_a = value,
            Field::LaterLifeLetter => self.tracking.later_life_letter = value,
            Field::AoApplication => self.tracking.ao_application = value,
        }
    }
}

/// Published figures for a financial year with no child-level data.
///
/// A year's figures come from one source: where a year has both child records and an
/// aggregate, the aggregate is used (it covers every child adopted that year) and the
/// validation names the year.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct YearAggregate {
    /// The financial year the figures are for.
    pub year: FinancialYear,
    /// Which authority of the workspace the figures are for (see [`ChildRecord::authority`]);
    /// left out when stored for the first authority.
    #[cfg_attr(
        feature = "serde",
        serde(default, rename = "au", skip_serializing_if = "is_first")
    )]
    pub authority: u32,
    /// Children adopted in the year (the A1 and A3 denominator).
    pub adopted: u32,
    /// Mean days from entering care to moving in (A1), over the children adopted.
    pub a1_average_days: f64,
    /// Children counted in A2 (those with a placement order).
    pub a2_children: u32,
    /// Mean days from placement order to match (A2), over `a2_children`.
    pub a2_average_days: Option<f64>,
    /// Children who moved in less than 14 months after entering care (A3 count).
    pub a3_under_14_months: u32,
    /// Mean A10 days, where published.
    pub a10_average_days: Option<f64>,
}
