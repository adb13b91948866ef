//! Hub speed, on a real PostgreSQL server started for the run (fsync on, Unix socket):
//! the first push of 100,000 answers, a sync with nothing to do, and the class report over
//! 300 learners × 10,000 answers.
//!
//! `cargo bench --bench hub`. Needs PostgreSQL's server binaries (see tests/cli/hub/cluster.rs).

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

#[path = "../tests/cli/hub/cluster.rs"]
mod cluster;

use std::path::PathBuf;
use std::sync::{LazyLock, OnceLock};

use divan::Bencher;
use factdeck::class::{analyse, choice_forms};
use factdeck::hub::{HubUrl, ReportScope};
use factdeck::learner::Learner;
use factdeck::srs::{Retention, Scheduler};
use factdeck::store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;

static CLUSTER: OnceLock<(PathBuf, u16)> = OnceLock::new();

fn main() {
    let cluster = cluster::Cluster::start_durable();
    CLUSTER
        .set((cluster.socket_dir().to_path_buf(), cluster.port))
        .unwrap();
    divan::main();
    drop(cluster);
}

fn url(user: &str, db: &str) -> String {
    let (dir, port) = CLUSTER.get().unwrap();
    format!(
        "postgresql://{user}@/{db}?host={}&port={port}",
        dir.display()
    )
}

fn admin(db: &str) -> postgres::Client {
    postgres::Client::connect(&url("postgres", db), postgres::NoTls).unwrap()
}

/// A new database with the hub schema and learner `ana` (and teacher `tess`).
fn new_hub(db: &str) {
    let mut admin = admin("postgres");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let mut hub = url("postgres", db)
        .parse::<HubUrl>()
        .unwrap()
        .connect()
        .unwrap();
    hub.init(
        &[Learner::parse("ana").unwrap()],
        &[Learner::parse("tess").unwrap()],
        &choice_forms(),
    )
    .unwrap();
}

const ANSWERS: i64 = 100_000;
const PER_SESSION: i64 = 20;
const FACTS: i64 = 600;

/// A device's store with 100,000 rated quiz answers in 5,000 sessions over a year, and the
/// memory of 600 facts: built once, copied for each push.
static DEVICE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let start: i64 = 1_767_225_600_000;
    conn.execute_batch(&format!(
        "BEGIN;
         WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {sessions})
         INSERT INTO sessions (id, deck_id, deck_hash, mode, seed, started_at, ended_at,
             last_answer_at, interrupted, score, total)
         SELECT n, 'capitals', 'sha256:bench', 'practice', n, {start} + n * 6000000,
             {start} + n * 6000000 + 90000, {start} + n * 6000000 + 80000, 0, 14, {PER_SESSION}
         FROM s;
         WITH RECURSIVE a(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM a WHERE n < {last})
         INSERT INTO answers (id, session_id, deck_id, fact_id, kind, form, prompt, given,
             expected, verdict, overridden, response_ms, answered_at)
         SELECT n + 1, n / {PER_SESSION} + 1, 'capitals', 'fact-' || (n % {FACTS}), 'card',
             'card_choice', 'What is the capital of country ' || (n % {FACTS}) || '?',
             'a given answer', 'the right answer',
             CASE WHEN n % 10 < 7 THEN 'correct' ELSE 'wrong' END, 0, 3000 + n % 5000,
             {start} + (n / {PER_SESSION} + 1) * 6000000 + (n % {PER_SESSION}) * 4000
         FROM a;
         INSERT INTO reviews (answer_id, deck_id, fact_id, rating, source, retention, was_due,
             reviewed_at)
         SELECT id, deck_id, fact_id, CASE verdict WHEN 'correct' THEN 3 ELSE 1 END, 'quiz',
             0.9, 0, answered_at FROM answers;
         INSERT INTO memory (deck_id, fact_id, stability, difficulty, due_at, last_review_at,
             first_review_at, reps, lapses)
         SELECT deck_id, fact_id, 12.5, 5.0, max(answered_at) + 86400000, max(answered_at),
             min(answered_at), count(*), 3 FROM answers GROUP BY deck_id, fact_id;
         COMMIT;",
        sessions = ANSWERS / PER_SESSION,
        last = ANSWERS - 1,
    ))
    .unwrap();
    (dir, path)
});

fn sync_once(db: &str, store: &mut Store) -> factdeck::sync::Synced {
    let mut hub = url("ana", db).parse::<HubUrl>().unwrap().connect().unwrap();
    let scheduler = Scheduler::new(Retention::DEFAULT, TimeZone::UTC);
    factdeck::sync::sync(store, &mut hub, &Learner::parse("ana").unwrap(), &scheduler).unwrap()
}

