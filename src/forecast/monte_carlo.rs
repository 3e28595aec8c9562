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

/// Runs per slice: a slice stays well inside one frame even for a large pipeline.
const RUNS_PER_SLICE: u32 = 100;

/// Work done a slice at a time until it is finished.
pub trait Sliced: 'static {
    /// What the finished work gives.
    type Output: 'static;
    /// Does one slice; returns whether everything is done.
    fn run_slice(&mut self) -> bool;
    /// The result, once finished.
    fn output(&self) -> Self::Output;
}

impl Sliced for Simulation {
    type Output = SimulationSummary;
    fn run_slice(&mut self) -> bool {
        self.run_batch(RUNS_PER_SLICE);
        self.is_finished()
    }
    fn output(&self) -> SimulationSummary {
        self.summary()
    }
}

impl Sliced for Backtest {
    type Output = Vec<BacktestRow>;
    fn run_slice(&mut self) -> bool {
        self.run_batch(RUNS_PER_SLICE)
    }
    fn output(&self) -> Vec<BacktestRow> {
        self.rows().to_vec()
    }
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
            schedule(
                work,
                Some(Box::new(prepare)),
                generation,
                mine,
                mine_key,
                result,
            );
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

fn schedule<K, W>(
    work: Rc<RefCell<Option<W>>>,
    prepare: Option<Prepare<W>>,
    generation: Rc<RefCell<u64>>,
    mine: u64,
    key: K,
    result: UseStateHandle<Option<(K, Rc<W::Output>)>>,
) where
    K: Clone + 'static,
    W: Sliced,
{
    Timeout::new(0, move || {
        if *generation.borrow() != mine {
            return;
        }
        if let Some(prepare) = prepare {
            *work.borrow_mut() = Some(prepare());
            // Preparing is a slice of its own.
            schedule(work, None, generation, mine, key, result);
            return;
        }
        let finished = match work.borrow_mut().as_mut() {
            Some(w) => {
                if w.run_slice() {
                    result.set(Some((key.clone(), Rc::new(w.output()))));
                    true
                } else {
                    false
                }
            }
            None => true,
        };
        if !finished {
            schedule(work, None, generation, mine, key, result);
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

/// Prepares a simulation of `input`.
pub fn prepare(input: &ForecastInput) -> Simulation {
    Simulation::new(input, settings())
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
