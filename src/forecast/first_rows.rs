//! Long tables on the forecast open on their first rows and show the rest when asked.
//!
//! A large authority has thousands of children in the pipeline and hundreds waiting: laid out
//! in full after every scenario change, their rows were most of the page's layout, so each
//! table shows its first rows and one button shows the rest or hides them again.

use yew::prelude::*;

/// How many rows a long table shows until the user asks for all.
pub const FIRST_ROWS: usize = 25;

/// Whether a long table shows all its rows: the state behind its one button.
#[derive(Clone, PartialEq)]
pub struct FirstRows {
    all: UseStateHandle<bool>,
}

/// A long table's choice of rows, starting on the first [`FIRST_ROWS`].
#[hook]
pub fn use_first_rows() -> FirstRows {
    FirstRows {
        all: use_state(|| false),
    }
}

impl FirstRows {
    /// How many of `total` rows are shown.
    pub fn shown(&self, total: usize) -> usize {
        if *self.all {
            total
        } else {
            total.min(FIRST_ROWS)
        }
    }

    /// The button under the table (nothing when every row fits in the first ones): `more` is
    /// its words while rows are hidden. It is the same button either way, so that the keyboard
    /// focus stays on it when the rows change.
    pub fn button(&self, total: usize, table_id: &'static str, more: String) -> Html {
        if total <= FIRST_ROWS {
            return Html::default();
        }
        let toggle = {
            let all = self.all.clone();
            Callback::from(move |_| all.set(!*all))
        };
        html! {
            <button type="button" class="button button--secondary" aria-controls={table_id}
                onclick={toggle}>
                { if *self.all { format!("Show the first {FIRST_ROWS} only") } else { more } }
            </button>
        }
    }
}
