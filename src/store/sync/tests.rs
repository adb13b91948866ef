//! The local half of sync: ids, the change clock, tombstones, and taking in another
//! device's rows with their memory replayed. The hub is stood in for by handing one store's
//! changes to another; the real hub is tested in `tests/hub`.

use crate::store::{ScoreHistory, StudyLog};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use uuid::{Uuid, Version};

use crate::deck::Kind;
use crate::srs::{Memory, Rating, Retention, Scheduler};
use crate::store::tests::at;
use crate::store::{
    AnswerRecord, Filter, Log, Mode, NewSession, Outcome, Received, Rescheduled, ReviewRecord,
    ReviewSource, SessionEnd, SessionId, Store,
};

const HUB: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);

fn scheduler() -> Scheduler {
    Scheduler::new(Retention::DEFAULT, TimeZone::UTC)
}

fn replay(past: &[crate::store::PastReview]) -> Option<Memory> {
    scheduler().replay(past.iter().copied())
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("factdeck.sqlite3")).unwrap();
    (dir, store)
}

fn session(store: &mut Store, when: Timestamp) -> SessionId {
    store
        .start_session(&NewSession {
            deck_id: "d".into(),
            deck_hash: "h".into(),
            mode: Mode::Review,
            seed: 3,
            started_at: when,
        })
        .unwrap()
}

fn answer(fact: &str, verdict: Outcome, when: Timestamp) -> AnswerRecord {
    AnswerRecord {
        deck_id: None,
        fact_id: fact.into(),
        kind: Kind::Card,
        form: "card_typed".into(),
        prompt: format!("{fact}?"),
        given: "x".into(),
        expected: "y".into(),
        verdict,
        overridden: false,
        response_ms: 700,
        answered_at: when,
    }
}

fn rate(store: &mut Store, session: SessionId, fact: &str, rating: Rating, when: Timestamp) {
    let verdict = if rating.recalled() {
        Outcome::Correct
    } else {
        Outcome::Wrong
    };
    let review = ReviewRecord {
        deck_id: "d".into(),
        rating,
        source: ReviewSource::Review,
        retention: Retention::DEFAULT,
    };
    let s = scheduler();
    store
        .record_review(
            session,
            &answer(fact, verdict, when),
            &review,
            &mut |before| Rescheduled {
                memory: Some(s.next(before, rating, when)),
                was_due: before.is_some_and(|m| s.is_due(m, when)),
            },
        )
        .unwrap();
}

/// What the hub would hand `to`: everything `from` recorded itself.
fn hand_over(from: &Store, to: &mut Store, seq: i64) -> Received {
    let log = from.changes_since(0).unwrap().log;
    to.receive(HUB, seq, &log, replay).unwrap()
}

fn is_v7(text: &str) -> bool {
    Uuid::parse_str(text).is_ok_and(|u| u.get_version() == Some(Version::SortRand))
}

#[test]
fn every_row_gets_a_distinct_uuid_v7_made_from_its_own_time() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00.123Z");
    let id = session(&mut store, t);
    rate(&mut store, id, "a", Rating::Good, t);
    rate(&mut store, id, "b", Rating::Again, t);
    let changes = store.changes_since(0).unwrap();
    let device = store.device().unwrap();
    assert_eq!(device.id.get_version(), Some(Version::SortRand));
    assert_eq!(device.learner, None);
    let log = &changes.log;
    assert_eq!(
        (log.sessions.len(), log.answers.len(), log.reviews.len()),
        (1, 2, 2)
    );
    let mut uids: Vec<Uuid> = log.answers.iter().map(|a| a.uid).collect();
    uids.extend(log.reviews.iter().map(|r| r.uid));
    uids.push(log.sessions[0].uid);
    for uid in &uids {
        assert_eq!(uid.get_version(), Some(Version::SortRand), "{uid}");
        let (secs, nanos) = uid.get_timestamp().unwrap().to_unix();
        assert_eq!(
            secs * 1000 + u64::from(nanos / 1_000_000),
            1_795_856_400_123
        );
    }
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 5);
    assert!(log.answers.iter().all(|a| a.device == device.id));
    assert_eq!(log.answers[0].session, log.sessions[0].uid);
    assert_eq!(changes.memory.len(), 2);
}

