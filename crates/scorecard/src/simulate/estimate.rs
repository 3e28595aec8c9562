//! What the runs learn from the authority's own records before they start: every stage's
//! passages (ended, still open, or ended by the child leaving the route), how often children
//! leave at each stage, how much the service's speed moves from one year to the next, how
//! much the number of adoptions moves, and how far one child's figure strays from the
//! average.

use super::survival::Episode;
use crate::dates::{days_between, FinancialYear};
use crate::indicator::Measure;
use crate::model::Model;
use crate::record::{ChildRecord, YearAggregate};
use crate::rolling::YearSource;
use chrono::NaiveDate;

/// The service's year-to-year change in speed (standard deviation of the log of a year's
/// durations against the usual) assumed before the authority's own years say otherwise:
/// 12%, within the 10-20% by which authorities' yearly A1 averages commonly move.
pub const PRIOR_YEAR_SPEED: f64 = 0.18;

/// How many years of the authority's own the prior speed change weighs as.
const PRIOR_YEARS: f64 = 4.0;

/// The chance of leaving the route per day in a stage assumed before the authority's own
/// children say otherwise (a gamma prior on the rate): half a child leaving in 1,500 days in
/// the stage, as if 1 child in 20 left a 150-day stage.
pub const PRIOR_LEAVING: (f64, f64) = (0.5, 1_500.0);

/// The extra spread of a year's adoptions beyond chance (a negative-binomial dispersion)
/// assumed before the authority's own years say otherwise: 45 expected then vary by about 9
/// either way, not 7.
const PRIOR_DISPERSION: f64 = 0.02;

/// How far one child's figure strays from the average (a coefficient of variation) where the
/// authority has too few adopted children to say.
const PRIOR_CHILD_SPREAD: f64 = 0.45;

/// Days added before taking a logarithm, so that a stage of a day or two does not weigh as a
/// huge change of speed.
const LOG_OFFSET: f64 = 10.0;

/// The years the duration estimates look back over: passages begun earlier count only from
/// the day this window opened.
const WINDOW_DAYS: i64 = 3 * 365;

/// How many passages of a stage must have ended in the window for it to be used; with fewer,
/// every passage in the records counts.
const MIN_WATCHED: usize = 20;

/// What the records say, for the runs.
#[derive(Debug, Clone)]
pub(super) struct Estimates {
    /// Per stage, every passage sorted by days.
    pub episodes: [Vec<Episode>; 5],
    /// Per stage, how many children left the route during it in the window, and the days
    /// children spent in it there (the chance of leaving is per day in the stage: a child who
    /// waits long has more time to leave, and children long waiting are the ones whose plans
    /// change).
    pub left: [u32; 5],
    pub exposure: [f64; 5],
    /// The year-to-year change of the service's speed (log scale).
    pub year_speed: f64,
    /// The negative-binomial dispersion of a year's adoptions.
    pub dispersion: f64,
    /// Per days measure (A1, A10, A2), one child's spread around the average (coefficient
    /// of variation).
    pub child_spread: [f64; 3],
    /// How many children a day come onto the adoption route (a SHOBPA decision, or a
    /// placement order where the decision is not recorded), over the last three years;
    /// `None` without enough of them to say.
    pub route_starts_per_day: Option<f64>,
    /// The day the window the estimates look back over opens.
    pub window: NaiveDate,
}

/// The years over which the rate of new routes is counted.
const START_WINDOW_DAYS: i64 = 3 * 365;

/// The fewest route starts the rate is taken from.
const MIN_STARTS: usize = 5;

/// Children coming onto the route per day over the last three years (or since the earliest
/// route start in the records, if later, but at least a year).
fn route_starts(children: &[ChildRecord], as_of: NaiveDate) -> Option<f64> {
    let starts: Vec<i64> = children
        .iter()
        .filter_map(|c| c.shobpa_decision.or(c.placement_order))
        .map(|d| days_between(d, as_of))
        .filter(|back| *back >= 0)
        .collect();
    let earliest = starts.iter().copied().max()?;
    let window = earliest.clamp(365, START_WINDOW_DAYS);
    let recent = starts.iter().filter(|back| **back < window).count();
    (recent >= MIN_STARTS).then(|| recent as f64 / window as f64)
}

/// The day from which the records hold every child: the day after the last year given only
/// as yearly figures, or the first day of the first financial year with an adoption in the
/// records, whichever is later (an authority's records begin with the children it adopted
/// from some year on, and those still on the route then). `None` without either.
pub(crate) fn records_start(
    children: &[ChildRecord],
    aggregates: &[YearAggregate],
) -> Option<NaiveDate> {
    let after_figures = aggregates.iter().map(|a| a.year.next().first_day()).max();
    let first_adoption = children
        .iter()
        .filter_map(|c| c.adoption_order)
        .min()
        .map(|d| FinancialYear::containing(d).first_day());
    match (after_figures, first_adoption) {
        (Some(a), Some(c)) => Some(a.max(c)),
        (a, c) => a.or(c),
    }
}

