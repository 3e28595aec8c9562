//! How big things are drawn on one target. Charts are sized in CSS pixels and drawn in device
//! pixels (a canvas sized by `devicePixelRatio`), so every size goes through here.

use crate::style::{ChartStyle, Look};
use crate::{palette, ChartError};
use plotters::chart::MeshStyle;
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

    /// Clears `area` to white and sizes a chart for it (see [`Scale::new`]): the first step of
    /// every drawing function, so that a chart drawn again over an old one leaves nothing of it.
    pub fn begin<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        style: ChartStyle,
        per_text: f64,
        min: f64,
        max: f64,
    ) -> Result<Scale, ChartError>
    where
        DB::ErrorType: 'static,
    {
        area.fill(&WHITE)?;
        let (width, _) = area.dim_in_pixel();
        Ok(Scale::new(width, style, per_text, min, max))
    }

    /// A line width or marker size of `css` CSS pixels (on a screen), in device pixels (at
    /// least 1).
    pub fn px(&self, css: u32) -> u32 {
        (css as f64 * self.ratio * self.weight).round().max(1.0) as u32
    }
}

/// A chart's frame as most charts draw it: the title over the plot, a margin of one text
/// size, room for one line of labels under the plot and `y_label_share` text sizes of labels
/// beside it (long names, such as a child's reference, want more).
pub(crate) fn titled_frame<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    text: f64,
    y_label_share: f64,
) -> ChartBuilder<'a, 'b, DB> {
    let mut frame = ChartBuilder::on(area);
    frame
        .caption(title, ("sans-serif", text * 1.2))
        .margin(text as u32)
        .x_label_area_size((text * 2.4) as u32)
        .y_label_area_size((text * y_label_share) as u32);
    frame
}

/// The axis labels and the light grid every chart shares: labels of `label_size` in the axis
/// colour (never as dark as the data), grid lines that tint rather than cross the series.
pub(crate) fn quiet_mesh<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    label_size: f64,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.label_style(("sans-serif", label_size).into_font().color(&palette::AXIS))
        .light_line_style(RGBColor(235, 235, 235))
}

/// The label plotters asks for at `x` on an axis of categories placed at 0, 1, 2…: the
/// category's name at a whole position and nothing between, because plotters chooses where to
/// ask and may ask between two categories.
pub(crate) fn category_label(labels: &[String], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < labels.len() {
        labels[i as usize].clone()
    } else {
        String::new()
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
