//! The per-year tallies behind a forecast, built once per input and reused by the forecast,
//! the required pace, the delay impact and the Monte Carlo. Every child's values are computed
//! once; every figure afterwards is a sum over at most three years.

use crate::dates::{add_days, FinancialYear};
use crate::indicator::{adopted_child_values, ChildValues, Measure, MEASURES};
use crate::inputs::{ExpectedYear, ForecastInput};
use crate::projection::{project, Projection, StageDurations, StageOutlook};
use crate::record::ChildRecord;
use crate::rolling::{YearBook, YearSource, MEASURE_ORDER};
use crate::scenario::{AssumedPace, Scenario};
use crate::simulate::estimate::Passages;
use chrono::NaiveDate;

/// Which children a hypothetical delay applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delay {
    None,
    /// Every pipeline child, by this many days.
    AllPipeline(i64),
    /// One child (index into the input's children), by this many days.
    Child(usize, i64),
}

impl Delay {
    fn days_for(self, index: usize) -> i64 {
        match self {
            Delay::None => 0,
            Delay::AllPipeline(days) => days,
            Delay::Child(i, days) if i == index => days,
            Delay::Child(..) => 0,
        }
    }
}

/// An adopted child as if family finding had taken `days` longer: the match, the move and
/// the adoption order all come later (the foster placement of a foster-carer adoption does
/// not move). A negative delay makes them sooner, but never before the milestone before each:
/// the match no sooner than the placement order (or entering care), the move no sooner than
/// the match, the order no sooner than the move.
fn delayed_adoption(child: &ChildRecord, days: i64) -> ChildRecord {
    let shift = |d: Option<NaiveDate>, floor: Option<NaiveDate>| {
        d.map(|d| {
            let moved = add_days(d, days);
            floor.map_or(moved, |f| moved.max(f))
        })
    };
    let before_match = child
        .placement_order
        .filter(|order| child.matched.is_some_and(|m| m >= *order))
        .unwrap_or(child.entered_care);
    let matched = shift(child.matched, Some(before_match));
    let placed = shift(child.placed, matched.or(Some(child.entered_care)));
    let adoption_order = shift(child.adoption_order, placed);
    ChildRecord {
        matched,
        placed,
        adoption_order,
        ..child.clone()
    }
}

/// How many years either side of the as-of date a child may count in. A wildly wrong date
/// (year 9999) must not make the tallies enormous; validation reports such dates anyway.
const YEAR_REACH: i32 = 60;

/// The tallies and projections of one input.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    first_open: FinancialYear,
    durations: StageDurations,
    /// Every stage's passages, read once for the durations, the projection and the Monte
    /// Carlo.
    passages: Passages,
    /// Adopted and projected children, plus aggregates for years without child records.
    book: YearBook,
    /// Years with both child records and an aggregate (the aggregate was used: a published
    /// yearly figure covers every child adopted that year).
    conflicts: Vec<FinancialYear>,
    /// Adopted children: index into the input's children, year and values.
    adopted: Vec<(usize, FinancialYear, ChildValues)>,
    /// Pipeline children: index into the input's children and projection.
    projections: Vec<(usize, Projection)>,
    /// The fastest adopted child per measure (days measures only).
    fastest_child: [Option<f64>; MEASURES],
}

pub(crate) use crate::dates::first_open_year;

impl Model {
    /// The first financial year still open on the as-of date.
    pub fn first_open(&self) -> FinancialYear {
        self.first_open
    }

    /// The tallies of every year, adopted and projected children and yearly figures.
    pub fn book(&self) -> &YearBook {
        &self.book
    }

    /// The stage durations used for projection, with their sources.
    pub fn durations(&self) -> &StageDurations {
        &self.durations
    }

    /// Every stage's passages through the last three years.
    pub fn passages(&self) -> &Passages {
        &self.passages
    }

    /// Years with both child records and yearly figures (the yearly figures were used).
    pub fn conflicts(&self) -> &[FinancialYear] {
        &self.conflicts
    }

    /// Adopted children: index into the input's children, year and values.
    pub fn adopted(&self) -> &[(usize, FinancialYear, ChildValues)] {
        &self.adopted
    }

    /// Pipeline children: index into the input's children and projection.
    pub fn projections(&self) -> &[(usize, Projection)] {
        &self.projections
    }

    /// The fastest adopted child's days for a days measure (A1, A10 or A2).
    pub fn fastest_child(&self, measure: Measure) -> Option<f64> {
        self.fastest_child.get(measure as usize).copied().flatten()
    }

