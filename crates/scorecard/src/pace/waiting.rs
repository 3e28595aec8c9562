//! The required pace over everything not yet decided: how fast the children still waiting
//! (and the adoptions expected but not yet in the data) must go for a three-year figure to
//! reach its target, and what that means for each waiting child.
//!
//! On the as-of date D a child of the period is either *fixed* (its end date for the
//! indicator is on or before D, so its value is final) or *open*. An open pipeline child
//! cannot finish before today, so the days it has already waited are a floor. The required
//! pace X solves
//!
//! `sum(fixed) + sum over open of max(X, floor) = T × (fixed + open)`.
//!
//! The left side grows with X in straight pieces between the sorted floors, so X is found
//! exactly, piece by piece. Each waiting child then has its own date: its start plus X, or
//! "as soon as possible" when it has already waited longer (the Sheffield City Council
//! scrutiny report, 2015, §3.6, asks for "expected timescales for individual children rather
//! than default thresholds across the piece").

use super::PaceTarget;
use crate::dates::{add_days, add_months, days_between, RollingPeriod};
use crate::indicator::{Indicator, Measure};
use crate::inputs::ExpectedYear;
use crate::model::Model;
use crate::projection::Projection;
use crate::record::ChildRecord;
use crate::rolling::YearSource;
use crate::thresholds::ThresholdSchedule;
use chrono::NaiveDate;

/// Where a waiting child stands against its own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetStatus {
    /// Its date is after the as-of date: on pace if it finishes by then.
    OnPace,
    /// It has already waited longer than the pace allows (or, for a percentage, is past the
    /// line): as soon as possible, its date is the as-of date.
    Overdue,
}

impl TargetStatus {
    /// The word the target dates CSV uses: `on_pace` or `overdue`.
    pub fn label(self) -> &'static str {
        match self {
            TargetStatus::OnPace => "on_pace",
            TargetStatus::Overdue => "overdue",
        }
    }
}

/// A pipeline child still waiting for the indicator's end (moving in for A1, A10 and A3, the
/// match for A2, moving in for the local 12-month indicator).
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingChild {
    /// Position of the child in the forecast input's children.
    pub index: usize,
    /// The case reference.
    pub child_id: String,
    /// Where the indicator's clock started: entered care (A1, A10, A3), the placement order
    /// (A2, projected when it has not been made yet), the SHOBPA decision (12-month).
    pub start: NaiveDate,
    /// Days from the start to the as-of date (0 when the start is still to come): the floor.
    pub waited_days: i64,
    /// Days from the start to the child's own date.
    pub target_days: i64,
    /// The child's own date: the start plus the required pace (whole days, rounded down), or
    /// the as-of date when it has already waited longer; for a percentage, the last day that
    /// is still in time.
    pub target_date: NaiveDate,
    /// On pace, or overdue.
    pub status: TargetStatus,
}

/// What the open children must do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WaitingOutcome {
    /// Nothing is open in the period: its figure is final.
    NothingOpen,
    /// Days: every open child finishing at max(X, its floor), for any X under this one,
    /// meets the target as the scorecard judges it (the average rounded to the day).
    Pace {
        /// X, in days: the supremum of the paces that meet; say it rounded down.
        days: f64,
    },
    /// Days: even every waiting child placed today and every expected adoption at 0 days
    /// misses the target.
    NotPossible {
        /// The best average still reachable (every open child at its floor).
        best_average: f64,
    },
    /// A percentage: this many of the open children must be in time.
    InTime {
        /// How many must be in time.
        needed: u64,
        /// How many still can be (open children not yet past the line, and the expected
        /// adoptions not yet in the data).
        can_be: u64,
    },
    /// A percentage out of reach even if every open child that still can be is in time.
    InTimeNotPossible {
        /// The best percentage still reachable.
        best_percent: f64,
    },
}

/// The required pace over the open children of a target's period.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingPace {
    /// Children of the period whose value is final on the as-of date (including those of
    /// yearly figures).
    pub fixed_children: u64,
    /// Their sum: days, or the number in time for a percentage.
    pub fixed_sum: f64,
    /// The pipeline children still waiting, with their own dates, in input order.
    pub waiting: Vec<WaitingChild>,
    /// The adoptions the scenario expects that are not in the data yet (floor 0).
    pub unknown_adoptions: u64,
    /// What the open children must do.
    pub outcome: WaitingOutcome,
}

