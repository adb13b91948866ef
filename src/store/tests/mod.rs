//! Unit tests of the store through its public API, each on its own temp file.

use jiff::{Timestamp, ToSpan};

use super::*;
use crate::deck::Kind;
use crate::store::ScoreHistory;

pub(crate) fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data/factdeck.sqlite3")).unwrap();
    (dir, store)
}

fn session(deck: &str, started: &str) -> NewSession {
    NewSession {
        deck_id: deck.into(),
        deck_hash: "h1".into(),
        mode: Mode::Practice,
        seed: u64::MAX,
        started_at: at(started),
    }
}

fn answer(fact: &str, form: &str, verdict: Outcome, when: Timestamp) -> AnswerRecord {
    AnswerRecord {
        deck_id: None,
        fact_id: fact.into(),
        kind: Kind::Date,
        form: form.into(),
        prompt: format!("When did {fact} happen?"),
        given: "1990".into(),
        expected: "1991".into(),
        verdict,
        overridden: false,
        response_ms: 1500,
        answered_at: when,
    }
}

#[test]
fn a_new_store_is_created_with_the_latest_schema() {
    let (_dir, store) = new_store();
    assert!(store.path().exists());
    let v: i64 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, schema_version());
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn answers_update_the_running_score_and_finishing_counts_the_answers() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    store
        .record_answer(id, &answer("a", "year", Outcome::Correct, t + 5.seconds()))
        .unwrap();
    store
        .record_answer(id, &answer("b", "year", Outcome::Close, t + 9.seconds()))
        .unwrap();
    let row = store.session(id).unwrap().unwrap();
    assert_eq!(
        (row.score, row.total),
        (2, 2),
        "a close answer earns its point"
    );
    assert_eq!(row.status(), SessionStatus::Unfinished);
    assert_eq!(row.duration_ms(), 9_000);
    assert_eq!(row.seed, u64::MAX);

    let end = SessionEnd {
        ended_at: t + 1.minute(),
        interrupted: true,
    };
    // A running total out of step (as a Ctrl-C racing a commit could leave it) is put right.
    store
        .conn
        .execute("UPDATE sessions SET score = 1, total = 10", [])
        .unwrap();
    store.finish_session(id, &end).unwrap();
    let row = store.session(id).unwrap().unwrap();
    assert_eq!((row.score, row.total), (2, 2), "counted from the answers");
    assert_eq!(row.status(), SessionStatus::Interrupted);
    assert_eq!(row.percent(), Some(100.0));
    assert_eq!(row.duration_ms(), 60_000);
}

#[test]
fn an_override_gives_the_point_and_taking_it_back_removes_it() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    let a = store
        .record_answer(id, &answer("a", "year", Outcome::Wrong, t))
        .unwrap();
    store.set_override(a, true).unwrap();
    store.set_override(a, true).unwrap();
    assert_eq!(store.session(id).unwrap().unwrap().score, 1);
    let rows = store.answers(id).unwrap();
    assert!(rows[0].overridden && rows[0].credited);
    store.set_override(a, false).unwrap();
    assert_eq!(store.session(id).unwrap().unwrap().score, 0);
    assert!(matches!(
        store.set_override(AnswerId(999), true),
        Err(StoreError::UnknownAnswer(_))
    ));
}

#[test]
fn answers_to_an_unknown_session_are_refused() {
    let (_dir, mut store) = new_store();
    let a = answer("a", "year", Outcome::Correct, at("2026-01-05T10:00:00Z"));
    assert!(matches!(
        store.record_answer(SessionId(42), &a),
        Err(StoreError::UnknownSession(SessionId(42)))
    ));
    let end = SessionEnd {
        ended_at: a.answered_at,
        interrupted: false,
    };
    assert!(store.finish_session(SessionId(42), &end).is_err());
}

#[test]
fn answers_come_back_in_order_with_every_field() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    let first = answer("z", "year", Outcome::Wrong, t);
    let second = answer("a", "choice", Outcome::Correct, t + 1.second());
    store.record_answer(id, &first).unwrap();
    store.record_answer(id, &second).unwrap();
    let rows = store.answers(id).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].fact_id, "z");
    assert_eq!(rows[0].expected, "1991");
    assert_eq!(rows[0].verdict, Outcome::Wrong);
    assert_eq!(rows[1].form, "choice");
    assert_eq!(rows[1].answered_at, t + 1.second());
    assert_eq!(rows[1].kind, Kind::Date);
}

