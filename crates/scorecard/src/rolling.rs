//! Sums and counts per financial year, and the yearly and three-year figures made from them.
//!
//! Every figure is a sum over children divided by a count of children, so a three-year
//! average is the three years' sums over the three years' counts: each child weighs the same
//! and a year with more adoptions weighs more (never a mean of yearly means). A year's totals
//! come either from child records or from a published [`YearAggregate`]: where a year has
//! both, the aggregate replaces the child records (a published figure covers every child
//! adopted that year), and the validation names the year.

use crate::dates::{FinancialYear, RollingPeriod};
use crate::indicator::{ChildValues, Indicator, Measure, MEASURES};
use crate::record::YearAggregate;
use crate::thresholds::{Status, ThresholdSchedule};

/// Whether a figure rests on what has happened, on projections, or on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// Only children already adopted (or published yearly figures).
    #[default]
    Actual,
    /// Only projected children (pipeline children or assumed further adoptions).
    Projected,
    /// Some of each.
    Mixed,
    /// A three-year figure with a year that holds no child and no yearly figure: it is shown
    /// as covering fewer years and never judged met or not met.
    Partial,
}

impl Basis {
    /// "actual", "projected" or "mixed", as exported.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Actual => "actual",
            Basis::Projected => "projected",
            Basis::Mixed => "mixed",
            Basis::Partial => "partial",
        }
    }

    /// The basis in a reader's words: "actual", "projected", "part actual, part projected",
    /// "partial". The CSV keeps [`Basis::label`].
    pub fn words(self) -> &'static str {
        match self {
            Basis::Actual => "actual",
            Basis::Projected => "projected",
            Basis::Mixed => "part actual, part projected",
            Basis::Partial => "partial",
        }
    }
}

/// Where a financial year's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YearSource {
    /// No child and no aggregate for the year.
    #[default]
    Empty,
    /// Child records (adopted, or projected from the pipeline).
    Children,
    /// A published yearly aggregate.
    Aggregate,
}

/// One figure: an indicator's value over some children, with its threshold status.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The indicator.
    pub indicator: Indicator,
    /// The children behind the figure (the denominator; for A2 those with a placement order).
    /// Counts are 64-bit: yearly figures and expected totals are typed by people, and three
    /// years of them must never overflow.
    pub children: u64,
    /// Average days, the A3 count, or a percentage; `None` with no children. Unrounded.
    pub value: Option<f64>,
    /// Actual, projected or mixed.
    pub basis: Basis,
    /// The threshold (or target) that applies, in the indicator's unit.
    pub threshold: Option<f64>,
    /// Met / not met and the gap, where a threshold applies and there is a value.
    pub status: Option<Status>,
}

/// The figures of one financial year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    /// The financial year.
    pub year: FinancialYear,
    /// Child records, an aggregate, or nothing.
    pub source: YearSource,
    /// Children adopted in the year according to the data (child records or aggregate).
    pub adopted: u64,
    /// Pipeline children projected to be adopted in the year.
    pub projected: u64,
    /// Further adoptions assumed by the scenario (0 outside the assumed figures).
    pub assumed: u64,
    /// One figure per indicator, in [`Indicator::ALL`] order.
    pub figures: [Figure; 6],
}

impl YearFigures {
    /// The figure of one indicator.
    pub fn figure(&self, indicator: Indicator) -> &Figure {
        &self.figures[indicator.index()]
    }

    /// Whether any child (adopted, projected or assumed) counts in the year.
    pub fn holds_children(&self) -> bool {
        self.adopted + self.projected + self.assumed > 0
    }
}

/// The three-year figures of one rolling period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodFigures {
    /// The period.
    pub period: RollingPeriod,
    /// Children counted in the period (adopted, projected and assumed).
    pub adoptions: u64,
    /// How many of the three years hold any child or a yearly figure: a figure over fewer
    /// than 3 is partial.
    pub years_covered: u8,
    /// One figure per indicator, in [`Indicator::ALL`] order.
    pub figures: [Figure; 6],
    /// Per indicator, how many of the three years say anything of it: a year given only as
    /// yearly figures without A10 (or without A2) says nothing of A10 (or A2), and yearly
    /// figures never give the share placed within 12 months of the decision.
    covered_by_indicator: [u8; 6],
}

impl PeriodFigures {
    /// The figure of one indicator.
    pub fn figure(&self, indicator: Indicator) -> &Figure {
        &self.figures[indicator.index()]
    }

