//! The adoptions not yet in the data are children whose route has not started on the as-of
//! date: to be adopted within the years reported, they must go through it quickly, so they
//! are not like the year's other children. Their figures come from children started, on paper,
//! on every day after the as-of date and taken through every stage with the authority's own
//! durations; those whose adoption order falls in a year are that year's newcomers.

use super::copula::quantile;
use super::sampler::{StageLaw, REPLICATES};
use crate::rng::SplitMix64;

/// How many route starts are taken through on paper: enough newcomers for every year.
const STARTS: usize = 3_000;

/// Per reported year (from the first open one), the A1, A10 and A2 days of the children
/// started after the as-of date whose adoption order falls in it.
#[derive(Debug, Clone, Default)]
pub(super) struct Newcomers {
    per_year: Vec<Vec<[f32; 3]>>,
    /// Per year, the mean days its newcomers spent in each stage from the decision on.
    stage_days: Vec<[f64; 5]>,
    /// The days over which the route starts were spread.
    span: f64,
}

impl Newcomers {
    /// Newcomers for the first `years` open years; `year_of_day` maps days from the as-of
    /// date to a year (as in the runs).
    pub fn new(
        laws: &[StageLaw],
        year_of_day: &[u8],
        years: usize,
        together: f64,
        rng: &mut SplitMix64,
    ) -> Newcomers {
        let mut per_year = vec![Vec::new(); years];
        let mut stage_days = vec![[0.0; 5]; years];
        if laws.iter().any(|l| l.fixed().is_some()) {
            return Newcomers {
                per_year,
                stage_days: vec![[0.0; 5]; years],
                span: 0.0,
            };
        }
        // Starts reach to the end of the last reported year.
        let span = year_of_day
            .iter()
            .position(|y| usize::from(*y) >= years && *y != u8::MAX)
            .unwrap_or(year_of_day.len());
        for j in 0..STARTS {
            let start = ((j as f64 + 0.5) / STARTS as f64 * span as f64) as usize;
            // Each newcomer's stages move together as the authority's do.
            let z = rng.normal();
            let stages: [f64; 5] = std::array::from_fn(|i| {
                let q = if i == 0 {
                    rng.uniform()
                } else {
                    quantile(together, z, rng)
                };
                laws[i].draw(j % REPLICATES, 0.0, q).unwrap_or(0.0)
            });
            let a1 = stages[0] + stages[1] + stages[2] + stages[3];
            let order = start as f64 + stages[1] + stages[2] + stages[3] + stages[4];
            let slot = year_of_day
                .get(order.round() as usize)
                .map(|y| usize::from(*y));
            if let Some(y) = slot.filter(|y| *y < years) {
                per_year[y].push([a1 as f32, a1 as f32, stages[2] as f32]);
                for (sum, d) in stage_days[y].iter_mut().zip(stages) {
                    *sum += d;
                }
            }
        }
        for (sums, year) in stage_days.iter_mut().zip(&per_year) {
            let n = year.len().max(1) as f64;
            sums.iter_mut().for_each(|s| *s /= n);
        }
        Newcomers {
            per_year,
            stage_days,
            span: span as f64,
        }
    }

    /// How many children adopted in year `offset` one new route a day brings (before any
    /// leave the route): the share of the starts adopted that year, over the days they were
    /// spread across.
    pub fn per_daily_start(&self, offset: usize) -> f64 {
        self.per_year
            .get(offset)
            .map_or(0.0, |y| y.len() as f64 / STARTS as f64 * self.span)
    }

    /// The chance that a newcomer of year `offset` stays on the route through its stages from
    /// the decision on, at the chances per day of leaving each.
    pub fn staying(&self, offset: usize, leaving: &[f64; 5]) -> f64 {
        self.stage_days.get(offset).map_or(1.0, |days| {
            (-(1..5).map(|i| leaving[i] * days[i]).sum::<f64>()).exp()
        })
    }

    /// One newcomer of year `offset`, at random; `None` when no start can reach the year.
    pub fn draw(&self, offset: usize, rng: &mut SplitMix64) -> Option<[f32; 3]> {
        let year = self.per_year.get(offset)?;
        (!year.is_empty()).then(|| year[rng.index(year.len())])
    }
}
