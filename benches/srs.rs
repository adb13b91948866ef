//! Spaced repetition on a 100,000-fact deck whose every fact has a memory in the store:
//! building the review queue (what `factdeck review` does before the first card), and the
//! `history` forecast. Run with `cargo bench --bench srs`; results are in
//! docs/performance.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::store::ScoreHistory;
use factdeck::store::StudyLog;
use std::path::PathBuf;
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use factdeck::deck::{CardFact, Deck, DeckMeta, Fact, FactMeta};
use factdeck::question::{Generator, Settings};
use factdeck::session::lineup::{deck_memory, deck_schedule};
use factdeck::srs::queue;
use factdeck::srs::{LinedUp, Rating, Retention, Scheduler};
use factdeck::store::Store;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

const FACTS: usize = 100_000;
const DECK: &str = "bench";

fn main() {
    divan::main();
}

fn now() -> Timestamp {
    "2026-11-28T09:00:00Z".parse().unwrap()
}

fn scheduler() -> Scheduler {
    Scheduler::new(Retention::DEFAULT, TimeZone::UTC)
}

fn deck() -> Deck {
    let facts = (0..FACTS)
        .map(|i| {
            Fact::from(CardFact {
                meta: FactMeta {
                    id: format!("fact-{i:06}").into(),
                    tags: Box::default(),
                    quote: None,
                    note: None,
                },
                question: format!("What is answer number {i}?"),
                answer: format!("answer {i}").into(),
                accept: Vec::new(),
                group: None,
                sort: None,
            })
        })
        .collect();
    Deck {
        meta: DeckMeta {
            id: DECK.into(),
            title: "Bench".into(),
            description: String::new(),
            language: "en".into(),
            source: None,
            quotes: true,
        },
        facts,
    }
}

static GENERATOR: LazyLock<Generator> =
    LazyLock::new(|| Generator::new(deck(), Settings::default()));

/// A store holding a memory for every fact: each first rated on a day of the past year and
/// reviewed when due since, with random ratings, until a 1-in-20 chance stops it (a learner
/// who fell behind): 45,904 facts are due now, the rest spread over the coming months, so
/// the queue has a large sort to do. Written in one bulk transaction.
static STORE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    drop(Store::open(&path).unwrap());
    let s = scheduler();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2026);
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO memory (deck_id, fact_id, stability, difficulty, due_at,
                     last_review_at, first_review_at, reps, lapses)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .unwrap();
        for i in 0..FACTS {
            let first = now() - SignedDuration::from_hours(rng.random_range(1..365 * 24));
            let mut m = s.next(None, Rating::Good, first);
            while m.due < now() && rng.random_range(0..20) > 0 {
                let rating = Rating::from_number(rng.random_range(1..=4)).unwrap();
                m = s.next(Some(&m), rating, m.due);
            }
            insert
                .execute(rusqlite::params![
                    DECK,
                    format!("fact-{i:06}"),
                    f64::from(m.stability),
                    f64::from(m.difficulty),
                    m.due.as_millisecond(),
                    m.last_review.as_millisecond(),
                    m.first_review.as_millisecond(),
                    m.reps,
                    m.lapses,
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    (dir, path)
});

fn store() -> Store {
    Store::open(&STORE.1).unwrap()
}

/// What `factdeck review` does before the first card: read the deck's due times, line them
/// up with the deck by fact id, count today's new cards and order the queue.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn build_due_queue_100k(bencher: Bencher) {
    let generator = &*GENERATOR;
    let mut store = store();
    let s = scheduler();
    bencher.bench_local(|| {
        let seen = deck_schedule(&mut store, DECK, generator).unwrap();
        let new_left = 20 - queue::introduced_today(&seen, &s, now()).min(20);
        queue::review(&seen, now(), new_left, None)
    });
}

/// The SQLite part alone: due time and first review of every fact of the deck.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn read_schedule_100k(bencher: Bencher) {
    let store = store();
    bencher.bench_local(|| {
        let mut n = 0;
        store.visit_schedule(DECK, &mut |_, _, _| n += 1).unwrap();
        n
    });
}

/// The in-memory part alone: line up with the deck and order the queue.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn line_up_and_order_100k(bencher: Bencher) {
    let generator = &*GENERATOR;
    let mut rows = Vec::new();
    store()
        .visit_schedule(DECK, &mut |id, seen, retired| {
            rows.push((id.to_owned(), seen, retired));
        })
        .unwrap();
    bencher.bench_local(|| {
        let mut lined = LinedUp::new(FACTS);
        for (id, seen, retired) in &rows {
            lined.add(generator.position(id), id, *seen, *retired);
        }
        queue::review(black_box(&lined.known), now(), 20, None)
    });
}

/// `quiz --focus weak`: whole memories read and lined up, predicted recall, sorted.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn weakest_first_100k(bencher: Bencher) {
    let generator = &*GENERATOR;
    let mut store = store();
    let s = scheduler();
    bencher.bench_local(|| {
        let memories = deck_memory(&mut store, DECK, generator).unwrap();
        queue::weakest(&memories, &s, now())
    });
}

/// The forecast of `history`: due times of the next eight days.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn history_forecast_100k(bencher: Bencher) {
    let store = store();
    let until = now() + SignedDuration::from_hours(24 * 8);
    bencher.bench_local(|| store.due_times(Some(DECK), until).unwrap());
}
