//! Helpers shared by the store and history tests: records with injected times.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use factdeck::deck::Kind;
use factdeck::store::{AnswerRecord, Mode, NewSession, Outcome, SessionEnd, SessionId, Store};
use jiff::Timestamp;

pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

pub fn new_session(deck: &str, mode: Mode, started_at: Timestamp) -> NewSession {
    NewSession {
        deck_id: deck.into(),
        deck_hash: "sha256:test".into(),
        mode,
        seed: 7,
        started_at,
    }
}

pub fn answer(fact: &str, kind: Kind, form: &str, verdict: Outcome, at: Timestamp) -> AnswerRecord {
    AnswerRecord {
        deck_id: None,
        fact_id: fact.into(),
        kind,
        form: form.into(),
        prompt: format!("Question about {fact}?"),
        given: format!("guess for {fact}"),
        expected: format!("answer for {fact}"),
        verdict,
        overridden: false,
        response_ms: 2_000,
        answered_at: at,
    }
}

/// Records a whole session: one answer per verdict, two seconds apart, then finishes it.
pub fn record_session(
    store: &mut Store,
    deck: &str,
    start: Timestamp,
    answers: &[(&str, Kind, &str, Outcome)],
    interrupted: bool,
) -> SessionId {
    let id = store
        .start_session(&new_session(deck, Mode::Practice, start))
        .unwrap();
    let mut t = start;
    for (fact, kind, form, verdict) in answers {
        t += jiff::SignedDuration::from_secs(2);
        let record = answer(fact, *kind, form, *verdict, t);
        store.record_answer(id, &record).unwrap();
    }
    let end = SessionEnd {
        ended_at: t + jiff::SignedDuration::from_secs(1),
        interrupted,
    };
    store.finish_session(id, &end).unwrap();
    id
}

/// Reads a child's output until `needle` appears; panics if the output ends first.
/// (The deadline is checked between reads; a test harness timeout covers a silent child.)
pub fn wait_for(reader: &mut dyn std::io::Read, needle: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains(needle) {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {needle:?}"
        );
        match reader.read(&mut byte) {
            Ok(0) => panic!(
                "output ended before {needle:?}: {}",
                String::from_utf8_lossy(&seen)
            ),
            Ok(_) => seen.push(byte[0]),
            Err(e) => panic!("{e}"),
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}
