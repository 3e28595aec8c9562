//! How big things are drawn on one target. Charts are sized in CSS pixels and drawn in device
//! pixels (a canvas sized by `devicePixelRatio`), so every size goes through here.

use crate::{palette, ChartError};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Device pixels per CSS pixel, and the chart's text size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    /// Device pixels per CSS pixel (1.0 for SVG).
    pub ratio: f64,
    /// The base text size, in device pixels.
    pub text: f64,
}

impl Scale {
    /// The scale for an area `width` device pixels wide. The text is the CSS width divided by
    /// `per_text`, kept between `min` and `max` CSS pixels, so a chart stays legible on a
    /// projector and at 1024 pixels alike.
    pub fn new(width: u32, pixel_ratio: f64, per_text: f64, min: f64, max: f64) -> Scale {
        let ratio = if pixel_ratio.is_finite() && pixel_ratio > 0.0 {
            pixel_ratio
        } else {
            1.0
        };
        let css_width = width as f64 / ratio;
        Scale {
            ratio,
            text: (css_width / per_text).clamp(min, max) * ratio,
        }
    }

    /// A line width or marker size of `css` CSS pixels, in device pixels (at least 1).
    pub fn px(&self, css: u32) -> u32 {
        (css as f64 * self.ratio).round().max(1.0) as u32
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
