//! Everything the workshop shows for one delay of one child, worked out once and read by the
//! panels and the presentation alike: the story (the child's own days, then one period's
//! figure), each period's figures before and after, the financial year the adoption order
//! slips into, and the child's age and wait. The sentences take the name to call the child by,
//! so that the presentation can call a real child "Child A".

use super::dataset::WorkshopData;
use chrono::NaiveDate;
use scorecard::dates::add_days;
use scorecard::{
    delay_impact_on, delay_sentence, life_at_placement, life_sentence, telling_change, ChildShift,
    DelayEffect, DelayLength, Delayed, FiguresBasis, FinancialYear, ForecastInput, Indicator,
    LifeAtPlacement, PeriodChange, RollingPeriod, ThresholdSchedule,
};

/// What the trainer chose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DelayChoice {
    /// The child, by position in the dataset's children.
    pub child: usize,
    /// The delay.
    pub delay: DelayLength,
    /// The figure the sentence talks about (A1 or A2).
    pub indicator: Indicator,
    /// The child's age on entering care, in months.
    pub age_at_entry_months: u32,
}

/// The adoption order slipping into another financial year: the windows the child leaves and
/// enters.
#[derive(Debug, Clone, PartialEq)]
pub struct YearSlip {
    /// The year of the order without the delay.
    pub from: FinancialYear,
    /// The year with the delay.
    pub to: FinancialYear,
    /// Three-year periods that held the child and no longer do.
    pub leaves: Vec<RollingPeriod>,
    /// Three-year periods the child now counts in.
    pub enters: Vec<RollingPeriod>,
}

/// The child's age and wait on moving in, without and with the delay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LifeChange {
    /// Without the delay.
    pub before: LifeAtPlacement,
    /// With the delay.
    pub after: LifeAtPlacement,
}

/// What one delay does.
#[derive(Debug, Clone, PartialEq)]
pub struct DelayView {
    /// The child's case reference (or made-up name).
    pub child: String,
    /// The day the child entered care.
    pub entered_care: NaiveDate,
    /// The date the figures are seen from.
    pub as_of: NaiveDate,
    /// Whether the child is adopted (the delay is then a "what if" on family finding); a
    /// child in the pipeline is delayed from the as-of date.
    pub adopted: bool,
    /// Whether the child's move to the adoptive family is still to come: their A1 and their
    /// age on moving in are then projections, said "is expected to".
    pub move_expected: bool,
    /// Whether the child's match is still to come (their A2 is then a projection).
    pub match_expected: bool,
    /// The delay.
    pub delay: DelayLength,
    /// The delay in days.
    pub days: i64,
    /// The figure the story talks about.
    pub indicator: Indicator,
    /// The child before and after; `None` when the child counts in no figure.
    pub shift: Option<ChildShift>,
    /// The A1 and A2 figures of every period the child touches, before and after.
    pub periods: Vec<PeriodChange>,
    /// Which adoptions those figures count (the forecast's basis); `None` for a made-up
    /// cohort, which is every child of its story.
    pub basis: Option<FiguresBasis>,
    /// The period's figure the story tells about.
    pub told: Option<PeriodChange>,
    /// The adoption order slipping a financial year, if it does.
    pub slip: Option<YearSlip>,
    /// The adoption order's date without and with the delay, when it is known (adopted child).
    pub order_dates: Option<(NaiveDate, NaiveDate)>,
    /// The child's age on entering care assumed, in months.
    pub age_at_entry_months: u32,
    /// Age and wait on moving in.
    pub life: Option<LifeChange>,
}

impl DelayView {
    /// Whether the child's own days for the story's figure are a projection.
    pub fn expected(&self) -> bool {
        match self.indicator {
            Indicator::A2 => self.match_expected,
            _ => self.move_expected,
        }
    }

    /// The story for the audience, the child (called `name`) first, then one period's figure.
    pub fn story(&self, name: &str) -> String {
        match &self.told {
            Some(change) => delay_sentence(&DelayEffect {
                child: name.to_string(),
                delay: self.delay,
                indicator: change.before.indicator,
                child_before: self
                    .shift
                    .as_ref()
                    .and_then(|s| s.before.value(self.indicator)),
                child_after: self
                    .shift
                    .as_ref()
                    .and_then(|s| s.after.value(self.indicator)),
                expected: self.expected(),
                period: change.period,
                before: change.before.value,
                after: change.after.value,
                threshold: change.after.threshold.or(change.before.threshold),
                year_before: self.shift.as_ref().and_then(|s| s.year_before),
                year_after: self.shift.as_ref().and_then(|s| s.year_after),
            }),
            None => format!(
                "{name} counts in no {} figure yet, so a delay does not show on the scorecard.",
                self.indicator.name()
            ),
        }
    }

    /// The child's sentence (called `name`): their age and wait on moving in.
    pub fn life_words(&self, name: &str) -> Option<String> {
        self.life.map(|l| {
            life_sentence(
                name,
                &self.delay.words(),
                &l.before,
                &l.after,
                self.move_expected,
            )
        })
    }
}

/// The periods holding `year` and not `other`.
fn windows_only(year: FinancialYear, other: FinancialYear) -> Vec<RollingPeriod> {
    (0..3)
        .map(|k| RollingPeriod::ending_with(FinancialYear(year.0 + k)))
        .filter(|p| !p.contains(other))
        .collect()
}

