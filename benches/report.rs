//! `factdeck report` over a store of a million answers: reading what the charts need, drawing
//! them, and writing the page. Target: under a second for the whole of it.
//!
//! `cargo bench --bench report`. The store is built once per run, in a temp dir, with one
//! bulk transaction: 50,000 sessions of 20 answers over two years in three decks, of every
//! mode (practice 40 %, review 45 %, exam 10 %, cram 5 %), each answer with its rating in
//! `reviews` (flashcards of due facts are most of the reviews), and a memory for each of the
//! 600 facts, due over the coming months.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::Bencher;
use factdeck::deck::Kind;
use factdeck::report::{self, Progress, Scope};
use factdeck::store::Store;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

fn main() {
    divan::main();
}

const SESSIONS: i64 = 50_000;
const ANSWERS_PER_SESSION: i64 = 20;
const DECKS: [&str; 3] = ["wpk-8th-congress", "world-capitals", "chemistry-basics"];
const FACTS_PER_DECK: usize = 200;
const FORMS: [&str; 4] = ["date_typed", "card_choice", "date_order", "figure_typed"];
const START_MS: i64 = 1_704_096_000_000; // 2024-01-01T08:00:00Z

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
                 VALUES (?1, ?2, 'bench', ?3, ?1, ?4, ?5, ?5, 0, ?6, ?7)",
            )
            .unwrap();
        let mut answer = tx
            .prepare(
                "INSERT INTO answers (id, session_id, deck_id, fact_id, kind, form, prompt,
                     given, expected, verdict, overridden, response_ms, answered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'given', 'expected', ?8, 0, 3000, ?9)",
            )
            .unwrap();
        let mut review = tx
            .prepare(
                "INSERT INTO reviews (answer_id, deck_id, fact_id, rating, source, retention,
                     was_due, reviewed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0.9, ?6, ?7)",
            )
            .unwrap();
        let kinds = Kind::ALL;
        let mut id = 0_i64;
        for s in 1..=SESSIONS {
            let deck = DECKS[rng.random_range(0..DECKS.len())];
            let (mode, source) = match rng.random_range(0..100) {
                0..40 => ("practice", "quiz"),
                40..50 => ("exam", "quiz"),
                50..95 => ("review", "review"),
                _ => ("cram", "cram"),
            };
            let started = START_MS + s * 1_260_000;
            let answers: Vec<(usize, i64)> = (0..ANSWERS_PER_SESSION)
                .map(|_| {
                    let rating = match rng.random_range(0..100) {
                        0..12 => 1,
                        12..20 => 2,
                        20..92 => 3,
                        _ => 4,
                    };
                    (rng.random_range(0..FACTS_PER_DECK), rating)
                })
                .collect();
            let score = answers.iter().filter(|(_, r)| *r > 1).count() as i64;
            let ended = started + ANSWERS_PER_SESSION * 4_000;
            session
                .execute(rusqlite::params![
                    s,
                    deck,
                    mode,
                    started,
                    ended,
                    score,
                    ANSWERS_PER_SESSION
                ])
                .unwrap();
            for (a, (fact, rating)) in (0_i64..).zip(answers) {
                id += 1;
                let verdict = ["wrong", "close", "correct", "correct"][(rating - 1) as usize];
                let at = started + a * 4_000;
                let fact_id = format!("fact-{fact}");
                let form = match mode {
                    "review" | "cram" => "review",
                    _ => FORMS[rng.random_range(0..FORMS.len())],
                };
                answer
                    .execute(rusqlite::params![
                        id,
                        s,
                        deck,
                        fact_id,
                        kinds[fact % kinds.len()].as_str(),
                        form,
                        format!("Question number {fact} about {deck}?"),
                        verdict,
                        at,
                    ])
                    .unwrap();
                let was_due = source == "review" && rng.random_range(0..10) < 8;
                review
                    .execute(rusqlite::params![
                        id, deck, fact_id, rating, source, was_due, at
                    ])
                    .unwrap();
            }
        }
        let mut memory = tx
            .prepare(
                "INSERT INTO memory (deck_id, fact_id, stability, difficulty, due_at,
                     last_review_at, first_review_at, reps, lapses)
                 VALUES (?1, ?2, 20.0, 5.0, ?3, ?4, ?5, 12, 1)",
            )
            .unwrap();
        let last = START_MS + SESSIONS * 1_260_000;
        for deck in DECKS {
            for fact in 0..FACTS_PER_DECK {
                let due = last + rng.random_range(-5..90) * 86_400_000;
                memory
                    .execute(rusqlite::params![
                        deck,
                        format!("fact-{fact}"),
                        due,
                        last - 86_400_000,
                        START_MS
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

fn scope(deck: Option<&str>) -> Scope {
    let tz = TimeZone::UTC;
    let last = Timestamp::from_millisecond(START_MS + SESSIONS * 1_260_000).unwrap();
    Scope {
        deck: deck.map(str::to_owned),
        since: None,
        today: tz.to_datetime(last).date(),
        tz,
    }
}

/// The whole command's work: open the store read-only, read, draw, write the page.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn report_1m_answers(bencher: Bencher) {
    let path = &MILLION.1;
    let out = tempfile::tempdir().unwrap();
    bencher.bench_local(|| {
        let store = Store::open_existing_read_only(path).unwrap().unwrap();
        let progress = Progress::load(&store, &scope(None)).unwrap();
        let page = report::render(&progress).unwrap();
        std::fs::write(out.path().join("report.html"), page).unwrap();
    });
}

/// Reading alone.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn report_read_1m_answers(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    bencher.bench_local(|| Progress::load(&store, &scope(None)).unwrap());
}

/// Drawing alone: the six SVG charts and the page.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn report_draw(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    let progress = Progress::load(&store, &scope(None)).unwrap();
    bencher.bench_local(|| report::render(&progress).unwrap());
}

/// One deck of three.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn report_one_deck_of_1m_answers(bencher: Bencher) {
    let store = Store::open_existing_read_only(&MILLION.1).unwrap().unwrap();
    bencher.bench_local(|| {
        let progress = Progress::load(&store, &scope(Some(DECKS[1]))).unwrap();
        report::render(&progress).unwrap()
    });
}
