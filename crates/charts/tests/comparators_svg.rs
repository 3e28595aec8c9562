//! The comparators chart drawn natively on the SVG backend: every authority, average and our
//! own figure must be named on it, and our figure must be marked by more than colour.
//! The SVG is written to target/charts/ for a developer to look at.

mod common;

use common::texts;
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;
use scorecard_charts::comparators::{draw_comparators, BarKind, ComparatorBar, ComparatorChart};

fn render(chart: &ComparatorChart, name: &str) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1000, 700)).into_drawing_area();
        draw_comparators(&root, chart, 1.0).unwrap();
    }
    common::keep(name, &svg);
    svg
}

fn bar(label: &str, value: f64, kind: BarKind) -> ComparatorBar {
    ComparatorBar {
        label: label.into(),
        value,
        kind,
    }
}

/// The Sheffield City Council scrutiny report's (2015) Appendix 1, 2011-14, a few rows: Telford and Wrekin 340, Leeds 564, the
/// national average 628, Kingston upon Hull 704; our figure 593 (Sheffield's), threshold 568.
fn seed_a1() -> ComparatorChart {
    ComparatorChart {
        title: "A1, 2011-14: our figure against other authorities".into(),
        unit: "days".into(),
        bars: vec![
            bar("Telford and Wrekin", 340.0, BarKind::Authority),
            bar("Leeds", 564.0, BarKind::Authority),
            bar("Our figure (Sheffield)", 593.0, BarKind::Ours),
            bar("National Average", 628.0, BarKind::Average),
            bar("Kingston upon Hull, City of", 704.0, BarKind::Authority),
        ],
        threshold: Some(568.0),
    }
}

#[test]
fn every_bar_is_named_with_its_figure_and_ours_is_outlined() {
    let svg = render(&seed_a1(), "comparators");
    for name in [
        "Telford and Wrekin",
        "Leeds",
        "Our figure (Sheffield)",
        "National Average",
        // The comma in the name is written as is in SVG text.
        "Kingston upon Hull, City of",
    ] {
        assert!(svg.contains(name), "{name} missing from the chart");
    }
    let shown = texts(&svg);
    for figure in ["340", "564", "593", "628", "704"] {
        assert!(shown.iter().any(|t| t == figure), "figure {figure} missing");
    }
    // The legend says how ours is marked, so colour is not the only signal.
    assert!(svg.contains("our figure (outlined)"));
    assert!(svg.contains("group average"));
    assert!(svg.contains("threshold (dashed)"));
    assert!(svg.contains("days"), "the axis says its unit");
}

#[test]
fn the_text_alternative_reads_the_bars_in_order_and_the_threshold() {
    assert_eq!(
        seed_a1().text_alternative(),
        "A1, 2011-14: our figure against other authorities. Fastest first: Telford and Wrekin \
         340 days; Leeds 564 days; Our figure (Sheffield) (our figure) 593 days; National \
         Average (average) 628 days; Kingston upon Hull, City of 704 days. Threshold 568 days."
    );
}

#[test]
fn a_very_long_name_is_shortened_on_the_chart_but_not_in_words() {
    let mut chart = seed_a1();
    chart.bars[2].label =
        "Our figure (Demonstration data (synthetic children, not a real authority))".into();
    let svg = render(&chart, "comparators_long_name");
    // 33 characters kept, then an ellipsis: 34 in all.
    assert!(svg.contains("Our figure (Demonstration data (s…"), "{svg}");
    assert!(!svg.contains("not a real authority"));
    assert!(chart.text_alternative().contains("not a real authority"));
}

#[test]
fn an_empty_period_says_so_rather_than_drawing_an_empty_axis() {
    let empty = ComparatorChart {
        title: "A2, 2015-18".into(),
        unit: "days".into(),
        ..ComparatorChart::default()
    };
    let svg = render(&empty, "comparators_empty");
    assert!(svg.contains("No comparator figures for this period."));
    assert!(empty
        .text_alternative()
        .ends_with("No figures for this period."));
}
