//! How a chart is drawn for where it is seen: on a screen at arm's length, or on a projector
//! across a room, where every label must still be read from the back (20 CSS pixels or more)
//! and every line seen.

/// The two looks a chart has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Look {
    /// A screen read at arm's length: text sized to the chart's width, 12 to 22 CSS pixels.
    #[default]
    Screen,
    /// A projector: no text under [`ChartStyle::PROJECTOR_MIN_TEXT_PX`] CSS pixels, lines half
    /// as thick again.
    Projector,
}

/// How to draw a chart: the look, and the device pixels per CSS pixel of the target (the
/// canvas is sized by `devicePixelRatio` to stay sharp; 1.0 for SVG).
///
/// A plain `f64` converts into the screen style at that pixel ratio, so `draw_trajectory(area,
/// &t, 1.0)` draws for a screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Screen or projector.
    pub look: Look,
    /// Device pixels per CSS pixel.
    pub pixel_ratio: f64,
}

impl ChartStyle {
    /// The smallest text a projector chart draws, in CSS pixels: the size a room can read.
    pub const PROJECTOR_MIN_TEXT_PX: f64 = 20.0;

    /// The screen style at `pixel_ratio`.
    pub fn screen(pixel_ratio: f64) -> ChartStyle {
        ChartStyle {
            look: Look::Screen,
            pixel_ratio,
        }
    }

    /// The projector style at `pixel_ratio`.
    pub fn projector(pixel_ratio: f64) -> ChartStyle {
        ChartStyle {
            look: Look::Projector,
            pixel_ratio,
        }
    }

    /// The pixel ratio, or 1.0 when it is not a usable number.
    pub(crate) fn ratio(self) -> f64 {
        if self.pixel_ratio.is_finite() && self.pixel_ratio > 0.0 {
            self.pixel_ratio
        } else {
            1.0
        }
    }
}

impl From<f64> for ChartStyle {
    fn from(pixel_ratio: f64) -> ChartStyle {
        ChartStyle::screen(pixel_ratio)
    }
}
