//! The one entry point the dashboard calls: every yearly and three-year figure, actual and
//! projected, with and without the further adoptions the scenario expects, the pipeline
//! children's contributions, and the required pace.

use crate::dates::{days_between, FinancialYear, RollingPeriod};
use crate::indicator::Indicator;
use crate::model::{Delay, Model};
use crate::pace::{solve, PaceAnswer, PaceTarget};
use crate::projection::{Projection, StageDurations};
use crate::rolling::{PeriodFigures, YearBook, YearFigures};
use crate::scenario::{AssumedPace, Stage};
use crate::thresholds::ThresholdSchedule;
use chrono::NaiveDate;

pub use crate::inputs::{ExpectedYear, FiguresBasis, ForecastInput};

/// How much one pipeline child moves one period's average.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// The period.
    pub period: RollingPeriod,
    /// The indicator.
    pub indicator: Indicator,
    /// The period's figure with the child minus without it (days, or percentage points),
    /// from the children in the data alone. Positive adds days ("adds 14 days").
    pub change: f64,
}

/// One child still in the pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineChild {
    /// Position of the child in `ForecastInput::children`.
    pub index: usize,
    /// The case reference.
    pub child_id: String,
    /// The stage the child is in on the as-of date.
    pub stage: Stage,
    /// Days since entering care, on the as-of date.
    pub days_so_far: i64,
    /// Projected milestones, year and values.
    pub projection: Projection,
    /// The child's effect on every listed period it counts in, for A1, A10, A2, A3_percent
    /// and placed_12m_percent.
    pub contributions: Vec<Contribution>,
}

/// The whole forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Which adoptions the figures of open periods, the required pace and the answers count.
    pub basis: FiguresBasis,
    /// The first financial year that ends after the as-of date (the current year).
    pub current_year: FinancialYear,
    /// The stage durations used for projection, with their sources.
    pub durations: StageDurations,
    /// Every financial year from the earliest in the data to the last projected (at least
    /// two years past the current one), from the children in the data alone.
    pub years: Vec<YearFigures>,
    /// Every three-year period ending in those years, from the children in the data alone.
    pub rolling: Vec<PeriodFigures>,
    /// The current and later years, plus the further adoptions the scenario expects; empty
    /// when the basis leaves them out.
    pub years_assumed: Vec<YearFigures>,
    /// The periods ending in the current or a later year, plus the further adoptions; empty
    /// when the basis leaves them out.
    pub rolling_assumed: Vec<PeriodFigures>,
    /// Expected adoptions of the current and later years, as the scenario expects them (also
    /// when the basis leaves the further ones out of the figures).
    pub expected: Vec<ExpectedYear>,
    /// The pace the further adoptions are assumed to go at (resolved defaults).
    pub assumed_pace: AssumedPace,
    /// The children still in the pipeline, in input order.
    pub pipeline: Vec<PipelineChild>,
    /// The required pace for the target (given, or the next threshold not yet met).
    pub pace: Option<PaceAnswer>,
    /// The answer per target for the target's period, as a manager reads it first: A1 and
    /// A2 against their thresholds (the chosen target in place of its indicator's
    /// threshold), then a chosen target of any other indicator.
    pub answers: Vec<PaceAnswer>,
    /// Years with both child records and an aggregate: the aggregate was used (a published
    /// yearly figure covers every child adopted that year), and the validation names the year.
    pub conflicting_years: Vec<FinancialYear>,
}

impl Forecast {
    /// A year's figures from the children in the data.
    pub fn year(&self, year: FinancialYear) -> Option<&YearFigures> {
        self.years.iter().find(|y| y.year == year)
    }

    /// A period's figures from the children in the data.
    pub fn period(&self, period: RollingPeriod) -> Option<&PeriodFigures> {
        self.rolling.iter().find(|p| p.period == period)
    }

    /// A year's figures with the assumed further adoptions.
    pub fn year_assumed(&self, year: FinancialYear) -> Option<&YearFigures> {
        self.years_assumed.iter().find(|y| y.year == year)
    }

