//! Runs the Monte Carlo, and the backtest after it, once the deterministic figures are on
//! screen, in slices between frames so that typing in a scenario control never waits for
//! them.

use gloo_timers::callback::Timeout;
use scorecard::{
    Backtest, BacktestRow, ForecastInput, Simulation, SimulationSettings, SimulationSummary,
};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Runs per Monte Carlo in the app: enough for stable 10th and 90th percentiles (their
/// sampling error is about a day at this size) and quick on a modest laptop.
pub const RUNS: u32 = 2_000;

/// Runs per past forecast of the backtest: its bands are judged only as inside or outside.
pub const BACKTEST_RUNS: u32 = 500;

/// Runs in the first slice; later slices take as many as fit in [`SLICE_MS`], from how long
/// the runs so far took, so that a slice stays well inside a frame for a pipeline of any size.
const FIRST_SLICE_RUNS: u32 = 10;

/// The time a slice aims at, in milliseconds: far below the 50 ms of a long task.
const SLICE_MS: f64 = 8.0;

/// Work done a slice at a time until it is finished.
pub trait Sliced: 'static {
    /// What the finished work gives.
    type Output: 'static;
    /// Does one step of the work's preparation, if any is left; returns whether it is
    /// prepared. Steps are small: a slice takes as many as fit in [`SLICE_MS`].
    fn prepare_step(&mut self) -> bool {
        true
    }
    /// Does one slice of up to `runs` runs; returns whether everything is done.
    fn run_slice(&mut self, runs: u32) -> bool;
    /// The result, once finished.
    fn output(&self) -> Self::Output;
}

impl Sliced for Simulation {
    type Output = SimulationSummary;
    fn prepare_step(&mut self) -> bool {
        Simulation::prepare_step(self)
    }
    fn run_slice(&mut self, runs: u32) -> bool {
        self.run_batch(runs);
        self.is_finished()
    }
    fn output(&self) -> SimulationSummary {
        self.summary()
    }
}

impl Sliced for Backtest {
    type Output = Vec<BacktestRow>;
    fn run_slice(&mut self, runs: u32) -> bool {
        self.run_batch(runs)
    }
    fn output(&self) -> Vec<BacktestRow> {
        self.rows().to_vec()
    }
}

/// Runs `work` to the end at once, where nothing waits on it (the build's own rendering of the
/// first screen), and gives its result.
pub fn finish<W: Sliced>(mut work: W) -> W::Output {
    while !work.prepare_step() {}
    while !work.run_slice(1_000) {}
    work.output()
}

/// Milliseconds from the page's start (the browser's monotonic clock).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How many runs the next slice takes, after `runs` took `ms`.
fn next_runs(runs: u32, ms: f64) -> u32 {
    if ms <= 0.1 {
        return (runs * 2).min(1_000);
    }
    let per_run = ms / f64::from(runs.max(1));
    ((SLICE_MS / per_run) as u32).clamp(1, 1_000)
}

/// The latest result of `prepare`'s work for the inputs identified by `key`, `None` while it
/// runs (a result for an earlier key is never returned, so a figure and its band always
/// belong to the same inputs).
///
/// `prepare` builds the work; it is called once per change of `key`, inside the first slice.
/// A new key cancels the slices of the previous work, so a fast typist never waits for
/// stale simulations.
#[hook]
pub fn use_sliced<K, W, F>(key: K, prepare: F) -> Option<Rc<W::Output>>
where
    K: PartialEq + Clone + 'static,
    W: Sliced,
    F: FnOnce() -> W + 'static,
{
    let result = use_state(|| None::<(K, Rc<W::Output>)>);
    let generation = use_mut_ref(|| 0u64);
    {
        let result = result.clone();
        let generation = generation.clone();
        let mine_key = key.clone();
        use_effect_with(key.clone(), move |_| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let work = Rc::new(RefCell::new(None::<W>));
            // The first slice also builds the work, so that even its preparation waits
            // until the deterministic figures have been drawn.
            let slice = Slice {
                generation,
                mine,
                runs: FIRST_SLICE_RUNS,
                prepared: false,
            };
            schedule(work, Some(Box::new(prepare)), slice, mine_key, result);
        });
    }
    match &*result {
        Some((done_for, output)) if *done_for == key => Some(output.clone()),
        _ => None,
    }
}

