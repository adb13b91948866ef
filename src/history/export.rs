//! `history --json` and `history --csv`: the same data for other tools.
//!
//! JSON is one object (`sessions`, `by_mode`, `trend` — per mode, the latest sessions'
//! percentages —, `by_kind`, `by_form` — with each form's human `name` —, `weakest`,
//! `totals`, `streak`, `due` — facts due today, overdue included, then on each of the next
//! 7 days — and `recall`, the true retention of flashcards of due facts); CSV is the
//! sessions, one row each, since a flat table is what spreadsheets want. Times are RFC 3339
//! in UTC; durations are milliseconds; percentages are rounded to one decimal, whole ones
//! written as integers.

use serde_json::{Value, json};

use super::names::form_label;
use super::round;
use super::tally::{Accuracy, percent};
use super::{Report, TREND_SESSIONS};
use crate::store::SessionRow;

pub fn json(report: &Report) -> Value {
    let tallies = |ts: &[Accuracy], key: &str| -> Vec<Value> {
        ts.iter()
            .map(|t| {
                let mut v = json!({ key: t.label, "attempts": t.attempts, "correct": t.correct, "percent": round::percent(t.percent()) });
                if key == "form" {
                    v["name"] = Value::from(form_label(&t.label));
                }
                v
            })
            .collect()
    };
    let t = &report.tallies;
    let mut trend = serde_json::Map::new();
    trend.insert("sessions".into(), Value::from(TREND_SESSIONS));
    for (mode, percents) in &report.trends {
        let rounded: Vec<Value> = percents.iter().map(|p| round::one_decimal(*p)).collect();
        trend.insert(mode.as_str().into(), Value::from(rounded));
    }
    json!({
        "sessions": report.sessions.iter().map(session_json).collect::<Vec<_>>(),
        "by_mode": report.modes.iter().map(|m| json!({
            "mode": m.mode.as_str(),
            "sessions": m.sessions,
            "answers": m.answers,
            "correct": m.correct,
            "percent": round::percent(percent(m.correct, m.answers)),
        })).collect::<Vec<_>>(),
        "trend": trend,
        "by_kind": tallies(&t.by_kind, "kind"),
        "by_form": tallies(&t.by_form, "form"),
        "weakest": t.weakest.iter().map(|w| json!({
            "deck": w.deck_id,
            "fact_id": w.fact_id,
            "kind": w.kind.as_str(),
            "prompt": w.prompt,
            "attempts": w.attempts,
            "correct": w.correct,
            "percent": round::percent(percent(w.correct, w.attempts)),
        })).collect::<Vec<_>>(),
        "totals": {
            "sessions": report.totals.sessions,
            "completed": report.totals.completed,
            "answers": t.attempts,
            "correct": t.correct,
            "percent": round::percent(percent(t.correct, t.attempts)),
            "study_ms": report.totals.study_ms,
        },
        "streak": { "days": report.streak.days, "includes_today": report.streak.includes_today },
        "due": report.schedule.forecast.days.iter().map(|(date, n)| json!({
            "date": date.to_string(),
            "facts": n,
        })).collect::<Vec<_>>(),
        "recall": {
            "reviews": report.schedule.recall.reviews,
            "recalled": report.schedule.recall.recalled,
            "percent": round::percent(report.schedule.recall.percent()),
            "target_percent": round::percent(report.schedule.recall.target.map(|t| t * 100.0)),
        },
    })
}

pub fn session_json(s: &SessionRow) -> Value {
    json!({
        "id": s.id.0,
        "deck": s.deck_id,
        "deck_hash": s.deck_hash,
        "mode": s.mode.as_str(),
        "seed": s.seed,
        "started_at": s.started_at.to_string(),
        "ended_at": s.ended_at.map(|t| t.to_string()),
        "status": s.status().as_str(),
        "interrupted": s.status() != crate::store::SessionStatus::Completed,
        "score": s.score,
        "total": s.total,
        "percent": round::percent(s.percent()),
        "duration_ms": s.duration_ms(),
    })
}

pub const SESSIONS_CSV_HEADER: &str =
    "id,started_at,ended_at,deck,deck_hash,mode,seed,status,score,total,percent,duration_ms";

/// The sessions of the report as CSV, header first.
pub fn sessions_csv(sessions: &[SessionRow]) -> String {
    let mut out = String::from(SESSIONS_CSV_HEADER);
    out.push('\n');
    for s in sessions {
        let fields = [
            s.id.to_string(),
            s.started_at.to_string(),
            s.ended_at.map(|t| t.to_string()).unwrap_or_default(),
            s.deck_id.clone(),
            s.deck_hash.clone(),
            s.mode.to_string(),
            s.seed.to_string(),
            s.status().as_str().to_owned(),
            s.score.to_string(),
            s.total.to_string(),
            s.percent().map(|p| format!("{p:.2}")).unwrap_or_default(),
            s.duration_ms().to_string(),
        ];
        csv_row(&mut out, &fields);
    }
    out
}

/// Appends one RFC 4180 row (the `csv` crate quotes what needs it). Stored text is shown
/// safely (`term::visible`) and never as a spreadsheet formula (`spreadsheet::neutralised`).
pub fn csv_row(out: &mut String, fields: &[String]) {
    let safe = fields
        .iter()
        .map(|f| crate::spreadsheet::neutralised(&crate::term::visible(f)).into_owned());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Into memory, from valid UTF-8: neither step can fail.
    if writer.write_record(safe).is_ok()
        && let Ok(bytes) = writer.into_inner()
    {
        out.push_str(&String::from_utf8_lossy(&bytes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        csv_row(
            &mut out,
            &[
                "plain".into(),
                "a, b".into(),
                "say \"hi\"".into(),
                "x\ny".into(),
            ],
        );
        assert_eq!(out, "plain,\"a, b\",\"say \"\"hi\"\"\",\"x\ny\"\n");
    }

    #[test]
    fn csv_fields_are_never_formulas_nor_escapes() {
        let mut out = String::new();
        csv_row(
            &mut out,
            &[
                "=HYPERLINK(\"x\")".into(),
                "-1".into(),
                "a\u{1b}[2Jb".into(),
            ],
        );
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",'-1,a\u{241b}[2Jb\n");
    }

    #[test]
    fn an_empty_report_is_still_complete_json() {
        let v = json(&Report::empty(jiff::civil::date(2026, 11, 28)));
        for key in [
            "sessions", "by_mode", "trend", "by_kind", "by_form", "weakest", "totals", "streak",
            "due", "recall",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["totals"]["percent"], Value::Null);
        assert_eq!(v["due"].as_array().unwrap().len(), 8);
        assert_eq!(v["due"][0]["date"], "2026-11-28");
        assert_eq!(v["recall"]["percent"], Value::Null);
    }
}
