//! The what-if scenarios: stage durations, expected adoptions, the pace assumed for adoptions
//! not yet in the data, saved under names and compared side by side.

pub mod edits;
pub mod panel;
