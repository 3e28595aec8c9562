//! One rounding rule for every figure a person reads, on screen, on paper and in files, and for
//! the threshold rule: halves away from zero, as a person rounds by hand (426.5 days is 427;
//! 6.25% is 6.3%). Rust's own `{:.1}` formatting rounds an exact half to even (6.25 -> "6.2"),
//! so figures are never formatted with it directly.

/// A whole number, halves away from zero (426.5 -> 427).
pub fn whole(v: f64) -> i64 {
    v.round() as i64
}

/// A whole number as text, halves away from zero ("427").
pub fn whole_text(v: f64) -> String {
    whole(v).to_string()
}

/// `v` rounded to one decimal place, halves away from zero (6.25 -> 6.3).
pub fn to_one_decimal(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    // No "-0.0" for a tiny negative value.
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// One decimal place as text, halves away from zero (344.25 -> "344.3").
pub fn one_decimal(v: f64) -> String {
    format!("{:.1}", to_one_decimal(v))
}

/// Three decimal places as text, halves away from zero (0.0625 -> "0.063"): a probability.
pub fn three_decimals(v: f64) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{r:.3}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_go_away_from_zero_everywhere() {
        // Exact binary halves, where formatting alone would round to even.
        assert_eq!(whole(426.5), 427);
        assert_eq!(whole(425.5), 426);
        assert_eq!(one_decimal(6.25), "6.3");
        assert_eq!(one_decimal(0.125 * 10.0), "1.3");
        assert_eq!(
            format!("{:.1}", 6.25),
            "6.2",
            "what the rule is here to avoid"
        );
        assert_eq!(one_decimal(344.25), "344.3");
        assert_eq!(one_decimal(-0.01), "0.0");
        assert_eq!(three_decimals(0.0625), "0.063");
        assert_eq!(three_decimals(1.0), "1.000");
        assert_eq!(whole_text(-2.5), "-3");
    }
}
