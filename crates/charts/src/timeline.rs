//! The pipeline timeline: one bar per child still in the process, split into the stages of the
//! route, solid where the dates are known and hollow where they are projected, with a line at
//! the as-of date.

use crate::legend::{draw_legend, split_for_legend, Entry, Mark};
use crate::scale::{category_label, draw_note, quiet_mesh, titled_frame, Scale};
use crate::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One stage of one child's journey, in fractional calendar years (2015.5 = about 1 July 2015).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineSegment {
    /// Index into [`Timeline::stage_names`].
    pub stage: usize,
    /// When the stage began.
    pub start: f64,
    /// When it ended, or is projected to end.
    pub end: f64,
    /// Whether the end (and so the segment) is projected rather than known.
    pub projected: bool,
}

/// One child's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    /// The child's case reference.
    pub label: String,
    /// The stages, in route order.
    pub segments: Vec<TimelineSegment>,
    /// The row in words for screen readers, e.g. "placement order to match, adoption order
    /// projected in 2016-17".
    pub summary: String,
}

/// What the timeline chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// The caption.
    pub title: String,
    /// The stage names, in route order, for the legend.
    pub stage_names: Vec<String>,
    /// One row per child, drawn top to bottom.
    pub rows: Vec<TimelineRow>,
    /// The as-of date, in fractional years.
    pub as_of: f64,
}

impl Timeline {
    /// A sentence per child for screen readers, from each row's summary.
    pub fn text_alternative(&self) -> String {
        let mut out = format!("{}: {} children.", self.title, self.rows.len());
        for row in &self.rows {
            out.push_str(&format!(" {}: {}.", row.label, row.summary));
        }
        out
    }
}

/// Draws `timeline` filling `area`.
///
/// `style` is the look (screen or projector) and the device pixels per CSS pixel of the target
/// (the canvas is sized by `devicePixelRatio` to stay sharp on high-DPI screens); text, lines
/// and markers are scaled by it so the chart looks the same size on every screen. A plain
/// pixel ratio is the screen style; use 1.0 for SVG.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    style: impl Into<ChartStyle>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let scale = Scale::begin(area, style.into(), 70.0, 14.0, 20.0)?;
    let (ratio, text) = (scale.ratio, scale.text);
    let w = |css: u32| scale.px(css);
    let starts = timeline
        .rows
        .iter()
        .flat_map(|r| r.segments.iter().map(|s| s.start));
    let ends = timeline
        .rows
        .iter()
        .flat_map(|r| r.segments.iter().map(|s| s.end));
    let lo = starts.fold(timeline.as_of, f64::min).floor();
    let hi = ends.fold(timeline.as_of, f64::max).ceil().max(lo + 1.0);
    if timeline.rows.is_empty() {
        return draw_note(area, scale, "No children in the pipeline.");
    }
    let n = timeline.rows.len();
    let labels: Vec<String> = timeline.rows.iter().map(|r| r.label.clone()).collect();
    let mut legend: Vec<Entry> = timeline
        .stage_names
        .iter()
        .enumerate()
        .map(|(k, name)| Entry {
            mark: Mark::Box(palette::STAGES[k % palette::STAGES.len()]),
            label: name.clone(),
        })
        .collect();
    legend.push(Entry {
        mark: Mark::Dashes(palette::THRESHOLD),
        label: "as of date (hollow bars are projected)".into(),
    });
    let (plot_area, legend_area) = split_for_legend(area, &legend, text * 0.85, ratio);
    let mut chart = titled_frame(&plot_area, &timeline.title, text, 6.0)
        // Rows count downwards from the top, as a list of children reads.
        .build_cartesian_2d(lo..hi, (n as f64 - 0.5)..-0.5f64)?;
    let row_label = |y: &f64| category_label(&labels, *y);
    quiet_mesh(&mut chart.configure_mesh(), text * 0.85)
        .disable_y_mesh()
        .y_labels(n.min(40))
        .y_label_formatter(&row_label)
        .x_labels(((hi - lo) as usize + 1).min(12))
        .x_label_formatter(&|x| format!("{:.0}", x))
        .draw()?;

    for (i, row) in timeline.rows.iter().enumerate() {
        let y = i as f64;
        for seg in &row.segments {
            let colour = palette::STAGES[seg.stage % palette::STAGES.len()];
            // Projected stages are hollow so that "not yet happened" does not rest on colour.
            let style = if seg.projected {
                colour.stroke_width(w(2))
            } else {
                colour.filled()
            };
            chart.draw_series(std::iter::once(Rectangle::new(
                [(seg.start, y - 0.35), (seg.end.max(seg.start), y + 0.35)],
                style,
            )))?;
        }
    }
    chart.draw_series(DashedLineSeries::new(
        [(timeline.as_of, n as f64 - 0.5), (timeline.as_of, -0.5)],
        5,
        4,
        palette::THRESHOLD.stroke_width(w(2)),
    ))?;
    draw_legend(&legend_area, &legend, text * 0.85, ratio)?;
    area.present()?;
    Ok(())
}
