//! The printable committee report: the headline figures, the trajectory chart, the required
//! pace, the pipeline's main drivers and the comparators on one page, with the as-of date and
//! the scenario's assumptions printed on it. The pieces are the forecast dashboard's own
//! components; only the assumptions and the drivers' summary are new here.

pub mod assumptions;
pub mod changes;
pub mod comparators;
pub mod drivers;
pub mod forecast;
pub mod glossary;
pub mod plans_status;
pub mod report_page;
pub mod screen;