#[test]
fn filters_select_by_deck_and_start_time() {
    let (_dir, mut store) = new_store();
    for (deck, when) in [
        ("a", "2026-01-01T10:00:00Z"),
        ("b", "2026-01-02T10:00:00Z"),
        ("a", "2026-01-03T10:00:00Z"),
    ] {
        let id = store.start_session(&session(deck, when)).unwrap();
        store
            .record_answer(id, &answer("f", "year", Outcome::Correct, at(when)))
            .unwrap();
    }
    let all = store.sessions(&Filter::default(), None).unwrap();
    let starts: Vec<_> = all.iter().map(|s| s.started_at.to_string()).collect();
    assert_eq!(
        starts,
        [
            "2026-01-03T10:00:00Z",
            "2026-01-02T10:00:00Z",
            "2026-01-01T10:00:00Z"
        ]
    );
    let deck_a = Filter {
        deck: Some("a".into()),
        since: None,
    };
    assert_eq!(store.sessions(&deck_a, None).unwrap().len(), 2);
    assert_eq!(store.sessions(&deck_a, Some(1)).unwrap().len(), 1);
    let recent_a = Filter {
        since: Some(at("2026-01-02T00:00:00Z")),
        ..deck_a
    };
    assert_eq!(store.sessions(&recent_a, None).unwrap().len(), 1);
    let counts = store.fact_form_counts(&recent_a).unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!((counts[0].attempts, counts[0].correct), (1, 1));
    assert_eq!(store.deck_ids().unwrap(), ["a", "b"]);
}

#[test]
fn fact_counts_group_by_fact_and_form() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    for (fact, form, verdict) in [
        ("a", "year", Outcome::Correct),
        ("a", "year", Outcome::Wrong),
        ("a", "choice", Outcome::Correct),
        ("b", "year", Outcome::Close),
    ] {
        store
            .record_answer(id, &answer(fact, form, verdict, t))
            .unwrap();
    }
    let counts = store.fact_form_counts(&Filter::default()).unwrap();
    let summary: Vec<_> = counts
        .iter()
        .map(|c| (c.fact_id.as_str(), c.form.as_str(), c.attempts, c.correct))
        .collect();
    assert_eq!(
        summary,
        [
            ("a", "choice", 1, 1),
            ("a", "year", 2, 1),
            ("b", "year", 1, 1)
        ]
    );
    assert_eq!(
        store.latest_prompt("d", "b").unwrap().as_deref(),
        Some("When did b happen?")
    );
    assert_eq!(store.latest_prompt("d", "nope").unwrap(), None);
}

#[test]
fn session_totals_count_completed_sessions_and_study_time() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let done = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    let end = SessionEnd {
        ended_at: t + 2.minutes(),
        interrupted: false,
    };
    store.finish_session(done, &end).unwrap();
    let killed = store
        .start_session(&session("d", "2026-01-05T11:00:00Z"))
        .unwrap();
    let later = at("2026-01-05T11:00:30Z");
    store
        .record_answer(killed, &answer("a", "year", Outcome::Correct, later))
        .unwrap();
    let totals = store.session_totals(&Filter::default()).unwrap();
    assert_eq!(totals.sessions, 2);
    assert_eq!(totals.completed, 1);
    assert_eq!(totals.study_ms, 150_000);
}

#[test]
fn session_starts_are_visited_newest_first_until_told_to_stop() {
    let (_dir, mut store) = new_store();
    for when in [
        "2026-01-01T10:00:00Z",
        "2026-01-03T10:00:00Z",
        "2026-01-02T10:00:00Z",
    ] {
        let id = store.start_session(&session("d", when)).unwrap();
        store
            .record_answer(id, &answer("f", "y", Outcome::Wrong, at(when)))
            .unwrap();
    }
    // A session without answers does not count as studying.
    store
        .start_session(&session("d", "2026-01-04T10:00:00Z"))
        .unwrap();
    let mut seen = Vec::new();
    store
        .visit_session_starts(Some("d"), &mut |t| {
            seen.push(t.to_string());
            seen.len() < 2
        })
        .unwrap();
    assert_eq!(seen, ["2026-01-03T10:00:00Z", "2026-01-02T10:00:00Z"]);
}

