//! Accuracy over time: one line per mode, by day (by week over long spans).

use jiff::ToSpan;
use jiff::civil::Date;
use plotters::prelude::*;

use crate::report::data::{Period, Progress};
use crate::report::palette::{GRID, INK, PAPER, SERIES};
use crate::report::svg::{self, ChartError, label};
use crate::report::{Figure, Table};
use crate::store::Mode;

pub fn figure(p: &Progress) -> Result<Figure, ChartError> {
    let starts = || {
        p.accuracy
            .iter()
            .flat_map(|(_, points)| points.iter().map(|pt| pt.start))
    };
    let first = starts().min();
    let last = starts().max();
    let svg = svg::draw("accuracy over time", (760, 320), |root| {
        let (Some(first), Some(last)) = (first, last) else {
            return svg::nothing_yet(root, "No quiz or review yet");
        };
        let x_of = |d: Date| first.until(d).map_or(0, |s| s.get_days());
        let span = x_of(last).max(1);
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d(0..span, 0.0..100.0)?;
        let date_label = |x: &i32| {
            first
                .checked_add(x.days())
                .map(|d| d.strftime("%b %d").to_string())
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(7)
            .y_labels(6)
            .x_label_formatter(&date_label)
            .y_label_formatter(&|y| format!("{y:.0}%"))
            .label_style(label(13))
            .axis_style(INK)
            .bold_line_style(GRID)
            .light_line_style(GRID.mix(0.35))
            .max_light_lines(1)
            .draw()?;
        for (mode, points) in &p.accuracy {
            let color = color_of(*mode);
            chart
                .draw_series(
                    LineSeries::new(
                        points.iter().map(|pt| (x_of(pt.start), pt.percent())),
                        color.stroke_width(2),
                    )
                    .point_size(3),
                )?
                .label(mode.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(PAPER.mix(0.85))
            .border_style(GRID)
            .label_font(label(12))
            .draw()?;
        Ok(())
    })?;
    Ok(Figure {
        id: "accuracy",
        title: "Accuracy over time".to_owned(),
        caption: format!(
            "Share of answers correct per {}, each mode apart.",
            period_word(p.period)
        ),
        desc: describe(p),
        svg,
        table: table(p),
    })
}

/// The colour of a mode's line.
pub fn color_of(mode: Mode) -> RGBColor {
    let i = Mode::ALL.iter().position(|m| *m == mode).unwrap_or(0);
    SERIES[i % SERIES.len()]
}

fn period_word(period: Period) -> &'static str {
    match period {
        Period::Day => "day",
        Period::Week => "week",
    }
}

fn describe(p: &Progress) -> String {
    if p.accuracy.is_empty() {
        return "No quiz or review has been answered yet.".to_owned();
    }
    p.accuracy
        .iter()
        .map(|(mode, points)| {
            let lowest = points
                .iter()
                .map(|pt| pt.percent())
                .fold(f64::MAX, f64::min);
            let highest = points.iter().map(|pt| pt.percent()).fold(0.0, f64::max);
            let latest = points.last().map_or(0.0, |pt| pt.percent());
            format!(
                "{mode}: {} {}s, between {lowest:.0}% and {highest:.0}%, latest {latest:.0}%",
                points.len(),
                period_word(p.period)
            )
        })
        .collect::<Vec<_>>()
        .join(". ")
        + "."
}

/// The latest periods with each mode's percentage and answers.
fn table(p: &Progress) -> Table {
    const ROWS: usize = 60;
    let mut starts: Vec<Date> = p
        .accuracy
        .iter()
        .flat_map(|(_, points)| points.iter().map(|pt| pt.start))
        .collect();
    starts.sort();
    starts.dedup();
    let skip = starts.len().saturating_sub(ROWS);
    let mut headers = vec![match p.period {
        Period::Day => "Day".to_owned(),
        Period::Week => "Week of".to_owned(),
    }];
    headers.extend(p.accuracy.iter().map(|(mode, _)| mode.as_str().to_owned()));
    let rows = starts[skip..]
        .iter()
        .map(|start| {
            let mut row = vec![start.to_string()];
            for (_, points) in &p.accuracy {
                row.push(
                    points
                        .iter()
                        .find(|pt| pt.start == *start)
                        .map(|pt| format!("{:.0}% of {}", pt.percent(), pt.answers))
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    Table {
        headers,
        rows,
        note: (skip > 0).then(|| format!("The latest {ROWS} of {}.", starts.len())),
    }
}
