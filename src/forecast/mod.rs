//! The forecast dashboard (issue 4): headline cards, the trajectory chart, the required pace,
//! the pipeline and the what-if scenarios. Components here take the engine's `Forecast` and
//! callbacks, never the app state, except the dashboard itself, which wires them to it.

pub mod chart_canvas;
pub mod chart_data;
pub mod dashboard;
pub mod draft_input;
pub mod headline_cards;
pub mod monte_carlo;
pub mod pace_panel;
pub mod pipeline_table;
pub mod scenario_panel;
pub mod sentences;
