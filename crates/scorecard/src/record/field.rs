//! The fields of a child record by the names files use: the CSV columns, the labels the
//! screens and messages use, and which fields are dates.

use std::fmt;

/// A field of a child record, named as in the CSV header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Field {
    ChildId,
    EnteredCare,
    ShobpaDecision,
    PlacementOrder,
    Matched,
    Placed,
    FosterCarerAdoption,
    FosterPlacementStart,
    AdoptionOrder,
    LeftRoute,
    ExpectedMatch,
    ExpectedPlaced,
    ExpectedAdoptionOrder,
    PlanAdoption,
    PackSent,
    PackReturned,
    PrioritisationMeeting,
    AdoptionMedical,
    ChildPermanenceReport,
    ParReceived,
    ParDecision,
    AdoptersVisit,
    AnnexA,
    LaterLifeLetter,
    AoApplication,
    FamilyFinder,
}

impl Field {
    /// Every field, in the order of the CSV format.
    pub const ALL: [Field; 26] = [
        Field::ChildId,
        Field::EnteredCare,
        Field::ShobpaDecision,
        Field::PlacementOrder,
        Field::Matched,
        Field::Placed,
        Field::FosterCarerAdoption,
        Field::FosterPlacementStart,
        Field::AdoptionOrder,
        Field::LeftRoute,
        Field::ExpectedMatch,
        Field::ExpectedPlaced,
        Field::ExpectedAdoptionOrder,
        Field::PlanAdoption,
        Field::PackSent,
        Field::PackReturned,
        Field::PrioritisationMeeting,
        Field::AdoptionMedical,
        Field::ChildPermanenceReport,
        Field::ParReceived,
        Field::ParDecision,
        Field::AdoptersVisit,
        Field::AnnexA,
        Field::LaterLifeLetter,
        Field::AoApplication,
        Field::FamilyFinder,
    ];

    /// The milestones the tracking meeting follows, in the order of the route.
    pub const TRACKING: [Field; 12] = [
        Field::PlanAdoption,
        Field::PackSent,
        Field::PackReturned,
        Field::PrioritisationMeeting,
        Field::AdoptionMedical,
        Field::ChildPermanenceReport,
        Field::ParReceived,
        Field::ParDecision,
        Field::AdoptersVisit,
        Field::AnnexA,
        Field::LaterLifeLetter,
        Field::AoApplication,
    ];

    /// The date fields, in the order of the CSV format.
    pub const DATES: [Field; 23] = [
        Field::EnteredCare,
        Field::ShobpaDecision,
        Field::PlacementOrder,
        Field::Matched,
        Field::Placed,
        Field::FosterPlacementStart,
        Field::AdoptionOrder,
        Field::LeftRoute,
        Field::ExpectedMatch,
        Field::ExpectedPlaced,
        Field::ExpectedAdoptionOrder,
        Field::PlanAdoption,
        Field::PackSent,
        Field::PackReturned,
        Field::PrioritisationMeeting,
        Field::AdoptionMedical,
        Field::ChildPermanenceReport,
        Field::ParReceived,
        Field::ParDecision,
        Field::AdoptersVisit,
        Field::AnnexA,
        Field::LaterLifeLetter,
        Field::AoApplication,
    ];

    /// The column name in the CSV format, e.g. `placement_order`.
    pub fn column(self) -> &'static str {
        match self {
            Field::ChildId => "child_id",
            Field::EnteredCare => "entered_care",
            Field::ShobpaDecision => "shobpa_decision",
            Field::PlacementOrder => "placement_order",
            Field::Matched => "matched",
            Field::Placed => "placed",
            Field::FosterCarerAdoption => "foster_carer_adoption",
            Field::FosterPlacementStart => "foster_placement_start",
            Field::AdoptionOrder => "adoption_order",
            Field::LeftRoute => "left_route",
            Field::ExpectedMatch => "expected_match",
            Field::ExpectedPlaced => "expected_placed",
            Field::ExpectedAdoptionOrder => "expected_adoption_order",
            Field::PlanAdoption => "plan_adoption",
            Field::PackSent => "pack_sent",
            Field::PackReturned => "pack_returned",
            Field::PrioritisationMeeting => "prioritisation_meeting",
            Field::AdoptionMedical => "adoption_medical",
            Field::ChildPermanenceReport => "child_permanence_report",
            Field::ParReceived => "par_received",
            Field::ParDecision => "par_decision",
            Field::AdoptersVisit => "adopters_visit",
            Field::AnnexA => "annex_a",
            Field::LaterLifeLetter => "later_life_letter",
            Field::AoApplication => "ao_application",
            Field::FamilyFinder => "family_finder",
        }
    }

    /// The label a person reads, e.g. "placement order".
    pub fn label(self) -> &'static str {
        match self {
            Field::ChildId => "case reference",
            Field::EnteredCare => "entered care",
            Field::ShobpaDecision => "SHOBPA decision",
            Field::PlacementOrder => "placement order",
            Field::Matched => "matched",
            Field::Placed => "placed",
            Field::FosterCarerAdoption => "foster carer adoption",
            Field::FosterPlacementStart => "foster placement start",
            Field::AdoptionOrder => "adoption order",
            Field::LeftRoute => "left the adoption route",
            Field::ExpectedMatch => "expected match",
            Field::ExpectedPlaced => "expected placed",
            Field::ExpectedAdoptionOrder => "expected adoption order",
            Field::PlanAdoption => "adoption became the plan",
            Field::PackSent => "initial adoption pack sent",
            Field::PackReturned => "initial adoption pack returned",
            Field::PrioritisationMeeting => "prioritisation meeting",
            Field::AdoptionMedical => "adoption medical",
            Field::ChildPermanenceReport => "Child Permanence Report",
            Field::ParReceived => "prospective adopter's report received",
            Field::ParDecision => "decision to proceed with the prospective family",
            Field::AdoptersVisit => "visit to the adopters",
            Field::AnnexA => "Annex A report",
            Field::LaterLifeLetter => "later life letter",
            Field::AoApplication => "adoption order application",
            Field::FamilyFinder => "family finder",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
