//! The crate's one seeded generator: SplitMix64 (Steele, Lea and Flood, 2014), small, fast and
//! good enough for drawing durations and building the demonstration. The same seed always
//! gives the same numbers, on every platform, so a forecast's band and the demonstration
//! dataset never change between releases or machines.

/// SplitMix64, handing out 64-bit numbers, or two 32-bit draws from each.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
    spare: Option<u32>,
    spare_normal: Option<f64>,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 {
            state: seed,
            spare: None,
            spare_normal: None,
        }
    }

    /// The next 64-bit number.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The next 32-bit number: each 64-bit output gives two.
    pub fn next_u32(&mut self) -> u32 {
        match self.spare.take() {
            Some(v) => v,
            None => {
                let r = self.next_u64();
                self.spare = Some(r as u32);
                (r >> 32) as u32
            }
        }
    }

    /// A uniform index below `n` (multiply-shift: no division, negligible bias).
    pub fn index(&mut self, n: usize) -> usize {
        ((self.next_u32() as u64 * n as u64) >> 32) as usize
    }

    /// A uniform number in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        self.next_u32() as f64 / 4_294_967_296.0
    }

    /// A whole number from `low` to `high`, both included.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        let width = (high - low + 1).max(1) as u64;
        low + (self.next_u64() % width) as i64
    }

    /// A Poisson draw with mean `mean`: how many adoptions a year brings when `mean` are
    /// expected. Counting uniform draws (Knuth) for small means; the normal approximation,
    /// rounded, for large ones, where it is close and counting would be slow.
    pub fn poisson(&mut self, mean: f64) -> u64 {
        if mean <= 0.0 || mean.is_nan() {
            return 0;
        }
        if mean < 30.0 {
            let limit = (-mean).exp();
            let mut k = 0;
            let mut p = self.uniform();
            while p > limit {
                k += 1;
                p *= self.uniform();
            }
            return k;
        }
        (mean + mean.sqrt() * self.normal()).round().max(0.0) as u64
    }

    /// A gamma draw of shape `shape` and scale 1 (Marsaglia and Tsang, 2000; for a shape
    /// under 1, a draw of shape + 1 scaled by a uniform to the power 1 / shape).
    pub fn gamma(&mut self, shape: f64) -> f64 {
        if shape.is_nan() || shape <= 0.0 {
            return 0.0;
        }
        if shape < 1.0 {
            let u = (1.0 - self.uniform()).max(f64::MIN_POSITIVE);
            return self.gamma(shape + 1.0) * u.powf(1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v <= 0.0 {
                continue;
            }
            let u = (1.0 - self.uniform()).max(f64::MIN_POSITIVE);
            if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v;
            }
        }
    }

    /// A negative-binomial draw of mean `mean` whose variance is `mean + dispersion x mean²`
    /// (a Poisson whose own mean is gamma-distributed): how many adoptions a year brings when
    /// years differ by more than chance alone. A dispersion of 0 is the Poisson.
    pub fn negative_binomial(&mut self, mean: f64, dispersion: f64) -> u64 {
        if dispersion <= 0.0 || mean <= 0.0 {
            return self.poisson(mean);
        }
        let shape = 1.0 / dispersion;
        let lambda = self.gamma(shape) * mean / shape;
        self.poisson(lambda)
    }

    /// A standard normal draw from two uniforms of its own (Box and Muller, the second draw
    /// thrown away): the demonstration's process draws this way, and its tuned figures rest on
    /// the exact numbers drawn.
    pub fn normal_alone(&mut self) -> f64 {
        let u1 = (1.0 - self.uniform()).max(f64::MIN_POSITIVE);
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// A standard normal draw (Box and Muller: two uniforms give two draws, the second kept
    /// for the next call).
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        let u1 = (1.0 - self.uniform()).max(f64::MIN_POSITIVE);
        let u2 = self.uniform();
        let r = (-2.0 * u1.ln()).sqrt();
        let (sin, cos) = (std::f64::consts::TAU * u2).sin_cos();
        self.spare_normal = Some(r * sin);
        r * cos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_output_is_splitmix64s_published_value() {
        // SplitMix64 from seed 0: the first output is 0xE220A8397B1DCDAF.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn poisson_draws_have_the_mean_and_spread_they_should() {
        // Mean and variance of a Poisson are both its mean: 4 and 900 here, within a few
        // standard errors over 20,000 draws.
        for mean in [4.0, 900.0] {
            let mut rng = SplitMix64::new(11);
            let draws: Vec<f64> = (0..20_000).map(|_| rng.poisson(mean) as f64).collect();
            let m = draws.iter().sum::<f64>() / draws.len() as f64;
            let v = draws.iter().map(|d| (d - m).powi(2)).sum::<f64>() / draws.len() as f64;
            assert!(
                (m - mean).abs() < 4.0 * (mean / 20_000.0).sqrt(),
                "{mean}: {m}"
            );
            assert!((v / mean - 1.0).abs() < 0.05, "{mean}: {v}");
        }
        assert_eq!(SplitMix64::new(1).poisson(0.0), 0);
    }

    #[test]
    fn gamma_and_negative_binomial_draws_have_their_moments() {
        // Gamma(k): mean k, variance k. Negative binomial of mean 40 and dispersion 0.05: variance 40 + 0.05 x 1600 = 120.
        let mut rng = SplitMix64::new(5);
        let moments = |draws: &[f64]| {
            let m = draws.iter().sum::<f64>() / draws.len() as f64;
            let v = draws.iter().map(|d| (d - m).powi(2)).sum::<f64>() / draws.len() as f64;
            (m, v)
        };
        for k in [0.5, 3.0] {
            let (m, v) = moments(&(0..40_000).map(|_| rng.gamma(k)).collect::<Vec<_>>());
            assert!((m - k).abs() < 0.03 * k.max(1.0), "{k}: {m}");
            assert!((v / k - 1.0).abs() < 0.06, "{k}: {v}");
        }
        let (m, v) = moments(
            &(0..40_000)
                .map(|_| rng.negative_binomial(40.0, 0.05) as f64)
                .collect::<Vec<_>>(),
        );
        assert!(
            (m - 40.0).abs() < 0.3 && (v / 120.0 - 1.0).abs() < 0.06,
            "{m} {v}"
        );
    }
}