/// Works out what `choice` does to `data`.
pub fn delay_view(
    data: &WorkshopData,
    thresholds: &ThresholdSchedule,
    choice: DelayChoice,
) -> Option<DelayView> {
    let record = data.children.get(choice.child)?;
    // A child already adopted is delayed in family finding, so months count from the match;
    // a child in the pipeline is delayed from now.
    let start = if record.is_adopted() {
        record.matched.or(record.placed).unwrap_or(data.as_of)
    } else {
        data.as_of
    };
    let days = choice.delay.days_from(start);
    let input = ForecastInput {
        children: &data.children,
        aggregates: &data.aggregates,
        as_of: data.as_of,
        thresholds,
        // The scenario and basis of the forecast, so that the figures before the delay are
        // the ones every other screen shows.
        scenario: &data.scenario,
        target: None,
        // A made-up cohort is every child of its story: a year without one has none.
        every_child: data.made_up(),
    };
    let impact = delay_impact_on(&input, Delayed::Child(choice.child), days, data.basis);
    let shift = impact.children.first().cloned();
    let told = telling_change(&impact, choice.indicator).copied();
    let slip = shift
        .as_ref()
        .and_then(|s| match (s.year_before, s.year_after) {
            (Some(from), Some(to)) if from != to => Some(YearSlip {
                from,
                to,
                leaves: windows_only(from, to),
                enters: windows_only(to, from),
            }),
            _ => None,
        });
    let order_dates = record
        .adoption_order
        .map(|date| (date, add_days(date, days)));
    let a1 = |v: &scorecard::ChildValues| v.value(Indicator::A1);
    let life = shift.as_ref().and_then(|s| {
        let (before, after) = (a1(&s.before)?, a1(&s.after)?);
        let placed = add_days(record.entered_care, before as i64);
        let extra = (after - before) as i64;
        Some(LifeChange {
            before: life_at_placement(record.entered_care, choice.age_at_entry_months, placed, 0)?,
            after: life_at_placement(
                record.entered_care,
                choice.age_at_entry_months,
                placed,
                extra,
            )?,
        })
    });
    Some(DelayView {
        child: record.child_id.clone(),
        entered_care: record.entered_care,
        as_of: data.as_of,
        adopted: record.is_adopted(),
        move_expected: record.placed.is_none(),
        match_expected: record.matched.is_none(),
        delay: choice.delay,
        days,
        indicator: choice.indicator,
        shift,
        periods: impact
            .periods
            .iter()
            .filter(|c| matches!(c.before.indicator, Indicator::A1 | Indicator::A2))
            .copied()
            .collect(),
        basis: (!data.made_up()).then_some(data.basis),
        told,
        slip,
        order_dates,
        age_at_entry_months: choice.age_at_entry_months,
        life,
    })
}

/// "met", "not met", "not judged yet" (a period with a year still empty is never judged),
/// "no threshold", or "no children" for a period the child enters.
pub fn status_word(figure: &scorecard::Figure) -> &'static str {
    match (figure.value, figure.status) {
        (None, _) => "no children",
        (Some(_), Some(s)) if s.met => "met",
        (Some(_), Some(_)) => "not met",
        (Some(_), None) if figure.basis == scorecard::Basis::Partial => "not judged yet",
        (Some(_), None) => "no threshold",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::document::{Document, MadeUpCohort};
    use crate::workshop::dataset::{workshop_data, DatasetChoice};
    use scorecard::CohortTemplate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Two children, entered care 01/04/2013 and 01/05/2013 (30 days apart), each 400 days to
    /// moving in (100 + 100 + 100 + 100) and 299 more to the order: 699 days. For B,
    /// 01/05/2013 + 365 = 01/05/2014 (no 29 February between), then 31+30+31+31+30+31+30+31+
    /// 31+28 = 304 to 01/03/2015 and 30 more to 31/03/2015: the last day of 2014-15.
    fn doc() -> Document {
        let mut doc = Document::default();
        doc.workshop.cohorts.push(MadeUpCohort {
            name: "Two".into(),
            template: CohortTemplate {
                children: 2,
                first_entered_care: d(2013, 4, 1),
                spacing_days: 30,
                entered_care_to_decision_days: 100,
                decision_to_placement_order_days: 100,
                placement_order_to_match_days: 100,
                match_to_placed_days: 100,
                placed_to_adoption_order_days: 299,
                age_at_entry_months: 0,
            },
        });
        doc
    }

    #[test]
    fn one_week_slips_child_b_into_the_next_year() {
        let doc = doc();
        let data = workshop_data(&doc, &DatasetChoice::MadeUp("Two".into()), d(2020, 1, 1));
        assert_eq!(data.children[1].adoption_order, Some(d(2015, 3, 31)));
        let view = delay_view(
            &data,
            &ThresholdSchedule::default(),
            DelayChoice {
                child: 1,
                delay: DelayLength::weeks(1),
                indicator: Indicator::A1,
                age_at_entry_months: 0,
            },
        )
        .unwrap();
        assert_eq!(view.days, 7);
        assert_eq!(view.order_dates, Some((d(2015, 3, 31), d(2015, 4, 7))));
        let slip = view.slip.clone().unwrap();
        assert_eq!(
            (slip.from, slip.to),
            (FinancialYear(2014), FinancialYear(2015))
        );
        // 2014-15 is in 2012-15, 2013-16, 2014-17; 2015-16 in 2013-16, 2014-17, 2015-18.
        assert_eq!(slip.leaves, vec![RollingPeriod::ending_march(2015)]);
        assert_eq!(slip.enters, vec![RollingPeriod::ending_march(2018)]);
        // Entered care at birth: the whole life is spent waiting, before and after.
        let life = view.life.unwrap();
        assert_eq!(life.before.waiting_days, 400);
        assert_eq!(life.after.waiting_days, 407);
        assert_eq!(life.after.share_percent(), 100);
    }
}
