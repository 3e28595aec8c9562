//! The forward process the demonstration is a realisation of: children come onto the adoption
//! route (a SHOBPA decision) at a rate that changes from year to year; each stage of their
//! journey needs an amount of work drawn for the child (log-normal around the stage's usual
//! length; a share of children, hard to place, need far longer to find a family and longer in
//! court), done at the service's speed in each financial year, so a stage that runs into a
//! slower year slows down part-way; some children leave the route at each stage; some are
//! adopted by their foster carers. The process runs past the as-of date too, so that what a
//! manager expects for a waiting child is near what would happen.
//!
//! Every child draws its own random numbers from its own stream, and the route starts are a
//! unit-rate process stretched by the year's rate, so that a small change of a year's speed or
//! rate moves the realisation a little rather than drawing a new one: that is how the years'
//! speeds in [`DemoProcess::sheffield`] were tuned to the published figures.

use crate::dates::{add_days, FinancialYear};
use crate::record::ChildRecord;
use crate::rng::SplitMix64;
use chrono::NaiveDate;

/// The first financial year the process runs from.
pub const FIRST_YEAR: i32 = 2005;

/// Financial years the process has speeds and rates for (2005-06 to 2016-17).
pub const YEARS: usize = 12;

/// The usual work of each stage (days) and its spread between children (log scale): entered
/// care to decision, decision to placement order, placement order to match, match to moving
/// in, moving in to adoption order.
const STAGE_DAYS: [f64; 5] = [210.0, 100.0, 150.0, 28.0, 170.0];
const STAGE_SPREAD: [f64; 5] = [0.45, 0.5, 0.45, 0.4, 0.3];

/// The share of children hard to place, and how much longer their family finding and their
/// time in court take.
const HARD_TO_PLACE: f64 = 0.2;
const HARD_FAMILY_FINDING: f64 = 3.0;
const HARD_COURT: f64 = 4.0;

/// The chance of leaving the route during each stage from the decision on.
const LEAVING: [f64; 5] = [0.0, 0.02, 0.02, 0.004, 0.004];

/// The share of children adopted by their own foster carers.
const FOSTER_CARERS: f64 = 0.07;

/// The law gives an adoptive placement 10 weeks before an order can be made.
const MINIMUM_RESIDENCE: i64 = 75;

/// The process's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoProcess {
    /// The seed of every child's own stream.
    pub seed: u64,
    /// Route starts a year, per financial year from [`FIRST_YEAR`].
    pub starts: [f64; YEARS],
    /// Per financial year from [`FIRST_YEAR`], how long work takes (1 = usual): in care
    /// proceedings and the steps around the match (the stages other than family finding and
    /// court), in family finding, in court before the adoption order, and in family finding
    /// for the children hard to place (who wait on adopters able to take them).
    pub slowness: [[f64; 4]; YEARS],
}

/// One child's journey, with every date the process gave it (some after the as-of date).
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    /// Entered care, decision, placement order, match, moved in, adoption order; `None` after
    /// the child left the route.
    pub dates: [Option<NaiveDate>; 6],
    /// The day the child left the route, if it did.
    pub left: Option<NaiveDate>,
    /// Adopted by its foster carers, with the day that foster placement began.
    pub foster_placement: Option<NaiveDate>,
}

impl Journey {
    /// The record as known at the end of `as_of`: later dates are not yet written.
    pub fn known_on(&self, as_of: NaiveDate) -> ChildRecord {
        let known = |d: Option<NaiveDate>| d.filter(|d| *d <= as_of);
        let entered = self.dates[0].unwrap_or(as_of);
        let placed = known(self.dates[4]);
        ChildRecord {
            shobpa_decision: known(self.dates[1]),
            placement_order: known(self.dates[2]),
            matched: known(self.dates[3]),
            placed,
            adoption_order: known(self.dates[5]),
            left_route: known(self.left),
            foster_carer_adoption: self.foster_placement.is_some() && placed.is_some(),
            foster_placement_start: self.foster_placement.filter(|_| placed.is_some()),
            ..ChildRecord::new("", entered)
        }
    }
}

impl DemoProcess {
    /// The process the demonstration is a realisation of: its seed, and the years' rates and
    /// speeds that make it reproduce the Sheffield City Council scrutiny report's (2015)
    /// figures (see the module docs of `demo`).
    pub fn sheffield() -> DemoProcess {
        // Found by `cargo run --release -p scorecard --example tune_demo` (seed 95): the
        // story they tell is care proceedings that sped up from 2009-10, family finding that
        // slowed from 2010-11 and sharply in 2014-15 (for the children hard to place from
        // 2013-14), and courts quicker with the orders in 2014-15.
        DemoProcess {
            seed: 95,
            starts: [
                48.0, 48.0, 48.0, 48.0, 59.51, 35.38, 58.63, 39.69, 63.19, 52.0, 48.0, 48.0,
            ],
            slowness: [
                [1.0, 1.0, 1.0, 1.0],
                [1.0, 1.0, 1.0, 1.0],
                [1.197, 1.0, 1.0, 1.0],
                [1.868, 1.057, 1.0, 1.057],
                [0.616, 0.741, 1.0, 0.741],
                [0.664, 1.64, 1.0, 1.64],
                [0.956, 1.31, 1.0, 1.31],
                [0.719, 1.122, 1.0, 1.122],
                [0.445, 1.343, 1.0, 3.8],
                [1.179, 4.437, 0.487, 3.421],
                [1.0, 1.179, 0.619, 4.437],
                [1.0, 1.0, 1.0, 1.0],
            ],
        }
    }

