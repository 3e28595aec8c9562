//! The charts drawn natively on the SVG backend: what a person reads on them must be there.
//! The SVG files are also written to target/charts/ so a developer can look at them.

mod common;

use common::texts;
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;
use scorecard_charts::*;

fn render(
    f: impl FnOnce(&plotters::drawing::DrawingArea<SVGBackend<'_>, plotters::coord::Shift>),
    name: &str,
) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1000, 500)).into_drawing_area();
        f(&root);
    }
    common::keep(name, &svg);
    svg
}

/// The Sheffield City Council scrutiny report's (2015) A1 figures: actual 3-year averages to 2012-15, then two projected periods.
fn seed_a1() -> Trajectory {
    let p = |label: &str, rolling: f64, projected: bool, threshold: f64| PeriodPoint {
        label: label.into(),
        rolling: Some(rolling),
        projected,
        threshold: Some(threshold),
        ..PeriodPoint::default()
    };
    let mut periods = vec![
        p("2010-13", 596.0, false, 639.0),
        p("2011-14", 593.0, false, 568.0),
        p("2012-15", 565.0, false, 497.0),
        p("2013-16", 554.0, true, 426.0),
        p("2014-17", 535.0, true, 426.0),
    ];
    periods[2].single_year = Some(535.0);
    periods[3].band = Some((540.0, 570.0));
    periods[4].band = Some((500.0, 575.0));
    Trajectory {
        title: "A1: entering care to moving in, three-year average".into(),
        unit: "days".into(),
        periods,
        comparison_name: None,
    }
}

#[test]
fn the_trajectory_names_every_period_and_series_it_draws() {
    let svg = render(
        |a| draw_trajectory(a, &seed_a1(), 1.0).unwrap(),
        "trajectory",
    );
    for label in ["2010-13", "2011-14", "2012-15", "2013-16", "2014-17"] {
        assert!(svg.contains(label), "period {label} missing from the axis");
    }
    for legend in [
        "threshold",
        "three-year average, actual",
        "three-year average, projected",
        "likely range (10–90%)",
        "single year (last year of the period)",
    ] {
        assert!(svg.contains(legend), "legend entry {legend:?} missing");
    }
    assert!(svg.contains("days"), "the value axis must say its unit");
}

#[test]
fn a_trajectory_with_only_actual_figures_shows_no_projection_in_its_legend() {
    let mut t = seed_a1();
    t.periods.truncate(3);
    t.periods.iter_mut().for_each(|p| p.band = None);
    let svg = render(
        |a| draw_trajectory(a, &t, 1.0).unwrap(),
        "trajectory_actual_only",
    );
    assert!(svg.contains("three-year average, actual"));
    assert!(!svg.contains("projected"));
    assert!(!svg.contains("likely range"));
}

#[test]
fn an_empty_trajectory_says_why_it_is_empty() {
    let t = Trajectory {
        title: "A2".into(),
        unit: "days".into(),
        ..Trajectory::default()
    };
    let svg = render(|a| draw_trajectory(a, &t, 1.0).unwrap(), "trajectory_empty");
    assert!(svg.contains("No figures to draw yet"));
}

#[test]
fn the_compared_scenario_is_named_in_the_legend() {
    let mut t = seed_a1();
    t.comparison_name = Some("Faster matching".into());
    t.periods[3].comparison = Some(540.0);
    t.periods[4].comparison = Some(480.0);
    let svg = render(
        |a| draw_trajectory(a, &t, 1.0).unwrap(),
        "trajectory_compared",
    );
    assert!(svg.contains("Faster matching"));
}

#[test]
fn the_text_alternative_reads_each_figure_with_its_basis_and_status() {
    let text = seed_a1().text_alternative();
    // 593 against 568: not met; 596 against 639: met.
    assert!(
        text.contains("2010-13: 596 days (actual), threshold 639, met."),
        "{text}"
    );
    assert!(
        text.contains("2011-14: 593 days (actual), threshold 568, not met."),
        "{text}"
    );
    assert!(
        text.contains(
            "2014-17: 535 days (projected), likely between 500 and 575, threshold 426, not met."
        ),
        "{text}"
    );
}