    /// A period's figures with the assumed further adoptions.
    pub fn period_assumed(&self, period: RollingPeriod) -> Option<&PeriodFigures> {
        self.rolling_assumed.iter().find(|p| p.period == period)
    }

    /// A period's figures on the forecast's basis: with the further adoptions where the basis
    /// counts them and the period is still open, else from the children in the data. The one
    /// figure every screen shows for the period.
    pub fn period_on_basis(&self, period: RollingPeriod) -> Option<&PeriodFigures> {
        self.period_assumed(period).or_else(|| self.period(period))
    }

    /// A year's figures on the forecast's basis, as [`Forecast::period_on_basis`].
    pub fn year_on_basis(&self, year: FinancialYear) -> Option<&YearFigures> {
        self.year_assumed(year).or_else(|| self.year(year))
    }

    /// How many adoptions the figures count beyond the children in the data, over `period`
    /// (0 when the basis leaves them out).
    pub fn expected_not_in_data(&self, period: RollingPeriod) -> u64 {
        if !self.basis.counts_expected() {
            return 0;
        }
        self.expected
            .iter()
            .filter(|e| period.contains(e.year))
            .map(|e| e.unknown)
            .sum()
    }

    /// The headline periods: the one ending this March (the current year's) and the next two.
    pub fn headline_periods(&self) -> [RollingPeriod; 3] {
        let y = self.current_year;
        [
            RollingPeriod::ending_with(y),
            RollingPeriod::ending_with(y.next()),
            RollingPeriod::ending_with(y.next().next()),
        ]
    }
}

/// Computes the forecast with the further adoptions the scenario expects. Pure: the same
/// input always gives the same figures.
pub fn forecast(input: &ForecastInput) -> Forecast {
    forecast_on(input, FiguresBasis::WithExpected)
}

/// Computes the forecast on `basis`. Leaving the expected adoptions out drops the assumed
/// figures and asks the required pace of the children in the data alone.
pub fn forecast_on(input: &ForecastInput, basis: FiguresBasis) -> Forecast {
    from_model(input, Model::build(input, Delay::None), basis)
}

pub(crate) fn from_model(input: &ForecastInput, model: Model, basis: FiguresBasis) -> Forecast {
    let schedule = input.thresholds;
    let first = model.book().first;
    let last = model.book().last();
    let years: Vec<YearFigures> = (first.0..=last.0)
        .map(|y| model.book().year_figures(FinancialYear(y), schedule))
        .collect();
    let rolling: Vec<PeriodFigures> = (first.0..=last.0)
        .map(|y| {
            model
                .book()
                .period_figures(RollingPeriod::ending_with(FinancialYear(y)), schedule)
        })
        .collect();

    let target_last = input.target.map_or(last, |t| t.period.last_year.max(last));
    let expected = model.expected(input.scenario, target_last);
    let assumed_pace = model.assumed_pace(input.scenario);
    // What the figures and the required pace count: the expected years as they are, or
    // with nothing beyond the children in the data.
    let counted: Vec<ExpectedYear> = if basis.counts_expected() {
        expected.clone()
    } else {
        expected
            .iter()
            .map(|e| ExpectedYear {
                unknown: 0,
                ..e.clone()
            })
            .collect()
    };
    let (years_assumed, rolling_assumed) = if basis.counts_expected() {
        let assumed = model.assumed_book(&expected, &assumed_pace);
        let open = model.first_open().max(first);
        let years: Vec<YearFigures> = (open.0..=last.0)
            .map(|y| assumed.year_figures(FinancialYear(y), schedule))
            .collect();
        let rolling: Vec<PeriodFigures> = (open.0..=last.0)
            .map(|y| assumed.period_figures(RollingPeriod::ending_with(FinancialYear(y)), schedule))
            .collect();
        (years, rolling)
    } else {
        (Vec::new(), Vec::new())
    };

    let pipeline = model
        .projections()
        .iter()
        .filter_map(|(index, projection)| {
            let child = input.children.get(*index)?;
            Some(PipelineChild {
                index: *index,
                child_id: child.child_id.clone(),
                stage: projection.stage,
                days_so_far: days_between(child.entered_care, input.as_of),
                contributions: contributions(model.book(), projection),
                projection: projection.clone(),
            })
        })
        .collect();

    let on_basis = if basis.counts_expected() {
        &rolling_assumed
    } else {
        &rolling
    };
    let target = input
        .target
        .or_else(|| default_target(&model, on_basis, schedule));
    let pace = target.map(|t| solve(&model, input.children, input.as_of, &counted, &t));
    let answers = target
        .map(|t| answer_targets(t, schedule))
        .unwrap_or_default()
        .into_iter()
        .map(|other| match &pace {
            Some(answer) if answer.target == other => answer.clone(),
            _ => solve(&model, input.children, input.as_of, &counted, &other),
        })
        .collect();

    Forecast {
        as_of: input.as_of,
        basis,
        current_year: model.first_open(),
        durations: model.durations().clone(),
        years,
        rolling,
        years_assumed,
        rolling_assumed,
        expected,
        assumed_pace,
        pipeline,
        pace,
        answers,
        conflicting_years: model.conflicts().to_vec(),
    }
}

