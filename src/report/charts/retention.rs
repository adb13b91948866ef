//! FSRS retention: the share of due flashcards recalled each week (true retention) against
//! the desired retention they were scheduled for.

use jiff::ToSpan;
use jiff::civil::Date;
use plotters::prelude::*;

use crate::history::format::count;
use crate::report::data::Progress;
use crate::report::palette::{GRID, INK, PAPER, SERIES, TARGET};
use crate::report::svg::{self, ChartError, label};
use crate::report::{Figure, Table};

pub fn figure(p: &Progress) -> Result<Figure, ChartError> {
    let weeks = &p.retention;
    let target = p.recall.target.map(|t| t * 100.0);
    let svg = svg::draw("retention", (760, 300), |root| {
        let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
            return svg::nothing_yet(
                root,
                "No review of a due card yet: `factdeck review` when cards come due",
            );
        };
        let x_of = |d: Date| first.start.until(d).map_or(0, |s| s.get_days());
        let span = x_of(last.start).max(7);
        let lowest = weeks.iter().map(|w| w.percent()).fold(100.0, f64::min);
        let floor = (lowest.min(target.unwrap_or(100.0)) / 10.0).floor() * 10.0 - 10.0;
        let mut chart = ChartBuilder::on(root)
            .margin(14)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d(0..span, floor.max(0.0)..100.0)?;
        let week_label = |x: &i32| {
            first
                .start
                .checked_add(x.days())
                .map(|d| d.strftime("%b %d").to_string())
                .unwrap_or_default()
        };
        chart
            .configure_mesh()
            .x_labels(7)
            .y_labels(6)
            .x_label_formatter(&week_label)
            .y_label_formatter(&|y| format!("{y:.0}%"))
            .label_style(label(13))
            .axis_style(INK)
            .bold_line_style(GRID)
            .light_line_style(GRID.mix(0.35))
            .max_light_lines(1)
            .draw()?;
        if let Some(target) = target {
            chart
                .draw_series(DashedLineSeries::new(
                    [(0, target), (span, target)],
                    8,
                    5,
                    TARGET.stroke_width(2),
                ))?
                .label(format!("target {target:.0}%"))
                .legend(|(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], TARGET.stroke_width(2))
                });
        }
        let green = SERIES[2];
        chart
            .draw_series(
                LineSeries::new(
                    weeks.iter().map(|w| (x_of(w.start), w.percent())),
                    green.stroke_width(2),
                )
                .point_size(3),
            )?
            .label("recalled (true retention)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], green.stroke_width(2))
            });
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(PAPER.mix(0.85))
            .border_style(GRID)
            .label_font(label(12))
            .draw()?;
        Ok(())
    })?;
    let desc = match (p.recall.percent(), target) {
        (Some(pc), Some(target)) => format!(
            "True retention {pc:.0}% over {} reviews of due cards, against a target of \
             {target:.0}%, in {} weeks.",
            count(u64::from(p.recall.reviews)),
            weeks.len()
        ),
        _ => "No review of a due card yet.".to_owned(),
    };
    Ok(Figure {
        id: "retention",
        title: "Retention: target and true".to_owned(),
        caption: "Flashcards of due facts recalled each week (not rated again), against the \
                  desired retention they were scheduled with. New cards, relearning steps, \
                  crams and quiz answers are not counted."
            .to_owned(),
        desc,
        svg,
        table: Table {
            headers: vec![
                "Week of".to_owned(),
                "Recalled".to_owned(),
                "Reviews".to_owned(),
            ],
            rows: weeks
                .iter()
                .rev()
                .take(26)
                .map(|w| {
                    vec![
                        w.start.to_string(),
                        format!("{:.0}%", w.percent()),
                        count(w.answers),
                    ]
                })
                .collect(),
            note: (weeks.len() > 26).then(|| format!("The latest 26 of {} weeks.", weeks.len())),
        },
    })
}