#[test]
fn the_clock_sends_only_what_changed_after_a_tick() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, t);
    store
        .record_answer(id, &answer("a", Outcome::Wrong, t))
        .unwrap();
    let first = store.changes_since(0).unwrap();
    assert!(store.changes_since(first.through).unwrap().log.is_empty());

    // An override changes the answer and the session's score: both go again.
    let answer_id = store.answers(id).unwrap()[0].id;
    store.set_override(answer_id, true).unwrap();
    let after = store.changes_since(first.through).unwrap();
    assert_eq!(after.log.answers.len(), 1);
    assert!(after.log.answers[0].overridden);
    assert_eq!(after.log.sessions.len(), 1);
    assert_eq!(after.log.sessions[0].score, 1);
    assert!(after.through > first.through);
}

#[test]
fn a_deleted_session_leaves_a_tombstone() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, t);
    let before = store.changes_since(0).unwrap();
    assert!(store.discard_if_empty(id).unwrap());
    let after = store.changes_since(before.through).unwrap();
    assert_eq!(after.log.deleted.len(), 1);
    assert_eq!(after.log.deleted[0].uid, before.log.sessions[0].uid);
}

#[test]
fn another_devices_rows_join_the_history_once_and_are_never_sent_back() {
    let (_a_dir, mut a) = new_store();
    let (_b_dir, mut b) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut a, t);
    rate(&mut a, id, "a", Rating::Good, t);
    rate(
        &mut a,
        id,
        "b",
        Rating::Again,
        t + SignedDuration::from_secs(5),
    );
    a.finish_session(
        id,
        &SessionEnd {
            ended_at: t + SignedDuration::from_secs(9),
            interrupted: false,
        },
    )
    .unwrap();

    let received = hand_over(&a, &mut b, 10);
    assert_eq!(
        (received.sessions, received.answers, received.reviews),
        (1, 2, 2)
    );
    assert_eq!(received.devices.len(), 1);
    assert_eq!(received.replayed, 2);
    assert_eq!(b.pulled_seq(HUB).unwrap(), 10);
    let sessions = b.sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!((sessions[0].score, sessions[0].total), (1, 2));
    assert_eq!(b.answers(sessions[0].id).unwrap().len(), 2);
    assert_eq!(b.memory("d", "a").unwrap(), a.memory("d", "a").unwrap());
    assert_eq!(b.memory("d", "b").unwrap(), a.memory("d", "b").unwrap());
    assert_eq!(
        b.fact_form_counts(&Filter::default()).unwrap(),
        a.fact_form_counts(&Filter::default()).unwrap()
    );

    // B sends its memory (for reports) but none of A's rows back.
    let back = b.changes_since(0).unwrap();
    assert!(back.log.is_empty());
    assert_eq!(back.memory.len(), 2);

    // The same rows again change nothing; the watermark never moves back.
    let again = b
        .receive(HUB, 4, &a.changes_since(0).unwrap().log, replay)
        .unwrap();
    assert_eq!(
        again,
        Received {
            devices: again.devices.clone(),
            ..Received::default()
        }
    );
    assert_eq!(b.pulled_seq(HUB).unwrap(), 10);
    assert!(b.changes_since(back.through).unwrap().memory.is_empty());
}

