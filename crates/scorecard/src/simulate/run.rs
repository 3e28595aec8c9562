//! One run after another: each draws its own parameters (the service's speed in each year
//! ahead, a replicate of the duration estimates, the leaving rates, the years' totals), places
//! every pipeline child, fills each year up to its total with adoptions not yet in the data,
//! and records the averages.

use super::child::{place_child, RunDays};
use super::estimate::PRIOR_LEAVING;
use super::sampler::REPLICATES;
use super::{Leaving, SimYear, Simulation};

/// One simulated year's adoptions not yet in the data: per days measure, their sum and count.
type Unknown = [(f64, u64); 3];

impl Simulation {
    /// Runs up to `n` more runs (never past the total); returns the runs done so far.
    /// Finishes the preparation first, if steps of it are left (see
    /// [`Simulation::prepare_step`]).
    pub fn run_batch(&mut self, n: u32) -> u32 {
        while !self.prepare_step() {}
        let todo = n.min(self.settings.runs - self.done);
        let per_run = self.periods.len() * 6;
        self.results.reserve(todo as usize * per_run);
        self.year_results
            .reserve(todo as usize * self.periods.len() * 6);
        let mut years = self.base.clone();
        let mut speed = vec![1.0; self.base.len()];
        let mut unknown: Vec<Unknown> = vec![[(0.0, 0); 3]; self.expected.len()];
        for _ in 0..todo {
            years.copy_from_slice(&self.base);
            self.draw_speed(&mut speed);
            let replicate = self.rng.index(REPLICATES);
            let rates = self.leaving_rates();
            for c in &self.children {
                // A child who leaves the route (plans change) is in no figure of this run: with
                // the scenario's share, before its match; else at each stage's own rate per
                // day, as the child goes through it (see `place_child`).
                if let Leaving::BeforeMatch(p) = self.leaving {
                    if c.before_match() && p > 0.0 && self.rng.uniform() < p {
                        continue;
                    }
                }
                let run = RunDays {
                    as_of: self.as_of,
                    earliest: self.earliest,
                    speed: &speed,
                    replicate,
                    together: self.together,
                    leaving: &rates,
                };
                place_child(
                    c,
                    run,
                    &self.laws,
                    &self.year_of_day,
                    &mut years,
                    &mut self.rng,
                );
            }
            self.fill_years(&years, &speed, &rates, &mut unknown);
            self.record(&years, &unknown);
        }
        self.done += todo;
        self.done
    }

    /// The service's speed in each simulated year: a factor on every duration worked that
    /// year. This year's differs from the recent years the estimates come from by a year's
    /// change, and each later year moves on from the one before by another (a random walk):
    /// a service that has slowed stays slow, and the further ahead, the less is known.
    fn draw_speed(&mut self, speed: &mut [f64]) {
        if !self.varied {
            speed.fill(1.0);
            return;
        }
        let tau = self.year_speed;
        let mut z = tau * self.rng.normal();
        for (k, s) in speed.iter_mut().enumerate() {
            // Centred so that a year's factor averages 1: the recent years' durations are
            // the usual, and the years ahead scatter around them, not above them.
            let variance = tau * tau * (k as f64 + 1.0);
            *s = (z - variance / 2.0).exp();
            z += tau * self.rng.normal();
        }
    }

    /// This run's chance per day of leaving the route during each stage.
    fn leaving_rates(&mut self) -> [f64; 5] {
        match self.leaving {
            Leaving::PerStage { left, exposure } => std::array::from_fn(|i| {
                let (a, b) = PRIOR_LEAVING;
                self.rng.gamma(f64::from(left[i]) + a) / (exposure[i] + b)
            }),
            _ => [0.0; 5],
        }
    }

