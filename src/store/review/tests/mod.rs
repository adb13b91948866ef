//! Spaced-repetition records: memory written with the answer, cram, overrides, retiring,
//! the forecast and true retention, and the upgrade of a version-1 store.

use crate::store::{ScoreHistory, StudyLog};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::deck::Kind;
use crate::srs::{Memory, Rating, Retention, Scheduler};
use crate::store::tests::at;
use crate::store::{
    AnswerRecord, Filter, Mode, NewSession, Outcome, Rescheduled, ReviewRecord, ReviewSource,
    SessionId, Store,
};

fn scheduler() -> Scheduler {
    Scheduler::new(Retention::DEFAULT, TimeZone::UTC)
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("factdeck.sqlite3")).unwrap();
    (dir, store)
}

fn session(store: &mut Store, mode: Mode, when: Timestamp) -> SessionId {
    store
        .start_session(&NewSession {
            deck_id: "d".into(),
            deck_hash: "h".into(),
            mode,
            seed: 1,
            started_at: when,
        })
        .unwrap()
}

fn answer(fact: &str, verdict: Outcome, when: Timestamp) -> AnswerRecord {
    AnswerRecord {
        deck_id: None,
        fact_id: fact.into(),
        kind: Kind::Card,
        form: "review".into(),
        prompt: format!("{fact}?"),
        given: "good".into(),
        expected: "yes".into(),
        verdict,
        overridden: false,
        response_ms: 900,
        answered_at: when,
    }
}

/// Rates a fact as the review loop does: the scheduler's step inside the transaction.
fn rate(
    store: &mut Store,
    session: SessionId,
    fact: &str,
    rating: Rating,
    source: ReviewSource,
    when: Timestamp,
) -> Option<Memory> {
    let s = scheduler();
    let verdict = if rating.recalled() {
        Outcome::Correct
    } else {
        Outcome::Wrong
    };
    let review = ReviewRecord {
        deck_id: "d".into(),
        rating,
        source,
        retention: Retention::DEFAULT,
    };
    store
        .record_review(
            session,
            &answer(fact, verdict, when),
            &review,
            &mut |before| Rescheduled {
                memory: (source != ReviewSource::Cram).then(|| s.next(before, rating, when)),
                was_due: before.is_some_and(|m| s.is_due(m, when)),
            },
        )
        .unwrap()
        .1
}

#[test]
fn a_review_stores_the_memory_with_the_answer() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Review, t);
    let memory = rate(&mut store, id, "a", Rating::Good, ReviewSource::Review, t).unwrap();
    assert_eq!(memory, scheduler().next(None, Rating::Good, t));
    assert_eq!(
        store.memory("d", "a").unwrap(),
        Some(memory),
        "stored exactly"
    );
    assert_eq!(store.memory("d", "b").unwrap(), None);
    let answers = store.answers(id).unwrap();
    assert_eq!(answers.len(), 1);
    let row = store.session(id).unwrap().unwrap();
    assert_eq!((row.score, row.total), (1, 1));

    let later = rate(
        &mut store,
        id,
        "a",
        Rating::Good,
        ReviewSource::Review,
        memory.due,
    )
    .unwrap();
    assert_eq!(later.reps, 2);
    assert!(
        later.due.duration_since(later.last_review) > memory.due.duration_since(memory.last_review)
    );
}

#[test]
fn cram_keeps_the_answer_but_not_the_schedule() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Review, t);
    let before = rate(&mut store, id, "a", Rating::Good, ReviewSource::Review, t);
    let cram = session(&mut store, Mode::Cram, t + SignedDuration::from_hours(1));
    let after = rate(
        &mut store,
        cram,
        "a",
        Rating::Again,
        ReviewSource::Cram,
        t + SignedDuration::from_hours(1),
    );
    assert_eq!(after, before);
    assert_eq!(store.memory("d", "a").unwrap(), before);
    assert_eq!(store.answers(cram).unwrap().len(), 1);
    let none = rate(&mut store, cram, "new", Rating::Good, ReviewSource::Cram, t);
    assert_eq!(none, None, "a crammed new fact stays new");
    assert_eq!(store.memory("d", "new").unwrap(), None);
}

#[test]
fn an_override_replays_the_fact_s_ratings_with_good() {
    let (_dir, mut store) = new_store();
    let s = scheduler();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Practice, t);
    let first = rate(&mut store, id, "a", Rating::Good, ReviewSource::Quiz, t).unwrap();
    rate(
        &mut store,
        id,
        "a",
        Rating::Again,
        ReviewSource::Quiz,
        first.due,
    );
    let wrong = store.answers(id).unwrap()[1].id;
    store
        .override_review(wrong, Rating::Good, &mut |past| {
            s.replay(past.iter().copied())
        })
        .unwrap();
    let expected = s.next(Some(&first), Rating::Good, first.due);
    assert_eq!(store.memory("d", "a").unwrap(), Some(expected));
    let answers = store.answers(id).unwrap();
    assert!(answers[1].overridden && answers[1].credited);
    assert_eq!(store.session(id).unwrap().unwrap().score, 2);
}

