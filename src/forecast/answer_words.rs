//! The first thing the forecast screen says, one sentence per target: where the figure is
//! heading against its target, the chance of meeting it, and the pace the children still
//! waiting must reach. Pure functions of the engine's answers, tested natively.

use super::basis::basis_words;
pub use super::course::{course, projected_met, Course};
use super::pace_words::{counted_from, line, still_to_be};
use super::sentences::figure_value;
use crate::state::count_of;
use scorecard::{Coverage, Figure, FiguresBasis, Indicator, PaceAnswer, WaitingOutcome};

/// What the Monte Carlo says of one target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Chance {
    /// The simulation is still running.
    Simulating,
    /// The share of simulated futures that meet the target.
    Known(f64),
    /// Not simulated (percentages are not).
    NotSimulated,
}

/// The target's value in its unit: "426" days (the figure beside it says days), "60%".
fn target_value(indicator: Indicator, value: f64) -> String {
    if indicator.is_percent() {
        format!("{}%", scorecard::rounding::whole_text(value))
    } else {
        scorecard::rounding::whole_text(value)
    }
}

/// "a" or "an" before a percentage said aloud: an 8%, an 11%, an 18%, an 80-89%.
fn article(percent: u32) -> &'static str {
    if matches!(percent, 8 | 11 | 18 | 80..=89) {
        "an"
    } else {
        "a"
    }
}

/// How often the likely range held what then happened, in this authority's own past (the
/// backtest of the baseline forecast).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BandRecord {
    /// The past forecasts are still being made.
    Checking,
    /// No past forecast could be set beside what happened.
    Untested,
    /// The record.
    Known(Coverage),
}

impl BandRecord {
    /// Whether the record says the range holds less often than an honest one (its interval
    /// lies below 8 in 10): the chance is then said only roughly.
    pub fn weak(&self) -> bool {
        matches!(self, BandRecord::Known(c) if c.judged > 0 && c.high < 0.8)
    }

    /// The record in words, to stand beside a chance: "in this authority's past, the likely
    /// range held the actual figure 13 times in 16".
    pub fn words(&self) -> String {
        match self {
            BandRecord::Checking => {
                "checking how often the likely range held in this authority's past".to_string()
            }
            BandRecord::Untested => {
                "this authority has no past year to check the likely range against".to_string()
            }
            BandRecord::Known(c) if c.judged == 0 => BandRecord::Untested.words(),
            BandRecord::Known(c) => {
                let mut out = format!(
                    "in this authority's past, the likely range held the actual figure {} {} in {}",
                    c.inside,
                    if c.inside == 1 { "time" } else { "times" },
                    c.judged
                );
                if self.weak() {
                    out.push_str(", less often than the 8 in 10 it should, so treat this as rough");
                }
                out
            }
        }
    }
}

/// The chance in tenths, as it is said: to the nearest 10% (the calibration test judges the
/// chance in bins no finer), halves away from zero. The badge beside the answer reads the same
/// tenths, so that the word and the number never disagree.
pub fn chance_tenths(p: f64) -> i64 {
    scorecard::rounding::whole(p * 10.0)
}

/// The chance in words, no more precisely than the evidence allows: to the nearest 10%, never
/// nearer 0 or 1 than "less than 1 in 10" and "more than 9 in 10", and only as low, middling
/// or high (the badge's own three bands) where the authority's own record shows the range too
/// narrow; with that record beside it. Empty when not simulated.
pub fn chance_words(chance: Chance, record: BandRecord) -> String {
    let p = match chance {
        Chance::Simulating => return "The chance of meeting it is being worked out.".into(),
        Chance::NotSimulated => return String::new(),
        Chance::Known(p) => p,
    };
    let tenths = chance_tenths(p);
    let phrase = if record.weak() {
        match tenths {
            ..=3 => "A low chance of meeting it".to_string(),
            4..=6 => "A middling chance of meeting it".to_string(),
            _ => "A high chance of meeting it".to_string(),
        }
    } else if p < 0.1 {
        "Less than a 1 in 10 chance of meeting it".to_string()
    } else if p > 0.9 {
        "More than a 9 in 10 chance of meeting it".to_string()
    } else {
        let percent = (tenths * 10) as u32;
        format!("About {} {percent}% chance of meeting it", article(percent))
    };
    format!("{phrase} ({}).", record.words())
}

