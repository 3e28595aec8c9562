//! The monthly tracking meeting: every child's milestones against their target dates, and the
//! agenda by urgency.

pub mod agenda;
pub mod gaps;
pub mod meeting_panel;
pub mod meetings;
pub mod outcome_form;
pub mod screen;
