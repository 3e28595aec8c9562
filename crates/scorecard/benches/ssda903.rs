//! Criterion benchmark of the SSDA903 import preview: every table of the CSC validator's fake
//! data (2,675 children, 5,050 episodes, the reviews and the other tables set aside), and its
//! XML return, read, merged and turned into journeys with every problem. Target on the 2-core
//! machine: well under the second the preview may take in the browser.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use scorecard::ssda903::read_return;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/csc-validator-903-fake-data"
);

fn load(names: &[&str]) -> Vec<(String, String)> {
    names
        .iter()
        .filter_map(|n| {
            let bytes = std::fs::read(format!("{DIR}/{n}")).ok()?;
            Some((n.to_string(), scorecard::csv::decode_text(&bytes)))
        })
        .collect()
}

fn preview(c: &mut Criterion) {
    let tables = load(&[
        "header.csv",
        "episodes.csv",
        "ad1.csv",
        "placed_for_adoption.csv",
        "placed_for_adoption_errors.csv",
        "reviews.csv",
        "missing.csv",
        "uasc.csv",
        "oc2.csv",
        "oc3.csv",
        "previous_permanence.csv",
        "sw_episodes.csv",
        "DoLo.csv",
    ]);
    c.bench_function("ssda903 preview, the fake data's 13 CSV tables", |b| {
        b.iter(|| read_return(black_box(&tables)))
    });
    let xml = load(&["fake_903.xml"]);
    c.bench_function("ssda903 preview, the fake data's XML return", |b| {
        b.iter(|| read_return(black_box(&xml)))
    });
}

criterion_group!(benches, preview);
criterion_main!(benches);
