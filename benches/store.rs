//! Score store speed: recording one answer, and the `history` report over a million answers.
//!
//! `cargo bench --bench store`. The million-answer store is built once per run, in a temp
//! dir, with one bulk transaction (the API's one-transaction-per-answer would take minutes).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::Bencher;
use factdeck::deck::Kind;
use factdeck::history::{Query, Report};
use factdeck::store::{AnswerRecord, Filter, Mode, NewSession, Outcome, Store};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

fn main() {
    divan::main();
}

const SESSIONS: i64 = 50_000;
const ANSWERS_PER_SESSION: i64 = 20;
const DECKS: [&str; 3] = ["wpk-8th-congress", "world-capitals", "chemistry-basics"];
const FACTS_PER_DECK: usize = 200;
const FORMS: [&str; 3] = ["recall", "choice", "order"];

fn start() -> Timestamp {
    "2024-01-01T08:00:00Z".parse().unwrap()
}

fn new_session() -> NewSession {
    NewSession {
        deck_id: DECKS[0].into(),
        deck_hash: "sha256:bench".into(),
        mode: Mode::Practice,
        seed: 1,
        started_at: start(),
    }
}

fn answer(i: u32) -> AnswerRecord {
    AnswerRecord {
        deck_id: None,
        fact_id: format!("fact-{}", i % 200),
        kind: Kind::Date,
        form: "recall".into(),
        prompt: "When did the 8th Congress of the Workers' Party open?".into(),
        given: "5 January 2021".into(),
        expected: "5 January 2021".into(),
        verdict: Outcome::Correct,
        overridden: false,
        response_ms: 3_200,
        answered_at: start() + SignedDuration::from_secs(i.into()),
    }
}

/// One answer, committed (WAL, synchronous=NORMAL), into a store that grows as it runs.
#[divan::bench]
fn record_one_answer(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("factdeck.sqlite3")).unwrap();
    let session = store.start_session(&new_session()).unwrap();
    let mut i = 0;
    bencher.bench_local(|| {
        i += 1;
        store.record_answer(session, &answer(i)).unwrap()
    });
}

/// The same insert with synchronous=FULL (an fsync per commit), for comparison only: the
/// store uses NORMAL, which survives any process crash but may lose the last commits to a
/// power cut.
#[divan::bench]
fn record_one_answer_fsync_each(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let session = store.start_session(&new_session()).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    let mut i = 0_i64;
    bencher.bench_local(|| {
        i += 1;
        conn.execute(
            "INSERT INTO answers (session_id, deck_id, fact_id, kind, form, prompt, given,
                 expected, verdict, overridden, response_ms, answered_at)
             VALUES (?1, 'd', 'fact', 'date', 'recall', 'When?', '1990', '1991', 'wrong', 0,
                 3200, ?2)",
            rusqlite::params![session.0, i],
        )
        .unwrap()
    });
}

/// A store of 50,000 sessions × 20 answers over two years, three decks of 200 facts.
static MILLION: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    drop(Store::open(&path).unwrap());
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2026);
    {
        let mut session = tx
            .prepare(
                "INSERT INTO sessions (id, deck_id, deck_hash, mode, seed, started_at, ended_at,
                     last_answer_at, interrupted, score, total)
                 VALUES (?1, ?2, 'sha256:bench', 'practice', ?1, ?3, ?4, ?4, ?5, ?6, ?7)",
            )
            .unwrap();
        let mut answer = tx
            .prepare(
                "INSERT INTO answers (session_id, deck_id, fact_id, kind, form, prompt, given,
                     expected, verdict, overridden, response_ms, answered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'a given answer', 'the right answer', ?7, 0,
                     ?8, ?9)",
            )
            .unwrap();
        let base = start().as_millisecond();
        let kinds = Kind::ALL;
        for s in 1..=SESSIONS {
            let deck = DECKS[rng.random_range(0..DECKS.len())];
            // Spread over two years, a few sessions a day.
            let started = base + s * 1_260_000;
            let ended = started + ANSWERS_PER_SESSION * 4_000;
            let answers: Vec<(usize, &str)> = (0..ANSWERS_PER_SESSION)
                .map(|_| {
                    let verdict = match rng.random_range(0..10) {
                        0..7 => "correct",
                        7 => "close",
                        _ => "wrong",
                    };
                    (rng.random_range(0..FACTS_PER_DECK), verdict)
                })
                .collect();
            let score = answers.iter().filter(|(_, v)| *v == "correct").count() as i64;
            session
                .execute(rusqlite::params![
                    s,
                    deck,
                    started,
                    ended,
                    s % 17 == 0,
                    score,
                    ANSWERS_PER_SESSION
                ])
                .unwrap();
            for (a, (fact, verdict)) in (0_i64..).zip(answers) {
                answer
                    .execute(rusqlite::params![
                        s,
                        deck,
                        format!("fact-{fact}"),
                        kinds[fact % kinds.len()].as_str(),
                        FORMS[rng.random_range(0..FORMS.len())],
                        format!("Question number {fact} about {deck}?"),
                        verdict,
                        rng.random_range(800..9_000),
                        started + a * 4_000,
                    ])
                    .unwrap();
            }
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    (dir, path)
});

