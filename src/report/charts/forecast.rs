//! The due forecast: how many facts come due on each of the next 30 days.

use plotters::prelude::*;

use crate::report::data::Progress;
use crate::report::palette::{BAR, GRID, INK};
use crate::report::svg::{self, ChartError, label};
use crate::report::{Figure, Table};

pub fn figure(p: &Progress) -> Result<Figure, ChartError> {
    let days = &p.forecast;
    let most = days.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let total: u32 = days.iter().map(|(_, n)| n).sum();
    let svg = svg::draw("due forecast", (760, 280), |root| {
        if total == 0 {
            return svg::nothing_yet(root, "Nothing is due in the next 30 days");
        }
        let n = i32::try_from(days.len()).unwrap_or(30);
        let top = most + most.div_ceil(5).max(1);
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d(0..n, 0..top)?;
        let day_label = |x: &i32| {
            usize::try_from(*x)
                .ok()
                .and_then(|i| days.get(i))
                .map(|(d, _)| match x {
                    0 => "today".to_owned(),
                    _ => d.strftime("%b %d").to_string(),
                })
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(8)
            .y_labels(5)
            .x_label_formatter(&day_label)
            .label_style(label(13))
            .axis_style(INK)
            .bold_line_style(GRID)
            .light_line_style(GRID.mix(0.35))
            .max_light_lines(1)
            .draw()?;
        chart.draw_series((0..).zip(days).map(|(x, (_, due))| {
            let mut bar = Rectangle::new([(x, 0), (x + 1, *due)], BAR.filled());
            bar.set_margin(0, 0, 2, 2);
            bar
        }))?;
        Ok(())
    })?;
    let busiest = days.iter().max_by_key(|(_, n)| *n);
    let desc = match (total, busiest) {
        (0, _) | (_, None) => "Nothing is due in the next 30 days.".to_owned(),
        (_, Some((day, n))) => format!(
            "{total} facts come due in the next 30 days: {} today (overdue ones included), \
             at most {n} on {day}.",
            days.first().map_or(0, |(_, n)| *n)
        ),
    };
    Ok(Figure {
        id: "forecast",
        title: "Due in the next 30 days".to_owned(),
        caption: "Facts coming due each day; today counts the overdue ones too.".to_owned(),
        desc,
        svg,
        table: Table {
            headers: vec!["Day".to_owned(), "Due".to_owned()],
            rows: days
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(d, n)| vec![d.to_string(), n.to_string()])
                .collect(),
            note: None,
        },
    })
}
