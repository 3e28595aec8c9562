//! The trajectory chart: one indicator's three-year rolling average period by period, actual
//! then projected, with the Monte Carlo's 10–90% band, the threshold schedule as a step line,
//! the single-year values as points, and optionally a second scenario to compare.

use crate::legend::{draw_legend, split_for_legend, Entry, Mark};
use crate::scale::{category_label, draw_note, quiet_mesh, Scale};
use crate::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One rolling period on the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodPoint {
    /// The period's name, e.g. "2014-17".
    pub label: String,
    /// The three-year average, when the period holds any child.
    pub rolling: Option<f64>,
    /// Whether the figure rests on projected children (projected or mixed basis).
    pub projected: bool,
    /// The 10th and 90th percentiles from the Monte Carlo, for projected periods.
    pub band: Option<(f64, f64)>,
    /// The threshold for the period, where one applies.
    pub threshold: Option<f64>,
    /// The single-year value of the period's last financial year.
    pub single_year: Option<f64>,
    /// The same period's figure under a second scenario, when two are compared.
    pub comparison: Option<f64>,
}

/// What the trajectory chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trajectory {
    /// The caption, e.g. "A1: entering care to moving in, three-year average".
    pub title: String,
    /// The unit on the value axis, e.g. "days".
    pub unit: String,
    /// The periods, oldest first.
    pub periods: Vec<PeriodPoint>,
    /// The name of the compared scenario, when `comparison` values are given.
    pub comparison_name: Option<String>,
}

impl Trajectory {
    /// The smallest and largest value anything on the chart reaches, padded so that lines do
    /// not sit on the frame; `None` when there is nothing to draw.
    fn value_range(&self) -> Option<(f64, f64)> {
        let values = self.periods.iter().flat_map(|p| {
            [
                p.rolling,
                p.threshold,
                p.single_year,
                p.comparison,
                p.band.map(|b| b.0),
                p.band.map(|b| b.1),
            ]
            .into_iter()
            .flatten()
        });
        let (lo, hi) = values.filter(|v| v.is_finite()).fold(
            None,
            |acc: Option<(f64, f64)>, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            },
        )?;
        let pad = ((hi - lo) * 0.1).max(10.0);
        Some(((lo - pad).max(0.0), hi + pad))
    }

    /// The legend entries for the series this trajectory draws, in drawing order.
    pub fn legend(&self) -> Vec<Entry> {
        let has = |f: &dyn Fn(&PeriodPoint) -> bool| self.periods.iter().any(f);
        let mut out = Vec::new();
        let mut add = |present: bool, mark: Mark, label: &str| {
            if present {
                out.push(Entry {
                    mark,
                    label: label.to_string(),
                });
            }
        };
        add(
            has(&|p| !p.projected && p.rolling.is_some()),
            Mark::SolidLine(palette::ACTUAL),
            "three-year average, actual",
        );
        add(
            has(&|p| p.projected && p.rolling.is_some()),
            Mark::DashedLine(palette::PROJECTED),
            "three-year average, projected",
        );
        add(
            self.periods.iter().filter(|p| p.band.is_some()).count() >= 1,
            Mark::Band(palette::BAND),
            "likely range (10–90%)",
        );
        add(
            has(&|p| p.threshold.is_some()),
            Mark::Dashes(palette::THRESHOLD),
            "threshold",
        );
        add(
            has(&|p| p.single_year.is_some()),
            Mark::Triangle(palette::SINGLE_YEAR),
            "single year (last year of the period)",
        );
        let name = self
            .comparison_name
            .as_deref()
            .unwrap_or("compared scenario");
        add(
            has(&|p| p.comparison.is_some()),
            Mark::Cross(palette::COMPARISON),
            name,
        );
        out
    }

    /// A sentence per period for screen readers: the figure, its basis, the threshold and
    /// whether it is met, so the chart says nothing a listener cannot also hear.
    pub fn text_alternative(&self) -> String {
        let mut out = if self.title.is_empty() {
            String::new()
        } else {
            format!("{}.", self.title)
        };
        for p in &self.periods {
            let Some(value) = p.rolling else { continue };
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!(
                "{}: {} {} {}",
                p.label,
                value.round(),
                self.unit,
                if p.projected {
                    "(projected)"
                } else {
                    "(actual)"
                }
            ));
            if let Some((lo, hi)) = p.band {
                out.push_str(&format!(
                    ", likely between {} and {}",
                    lo.round(),
                    hi.round()
                ));
            }
            if let Some(t) = p.threshold {
                let met = value.round() <= t;
                out.push_str(&format!(
                    ", threshold {}, {}",
                    t.round(),
                    if met { "met" } else { "not met" }
                ));
            }
            out.push('.');
        }
        out
    }
}

