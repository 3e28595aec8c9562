//! How long a stage takes, from every child who went through it or is in it now: the
//! Kaplan–Meier estimate (Kaplan and Meier, 1958). A stage still open on the as-of date, or
//! ended by the child leaving the route, says "longer than this": dropping it, as a median of
//! completed stages does, would leave the fast children over-represented.
//!
//! Only what happened lately counts: a passage that began before the last few years enters
//! the estimate when that window opens (a delayed entry, as in Brenner's period analysis of
//! survival), so the estimate is of the service as it is now, not as it was when the oldest
//! children started.
//!
//! Beyond the longest stage seen to end, the estimate says nothing; there the chance of ending
//! is taken as steady (an exponential tail), at the rate the stage's children ended at past
//! its median. A child who has already waited `w` days is drawn from the durations longer than
//! `w` (its residual life), never clamped to today.

/// One child's passage through one stage: `days` from its start to its end (`ended`) or to
/// the day it was last seen in it (still waiting, or left the route).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Episode {
    pub days: u32,
    pub ended: bool,
    /// The day of the stage from which the passage is watched: 0 for one that began in the
    /// window the estimate looks at; for one that began before, the day of the stage on
    /// which the window opened (it is then known to have lasted that long).
    pub entry: u32,
}

/// A stage's survival curve: the chance of still being in the stage after each day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Survival {
    /// The days on which some child's stage ended, ascending.
    times: Vec<u32>,
    /// The chance of still being in the stage just after each of `times`.
    surviving: Vec<f64>,
    /// The mean of the exponential tail past the last end seen (days).
    tail_mean: f64,
}

impl Survival {
    /// The estimate from `episodes` sorted by days, each weighted (all 1 for the estimate
    /// itself; random weights for a bootstrap replicate of it). `None` without any end.
    pub fn estimate(sorted: &[Episode], weights: &[f64]) -> Option<Survival> {
        Survival::estimate_with(sorted, &Survival::by_entry(sorted), weights)
    }

    /// The passages watched from a day after their start, by that day: each joins those at
    /// risk from then on. Worked out once for all the replicates of one estimate.
    pub fn by_entry(sorted: &[Episode]) -> Vec<(u32, usize)> {
        let mut by_entry: Vec<(u32, usize)> = sorted
            .iter()
            .enumerate()
            .filter(|(_, e)| e.entry > 0)
            .map(|(i, e)| (e.entry, i))
            .collect();
        crate::sorting::sort(&mut by_entry);
        by_entry
    }

    /// [`Survival::estimate`] with the passages' order of entry given.
    pub fn estimate_with(
        sorted: &[Episode],
        by_entry: &[(u32, usize)],
        weights: &[f64],
    ) -> Option<Survival> {
        let mut at_risk: f64 = sorted
            .iter()
            .zip(weights)
            .filter(|(e, _)| e.entry == 0)
            .map(|(_, w)| w)
            .sum();
        let mut joining = by_entry.iter().peekable();
        let mut s = 1.0;
        let (mut times, mut surviving) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < sorted.len() {
            let day = sorted[i].days;
            while let Some((_, j)) = joining.next_if(|(entry, _)| *entry <= day) {
                at_risk += weights[*j];
            }
            let (mut ended, mut leaving) = (0.0, 0.0);
            while i < sorted.len() && sorted[i].days == day {
                if sorted[i].entry <= day {
                    if sorted[i].ended {
                        ended += weights[i];
                    }
                    leaving += weights[i];
                }
                i += 1;
            }
            if ended > 0.0 && at_risk > 0.0 {
                s *= (1.0 - ended / at_risk).max(0.0);
                times.push(day);
                surviving.push(s);
            }
            at_risk -= leaving;
        }
        if times.is_empty() {
            return None;
        }
        let median = times[surviving.partition_point(|v| *v > 0.5).min(times.len() - 1)];
        // Past the median, the rate at which stages ended (ends over days at risk) gives the
        // tail's mean: what happens to the slowest children, from the slower half.
        let (mut exposure, mut ends) = (0.0, 0.0);
        for (e, w) in sorted.iter().zip(weights) {
            let from = median.max(e.entry);
            if e.days > from {
                exposure += w * f64::from(e.days - from);
                if e.ended {
                    ends += w;
                }
            }
        }
        let tail_mean = if ends > 0.0 {
            exposure / ends
        } else {
            f64::from(median.max(1))
        };
        Some(Survival {
            times,
            surviving,
            tail_mean: tail_mean.max(1.0),
        })
    }

    /// The median duration: the first day by which half the children's stages had ended.
    pub fn median(&self) -> f64 {
        self.quantile_after(0.0, 0.5)
    }

    /// The share of durations at or below `days` (the middle of the step where some end that
    /// very day).
    pub fn share_within(&self, days: f64) -> f64 {
        let last = *self.times.last().unwrap_or(&0) as f64;
        let s_last = *self.surviving.last().unwrap_or(&1.0);
        if days > last {
            return 1.0 - s_last * (-(days - last) / self.tail_mean).exp();
        }
        let below = self.times.partition_point(|t| (*t as f64) < days);
        let at = self.times.partition_point(|t| (*t as f64) <= days);
        let before = if below == 0 {
            1.0
        } else {
            self.surviving[below - 1]
        };
        let after = if at == 0 { 1.0 } else { self.surviving[at - 1] };
        1.0 - (before + after) / 2.0
    }