    /// How many of the three years say anything of `indicator`: a figure over fewer than 3
    /// is partial, and never judged met or not met.
    pub fn years_covered_by(&self, indicator: Indicator) -> u8 {
        self.covered_by_indicator[indicator.index()]
    }
}

/// A running sum over children: how many, the sum of their values, how many are projected.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Tally {
    pub children: u64,
    pub sum: f64,
    pub projected: u64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.children += other.children;
        self.sum += other.sum;
        self.projected += other.projected;
    }

    pub fn mean(&self) -> Option<f64> {
        (self.children > 0).then(|| self.sum / self.children as f64)
    }

    fn basis(&self) -> Basis {
        if self.projected == 0 {
            Basis::Actual
        } else if self.projected >= self.children {
            Basis::Projected
        } else {
            Basis::Mixed
        }
    }
}

/// Everything summed for one financial year.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct YearTally {
    pub measures: [Tally; MEASURES],
    /// Which measures the year's data says anything of: all of them for child records; for
    /// published yearly figures, only the ones published.
    pub known: [bool; MEASURES],
    pub adopted: u64,
    pub projected: u64,
    pub assumed: u64,
    pub source: YearSource,
}

impl YearTally {
    /// Adds (or with `sign` -1 removes) one child.
    pub fn add_child(&mut self, values: &ChildValues, projected: bool, sign: i32) {
        self.known = [true; MEASURES];
        for (m, tally) in self.measures.iter_mut().enumerate() {
            if let Some(v) = values.measure(MEASURE_ORDER[m]) {
                tally.children = tally.children.wrapping_add_signed(i64::from(sign));
                tally.sum += sign as f64 * v;
                if projected {
                    tally.projected = tally.projected.wrapping_add_signed(i64::from(sign));
                }
            }
        }
        if projected {
            self.projected = self.projected.wrapping_add_signed(i64::from(sign));
        } else {
            self.adopted = self.adopted.wrapping_add_signed(i64::from(sign));
        }
    }

    fn add_aggregate(&mut self, a: &YearAggregate) {
        let n = u64::from(a.adopted);
        let m = &mut self.measures;
        m[Measure::A1 as usize] = Tally {
            children: n,
            sum: a.a1_average_days * n as f64,
            projected: 0,
        };
        if let Some(avg) = a.a10_average_days {
            m[Measure::A10 as usize] = Tally {
                children: n,
                sum: avg * n as f64,
                projected: 0,
            };
        }
        if let Some(avg) = a.a2_average_days {
            m[Measure::A2 as usize] = Tally {
                children: u64::from(a.a2_children),
                sum: avg * a.a2_children as f64,
                projected: 0,
            };
        }
        m[Measure::Under14Months as usize] = Tally {
            children: n,
            sum: a.a3_under_14_months as f64,
            projected: 0,
        };
        self.adopted = n;
        self.source = YearSource::Aggregate;
        self.known = [
            true,
            a.a10_average_days.is_some(),
            a.a2_average_days.is_some(),
            true,
            false,
        ];
    }

    fn merge(&mut self, other: &YearTally) {
        for (a, b) in self.measures.iter_mut().zip(other.measures.iter()) {
            a.add(b);
        }
        self.adopted += other.adopted;
        self.projected += other.projected;
        self.assumed += other.assumed;
    }
}

/// The measures in their index order.
pub(crate) const MEASURE_ORDER: [Measure; MEASURES] = [
    Measure::A1,
    Measure::A10,
    Measure::A2,
    Measure::Under14Months,
    Measure::Placed12m,
];

/// The tallies of a contiguous run of financial years.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct YearBook {
    pub first: FinancialYear,
    pub years: Vec<YearTally>,
    /// The children are every child there is: no period is partial (see
    /// [`crate::ForecastInput::every_child`]).
    pub every_child: bool,
}

impl YearBook {
    /// Empty tallies for `first..=last`.
    pub fn new(first: FinancialYear, last: FinancialYear) -> YearBook {
        let n = (last.0 - first.0 + 1).max(0) as usize;
        YearBook {
            first,
            years: vec![YearTally::default(); n],
            every_child: false,
        }
    }

    pub fn last(&self) -> FinancialYear {
        FinancialYear(self.first.0 + self.years.len() as i32 - 1)
    }

