//! Study days: a calendar of the last 53 weeks, one square a day, darker for more answers.

use jiff::ToSpan;
use jiff::civil::Date;
use plotters::prelude::*;

use crate::history::format::count;
use crate::report::data::{Progress, WEEKDAYS, week_start, weekday_row};
use crate::report::palette::HEAT;
use crate::report::svg::{self, ChartError, label, quiet};
use crate::report::{Figure, Table};

const WEEKS: i32 = 53;
const CELL: i32 = 12;
const GAP: i32 = 3;
const LEFT: i32 = 40;
const TOP: i32 = 24;

pub fn figure(p: &Progress) -> Result<Figure, ChartError> {
    let last_week = week_start(p.scope.today);
    let first = last_week
        .checked_sub((i64::from(WEEKS - 1) * 7).days())
        .unwrap_or(last_week);
    let shown: Vec<(Date, u64)> = p
        .study_days
        .iter()
        .copied()
        .filter(|(d, _)| *d >= first && *d <= p.scope.today)
        .collect();
    let limits = levels(&shown);
    let step = CELL + GAP;
    let width = u32::try_from(LEFT + WEEKS * step + 10).unwrap_or(850);
    let height = u32::try_from(TOP + 7 * step + 34).unwrap_or(160);
    let svg = svg::draw("study days", (width, height), |root| {
        let mut month_shown = None;
        for week in 0..WEEKS {
            let monday = first.checked_add((i64::from(week) * 7).days())?;
            let x = LEFT + week * step;
            if month_shown != Some(monday.month()) && monday.day() <= 7 {
                month_shown = Some(monday.month());
                let name = monday.strftime("%b").to_string();
                root.draw(&Text::new(name, (x, TOP - 12), quiet(11)))?;
            }
            for row in 0..7 {
                let day = monday.checked_add(i64::from(row).days())?;
                if day > p.scope.today {
                    break;
                }
                let answers = shown.iter().find(|(d, _)| *d == day).map_or(0, |(_, n)| *n);
                let y = TOP + i32::try_from(weekday_row(day)).unwrap_or(0) * step;
                root.draw(&Rectangle::new(
                    [(x, y), (x + CELL, y + CELL)],
                    HEAT[level(answers, &limits)].filled(),
                ))?;
            }
        }
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            let y = TOP + row * step + CELL / 2;
            root.draw(&Text::new(name, (4, y), quiet(11)))?;
        }
        let legend_y = TOP + 7 * step + 12;
        let mut x = LEFT + WEEKS * step - 5 * step - 70;
        root.draw(&Text::new("Less", (x - 34, legend_y + CELL / 2), quiet(11)))?;
        for color in HEAT {
            root.draw(&Rectangle::new(
                [(x, legend_y), (x + CELL, legend_y + CELL)],
                color.filled(),
            ))?;
            x += step;
        }
        root.draw(&Text::new("More", (x + 4, legend_y + CELL / 2), quiet(11)))?;
        let studied = shown.len();
        root.draw(&Text::new(
            format!(
                "{studied} study day{} in the last year",
                if studied == 1 { "" } else { "s" }
            ),
            (LEFT, legend_y + CELL / 2),
            label(12),
        ))?;
        Ok(())
    })?;
    Ok(Figure {
        id: "calendar",
        title: "Study days".to_owned(),
        caption:
            "Each square is a day of the last 53 weeks; the stronger its green, the more answers."
                .to_owned(),
        desc: describe(&shown),
        svg,
        table: table(&shown),
    })
}

/// The answer counts at which levels 2, 3 and 4 begin: the quartiles of the study days.
fn levels(days: &[(Date, u64)]) -> [u64; 3] {
    let mut counts: Vec<u64> = days.iter().map(|(_, n)| *n).filter(|n| *n > 0).collect();
    counts.sort_unstable();
    let at = |q: usize| {
        counts
            .get(counts.len() * q / 4)
            .copied()
            .unwrap_or(u64::MAX)
    };
    [at(1), at(2), at(3)]
}

fn level(answers: u64, limits: &[u64; 3]) -> usize {
    match answers {
        0 => 0,
        n => 1 + limits.iter().filter(|l| n >= **l).count(),
    }
}

fn describe(days: &[(Date, u64)]) -> String {
    match days.iter().max_by_key(|(_, n)| *n) {
        None => "No study day in the last 53 weeks.".to_owned(),
        Some((busiest, most)) => format!(
            "{} study days in the last 53 weeks, {} answers in all; the busiest was {busiest} \
             with {} answers.",
            days.len(),
            count(days.iter().map(|(_, n)| n).sum()),
            count(*most)
        ),
    }
}

fn table(days: &[(Date, u64)]) -> Table {
    const ROWS: usize = 31;
    let skip = days.len().saturating_sub(ROWS);
    Table {
        headers: vec!["Day".to_owned(), "Weekday".to_owned(), "Answers".to_owned()],
        rows: days[skip..]
            .iter()
            .rev()
            .map(|(d, n)| {
                let weekday = WEEKDAYS[weekday_row(*d)];
                vec![d.to_string(), format!("{weekday:?}"), count(*n)]
            })
            .collect(),
        note: (skip > 0).then(|| format!("The latest {ROWS} of {} study days.", days.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_split_the_study_days_into_quarters() {
        let days: Vec<(Date, u64)> = (1..=8)
            .map(|n| (jiff::civil::date(2026, 11, n), u64::from(n as u8) * 10))
            .collect();
        let limits = levels(&days);
        assert_eq!(limits, [30, 50, 70]);
        assert_eq!(level(0, &limits), 0);
        assert_eq!(level(10, &limits), 1);
        assert_eq!(level(30, &limits), 2);
        assert_eq!(level(80, &limits), 4);
    }
}