/// The first sync of a device holding 100,000 answers into an empty hub: connect, receive
/// nothing, send every session, answer, rating and memory.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn first_push_of_100000_answers(bencher: Bencher) {
    let (_, source) = &*DEVICE;
    bencher
        .with_inputs(|| {
            new_hub("first_push");
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("factdeck.sqlite3");
            std::fs::copy(source, &path).unwrap();
            (dir, Store::open(&path).unwrap())
        })
        .bench_local_values(|(dir, mut store)| {
            let synced = sync_once("first_push", &mut store);
            assert_eq!(synced.sent.answers, 100_000);
            (dir, store)
        });
}

/// A hub and a device in step (after the push above): the whole sync, connection included.
static IN_STEP: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let (_, source) = &*DEVICE;
    new_hub("noop");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    std::fs::copy(source, &path).unwrap();
    sync_once("noop", &mut Store::open(&path).unwrap());
    (dir, path)
});

#[divan::bench(sample_count = 20, sample_size = 1)]
fn noop_sync(bencher: Bencher) {
    let (_, path) = &*IN_STEP;
    let mut store = Store::open(path).unwrap();
    bencher.bench_local(|| {
        let synced = sync_once("noop", &mut store);
        assert!(synced.is_noop());
    });
}

const LEARNERS: i64 = 300;
const PER_LEARNER: i64 = 10_000;

/// 300 learners × 10,000 answers (500 sessions of 20 each) over 600 items and a year, with
/// each learner's memory of 200 facts, loaded by the superuser and vacuumed as autovacuum
/// would leave it.
static CLASS: LazyLock<()> = LazyLock::new(|| {
    new_hub("class");
    let mut admin = admin("class");
    let names: Vec<String> = (0..LEARNERS).map(|i| format!("learner{i:03}")).collect();
    admin
        .execute(
            "INSERT INTO factdeck.learners (name) SELECT unnest($1::text[])",
            &[&names],
        )
        .unwrap();
    admin
        .batch_execute(&format!(
            "INSERT INTO factdeck.sessions (uid, learner, device, hub_seq, deck_id, deck_hash,
                 mode, seed, started_at, ended_at, last_answer_at, interrupted, score, total)
             SELECT gen_random_uuid(), 'learner' || lpad(l::text, 3, '0'), gen_random_uuid(),
                 s, 'capitals', 'h', 'practice', s, timestamptz '2026-01-01' + s * interval '17 hours',
                 NULL, NULL, false, 14, 20
             FROM generate_series(0, {last_learner}) l, generate_series(1, {sessions}) s;
             INSERT INTO factdeck.answers (uid, session_uid, learner, device, seq, hub_seq,
                 deck_id, fact_id, kind, form, prompt, given, expected, verdict, overridden,
                 response_ms, answered_at)
             SELECT gen_random_uuid(), s.uid, s.learner, s.device, a, s.hub_seq * 20 + a,
                 'capitals', 'fact-' || ((a * 37 + s.hub_seq) % 200),
                 'card', (ARRAY['card_choice', 'card_typed', 'date_choice'])[1 + (a + s.hub_seq) % 3],
                 'What is the capital?', 'option ' || (a % 4), 'the answer',
                 CASE WHEN random() < 0.7 THEN 'correct' ELSE 'wrong' END, false, 3000,
                 s.started_at + a * interval '20 seconds'
             FROM factdeck.sessions s, generate_series(1, 20) a;
             INSERT INTO factdeck.memory (learner, deck_id, fact_id, stability, difficulty,
                 due_at, last_review_at, first_review_at, reps, lapses, retired)
             SELECT 'learner' || lpad(l::text, 3, '0'), 'capitals', 'fact-' || f, 10, 5,
                 timestamptz '2026-12-01' + (f - 100) * interval '1 day',
                 timestamptz '2026-11-01', timestamptz '2026-01-01', 50, 2, false
             FROM generate_series(0, {last_learner}) l, generate_series(0, 199) f;",
            last_learner = LEARNERS - 1,
            sessions = PER_LEARNER / 20,
        ))
        .unwrap();
    admin
        .batch_execute("VACUUM ANALYZE factdeck.sessions, factdeck.answers, factdeck.memory")
        .unwrap();
});

/// The whole report as `class report` computes it: the hub's counts in one snapshot, then
/// facility, discrimination, wrong options and flags.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn class_report_300_learners_x_10000_answers(bencher: Bencher) {
    LazyLock::force(&CLASS);
    let scope = ReportScope {
        deck: None,
        since: None,
        now: "2026-12-01T00:00:00Z".parse::<Timestamp>().unwrap(),
    };
    bencher.bench_local(|| {
        let mut hub = url("tess", "class")
            .parse::<HubUrl>()
            .unwrap()
            .connect()
            .unwrap();
        let counts = hub.class_counts(&scope).unwrap();
        let report = analyse(&counts, None, None);
        assert_eq!(report.learners.len(), 301, "and ana");
        report
    });
}
