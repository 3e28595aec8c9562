//! The impact of delay: how much N more days for one child (or for every child in the
//! pipeline) move each three-year figure, including when the adoption order slips into the
//! next financial year and the child leaves one window and enters another.
//!
//! For a pipeline child, every milestone not yet reached moves N days later. For a child
//! already adopted (a workshop's "what if"), family finding is taken to have lasted N days
//! longer: the match, the move and the adoption order move; the foster placement of a
//! foster-carer adoption does not. The figures compared are those from the children in the
//! data alone, so the effect shown is the child's own.

use crate::dates::{FinancialYear, RollingPeriod};
use crate::indicator::{ChildValues, Indicator};
use crate::inputs::{ExpectedYear, FiguresBasis, ForecastInput};
use crate::model::{Delay, Model};
use crate::rolling::Figure;

/// Whom the delay applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delayed {
    /// One child, by position in `ForecastInput::children`.
    Child(usize),
    /// Every child still in the pipeline.
    AllPipeline,
}

/// One delayed child before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildShift {
    /// Position in `ForecastInput::children`.
    pub index: usize,
    /// The case reference.
    pub child_id: String,
    /// The year the child counts in without the delay (`None` when in no figure).
    pub year_before: Option<FinancialYear>,
    /// The year with the delay.
    pub year_after: Option<FinancialYear>,
    /// Values without the delay.
    pub before: ChildValues,
    /// Values with the delay.
    pub after: ChildValues,
}

impl ChildShift {
    /// Whether the delay pushes the adoption order into another financial year.
    pub fn changes_year(&self) -> bool {
        self.year_before != self.year_after
    }
}

/// One figure of one period before and after the delay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodChange {
    /// The period.
    pub period: RollingPeriod,
    /// The figure without the delay.
    pub before: Figure,
    /// The figure with the delay.
    pub after: Figure,
}

impl PeriodChange {
    /// After minus before (days, count, or percentage points); `None` when either is empty.
    pub fn change(&self) -> Option<f64> {
        Some(self.after.value? - self.before.value?)
    }

    /// Whether the threshold status flips (met to not met, or back).
    pub fn status_changes(&self) -> bool {
        match (self.before.status, self.after.status) {
            (Some(a), Some(b)) => a.met != b.met,
            (a, b) => a.is_some() != b.is_some(),
        }
    }
}

/// The whole impact of one delay.
#[derive(Debug, Clone, PartialEq)]
pub struct DelayImpact {
    /// The delay in days.
    pub days: i64,
    /// The delayed children (only those who count in some figure).
    pub children: Vec<ChildShift>,
    /// Every indicator of every period a delayed child counts in, before or after, oldest
    /// period first, indicators in [`Indicator::ALL`] order.
    pub periods: Vec<PeriodChange>,
}

/// Compares the figures with and without a delay of `days` for `who`, from the children in
/// the data alone.
pub fn delay_impact(input: &ForecastInput, who: Delayed, days: i64) -> DelayImpact {
    delay_impact_on(input, who, days, FiguresBasis::DataOnly)
}

/// Compares the figures with and without a delay of `days` for `who`, on `basis`: with the
/// further adoptions the scenario expects, each open year keeps its expected total before and
/// after, so the figures before are the forecast's own.
pub fn delay_impact_on(
    input: &ForecastInput,
    who: Delayed,
    days: i64,
    basis: FiguresBasis,
) -> DelayImpact {
    let before = Model::build(input, Delay::None);
    let delay = match who {
        Delayed::Child(i) => Delay::Child(i, days),
        Delayed::AllPipeline => Delay::AllPipeline(days),
    };
    let after = Model::build(input, delay);

    let pipeline_only = who == Delayed::AllPipeline;
    let wanted = |i: usize| match who {
        Delayed::Child(c) => c == i,
        Delayed::AllPipeline => true,
    };
    let entries = |m: &Model| -> Vec<(usize, FinancialYear, ChildValues)> {
        let adopted = m
            .adopted()
            .iter()
            .filter(|(i, _, _)| !pipeline_only && wanted(*i))
            .copied();
        let projected = m
            .projections()
            .iter()
            .filter(|(i, _)| wanted(*i))
            .map(|(i, p)| (*i, p.year, p.values));
        adopted.chain(projected).collect()
    };
    let (was, now) = (entries(&before), entries(&after));
    let mut children: Vec<ChildShift> = Vec::with_capacity(was.len().max(now.len()));
    for &(index, year, values) in &was {
        let after_entry = now.iter().find(|(i, _, _)| *i == index);
        children.push(ChildShift {
            index,
            child_id: input
                .children
                .get(index)
                .map(|c| c.child_id.clone())
                .unwrap_or_default(),
            year_before: Some(year),
            year_after: after_entry.map(|e| e.1),
            before: values,
            after: after_entry.map(|e| e.2).unwrap_or_default(),
        });
    }

    // Every period that holds a delayed child's year, before or after.
    let mut lasts: Vec<i32> = Vec::new();
    for c in &children {
        for year in [c.year_before, c.year_after].into_iter().flatten() {
            for offset in 0..3 {
                lasts.push(year.0 + offset);
            }
        }
    }
    crate::sorting::sort(&mut lasts);
    lasts.dedup();
    let books = basis.counts_expected().then(|| {
        let last = before.book().last().max(after.book().last());
        let expected = before.expected(input.scenario, last);
        let pace = before.assumed_pace(input.scenario);
        (
            before.assumed_book(&expected, &pace),
            after.assumed_book(&same_totals(&after, &expected), &pace),
        )
    });
    let (book_before, book_after) = match &books {
        Some((b, a)) => (b, a),
        None => (before.book(), after.book()),
    };
    let mut periods = Vec::with_capacity(lasts.len() * Indicator::ALL.len());
    for last in lasts {
        let period = RollingPeriod::ending_with(FinancialYear(last));
        let b = book_before.period_figures(period, input.thresholds);
        let a = book_after.period_figures(period, input.thresholds);
        for indicator in Indicator::ALL {
            periods.push(PeriodChange {
                period,
                before: *b.figure(indicator),
                after: *a.figure(indicator),
            });
        }
    }
    DelayImpact {
        days,
        children,
        periods,
    }
}

/// The expected years of `model` with the totals of `expected`: the same number of adoptions
/// each year, of which those not in `model`'s data are the further ones.
fn same_totals(model: &Model, expected: &[ExpectedYear]) -> Vec<ExpectedYear> {
    expected
        .iter()
        .map(|e| {
            let (adopted, projected) = model
                .book()
                .get(e.year)
                .map_or((0, 0), |t| (t.adopted, t.projected));
            ExpectedYear {
                adopted,
                projected,
                unknown: e.expected.saturating_sub(adopted + projected),
                ..e.clone()
            }
        })
        .collect()
}
