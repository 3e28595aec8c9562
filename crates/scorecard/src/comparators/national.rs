//! Where our own A1 figure would stand among all English authorities: an estimate, read from
//! the ranks the comparator table publishes for the authorities either side of ours.
//!
//! The published tables rank each authority's A1 among all English authorities (the Sheffield
//! City Council scrutiny report, 2015, ranks 2011-14 "of 152"); our figure is worked out from
//! our own records and has no published rank. Between two published neighbours, one faster
//! and one slower, our rank is read along the straight line joining their (days, rank) points
//! and kept strictly between them; level with a published authority, we share its rank. Past
//! the fastest or the slowest ranked authority only a range can be given. Only A1 is ranked:
//! the tables keep no national A2 rank.

use super::{name_key, ComparatorTable};
use crate::dates::RollingPeriod;
use crate::indicator::Indicator;

/// How many authorities the published national ranks are out of: the 152 English local
/// authorities the DfE adoption scorecard ranked (the Sheffield City Council scrutiny report,
/// 2015: "64th of 152").
pub const ENGLISH_AUTHORITIES: u32 = 152;

/// A published neighbour of our figure: its name, days and national rank.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The authority.
    pub authority: String,
    /// Its three-year A1, in days, as published.
    pub days: f64,
    /// Its published national rank, 1 the fastest.
    pub rank: u32,
}

/// Our estimated national rank.
#[derive(Debug, Clone, PartialEq)]
pub struct NationalRank {
    /// The estimate, when our figure lies between (or level with) published ranks; `None`
    /// when it is faster or slower than every ranked authority, and only the range is known.
    pub rank: Option<u32>,
    /// The best rank it could be.
    pub low: u32,
    /// The worst rank it could be.
    pub high: u32,
    /// Out of how many authorities.
    pub out_of: u32,
    /// The ranked authority just faster than ours, if any.
    pub faster: Option<Ranked>,
    /// The ranked authority just slower than ours, or level with it, if any.
    pub slower: Option<Ranked>,
    /// Whether `slower` is level with ours (the same days, as published): we share its rank.
    pub level: bool,
}

