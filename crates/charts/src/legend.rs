//! A legend drawn in a strip of its own below the plot, so it never hides a line (plotters'
//! own legend sits inside the plotting area, over the data).

use crate::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a legend entry's symbol looks: the same pattern or marker as its series, so that the
/// legend does not rest on colour alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A solid line with a filled circle.
    SolidLine(RGBColor),
    /// A dashed line with a hollow circle.
    DashedLine(RGBColor),
    /// A dashed line alone (a threshold or a date).
    Dashes(RGBColor),
    /// A filled translucent box.
    Band(RGBColor),
    /// A filled box (a stage on the timeline).
    Box(RGBColor),
    /// A triangle marker.
    Triangle(RGBColor),
    /// A cross marker.
    Cross(RGBColor),
}

/// One entry: its symbol and words.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The symbol.
    pub mark: Mark,
    /// The words.
    pub label: String,
}

const SYMBOL: f64 = 30.0;
const GAP: f64 = 22.0;

/// The width an entry takes, estimated from its length: the strip is laid out before any text
/// is measured, and sans-serif averages a little over half an em per character.
fn entry_width(entry: &Entry, text: f64, ratio: f64) -> f64 {
    SYMBOL * ratio + 6.0 * ratio + entry.label.chars().count() as f64 * text * 0.55 + GAP * ratio
}

/// How many rows the entries need across `width` device pixels.
pub fn rows_needed(entries: &[Entry], width: f64, text: f64, ratio: f64) -> usize {
    let mut rows = if entries.is_empty() { 0 } else { 1 };
    let mut x = 0.0;
    for e in entries {
        let w = entry_width(e, text, ratio);
        if x > 0.0 && x + w > width {
            rows += 1;
            x = 0.0;
        }
        x += w;
    }
    rows
}

/// The height of one row of the legend.
pub fn row_height(text: f64) -> f64 {
    text * 1.8
}

/// Splits `area` into the plot above and a strip below tall enough for `entries` at `text`
/// size; the plot keeps at least half the height.
pub fn split_for_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry],
    text: f64,
    ratio: f64,
) -> (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>) {
    let (width, height) = area.dim_in_pixel();
    let strip = (rows_needed(entries, width as f64, text, ratio) as f64 * row_height(text)
        + text * 0.6) as u32;
    area.split_vertically(height.saturating_sub(strip).max(height / 2))
}

/// Draws `entries` left to right, wrapping, in `area`.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry],
    text: f64,
    ratio: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (width, _) = area.dim_in_pixel();
    let left = 2.0 * text;
    let mut x = left;
    let mut y = row_height(text) / 2.0;
    let stroke = (2.0 * ratio).round().max(1.0) as u32;
    for e in entries {
        let w = entry_width(e, text, ratio);
        if x > left && x + w > width as f64 {
            x = left;
            y += row_height(text);
        }
        let (x0, yi) = (x as i32, y as i32);
        let x1 = (x + SYMBOL * ratio) as i32;
        let mid = (x0 + x1) / 2;
        let r = (5.0 * ratio) as i32;
        match e.mark {
            Mark::SolidLine(c) => {
                area.draw(&PathElement::new(
                    vec![(x0, yi), (x1, yi)],
                    c.stroke_width(stroke + 1),
                ))?;
                area.draw(&Circle::new((mid, yi), r, c.filled()))?;
            }
            Mark::DashedLine(c) => {
                let third = (x1 - x0) / 3;
                area.draw(&PathElement::new(
                    vec![(x0, yi), (x0 + third, yi)],
                    c.stroke_width(stroke + 1),
                ))?;
                area.draw(&PathElement::new(
                    vec![(x1 - third, yi), (x1, yi)],
                    c.stroke_width(stroke + 1),
                ))?;
                area.draw(&Circle::new((mid, yi), r, c.stroke_width(stroke)))?;
            }
            Mark::Dashes(c) => {
                let quarter = (x1 - x0) / 4;
                for k in [0, 2] {
                    let a = x0 + k * quarter + quarter / 2;
                    area.draw(&PathElement::new(
                        vec![(a, yi), (a + quarter, yi)],
                        c.stroke_width(stroke),
                    ))?;
                }
            }
            Mark::Band(c) => {
                area.draw(&Rectangle::new(
                    [(x0, yi - r), (x1, yi + r)],
                    c.mix(0.35).filled(),
                ))?;
                area.draw(&Rectangle::new(
                    [(x0, yi - r), (x1, yi + r)],
                    crate::palette::BAND_EDGE.stroke_width(2),
                ))?;
            }
            Mark::Box(c) => {
                area.draw(&Rectangle::new([(x0, yi - r), (x1, yi + r)], c.filled()))?;
            }
            Mark::Triangle(c) => {
                area.draw(&TriangleMarker::new((mid, yi), r + 1, c.filled()))?;
            }
            Mark::Cross(c) => {
                area.draw(&Cross::new((mid, yi), r + 1, c.stroke_width(stroke)))?;
            }
        }
        area.draw(&Text::new(
            e.label.clone(),
            (x1 + (6.0 * ratio) as i32, yi),
            ("sans-serif", text)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += w;
    }
    Ok(())
}
