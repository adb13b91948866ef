//! The default `history` view: sessions, trend, accuracy, weakest facts, totals, streak.

use std::fmt::Write;

use jiff::tz::TimeZone;

use super::due::Forecast;
use super::format::{self, Paint};
use super::table::{Align, Cell, layout};
use super::tally::{Tally, percent};
use super::{Report, Streak};
use crate::store::{Recall, SessionRow, SessionStatus};
use crate::words::{counted, plural_s};

/// Shown when there is nothing at all to report.
pub const NO_HISTORY: &str = "No quiz sessions yet. Start one with: factdeck quiz";

/// What the text needs besides the report.
#[derive(Debug, Clone, Copy)]
pub struct Style<'a> {
    pub tz: &'a TimeZone,
    pub paint: Paint,
}

pub fn render(report: &Report, style: Style<'_>) -> String {
    let mut out = String::new();
    let p = style.paint;
    let listed = report.sessions.len();
    let total = report.totals.sessions;
    let more = match u32::try_from(listed).is_ok_and(|n| n < total) {
        true => format!(", {listed} of {total}; see --limit"),
        false => String::new(),
    };
    line(
        &mut out,
        &p.bold(&format!("Recent sessions (newest first{more})")),
    );
    for l in session_table(&report.sessions, style) {
        line(&mut out, &l);
    }
    if report
        .sessions
        .iter()
        .any(|s| s.status() != SessionStatus::Completed)
    {
        line(
            &mut out,
            &p.dim("  ! interrupted, or never finished (killed, or still running)"),
        );
    }

    if !report.trend.is_empty() {
        line(&mut out, "");
        let n = report.trend.len();
        let latest = format::percent(report.trend.last().copied());
        line(
            &mut out,
            &p.bold(&format!(
                "Trend, last {} (oldest → newest)",
                counted(n, "session")
            )),
        );
        line(
            &mut out,
            &format!("  {}  latest {latest}", format::sparkline(&report.trend)),
        );
    }

    let accuracy = [
        ("Accuracy by kind", "Kind", &report.tallies.by_kind),
        ("Accuracy by form", "Form", &report.tallies.by_form),
    ];
    for (title, column, tallies) in accuracy {
        if !tallies.is_empty() {
            line(&mut out, "");
            line(&mut out, &p.bold(title));
            for l in accuracy_table(column, tallies, p) {
                line(&mut out, &l);
            }
        }
    }

    line(&mut out, "");
    line(&mut out, &p.bold("Weakest facts (at least 2 attempts)"));
    if report.tallies.weakest.is_empty() {
        line(&mut out, "  none yet");
    }
    // Facts are named by deck too when more than one deck is in view.
    let decks: std::collections::BTreeSet<&str> = report
        .tallies
        .weakest
        .iter()
        .map(|w| w.deck_id.as_str())
        .chain(report.sessions.iter().map(|s| s.deck_id.as_str()))
        .collect();
    let rows: Vec<Vec<Cell>> = report
        .tallies
        .weakest
        .iter()
        .map(|w| {
            let pc = percent(w.correct, w.attempts);
            let fact = match decks.len() > 1 {
                true => format!("{}/{}", w.deck_id, w.fact_id),
                false => w.fact_id.clone(),
            };
            vec![
                grade_cell(pc, p),
                Cell::new(format!("{}/{}", w.correct, w.attempts)),
                Cell::new(fact),
                Cell::new(w.prompt.clone().unwrap_or_default()),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let align = [Align::Right, Align::Right, Align::Left, Align::Left];
        for l in layout(&["%", "Correct", "Fact", "Last asked as"], &align, &rows) {
            line(&mut out, &l);
        }
    }

    line(&mut out, "");
    let t = &report.totals;
    let answers = &report.tallies;
    line(
        &mut out,
        &format!(
            "{} {} session{} ({} completed), {} answer{}, {} correct, {} of study",
            p.bold("Totals:"),
            format::count(t.sessions.into()),
            plural_s(usize::try_from(t.sessions).unwrap_or(usize::MAX)),
            format::count(t.completed.into()),
            format::count(answers.attempts),
            plural_s(usize::try_from(answers.attempts).unwrap_or(usize::MAX)),
            format::percent(percent(answers.correct, answers.attempts)),
            format::duration(t.study_ms),
        ),
    );
    line(
        &mut out,
        &format!("{} {}", p.bold("Streak:"), streak_text(report.streak)),
    );
    line(
        &mut out,
        &format!("{} {}", p.bold("Due:"), due_text(&report.schedule.forecast)),
    );
    line(
        &mut out,
        &format!(
            "{} {}",
            p.bold("Reviews recalled:"),
            recall_text(&report.schedule.recall)
        ),
    );
    out
}

/// "today 5 · Sat 3 · Sun 0 · …": facts due today (overdue included) and each day after.
pub fn due_text(forecast: &Forecast) -> String {
    forecast
        .days
        .iter()
        .enumerate()
        .map(|(i, (date, n))| match i {
            0 => format!("today {n}"),
            _ => format!("{} {n}", date.strftime("%a")),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "87% of 120 (target 90%)": flashcards of due facts not rated Again.
pub fn recall_text(recall: &Recall) -> String {
    match (recall.percent(), recall.target) {
        (Some(pc), Some(target)) => format!(
            "{} of {} (target {:.0}%)",
            format::percent(Some(pc)),
            format::count(recall.reviews.into()),
            target * 100.0
        ),
        _ => "none yet — `factdeck review` shows facts as they come due".to_owned(),
    }
}

fn session_table(sessions: &[SessionRow], style: Style<'_>) -> Vec<String> {
    let p = style.paint;
    let rows: Vec<Vec<Cell>> = sessions
        .iter()
        .map(|s| {
            let marker = match s.status() {
                SessionStatus::Completed => Cell::new(""),
                _ => Cell::painted("!", p.warn("!")),
            };
            vec![
                Cell::new(s.id.to_string()),
                Cell::new(format::local_minute(s.started_at, style.tz)),
                Cell::new(s.deck_id.clone()),
                Cell::new(s.mode.as_str()),
                Cell::new(format!("{}/{}", s.score, s.total)),
                grade_cell(s.percent(), p),
                Cell::new(format::duration(s.duration_ms())),
                marker,
            ]
        })
        .collect();
    let align = [
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
    ];
    layout(
        &["ID", "When", "Deck", "Mode", "Score", "%", "Time", ""],
        &align,
        &rows,
    )
}

fn accuracy_table(column: &str, tallies: &[Tally], p: Paint) -> Vec<String> {
    let rows: Vec<Vec<Cell>> = tallies
        .iter()
        .map(|t| {
            vec![
                Cell::new(t.label.clone()),
                grade_cell(t.percent(), p),
                Cell::new(format!("{}/{}", t.correct, t.attempts)),
            ]
        })
        .collect();
    layout(
        &[column, "%", "Correct"],
        &[Align::Left, Align::Right, Align::Right],
        &rows,
    )
}

fn grade_cell(pc: Option<f64>, p: Paint) -> Cell {
    let text = format::percent(pc);
    Cell::painted(text.clone(), p.grade(pc, &text))
}

pub fn streak_text(s: Streak) -> String {
    match (s.days, s.includes_today) {
        (0, _) => "none yet — a quiz today starts one".to_owned(),
        (n, true) => format!(
            "{n} day{} in a row, today included",
            plural_s(usize::try_from(n).unwrap_or(usize::MAX))
        ),
        (n, false) => format!(
            "{n} day{} in a row, up to yesterday — a quiz today keeps it going",
            plural_s(usize::try_from(n).unwrap_or(usize::MAX))
        ),
    }
}

fn line(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{text}");
}
