//! The default `history` view: sessions, trend, accuracy, weakest facts, totals, streak.

use std::fmt::Write;

use jiff::tz::TimeZone;

use super::TREND_SESSIONS;
use super::due::Forecast;
use super::format::{self, Paint};
use super::names::{form_label, short_prompt};
use super::table::{Align, Cell, layout};
use super::tally::{Accuracy, percent};
use super::{Report, Streak};
use crate::store::{Recall, SessionRow, SessionStatus};
use crate::words::plural_s;

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

    if !report.modes.is_empty() {
        line(&mut out, "");
        line(
            &mut out,
            &p.bold(&format!(
                "By mode (trend: the last {TREND_SESSIONS} sessions of each, oldest → newest)"
            )),
        );
        for l in mode_table(report, p) {
            line(&mut out, &l);
        }
    }

    let accuracy = [
        ("Accuracy by kind", "Kind", &report.tallies.by_kind),
        ("Accuracy by form", "Form", &report.tallies.by_form),
    ];
    for (title, column, tallies) in accuracy {
        if !tallies.is_empty() {
            line(&mut out, "");
            line(&mut out, &p.bold(title));
            let named: Vec<Accuracy> = tallies
                .iter()
                .map(|t| Accuracy {
                    label: match column {
                        "Form" => form_label(&t.label),
                        _ => t.label.clone(),
                    },
                    ..t.clone()
                })
                .collect();
            for l in accuracy_table(column, &named, p) {
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
    let several_decks = decks.len() > 1;
    let rows: Vec<Vec<Cell>> = report
        .tallies
        .weakest
        .iter()
        .map(|w| {
            let pc = percent(w.correct, w.attempts);
            let asked = w
                .prompt
                .as_deref()
                .map_or_else(|| w.fact_id.clone(), short_prompt);
            let mut row = vec![
                grade_cell(pc, p),
                Cell::new(format!("{}/{}", w.correct, w.attempts)),
            ];
            if several_decks {
                row.push(Cell::new(w.deck_id.clone()));
            }
            row.push(Cell::new(asked));
            row
        })
        .collect();
    if !rows.is_empty() {
        let (headers, align): (&[&str], &[Align]) = match several_decks {
            true => (
                &["%", "Correct", "Deck", "Fact (as last asked)"],
                &[Align::Right, Align::Right, Align::Left, Align::Left],
            ),
            false => (
                &["%", "Correct", "Fact (as last asked)"],
                &[Align::Right, Align::Right, Align::Left],
            ),
        };
        for l in layout(headers, align, &rows) {
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
    line(&mut out, "");
    line(
        &mut out,
        &p.dim("As charts (accuracy over time, study days, due forecast): factdeck report --open"),
    );
    out
}

/// Per mode: sessions, share correct, and the trend of its latest sessions.
fn mode_table(report: &Report, p: Paint) -> Vec<String> {
    let rows: Vec<Vec<Cell>> = report
        .modes
        .iter()
        .map(|m| {
            let pc = percent(m.correct, m.answers);
            let trend = report
                .trends
                .iter()
                .find(|(mode, _)| *mode == m.mode)
                .map(|(_, t)| {
                    let latest = format::percent(t.last().copied());
                    format!("{}  latest {latest}", format::sparkline(t))
                })
                .unwrap_or_default();
            vec![
                Cell::new(m.mode.as_str()),
                Cell::new(format::count(m.sessions.into())),
                grade_cell(pc, p),
                Cell::new(format!("{}/{}", m.correct, m.answers)),
                Cell::new(trend),
            ]
        })
        .collect();
    layout(
        &["Mode", "Sessions", "%", "Correct", "Trend"],
        &[
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        &rows,
    )
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

fn accuracy_table(column: &str, tallies: &[Accuracy], p: Paint) -> Vec<String> {
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
