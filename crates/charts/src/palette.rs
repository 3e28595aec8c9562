//! Colours with enough contrast on white for projected figures and print, chosen to stay
//! distinguishable for the common colour-vision deficiencies (blue / orange / black / grey).

use plotters::style::RGBColor;

/// Actual figures: dark blue.
pub const ACTUAL: RGBColor = RGBColor(29, 112, 184);
/// Projected figures: orange.
pub const PROJECTED: RGBColor = RGBColor(213, 94, 0);
/// The threshold: near black.
pub const THRESHOLD: RGBColor = RGBColor(11, 12, 12);
/// The uncertainty band: pale blue (drawn translucent).
pub const BAND: RGBColor = RGBColor(120, 170, 220);
/// A second scenario compared with the first: purple.
pub const COMPARISON: RGBColor = RGBColor(128, 34, 128);
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