/// The children still open, saying which are real and which assumed: "the 3 children in the
/// records still to be placed and the 5 adoptions expected but not yet in the data".
pub fn open_children_words(indicator: Indicator, waiting: usize, unknown: u64) -> String {
    let placed = still_to_be(indicator);
    let real = format!(
        "the {} in the records still to be {placed}",
        count_of(waiting, "child", "children")
    );
    let assumed = format!(
        "the {} expected but not yet in the data",
        count_of(unknown, "adoption", "adoptions")
    );
    match (waiting, unknown) {
        (_, 0) => real,
        (0, _) => assumed,
        _ => format!("{real} and {assumed}"),
    }
}

/// What the children still open must do, in one sentence.
fn pace_words(answer: &PaceAnswer, met: bool) -> String {
    let indicator = answer.target.indicator;
    let w = &answer.waiting;
    let open = open_children_words(indicator, w.waiting.len(), w.unknown_adoptions);
    match w.outcome {
        WaitingOutcome::NothingOpen => format!(
            "Nothing is left open in {}: the figure is final.",
            answer.target.period
        ),
        WaitingOutcome::Pace { days } => {
            // Rounded down: the pace said must itself meet the target.
            let pace = format!("{} days {}", days.floor() as i64, counted_from(indicator));
            let overdue = w.overdue().count();
            let rest = "already waited longer and must move on as soon as possible.";
            let past = match (overdue, w.waiting.len()) {
                (0, _) => String::new(),
                (1, 1) => format!(" That child has {rest}"),
                (o, n) if o == n => format!(" All {n} children in the records have {rest}"),
                (o, n) => format!(
                    " {o} of the {n} children in the records {} {rest}",
                    if o == 1 { "has" } else { "have" }
                ),
            };
            if met {
                format!("It stays met if {open} average no more than {pace}.{past}")
            } else {
                format!("To meet it, {open} must average {pace}.{past}")
            }
        }
        WaitingOutcome::NotPossible { best_average } => {
            let real = format!(
                "the {} in the records still to be {}",
                count_of(w.waiting.len(), "child", "children"),
                still_to_be(indicator)
            );
            let assumed = format!(
                "the {} expected but not yet in the data",
                count_of(w.unknown_adoptions, "adoption", "adoptions")
            );
            let even_if = match (w.waiting.len(), w.unknown_adoptions) {
                (_, 0) => format!("{real} were all done today"),
                (0, _) => format!("{assumed} took 0 days"),
                _ => format!("{real} were all done today and {assumed} took 0 days"),
            };
            format!(
                "It cannot be met now: even if {even_if}, the best it can reach is {} days.",
                best_average.round() as i64
            )
        }
        WaitingOutcome::InTime { needed, .. } => {
            let of = format!("at least {needed} of {open}");
            if met {
                format!("It stays met if {of} are placed {}.", line(indicator))
            } else {
                format!("To meet it, {of} must be placed {}.", line(indicator))
            }
        }
        WaitingOutcome::InTimeNotPossible { best_percent } => format!(
            "It cannot be met now: even if every child who still can be is placed in time, the best it can reach is {}%.",
            scorecard::rounding::one_decimal(best_percent)
        ),
    }
}

