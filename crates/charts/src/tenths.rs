//! Where what happened fell within each past forecast, as a histogram of tenths (a
//! probability-integral-transform histogram): for each past figure, the share of the
//! forecast's runs below what happened. An honest forecast spreads the figures evenly over the
//! ten tenths; piles in the two outer tenths mean a band too narrow, a pile at one end a
//! forecast leaning one way. The outer tenths, outside the 10-90% band, are drawn hollow and
//! named so in the legend, so colour is not the only signal.

use crate::legend::{draw_legend, split_for_legend, Entry, Mark};
use crate::scale::{draw_note, quiet_mesh, titled_frame, Scale};
use crate::{palette, ChartError, ChartStyle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the tenths chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TenthsChart {
    /// The caption.
    pub title: String,
    /// How many past figures fell in each tenth of their forecast, lowest first.
    pub counts: [usize; 10],
}

impl TenthsChart {
    /// The chart in words for screen readers.
    pub fn text_alternative(&self) -> String {
        let total: usize = self.counts.iter().sum();
        let mut out = format!("{}.", self.title);
        if total == 0 {
            out.push_str(" No past figure to place yet.");
            return out;
        }
        out.push_str(&format!(
            " Of {total} past figures, {} fell below the forecast's 10-90% band, {} above it,",
            self.counts[0], self.counts[9]
        ));
        let tenths: Vec<String> = self.counts.iter().map(|c| c.to_string()).collect();
        out.push_str(&format!(
            " and by tenth from the lowest: {}. An honest forecast puts about {} in each.",
            tenths.join(", "),
            crate::scale::one_decimal(total as f64 / 10.0)
        ));
        out
    }
}

/// Draws `chart` filling `area` in `style` (as for the other charts; a plain pixel ratio, 1.0
/// for SVG, is the screen style).
pub fn draw_tenths<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &TenthsChart,
    style: impl Into<ChartStyle>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let scale = Scale::begin(area, style.into(), 70.0, 14.0, 20.0)?;
    let (ratio, text) = (scale.ratio, scale.text);
    let w = |css: u32| scale.px(css);
    let total: usize = chart.counts.iter().sum();
    if total == 0 {
        return draw_note(area, scale, "No past figure to place yet.");
    }
    let even = total as f64 / 10.0;
    let top = chart.counts.iter().copied().max().unwrap_or(0) as f64;
    let top = top.max(even) * 1.15 + 1.0;
    let legend = vec![
        Entry {
            mark: Mark::Band(palette::BAND),
            label: "inside the 10-90% band".into(),
        },
        Entry {
            mark: Mark::Box(palette::PROJECTED),
            label: "outside it (hollow)".into(),
        },
        Entry {
            mark: Mark::Dashes(palette::THRESHOLD),
            label: "an even share, as an honest forecast gives".into(),
        },
    ];
    let (plot_area, legend_area) = split_for_legend(area, &legend, text * 0.85, ratio);
    let mut plot = titled_frame(&plot_area, &chart.title, text, 3.0)
        .build_cartesian_2d(-0.5..9.5, 0.0..top)?;
    let label = |x: &f64| {
        let i = x.round();
        if (x - i).abs() < 1e-6 && (0.0..10.0).contains(&i) {
            format!("{}-{}%", i as u32 * 10, i as u32 * 10 + 10)
        } else {
            String::new()
        }
    };
    quiet_mesh(&mut plot.configure_mesh(), text * 0.8)
        .disable_x_mesh()
        .x_labels(10)
        .x_label_formatter(&label)
        .x_desc("where what happened fell among the runs")
        .y_desc("past figures")
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (i, count) in chart.counts.iter().enumerate() {
        let (x0, x1) = (i as f64 - 0.4, i as f64 + 0.4);
        let bar = [(x0, 0.0), (x1, *count as f64)];
        if i == 0 || i == 9 {
            plot.draw_series(std::iter::once(Rectangle::new(
                bar,
                palette::PROJECTED.stroke_width(w(3)),
            )))?;
        } else {
            plot.draw_series(std::iter::once(Rectangle::new(
                bar,
                palette::BAND.mix(0.7).filled(),
            )))?;
            plot.draw_series(std::iter::once(Rectangle::new(
                bar,
                palette::BAND_EDGE.stroke_width(w(2)),
            )))?;
        }
    }
    plot.draw_series(DashedLineSeries::new(
        vec![(-0.5, even), (9.5, even)],
        w(8),
        w(5),
        palette::THRESHOLD.stroke_width(w(2)),
    ))?;
    draw_legend(&legend_area, &legend, text * 0.85, ratio)?;
    area.present()?;
    Ok(())
}
