//! What a run draws a stage's duration from: the survival estimate of the authority's own
//! passages where enough of them ended (a bootstrap replicate of it per run, so that the
//! estimate's own uncertainty is in the band), else a spread around the duration in use.

use super::copula::normal_quantile;
use super::survival::{Episode, Survival};
use crate::rng::SplitMix64;

/// How many of the authority's passages through a stage must have ended before the runs
/// draw from its own estimate; with fewer, a handful of odd cases would make the band look
/// surer (or wilder) than it is, so the runs spread around the duration in use instead.
pub(crate) const MIN_RESAMPLE: usize = 10;

/// How many bootstrap replicates of each stage's estimate the runs share out.
pub(super) const REPLICATES: usize = 20;

/// Past this many passages a stage's estimate has six replicates only.
const LARGE: usize = 2_000;

/// The longest stage a run draws (100 years): a typing slip of a huge duration must not
/// overflow the day arithmetic.
const MAX_STAGE_DAYS: f64 = 36_525.0;

/// Points of a made-up spread: enough that a draw never looks discrete.
const SPREAD_POINTS: usize = 256;

/// The spread (log scale) of a stage around the duration in use where the authority has too
/// few passages of its own: about the spread of the stages in authorities' records.
const FALLBACK_SPREAD: f64 = 0.45;

/// One stage's law for the runs.
#[derive(Debug, Clone)]
pub(super) enum StageLaw {
    /// Every run takes exactly this many days after the stage's start: the deterministic
    /// projection (a spread of 0 asks for it).
    Fixed(u32),
    /// Survival curves (one per bootstrap replicate, or one made-up spread), every duration
    /// multiplied by `factor` (the scenario's change of the stage), and the estimate itself
    /// (every passage weighing the same), against which ended stages are read.
    Curves {
        curves: Vec<Survival>,
        factor: f64,
        point: Survival,
    },
}

/// A stage's law on its way: ready at once, or with its bootstrap replicates still to draw.
#[derive(Debug, Clone)]
pub(super) enum LawStart {
    /// Nothing to draw: a fixed law, a made-up spread.
    Ready(StageLaw),
    /// The authority's own estimate, its replicates drawn one at a time.
    Bootstrap(Bootstrap),
}

/// The bootstrap replicates of a stage's estimate, drawn one at a time so that preparing a
/// large authority's Monte Carlo can be spread over several slices; drawn one after another
/// from the same generator, they are the same however they are spread.
#[derive(Debug, Clone)]
pub(super) struct Bootstrap {
    replicates: usize,
    curves: Vec<Survival>,
    drawn: usize,
    weights: Vec<f64>,
    by_entry: Vec<(u32, usize)>,
    days: u32,
    default_days: u32,
}

impl StageLaw {
    /// The law of a stage whose duration in use is `days` (after the scenario), whose
    /// default without the scenario is `default_days`; `spread` is the scenario's own spread
    /// in percent, if it set one. All at once (see [`StageLaw::start`]).
    #[cfg(test)]
    pub fn new(
        episodes: &[Episode],
        default_days: u32,
        days: u32,
        spread: Option<f64>,
        rng: &mut SplitMix64,
    ) -> StageLaw {
        match StageLaw::start(episodes, default_days, days, spread) {
            LawStart::Ready(law) => law,
            LawStart::Bootstrap(mut b) => {
                while !b.is_drawn() {
                    b.replicate(episodes, rng);
                }
                b.finish(episodes)
            }
        }
    }

    /// The law of a stage as [`StageLaw::new`] has it, its bootstrap replicates (if any) still
    /// to draw.
    pub fn start(
        episodes: &[Episode],
        default_days: u32,
        days: u32,
        spread: Option<f64>,
    ) -> LawStart {
        let days = days.min(MAX_STAGE_DAYS as u32);
        match spread {
            Some(p) if p <= 0.0 => return LawStart::Ready(StageLaw::Fixed(days)),
            Some(p) => return LawStart::Ready(made_up(triangular(days, p))),
            None => {}
        }
        let ended = episodes.iter().filter(|e| e.ended).count();
        if ended < MIN_RESAMPLE || default_days == 0 {
            return LawStart::Ready(made_up(log_normal(days)));
        }
        // Many passages leave little for a bootstrap to vary: fewer replicates do, and keep
        // the preparation of a large authority's runs short.
        let replicates = if episodes.len() > LARGE {
            6
        } else {
            REPLICATES
        };
        LawStart::Bootstrap(Bootstrap {
            replicates,
            curves: Vec::with_capacity(replicates),
            drawn: 0,
            weights: vec![0.0; episodes.len()],
            by_entry: Survival::by_entry(episodes),
            days,
            default_days,
        })
    }

    /// A whole duration of the stage (days from its start), for a child that has already
    /// spent `waited` days in it, from replicate `replicate` and the uniform `u`; `None` for
    /// the fixed law (the caller then adds its days as the projection does).
    pub fn draw(&self, replicate: usize, waited: f64, u: f64) -> Option<f64> {
        match self {
            StageLaw::Fixed(_) => None,
            StageLaw::Curves { curves, factor, .. } => {
                let curve = &curves[replicate % curves.len()];
                // In the scenario's time the child has waited `waited`; in the estimate's
                // own time that is `waited / factor`.
                let f = factor.max(1e-6);
                Some((curve.quantile_after(waited / f, u) * f).min(MAX_STAGE_DAYS))
            }
        }
    }