/// The milestones in journey order: entered care, decision, placement order, match, moved
/// in, adoption order.
fn chain(child: &ChildRecord) -> [Option<NaiveDate>; 6] {
    [
        Some(child.entered_care),
        child.shobpa_decision,
        child.placement_order,
        child.matched,
        child.placed,
        child.adoption_order,
    ]
}

fn days(from: NaiveDate, to: NaiveDate) -> u32 {
    days_between(from, to).clamp(0, i64::from(u32::MAX)) as u32
}

/// Every stage's passages over the window the estimates look back over, sorted by days, with
/// the ended ones by the year they were worked in (for the year's speed) and the day the window
/// opens. The one reading of the records for the Monte Carlo and the projection alike.
#[derive(Debug, Clone, Default)]
pub(crate) struct Passages {
    /// Per stage, every passage sorted by days.
    pub episodes: [Vec<Episode>; 5],
    /// Ended passages: stage, the financial year most of it was worked in, days.
    pub ends: Vec<(usize, FinancialYear, u32)>,
    /// The day the window opens.
    pub window: NaiveDate,
}

impl Passages {
    /// Reads `children`'s passages as of `as_of`.
    pub fn new(
        children: &[ChildRecord],
        aggregates: &[YearAggregate],
        as_of: NaiveDate,
    ) -> Passages {
        // The window opens three years back, or where the records begin if later: before
        // then only the children whose route went on into the records are there, the slow
        // ones, and the passages they had already ended would make the service look slower
        // than it was.
        let start = records_start(children, aggregates);
        let window = start.map_or(crate::dates::add_days(as_of, -WINDOW_DAYS), |s| {
            s.max(crate::dates::add_days(as_of, -WINDOW_DAYS))
        });
        let records_begin = start;
        let mut episodes: [Vec<Episode>; 5] = Default::default();
        // Ended passages by the financial year they ended in, for the speed of each year.
        let mut ends: Vec<(usize, FinancialYear, u32)> = Vec::new();
        for child in children {
            let c = chain(child);
            let reached = c.iter().rposition(Option::is_some).unwrap_or(0);
            for stage in 0..5 {
                let Some(start) = c[stage] else { continue };
                match c[stage + 1] {
                    Some(end) => {
                        let d = days(start, end);
                        episodes[stage].push(Episode {
                            days: d,
                            ended: true,
                            entry: days(start, window),
                        });
                        // The year most of the stage was worked in (only years wholly in the
                        // records: earlier ones hold only the slow children).
                        let middle = crate::dates::add_days(start, i64::from(d / 2));
                        if records_begin.is_none_or(|b| start >= b) {
                            ends.push((stage, FinancialYear::containing(middle), d));
                        }
                    }
                    // Only the stage a child is in now (or left from) is open; an earlier
                    // date missing from the record says nothing of how long its stage took.
                    None if stage == reached => {
                        if let Some(l) = child.left_route {
                            episodes[stage].push(Episode {
                                days: days(start, l),
                                ended: false,
                                entry: days(start, window),
                            });
                        } else if child.adoption_order.is_none() {
                            episodes[stage].push(Episode {
                                days: days(start, as_of),
                                ended: false,
                                entry: days(start, window),
                            });
                        }
                    }
                    None => {}
                }
            }
        }
        for e in episodes.iter_mut() {
            let watched = e.iter().filter(|p| p.ended && p.days >= p.entry).count();
            if watched >= MIN_WATCHED {
                // Passages over before the window opened say nothing of the service now.
                e.retain(|p| p.days >= p.entry);
            } else {
                // Too few ends lately: every passage counts, from its start.
                e.iter_mut().for_each(|p| p.entry = 0);
            }
            crate::sorting::sort(e);
        }
        Passages {
            episodes,
            ends,
            window,
        }
    }
}

impl Estimates {
    pub fn new(
        passages: Passages,
        children: &[ChildRecord],
        as_of: NaiveDate,
        model: &Model,
    ) -> Estimates {
        let Passages {
            episodes,
            ends,
            window,
        } = passages;
        let (mut left, mut exposure) = ([0u32; 5], [0.0f64; 5]);
        for (i, e) in episodes.iter().enumerate() {
            for p in e.iter().filter(|p| p.days >= p.entry) {
                exposure[i] += f64::from(p.days - p.entry);
            }
        }
        // Those who left, among the passages watched (a passage left unended is a leaving
        // unless the child is still in it on the as-of date).
        for child in children {
            let Some(l) = child.left_route else { continue };
            let c = chain(child);
            let reached = c.iter().rposition(Option::is_some).unwrap_or(0);
            if reached < 5 && l >= window {
                left[reached] += 1;
            }
        }
        let first_open = model.first_open();
        Estimates {
            episodes,
            left,
            exposure,
            year_speed: year_speed(&ends, first_open),
            dispersion: dispersion(model),
            child_spread: child_spread(model),
            route_starts_per_day: route_starts(children, as_of),
            window,
        }
    }
}

