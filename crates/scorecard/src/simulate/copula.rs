//! A child slow in one stage is often slow in the next: older children, sibling groups and
//! children with more needs take longer to place at every step. Drawing each stage on its own
//! would let a child who has waited two years for a match then sail through court, and the
//! forecast would put the slow children into the figures too soon.
//!
//! So each child has a difficulty, shared by its stages (a Gaussian copula: every stage's
//! duration is read at the quantile `Φ(√ρ z + √(1-ρ) e)` of its own distribution, `z` the
//! child's difficulty, `e` the stage's own chance). How strongly stages move together (`ρ`) is
//! learned from the authority's children who went through two or more stages; a child's
//! difficulty is drawn from what its own stages say of it, the time it has already waited
//! included.

use crate::rng::SplitMix64;

/// The standard normal distribution function (Abramowitz and Stegun 26.2.17, error below
/// 7.5e-8).
pub(super) fn normal_cdf(x: f64) -> f64 {
    if x.is_nan() {
        return 0.5;
    }
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The normal score of a share: the standard normal quantile, kept off the infinite ends.
pub(super) fn score(share: f64) -> f64 {
    normal_quantile(share.clamp(1e-6, 1.0 - 1e-6))
}

/// The standard normal quantile (Acklam's rational approximation, relative error below
/// 1.2e-9).
pub(super) fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let tail = |q: f64| {
        let q = (-2.0 * q.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail(p)
    } else if p > 1.0 - 0.02425 {
        -tail(1.0 - p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// How strongly a child's stages move together, from pairs of normal scores of consecutive
/// stages (the second either ended, or only known to be longer than its score): the value of
/// 0 to 0.9, by steps of 0.02, under which the pairs are likeliest (for a pair, the second
/// score given the first is normal, of mean `ρ s1` and variance `1 - ρ²`), shrunk toward 0 as
/// far as the pairs are few (30 pairs weigh as much as the prior of none).
pub(super) fn together_censored(pairs: &[(f64, f64, bool)]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    let likelihood = |rho: f64| {
        let spread = (1.0 - rho * rho).sqrt();
        pairs
            .iter()
            .map(|&(first, second, ended)| {
                let x = (second - rho * first) / spread;
                if ended {
                    -0.5 * x * x - spread.ln()
                } else {
                    (1.0 - normal_cdf(x)).max(1e-300).ln()
                }
            })
            .sum::<f64>()
    };
    let best = (0..=45)
        .map(|k| f64::from(k) * 0.02)
        .max_by(|a, b| likelihood(*a).total_cmp(&likelihood(*b)))
        .unwrap_or(0.0);
    let n = pairs.len() as f64;
    best * n / (n + 30.0)
}

/// A child's difficulty drawn from what its ended stages say (`sum` of their `n` normal
/// scores), with stages moving together by `rho`.
pub(super) fn difficulty(rho: f64, sum: f64, n: u32, rng: &mut SplitMix64) -> f64 {
    let own = 1.0 - rho;
    let precision = 1.0 + f64::from(n) * rho / own;
    let mean = rho.sqrt() / own * sum / precision;
    mean + rng.normal() / precision.sqrt()
}

/// The normal score of the stage a child is in, its wait already past the score `least`,
/// for a child of difficulty `z`: drawn above it.
pub(super) fn score_beyond(rho: f64, z: f64, least: f64, rng: &mut SplitMix64) -> f64 {
    let (mean, spread) = (rho.sqrt() * z, (1.0 - rho).sqrt());
    let floor = normal_cdf((least - mean) / spread);
    let u = floor + (1.0 - floor) * rng.uniform();
    // Far in the tail the quantile is clipped: never below what the wait already says.
    (mean + spread * score(u)).max(least)
}

/// A stage's quantile for a child of difficulty `z`.
pub(super) fn quantile(rho: f64, z: f64, rng: &mut SplitMix64) -> f64 {
    normal_cdf(rho.sqrt() * z + (1.0 - rho).sqrt() * rng.normal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_functions_agree_with_the_tables() {
        // Tables: z(0.975) = 1.959964, z(0.9) = 1.281552, z(0.5) = 0, z(0.01) = -2.326348.
        for (p, z) in [
            (0.975, 1.959_964),
            (0.9, 1.281_552),
            (0.5, 0.0),
            (0.01, -2.326_348),
        ] {
            assert!((normal_quantile(p) - z).abs() < 1e-6, "{p}");
            assert!((normal_cdf(z) - p).abs() < 1e-6, "{z}");
        }
    }

    #[test]
    fn a_child_who_has_waited_long_is_drawn_as_a_slow_one() {
        // Stages moving together at 0.5: a child past 95% of the stage's durations is most
        // likely difficult, so its next stage is drawn slower than the middle on average;
        // with no togetherness it is drawn as anyone.
        let mut rng = SplitMix64::new(3);
        let next = |rho: f64, rng: &mut SplitMix64| {
            let mut total = 0.0;
            for _ in 0..20_000 {
                let z = difficulty(rho, 0.0, 0, rng);
                let s = score_beyond(rho, z, score(0.95), rng);
                assert!(normal_cdf(s) >= 0.95 - 1e-6, "{s} {}", normal_cdf(s));
                // One step of Gibbs: the difficulty again, knowing this stage's score.
                let z = difficulty(rho, s, 1, rng);
                total += quantile(rho, z, rng);
            }
            total / 20_000.0
        };
        assert!(next(0.5, &mut rng) > 0.65);
        assert!((next(0.0, &mut rng) - 0.5).abs() < 0.01);
        assert_eq!(together_censored(&[]), 0.0);
    }

    #[test]
    fn stages_that_move_together_are_found_even_when_the_slow_ones_are_still_open() {
        // Pairs drawn at a correlation of 0.5; every second stage whose score passes 0.5 is
        // still open at that score (as the slow ones are on the as-of date). The complete
        // pairs alone would say far less; with the open ones the estimate is near 0.5
        // (shrunk by 2,000 / 2,030).
        let mut rng = SplitMix64::new(9);
        let pairs: Vec<(f64, f64, bool)> = (0..2_000)
            .map(|_| {
                let z = rng.normal();
                let a = 0.5f64.sqrt() * z + 0.5f64.sqrt() * rng.normal();
                let b = 0.5f64.sqrt() * z + 0.5f64.sqrt() * rng.normal();
                if b > 0.5 {
                    (a, 0.5, false)
                } else {
                    (a, b, true)
                }
            })
            .collect();
        let rho = together_censored(&pairs);
        assert!((rho - 0.5 * 2_000.0 / 2_030.0).abs() < 0.05, "{rho}");
    }
}
