//! The monthly tracking meeting: every child's milestones against their target dates, and the
//! agenda by urgency.

pub mod action_entry;
pub mod agenda;
pub mod gaps;
pub mod kept_box;
pub mod meeting_panel;
pub mod meetings;
pub mod minutes;
pub mod outcome_form;
pub mod questions;
pub mod screen;
