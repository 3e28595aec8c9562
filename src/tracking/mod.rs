//! The monthly tracking meeting: every child's milestones against their target dates, and the
//! agenda by urgency.

pub mod agenda;
pub mod screen;