#[test]
fn an_undone_rating_leaves_no_trace_and_the_memory_it_replaced_comes_back() {
    let (_dir, mut store) = new_store();
    let s = scheduler();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Review, t);
    let first = rate(&mut store, id, "a", Rating::Good, ReviewSource::Review, t).unwrap();
    rate(&mut store, id, "b", Rating::Good, ReviewSource::Review, t);
    let counts = store.fact_form_counts(&Filter::default()).unwrap();
    let later = first.due;
    rate(
        &mut store,
        id,
        "a",
        Rating::Again,
        ReviewSource::Review,
        later,
    );
    let again = store.answers(id).unwrap()[2].id;
    assert_eq!(store.recall(&Filter::default()).unwrap().reviews, 1);

    store
        .undo_review(again, Some(&first), &mut |past| {
            s.replay(past.iter().copied())
        })
        .unwrap();
    assert_eq!(store.memory("d", "a").unwrap(), Some(first));
    assert_eq!(store.answers(id).unwrap().len(), 2);
    let row = store.session(id).unwrap().unwrap();
    assert_eq!((row.score, row.total), (2, 2));
    assert_eq!(row.last_answer_at, Some(t));
    assert_eq!(store.fact_form_counts(&Filter::default()).unwrap(), counts);
    assert_eq!(store.recall(&Filter::default()).unwrap().reviews, 0);

    // A new fact's first rating undone: it is new again.
    let b = store.answers(id).unwrap()[1].id;
    store.undo_review(b, None, &mut |_| None).unwrap();
    assert_eq!(store.memory("d", "b").unwrap(), None);
    assert!(
        store.undo_review(b, None, &mut |_| None).is_err(),
        "already gone"
    );
}

#[test]
fn an_undo_after_a_rating_from_elsewhere_replays_what_remains() {
    let (_dir, mut store) = new_store();
    let s = scheduler();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Review, t);
    rate(&mut store, id, "a", Rating::Good, ReviewSource::Review, t);
    let undone = store.answers(id).unwrap()[0].id;
    // Another terminal rates the same fact before this one undoes its rating.
    let other = session(&mut store, Mode::Practice, t);
    let later = t + SignedDuration::from_mins(1);
    rate(
        &mut store,
        other,
        "a",
        Rating::Hard,
        ReviewSource::Quiz,
        later,
    );
    store
        .undo_review(undone, None, &mut |past| s.replay(past.iter().copied()))
        .unwrap();
    assert_eq!(
        store.memory("d", "a").unwrap(),
        Some(s.next(None, Rating::Hard, later)),
        "only the other terminal's rating is left"
    );
}

#[test]
fn retired_facts_leave_the_forecast_and_come_back() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Review, t);
    for fact in ["a", "b"] {
        rate(&mut store, id, fact, Rating::Good, ReviewSource::Review, t);
    }
    let week = t + SignedDuration::from_hours(24 * 7);
    assert_eq!(store.due_times(None, week).unwrap().len(), 2);
    store.set_retired("d", &["b".to_owned()], true).unwrap();
    assert_eq!(
        store.due_times(Some("d"), week).unwrap(),
        [at("2026-11-30T09:00:00Z")]
    );
    assert!(
        store
            .memory_rows("d")
            .unwrap()
            .iter()
            .any(|r| r.fact_id == "b" && r.retired)
    );
    store.set_retired("d", &["b".to_owned()], false).unwrap();
    assert_eq!(store.due_times(Some("d"), week).unwrap().len(), 2);
    assert!(store.due_times(Some("other"), week).unwrap().is_empty());
    assert!(
        store.due_times(None, t).unwrap().is_empty(),
        "none due before now"
    );
}

#[test]
fn true_retention_counts_flashcards_of_due_facts_only() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, Mode::Review, t);
    for fact in ["a", "b", "c"] {
        rate(&mut store, id, fact, Rating::Good, ReviewSource::Review, t); // new: not counted
    }
    let due = at("2026-11-30T10:00:00Z");
    rate(&mut store, id, "a", Rating::Good, ReviewSource::Review, due);
    rate(
        &mut store,
        id,
        "b",
        Rating::Again,
        ReviewSource::Review,
        due,
    );
    rate(&mut store, id, "c", Rating::Hard, ReviewSource::Quiz, due); // a quiz answer
    let recall = store.recall(&Filter::default()).unwrap();
    assert_eq!((recall.reviews, recall.recalled), (2, 1));
    assert!((recall.target.unwrap() - 0.9).abs() < 1e-6);
    assert_eq!(recall.percent(), Some(50.0));
    let since = Filter {
        deck: None,
        since: Some(due + SignedDuration::from_hours(1)),
    };
    assert_eq!(store.recall(&since).unwrap().reviews, 0);
}

#[test]
fn a_version_1_store_upgrades_in_place_with_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    let t = at("2026-11-20T09:00:00Z");
    {
        let mut old = Store::open_at_version(&path, 1).unwrap();
        assert!(!old.has_memory().unwrap());
        let id = session(&mut old, Mode::Practice, t);
        old.record_answer(id, &answer("a", Outcome::Correct, t))
            .unwrap();
        old.record_answer(id, &answer("b", Outcome::Wrong, t))
            .unwrap();
    }
    let read_only = Store::open_existing_read_only(&path).unwrap().unwrap();
    assert!(
        read_only
            .due_times(None, Timestamp::MAX)
            .unwrap()
            .is_empty(),
        "no tables yet"
    );
    assert_eq!(read_only.recall(&Filter::default()).unwrap().reviews, 0);
    drop(read_only);

    let mut store = Store::open(&path).unwrap();
    assert!(store.has_memory().unwrap());
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!((sessions[0].score, sessions[0].total), (1, 2));
    assert_eq!(store.answers(sessions[0].id).unwrap().len(), 2);
    assert_eq!(store.fact_form_counts(&Filter::default()).unwrap().len(), 2);
    let id = session(&mut store, Mode::Review, t);
    assert!(rate(&mut store, id, "a", Rating::Good, ReviewSource::Review, t).is_some());
}
