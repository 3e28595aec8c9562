//! Parts of a screen drawn a frame after the rest: a what-if change recomputes the figures
//! once, but drawing every table and chart of a large authority in the same task as the
//! answers would hold the page for longer than a frame. What comes later is drawn in a task
//! of its own after the next paint, so the answers reach the screen first and no one task
//! holds the whole redraw.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// `value` as this part of the page last drew it. The first value is drawn at once; a new one
/// is drawn in a task after the next paint (the component is drawn again then), and a value
/// replaced before its turn came is never drawn. `same` says whether two values would draw
/// the same: compare the `Rc`s a derived value is shared in by identity, not by contents.
#[hook]
pub fn use_later<T: Clone + 'static>(value: T, same: fn(&T, &T) -> bool) -> T {
    let shown = use_mut_ref(|| value.clone());
    // The value waiting for its turn, if any: the task after the paint takes the latest.
    let waiting = use_mut_ref(|| None::<T>);
    let redraw = use_force_update();
    let differs = !same(&shown.borrow(), &value);
    if differs {
        let already_asked = waiting.borrow().is_some();
        *waiting.borrow_mut() = Some(value);
        if !already_asked {
            after_next_paint(shown.clone(), waiting.clone(), redraw);
        }
    } else {
        // Back to what is drawn (a change undone before its turn): nothing left to draw.
        waiting.borrow_mut().take();
    }
    let now = shown.borrow().clone();
    now
}

/// Moves the waiting value into `shown` and draws it, in a task after the next paint.
#[cfg(target_arch = "wasm32")]
fn after_next_paint<T: 'static>(
    shown: Rc<RefCell<T>>,
    waiting: Rc<RefCell<Option<T>>>,
    redraw: UseForceUpdateHandle,
) {
    use gloo_timers::callback::Timeout;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let take_turn = {
        let (shown, waiting, redraw) = (shown.clone(), waiting.clone(), redraw.clone());
        move || {
            if let Some(value) = waiting.borrow_mut().take() {
                *shown.borrow_mut() = value;
                redraw.force_update();
            }
        }
    };
    // The frame callback runs just before the paint; a timeout set in it runs after the paint.
    let frame = Closure::once(move || Timeout::new(0, take_turn).forget());
    let asked = web_sys::window().is_some_and(|w| {
        w.request_animation_frame(frame.as_ref().unchecked_ref())
            .is_ok()
    });
    if asked {
        frame.forget();
    } else {
        // No frame to wait for: drawn with the next drawing instead of never.
        if let Some(value) = waiting.borrow_mut().take() {
            *shown.borrow_mut() = value;
            redraw.force_update();
        }
    }
}

/// Natively (the build's own rendering of the first screen) there is one drawing only.
#[cfg(not(target_arch = "wasm32"))]
fn after_next_paint<T: 'static>(
    shown: Rc<RefCell<T>>,
    waiting: Rc<RefCell<Option<T>>>,
    redraw: UseForceUpdateHandle,
) {
    if let Some(value) = waiting.borrow_mut().take() {
        *shown.borrow_mut() = value;
        redraw.force_update();
    }
}
