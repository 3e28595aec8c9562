//! The comparators chart: one three-year figure (A1 or A2) for the authority beside other
//! authorities and the group averages, as horizontal bars from fastest to slowest, with the
//! threshold as a dashed line.
//!
//! Our own figure must stand out without relying on colour: its bar is outlined in black, its
//! label says it is ours, and averages say "average" in their names; the legend repeats this.

use crate::scale::{draw_note, Scale};
use crate::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What a bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// The authority's own figure, computed from its data.
    Ours,
    /// A group average (core cities, statistical neighbours, region, England).
    Average,
    /// Another authority's published figure.
    Authority,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparatorBar {
    /// The words beside the bar, e.g. "Leeds" or "Our figure (Sheffield)".
    pub label: String,
    /// The figure in days.
    pub value: f64,
    /// What the bar stands for.
    pub kind: BarKind,
}

/// What the comparators chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ComparatorChart {
    /// The caption, e.g. "A1, 2011-14: our figure against other authorities".
    pub title: String,
    /// The unit of the value axis, e.g. "days".
    pub unit: String,
    /// The bars, top to bottom (the caller orders them, fastest first).
    pub bars: Vec<ComparatorBar>,
    /// The threshold for the period, where one applies.
    pub threshold: Option<f64>,
}

impl ComparatorChart {
    /// The chart in words: each bar's figure in order, ours and the averages named as such.
    pub fn text_alternative(&self) -> String {
        let mut out = format!("{}.", self.title);
        if self.bars.is_empty() {
            out.push_str(" No figures for this period.");
            return out;
        }
        out.push_str(" Fastest first:");
        let words: Vec<String> = self
            .bars
            .iter()
            .map(|b| {
                let kind = match b.kind {
                    BarKind::Ours => " (our figure)",
                    BarKind::Average => " (average)",
                    BarKind::Authority => "",
                };
                format!(" {}{kind} {:.0} {}", b.label, b.value.round(), self.unit)
            })
            .collect();
        out.push_str(&words.join(";"));
        out.push('.');
        if let Some(t) = self.threshold {
            out.push_str(&format!(" Threshold {:.0} {}.", t.round(), self.unit));
        }
        out
    }

    fn max_value(&self) -> Option<f64> {
        self.bars
            .iter()
            .map(|b| b.value)
            .chain(self.threshold)
            .filter(|v| v.is_finite())
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
    }
}

/// The most characters of a name drawn beside a bar; the text alternative keeps it whole.
pub const MAX_LABEL_CHARS: usize = 34;

/// `label` cut to [`MAX_LABEL_CHARS`], ending in an ellipsis when it was cut.
pub fn short_label(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        return label.to_string();
    }
    let kept: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", kept.trim_end())
}