    /// Builds the model, with `delay` applied to the children it names.
    pub fn build(input: &ForecastInput, delay: Delay) -> Model {
        let first_open = first_open_year(input.as_of);
        let passages = Passages::new(input.children, input.aggregates, input.as_of);
        let durations = StageDurations::from_passages(&passages, input.scenario);
        let outlook = StageOutlook::new(&passages, &durations, input.scenario);
        let in_reach = |y: FinancialYear| (y.0 - first_open.0).abs() <= YEAR_REACH;

        let mut adopted = Vec::new();
        let mut projections = Vec::new();
        for (i, child) in input.children.iter().enumerate() {
            let delay_days = delay.days_for(i);
            // "Every pipeline child" leaves the adopted children alone.
            let delays_adopted = matches!(delay, Delay::Child(..)) && delay_days != 0;
            let found = if delays_adopted && child.is_adopted() {
                adopted_child_values(&delayed_adoption(child, delay_days))
            } else {
                adopted_child_values(child)
            };
            if let Some((year, values)) = found {
                if in_reach(year) {
                    adopted.push((i, year, values));
                }
            } else if let Some(p) =
                project(child, input.as_of, &durations.days, &outlook, delay_days)
            {
                // Listed in the pipeline even when projected out of reach; the book then
                // leaves it out of every figure.
                projections.push((i, p));
            }
        }

        let years = adopted
            .iter()
            .map(|(_, y, _)| *y)
            .chain(
                projections
                    .iter()
                    .map(|(_, p)| p.year)
                    .filter(|y| in_reach(*y)),
            )
            .chain(
                input
                    .aggregates
                    .iter()
                    .map(|a| a.year)
                    .filter(|y| in_reach(*y)),
            );
        let (mut first, mut last) = (first_open, first_open.next().next());
        for y in years {
            first = first.min(y);
            last = last.max(y);
        }
        let mut book = YearBook::new(first, last);
        book.every_child = input.every_child;
        let mut fastest_child = [None; MEASURES];
        for (_, year, values) in &adopted {
            book.add_child(*year, values, false);
            for (m, fastest) in fastest_child.iter_mut().enumerate().take(3) {
                if let Some(v) = values.measure(MEASURE_ORDER[m]) {
                    *fastest = Some(fastest.map_or(v, |f: f64| f.min(v)));
                }
            }
        }
        for (_, p) in &projections {
            book.add_child(p.year, &p.values, true);
        }
        let mut conflicts = Vec::new();
        for a in input.aggregates {
            if !book.add_aggregate(a) && !conflicts.contains(&a.year) {
                conflicts.push(a.year);
            }
        }
        crate::sorting::sort(&mut conflicts);
        Model {
            first_open,
            durations,
            passages,
            book,
            conflicts,
            adopted,
            projections,
            fastest_child,
        }
    }

    /// The default expected adoptions for an open year: the mean of the adoptions in the last
    /// three complete years that have data, rounded; 0 without any.
    pub fn default_expected(&self) -> u64 {
        let counts: Vec<u64> = (1..=3)
            .filter_map(|back| self.book.get(FinancialYear(self.first_open.0 - back)))
            .filter(|t| t.source != YearSource::Empty)
            .map(|t| t.adopted)
            .collect();
        if counts.is_empty() {
            0
        } else {
            (counts.iter().sum::<u64>() as f64 / counts.len() as f64).round() as u64
        }
    }

    /// The expected adoptions of every open year from the first open one to `last`.
    pub fn expected(&self, scenario: &Scenario, last: FinancialYear) -> Vec<ExpectedYear> {
        let default = self.default_expected();
        (self.first_open.0..=last.0)
            .map(|y| {
                let year = FinancialYear(y);
                let (adopted, projected) = self
                    .book
                    .get(year)
                    .map_or((0, 0), |t| (t.adopted, t.projected));
                let overridden = scenario
                    .expected_adoptions
                    .get(&year)
                    .copied()
                    .map(u64::from);
                let expected = overridden.unwrap_or(default);
                ExpectedYear {
                    year,
                    expected,
                    overridden: overridden.is_some(),
                    adopted,
                    projected,
                    unknown: expected.saturating_sub(adopted + projected),
                }
            })
            .collect()
    }

    /// The pace of the assumed further adoptions: the scenario's, else the last complete
    /// year's average for each indicator (going back to the latest year that has one).
    pub fn assumed_pace(&self, scenario: &Scenario) -> AssumedPace {
        let last_complete = |m: usize| {
            (self.book.first.0..self.first_open.0)
                .rev()
                .find_map(|y| self.book.get(FinancialYear(y))?.measures[m].mean())
        };
        let s = &scenario.assumed_pace;
        AssumedPace {
            a1_days: s.a1_days.or_else(|| last_complete(0)),
            a10_days: s.a10_days.or_else(|| last_complete(1)),
            a2_days: s.a2_days.or_else(|| last_complete(2)),
            a3_percent: s.a3_percent.or_else(|| last_complete(3).map(|m| m * 100.0)),
            placed_12m_percent: s
                .placed_12m_percent
                .or_else(|| last_complete(4).map(|m| m * 100.0)),
        }
    }

    /// The book plus the assumed further adoptions of every open year.
    pub fn assumed_book(&self, expected: &[ExpectedYear], pace: &AssumedPace) -> YearBook {
        let mut book = self.book.clone();
        for e in expected {
            if e.unknown == 0 {
                continue;
            }
            if let Some(t) = book.get_mut(e.year) {
                add_assumed(t, e.unknown, pace);
            }
        }
        book
    }
}

/// Adds `unknown` adoptions at `pace` to one year's tally.
pub(crate) fn add_assumed(t: &mut crate::rolling::YearTally, unknown: u64, pace: &AssumedPace) {
    for (m, tally) in t.measures.iter_mut().enumerate() {
        if let Some(v) = pace.measure(MEASURE_ORDER[m]) {
            tally.children += unknown;
            tally.sum += unknown as f64 * v;
            tally.projected += unknown;
            t.known[m] = true;
        }
    }
    t.assumed += unknown;
    if t.source == YearSource::Empty {
        t.source = YearSource::Children;
    }
}