    /// The share of the stage's durations, as the scenario has them, at or below `days`: how
    /// far a child's wait has gone. `None` for the fixed law.
    pub fn share_waited(&self, days: f64) -> Option<f64> {
        match self {
            StageLaw::Fixed(_) => None,
            StageLaw::Curves { point, factor, .. } => {
                Some(point.share_within(days / factor.max(1e-6)))
            }
        }
    }

    /// The share of the authority's own durations of the stage at or below `days`: where a
    /// stage a child has already ended stands among them (the scenario changes only what is
    /// still to come). `None` for the fixed law.
    pub fn share_ended(&self, days: f64) -> Option<f64> {
        match self {
            StageLaw::Fixed(_) => None,
            StageLaw::Curves { point, .. } => Some(point.share_within(days)),
        }
    }

    /// The fixed days, for the fixed law.
    pub fn fixed(&self) -> Option<u32> {
        match self {
            StageLaw::Fixed(d) => Some(*d),
            StageLaw::Curves { .. } => None,
        }
    }
}

impl Bootstrap {
    /// Whether every replicate is drawn.
    pub fn is_drawn(&self) -> bool {
        self.drawn >= self.replicates
    }

    /// Draws the next replicate from `episodes`, the passages the bootstrap was started on.
    pub fn replicate(&mut self, episodes: &[Episode], rng: &mut SplitMix64) {
        // The Bayesian bootstrap (Rubin, 1981): every passage weighted at random, which
        // keeps the sorted order and so costs one pass per replicate.
        for w in self.weights.iter_mut() {
            *w = -(1.0 - rng.uniform()).max(f64::MIN_POSITIVE).ln();
        }
        if let Some(s) = Survival::estimate_with(episodes, &self.by_entry, &self.weights) {
            self.curves.push(s);
        }
        self.drawn += 1;
    }

    /// The law, from the replicates drawn and the estimate itself.
    pub fn finish(self, episodes: &[Episode]) -> StageLaw {
        let Some(point) =
            Survival::estimate_with(episodes, &self.by_entry, &vec![1.0; episodes.len()])
        else {
            return made_up(log_normal(self.days));
        };
        if self.curves.is_empty() {
            return made_up(log_normal(self.days));
        }
        StageLaw::Curves {
            curves: self.curves,
            factor: f64::from(self.days) / f64::from(self.default_days),
            point,
        }
    }
}

fn made_up(points: Vec<Episode>) -> StageLaw {
    let weights = vec![1.0; points.len()];
    match Survival::estimate(&points, &weights) {
        Some(curve) => StageLaw::Curves {
            curves: vec![curve.clone()],
            factor: 1.0,
            point: curve,
        },
        None => StageLaw::Fixed(0),
    }
}

fn sorted(mut values: Vec<u32>) -> Vec<Episode> {
    crate::sorting::sort(&mut values);
    values
        .into_iter()
        .map(|days| Episode {
            days,
            ended: true,
            entry: 0,
        })
        .collect()
}

/// Quantiles of the symmetric triangular spread of `percent` either side of `days`.
fn triangular(days: u32, percent: f64) -> Vec<Episode> {
    let p = (percent / 100.0).clamp(0.0, 1.0);
    sorted(
        (0..SPREAD_POINTS)
            .map(|i| {
                let q = (i as f64 + 0.5) / SPREAD_POINTS as f64;
                let x = if q < 0.5 {
                    -1.0 + (2.0 * q).sqrt()
                } else {
                    1.0 - (2.0 * (1.0 - q)).sqrt()
                };
                (f64::from(days) * (1.0 + p * x))
                    .round()
                    .clamp(0.0, MAX_STAGE_DAYS) as u32
            })
            .collect(),
    )
}

/// Quantiles of a log-normal spread whose median is `days`.
fn log_normal(days: u32) -> Vec<Episode> {
    sorted(
        (0..SPREAD_POINTS)
            .map(|i| {
                let q = (i as f64 + 0.5) / SPREAD_POINTS as f64;
                (f64::from(days) * (FALLBACK_SPREAD * normal_quantile(q)).exp())
                    .round()
                    .clamp(0.0, MAX_STAGE_DAYS) as u32
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_faster_stage_scales_every_draw_and_the_wait_so_far() {
        let episodes = sorted((1..=20).map(|i| i * 10).collect());
        let mut rng = SplitMix64::new(1);
        // Default 100 days, the scenario 50 days: every duration is halved.
        let law = StageLaw::new(&episodes, 100, 50, None, &mut rng);
        let plain = StageLaw::new(&episodes, 100, 100, None, &mut SplitMix64::new(1));
        for u in [0.1, 0.5, 0.9] {
            let (half, whole) = (law.draw(0, 0.0, u).unwrap(), plain.draw(0, 0.0, u).unwrap());
            assert!((half * 2.0 - whole).abs() < 1e-9, "{half} {whole}");
            // A child who has waited 60 days of a halved stage is past 120 days of the
            // estimate's own time.
            assert!(law.draw(0, 60.0, u).unwrap() >= 60.0);
        }
        assert_eq!(
            StageLaw::new(&episodes, 100, 70, Some(0.0), &mut rng).fixed(),
            Some(70)
        );
    }
}
