//! Property tests named in the engine issue.

mod common;
use common::*;
use proptest::prelude::*;
use scorecard::{
    delay_impact, forecast, ChildRecord, Delayed, FinancialYear, Indicator, PaceTarget,
    RollingPeriod,
};

fn period() -> RollingPeriod {
    RollingPeriod::ending_march(2017)
}

/// Adopted children of 2014-17 with the given A1 days, spread over the three years.
fn adopted_in_period(values: &[(i64, u8)]) -> Vec<ChildRecord> {
    values
        .iter()
        .enumerate()
        .map(|(i, (a1, year))| with_days(&format!("C{i}"), *a1, 30, d(2014 + *year as i32, 9, 1)))
        .collect()
}

proptest! {
    #[test]
    fn the_rolling_average_lies_between_the_smallest_and_largest_child(
        values in prop::collection::vec((0i64..2000, 0u8..3), 1..60)
    ) {
        let data = Data::new(adopted_in_period(&values), d(2018, 1, 1));
        let f = forecast(&data.input());
        let v = f.period(period()).unwrap().figure(Indicator::A1).value.unwrap();
        let min = values.iter().map(|v| v.0).min().unwrap() as f64;
        let max = values.iter().map(|v| v.0).max().unwrap() as f64;
        prop_assert!(v >= min - 1e-9 && v <= max + 1e-9, "{} not in {}..{}", v, min, max);
    }

    #[test]
    fn adding_a_child_equal_to_the_average_leaves_it_unchanged(
        mut values in prop::collection::vec((0i64..2000, 0u8..3), 1..40),
        year in 0u8..3,
    ) {
        // Make the sum divisible by the count so that the average is a whole number of days.
        let n = values.len() as i64;
        let sum: i64 = values.iter().map(|v| v.0).sum();
        values[0].0 += (n - sum % n) % n;
        let mean = values.iter().map(|v| v.0).sum::<i64>() / n;
        let data = Data::new(adopted_in_period(&values), d(2018, 1, 1));
        let before = forecast(&data.input()).period(period()).unwrap().figure(Indicator::A1).value;
        let mut more = data.children.clone();
        more.push(with_days("NEW", mean, 30, d(2014 + year as i32, 10, 1)));
        let data = Data { children: more, ..data };
        let after = forecast(&data.input()).period(period()).unwrap().figure(Indicator::A1).value;
        prop_assert_eq!(before, after);
        prop_assert_eq!(before, Some(mean as f64));
    }

    #[test]
    fn delaying_any_child_never_improves_a1(
        adopted in prop::collection::vec((0i64..1500, 0u8..3), 0..15),
        // Pipeline children: entered care (days before the as-of date) and how far along.
        pipeline in prop::collection::vec((30i64..900, 0usize..5), 1..10),
        pick in 0usize..100,
        days in 0i64..500,
    ) {
        let as_of = d(2016, 6, 1);
        let mut children = adopted_in_period(&adopted);
        for (i, (ago, stage)) in pipeline.iter().enumerate() {
            let entered = as_of - chrono::Duration::days(*ago);
            let mut c = ChildRecord::new(format!("P{i}"), entered);
            let step = ago / 6;
            let dates = [&mut c.shobpa_decision, &mut c.placement_order, &mut c.matched, &mut c.placed];
            for (k, slot) in dates.into_iter().enumerate().take(*stage) {
                *slot = Some(entered + chrono::Duration::days(step * (k as i64 + 1)));
            }
            children.push(c);
        }
        let index = pick % children.len();
        let data = Data::new(children, as_of);
        let impact = delay_impact(&data.input(), Delayed::Child(index), days);
        for shift in &impact.children {
            if let (Some(b), Some(a)) = (shift.before.a1_days, shift.after.a1_days) {
                prop_assert!(a >= b, "the child's own A1 went from {} to {}", b, a);
            }
            for c in impact.periods.iter().filter(|c| c.before.indicator == Indicator::A1) {
                let holds = |y: Option<FinancialYear>| y.is_some_and(|y| c.period.contains(y));
                if holds(shift.year_before) && holds(shift.year_after) {
                    let (b, a) = (c.before.value.unwrap(), c.after.value.unwrap());
                    prop_assert!(a >= b - 1e-9, "{}: {} -> {}", c.period, b, a);
                }
            }
        }
    }

    #[test]
    fn the_required_pace_fed_back_as_the_unknown_childrens_value_reproduces_the_target(
        values in prop::collection::vec((0i64..2000, 0u8..2), 1..40),
        expected in (0u32..60, 0u32..60),
        target in 100.0f64..800.0,
    ) {
        // 2014-15 and 2015-16 complete; 2016-17 and 2017-18 still to come.
        let children = values
            .iter()
            .enumerate()
            .map(|(i, (a1, y))| with_days(&format!("C{i}"), *a1, 30, d(2014 + *y as i32, 9, 1)))
            .collect();
        let mut data = Data::new(children, d(2016, 4, 1));
        data.scenario.expected_adoptions.insert(FinancialYear(2016), expected.0);
        data.scenario.expected_adoptions.insert(FinancialYear(2017), expected.1);
        let target_period = RollingPeriod::ending_march(2018);
        data.target = Some(PaceTarget { indicator: Indicator::A1, value: target, period: target_period });
        let pace = forecast(&data.input()).pace.unwrap();
        match pace.required_average {
            None => prop_assert_eq!(pace.unknown_adoptions, 0),
            Some(r) => {
                data.scenario.assumed_pace.a1_days = Some(r);
                let f = forecast(&data.input());
                let v = f.period_assumed(target_period).unwrap().figure(Indicator::A1).value.unwrap();
                prop_assert!((v - target).abs() < 1e-6, "{} instead of {}", v, target);
            }
        }
    }
}