/// The targets answered first, all in the period of `chosen`: A1 and A2 against their
/// thresholds, with `chosen` in place of its own indicator's, and `chosen` last when it is of
/// another indicator.
fn answer_targets(chosen: PaceTarget, schedule: &ThresholdSchedule) -> Vec<PaceTarget> {
    let mut targets: Vec<PaceTarget> = [Indicator::A1, Indicator::A2]
        .into_iter()
        .filter_map(|indicator| {
            if indicator == chosen.indicator {
                return Some(chosen);
            }
            let value = schedule.threshold(indicator, chosen.period)?;
            Some(PaceTarget {
                indicator,
                value,
                period: chosen.period,
            })
        })
        .collect();
    if !targets.contains(&chosen) {
        targets.push(chosen);
    }
    targets
}

/// The indicators a pipeline child's contribution is shown for.
const CONTRIBUTING: [Indicator; 5] = [
    Indicator::A1,
    Indicator::A10,
    Indicator::A2,
    Indicator::A3Percent,
    Indicator::Placed12mPercent,
];

/// The change a projected child makes to each listed period it counts in: the period's mean
/// with the child minus the mean of the others, straight from the period's sum and count.
fn contributions(book: &YearBook, projection: &Projection) -> Vec<Contribution> {
    let mut out = Vec::new();
    for offset in 0..3 {
        let period = RollingPeriod::ending_with(FinancialYear(projection.year.0 + offset));
        if period.last_year > book.last() {
            break;
        }
        let window = book.window(period);
        for indicator in CONTRIBUTING {
            let Some(v) = projection.values.value(indicator) else {
                continue;
            };
            let t = window.measures[indicator.measure() as usize];
            if t.children < 2 {
                continue;
            }
            let with = t.sum / t.children as f64;
            let without = (t.sum - v) / (t.children - 1) as f64;
            let scale = if indicator.is_percent() { 100.0 } else { 1.0 };
            out.push(Contribution {
                period,
                indicator,
                change: (with - without) * scale,
            });
        }
    }
    out
}

/// The next threshold not yet met: the first of the current period and the next two, for
/// A1, then A10, then A2, whose figure on the forecast's basis is not met; if all are met, A1
/// for the current period.
fn default_target(
    model: &Model,
    rolling_assumed: &[PeriodFigures],
    schedule: &ThresholdSchedule,
) -> Option<PaceTarget> {
    let y = model.first_open();
    for period in [y, y.next(), y.next().next()].map(RollingPeriod::ending_with) {
        let Some(figures) = rolling_assumed.iter().find(|p| p.period == period) else {
            continue;
        };
        for indicator in Indicator::DAYS {
            let f = figures.figure(indicator);
            if let (Some(threshold), Some(status)) = (f.threshold, f.status) {
                if !status.met {
                    return Some(PaceTarget {
                        indicator,
                        value: threshold,
                        period,
                    });
                }
            }
        }
    }
    let period = RollingPeriod::ending_with(y);
    schedule
        .threshold(Indicator::A1, period)
        .map(|value| PaceTarget {
            indicator: Indicator::A1,
            value,
            period,
        })
}
