//! The class report as text for a person, JSON for tools, CSV for spreadsheets.
//!
//! JSON is one object: `deck`, `since`, `learners` and `items` (percentages unrounded,
//! times RFC 3339 in UTC). CSV is two tables, the learners and then the items, each under
//! its own header row, separated by one blank line.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::{Value, json};

use super::{ClassReport, Item};
use crate::history::format::{count, local_minute, percent};
use crate::history::table::{Align, Cell, layout};

/// The report as text, times in `tz`.
pub fn text(report: &ClassReport, tz: &TimeZone) -> String {
    let mut out = String::new();
    let scope = match (&report.deck, report.since) {
        (Some(deck), Some(since)) => format!(" — deck {deck}, since {}", local_minute(since, tz)),
        (Some(deck), None) => format!(" — deck {deck}"),
        (None, Some(since)) => format!(" — since {}", local_minute(since, tz)),
        (None, None) => String::new(),
    };
    out.push_str(&format!("Learners{scope}\n"));
    let rows: Vec<Vec<Cell>> = report
        .learners
        .iter()
        .map(|l| {
            vec![
                Cell::new(l.learner.clone()),
                Cell::new(count(l.sessions)),
                Cell::new(count(l.answers)),
                Cell::new(percent(l.accuracy)),
                Cell::new(count(l.facts_due)),
                Cell::new(
                    l.last_studied
                        .map_or("—".to_owned(), |t| local_minute(t, tz)),
                ),
            ]
        })
        .collect();
    let header = [
        "learner",
        "sessions",
        "answers",
        "accuracy",
        "due",
        "last studied",
    ];
    let align = [
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
    ];
    push_lines(&mut out, layout(&header, &align, &rows));
    out.push_str("\nItems (facility: share right; discrimination: correlation with the rest)\n");
    if report.items.is_empty() {
        out.push_str("  no answers yet\n");
        return out;
    }
    let rows: Vec<Vec<Cell>> = report.items.iter().map(item_cells).collect();
    let header = [
        "deck",
        "fact",
        "form",
        "answers",
        "facility",
        "discr.",
        "flags",
        "wrong options",
    ];
    let align = [
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Left,
        Align::Left,
    ];
    push_lines(&mut out, layout(&header, &align, &rows));
    out
}

fn item_cells(item: &Item) -> Vec<Cell> {
    let flags: Vec<&str> = item.flags.iter().map(|f| f.as_str()).collect();
    let wrong: Vec<String> = item
        .wrong_options
        .iter()
        .map(|(option, n)| format!("{option} ×{n}"))
        .collect();
    vec![
        Cell::new(item.deck_id.clone()),
        Cell::new(item.fact_id.clone()),
        Cell::new(item.form.clone()),
        Cell::new(count(item.answers)),
        Cell::new(percent(item.facility)),
        Cell::new(percent(item.discrimination)),
        Cell::new(flags.join(", ")),
        Cell::new(wrong.join("; ")),
    ]
}

fn push_lines(out: &mut String, lines: Vec<String>) {
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
}

fn time(t: Option<Timestamp>) -> Value {
    t.map_or(Value::Null, |t| Value::String(t.to_string()))
}

pub fn json(report: &ClassReport) -> Value {
    json!({
        "deck": report.deck,
        "since": time(report.since),
        "learners": report.learners.iter().map(|l| json!({
            "learner": l.learner,
            "sessions": l.sessions,
            "answers": l.answers,
            "correct": l.correct,
            "accuracy": l.accuracy,
            "facts_due": l.facts_due,
            "last_studied": time(l.last_studied),
        })).collect::<Vec<_>>(),
        "items": report.items.iter().map(|i| json!({
            "deck": i.deck_id,
            "fact_id": i.fact_id,
            "kind": i.kind,
            "form": i.form,
            "answers": i.answers,
            "correct": i.correct,
            "learners": i.learners,
            "facility_index": i.facility,
            "discrimination_index": i.discrimination,
            "wrong_options": i.wrong_options.iter()
                .map(|(option, times)| json!({ "option": option, "times": times }))
                .collect::<Vec<_>>(),
            "flags": i.flags.iter().map(|f| f.key()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Both tables as CSV.
pub fn csv(report: &ClassReport) -> Result<String, csv::Error> {
    let mut learners = csv::Writer::from_writer(Vec::new());
    learners.write_record([
        "learner",
        "sessions",
        "answers",
        "correct",
        "accuracy",
        "facts_due",
        "last_studied",
    ])?;
    for l in &report.learners {
        learners.write_record([
            l.learner.clone(),
            l.sessions.to_string(),
            l.answers.to_string(),
            l.correct.to_string(),
            number(l.accuracy),
            l.facts_due.to_string(),
            l.last_studied.map(|t| t.to_string()).unwrap_or_default(),
        ])?;
    }
    let mut items = csv::Writer::from_writer(Vec::new());
    items.write_record([
        "deck",
        "fact_id",
        "kind",
        "form",
        "answers",
        "correct",
        "learners",
        "facility_index",
        "discrimination_index",
        "flags",
        "wrong_options",
    ])?;
    for i in &report.items {
        let flags: Vec<&str> = i.flags.iter().map(|f| f.key()).collect();
        let wrong: Vec<String> = i
            .wrong_options
            .iter()
            .map(|(option, n)| format!("{option}={n}"))
            .collect();
        items.write_record([
            i.deck_id.clone(),
            i.fact_id.clone(),
            i.kind.clone(),
            i.form.clone(),
            i.answers.to_string(),
            i.correct.to_string(),
            i.learners.to_string(),
            number(i.facility),
            number(i.discrimination),
            flags.join(" "),
            wrong.join("; "),
        ])?;
    }
    let mut out = into_text(learners)?;
    out.push('\n');
    out.push_str(&into_text(items)?);
    Ok(out)
}

fn into_text(writer: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn number(p: Option<f64>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}
