//! A made-up authority's whole history, generated forward in time by a process written for
//! this test alone, without reading the engine's model: children come onto the adoption route
//! at a rate that changes from year to year; each stage of their journey needs an amount of
//! work whose distribution is the authority's own (log-normal, gamma or a mixture, never the
//! engine's estimate), done at a service speed that drifts from year to year (courts, staff,
//! adopters), so a stage that spans a change of year speeds up or slows down part-way; some
//! children leave the route at each stage; some are adopted by their foster carers.

use chrono::{Datelike, Duration, NaiveDate};
use scorecard::ChildRecord;

/// A small generator of its own (PCG-XSH-RR, O'Neill 2014): the world shares nothing with the
/// engine, not even its random numbers.
pub struct Pcg(u64);

impl Pcg {
    pub fn new(seed: u64) -> Pcg {
        let mut p = Pcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xDA3E_39CB_94B9_5BDB);
        p.next();
        p
    }

    pub fn next(&mut self) -> u32 {
        let old = self.0;
        self.0 = old
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// Uniform in (0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() as f64 + 0.5) / 4_294_967_296.0
    }

    pub fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// A standard normal draw (Marsaglia's polar method).
    pub fn normal(&mut self) -> f64 {
        loop {
            let (u, v) = (2.0 * self.unit() - 1.0, 2.0 * self.unit() - 1.0);
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                return u * (-2.0 * s.ln() / s).sqrt();
            }
        }
    }

    /// A gamma draw of shape `k` and mean 1 (Marsaglia and Tsang).
    pub fn gamma_mean_one(&mut self, k: f64) -> f64 {
        if k < 1.0 {
            let u = self.unit();
            return self.gamma_mean_one(k + 1.0) * (k + 1.0) / k * u.powf(1.0 / k);
        }
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v <= 0.0 {
                continue;
            }
            let u = self.unit();
            if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v / k;
            }
        }
    }

    /// Exponential waiting times of rate `per_day`, counted until `days` have passed.
    pub fn poisson_times(&mut self, per_day: f64, days: f64) -> Vec<f64> {
        let mut t = 0.0;
        let mut out = Vec::new();
        loop {
            t += -self.unit().ln() / per_day;
            if t >= days {
                return out;
            }
            out.push(t);
        }
    }
}

/// How one stage's work is spread between children.
#[derive(Clone, Copy, Debug)]
enum Shape {
    LogNormal {
        sigma: f64,
    },
    Gamma {
        k: f64,
    },
    /// Most children log-normal; a share (hard to place: older children, sibling groups)
    /// needing `factor` times the work.
    Mixture {
        sigma: f64,
        hard: f64,
        factor: f64,
    },
}

#[derive(Clone, Copy, Debug)]
struct StageLaw {
    median: f64,
    shape: Shape,
}

impl StageLaw {
    fn draw(&self, rng: &mut Pcg) -> f64 {
        match self.shape {
            Shape::LogNormal { sigma } => self.median * (sigma * rng.normal()).exp(),
            // The gamma's median is a little under its mean; near enough for a made-up world.
            Shape::Gamma { k } => self.median * rng.gamma_mean_one(k),
            Shape::Mixture {
                sigma,
                hard,
                factor,
            } => {
                let base = self.median * (sigma * rng.normal()).exp();
                if rng.unit() < hard {
                    base * factor
                } else {
                    base
                }
            }
        }
    }
}

/// One authority's laws: volume, stage work, service speed by year, leaving, foster carers.
pub struct Authority {
    /// Route starts (SHOBPA decisions) per year, before the year's own change.
    starts_per_year: f64,
    /// Entered care to decision, decision to placement order, placement order to match,
    /// match to moving in, moving in to adoption order.
    stages: [StageLaw; 5],
    /// Chance of leaving the route during each stage from the decision on.
    leaving: [f64; 5],
    foster_carers: f64,
    early_match: f64,
    /// How much a child's own difficulty (age, siblings, needs) slows every stage of its
    /// journey alike (log scale): a child slow in one stage is slow in the next.
    complexity: f64,
    first_year: i32,
    /// Per calendar year from `first_year`, how long work takes (1 = usual): shared by every
    /// stage, with a smaller part of its own for each stage.
    slowness: Vec<[f64; 5]>,
    /// Per year, the route starts' multiplier.
    volume: Vec<f64>,
}

