//! Accuracy by fact kind and by question form: one horizontal bar each.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::history::Accuracy;
use crate::history::format::count;
use crate::history::names::form_label;
use crate::report::data::Progress;
use crate::report::palette::{BAR, GRID, INK};
use crate::report::svg::{self, ChartError, FONT, quiet};
use crate::report::{Figure, Table};

const ROW: i32 = 24;
const LABEL_WIDTH: i32 = 190;
const BAR_WIDTH: i32 = 420;

pub fn by_kind(p: &Progress) -> Result<Figure, ChartError> {
    figure(
        "kinds",
        "Accuracy by kind of fact",
        "Share of answers correct for each kind of fact.",
        &p.tallies.by_kind,
        "Kind",
    )
}

pub fn by_form(p: &Progress) -> Result<Figure, ChartError> {
    let named: Vec<Accuracy> = p
        .tallies
        .by_form
        .iter()
        .map(|t| Accuracy {
            label: form_label(&t.label),
            ..t.clone()
        })
        .collect();
    figure(
        "forms",
        "Accuracy by question form",
        "Share of answers correct for each way of asking, the most asked first.",
        &named,
        "Form",
    )
}

fn figure(
    id: &'static str,
    title: &str,
    caption: &str,
    tallies: &[Accuracy],
    column: &str,
) -> Result<Figure, ChartError> {
    let rows = i32::try_from(tallies.len().max(1)).unwrap_or(1);
    let height = u32::try_from(rows * ROW + 16).unwrap_or(200);
    let svg = svg::draw("accuracy bars", (760, height), |root| {
        if tallies.is_empty() {
            return svg::nothing_yet(root, "No answer yet");
        }
        let right = (FONT, 13)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Right, VPos::Center));
        for (i, t) in (0..).zip(tallies) {
            let y = 8 + i * ROW;
            let middle = y + ROW / 2;
            root.draw(&Text::new(
                t.label.clone(),
                (LABEL_WIDTH - 10, middle),
                right.clone(),
            ))?;
            root.draw(&Rectangle::new(
                [(LABEL_WIDTH, y + 4), (LABEL_WIDTH + BAR_WIDTH, y + ROW - 4)],
                GRID.mix(0.45).filled(),
            ))?;
            let percent = t.percent().unwrap_or(0.0);
            // 0–420 pixels: the cast cannot overflow.
            #[allow(clippy::cast_possible_truncation)]
            let length = (percent / 100.0 * f64::from(BAR_WIDTH)).round() as i32;
            root.draw(&Rectangle::new(
                [(LABEL_WIDTH, y + 4), (LABEL_WIDTH + length, y + ROW - 4)],
                BAR.filled(),
            ))?;
            root.draw(&Text::new(
                format!("{percent:.0}% of {}", count(t.attempts)),
                (LABEL_WIDTH + BAR_WIDTH + 10, middle),
                quiet(12),
            ))?;
        }
        Ok(())
    })?;
    let desc = match tallies.is_empty() {
        true => "No answer yet.".to_owned(),
        false => {
            tallies
                .iter()
                .map(|t| {
                    format!(
                        "{} {:.0}% of {}",
                        t.label,
                        t.percent().unwrap_or(0.0),
                        count(t.attempts)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
                + "."
        }
    };
    Ok(Figure {
        id,
        title: title.to_owned(),
        caption: caption.to_owned(),
        desc,
        svg,
        table: Table {
            headers: vec![
                column.to_owned(),
                "Correct".to_owned(),
                "Answers".to_owned(),
            ],
            rows: tallies
                .iter()
                .map(|t| {
                    vec![
                        t.label.clone(),
                        format!("{:.0}%", t.percent().unwrap_or(0.0)),
                        count(t.attempts),
                    ]
                })
                .collect(),
            note: None,
        },
    })
}