/// Draws `chart` filling `area` in `style` (as for the other charts; a plain pixel ratio, 1.0
/// for SVG, is the screen style). A chart with no bars draws a note saying so.
pub fn draw_comparators<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ComparatorChart,
    style: impl Into<ChartStyle>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let scale = Scale::begin(area, style.into(), 55.0, 12.0, 20.0)?;
    let (_, height) = area.dim_in_pixel();
    let (ratio, text) = (scale.ratio, scale.text);
    let Some(max) = chart.max_value() else {
        return draw_note(area, scale, "No comparator figures for this period.");
    };
    let n = chart.bars.len();
    let legend_height = (text * 2.2) as u32;
    let (plot, legend) = area.split_vertically(height.saturating_sub(legend_height));
    // The longest name sets the width of the label column, so no name is cut; a very long
    // name (an authority's full title) is shortened so the bars keep most of the width.
    let longest = chart
        .bars
        .iter()
        .map(|b| short_label(&b.label).chars().count())
        .max()
        .unwrap_or(10);
    let label_width = ((longest as f64 + 2.0) * text * 0.55) as u32;
    let mut c = ChartBuilder::on(&plot)
        .caption(&chart.title, ("sans-serif", text * 1.2))
        .margin((text * 0.8) as u32)
        .x_label_area_size((text * 2.4) as u32)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0f64..max * 1.12, -0.5f64..(n as f64 - 0.5))?;
    // Bar i is drawn at y = n - 1 - i so the first bar is at the top.
    let row = |i: usize| (n - 1 - i) as f64;
    let name_of = |y: &f64| -> String {
        let r = y.round();
        if (y - r).abs() > 1e-6 || r < 0.0 || r as usize >= n {
            return String::new();
        }
        short_label(&chart.bars[n - 1 - r as usize].label)
    };
    c.configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&name_of)
        .x_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(chart.unit.as_str())
        .axis_desc_style(("sans-serif", text))
        .label_style(
            ("sans-serif", text * 0.9)
                .into_font()
                .color(&palette::THRESHOLD),
        )
        .light_line_style(RGBColor(235, 235, 235))
        .draw()?;

    let w = |css: f64| (css * ratio).round().max(1.0) as u32;
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = row(i);
        let corners = [(0.0, y - 0.36), (bar.value, y + 0.36)];
        let fill = match bar.kind {
            BarKind::Ours => palette::PROJECTED,
            BarKind::Average => palette::AVERAGE,
            BarKind::Authority => palette::ACTUAL,
        };
        c.draw_series(std::iter::once(Rectangle::new(corners, fill.filled())))?;
        if bar.kind == BarKind::Ours {
            c.draw_series(std::iter::once(Rectangle::new(
                corners,
                palette::THRESHOLD.stroke_width(w(3.0)),
            )))?;
        }
    }
    if let Some(t) = chart.threshold {
        c.draw_series(DashedLineSeries::new(
            [(t, -0.5), (t, n as f64 - 0.5)],
            6,
            4,
            palette::THRESHOLD.stroke_width(w(2.0)),
        ))?;
    }
    // Each figure at the end of its bar, on a white box so the threshold line never crosses
    // the digits.
    let figure_font = ("sans-serif", text * 0.85)
        .into_font()
        .color(&palette::THRESHOLD)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (i, bar) in chart.bars.iter().enumerate() {
        let label = format!("{:.0}", bar.value.round());
        let (x, y) = c.backend_coord(&(bar.value, row(i)));
        let x = x + (text * 0.3) as i32;
        let width = (label.chars().count() as f64 * text * 0.55) as i32 + 4;
        let half = (text * 0.55) as i32;
        plot.draw(&Rectangle::new(
            [(x - 2, y - half), (x + width, y + half)],
            WHITE.filled(),
        ))?;
        plot.draw(&Text::new(label, (x, y), figure_font.clone()))?;
    }

    draw_legend(&legend, chart.threshold.is_some(), text, ratio)?;
    area.present()?;
    Ok(())
}

/// The legend strip: a box per kind of bar, the outline that marks ours, the threshold line.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    threshold: bool,
    text: f64,
    ratio: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let font = ("sans-serif", text * 0.9)
        .into_font()
        .color(&palette::THRESHOLD);
    let size = (text * 0.9) as i32;
    let mut x = (text * 1.0) as i32;
    let y = (text * 0.5) as i32;
    let entries: [(RGBColor, bool, &str); 3] = [
        (palette::PROJECTED, true, "our figure (outlined)"),
        (palette::AVERAGE, false, "group average"),
        (palette::ACTUAL, false, "other authority"),
    ];
    for (colour, outlined, words) in entries {
        area.draw(&Rectangle::new(
            [(x, y), (x + size, y + size)],
            colour.filled(),
        ))?;
        if outlined {
            area.draw(&Rectangle::new(
                [(x, y), (x + size, y + size)],
                palette::THRESHOLD.stroke_width((2.0 * ratio) as u32),
            ))?;
        }
        area.draw(&Text::new(words, (x + size + 6, y), font.clone()))?;
        x += size + 6 + (words.chars().count() as f64 * text * 0.55) as i32 + (text * 1.5) as i32;
    }
    if threshold {
        let mid = y + size / 2;
        // Three dashes, as the line on the chart is drawn.
        let dash = (size * 2) / 5;
        for k in 0..3 {
            let start = x + k * dash * 2;
            area.draw(&PathElement::new(
                [(start, mid), (start + dash, mid)],
                palette::THRESHOLD.stroke_width((2.0 * ratio) as u32),
            ))?;
        }
        area.draw(&Text::new(
            "threshold (dashed)",
            (x + size * 2 + 6, y),
            font,
        ))?;
    }
    Ok(())
}
