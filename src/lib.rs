//! The adoption scorecard forecast app: a Yew single-page app that keeps an authority's
//! children's records in this browser's storage and nowhere else.
//!
//! The figures come from the `scorecard` engine; this crate only holds the data, shows it and
//! lets a manager change it safely (validation beside each field, undo, import previews,
//! storage that never overwrites what it cannot read).

pub mod app;
pub mod browser;
pub mod comparators;
pub mod components;
pub mod document;
pub mod forecast;
pub mod migrate;
pub mod notice;
pub mod report;
pub mod screens;
pub mod state;
pub mod storage;
pub mod workshop;
