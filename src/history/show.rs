//! `history show SESSION`: each question of one session, the answer given, the verdict and
//! the right answer.

use std::fmt::Write;
use std::str::FromStr;

use jiff::tz::TimeZone;
use serde_json::{Value, json};

use super::export::{csv_row, session_json};
use super::format::{self, Paint};
use crate::store::{AnswerRow, Outcome, SessionId, SessionRow, SessionStatus};
use crate::term::visible;

/// The session `history show` shows: by id, or the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Last,
    Id(SessionId),
}

/// Neither `last` nor a session id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a session id (a number, as `factdeck history` lists them) nor `last`")]
pub struct BadWhich(pub String);

impl FromStr for Which {
    type Err = BadWhich;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.trim().eq_ignore_ascii_case("last") {
            return Ok(Which::Last);
        }
        text.parse::<SessionId>()
            .map(Which::Id)
            .map_err(|_| BadWhich(text.to_owned()))
    }
}

pub fn text(session: &SessionRow, answers: &[AnswerRow], tz: &TimeZone, p: Paint) -> String {
    let mut out = String::new();
    let status = match session.status() {
        SessionStatus::Completed => String::new(),
        other => format!(" — {}", p.warn(other.as_str())),
    };
    let _ = writeln!(
        out,
        "{} {}, {}, {}, {}",
        p.bold(&format!("Session {}:", session.id)),
        visible(&session.deck_id),
        session.mode,
        format::local_minute(session.started_at, tz),
        format::duration(session.duration_ms()),
    );
    let pc = session.percent();
    let _ = writeln!(
        out,
        "Score {}/{} ({}){status}",
        session.score,
        session.total,
        p.grade(pc, &format::percent(pc))
    );
    if answers.is_empty() {
        let _ = writeln!(out, "\nNo question was answered in this session.");
    }
    let width = answers.len().to_string().len();
    for (n, a) in answers.iter().enumerate() {
        let (mark, word) = verdict_mark(a, p);
        let _ = writeln!(out, "\n  {:>width$}. {mark} {}", n + 1, visible(&a.prompt));
        let indent = " ".repeat(width + 6);
        let _ = writeln!(out, "{indent}your answer:  {}", visible(shown(&a.given)));
        let _ = writeln!(out, "{indent}right answer: {}", visible(&a.expected));
        let _ = writeln!(
            out,
            "{indent}{word} · {} · {}/{} · {:.1} s",
            visible(&a.fact_id),
            a.kind,
            visible(&a.form),
            f64::from(a.response_ms) / 1000.0
        );
    }
    out
}

/// The mark before a question and the word for its verdict.
fn verdict_mark(a: &AnswerRow, p: Paint) -> (String, String) {
    let graded = a.verdict.as_str();
    match (a.verdict, a.overridden) {
        (Outcome::Correct, _) => (p.grade(Some(100.0), "✓"), graded.to_owned()),
        (_, true) => (
            p.grade(Some(100.0), "✓"),
            format!("{graded}, accepted as right by you"),
        ),
        (Outcome::Close, false) => (p.grade(Some(50.0), "≈"), graded.to_owned()),
        (Outcome::Wrong, false) => (p.grade(Some(0.0), "✗"), graded.to_owned()),
    }
}

fn shown(given: &str) -> &str {
    if given.trim().is_empty() {
        "(no answer)"
    } else {
        given
    }
}

pub fn json(session: &SessionRow, answers: &[AnswerRow]) -> Value {
    json!({
        "session": session_json(session),
        "answers": answers.iter().map(|a| json!({
            "fact_id": a.fact_id,
            "kind": a.kind.as_str(),
            "form": a.form,
            "prompt": a.prompt,
            "given": a.given,
            "expected": a.expected,
            "verdict": a.verdict.as_str(),
            "overridden": a.overridden,
            "correct": a.credited,
            "response_ms": a.response_ms,
            "answered_at": a.answered_at.to_string(),
        })).collect::<Vec<_>>(),
    })
}

pub const ANSWERS_CSV_HEADER: &str = "session,n,fact_id,kind,form,prompt,given,expected,verdict,\
overridden,correct,response_ms,answered_at";

pub fn csv(session: &SessionRow, answers: &[AnswerRow]) -> String {
    let mut out = String::from(ANSWERS_CSV_HEADER);
    out.push('\n');
    for (n, a) in answers.iter().enumerate() {
        let fields = [
            session.id.to_string(),
            (n + 1).to_string(),
            a.fact_id.clone(),
            a.kind.to_string(),
            a.form.clone(),
            a.prompt.clone(),
            a.given.clone(),
            a.expected.clone(),
            a.verdict.to_string(),
            a.overridden.to_string(),
            a.credited.to_string(),
            a.response_ms.to_string(),
            a.answered_at.to_string(),
        ];
        csv_row(&mut out, &fields);
    }
    out
}