    /// A duration longer than `waited` days, drawn by its `u`-th quantile (`u` in [0, 1)):
    /// the stage's durations, given that it has already lasted `waited`.
    pub fn quantile_after(&self, waited: f64, u: f64) -> f64 {
        let last = *self.times.last().unwrap_or(&0) as f64;
        let s_last = *self.surviving.last().unwrap_or(&1.0);
        if waited >= last {
            // Past every end seen: the steady tail forgets how long the child waited.
            return waited - self.tail_mean * (1.0 - u).max(f64::MIN_POSITIVE).ln();
        }
        let from = self.times.partition_point(|t| (*t as f64) <= waited);
        let s_waited = if from == 0 {
            1.0
        } else {
            self.surviving[from - 1]
        };
        let target = s_waited * (1.0 - u);
        let k = from + self.surviving[from..].partition_point(|s| *s > target);
        match self.times.get(k) {
            Some(t) => *t as f64,
            // Deeper than the estimate reaches: into the tail past the last end.
            None => last + self.tail_mean * (s_last / target.max(f64::MIN_POSITIVE)).ln().max(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn episodes(list: &[(u32, bool)]) -> Vec<Episode> {
        let mut v: Vec<Episode> = list
            .iter()
            .map(|&(days, ended)| Episode {
                days,
                ended,
                entry: 0,
            })
            .collect();
        v.sort();
        v
    }

    /// Stages ended at 100, 200, 300 and 500 days; two still open at 150 and 400 days.
    fn ended_four_open_two() -> Survival {
        let e = episodes(&[
            (100, true),
            (150, false),
            (200, true),
            (300, true),
            (400, false),
            (500, true),
        ]);
        Survival::estimate(&e, &[1.0; 6]).unwrap()
    }

    #[test]
    fn open_stages_count_as_longer_than_they_have_lasted_so_far() {
        // Ended at 100, 200, 300 and 500 days; still open at 150 and 400 days.
        // Day 100: 6 at risk, 1 ends: S = 5/6.
        // Day 200: 4 at risk (the one open at 150 has left the count), 1 ends: S = 5/6 x 3/4 = 0.625.
        // Day 300: 3 at risk: S = 0.625 x 2/3 = 0.41667.
        // Day 500: 1 at risk (the one open at 400 has left): S = 0.
        let s = ended_four_open_two();
        assert_eq!(s.times, vec![100, 200, 300, 500]);
        let expected = [5.0 / 6.0, 0.625, 0.625 * 2.0 / 3.0, 0.0];
        for (got, want) in s.surviving.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{:?}", s.surviving);
        }
        // The median: the first day S falls to 0.5 or below is day 300 (completed stages alone
        // would say (200 + 300) / 2 = 250).
        assert_eq!(s.median(), 300.0);
    }

    #[test]
    fn a_passage_that_began_before_the_window_counts_only_from_when_it_opened() {
        // Ended at 100 and 300 days, both begun in the window; one that began 250 days before
        // the window opened and ended at 400 days, and one begun 350 days before it, still
        // open at 500.
        // Day 100: at risk the two begun in the window: S = 1/2.
        // Day 300: the one in the window (300) and the one watched from 250: S = 1/2 x 1/2.
        // Day 400: the one watched from 250, and the one from 350: S = 1/4 x 1/2 = 1/8.
        let mut e = episodes(&[(100, true), (300, true), (400, true), (500, false)]);
        e[2].entry = 250;
        e[3].entry = 350;
        let s = Survival::estimate(&e, &[1.0; 4]).unwrap();
        assert_eq!(s.times, vec![100, 300, 400]);
        assert_eq!(s.surviving, vec![0.5, 0.25, 0.125]);
    }

    #[test]
    fn a_child_who_has_waited_is_drawn_from_the_longer_durations_only() {
        let s = ended_four_open_two();
        // Having waited 250 days, S(250) = 0.625: the rest of the curve is 300 (down to
        // 0.41667, a third of what is left) and 500. The lowest third of draws ends at 300,
        // the rest at 500; nothing ends before 250.
        assert_eq!(s.quantile_after(250.0, 0.0), 300.0);
        assert_eq!(s.quantile_after(250.0, 0.33), 300.0);
        assert_eq!(s.quantile_after(250.0, 0.34), 500.0);
        assert_eq!(s.quantile_after(250.0, 0.99), 500.0);
        // Never earlier than the wait so far, for any draw, however long the wait.
        for waited in [0.0, 99.0, 100.0, 499.0, 500.0, 900.0] {
            for u in [0.0, 0.2, 0.5, 0.8, 0.999] {
                assert!(s.quantile_after(waited, u) >= waited, "{waited} {u}");
            }
        }
    }

    #[test]
    fn past_the_last_end_seen_the_tail_is_steady() {
        // Ends at 10, 20, 30; two still open at 40: S stays at 0.4 after day 30.
        let e = episodes(&[(10, true), (20, true), (30, true), (40, false), (40, false)]);
        let s = Survival::estimate(&e, &[1.0; 5]).unwrap();
        // Median 30 (S = 0.4 there). Past it: 2 x 10 days at risk and no end: the tail's
        // mean falls back on the median, 30 days.
        assert_eq!(s.tail_mean, 30.0);
        // A child who has waited 100 days: 100 + 30 x ln 2 at the median of the tail.
        assert!((s.quantile_after(100.0, 0.5) - (100.0 + 30.0 * 2f64.ln())).abs() < 1e-9);
        // From the start, the 80th percentile is past day 30, where 0.4 remain: S = 0.2 is
        // reached 30 x ln(0.4 / 0.2) days into the tail.
        assert!((s.quantile_after(0.0, 0.8) - (30.0 + 30.0 * 2f64.ln())).abs() < 1e-9);
    }
}
