//! Workshop mode: the impact of delay on one child, shown as the child's age and wait and as
//! the scorecard's figures, on the records (read-only: the authority's own, or the
//! demonstration's made-up children) or on a made-up cohort a trainer builds from a template;
//! and a presentation view for a projector.
//!
//! Nothing here changes the authority's records: the delay is view state, and a made-up
//! cohort is kept apart in the document's `workshop` field.

pub mod cohort_builder;
pub mod dataset;
pub mod delay_controls;
pub mod delay_view;
pub mod life_panel;
pub mod presentation;
pub mod scorecard_panel;
pub mod screen;
pub mod session;
pub mod slides;
