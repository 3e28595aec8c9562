//! What the comparators table and chart show for one period: our own figures, worked out from
//! our data by the forecast, ranked among the table's authorities. Pure functions, tested
//! natively.

use scorecard::{
    estimated_rank, Basis, ComparatorTable, FiguresBasis, Forecast, Indicator, RollingPeriod,
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
    }
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

/// The rank sentence: "Our 2011-14 A1 of 593 days would rank 22nd of 29 authorities in the
/// table (an estimate among these authorities, not the national rank)."
pub fn rank_sentence(ours: &OurFigures, indicator: Indicator) -> String {
    match (ours.value(indicator), ours.rank(indicator)) {
        (Some(v), Some((rank, of))) => format!(
            "Our {} {} of {} days would rank {} of {of} authorities in the table (an estimate among these authorities, 1st the fastest, not the national rank).",
            ours.period,
            indicator.name(),
            v.round() as i64,
            ordinal(rank)
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
                label: row.authority.clone(),
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
}
