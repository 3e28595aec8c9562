//! Criterion benchmarks of the engine (filled in with the forecast).
fn main() {}
