//! Reusable pieces of the screens, one component per file.

pub mod aggregate_form;
pub mod aggregate_table;
pub mod as_of_field;
pub mod child_status;
pub mod demo_banner;
pub mod file_picker;
pub mod import_preview;
pub mod pending_import;
pub mod problem_summary;
pub mod record_form;
pub mod record_table;
pub mod status;
pub mod storage_banner;
pub mod text_field;
pub mod threshold_table;