#[test]
fn memory_is_replayed_from_the_merged_log_the_same_on_both_devices() {
    let (_a_dir, mut a) = new_store();
    let (_b_dir, mut b) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let day = SignedDuration::from_hours(24);
    let on_a = session(&mut a, t);
    rate(&mut a, on_a, "f", Rating::Good, t);
    rate(&mut a, on_a, "f", Rating::Hard, t + day * 4);
    let on_b = session(&mut b, t + day);
    rate(&mut b, on_b, "f", Rating::Again, t + day);
    rate(&mut b, on_b, "f", Rating::Easy, t + day * 6);

    let a_log = a.changes_since(0).unwrap().log;
    let b_log = b.changes_since(0).unwrap().log;
    a.receive(HUB, 1, &b_log, replay).unwrap();
    b.receive(HUB, 1, &a_log, replay).unwrap();

    let merged = scheduler().replay([
        (Rating::Good, t, Retention::DEFAULT),
        (Rating::Again, t + day, Retention::DEFAULT),
        (Rating::Hard, t + day * 4, Retention::DEFAULT),
        (Rating::Easy, t + day * 6, Retention::DEFAULT),
    ]);
    assert_eq!(a.memory("d", "f").unwrap(), merged);
    assert_eq!(b.memory("d", "f").unwrap(), merged);
    assert_eq!(merged.unwrap().reps, 4);
}

#[test]
fn a_deletion_from_another_device_removes_its_rows_here() {
    let (_a_dir, mut a) = new_store();
    let (_b_dir, mut b) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut a, t);
    hand_over(&a, &mut b, 1);
    assert_eq!(b.sessions(&Filter::default(), None).unwrap().len(), 1);
    let before = a.changes_since(0).unwrap().through;
    a.discard_if_empty(id).unwrap();
    let log: Log = a.changes_since(before).unwrap().log;
    let received = b.receive(HUB, 2, &log, replay).unwrap();
    assert_eq!(received.deleted, 1);
    assert!(b.sessions(&Filter::default(), None).unwrap().is_empty());
}

#[test]
fn an_answer_without_its_session_is_refused_and_nothing_is_taken_in() {
    let (_a_dir, mut a) = new_store();
    let (_b_dir, mut b) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut a, t);
    rate(&mut a, id, "a", Rating::Good, t);
    let mut log = a.changes_since(0).unwrap().log;
    log.sessions.clear();
    let err = b.receive(HUB, 5, &log, replay).unwrap_err();
    assert!(
        format!("{:#}", anyhow::Error::from(err)).contains("without the row it belongs to"),
        "names the problem"
    );
    assert_eq!(b.pulled_seq(HUB).unwrap(), 0);
    assert!(b.memory("d", "a").unwrap().is_none());
}

#[test]
fn the_learner_is_recorded_once_set() {
    let (_dir, mut store) = new_store();
    store.set_learner("ana").unwrap();
    assert_eq!(store.device().unwrap().learner.as_deref(), Some("ana"));
    assert!(is_v7(&store.device().unwrap().id.to_string()));
}

#[test]
fn a_version_1_store_upgrades_in_place_and_its_rows_get_ids_from_their_own_times() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    std::fs::copy("tests/fixtures/store-v1.sqlite3", &path).unwrap();
    let store = Store::open(&path).unwrap();
    let changes = store.changes_since(0).unwrap();
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(changes.log.sessions.len(), sessions.len());
    assert_eq!(changes.log.answers.len(), 4);
    for answer in &changes.log.answers {
        assert_eq!(answer.uid.get_version(), Some(Version::SortRand));
        let (secs, nanos) = answer.uid.get_timestamp().unwrap().to_unix();
        let ms = i64::try_from(secs * 1000 + u64::from(nanos / 1_000_000)).unwrap();
        assert_eq!(ms, answer.answered_at.as_millisecond());
    }
    // Every row is sent by the first sync, and the clock moves on from there.
    assert!(store.changes_since(changes.through).unwrap().log.is_empty());
}

#[test]
fn a_fact_leaving_the_schedule_is_sent_again() {
    let (_dir, mut store) = new_store();
    let t = at("2026-11-28T09:00:00Z");
    let id = session(&mut store, t);
    rate(&mut store, id, "a", Rating::Good, t);
    let sent = store.changes_since(0).unwrap();
    assert_eq!(sent.memory.len(), 1);
    assert!(store.changes_since(sent.through).unwrap().memory.is_empty());
    store.set_retired("d", &["a".to_owned()], true).unwrap();
    let again = store.changes_since(sent.through).unwrap();
    assert_eq!(again.memory.len(), 1);
    assert!(again.memory[0].retired);
}