/// The first and last calendar years the world runs through.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2022;

impl Authority {
    pub fn new(rng: &mut Pcg) -> Authority {
        let first_year = FIRST_YEAR;
        let years = (LAST_YEAR - FIRST_YEAR + 1) as usize;
        let tau = rng.range(0.04, 0.22);
        let rho = rng.range(0.2, 0.95);
        // A drift of a few percent a year, better or worse, under the year-to-year changes.
        let trend = rng.range(-0.04, 0.04);
        let mut z = tau * rng.normal();
        let mut slowness = Vec::with_capacity(years);
        for year in 0..years {
            z = rho * z + (1.0 - rho * rho).sqrt() * tau * rng.normal();
            let z = z + trend * (year as f64 - 12.0);
            let own: [f64; 5] = std::array::from_fn(|_| 0.05 * rng.normal());
            let z = z.clamp(-0.7, 0.7);
            slowness.push(own.map(|o| (z + o).exp()));
        }
        let volume_spread = rng.range(0.05, 0.2);
        let volume = (0..years)
            .map(|_| (volume_spread * rng.normal()).exp())
            .collect();
        Authority {
            starts_per_year: rng.range(14.0, 75.0),
            stages: [
                StageLaw {
                    median: rng.range(110.0, 330.0),
                    shape: Shape::LogNormal {
                        sigma: rng.range(0.3, 0.65),
                    },
                },
                StageLaw {
                    median: rng.range(50.0, 200.0),
                    shape: Shape::Gamma {
                        k: rng.range(1.5, 5.0),
                    },
                },
                StageLaw {
                    median: rng.range(70.0, 330.0),
                    shape: Shape::Mixture {
                        sigma: rng.range(0.35, 0.8),
                        hard: rng.range(0.0, 0.2),
                        factor: rng.range(1.8, 3.0),
                    },
                },
                StageLaw {
                    median: rng.range(12.0, 60.0),
                    shape: Shape::Gamma { k: 3.0 },
                },
                StageLaw {
                    median: rng.range(110.0, 300.0),
                    shape: Shape::LogNormal {
                        sigma: rng.range(0.25, 0.55),
                    },
                },
            ],
            leaving: [
                0.0,
                rng.range(0.02, 0.12),
                rng.range(0.02, 0.12),
                rng.range(0.0, 0.02),
                rng.range(0.0, 0.02),
            ],
            foster_carers: rng.range(0.03, 0.15),
            early_match: rng.range(0.0, 0.05),
            complexity: rng.range(0.0, 0.25),
            first_year,
            slowness,
            volume,
        }
    }

    fn slowness(&self, stage: usize, date: NaiveDate) -> f64 {
        let i = (date.year() - self.first_year).clamp(0, self.slowness.len() as i32 - 1);
        self.slowness[i as usize][stage]
    }

    /// The day a stage that starts on `start` and needs `work` days at the usual speed ends,
    /// the speed changing at each new calendar year.
    fn finish(&self, stage: usize, start: NaiveDate, mut work: f64) -> NaiveDate {
        let mut at = start;
        loop {
            let year_end = NaiveDate::from_ymd_opt(at.year() + 1, 1, 1).unwrap();
            let days_left = (year_end - at).num_days() as f64;
            let slow = self.slowness(stage, at);
            if work * slow <= days_left {
                return at + Duration::days((work * slow).round() as i64);
            }
            work -= days_left / slow;
            at = year_end;
        }
    }

    /// Every child whose route started in the world's years, in order of their decision.
    pub fn history(&self, rng: &mut Pcg) -> Vec<ChildRecord> {
        let mut children = Vec::new();
        for (i, multiplier) in self.volume.iter().enumerate() {
            let year = self.first_year + i as i32;
            let jan = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            for t in rng.poisson_times(self.starts_per_year * multiplier / 365.0, 365.0) {
                let decision = jan + Duration::days(t as i64);
                children.push(self.journey(rng, decision, children.len()));
            }
        }
        children
    }

