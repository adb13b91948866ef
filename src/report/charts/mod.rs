//! One module per chart of the report.

pub mod accuracy;
pub mod bars;
pub mod calendar;
pub mod forecast;
pub mod retention;