    /// The adoptions not yet in the data, year by year: children whose route starts after the
    /// as-of date (see `newcomers`), as many as the authority's rate of new routes brings into
    /// the year (a rate as uncertain as its recent years) less those who leave the route. Where
    /// the scenario sets a year's total, or the records cannot say how often routes start, the
    /// year is filled up to its total instead, the pipeline children the run put in it
    /// counting first. Their figures are the newcomers', or the scenario's pace where it sets
    /// one, for the year's speed.
    fn fill_years(
        &mut self,
        years: &[SimYear],
        speed: &[f64],
        rates: &[f64; 5],
        unknown: &mut [Unknown],
    ) {
        let volume = if self.varied && self.dispersion > 0.0 {
            self.rng.gamma(1.0 / self.dispersion) * self.dispersion
        } else {
            1.0
        };
        let stay = match self.leaving {
            Leaving::Nobody => 1.0,
            Leaving::BeforeMatch(p) => 1.0 - p,
            Leaving::PerStage { .. } => 1.0,
        };
        for (offset, slot) in unknown.iter_mut().enumerate() {
            let in_year = years.get(offset).map_or(0, |y| y.adoptions);
            let n = match self.route_starts_per_day {
                Some(rate) if self.varied && !self.total_set[offset] => {
                    let stay = stay * self.newcomers.staying(offset, rates);
                    let mean = rate * self.newcomers.per_daily_start(offset) * stay * volume;
                    self.rng.poisson(mean)
                }
                _ => {
                    let expected = self.expected[offset];
                    let total = if self.varied {
                        self.rng.negative_binomial(expected as f64, self.dispersion)
                    } else {
                        expected
                    };
                    total.saturating_sub(in_year)
                }
            };
            let factor = speed.get(offset).copied().unwrap_or(1.0);
            *slot = [(0.0, 0); 3];
            let mut from_pace = self.pace_set;
            if n > 0 && self.varied && !self.pace_set.iter().all(|set| *set) {
                for _ in 0..n {
                    let Some(v) = self.newcomers.draw(offset, &mut self.rng) else {
                        // No newcomer can reach this year: the assumed pace stands in.
                        from_pace = [true; 3];
                        *slot = [(0.0, 0); 3];
                        break;
                    };
                    for k in 0..3 {
                        if !self.pace_set[k] {
                            slot[k].0 += f64::from(v[k]) * factor;
                            slot[k].1 += 1;
                        }
                    }
                }
            } else {
                from_pace = [true; 3];
            }
            for k in 0..3 {
                if !from_pace[k] {
                    continue;
                }
                slot[k] = match self.pace[k] {
                    Some(pace) if n > 0 => {
                        let noise = if self.varied {
                            (n as f64).sqrt() * self.child_spread[k] * self.rng.normal()
                        } else {
                            0.0
                        };
                        (((n as f64 + noise) * pace * factor).max(0.0), n)
                    }
                    _ => (0.0, 0),
                };
            }
        }
    }

    fn record(&mut self, years: &[SimYear], unknown: &[Unknown]) {
        for (pi, period) in self.periods.iter().enumerate() {
            for assumed in [false, true] {
                let mut acc = self.closed[pi];
                for y in period.years() {
                    let offset = y.0 - self.first_open.0;
                    let Some(o) = usize::try_from(offset).ok() else {
                        continue;
                    };
                    let Some(sy) = years.get(o) else { continue };
                    for (k, a) in acc.iter_mut().enumerate() {
                        a.0 += sy.sum[k];
                        a.1 += sy.count[k];
                        if assumed {
                            if let Some(u) = unknown.get(o) {
                                a.0 += u[k].0;
                                a.1 += u[k].1;
                            }
                        }
                    }
                }
                for (sum, count) in acc {
                    self.results.push(if count > 0 {
                        (sum / count as f64) as f32
                    } else {
                        f32::NAN
                    });
                }
            }
        }
        // The reported periods end in the open years, one each: the same years, one by one,
        // from the children in the data, then with the adoptions not yet in it.
        for (offset, sy) in years.iter().enumerate().take(self.periods.len()) {
            for assumed in [false, true] {
                for k in 0..3 {
                    let (mut sum, mut count) = (sy.sum[k], sy.count[k]);
                    if assumed {
                        if let Some(u) = unknown.get(offset) {
                            sum += u[k].0;
                            count += u[k].1;
                        }
                    }
                    self.year_results.push(if count > 0 {
                        (sum / count as f64) as f32
                    } else {
                        f32::NAN
                    });
                }
            }
        }
    }
}
