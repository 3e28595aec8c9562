//! The performance action plan of one red figure (the performance action plan template,
//! 2014-15): the figure and its gap as the template writes them, what the manager completes,
//! and reviews that record the figure on their date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The performance action plan that must be completed for a measure showing red (the
/// performance action plan template, 2014-15): the figure, pre-filled from the forecast, and
/// what the manager writes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PerformancePlan {
    /// The indicator's title ("A1: days from entering care to moving in with the adoptive
    /// family").
    pub indicator_title: String,
    /// The indicator's label (`A1`, `placed_12m_percent`), to find the figure again.
    pub indicator: String,
    /// The period or year ("2014-17").
    pub period: String,
    /// Whether the figure is a percentage (higher is better) rather than days.
    pub percent: bool,
    /// The target or threshold.
    pub target: f64,
    /// The figure when the plan was started.
    pub performance: f64,
    /// Which adoptions that figure counted (`None` for a plan started before this was kept).
    pub counted: Option<scorecard::FiguresBasis>,
    /// The as-of date of that figure (`None` for a plan started before this was kept).
    pub as_of: Option<NaiveDate>,
    /// The required pace from now on, in words, when the plan was started.
    pub required_pace: String,
    /// The children still able to move the figure when the plan was started, in words.
    pub children: Vec<String>,
    /// Strategic director lead.
    pub strategic_lead: String,
    /// Departmental lead.
    pub departmental_lead: String,
    /// Reason for non-compliance.
    pub reason: String,
    /// What is required.
    pub what_required: String,
    /// How it will be achieved.
    pub how: String,
    /// Who is responsible.
    pub who: String,
    /// When results will be realised.
    pub when_results: String,
    /// Later reviews, each with the figure on its date.
    pub reviews: Vec<Review>,
    /// Closed once the figure met its target.
    pub closed: bool,
}

/// A review of a performance action plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// When.
    pub date: Option<NaiveDate>,
    /// The figure on that date.
    pub figure: Option<f64>,
    /// What the review found.
    pub text: String,
}

impl PerformancePlan {
    /// The gap to the target in the indicator's unit, signed as the template writes it:
    /// "68.1 % + / - Target: -11.9 %" for a percentage (the figure minus the target), "+139
    /// days" over a days threshold.
    pub fn gap_text(&self) -> String {
        gap_text(self.percent, self.performance, self.target)
    }

    /// Whether `figure` meets the target (days: rounded to the day, at or below it).
    pub fn met_by(&self, figure: f64) -> bool {
        if self.percent {
            // As the figure reads: to one decimal place, halves away from zero.
            scorecard::rounding::to_one_decimal(figure) >= self.target
        } else {
            figure.round() <= self.target
        }
    }
}

/// The performance and its gap to the target, as the template writes it.
pub fn gap_text(percent: bool, performance: f64, target: f64) -> String {
    if percent {
        let gap = scorecard::rounding::to_one_decimal(performance - target);
        format!(
            "{} % + / - Target: {}{} %",
            scorecard::rounding::one_decimal(performance),
            if gap >= 0.0 { "+" } else { "" },
            scorecard::rounding::one_decimal(gap)
        )
    } else {
        format!(
            "{} days + / - Threshold: {:+} days",
            performance.round(),
            performance.round() - target
        )
    }
}

/// "What if one more is in time?": `in_time` of `counted` with one more adoption in time, as a
/// percentage (15 of 22 is 68.2%; one more in time makes 16 of 23, 69.6%).
pub fn one_more_in_time(in_time: u64, counted: u64) -> f64 {
    (in_time + 1) as f64 / (counted + 1) as f64 * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_arithmetic() {
        // The performance action plan template (2014-15): 15 of 22 in time is 68.2% against
        // 80% (the template truncates to 68.1%); one more in time makes 16 of 23 = 69.6%.
        let performance = 15.0 / 22.0 * 100.0;
        assert_eq!(
            gap_text(true, performance, 80.0),
            "68.2 % + / - Target: -11.8 %"
        );
        assert!((one_more_in_time(15, 22) - 16.0 / 23.0 * 100.0).abs() < 1e-9);
        assert_eq!(format!("{:.1}", one_more_in_time(15, 22)), "69.6");
        assert_eq!(
            gap_text(false, 565.4, 426.0),
            "565 days + / - Threshold: +139 days"
        );
        let plan = PerformancePlan {
            percent: false,
            target: 426.0,
            ..PerformancePlan::default()
        };
        assert!(plan.met_by(426.4) && !plan.met_by(426.5));
    }
}