#[test]
fn the_timeline_draws_a_bar_per_child_and_names_the_stages() {
    let t = Timeline {
        title: "Children in the pipeline".into(),
        stage_names: vec![
            "entered care to SHOBPA decision".into(),
            "placed to adoption order".into(),
        ],
        rows: vec![
            TimelineRow {
                label: "C-101".into(),
                segments: vec![
                    TimelineSegment {
                        stage: 0,
                        start: 2013.2,
                        end: 2013.9,
                        projected: false,
                    },
                    TimelineSegment {
                        stage: 1,
                        start: 2013.9,
                        end: 2016.1,
                        projected: true,
                    },
                ],
                summary: "moving in to adoption order, order projected in 2015-16".into(),
            },
            TimelineRow {
                label: "C-102".into(),
                segments: vec![TimelineSegment {
                    stage: 0,
                    start: 2014.5,
                    end: 2015.4,
                    projected: false,
                }],
                summary: "entered care to SHOBPA decision".into(),
            },
        ],
        as_of: 2015.5,
    };
    let svg = render(|a| draw_timeline(a, &t, 1.0).unwrap(), "timeline");
    assert_eq!(
        t.text_alternative(),
        "Children in the pipeline: 2 children. C-101: moving in to adoption order, order \
         projected in 2015-16. C-102: entered care to SHOBPA decision."
    );
    assert!(svg.contains("C-101") && svg.contains("C-102"));
    assert!(svg.contains("placed to adoption order"));
    assert!(svg.contains("as of date"));
    // Years 2013 to 2017 on the time axis (the projected end in 2016 rounds the axis up to 2017).
    let shown = texts(&svg);
    for year in ["2013", "2014", "2015", "2016", "2017"] {
        assert!(
            shown.iter().any(|t| t == year),
            "year {year} missing from {shown:?}"
        );
    }
}

/// The font size of the first (caption) text element.
fn caption_font_size(svg: &str) -> f64 {
    let at = svg.find("font-size=\"").unwrap() + "font-size=\"".len();
    svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
}

#[test]
fn on_a_high_dpi_canvas_the_text_keeps_its_size_on_screen() {
    let mut one = String::new();
    let mut two = String::new();
    {
        let root = SVGBackend::with_string(&mut one, (1000, 500)).into_drawing_area();
        draw_trajectory(&root, &seed_a1(), 1.0).unwrap();
    }
    {
        let root = SVGBackend::with_string(&mut two, (2000, 1000)).into_drawing_area();
        draw_trajectory(&root, &seed_a1(), 2.0).unwrap();
    }
    // Twice the device pixels at a pixel ratio of 2 is the same CSS size: twice the font size
    // (within plotters' own rounding of font sizes to its layout).
    let (a, b) = (caption_font_size(&one), caption_font_size(&two));
    assert!((b / a - 2.0).abs() < 0.05, "{a} then {b}");
}

#[test]
fn the_backtest_chart_shows_each_band_and_whether_what_happened_fell_inside() {
    let chart = BacktestChart {
        title: "Past forecasts beside what happened".into(),
        points: vec![
            BacktestPoint {
                label: "A1 2013-14".into(),
                p10: 516.0,
                p50: 537.0,
                p90: 559.0,
                actual: Some(560.0),
            },
            BacktestPoint {
                label: "A1 2014-15".into(),
                p10: 544.0,
                p50: 554.0,
                p90: 564.0,
                actual: Some(550.0),
            },
        ],
    };
    let svg = render(|area| draw_backtest(area, &chart, 1.0).unwrap(), "backtest");
    let t = texts(&svg);
    for wanted in [
        "Past forecasts beside what happened",
        "A1 2013-14",
        "A1 2014-15",
        "what happened, outside the band",
        "what happened, inside the band",
    ] {
        assert!(t.iter().any(|x| x == wanted), "{wanted} not in {t:?}");
    }
    // 560 is above 559: outside. 550 lies within 544..564: inside.
    assert_eq!(chart.points[0].inside(), Some(false));
    assert_eq!(chart.points[1].inside(), Some(true));
    assert_eq!(
        chart.text_alternative(),
        "Past forecasts beside what happened. A1 2013-14: band 516 to 559, median 537; 560 \
         happened, outside the band. A1 2014-15: band 544 to 564, median 554; 550 happened, \
         inside the band."
    );
}

/// Every font size the SVG uses, in its pixels.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest[..rest.find('"')?].parse().ok())
        .collect()
}

