//! The records and aggregates the figures may use, validated once per change of the data
//! rather than once per render, shared by the screens that work out figures.

use crate::storage::document::Document;
use chrono::NaiveDate;
use scorecard::usable_at;
use std::rc::Rc;
use yew::prelude::*;

/// The records and aggregates the figures may use: impossible records are left out (the
/// records screen lists them), as the engine's validation decides.
pub struct Usable {
    /// The children whose records can be used.
    pub children: Vec<scorecard::ChildRecord>,
    /// The years of published figures that can be used.
    pub aggregates: Vec<scorecard::YearAggregate>,
}

/// An `Rc` compared by identity: a memo keyed on it reruns only when the value it holds was
/// rebuilt, without comparing thousands of records on every render.
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The usable records of `document`, validated again only when its records or aggregates
/// changed: a scenario control changes the document too, and validating 10,000 children on
/// every keystroke would cost more than the forecast itself.
#[hook]
pub fn use_usable(document: &Rc<Document>, as_of: NaiveDate) -> Rc<Usable> {
    let cache = use_mut_ref(|| None::<(Rc<Document>, NaiveDate, Rc<Usable>)>);
    let mut cache = cache.borrow_mut();
    if let Some((seen, seen_as_of, data)) = cache.as_ref() {
        if *seen_as_of == as_of
            && (Rc::ptr_eq(seen, document)
                || (seen.records == document.records && seen.aggregates == document.aggregates))
        {
            let data = data.clone();
            *cache = Some((document.clone(), as_of, data.clone()));
            return data;
        }
    }
    // A date after the as-of date has not happened: such a child is left out (and listed as
    // a problem on the records screen).
    let (children, aggregates) = usable_at(&document.records, &document.aggregates, as_of);
    let data = Rc::new(Usable {
        children,
        aggregates,
    });
    *cache = Some((document.clone(), as_of, data.clone()));
    data
}
