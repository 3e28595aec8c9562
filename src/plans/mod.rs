//! Action plans: improvement plans with numbered themes and activities (lead, timescale,
//! dated updates, outcome, status in words), the actions CSV, and the screen that holds them.

pub mod activity_row;
pub mod csv;
pub mod model;
pub mod now;
pub mod performance;
pub mod performance_view;
pub mod plan_view;
pub mod red;
pub mod screen;
