//! The forecast: the answers, the figures table, the trajectory chart, the required pace and the pipeline.
//! Components here take the engine's `Forecast` and callbacks, never the app state, except the
//! dashboard itself, which wires them to it.

pub mod agency_panel;
pub mod answer_words;
pub mod answers;
pub mod backtest_panel;
pub mod band_record;
pub mod basis;
pub mod chart_data;
pub mod course;
pub mod dashboard;
pub mod data_age;
pub mod figures_by_period;
pub mod figures_table;
pub mod first_rows;
pub mod monte_carlo;
pub mod pace_panel;
pub mod pace_words;
pub mod pipeline_details;
pub mod pipeline_table;
pub mod screen;
pub mod sentences;
pub mod target_choice;
#[cfg(test)]
mod test_fixtures;
pub mod usable;
pub mod volume_note;
pub mod waiting_children;