    fn year_index(date: NaiveDate) -> usize {
        let y = FinancialYear::containing(date).0 - FIRST_YEAR;
        y.clamp(0, YEARS as i32 - 1) as usize
    }

    /// The day a stage begun on `start` ends, needing `work` days at the usual speed, its
    /// speed (`kind`: 0 care, 1 family finding, 2 court, 3 family finding for a child hard to
    /// place) changing with each financial year.
    fn finish(&self, kind: usize, start: NaiveDate, mut work: f64) -> NaiveDate {
        let mut at = start;
        for _ in 0..40 {
            let year_end = FinancialYear::containing(at).next().first_day();
            let left = (year_end - at).num_days() as f64;
            let slow = self.slowness[Self::year_index(at)][kind];
            if work * slow <= left {
                return add_days(at, (work * slow).round() as i64);
            }
            work -= left / slow;
            at = year_end;
        }
        at
    }

    /// The decision days of the route starts up to `until`: a unit-rate process, stretched
    /// by each year's rate.
    fn starts(&self, until: NaiveDate) -> Vec<NaiveDate> {
        let mut rng = SplitMix64::new(self.seed ^ 0x5EED_0003);
        let mut out = Vec::new();
        let (mut year, mut into_year, mut budget) = (0usize, 0.0f64, 0.0f64);
        let unit = |rng: &mut SplitMix64| -(1.0 - rng.uniform()).max(f64::MIN_POSITIVE).ln();
        budget += unit(&mut rng);
        while year < YEARS {
            let first = FinancialYear(FIRST_YEAR + year as i32).first_day();
            let days = (FinancialYear(FIRST_YEAR + year as i32).last_day() - first).num_days()
                as f64
                + 1.0;
            let rate = self.starts[year].max(0.0) / 365.25;
            let room = (days - into_year) * rate;
            if budget <= room && rate > 0.0 {
                into_year += budget / rate;
                let day = add_days(first, into_year as i64);
                if day > until {
                    break;
                }
                out.push(day);
                budget = unit(&mut rng);
            } else {
                budget -= room;
                year += 1;
                into_year = 0.0;
            }
        }
        out
    }

    /// Every journey whose route starts by `until`, in order of the decision.
    pub fn journeys(&self, until: NaiveDate) -> Vec<Journey> {
        self.starts(until)
            .into_iter()
            .enumerate()
            .map(|(k, decision)| self.journey(k, decision))
            .collect()
    }

    fn journey(&self, k: usize, decision: NaiveDate) -> Journey {
        let mut rng = SplitMix64::new(self.seed.wrapping_add(0x9E37_79B9 * (k as u64 + 1)));
        let work: [f64; 5] =
            std::array::from_fn(|i| STAGE_DAYS[i] * (STAGE_SPREAD[i] * rng.normal_alone()).exp());
        let hard = rng.uniform() < HARD_TO_PLACE;
        let leaving: [f64; 5] = std::array::from_fn(|_| rng.uniform());
        let part = rng.uniform();
        let foster = rng.uniform() < FOSTER_CARERS;
        let foster_days = rng.between(20, 60);
        // Care proceedings before the decision, read backwards from it.
        let before = work[0] * self.slowness[Self::year_index(decision)][0];
        let entered = add_days(decision, -(before.round().max(30.0) as i64));
        let mut dates = [None; 6];
        dates[0] = Some(entered);
        dates[1] = Some(decision);
        let mut at = decision;
        let mut left = None;
        for stage in 1..5 {
            let (kind, extra) = match stage {
                2 if hard => (3, HARD_FAMILY_FINDING),
                2 => (1, 1.0),
                4 => (2, if hard { HARD_COURT } else { 1.0 }),
                _ => (0, 1.0),
            };
            let mut end = self.finish(kind, at, work[stage] * extra);
            if stage == 4 {
                end = end.max(add_days(at, MINIMUM_RESIDENCE));
            }
            if leaving[stage] < LEAVING[stage] {
                let days = ((end - at).num_days() as f64 * (0.1 + 0.9 * part)) as i64;
                left = Some(add_days(at, days.max(1)));
                break;
            }
            dates[stage + 1] = Some(end);
            at = end;
        }
        let foster_placement = (foster && left.is_none())
            .then(|| add_days(entered, foster_days))
            .filter(|start| dates[4].is_some_and(|placed| *start <= placed));
        Journey {
            dates,
            left,
            foster_placement,
        }
    }
}