/// How much the service's speed moves between years: each complete year's mean log duration
/// (every stage, each against its own average, weighted by how steady the stage is) varies
/// from year to year by more than its children alone would make it; that excess is the
/// change of speed. Shrunk toward [`PRIOR_YEAR_SPEED`] as far as the years are few.
fn year_speed(ends: &[(usize, FinancialYear, u32)], first_open: FinancialYear) -> f64 {
    let log = |d: u32| (f64::from(d) + LOG_OFFSET).ln();
    let complete: Vec<(usize, FinancialYear, f64)> = ends
        .iter()
        .filter(|(_, year, _)| *year < first_open)
        .map(|&(stage, year, d)| (stage, year, log(d)))
        .collect();
    // Per stage and year: sum and count, for the stage's mean and its spread within a year
    // (the spread between children, which the years' own changes must not inflate).
    let mut cells: Vec<(usize, FinancialYear, f64, f64, u32)> = Vec::new();
    for &(stage, year, x) in &complete {
        match cells.iter_mut().find(|c| c.0 == stage && c.1 == year) {
            Some(c) => {
                c.2 += x;
                c.3 += x * x;
                c.4 += 1;
            }
            None => cells.push((stage, year, x, x * x, 1)),
        }
    }
    let stage_law: Vec<Option<(f64, f64)>> = (0..5)
        .map(|stage| {
            let mine = cells.iter().filter(|c| c.0 == stage);
            let (sum, n, groups) = mine
                .clone()
                .fold((0.0, 0u32, 0u32), |a, c| (a.0 + c.2, a.1 + c.4, a.2 + 1));
            if n < 5 || n <= groups {
                return None;
            }
            let within: f64 = mine.map(|c| c.3 - c.2 * c.2 / f64::from(c.4)).sum();
            let var = (within / f64::from(n - groups)).max(0.01);
            Some((sum / f64::from(n), var))
        })
        .collect();
    // Per year: the precision-weighted mean of the residuals and its variance.
    let mut years: Vec<(FinancialYear, f64, f64, u32)> = Vec::new();
    for &(stage, year, x) in &complete {
        let Some((mean, var)) = stage_law[stage] else {
            continue;
        };
        let slot = match years.iter().position(|y| y.0 == year) {
            Some(i) => i,
            None => {
                years.push((year, 0.0, 0.0, 0));
                years.len() - 1
            }
        };
        let y = &mut years[slot];
        y.1 += (x - mean) / var;
        y.2 += 1.0 / var;
        y.3 += 1;
    }
    let means: Vec<(f64, f64)> = years
        .iter()
        .filter(|y| y.3 >= 5)
        .map(|y| (y.1 / y.2, 1.0 / y.2))
        .collect();
    let own_years = means.len() as f64;
    let prior = PRIOR_YEAR_SPEED * PRIOR_YEAR_SPEED;
    if means.len() < 2 {
        return PRIOR_YEAR_SPEED;
    }
    let centre = means.iter().map(|m| m.0).sum::<f64>() / own_years;
    let between = means.iter().map(|m| (m.0 - centre).powi(2)).sum::<f64>() / (own_years - 1.0);
    let within = means.iter().map(|m| m.1).sum::<f64>() / own_years;
    let own = (between - within).max(0.0);
    (((own_years - 1.0) * own + PRIOR_YEARS * prior) / (own_years - 1.0 + PRIOR_YEARS)).sqrt()
}

/// The dispersion of the adoptions of the last five complete years, beyond a Poisson's,
/// shrunk toward [`PRIOR_DISPERSION`].
fn dispersion(model: &Model) -> f64 {
    let first_open = model.first_open();
    let counts: Vec<f64> = (1..=5)
        .filter_map(|back| model.book().get(FinancialYear(first_open.0 - back)))
        .filter(|t| t.source != YearSource::Empty)
        .map(|t| t.adopted as f64)
        .collect();
    let n = counts.len() as f64;
    if n < 2.0 {
        return PRIOR_DISPERSION;
    }
    let mean = counts.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return PRIOR_DISPERSION;
    }
    let var = counts.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let own = ((var - mean) / (mean * mean)).max(0.0);
    ((n - 1.0) * own + 3.0 * PRIOR_DISPERSION) / (n - 1.0 + 3.0)
}

/// One adopted child's spread around the average, per days measure.
fn child_spread(model: &Model) -> [f64; 3] {
    let first_open = model.first_open();
    [Measure::A1, Measure::A10, Measure::A2].map(|m| {
        let values: Vec<f64> = model
            .adopted()
            .iter()
            .filter(|(_, year, _)| *year < first_open)
            .filter_map(|(_, _, v)| v.measure(m))
            .collect();
        let n = values.len() as f64;
        if n < 10.0 {
            return PRIOR_CHILD_SPREAD;
        }
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
        if mean > 0.0 {
            var.sqrt() / mean
        } else {
            PRIOR_CHILD_SPREAD
        }
    })
}