/// Estimates where `our_value` (days) would rank among all English authorities for `period`,
/// from the national ranks `table` publishes (remove our own published row first with
/// [`ComparatorTable::without_authority`]). Our figure is rounded to the day, as published
/// figures are.
///
/// `None` for an indicator other than A1, a value that is not a number, or a period whose
/// rows publish no rank.
pub fn estimated_national_rank(
    table: &ComparatorTable,
    period: RollingPeriod,
    indicator: Indicator,
    our_value: f64,
) -> Option<NationalRank> {
    if indicator != Indicator::A1 || !our_value.is_finite() {
        return None;
    }
    let mut seen: Vec<String> = Vec::new();
    let mut ranked: Vec<Ranked> = Vec::new();
    for row in table.rows_for(period) {
        let (Some(days), Some(rank)) = (row.a1.filter(|v| v.is_finite()), row.rank) else {
            continue;
        };
        if row.is_average() || seen.contains(&name_key(&row.authority)) {
            continue;
        }
        seen.push(name_key(&row.authority));
        ranked.push(Ranked {
            authority: row.authority.clone(),
            days: days.round(),
            rank,
        });
    }
    if ranked.is_empty() {
        return None;
    }
    let ours = our_value.round();
    let out_of = ranked
        .iter()
        .map(|r| r.rank)
        .max()
        .unwrap_or(0)
        .max(ENGLISH_AUTHORITIES);
    // The nearest faster authority (the slowest of those faster; the worst rank among
    // equals), and the nearest at our figure or slower (the best rank among equals).
    let faster = ranked
        .iter()
        .filter(|r| r.days < ours)
        .max_by(|a, b| a.days.total_cmp(&b.days).then(a.rank.cmp(&b.rank)))
        .cloned();
    let slower = ranked
        .iter()
        .filter(|r| r.days >= ours)
        .min_by(|a, b| a.days.total_cmp(&b.days).then(a.rank.cmp(&b.rank)))
        .cloned();
    let level = slower.as_ref().is_some_and(|s| s.days == ours);
    let (rank, low, high) = match (&faster, &slower) {
        (_, Some(s)) if level => (Some(s.rank), s.rank, s.rank),
        (Some(f), Some(s)) => {
            let low = f.rank + 1;
            let high = s.rank.max(low);
            let along = (ours - f.days) / (s.days - f.days);
            let read = f64::from(f.rank) + along * f64::from(s.rank.saturating_sub(f.rank));
            let rank = (read.round() as u32).clamp(low, high);
            (Some(rank), low, high)
        }
        (None, Some(s)) => (None, 1, s.rank.max(1)),
        (Some(f), None) => (None, (f.rank + 1).min(out_of), out_of),
        (None, None) => return None,
    };
    Some(NationalRank {
        rank,
        low,
        high,
        out_of,
        faster,
        slower,
        level,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> RollingPeriod {
        RollingPeriod::parse(text).unwrap()
    }

    #[test]
    fn level_with_a_published_authority_we_share_its_rank() {
        let others = ComparatorTable::sheffield_2015().without_authority("Sheffield");
        // Sheffield's own 593 days, 2011-14: Peterborough is published at 593, 64th.
        let rank = estimated_national_rank(&others, p("2011-14"), Indicator::A1, 593.0).unwrap();
        assert_eq!((rank.rank, rank.low, rank.high), (Some(64), 64, 64));
        assert!(rank.level);
        assert_eq!(rank.slower.unwrap().authority, "Peterborough");
        assert_eq!(rank.out_of, 152);
    }

    #[test]
    fn between_two_published_authorities_the_rank_is_read_along_the_line() {
        let others = ComparatorTable::sheffield_2015().without_authority("Sheffield");
        // 570 days lies between Leeds (564, 49th) and North East Lincolnshire (575, 54th):
        // 49 + (570 - 564) / (575 - 564) x (54 - 49) = 49 + 6/11 x 5 = 51.7, about 52nd.
        let rank = estimated_national_rank(&others, p("2011-14"), Indicator::A1, 570.0).unwrap();
        assert_eq!(rank.rank, Some(52));
        assert_eq!((rank.low, rank.high), (50, 54));
        assert_eq!(rank.faster.unwrap().authority, "Leeds");
        assert_eq!(rank.slower.unwrap().authority, "North East Lincolnshire");
        assert!(!rank.level);
    }

    #[test]
    fn past_the_fastest_or_slowest_ranked_authority_only_a_range_is_known() {
        let others = ComparatorTable::sheffield_2015().without_authority("Sheffield");
        // Telford and Wrekin's 340 days is published 1st: 300 days can only be 1st.
        let fastest = estimated_national_rank(&others, p("2011-14"), Indicator::A1, 300.0);
        assert_eq!(fastest.map(|r| (r.rank, r.low, r.high)), Some((None, 1, 1)));
        // Birmingham's 834 days is the slowest ranked; 900 days is below it, down to 152nd.
        let slowest = estimated_national_rank(&others, p("2011-14"), Indicator::A1, 900.0).unwrap();
        assert_eq!(slowest.rank, None);
        assert_eq!(slowest.high, 152);
        assert_eq!(slowest.low, slowest.faster.unwrap().rank + 1);
    }

    #[test]
    fn without_published_ranks_there_is_no_national_estimate() {
        let t = ComparatorTable::sheffield_2015();
        // The report publishes ranks for 2011-14 only, and for A1 only.
        assert_eq!(
            estimated_national_rank(&t, p("2010-13"), Indicator::A1, 600.0),
            None
        );
        assert_eq!(
            estimated_national_rank(&t, p("2011-14"), Indicator::A2, 200.0),
            None
        );
        assert_eq!(
            estimated_national_rank(&t, p("2011-14"), Indicator::A1, f64::NAN),
            None
        );
    }
}