impl WaitingPace {
    /// Every open child: those waiting and the expected adoptions not in the data.
    pub fn open_children(&self) -> u64 {
        self.waiting.len() as u64 + self.unknown_adoptions
    }

    /// The waiting children with a date of their own after the as-of date.
    pub fn on_pace(&self) -> impl Iterator<Item = &WaitingChild> {
        self.waiting
            .iter()
            .filter(|c| c.status == TargetStatus::OnPace)
    }

    /// The waiting children who must move on as soon as possible.
    pub fn overdue(&self) -> impl Iterator<Item = &WaitingChild> {
        self.waiting
            .iter()
            .filter(|c| c.status == TargetStatus::Overdue)
    }
}

/// The X at which `zeros × X + sum over floors of max(X, floor)` equals `needed`: `zeros`
/// open children with floor 0 (the expected adoptions, counted, since a typed total may be
/// in the billions) and the others with their floors. `None` when even X = 0 gives more than
/// `needed`, or when nothing is open.
pub fn pace_over_floors(floors: &[f64], zeros: u64, needed: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = floors.iter().map(|f| f.max(0.0)).collect();
    crate::sorting::sort_by(&mut sorted, f64::total_cmp);
    let total: f64 = sorted.iter().sum();
    // A whisker of tolerance, so that an exact hit is not lost to rounding.
    if (sorted.is_empty() && zeros == 0) || total > needed + 1e-9 {
        return None;
    }
    // Between two floors, the children with a floor at or below X finish at X and the others
    // at their floors: k·X + (sum of the others' floors) = needed.
    let mut k = zeros as f64;
    let mut rest = total;
    let mut lower = 0.0;
    for floor in &sorted {
        if k > 0.0 {
            let x = (needed - rest) / k;
            if x <= floor + 1e-9 {
                return Some(x.max(lower));
            }
        }
        k += 1.0;
        rest -= floor;
        lower = *floor;
    }
    Some(((needed - rest) / k).max(lower))
}

/// The date a child's value for `measure` becomes final, if it already has (actual dates
/// only).
fn end_date(child: &ChildRecord, measure: Measure) -> Option<NaiveDate> {
    match measure {
        Measure::A1 | Measure::Under14Months | Measure::Placed12m => child.placed,
        Measure::A10 if child.foster_carer_adoption => {
            child.foster_placement_start.or(child.placed)
        }
        Measure::A10 => child.placed,
        Measure::A2 => child.matched,
    }
}

/// Where the indicator's clock starts for a pipeline child, actual or projected.
fn start_date(projection: &Projection, measure: Measure) -> Option<NaiveDate> {
    let m = &projection.milestones;
    match measure {
        Measure::A1 | Measure::A10 | Measure::Under14Months => Some(m.entered_care),
        Measure::A2 => m.placement_order,
        Measure::Placed12m => m.shobpa_decision,
    }
}

/// The last day a percentage indicator is still in time, from its start.
fn last_day_in_time(start: NaiveDate, measure: Measure) -> NaiveDate {
    match measure {
        // "Less than 14 months": the day 14 months on is already too late.
        Measure::Under14Months => add_days(add_months(start, 14), -1),
        _ => add_months(start, 12),
    }
}

