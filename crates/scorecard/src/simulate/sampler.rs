//! What a run draws a stage's duration from: the authority's own completed children where
//! there are enough of them, else a spread around the duration in use.

use super::MIN_RESAMPLE;
use crate::projection::DurationSource;
use crate::rng::SplitMix64;

/// Durations to draw from for one stage, in days.
#[derive(Debug, Clone)]
pub(super) struct Sampler(Vec<i32>);

/// The longest stage a run draws (100 years): a typing slip of a huge duration must not
/// overflow the day arithmetic.
const MAX_STAGE_DAYS: f64 = 36_525.0;

/// Points of the triangular spread: enough that a draw never looks discrete.
const SPREAD_POINTS: usize = 256;

impl Sampler {
    pub(super) fn new(
        history: &[u32],
        default: u32,
        source: DurationSource,
        days: u32,
        spread: Option<f64>,
    ) -> Sampler {
        if spread.is_none() && history.len() >= MIN_RESAMPLE {
            if let DurationSource::OwnMedian { .. } = source {
                // Keep the history's shape, moved so its median is the scenario's duration.
                let samples = history
                    .iter()
                    .map(|&h| {
                        let v = if default > 0 {
                            h as f64 * days as f64 / default as f64
                        } else {
                            h as f64 + days as f64 - default as f64
                        };
                        v.round().clamp(0.0, MAX_STAGE_DAYS) as i32
                    })
                    .collect();
                return Sampler(samples);
            }
        }
        let p = (spread.unwrap_or(30.0) / 100.0).clamp(0.0, 1.0);
        let samples = (0..SPREAD_POINTS)
            .map(|i| {
                // Quantiles of the symmetric triangular distribution on [-1, 1].
                let q = (i as f64 + 0.5) / SPREAD_POINTS as f64;
                let x = if q < 0.5 {
                    -1.0 + (2.0 * q).sqrt()
                } else {
                    1.0 - (2.0 * (1.0 - q)).sqrt()
                };
                (days as f64 * (1.0 + p * x))
                    .round()
                    .clamp(0.0, MAX_STAGE_DAYS) as i32
            })
            .collect();
        Sampler(samples)
    }

    pub(super) fn draw(&self, rng: &mut SplitMix64) -> i32 {
        self.0[rng.index(self.0.len())]
    }
}
