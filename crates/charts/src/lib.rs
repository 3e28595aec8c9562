//! The product's charts, as drawing functions over any plotters [`DrawingBackend`].
//!
//! Why a crate of its own: the app draws these on a `<canvas>` through plotters-canvas, but the
//! same functions must be testable natively on the SVG backend, without compiling Yew or a
//! browser. Each chart takes a small plain-data description (built by the app from the
//! engine's forecast) rather than the engine's types, so a chart changes only when what it
//! shows changes. Every chart also has a text alternative for screen readers.
//!
//! Colour is never the only signal: every series differs also by line pattern or marker shape,
//! and the legend names each one.
//!
//! [`DrawingBackend`]: plotters::prelude::DrawingBackend

pub mod backtest;
pub mod comparators;
pub mod legend;
pub mod palette;
mod scale;
pub mod style;
pub mod tenths;
pub mod timeline;
pub mod trajectory;

pub use backtest::{draw_backtest, BacktestChart, BacktestPoint};
pub use style::{ChartStyle, Look};
pub use tenths::{draw_tenths, TenthsChart};
pub use timeline::{draw_timeline, Timeline, TimelineRow, TimelineSegment};
pub use trajectory::{draw_trajectory, PeriodPoint, Trajectory};

/// The error a drawing function returns: whatever the backend reports, as text, because the
/// app can only show it and the backends' error types differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(e: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}