/// Draws `draw` in a 1280 x 560 SVG at `ratio` device pixels per CSS pixel.
fn sized(
    name: &str,
    ratio: f64,
    draw: impl FnOnce(&plotters::drawing::DrawingArea<SVGBackend<'_>, plotters::coord::Shift>),
) -> String {
    let mut svg = String::new();
    {
        let size = ((1280.0 * ratio) as u32, (560.0 * ratio) as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root);
    }
    common::keep(name, &svg);
    svg
}

#[test]
fn on_a_projector_no_label_is_under_20_pixels() {
    let timeline = Timeline {
        title: "Children in the pipeline".into(),
        stage_names: vec!["entered care to SHOBPA decision".into()],
        rows: vec![TimelineRow {
            label: "C-102".into(),
            segments: vec![TimelineSegment {
                stage: 0,
                start: 2014.5,
                end: 2015.4,
                projected: false,
            }],
            summary: "entered care to SHOBPA decision".into(),
        }],
        as_of: 2015.5,
    };
    let backtest = BacktestChart {
        title: "Past forecasts".into(),
        points: vec![BacktestPoint {
            label: "A1 2013-14".into(),
            p10: 516.0,
            p50: 537.0,
            p90: 559.0,
            actual: Some(560.0),
        }],
    };
    for ratio in [1.0, 2.0] {
        let charts = [
            (
                "trajectory",
                sized("trajectory_projector", ratio, |a| {
                    draw_trajectory(a, &seed_a1(), ChartStyle::projector(ratio)).unwrap()
                }),
            ),
            (
                "timeline",
                sized("timeline_projector", ratio, |a| {
                    draw_timeline(a, &timeline, ChartStyle::projector(ratio)).unwrap()
                }),
            ),
            (
                "backtest",
                sized("backtest_projector", ratio, |a| {
                    draw_backtest(a, &backtest, ChartStyle::projector(ratio)).unwrap()
                }),
            ),
        ];
        for (name, svg) in charts {
            let sizes = font_sizes(&svg);
            assert!(!sizes.is_empty(), "{name} draws no text");
            let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min) / ratio;
            assert!(
                smallest >= ChartStyle::PROJECTOR_MIN_TEXT_PX,
                "{name} at ratio {ratio}: a label of {smallest} CSS pixels"
            );
        }
    }
    // The same trajectory for a screen at that width has labels a room could not read: the
    // projector style is what makes the difference.
    let screen = sized("trajectory_screen_1280", 1.0, |a| {
        draw_trajectory(a, &seed_a1(), 1.0).unwrap()
    });
    let smallest = font_sizes(&screen)
        .into_iter()
        .fold(f64::INFINITY, f64::min);
    assert!(smallest < 20.0, "{smallest}");
    // And a projector's lines are thicker than a screen's.
    let projector = sized("trajectory_projector_lines", 1.0, |a| {
        draw_trajectory(a, &seed_a1(), ChartStyle::projector(1.0)).unwrap()
    });
    let widest = |svg: &str| {
        svg.split("stroke-width=\"")
            .skip(1)
            .filter_map(|rest| rest[..rest.find('"')?].parse::<f64>().ok())
            .fold(0.0, f64::max)
    };
    assert!(widest(&projector) > widest(&screen));
}

#[test]
fn the_tenths_chart_shows_where_each_past_figure_fell_and_the_even_share() {
    // 20 past figures: 3 below their band, 1 above, the rest spread inside.
    let chart = scorecard_charts::TenthsChart {
        title: "Where what happened fell among the runs of its forecast".into(),
        counts: [3, 2, 2, 3, 1, 2, 2, 2, 2, 1],
    };
    let svg = render(
        |area| scorecard_charts::draw_tenths(area, &chart, 1.0).unwrap(),
        "tenths",
    );
    let t = texts(&svg);
    for wanted in [
        "Where what happened fell among the runs of its forecast",
        "0-10%",
        "90-100%",
        "inside the 10-90% band",
        "outside it (hollow)",
        "an even share, as an honest forecast gives",
    ] {
        assert!(t.iter().any(|x| x == wanted), "{wanted} not in {t:?}");
    }
    // An honest forecast would put 20 / 10 = 2.0 in each tenth.
    assert_eq!(
        chart.text_alternative(),
        "Where what happened fell among the runs of its forecast. Of 20 past figures, 3 fell below \
         the forecast's 10-90% band, 1 above it, and by tenth from the lowest: 3, 2, 2, 3, 1, 2, \
         2, 2, 2, 1. An honest forecast puts about 2.0 in each."
    );
    let empty = scorecard_charts::TenthsChart::default();
    assert!(empty
        .text_alternative()
        .ends_with("No past figure to place yet."));
}
