//! `factdeck report`: the store's history as one self-contained HTML page of SVG charts
//! (plotters) — accuracy over time per mode, study days, accuracy by kind and form, the
//! weakest facts, FSRS retention (target and true) and the due forecast.
//!
//! `data` reads the store; each module of `charts` draws one figure with its title, a text
//! alternative and the numbers as a table; `html` puts them on a page that needs no
//! network, script or font, and reads in light and dark colour schemes (`palette`).

pub mod charts;
pub mod data;
mod days;
pub mod html;
pub mod palette;
pub mod svg;

pub use data::{Progress, Scope};
pub use svg::ChartError;

/// One chart with everything said about it.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Unique on the page: the SVG's title and description ids start with it.
    pub id: &'static str,
    pub title: String,
    /// Shown under the chart: what it shows.
    pub caption: String,
    /// The text alternative: what the chart says, in words.
    pub desc: String,
    pub svg: String,
    /// The numbers behind it.
    pub table: Table,
}

/// A small table of the numbers behind a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Said under the table, such as how many rows were left out.
    pub note: Option<String>,
}

/// Every figure of the report, in page order.
pub fn figures(p: &Progress) -> Result<Vec<Figure>, ChartError> {
    Ok(vec![
        charts::accuracy::figure(p)?,
        charts::calendar::figure(p)?,
        charts::bars::by_kind(p)?,
        charts::bars::by_form(p)?,
        charts::retention::figure(p)?,
        charts::forecast::figure(p)?,
    ])
}

/// The whole page.
pub fn render(p: &Progress) -> Result<String, ChartError> {
    Ok(html::page(p, &figures(p)?))
}