    pub fn get(&self, year: FinancialYear) -> Option<&YearTally> {
        let i = year.0.checked_sub(self.first.0)?;
        usize::try_from(i).ok().and_then(|i| self.years.get(i))
    }

    pub fn get_mut(&mut self, year: FinancialYear) -> Option<&mut YearTally> {
        let i = year.0.checked_sub(self.first.0)?;
        usize::try_from(i).ok().and_then(|i| self.years.get_mut(i))
    }

    /// Adds a child to its year (ignored outside the book's years).
    pub fn add_child(&mut self, year: FinancialYear, values: &ChildValues, projected: bool) {
        if let Some(t) = self.get_mut(year) {
            t.add_child(values, projected, 1);
            t.source = YearSource::Children;
        }
    }

    /// Uses an aggregate for its year: a published yearly figure covers every child adopted
    /// that year, so it replaces any child records of the year (the rule
    /// [`crate::validate::usable`] follows and the validation message states). Returns false
    /// when it replaced child records, so that the clash can be reported.
    pub fn add_aggregate(&mut self, a: &YearAggregate) -> bool {
        match self.get_mut(a.year) {
            Some(t) => {
                let had_children = t.source == YearSource::Children;
                *t = YearTally::default();
                t.add_aggregate(a);
                !had_children
            }
            None => true,
        }
    }

    /// The three years of `period` summed (years outside the book count as empty).
    pub fn window(&self, period: RollingPeriod) -> YearTally {
        let mut total = YearTally::default();
        for y in period.years() {
            if let Some(t) = self.get(y) {
                total.merge(t);
            }
        }
        total
    }

    pub fn year_figures(&self, year: FinancialYear, schedule: &ThresholdSchedule) -> YearFigures {
        let empty = YearTally::default();
        let t = self.get(year).unwrap_or(&empty);
        YearFigures {
            year,
            source: t.source,
            adopted: t.adopted,
            projected: t.projected,
            assumed: t.assumed,
            // The government thresholds are for three-year averages; a single year is only
            // judged against the local 12-month target, which is set per year.
            figures: Indicator::ALL.map(|ind| {
                let threshold = match ind {
                    Indicator::Placed12mPercent => schedule.placed_12m_target_percent,
                    _ => None,
                };
                figure(ind, &t.measures[ind.measure() as usize], threshold)
            }),
        }
    }

    pub fn period_figures(
        &self,
        period: RollingPeriod,
        schedule: &ThresholdSchedule,
    ) -> PeriodFigures {
        let t = self.window(period);
        let holds_data = |t: &YearTally| {
            t.source == YearSource::Aggregate || t.adopted + t.projected + t.assumed > 0
        };
        let count = |test: &dyn Fn(&YearTally) -> bool| {
            if self.every_child {
                3
            } else {
                period
                    .years()
                    .into_iter()
                    .filter(|y| self.get(*y).is_some_and(test))
                    .count() as u8
            }
        };
        let years_covered = count(&holds_data);
        let covered_by_indicator = Indicator::ALL.map(|ind| {
            let m = ind.measure() as usize;
            count(&|t: &YearTally| holds_data(t) && t.known[m])
        });
        PeriodFigures {
            period,
            adoptions: t.adopted + t.projected + t.assumed,
            years_covered,
            covered_by_indicator,
            figures: Indicator::ALL.map(|ind| {
                let mut f = figure(
                    ind,
                    &t.measures[ind.measure() as usize],
                    schedule.threshold(ind, period),
                );
                // A year without data would make the average look like the other two
                // years': say so, and judge nothing.
                if covered_by_indicator[ind.index()] < 3 {
                    f.basis = Basis::Partial;
                    f.status = None;
                }
                f
            }),
        }
    }
}

/// An indicator's figure from its tally.
pub(crate) fn figure(indicator: Indicator, tally: &Tally, threshold: Option<f64>) -> Figure {
    let value = match indicator {
        Indicator::A3 => (tally.children > 0).then_some(tally.sum),
        Indicator::A3Percent | Indicator::Placed12mPercent => tally.mean().map(|m| m * 100.0),
        _ => tally.mean(),
    };
    let status = match (value, threshold) {
        (Some(v), Some(t)) => Some(ThresholdSchedule::status(indicator, v, t)),
        _ => None,
    };
    Figure {
        indicator,
        children: tally.children,
        value,
        basis: tally.basis(),
        threshold,
        status,
    }
}
