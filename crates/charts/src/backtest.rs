//! "How good is this forecast?" as a chart: for each forecast made as of a past 31 March, its
//! 10-90% band as a bar and its median as a tick, and what then happened as a circle when it
//! fell inside the band and a cross when it did not (shape says it, not only colour).

use crate::legend::{draw_legend, split_for_legend, Entry, Mark};
use crate::scale::{category_label, draw_note, quiet_mesh, titled_frame, whole, Scale};
use crate::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One past forecast beside what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestPoint {
    /// What was forecast and when, e.g. "A1 2014-15".
    pub label: String,
    /// The band's 10th percentile (days).
    pub p10: f64,
    /// The median.
    pub p50: f64,
    /// The 90th percentile.
    pub p90: f64,
    /// What happened, if it is known.
    pub actual: Option<f64>,
}

impl BacktestPoint {
    /// Whether what happened fell inside the band.
    pub fn inside(&self) -> Option<bool> {
        self.actual.map(|a| self.p10 <= a && a <= self.p90)
    }
}

/// What the backtest chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BacktestChart {
    /// The caption.
    pub title: String,
    /// The past forecasts, left to right.
    pub points: Vec<BacktestPoint>,
}

impl BacktestChart {
    /// The chart in words for screen readers.
    pub fn text_alternative(&self) -> String {
        let mut out = format!("{}.", self.title);
        for p in &self.points {
            let happened = match (p.actual, p.inside()) {
                (Some(a), Some(true)) => format!("{} happened, inside the band", whole(a)),
                (Some(a), _) => format!("{} happened, outside the band", whole(a)),
                (None, _) => "nothing to compare yet".to_string(),
            };
            out.push_str(&format!(
                " {}: band {} to {}, median {}; {happened}.",
                p.label,
                whole(p.p10),
                whole(p.p90),
                whole(p.p50)
            ));
        }
        out
    }
}

/// Draws `chart` filling `area` in `style` (as for the other charts; a plain pixel ratio, 1.0
/// for SVG, is the screen style).
pub fn draw_backtest<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BacktestChart,
    style: impl Into<ChartStyle>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let scale = Scale::begin(area, style.into(), 70.0, 14.0, 20.0)?;
    let (ratio, text) = (scale.ratio, scale.text);
    let w = |css: u32| scale.px(css);
    if chart.points.is_empty() {
        return draw_note(area, scale, "No past year to compare with yet.");
    }
    let values = chart
        .points
        .iter()
        .flat_map(|p| [p.p10, p.p90].into_iter().chain(p.actual));
    let (lo, hi) = values.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    let pad = ((hi - lo) * 0.1).max(10.0);
    let (lo, hi) = ((lo - pad).max(0.0), hi + pad);
    let n = chart.points.len();
    let legend = vec![
        Entry {
            mark: Mark::Band(palette::BAND),
            label: "10-90% band, with its median".into(),
        },
        Entry {
            mark: Mark::SolidLine(palette::ACTUAL),
            label: "what happened, inside the band".into(),
        },
        Entry {
            mark: Mark::Cross(palette::PROJECTED),
            label: "what happened, outside the band".into(),
        },
    ];
    let (plot_area, legend_area) = split_for_legend(area, &legend, text * 0.85, ratio);
    let labels: Vec<String> = chart.points.iter().map(|p| p.label.clone()).collect();
    let mut plot = titled_frame(&plot_area, &chart.title, text, 3.5)
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), lo..hi)?;
    let label = |x: &f64| category_label(&labels, *x);
    quiet_mesh(&mut plot.configure_mesh(), text * 0.8)
        .disable_x_mesh()
        .x_labels(n.min(24))
        .x_label_formatter(&label)
        .y_desc("days")
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (i, p) in chart.points.iter().enumerate() {
        let x = i as f64;
        plot.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.3, p.p10), (x + 0.3, p.p90)],
            palette::BAND.mix(0.6).filled(),
        )))?;
        plot.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.3, p.p10), (x + 0.3, p.p90)],
            palette::BAND_EDGE.stroke_width(w(2)),
        )))?;
        plot.draw_series(std::iter::once(PathElement::new(
            vec![(x - 0.3, p.p50), (x + 0.3, p.p50)],
            palette::THRESHOLD.stroke_width(w(2)),
        )))?;
        match (p.actual, p.inside()) {
            (Some(a), Some(true)) => {
                plot.draw_series(std::iter::once(Circle::new(
                    (x, a),
                    w(6),
                    palette::ACTUAL.filled(),
                )))?;
            }
            (Some(a), _) => {
                plot.draw_series(std::iter::once(Cross::new(
                    (x, a),
                    w(7),
                    palette::PROJECTED.stroke_width(w(3)),
                )))?;
            }
            (None, _) => {}
        }
    }
    draw_legend(&legend_area, &legend, text * 0.85, ratio)?;
    area.present()?;
    Ok(())
}
