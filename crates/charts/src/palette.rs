//! Colours with enough contrast on white for projected figures and print, chosen to stay
//! distinguishable for the common colour-vision deficiencies (blue / orange / black / grey).

use plotters::style::RGBColor;

/// Actual figures: dark blue.
pub const ACTUAL: RGBColor = RGBColor(29, 112, 184);
/// Projected figures: orange.
pub const PROJECTED: RGBColor = RGBColor(213, 94, 0);
/// The threshold: near black.
pub const THRESHOLD: RGBColor = RGBColor(11, 12, 12);
/// The uncertainty band's fill: pale blue (drawn translucent), so the lines stay readable.
pub const BAND: RGBColor = RGBColor(120, 170, 220);
/// The uncertainty band's edges: a mid blue with more than 3:1 contrast on white, so the band
/// can be seen at a glance (its pale fill alone cannot).
pub const BAND_EDGE: RGBColor = RGBColor(70, 120, 175);
/// A second scenario compared with the first: purple.
pub const COMPARISON: RGBColor = RGBColor(128, 34, 128);
/// Group averages among comparators: a grey dark enough for 3:1 on white.
pub const AVERAGE: RGBColor = RGBColor(118, 124, 128);
/// Single-year values: mid grey.
pub const SINGLE_YEAR: RGBColor = RGBColor(80, 90, 95);
/// Gridlines and axes text.
pub const AXIS: RGBColor = RGBColor(80, 90, 95);

/// One colour per stage of the route, in route order (used by the pipeline timeline).
pub const STAGES: [RGBColor; 6] = [
    RGBColor(29, 112, 184),
    RGBColor(0, 112, 60),
    RGBColor(213, 94, 0),
    RGBColor(128, 34, 128),
    RGBColor(180, 130, 0),
    RGBColor(80, 90, 95),
];

/// The WCAG contrast ratio of a colour against white.
pub fn contrast_on_white(colour: RGBColor) -> f64 {
    // Relative luminance as WCAG 2.2 defines it, from sRGB channels.
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        0.2126 * channel(colour.0) + 0.7152 * channel(colour.1) + 0.0722 * channel(colour.2);
    1.05 / (luminance + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contrast_formula_gives_the_known_extremes() {
        // Black on white is 21:1; white on white 1:1; GOV.UK's link blue #1d70b8 is 5.17:1.
        assert!((contrast_on_white(RGBColor(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast_on_white(RGBColor(255, 255, 255)) - 1.0).abs() < 1e-9);
        assert!((contrast_on_white(ACTUAL) - 5.17).abs() < 0.01);
    }

    #[test]
    fn every_chart_mark_has_at_least_three_to_one_contrast_on_white() {
        let marks = [
            ("actual", ACTUAL),
            ("projected", PROJECTED),
            ("threshold", THRESHOLD),
            ("band edge", BAND_EDGE),
            ("comparison", COMPARISON),
            ("group average", AVERAGE),
            ("single year", SINGLE_YEAR),
            ("axis", AXIS),
        ];
        for (name, colour) in marks.into_iter().chain(STAGES.map(|c| ("stage", c))) {
            let ratio = contrast_on_white(colour);
            assert!(ratio >= 3.0, "{name} {colour:?} has {ratio:.2}:1");
        }
    }

    #[test]
    fn the_pale_band_fill_alone_would_not_be_enough() {
        // Why the band has edges: its fill is under 3:1 on white.
        assert!(contrast_on_white(BAND) < 3.0);
    }
}
