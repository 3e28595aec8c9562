//! What the comparators table and chart show for one period: our own figures, worked out from
//! our data by the forecast, ranked among the table's authorities. Pure functions, tested
//! natively.

use super::words::{average_name, national_how, national_short};
use scorecard::{
    estimated_national_rank, estimated_rank, Basis, ComparatorRow, ComparatorTable, FiguresBasis,
    Forecast, Indicator, NationalRank, RollingPeriod,
};
use scorecard_charts::comparators::{BarKind, ComparatorBar, ComparatorChart};

/// Our figures for one period, from the forecast.
#[derive(Debug, Clone, PartialEq)]
pub struct OurFigures {
    /// How our row is named: "Our figure (Name)".
    pub label: String,
    /// The period.
    pub period: RollingPeriod,
    /// Our three-year A1, unrounded; `None` when the period holds none of our children.
    pub a1: Option<f64>,
    /// Our three-year A2, unrounded.
    pub a2: Option<f64>,
    /// Whether the figures are actual, projected or mixed.
    pub basis: Option<Basis>,
    /// Which adoptions the figures count: the basis every screen shows.
    pub counted: FiguresBasis,
    /// The thresholds for the period.
    pub a1_threshold: Option<f64>,
    /// The A2 threshold.
    pub a2_threshold: Option<f64>,
    /// Our estimated A1 rank among the table's authorities: (rank, out of).
    pub a1_rank: Option<(u32, u32)>,
    /// Our estimated A2 rank.
    pub a2_rank: Option<(u32, u32)>,
    /// Our estimated A1 rank among all English authorities, read from the published ranks.
    pub a1_national: Option<NationalRank>,
}

impl OurFigures {
    /// Our figure for A1 or A2.
    pub fn value(&self, indicator: Indicator) -> Option<f64> {
        match indicator {
            Indicator::A2 => self.a2,
            _ => self.a1,
        }
    }

    /// Our estimated rank for A1 or A2.
    pub fn rank(&self, indicator: Indicator) -> Option<(u32, u32)> {
        match indicator {
            Indicator::A2 => self.a2_rank,
            _ => self.a1_rank,
        }
    }
}

/// Our figures for `period`, on the forecast's basis: the same figures the forecast, the
/// plans and the report show. Our own published row (same name as `authority`) is left out
/// of the ranking, so our computed figure is not ranked against itself.
pub fn our_figures(
    table: &ComparatorTable,
    forecast: &Forecast,
    period: RollingPeriod,
    authority: &str,
) -> OurFigures {
    let figures = forecast.period_on_basis(period);
    let a1 = figures.and_then(|p| p.figure(Indicator::A1).value);
    let a2 = figures.and_then(|p| p.figure(Indicator::A2).value);
    let others = table.without_authority(authority);
    let label = if authority.trim().is_empty() {
        "Our figure".to_string()
    } else {
        format!("Our figure ({})", authority.trim())
    };
    OurFigures {
        label,
        period,
        a1,
        a2,
        basis: figures.map(|p| p.figure(Indicator::A1).basis),
        counted: forecast.basis,
        a1_threshold: figures.and_then(|p| p.figure(Indicator::A1).threshold),
        a2_threshold: figures.and_then(|p| p.figure(Indicator::A2).threshold),
        a1_rank: a1.and_then(|v| estimated_rank(&others, period, Indicator::A1, v)),
        a2_rank: a2.and_then(|v| estimated_rank(&others, period, Indicator::A2, v)),
        a1_national: a1.and_then(|v| estimated_national_rank(&others, period, Indicator::A1, v)),
    }
}

/// A published authority's rank among the authorities of the table and our own figure, 1st
/// the fastest (equal figures share a rank): (rank, out of). `None` for an average or a row
/// without the figure. `others` is the table without our own published row.
pub fn rank_in_table(
    others: &ComparatorTable,
    row: &ComparatorRow,
    ours: &OurFigures,
    indicator: Indicator,
) -> Option<(u32, u32)> {
    if row.is_average() {
        return None;
    }
    let value = row.value(indicator).filter(|v| v.is_finite())?.round();
    let authorities = others.authority_values(ours.period, indicator);
    let ours_value = ours.value(indicator).map(f64::round);
    let faster = authorities
        .iter()
        .filter(|(_, v)| v.round() < value)
        .count()
        + usize::from(ours_value.is_some_and(|o| o < value));
    let out_of = authorities.len() + usize::from(ours_value.is_some());
    Some((u32::try_from(faster + 1).ok()?, u32::try_from(out_of).ok()?))
}

/// "1st", "2nd", "3rd", "11th", "22nd", "64th".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The rank sentence: "Our 2011-14 A1 of 593 days would rank 14th of 29 authorities in the
/// table (1st the fastest). Among all 152 English authorities it would be about 64th: an
/// estimate, level with Peterborough (593 days, published 64th)."
pub fn rank_sentence(ours: &OurFigures, indicator: Indicator) -> String {
    let national = || match (indicator, &ours.a1_national) {
        (Indicator::A1, Some(n)) => format!(
            " Among all {} English authorities it would be {}: an estimate, {}.",
            n.out_of,
            national_short(n)
                .trim_end_matches(" (estimate)")
                .replace(&format!(" of {}", n.out_of), ""),
            national_how(n)
        ),
        (Indicator::A1, None) => format!(
            " The table publishes no national rank for {}, so none is estimated.",
            ours.period
        ),
        _ => " The table publishes no national A2 rank, so none is estimated.".to_string(),
    };
    match (ours.value(indicator), ours.rank(indicator)) {
        (Some(v), Some((rank, of))) => format!(
            "Our {} {} of {} days would rank {} of {of} authorities in the table (1st the fastest).{}",
            ours.period,
            indicator.name(),
            v.round() as i64,
            ordinal(rank),
            national()
        ),
        (Some(v), None) => format!(
            "Our {} {} is {} days; the table has no authority to rank it against.",
            ours.period,
            indicator.name(),
            v.round() as i64
        ),
        (None, _) => format!(
            "Your data holds no children adopted in {}, so there is no figure of ours for that period.",
            ours.period
        ),
    }
}