/// The latest Monte Carlo summary for the inputs identified by `key`, `None` while it runs
/// (see [`use_sliced`]).
#[hook]
pub fn use_monte_carlo<K, F>(key: K, prepare: F) -> Option<Rc<SimulationSummary>>
where
    K: PartialEq + Clone + 'static,
    F: FnOnce() -> Simulation + 'static,
{
    use_sliced(key, prepare)
}

type Prepare<W> = Box<dyn FnOnce() -> W>;

/// Which work a slice belongs to, and how many runs it takes.
struct Slice {
    generation: Rc<RefCell<u64>>,
    mine: u64,
    runs: u32,
    /// Whether the work's preparation is finished.
    prepared: bool,
}

fn schedule<K, W>(
    work: Rc<RefCell<Option<W>>>,
    prepare: Option<Prepare<W>>,
    mut slice: Slice,
    key: K,
    result: UseStateHandle<Option<(K, Rc<W::Output>)>>,
) where
    K: Clone + 'static,
    W: Sliced,
{
    Timeout::new(0, move || {
        if *slice.generation.borrow() != slice.mine {
            return;
        }
        if let Some(prepare) = prepare {
            *work.borrow_mut() = Some(prepare());
            // Reading the input is a slice of its own.
            schedule(work, None, slice, key, result);
            return;
        }
        let started = now();
        if !slice.prepared {
            // The rest of the preparation, as many of its steps as fit in a slice; the runs
            // start in the slice after it, so that they are timed on their own.
            slice.prepared = match work.borrow_mut().as_mut() {
                Some(w) => loop {
                    if w.prepare_step() {
                        break true;
                    }
                    if now() - started >= SLICE_MS {
                        break false;
                    }
                },
                None => true,
            };
            schedule(work, None, slice, key, result);
            return;
        }
        let finished = match work.borrow_mut().as_mut() {
            Some(w) => {
                if w.run_slice(slice.runs) {
                    result.set(Some((key.clone(), Rc::new(w.output()))));
                    true
                } else {
                    false
                }
            }
            None => true,
        };
        if !finished {
            slice.runs = next_runs(slice.runs, now() - started);
            schedule(work, None, slice, key, result);
        }
    })
    .forget();
}

/// The settings the app runs with: a fixed seed, so the same data always gives the same bands.
pub fn settings() -> SimulationSettings {
    SimulationSettings {
        runs: RUNS,
        ..SimulationSettings::default()
    }
}

/// Reads `input` for a simulation; the rest of its preparation is done in slices (see
/// [`Sliced::prepare_step`]).
pub fn prepare(input: &ForecastInput) -> Simulation {
    Simulation::preparing(input, settings())
}

/// Prepares the backtest of `input`'s records (the baseline's past forecasts).
pub fn prepare_backtest(input: &ForecastInput) -> Backtest {
    Backtest::new(
        input,
        SimulationSettings {
            runs: BACKTEST_RUNS,
            ..SimulationSettings::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::next_runs;

    #[test]
    fn a_slice_takes_as_many_runs_as_fit_in_8_milliseconds() {
        // 10 runs took 20 ms: 2 ms a run, so 4 fit in 8 ms.
        assert_eq!(next_runs(10, 20.0), 4);
        // 100 runs in 1 ms: 800 fit.
        assert_eq!(next_runs(100, 1.0), 800);
        // Too quick to time: twice as many, up to 1,000; never fewer than 1.
        assert_eq!(next_runs(10, 0.0), 20);
        assert_eq!(next_runs(800, 0.0), 1_000);
        assert_eq!(next_runs(1, 500.0), 1);
    }
}
