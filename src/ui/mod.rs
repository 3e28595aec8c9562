//! Shared widgets and bridges to the browser that several features use: fields, the file
//! picker, the import preview, the chart canvas, the status line, and the notice type.

pub mod browser;
pub mod chart_canvas;
pub mod confirm_dialog;
pub mod draft_input;
pub mod file_picker;
pub mod import_preview;
pub mod later;
pub mod later_panel;
pub mod measured_text;
pub mod notice;
pub mod pending_import;
pub mod problem_summary;
pub mod status;
pub mod term;
pub mod text_field;
pub mod update_notice;
pub mod view_choice;