#[test]
fn a_zero_length_file_is_migrated_like_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    std::fs::write(&path, b"").unwrap();
    assert!(Store::open_existing_read_only(&path).unwrap().is_none());
    let mut store = Store::open(&path).unwrap();
    store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened.sessions(&Filter::default(), None).unwrap().len(),
        1
    );
}

#[test]
fn a_missing_store_reads_as_none_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/factdeck.sqlite3");
    assert!(Store::open_existing_read_only(&path).unwrap().is_none());
    assert!(!path.exists());
    assert!(!dir.path().join("sub").exists());
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::Foreign { .. })
    ));
    assert!(matches!(
        Store::open_existing_read_only(&path),
        Err(StoreError::Foreign { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn running_totals_agree_with_counting_the_answers() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    let mut last = None;
    for (i, verdict) in [
        Outcome::Correct,
        Outcome::Wrong,
        Outcome::Close,
        Outcome::Wrong,
    ]
    .into_iter()
    .enumerate()
    {
        let mut a = answer("a", if i % 2 == 0 { "year" } else { "choice" }, verdict, t);
        a.answered_at = t + i64::try_from(i).unwrap().seconds();
        last = Some(store.record_answer(id, &a).unwrap());
    }
    store
        .record_answer(id, &answer("b", "year", Outcome::Correct, t))
        .unwrap();
    store.set_override(last.unwrap(), true).unwrap();
    // An old answer to leave out, so that `since` makes the store scan the answers.
    let old = store
        .start_session(&session("d", "2020-01-01T00:00:00Z"))
        .unwrap();
    let z = answer("z", "year", Outcome::Wrong, at("2020-01-01T00:00:01Z"));
    store.record_answer(old, &z).unwrap();
    let recent = Filter {
        deck: None,
        since: Some(at("2021-01-01T00:00:00Z")),
    };
    let scanned = |store: &Store| store.fact_form_counts(&recent).unwrap();
    let from_totals = |store: &Store| {
        let mut all = store.fact_form_counts(&Filter::default()).unwrap();
        all.retain(|c| c.fact_id != "z");
        all
    };
    assert_eq!(from_totals(&store), scanned(&store));
    let a_choice = &scanned(&store)[0];
    assert_eq!(
        (a_choice.form.as_str(), a_choice.attempts, a_choice.correct),
        ("choice", 2, 1)
    );

    store
        .conn
        .execute("DELETE FROM answers WHERE fact_id = 'b'", [])
        .unwrap();
    assert_eq!(from_totals(&store), scanned(&store));
    assert_eq!(scanned(&store).len(), 2);
}

#[test]
fn a_since_before_the_first_answer_counts_everything() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    store
        .record_answer(id, &answer("a", "year", Outcome::Correct, t))
        .unwrap();
    for since in ["1970-01-01T00:00:00Z", "2026-01-05T10:00:00Z"] {
        let filter = Filter {
            deck: None,
            since: Some(at(since)),
        };
        assert_eq!(store.fact_form_counts(&filter).unwrap().len(), 1, "{since}");
    }
    let after = Filter {
        deck: None,
        since: Some(t + 1.second()),
    };
    assert!(store.fact_form_counts(&after).unwrap().is_empty());
}

#[test]
fn the_latest_prompt_is_the_most_recently_answered_not_the_last_recorded() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    let mut newer = answer("a", "year", Outcome::Wrong, t + 1.minute());
    newer.prompt = "newer".into();
    let mut older = answer("a", "choice", Outcome::Wrong, t);
    older.prompt = "older".into();
    store.record_answer(id, &newer).unwrap();
    store.record_answer(id, &older).unwrap();
    assert_eq!(
        store.latest_prompt("d", "a").unwrap().as_deref(),
        Some("newer")
    );
}

#[test]
fn only_a_session_without_answers_is_discarded() {
    let (_dir, mut store) = new_store();
    let t = at("2026-01-05T10:00:00Z");
    let empty = store
        .start_session(&session("d", "2026-01-05T10:00:00Z"))
        .unwrap();
    let used = store
        .start_session(&session("d", "2026-01-05T11:00:00Z"))
        .unwrap();
    store
        .record_answer(used, &answer("a", "year", Outcome::Correct, t))
        .unwrap();
    assert!(store.discard_if_empty(empty).unwrap());
    assert!(!store.discard_if_empty(used).unwrap());
    let left: Vec<_> = store
        .sessions(&Filter::default(), None)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(left, vec![used]);
}
