//! Settings: the authority's name, the as-of date, the threshold schedule, backup and
//! restore, and the safety copies kept before anything replaced the data.

pub mod as_of_field;
pub mod authorities_panel;
pub mod backup;
pub mod safety_copies;
pub mod screen;
pub mod threshold_table;
pub mod timescales_table;