/// The day of the last session.
fn query(filter: Filter) -> Query {
    let tz = TimeZone::UTC;
    Query {
        filter,
        limit: Some(10),
        today: tz.to_datetime(last_session()).date(),
        tz,
    }
}

fn last_session() -> Timestamp {
    start() + SignedDuration::from_millis(SESSIONS * 1_260_000)
}

/// Everything the default `history` view shows, over all 1,000,000 answers.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn history_report_1m_answers(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    let query = query(Filter::default());
    bencher.bench_local(|| Report::load(&store, &query).unwrap());
}

/// The same, as the command does it: open the store read-only, then build the report.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn history_open_and_report_1m_answers(bencher: Bencher) {
    let path = &MILLION.1;
    bencher.bench_local(|| {
        let store = Store::open_existing_read_only(path).unwrap().unwrap();
        Report::load(&store, &query(Filter::default())).unwrap()
    });
}

/// `--deck` narrows the index scan to a third of the answers.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn history_report_one_deck_of_1m_answers(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    let query = query(Filter {
        deck: Some(DECKS[1].into()),
        since: None,
    });
    bencher.bench_local(|| Report::load(&store, &query).unwrap());
}

/// `--since` reads the answers themselves: the last 30 days, about 41,000 answers.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn history_report_since_30_days_of_1m_answers(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    let query = query(Filter {
        deck: None,
        since: Some(last_session() - SignedDuration::from_hours(30 * 24)),
    });
    bencher.bench_local(|| Report::load(&store, &query).unwrap());
}

/// `--since` reaching back before the first answer: all 1,000,000 answers are scanned.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn history_report_since_the_start_of_1m_answers(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    let query = query(Filter {
        deck: None,
        since: Some(start()),
    });
    bencher.bench_local(|| Report::load(&store, &query).unwrap());
}

/// Opening for recording runs `PRAGMA quick_check` over the whole file first.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn open_for_recording_1m_answers(bencher: Bencher) {
    let path = &MILLION.1;
    bencher.bench_local(|| Store::open(path).unwrap());
}

/// The whole `factdeck history --json` process over the 50,000 sessions (every one is
/// listed), its output read and thrown away. `FACTDECK_BENCH_BIN=PATH` runs another
/// binary (an older build); `FACTDECK_BENCH_KEEP=DIR` also copies the store there, for
/// measuring by hand (peak memory with `/usr/bin/time`).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn history_json_50k_sessions_whole_process(bencher: Bencher) {
    let home = MILLION.0.path();
    if let Some(keep) = std::env::var_os("FACTDECK_BENCH_KEEP") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&MILLION.1, PathBuf::from(keep).join("factdeck.sqlite3")).unwrap();
    }
    let binary = std::env::var_os("FACTDECK_BENCH_BIN")
        .map_or_else(|| env!("CARGO_BIN_EXE_factdeck").into(), PathBuf::from);
    bencher.bench_local(|| {
        let out = std::process::Command::new(&binary)
            .env("FACTDECK_HOME", home)
            .args(["history", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout.len()
    });
}