/// Solves `target` over the open children of its period.
pub(crate) fn solve_waiting(
    model: &Model,
    children: &[ChildRecord],
    as_of: NaiveDate,
    expected: &[ExpectedYear],
    target: &PaceTarget,
) -> WaitingPace {
    let measure = target.indicator.measure();
    let period: RollingPeriod = target.period;
    let window = model.book().window(period).measures[measure as usize];
    let (mut fixed_children, mut fixed_sum) = (window.children, window.sum);
    let mut waiting = Vec::new();
    for (index, projection) in model.projections() {
        let (Some(child), Some(value)) = (children.get(*index), projection.values.measure(measure))
        else {
            continue;
        };
        // A child projected outside the years the book holds, or into a year whose figure is
        // a published yearly figure, is in no figure.
        if !period.contains(projection.year)
            || !model
                .book()
                .get(projection.year)
                .is_some_and(|t| t.source == YearSource::Children)
            || end_date(child, measure).is_some_and(|d| d <= as_of)
        {
            continue;
        }
        let Some(start) = start_date(projection, measure) else {
            continue;
        };
        // Open: out of the fixed tally, which the book filled with its projected value.
        fixed_children = fixed_children.saturating_sub(1);
        fixed_sum -= value;
        waiting.push(WaitingChild {
            index: *index,
            child_id: child.child_id.clone(),
            start,
            waited_days: days_between(start, as_of).max(0),
            target_days: 0,
            target_date: as_of,
            status: TargetStatus::Overdue,
        });
    }
    let unknown_adoptions: u64 = expected
        .iter()
        .filter(|e| period.contains(e.year))
        .map(|e| e.unknown)
        .sum();
    let open = waiting.len() as u64 + unknown_adoptions;
    let all = (fixed_children + open) as f64;
    let outcome = if open == 0 {
        WaitingOutcome::NothingOpen
    } else if target.indicator.is_percent() || target.indicator == Indicator::A3 {
        // Open children already past the line count as late; the others, and the expected
        // adoptions, can still be in time.
        for child in &mut waiting {
            let line = last_day_in_time(child.start, measure);
            child.target_date = line.max(as_of);
            child.status = if line >= as_of {
                TargetStatus::OnPace
            } else {
                TargetStatus::Overdue
            };
            child.target_days = days_between(child.start, child.target_date);
        }
        let can_be = waiting
            .iter()
            .filter(|c| c.status == TargetStatus::OnPace)
            .count() as u64
            + unknown_adoptions;
        // A percentage of all the period's children, or (A3) a count of them.
        let goal = if target.indicator == Indicator::A3 {
            target.value
        } else {
            ThresholdSchedule::percent_limit(target.value) / 100.0 * all
        };
        let needed = (goal - fixed_sum - 1e-9).ceil().max(0.0);
        if needed <= can_be as f64 {
            WaitingOutcome::InTime {
                needed: needed as u64,
                can_be,
            }
        } else {
            WaitingOutcome::InTimeNotPossible {
                best_percent: (fixed_sum + can_be as f64) / all * 100.0,
            }
        }
    } else {
        let floors: Vec<f64> = waiting.iter().map(|c| c.waited_days as f64).collect();
        // The cards' rule: the average, rounded to the day, at or below the target. So the
        // open children share what keeps the average just under the target plus half a day.
        let limit = ThresholdSchedule::days_limit(target.value);
        let needed = limit * all - fixed_sum - 1e-6;
        match pace_over_floors(&floors, unknown_adoptions, needed) {
            Some(days) => {
                for child in &mut waiting {
                    let own = add_days(child.start, days.floor() as i64);
                    (child.target_date, child.status) = if own > as_of {
                        (own, TargetStatus::OnPace)
                    } else {
                        (as_of, TargetStatus::Overdue)
                    };
                    child.target_days = days_between(child.start, child.target_date);
                }
                WaitingOutcome::Pace { days }
            }
            None => {
                for child in &mut waiting {
                    child.target_days = child.waited_days;
                }
                let floors: f64 = floors.iter().sum();
                WaitingOutcome::NotPossible {
                    best_average: (fixed_sum + floors) / all,
                }
            }
        }
    };
    WaitingPace {
        fixed_children,
        fixed_sum,
        waiting,
        unknown_adoptions,
        outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pace_is_found_piece_by_piece_over_the_floors() {
        // Three open children: two expected adoptions (floor 0) and one that has waited 300
        // days. Needed total 600: X = 150 gives 150 + 150 + max(150, 300) = 600.
        assert_eq!(pace_over_floors(&[300.0], 2, 600.0), Some(150.0));
        // The same with the zero floors listed one by one.
        assert_eq!(pace_over_floors(&[0.0, 0.0, 300.0], 0, 600.0), Some(150.0));
        // Needed 1000: past the floor of 300, all three at X: 3X = 1000.
        let x = pace_over_floors(&[300.0], 2, 1000.0).unwrap();
        assert!((x - 1000.0 / 3.0).abs() < 1e-9);
        // Needed 200 is less than the 300 already waited: not possible.
        assert_eq!(pace_over_floors(&[300.0], 2, 200.0), None);
        // Exactly the floors: X is the smallest floor that keeps the sum (every child as
        // soon as possible).
        assert_eq!(pace_over_floors(&[100.0, 300.0], 0, 400.0), Some(100.0));
        assert_eq!(pace_over_floors(&[], 0, 10.0), None);
        // Only expected adoptions: a plain average.
        assert_eq!(pace_over_floors(&[], 4, 1000.0), Some(250.0));
        // Four billion expected adoptions are a count, not a list.
        let x = pace_over_floors(&[500.0], 4_000_000_000, 4_000_000_001.0 * 100.0).unwrap();
        assert!((x - 100.0).abs() < 1e-6, "{x}");
    }
}
