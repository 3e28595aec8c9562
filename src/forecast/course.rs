//! The one rule for the word beside each answer ("On course", "Off course", "Could go either
//! way") and the chance in its sentence: where the Monte Carlo gives a chance, the word
//! follows it; where nothing is simulated, the projected figure decides. Pure, tested natively.

use super::answer_words::{chance_tenths, Chance};
use scorecard::{Figure, PaceAnswer, ThresholdSchedule};

/// Where a target stands, in one word beside its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Course {
    /// Likely to be met: the chance, said to the nearest 10%, is 70% or more (or, where
    /// nothing is simulated, the projected figure meets it).
    On,
    /// Likely to be missed: the chance, said to the nearest 10%, is 30% or less (or the
    /// projected figure misses it).
    Off,
    /// Between the two: as many futures meet it as miss it, near enough.
    EitherWay,
    /// The chance is still being worked out.
    Simulating,
    /// No children count in the period yet.
    NothingToJudge,
}

impl Course {
    /// The badge's words.
    pub fn words(self) -> &'static str {
        match self {
            Course::On => "On course",
            Course::Off => "Off course",
            Course::EitherWay => "Could go either way",
            Course::Simulating => "Working out the chance",
            Course::NothingToJudge => "Nothing to judge",
        }
    }
}

/// Whether the projected figure of the target's period meets the target (not only the
/// threshold: a chosen target may be stricter); `None` with nothing to judge.
pub fn projected_met(answer: &PaceAnswer, heading: Option<&Figure>) -> Option<bool> {
    let value = heading?.value?;
    let target = answer.target;
    Some(ThresholdSchedule::status(target.indicator, value, target.value).met)
}

/// The one rule for the badge beside the chance: where the Monte Carlo gives a chance, the
/// badge follows the chance as it is said, in tenths (on course from "about 70%", off course
/// up to "about 30%", "could go either way" between), so that "On course" never sits beside
/// "about a 50% chance"; where nothing is simulated (percentages), the projected figure
/// decides.
pub fn course(answer: &PaceAnswer, heading: Option<&Figure>, chance: Chance) -> Course {
    let Some(met) = projected_met(answer, heading) else {
        return Course::NothingToJudge;
    };
    match chance {
        Chance::Known(p) => match chance_tenths(p) {
            ..=3 => Course::Off,
            4..=6 => Course::EitherWay,
            _ => Course::On,
        },
        Chance::Simulating => Course::Simulating,
        Chance::NotSimulated if met => Course::On,
        Chance::NotSimulated => Course::Off,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::test_fixtures::{self as fixtures, pace_answer};
    use scorecard::{Indicator, WaitingOutcome};

    fn answer() -> PaceAnswer {
        pace_answer(Indicator::A1, 426.0, WaitingOutcome::Pace { days: 400.0 })
    }

    fn heading(value: f64) -> Figure {
        fixtures::heading(Indicator::A1, value)
    }

    #[test]
    fn the_badge_and_the_chance_follow_one_rule() {
        // The projection meets 426 (420 days), but only 45 of 100 futures do: neither "on
        // course" nor "off course".
        let a = answer();
        let (met, missed) = (heading(420.0), heading(440.0));
        assert_eq!(
            course(&a, Some(&met), Chance::Known(0.45)),
            Course::EitherWay
        );
        // The badge reads the chance as it is said, to the nearest 10%: 0.34 is "about 30%",
        // off course; 0.35 is "about 40%", either way; 0.65 is "about 70%", on course.
        assert_eq!(course(&a, Some(&met), Chance::Known(0.34)), Course::Off);
        assert_eq!(
            course(&a, Some(&met), Chance::Known(0.35)),
            Course::EitherWay
        );
        assert_eq!(course(&a, Some(&met), Chance::Known(0.20)), Course::Off);
        assert_eq!(
            course(&a, Some(&missed), Chance::Known(0.70)).words(),
            "On course"
        );
        assert_eq!(course(&a, Some(&missed), Chance::Known(0.65)), Course::On);
        assert_eq!(
            course(&a, Some(&missed), Chance::Known(0.64)),
            Course::EitherWay
        );
        // Nothing simulated (a percentage): the projected figure decides.
        assert_eq!(course(&a, Some(&met), Chance::NotSimulated), Course::On);
        assert_eq!(course(&a, Some(&missed), Chance::NotSimulated), Course::Off);
        assert_eq!(
            course(&a, Some(&met), Chance::Simulating),
            Course::Simulating
        );
        let empty = Figure { value: None, ..met };
        assert_eq!(
            course(&a, Some(&empty), Chance::Known(0.9)),
            Course::NothingToJudge
        );
    }
}
