//! The adoption scorecard forecast app: a Yew single-page app that keeps an authority's
//! children's records in this browser's storage and nowhere else.
//!
//! The figures come from the `scorecard` engine; this crate only holds the data, shows it and
//! lets a manager change it safely (validation beside each field, undo, import previews,
//! storage that never overwrites what it cannot read).
//!
//! The folders follow the product's features: each holds its screen, its components and the
//! part of the state it changes. `context` is the only way a component reaches the state;
//! `storage` the only one that touches the browser's storage; `ui` the shared widgets.

pub mod app;
pub mod comparators;
pub mod context;
pub mod forecast;
pub mod plans;
pub mod records;
pub mod report;
pub mod routes;
pub mod scenarios;
pub mod screens;
pub mod settings;
pub mod state;
pub mod storage;
pub mod tracking;
pub mod ui;
pub mod words;
pub mod workshop;
