//! Runs the Monte Carlo after the deterministic figures are on screen, in slices between
//! frames so that typing in a scenario control never waits for it.

use gloo_timers::callback::Timeout;
use scorecard::{ForecastInput, Simulation, SimulationSettings, SimulationSummary};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Runs per Monte Carlo in the app: enough for stable 10th and 90th percentiles (their
/// sampling error is about a day at this size) and quick on a modest laptop.
pub const RUNS: u32 = 2_000;

/// Runs per slice: a slice stays well inside one frame even for a large pipeline.
const RUNS_PER_SLICE: u32 = 100;

/// The latest Monte Carlo summary for the inputs identified by `key`, `None` while it runs.
///
/// `prepare` builds the simulation; it is called once per change of `key`. A new key cancels
/// the slices of the previous run, so a fast typist never waits for stale simulations.
#[hook]
pub fn use_monte_carlo<K, F>(key: K, prepare: F) -> Option<Rc<SimulationSummary>>
where
    K: PartialEq + Clone + 'static,
    F: FnOnce() -> Simulation + 'static,
{
    let summary = use_state(|| None::<Rc<SimulationSummary>>);
    let generation = use_mut_ref(|| 0u64);
    {
        let summary = summary.clone();
        let generation = generation.clone();
        use_effect_with(key, move |_| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            summary.set(None);
            let simulation = Rc::new(RefCell::new(None::<Simulation>));
            // The first slice also builds the simulation, so that even its preparation waits
            // until the deterministic figures have been drawn.
            schedule(
                simulation,
                Some(Box::new(prepare)),
                generation,
                mine,
                summary,
            );
        });
    }
    (*summary).clone()
}

type Prepare = Box<dyn FnOnce() -> Simulation>;

fn schedule(
    simulation: Rc<RefCell<Option<Simulation>>>,
    prepare: Option<Prepare>,
    generation: Rc<RefCell<u64>>,
    mine: u64,
    summary: UseStateHandle<Option<Rc<SimulationSummary>>>,
) {
    Timeout::new(0, move || {
        if *generation.borrow() != mine {
            return;
        }
        if let Some(prepare) = prepare {
            *simulation.borrow_mut() = Some(prepare());
        }
        let finished = match simulation.borrow_mut().as_mut() {
            Some(sim) => {
                sim.run_batch(RUNS_PER_SLICE);
                if sim.is_finished() {
                    summary.set(Some(Rc::new(sim.summary())));
                    true
                } else {
                    false
                }
            }
            None => true,
        };
        if !finished {
            schedule(simulation, None, generation, mine, summary);
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