/// Draws `trajectory` filling `area`.
///
/// `style` is the look (screen or projector) and the device pixels per CSS pixel of the target
/// (the canvas is sized by `devicePixelRatio` to stay sharp on high-DPI screens); text, lines
/// and markers are scaled by it so the chart looks the same size on every screen. A plain
/// pixel ratio is the screen style; use 1.0 for SVG.
///
/// An empty trajectory draws a framed note rather than an empty axis, so that a screen with no
/// data says why.
pub fn draw_trajectory<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    trajectory: &Trajectory,
    style: impl Into<ChartStyle>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let scale = Scale::begin(area, style.into(), 60.0, 15.0, 22.0)?;
    let (ratio, text) = (scale.ratio, scale.text);
    let w = |css: u32| scale.px(css);
    let Some((y_lo, y_hi)) = trajectory.value_range() else {
        return draw_note(
            area,
            scale,
            "No figures to draw yet: add children or yearly figures.",
        );
    };
    let n = trajectory.periods.len();
    let labels: Vec<String> = trajectory.periods.iter().map(|p| p.label.clone()).collect();

    let legend = trajectory.legend();
    let (plot_area, legend_area) = split_for_legend(area, &legend, text * 0.85, ratio);

    // A projector's text is large: tighter margins and label areas leave the lines room.
    let (margin, x_area, y_labels) = if scale.projector {
        (text * 0.5, text * 1.8, 5)
    } else {
        (text, text * 2.6, 10)
    };
    let mut builder = ChartBuilder::on(&plot_area);
    // A chart without a title (a slide already headed) keeps the title's room for the lines.
    if !trajectory.title.is_empty() {
        builder.caption(&trajectory.title, ("sans-serif", text * 1.2));
    }
    let mut chart = builder
        .margin(margin as u32)
        .x_label_area_size(x_area as u32)
        .y_label_area_size((text * 4.2) as u32)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), y_lo..y_hi)?;

    let label_of = |x: &f64| category_label(&labels, *x);
    quiet_mesh(&mut chart.configure_mesh(), text * 0.85)
        .disable_x_mesh()
        .x_labels(n.max(1))
        .y_labels(y_labels)
        .x_label_formatter(&label_of)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .y_desc(trajectory.unit.as_str())
        .axis_desc_style(("sans-serif", text))
        .draw()?;

    let points = &trajectory.periods;
    let at = |i: usize| i as f64;

    // The 10–90% band first, so every line is drawn over it.
    let band: Vec<(f64, (f64, f64))> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.band.map(|b| (at(i), b)))
        .collect();
    if band.len() >= 2 {
        let outline: Vec<(f64, f64)> = band
            .iter()
            .map(|(x, b)| (*x, b.1))
            .chain(band.iter().rev().map(|(x, b)| (*x, b.0)))
            .collect();
        chart.draw_series(std::iter::once(Polygon::new(
            outline,
            palette::BAND.mix(0.35).filled(),
        )))?;
        // The edges carry the band's contrast; the fill only tints it.
        for edge in [
            band.iter().map(|(x, b)| (*x, b.0)).collect::<Vec<_>>(),
            band.iter().map(|(x, b)| (*x, b.1)).collect(),
        ] {
            chart.draw_series(LineSeries::new(edge, palette::BAND_EDGE.stroke_width(w(2))))?;
        }
    } else if let Some((x, (lo, hi))) = band.first() {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.1, *lo), (x + 0.1, *hi)],
            palette::BAND.mix(0.35).filled(),
        )))?;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x - 0.1, *lo), (x + 0.1, *hi)],
            palette::BAND_EDGE.stroke_width(w(2)),
        )))?;
    }

    // The threshold as a step line: each period's threshold spans the whole period's slot, so
    // a fall from 497 to 426 shows as a step, not a slope.
    let mut step: Vec<(f64, f64)> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        if let Some(t) = p.threshold {
            step.push((at(i) - 0.5, t));
            step.push((at(i) + 0.5, t));
        }
    }
    if !step.is_empty() {
        chart.draw_series(DashedLineSeries::new(
            step,
            6,
            4,
            palette::THRESHOLD.stroke_width(w(2)),
        ))?;
    }

    // Actual periods as a solid line with filled circles; projected ones dashed with hollow
    // circles, continuing from the last actual point so the line does not break.
    let actual: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.projected)
        .filter_map(|(i, p)| p.rolling.map(|v| (at(i), v)))
        .collect();
    if !actual.is_empty() {
        chart.draw_series(LineSeries::new(
            actual.clone(),
            palette::ACTUAL.stroke_width(w(3)),
        ))?;
        chart.draw_series(
            actual
                .iter()
                .map(|&(x, y)| Circle::new((x, y), w(5), palette::ACTUAL.filled())),
        )?;
    }
    let mut projected: Vec<(f64, f64)> = Vec::new();
    let first_projected = points
        .iter()
        .position(|p| p.projected && p.rolling.is_some());
    if let Some(first) = first_projected {
        if let Some(last_actual) = actual.iter().rev().find(|(x, _)| *x < at(first)) {
            projected.push(*last_actual);
        }
        projected.extend(
            points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.projected)
                .filter_map(|(i, p)| p.rolling.map(|v| (at(i), v))),
        );
    }
    if !projected.is_empty() {
        chart.draw_series(DashedLineSeries::new(
            projected.clone(),
            10,
            5,
            palette::PROJECTED.stroke_width(w(3)),
        ))?;
        chart.draw_series(
            projected
                .iter()
                .filter(|(x, _)| first_projected.is_some_and(|f| *x >= at(f)))
                .map(|&(x, y)| Circle::new((x, y), w(5), palette::PROJECTED.stroke_width(w(2)))),
        )?;
    }

    let single: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.single_year.map(|v| (at(i), v)))
        .collect();
    if !single.is_empty() {
        chart.draw_series(
            single
                .iter()
                .map(|&(x, y)| TriangleMarker::new((x, y), w(6), palette::SINGLE_YEAR.filled())),
        )?;
    }

    let comparison: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.comparison.map(|v| (at(i), v)))
        .collect();
    if !comparison.is_empty() {
        chart.draw_series(LineSeries::new(
            comparison.clone(),
            palette::COMPARISON.stroke_width(w(2)),
        ))?;
        chart.draw_series(
            comparison
                .iter()
                .map(|&(x, y)| Cross::new((x, y), w(6), palette::COMPARISON.stroke_width(w(2)))),
        )?;
    }

    draw_legend(&legend_area, &legend, text * 0.85, ratio)?;
    area.present()?;
    Ok(())
}