/// The chart of `indicator` for our period: every authority once (ours replaced by our
/// computed figure), the group averages and our figure, fastest first.
pub fn chart(
    table: &ComparatorTable,
    ours: &OurFigures,
    authority: &str,
    indicator: Indicator,
    built_in: bool,
) -> ComparatorChart {
    let period = ours.period;
    let others = table.without_authority(authority);
    let mut bars: Vec<ComparatorBar> = others
        .authority_values(period, indicator)
        .into_iter()
        .map(|(name, value)| ComparatorBar {
            label: name.to_string(),
            value,
            kind: BarKind::Authority,
        })
        .collect();
    let mut averages: Vec<String> = Vec::new();
    for row in others.rows_for(period) {
        if !row.is_average() || averages.contains(&row.authority) {
            continue;
        }
        if let Some(value) = row.value(indicator).filter(|v| v.is_finite()) {
            averages.push(row.authority.clone());
            bars.push(ComparatorBar {
                label: average_name(&row.authority, built_in),
                value,
                kind: BarKind::Average,
            });
        }
    }
    if let Some(value) = ours.value(indicator) {
        bars.push(ComparatorBar {
            label: ours.label.clone(),
            value,
            kind: BarKind::Ours,
        });
    }
    scorecard::sorting::sort_by(&mut bars, |a, b| a.value.total_cmp(&b.value));
    ComparatorChart {
        title: format!(
            "{}, {period}: our figure against other authorities and averages",
            indicator.name()
        ),
        unit: "days".into(),
        bars,
        threshold: match indicator {
            Indicator::A2 => ours.a2_threshold,
            _ => ours.a1_threshold,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_said_as_ordinals() {
        let said: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 64, 101, 111]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            said,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "64th",
                "101st", "111th"
            ]
        );
    }
    fn ours_in_seed(a1: f64, a2: f64) -> (ComparatorTable, OurFigures) {
        let table = ComparatorTable::sheffield_2015();
        let others = table.without_authority("Sheffield");
        let period = RollingPeriod::parse("2011-14").unwrap();
        let ours = OurFigures {
            label: "Our figure (Sheffield)".into(),
            period,
            a1: Some(a1),
            a2: Some(a2),
            basis: Some(Basis::Actual),
            counted: FiguresBasis::WithExpected,
            a1_threshold: Some(568.0),
            a2_threshold: None,
            a1_rank: estimated_rank(&others, period, Indicator::A1, a1),
            a2_rank: estimated_rank(&others, period, Indicator::A2, a2),
            a1_national: estimated_national_rank(&others, period, Indicator::A1, a1),
        };
        (table, ours)
    }

    #[test]
    fn the_rank_in_the_table_and_the_rank_in_england_are_told_apart() {
        // Sheffield's own 2011-14 figures, A1 593 and A2 271: 14th and 23rd of 29 in the
        // table (see the engine's tests); in England level with Peterborough, 64th.
        let (_, ours) = ours_in_seed(593.0, 271.0);
        assert_eq!(
            rank_sentence(&ours, Indicator::A1),
            "Our 2011-14 A1 of 593 days would rank 14th of 29 authorities in the table (1st \
             the fastest). Among all 152 English authorities it would be about 64th: an \
             estimate, level with Peterborough (593 days, published 64th)."
        );
        assert!(rank_sentence(&ours, Indicator::A2)
            .ends_with("The table publishes no national A2 rank, so none is estimated."));
        assert_eq!(
            national_short(ours.a1_national.as_ref().unwrap()),
            "about 64th of 152 (estimate)"
        );
        // 570 days: between Leeds (564, 49th) and North East Lincolnshire (575, 54th).
        let (_, between) = ours_in_seed(570.0, 271.0);
        assert!(rank_sentence(&between, Indicator::A1).contains(
            "it would be about 52nd: an estimate, read between the published ranks of Leeds \
             (564 days, published 49th) and North East Lincolnshire (575 days, published 54th)."
        ));
    }

    #[test]
    fn each_authority_is_ranked_in_the_table_with_our_figure_among_them() {
        let (table, ours) = ours_in_seed(593.0, 271.0);
        let others = table.without_authority("Sheffield");
        let row = |name: &str| {
            table
                .rows
                .iter()
                .find(|r| r.authority == name && r.period == ours.period)
                .unwrap()
        };
        // Telford and Wrekin's 340 is the fastest of the 28 and ours: 1st of 29.
        assert_eq!(
            rank_in_table(&others, row("Telford and Wrekin"), &ours, Indicator::A1),
            Some((1, 29))
        );
        // Birmingham's 834 is the slowest: 29th of 29. Peterborough's 593 ties with ours:
        // 13 authorities faster, 14th, as ours is.
        assert_eq!(
            rank_in_table(&others, row("Birmingham"), &ours, Indicator::A1),
            Some((29, 29))
        );
        assert_eq!(
            rank_in_table(&others, row("Peterborough"), &ours, Indicator::A1),
            Some((14, 29))
        );
        assert_eq!(
            rank_in_table(&others, row("National Average"), &ours, Indicator::A1),
            None
        );
    }
}