/// Any date between 2000 and 2030, or none.
fn maybe_date() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
    prop::option::of((0i64..11_000).prop_map(|n| d(2000, 1, 1) + chrono::Duration::days(n)))
}

fn any_child() -> impl Strategy<Value = ChildRecord> {
    (
        (0i64..11_000),
        [
            maybe_date(),
            maybe_date(),
            maybe_date(),
            maybe_date(),
            maybe_date(),
            maybe_date(),
        ],
        [maybe_date(), maybe_date(), maybe_date(), maybe_date()],
        any::<bool>(),
    )
        .prop_map(|(entered, main, extra, foster)| {
            let mut c = ChildRecord::new("X", d(2000, 1, 1) + chrono::Duration::days(entered));
            [
                c.shobpa_decision,
                c.placement_order,
                c.matched,
                c.placed,
                c.adoption_order,
                c.left_route,
            ] = main;
            [
                c.foster_placement_start,
                c.expected_match,
                c.expected_placed,
                c.expected_adoption_order,
            ] = extra;
            c.foster_carer_adoption = foster;
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Records in any state, even out of order, never make the engine panic.
    #[test]
    fn any_records_give_figures_without_panicking(
        children in prop::collection::vec(any_child(), 0..30),
        as_of in (0i64..11_000).prop_map(|n| d(2000, 1, 1) + chrono::Duration::days(n)),
        pick in 0usize..30,
        days in -100i64..400,
    ) {
        let data = Data::new(children, as_of);
        let f = forecast(&data.input());
        let csv = f.to_csv();
        prop_assert!(csv.starts_with("section,"));
        // What the app forecasts: the records validation lets through. Of those, every row
        // has its eleven fields, and no value is negative or not a number.
        let usable = Data::new(scorecard::usable_at(&data.children, &[], as_of).0, as_of);
        let f = forecast(&usable.input());
        let csv = f.to_csv();
        for line in csv.lines() {
            let fields: Vec<&str> = line.split(',').collect();
            prop_assert_eq!(fields.len(), 11, "{}", line);
            if let Ok(v) = fields[4].parse::<f64>() {
                prop_assert!(v.is_finite() && v >= 0.0, "{}", line);
            }
        }
        // A three-year average lies between the lowest and highest of its three years.
        for p in &f.rolling {
            let a1 = p.figure(scorecard::Indicator::A1).value;
            let years: Vec<f64> = p
                .period
                .years()
                .iter()
                .filter_map(|y| f.year(*y)?.figure(scorecard::Indicator::A1).value)
                .collect();
            if let (Some(v), false) = (a1, years.is_empty()) {
                let (lo, hi) = years.iter().fold((f64::MAX, f64::MIN), |(l, h), y| (l.min(*y), h.max(*y)));
                prop_assert!(v >= lo - 1e-6 && v <= hi + 1e-6, "{} {} not in {}..{}", p.period, v, lo, hi);
            }
        }
        // No projected milestone is before the as-of date.
        for child in &f.pipeline {
            let m = child.projection.milestones;
            for (date, projected) in [m.shobpa_decision, m.placement_order, m.matched, m.placed, m.adoption_order]
                .into_iter()
                .zip(child.projection.projected)
            {
                if projected {
                    prop_assert!(date.is_some_and(|d| d >= as_of), "{:?}", child.child_id);
                }
            }
        }
        // A later delay never shortens the delayed child's A1.
        let impact = delay_impact(&data.input(), Delayed::Child(pick), days.abs());
        for shift in &impact.children {
            if let (Some(b), Some(a)) = (shift.before.a1_days, shift.after.a1_days) {
                prop_assert!(a >= b, "{:?}", shift.child_id);
            }
        }
        let _ = delay_impact(&data.input(), Delayed::AllPipeline, days);
        let s = scorecard::simulate(&data.input(), scorecard::SimulationSettings { runs: 5, seed: 1 });
        prop_assert_eq!(s.runs, 5);
        for band in &s.bands {
            if let (Some(p10), Some(p50), Some(p90)) = (band.p10, band.p50, band.p90) {
                prop_assert!(p10 <= p50 && p50 <= p90);
            }
        }
    }
}

proptest! {
    /// The pace over the waiting children's floors, fed back, gives exactly the days asked
    /// for; "not possible" only when even placing everyone today gives more.
    #[test]
    fn the_pace_over_floors_fed_back_gives_the_total_asked_for(
        floors in prop::collection::vec(0u32..2000, 0..40),
        zeros in 0u64..50,
        needed in 0.0f64..80_000.0,
    ) {
        let floors: Vec<f64> = floors.into_iter().map(f64::from).collect();
        let at_floors: f64 = floors.iter().sum();
        match scorecard::pace::pace_over_floors(&floors, zeros, needed) {
            Some(x) => {
                let total = zeros as f64 * x + floors.iter().map(|f| f.max(x)).sum::<f64>();
                prop_assert!((total - needed).abs() < 1e-6 * needed.max(1.0), "{} vs {}", total, needed);
                prop_assert!(x >= 0.0);
            }
            None => prop_assert!(at_floors > needed || (floors.is_empty() && zeros == 0)),
        }
    }
}
