//! The comparator table in use: the one the user imported, or the published figures of the Sheffield City Council scrutiny report (2015).

use crate::context::use_app;
use scorecard::ComparatorTable;
use std::rc::Rc;
use yew::prelude::*;

/// The comparator table in use, rebuilt only when the stored choice changes.
#[hook]
pub fn use_comparator_table() -> Rc<ComparatorTable> {
    let app = use_app();
    let imported = app.document.comparators.clone();
    use_memo(imported, |imported| {
        imported
            .clone()
            .unwrap_or_else(ComparatorTable::sheffield_2015)
    })
}

/// The period shown first: the latest in the table.
pub fn latest_period(table: &ComparatorTable) -> Option<scorecard::RollingPeriod> {
    table.periods().last().copied()
}