    fn journey(&self, rng: &mut Pcg, decision: NaiveDate, n: usize) -> ChildRecord {
        // Entering care came before the decision: the same law, read backwards.
        let before = self.stages[0].draw(rng) * self.slowness(0, decision);

        let entered = decision - Duration::days(before.round().max(1.0) as i64);
        let mut child = ChildRecord::new(format!("S{n:05}"), entered);
        child.shobpa_decision = Some(decision);
        if rng.unit() < self.foster_carers {
            child.foster_carer_adoption = true;
            child.foster_placement_start =
                Some(entered + Duration::days(rng.range(7.0, 90.0) as i64));
        }
        let difficulty = (self.complexity * rng.normal()).exp();
        let mut at = decision;
        for stage in 1..5 {
            let work = self.stages[stage].draw(rng) * difficulty;
            let end = self.finish(stage, at, work).max(at);
            if rng.unit() < self.leaving[stage] {
                let part = rng.range(0.05, 1.0);
                let left = at + Duration::days(((end - at).num_days() as f64 * part) as i64);
                child.left_route = Some(left.max(at));
                return child;
            }
            match stage {
                1 => child.placement_order = Some(end),
                2 => {
                    // Early permanence: matched before the court's order (A2 then scores 0).
                    if rng.unit() < self.early_match {
                        let order = child.placement_order.unwrap();
                        child.matched = Some(order - Duration::days(rng.range(1.0, 40.0) as i64));
                        at = order;
                        continue;
                    }
                    child.matched = Some(end)
                }
                3 => child.placed = Some(end),
                _ => child.adoption_order = Some(end),
            }
            at = end;
        }
        if let (Some(start), Some(placed)) = (child.foster_placement_start, child.placed) {
            child.foster_placement_start = Some(start.min(placed));
        }
        child
    }
}

/// The record as it stood at the end of `origin`, from the world's own rule: a child whose
/// route had not started (no decision yet) is unknown; later dates are not yet written; and
/// the authority keeps records only of the children adopted, or leaving the route, on or
/// after `records_from` and of those still on the route.
pub fn known_at(
    child: &ChildRecord,
    origin: NaiveDate,
    records_from: NaiveDate,
) -> Option<ChildRecord> {
    if child.shobpa_decision? > origin {
        return None;
    }
    if child
        .adoption_order
        .or(child.left_route)
        .is_some_and(|end| end < records_from)
    {
        return None;
    }
    let cut = |d: Option<NaiveDate>| d.filter(|d| *d <= origin);
    Some(ChildRecord {
        placement_order: cut(child.placement_order),
        matched: cut(child.matched),
        placed: cut(child.placed),
        adoption_order: cut(child.adoption_order),
        left_route: cut(child.left_route),
        foster_placement_start: if cut(child.placed).is_some() {
            child.foster_placement_start
        } else {
            None
        },
        foster_carer_adoption: child.foster_carer_adoption && cut(child.placed).is_some(),
        ..child.clone()
    })
}

/// The financial year (named by the calendar year it starts in) a date falls in.
pub fn financial_year(date: NaiveDate) -> i32 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// A three-year figure by the scorecard's definition, counted here from the children of the
/// financial years `last - 2 ..= last`: A1 (entered care to moving in), A10 (to the foster
/// placement for foster-carer adoptions) or A2 (placement order to match, 0 when matched
/// before the order). `None` with no child.
pub fn three_year(children: &[ChildRecord], last: i32, indicator: &str) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0u32);
    for c in children {
        let Some(order) = c.adoption_order else {
            continue;
        };
        let year = financial_year(order);
        if year < last - 2 || year > last || c.left_route.is_some() {
            continue;
        }
        let placed = c.placed.unwrap();
        let days = match indicator {
            "A1" => (placed - c.entered_care).num_days(),
            "A10" => match (c.foster_carer_adoption, c.foster_placement_start) {
                (true, Some(s)) => (s - c.entered_care).num_days(),
                _ => (placed - c.entered_care).num_days(),
            },
            _ => match (c.placement_order, c.matched) {
                (Some(o), Some(m)) => (m - o).num_days().max(0),
                _ => continue,
            },
        };
        sum += days as f64;
        n += 1;
    }
    (n > 0).then(|| sum / n as f64)
}
