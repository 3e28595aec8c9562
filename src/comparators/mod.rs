//! Comparators: the authority's three-year A1 and A2 beside other authorities and the
//! core-city, statistical-neighbour, regional and national averages, with the estimated rank;
//! the Sheffield City Council scrutiny report's tables (2015) by default, or a table imported
//! from CSV.

pub mod chart;
pub mod data;
pub mod import;
pub mod overview;
pub mod rows;
pub mod screen;
pub mod table;
pub mod words;
