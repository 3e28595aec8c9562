//! How big things are drawn on one target. Charts are sized in CSS pixels and drawn in device
//! pixels (a canvas sized by `devicePixelRatio`), so every size goes through here.

use crate::style::{ChartStyle, Look};
use crate::{palette, ChartError};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Device pixels per CSS pixel, the chart's text size and how thick lines are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    /// Device pixels per CSS pixel (1.0 for SVG).
    pub ratio: f64,
    /// The base text size, in device pixels.
    pub text: f64,
    /// How much thicker than on a screen lines and markers are.
    pub weight: f64,
    /// Whether the chart is for a projector: its large text leaves less room, so margins and
    /// label areas are tighter and the value axis carries fewer labels.
    pub projector: bool,
}

/// The smallest share of the base text size any chart draws text at (the backtest's axis
/// labels): the projector's base text is set so that even these reach its minimum.
const SMALLEST_TEXT_SHARE: f64 = 0.8;

/// Plotters' SVG backend writes a font's size divided by 1.24 (its em), where a canvas draws
/// the size itself: the projector's sizes are set so that the smaller, the SVG's, still
/// reaches the minimum.
const PLOTTERS_EM: f64 = 1.24;

impl Scale {
    /// The scale for an area `width` device pixels wide. On a screen the text is the CSS width
    /// divided by `per_text`, kept between `min` and `max` CSS pixels, so a chart stays legible
    /// at 1024 pixels and on a wide screen alike. On a projector no text is under
    /// [`ChartStyle::PROJECTOR_MIN_TEXT_PX`], and lines are half as thick again.
    pub fn new(width: u32, style: ChartStyle, per_text: f64, min: f64, max: f64) -> Scale {
        let ratio = style.ratio();
        let css_width = width as f64 / ratio;
        let (min, max, weight) = match style.look {
            Look::Screen => (min, max, 1.0),
            Look::Projector => {
                let floor = ChartStyle::PROJECTOR_MIN_TEXT_PX * PLOTTERS_EM / SMALLEST_TEXT_SHARE;
                (min.max(floor), max.max(floor * 1.25), 1.5)
            }
        };
        Scale {
            ratio,
            text: (css_width / per_text).clamp(min, max) * ratio,
            weight,
            projector: style.look == Look::Projector,
        }
    }

    /// A line width or marker size of `css` CSS pixels (on a screen), in device pixels (at
    /// least 1).
    pub fn px(&self, css: u32) -> u32 {
        (css as f64 * self.ratio * self.weight).round().max(1.0) as u32
    }
}

/// Draws a one-line note where a chart would be, so that an empty chart says why.
pub(crate) fn draw_note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: Scale,
    note: &str,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    area.draw(&Text::new(
        note.to_string(),
        (20, 30),
        ("sans-serif", scale.text).into_font().color(&palette::AXIS),
    ))?;
    Ok(())
}

/// One decimal place, halves away from zero (6.25 -> "6.3"), the rule every figure a person
/// reads follows (formatting with `{:.1}` would round an exact half to even).
pub(crate) fn one_decimal(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    format!("{:.1}", if r == 0.0 { 0.0 } else { r })
}

/// A whole number, halves away from zero (426.5 -> "427").
pub(crate) fn whole(v: f64) -> String {
    format!("{}", v.round() as i64)
}
