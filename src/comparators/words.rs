//! The comparators in words: our estimated national rank and how it was read, the names the
//! built-in (Sheffield's) groups are shown under, and the source and period printed with the
//! table. Pure functions, tested natively.

use super::rows::ordinal;
use scorecard::{NationalRank, RollingPeriod};

/// Our national rank in a few words, for a table cell: "about 45th of 152 (estimate)",
/// "between 121st and 152nd of 152 (estimate)".
pub fn national_short(n: &NationalRank) -> String {
    match n.rank {
        Some(rank) => format!("about {} of {} (estimate)", ordinal(rank), n.out_of),
        None if n.low == n.high => format!("{} of {} (estimate)", ordinal(n.low), n.out_of),
        None => format!(
            "between {} and {} of {} (estimate)",
            ordinal(n.low),
            ordinal(n.high),
            n.out_of
        ),
    }
}

/// How our national rank was estimated, in words: which published ranks it was read from.
pub fn national_how(n: &NationalRank) -> String {
    let named = |r: &scorecard::comparators::Ranked| {
        format!(
            "{} ({} days, published {})",
            r.authority,
            r.days as i64,
            ordinal(r.rank)
        )
    };
    match (&n.faster, &n.slower) {
        (_, Some(s)) if n.level => format!("level with {}", named(s)),
        (Some(f), Some(s)) => format!(
            "read between the published ranks of {} and {}",
            named(f),
            named(s)
        ),
        (None, Some(s)) => format!("faster than every ranked authority: {}", named(s)),
        (Some(f), None) => format!("slower than every ranked authority: {}", named(f)),
        (None, None) => String::new(),
    }
}

/// The built-in comparator set is Sheffield's: its groups are named as Sheffield's, so that no
/// one reads them as their own authority's statistical neighbours. An imported table's groups
/// are shown as imported.
pub fn group_heading(group: &str, built_in: bool) -> String {
    if !built_in {
        return group.to_string();
    }
    match group {
        "Statistical neighbours" => "Sheffield's statistical neighbours".to_string(),
        "Core cities" => "Core cities (Sheffield's group)".to_string(),
        "Yorkshire and the Humber" => "Yorkshire and the Humber (Sheffield's region)".to_string(),
        "Averages" => "Averages (England and Sheffield's groups)".to_string(),
        other => other.to_string(),
    }
}

/// An average's name, said as whose it is for the built-in set ("Statistical Neighbour
/// Average (Sheffield's)").
pub fn average_name(name: &str, built_in: bool) -> String {
    if built_in && !name.starts_with("National") && name.to_lowercase().contains("average") {
        format!("{name} (Sheffield's)")
    } else {
        name.to_string()
    }
}

/// Where the figures come from and for which period, as printed under the table.
pub fn source_line(built_in: bool, period: RollingPeriod) -> String {
    let source = if built_in {
        "Sheffield City Council scrutiny report (2015), Appendices 1 and 2: the DfE adoption \
         scorecard's published three-year averages, with each authority's A1 rank among all \
         English authorities"
    } else {
        "the comparator table you imported"
    };
    format!(
        "Source: {source}. Period: {period}, the three years April {} to March {}. Our figure is \
         worked out from your own records for the same period.",
        period.first_year().0,
        period.ending_march_year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_groups_say_they_are_sheffields() {
        assert_eq!(
            group_heading("Statistical neighbours", true),
            "Sheffield's statistical neighbours"
        );
        assert_eq!(
            group_heading("Statistical neighbours", false),
            "Statistical neighbours"
        );
        assert_eq!(
            average_name("Statistical Neighbour Average", true),
            "Statistical Neighbour Average (Sheffield's)"
        );
        assert_eq!(average_name("National Average", true), "National Average");
        assert_eq!(
            source_line(true, RollingPeriod::parse("2011-14").unwrap()),
            "Source: Sheffield City Council scrutiny report (2015), Appendices 1 and 2: the DfE \
             adoption scorecard's published three-year averages, with each authority's A1 rank \
             among all English authorities. Period: 2011-14, the three years April 2011 to \
             March 2014. Our figure is worked out from your own records for the same period."
        );
    }
}