/// The answer for one target after its lead ("A1 2014-17:"): "heading for 512 days against
/// 426, with the adoptions we expect. About a 10% chance of meeting it (in this authority's
/// past, the likely range held the actual figure 13 times in 16). To meet it, the 3 children
/// in the records still to be placed and the 25 adoptions expected but not yet in the data
/// must average 262 days from entering care." A chosen target that differs from the period's
/// threshold is said as such.
pub fn answer_words(
    answer: &PaceAnswer,
    heading: Option<&Figure>,
    chance: Chance,
    basis: FiguresBasis,
    record: BandRecord,
) -> String {
    let target = answer.target;
    let threshold = heading.and_then(|f| f.threshold);
    let against = match threshold {
        Some(t) if t != target.value => format!(
            "the chosen target of {} (the threshold is {})",
            target_value(target.indicator, target.value),
            target_value(target.indicator, t)
        ),
        _ => target_value(target.indicator, target.value),
    };
    let head = match heading {
        Some(figure) if figure.value.is_some() => format!(
            "heading for {} against {against}, {}.",
            figure_value(figure),
            basis_words(basis)
        ),
        _ => format!("no children count in it yet; the target is {against}."),
    };
    let met = projected_met(answer, heading).unwrap_or(false);
    [head, chance_words(chance, record), pace_words(answer, met)]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::test_fixtures::{heading, pace_answer};
    use scorecard::{TargetStatus, WaitingChild};

    fn answer(indicator: Indicator, value: f64, outcome: WaitingOutcome) -> PaceAnswer {
        pace_answer(indicator, value, outcome)
    }

    /// The band held 13 of 16 past figures: an interval (57% to 93%) that holds 8 in 10.
    fn good() -> BandRecord {
        BandRecord::Known(Coverage {
            inside: 13,
            judged: 16,
            low: 0.57,
            high: 0.93,
        })
    }

    fn waiting_child(status: TargetStatus) -> WaitingChild {
        let day = chrono::NaiveDate::from_ymd_opt(2015, 6, 30).unwrap_or_default();
        WaitingChild {
            index: 0,
            child_id: "W".into(),
            start: day,
            waited_days: 300,
            target_days: 300,
            target_date: day,
            status,
        }
    }

    /// 3 children in the records still waiting, on pace, beside the 28 adoptions expected.
    fn with_three_waiting(mut a: PaceAnswer) -> PaceAnswer {
        a.waiting.waiting = vec![waiting_child(TargetStatus::OnPace); 3];
        a
    }

    #[test]
    fn the_answer_says_its_basis_and_which_children_are_real_and_which_assumed() {
        let a = with_three_waiting(answer(
            Indicator::A1,
            426.0,
            WaitingOutcome::Pace { days: 262.7 },
        ));
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A1, 512.0)),
            Chance::Known(0.12),
            FiguresBasis::WithExpected,
            good(),
        );
        assert_eq!(
            format!("A1 2014-17: {text}"),
            "A1 2014-17: heading for 512 days against 426, with the adoptions we expect. About \
             a 10% chance of meeting it (in this authority's past, the likely range held the \
             actual figure 13 times in 16). To meet it, the 3 children in the records still to \
             be placed and the 28 adoptions expected but not yet in the data must average 262 \
             days from entering care."
        );
    }

    #[test]
    fn from_the_data_alone_only_the_children_in_the_records_are_counted() {
        let mut a = with_three_waiting(answer(
            Indicator::A1,
            426.0,
            WaitingOutcome::Pace { days: 300.4 },
        ));
        a.waiting.unknown_adoptions = 0;
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A1, 450.0)),
            Chance::NotSimulated,
            FiguresBasis::DataOnly,
            good(),
        );
        assert_eq!(
            text,
            "heading for 450 days against 426, from the children in the data only. To meet it, \
             the 3 children in the records still to be placed must average 300 days from \
             entering care."
        );
    }

    #[test]
    fn a_target_met_on_the_projection_says_how_slow_the_waiting_children_may_go() {
        // 110 days against 121: met, so the pace is the most the children may take.
        let a = answer(Indicator::A2, 121.0, WaitingOutcome::Pace { days: 140.2 });
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A2, 110.0)),
            Chance::Known(0.85),
            FiguresBasis::WithExpected,
            good(),
        );
        assert_eq!(
            text,
            "heading for 110 days against 121, with the adoptions we expect. About a 90% chance \
             of meeting it (in this authority's past, the likely range held the actual figure 13 \
             times in 16). It stays met if the 28 adoptions expected but not yet in the data \
             average no more than 140 days from the placement order."
        );
    }

    #[test]
    fn children_already_past_the_pace_are_counted_out_loud() {
        let mut a = answer(Indicator::A1, 426.0, WaitingOutcome::Pace { days: 300.0 });
        a.waiting.waiting = vec![
            waiting_child(TargetStatus::Overdue),
            waiting_child(TargetStatus::Overdue),
            waiting_child(TargetStatus::OnPace),
        ];
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A1, 450.0)),
            Chance::NotSimulated,
            FiguresBasis::WithExpected,
            good(),
        );
        assert!(
            text.ends_with(
                "To meet it, the 3 children in the records still to be placed and the 28 \
                 adoptions expected but not yet in the data must average 300 days from entering \
                 care. 2 of the 3 children in the records have already waited longer and must \
                 move on as soon as possible."
            ),
            "{text}"
        );
    }

    #[test]
    fn a_lone_child_past_the_pace_is_not_counted_as_one_of_one() {
        let mut a = answer(Indicator::A2, 121.0, WaitingOutcome::Pace { days: 96.0 });
        a.waiting.waiting = vec![waiting_child(TargetStatus::Overdue)];
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A2, 132.0)),
            Chance::Known(0.1),
            FiguresBasis::WithExpected,
            good(),
        );
        assert!(
            text.ends_with(
                "must average 96 days from the placement order. That child has already waited \
                 longer and must move on as soon as possible."
            ),
            "{text}"
        );
        a.waiting.waiting = vec![waiting_child(TargetStatus::Overdue); 2];
        let text = answer_words(
            &a,
            None,
            Chance::NotSimulated,
            FiguresBasis::WithExpected,
            good(),
        );
        assert!(
            text.ends_with(
                "All 2 children in the records have already waited longer and must move on as \
                 soon as possible."
            ),
            "{text}"
        );
    }

    #[test]
    fn an_impossible_target_gives_the_best_still_reachable() {
        let a = with_three_waiting(answer(
            Indicator::A2,
            121.0,
            WaitingOutcome::NotPossible {
                best_average: 316.4,
            },
        ));
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A2, 380.0)),
            Chance::Known(0.0),
            FiguresBasis::WithExpected,
            BandRecord::Untested,
        );
        // No run met it, yet the chance is never said as nil: the model is not that sure.
        assert_eq!(
            text,
            "heading for 380 days against 121, with the adoptions we expect. Less than a 1 in \
             10 chance of meeting it (this authority has no past year to check the likely range \
             against). It cannot be met now: even if the 3 children in the records still to be \
             matched were all done today and the 28 adoptions expected but not yet in the data \
             took 0 days, the best it can reach is 316 days."
        );
    }

    #[test]
    fn a_percentage_counts_the_children_who_must_be_in_time() {
        let a = answer(
            Indicator::A3Percent,
            60.0,
            WaitingOutcome::InTime {
                needed: 16,
                can_be: 20,
            },
        );
        let text = answer_words(
            &a,
            Some(&heading(Indicator::A3Percent, 55.0)),
            Chance::NotSimulated,
            FiguresBasis::WithExpected,
            BandRecord::Checking,
        );
        assert_eq!(
            text,
            "heading for 55.0% against 60%, with the adoptions we expect. To meet it, at least \
             16 of the 28 adoptions expected but not yet in the data must be placed less than \
             14 months after entering care."
        );
    }

    #[test]
    fn chances_are_said_no_more_precisely_than_the_evidence_allows() {
        let said = |p: f64| chance_words(Chance::Known(p), good());
        let record = "(in this authority's past, the likely range held the actual figure 13 \
                      times in 16).";
        // To the nearest 10%, halves away from zero: 0.75 is "about 80%", with "an".
        assert_eq!(
            said(0.75),
            format!("About an 80% chance of meeting it {record}")
        );
        assert_eq!(
            said(0.18),
            format!("About a 20% chance of meeting it {record}")
        );
        // Never as a near-certainty either way, however many runs agree.
        assert_eq!(
            said(0.001),
            format!("Less than a 1 in 10 chance of meeting it {record}")
        );
        assert_eq!(
            said(0.999),
            format!("More than a 9 in 10 chance of meeting it {record}")
        );
        // A record whose interval lies below 8 in 10 (7 of 20: 18% to 57%): roughly only.
        let weak = BandRecord::Known(Coverage {
            inside: 7,
            judged: 20,
            low: 0.18,
            high: 0.57,
        });
        assert_eq!(
            chance_words(Chance::Known(0.001), weak),
            "A low chance of meeting it (in this authority's past, the likely range held the \
             actual figure 7 times in 20, less often than the 8 in 10 it should, so treat this \
             as rough)."
        );
        assert!(chance_words(Chance::Known(0.5), weak).starts_with("A middling chance"));
        // The three rough words take the badge's own bands: "about 30%" is low, "about 70%"
        // high.
        assert!(chance_words(Chance::Known(0.34), weak).starts_with("A low chance"));
        assert!(chance_words(Chance::Known(0.35), weak).starts_with("A middling chance"));
        assert!(chance_words(Chance::Known(0.65), weak).starts_with("A high chance"));
        assert_eq!(
            chance_words(Chance::Simulating, good()),
            "The chance of meeting it is being worked out."
        );
        assert_eq!(
            chance_words(Chance::Known(0.3), BandRecord::Checking),
            "About a 30% chance of meeting it (checking how often the likely range held in \
             this authority's past)."
        );
    }

    #[test]
    fn a_chosen_target_that_differs_from_the_threshold_is_said_as_such() {
        // 400 days meets the 426 threshold but not a chosen 380.
        let a = answer(Indicator::A1, 380.0, WaitingOutcome::Pace { days: 350.0 });
        let heading = heading(Indicator::A1, 400.0);
        assert_eq!(projected_met(&a, Some(&heading)), Some(false));
        let text = answer_words(
            &a,
            Some(&heading),
            Chance::NotSimulated,
            FiguresBasis::WithExpected,
            good(),
        );
        assert!(
            text.starts_with(
                "heading for 400 days against the chosen target of 380 (the threshold is 426), \
                 with the adoptions we expect."
            ),
            "{text}"
        );
    }
}
