//! The children's records and the published yearly figures: the screens, the record form and
//! table, the yearly-figures form and table, and the demonstration banner.

pub mod aggregate_form;
pub mod aggregate_table;
pub mod authority_column;
pub mod child_status;
pub mod demo_banner;
pub mod edits;
pub mod record_form;
pub mod record_table;
pub mod return_import;
pub mod return_picker;
pub mod screen;
pub mod yearly_screen;
