//! Process start to the first question of the bundled deck in plain mode, beside the start of
//! a hello-world binary. Target: at most 4× the hello world. And the same with a store of
//! 1,000,000 answers: opening the store must not grow with history (target: within 1.5× of
//! the empty store's first question).
//!
//! `cargo bench --bench startup`. The "hello world" is this very benchmark binary re-run
//! with `FACTDECK_BENCH_HELLO=1`: it prints one line and exits before divan starts, so it
//! pays exactly what any small Rust program pays to start.
//!
//! `synthetic_cold` and `synthetic_warm` time the first question of synthetic decks of 1,000
//! to 300,000 facts, without a cache entry (deleted before each run, outside the timing)
//! and with one. `FACTDECK_BENCH_PEAK=1` prints instead the peak memory (VmHWM) of each
//! quiz at its first question. `FACTDECK_BENCH_BIN=PATH` measures another factdeck binary
//! (an older build, for "before and after").

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::LazyLock;

use divan::Bencher;

#[path = "support/synthetic_deck.rs"]
mod synthetic_deck;

const HELLO_VAR: &str = "FACTDECK_BENCH_HELLO";

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 300_000];

fn main() {
    if std::env::var_os(HELLO_VAR).is_some() {
        println!("hello, world");
        return;
    }
    if std::env::var_os("FACTDECK_BENCH_PEAK").is_some() {
        print_peaks();
        return;
    }
    divan::main();
}

/// The binary under test.
fn factdeck() -> std::path::PathBuf {
    std::env::var_os("FACTDECK_BENCH_BIN").map_or_else(
        || env!("CARGO_BIN_EXE_factdeck").into(),
        std::path::PathBuf::from,
    )
}

/// A data dir whose store already exists, as it does for anyone past their first quiz.
static HOME: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let home = tempfile::tempdir().unwrap();
    let mut warm = quiz(home.path());
    read_until_prompt(&mut warm);
    finish(warm);
    home
});

/// A data dir whose store holds 1,000,000 answers (50,000 finished sessions of 20), made
/// with SQL in one transaction; the triggers keep the running totals as for real answers.
static MILLION: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("factdeck.sqlite3");
    drop(factdeck::store::Store::open(&path).unwrap());
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 50000)
         INSERT INTO sessions (id, deck_id, deck_hash, mode, seed, started_at, ended_at,
             last_answer_at, interrupted, score, total)
         SELECT i, 'wpk-8th-congress', 'bench', 'practice', i, 1700000000000 + i * 1260000,
             1700000000000 + i * 1260000 + 80000, 1700000000000 + i * 1260000 + 80000, 0, 15, 20
         FROM s;
         WITH RECURSIVE a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i < 999999)
         INSERT INTO answers (session_id, deck_id, fact_id, kind, form, prompt, given,
             expected, verdict, overridden, response_ms, answered_at)
         SELECT i / 20 + 1, 'wpk-8th-congress', 'fact-' || (i * 7919 % 300), 'date', 'year',
             'Question number ' || (i % 300) || '?', 'a given answer', 'the right answer',
             CASE WHEN i % 4 = 0 THEN 'wrong' ELSE 'correct' END, 0, 2000,
             1700000000000 + (i / 20 + 1) * 1260000 + (i % 20) * 4000
         FROM a;",
    )
    .unwrap();
    tx.commit().unwrap();
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    home
});

fn quiz(home: &std::path::Path) -> Child {
    quiz_on(home, None)
}

/// A quiz of one question on the bundled deck, or on the deck at `deck`.
fn quiz_on(home: &std::path::Path, deck: Option<&std::path::Path>) -> Child {
    Command::new(factdeck())
        .env("FACTDECK_HOME", home)
        .env_remove("FACTDECK_CACHE_DIR")
        .args(["quiz", "--plain", "--count", "1", "--seed", "1"])
        .args(deck)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Reads the transcript until the first answer prompt ("… > ") is on screen.
fn read_until_prompt(child: &mut Child) {
    let stdout = child.stdout.as_mut().unwrap();
    let mut seen = Vec::with_capacity(512);
    let mut chunk = [0u8; 512];
    while !seen.ends_with(b") > ") {
        let n = stdout.read(&mut chunk).unwrap();
        assert!(n > 0, "quiz ended before its first question");
        seen.extend_from_slice(&chunk[..n]);
    }
}

/// Ends the quiz the way a person would (end of input), outside the timed part.
fn finish(mut child: Child) {
    drop(child.stdin.take());
    let _ = child.wait();
}

/// A quiz showing its first question; dropping it ends the quiz (divan drops outside the
/// timed section).
struct Running(Option<Child>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(child) = self.0.take() {
            finish(child);
        }
    }
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn first_question_plain(bencher: Bencher) {
    let home = HOME.path();
    bencher.bench_local(|| {
        let mut child = quiz(home);
        read_until_prompt(&mut child);
        Running(Some(child))
    });
}

/// As `first_question_plain`, with 1,000,000 answers in the store: the store is opened with
/// a look at its header, not a read of the whole file.
#[divan::bench(sample_count = 30, sample_size = 1)]
fn first_question_plain_1m_answers(bencher: Bencher) {
    let home = MILLION.path();
    bencher.bench_local(|| {
        let mut child = quiz(home);
        read_until_prompt(&mut child);
        Running(Some(child))
    });
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn hello_world(bencher: Bencher) {
    let me = std::env::current_exe().unwrap();
    bencher.bench_local(|| {
        let out = Command::new(&me).env(HELLO_VAR, "1").output().unwrap();
        assert_eq!(out.stdout, b"hello, world\n");
    });
}

/// A data dir with a store, and synthetic decks of each size in `SIZES`, in its decks dir.
static SYNTHETIC: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let home = tempfile::tempdir().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    for facts in SIZES {
        std::fs::write(
            deck_path(home.path(), facts),
            synthetic_deck::synthetic_deck(facts),
        )
        .unwrap();
    }
    let mut warm = quiz(home.path());
    read_until_prompt(&mut warm);
    finish(warm);
    home
});

fn deck_path(home: &std::path::Path, facts: usize) -> std::path::PathBuf {
    home.join("decks").join(format!("synthetic-{facts}.toml"))
}

/// Starts a quiz on the synthetic deck of `facts` facts, with or without its cache entry.
fn start_synthetic(facts: usize, cached: bool) -> Child {
    let home = SYNTHETIC.path();
    let deck = deck_path(home, facts);
    let cache = home.join("cache");
    if cached {
        // The first run writes the entry; later ones find it.
        let mut child = quiz_on(home, Some(&deck));
        read_until_prompt(&mut child);
        finish(child);
    } else {
        let _ = std::fs::remove_dir_all(&cache);
    }
    quiz_on(home, Some(&deck))
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn synthetic_cold(bencher: Bencher, facts: usize) {
    let _ = &*SYNTHETIC;
    bencher
        .with_inputs(|| {
            let _ = std::fs::remove_dir_all(SYNTHETIC.path().join("cache"));
        })
        .bench_local_values(|()| {
            let mut child = quiz_on(SYNTHETIC.path(), Some(&deck_path(SYNTHETIC.path(), facts)));
            read_until_prompt(&mut child);
            Running(Some(child))
        });
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn synthetic_warm(bencher: Bencher, facts: usize) {
    finish(start_synthetic(facts, true));
    let home = SYNTHETIC.path();
    bencher.bench_local(|| {
        let mut child = quiz_on(home, Some(&deck_path(home, facts)));
        read_until_prompt(&mut child);
        Running(Some(child))
    });
}

/// Peak resident memory of a running process so far, in KiB (Linux).
fn peak_kib(child: &Child) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// The peak memory of each quiz when its first question is on screen, median of 3.
fn print_peaks() {
    println!("facts\tcold MiB\twarm MiB");
    let bundled = median((0..3).map(|_| {
        let mut child = quiz(SYNTHETIC.path());
        read_until_prompt(&mut child);
        let kib = peak_kib(&child);
        finish(child);
        kib
    }));
    println!("bundled\t{:.1}\t", bundled as f64 / 1024.0);
    for facts in SIZES {
        let peaks = [false, true].map(|cached| {
            median((0..3).map(|_| {
                let mut child = start_synthetic(facts, cached);
                read_until_prompt(&mut child);
                let kib = peak_kib(&child);
                finish(child);
                kib
            }))
        });
        println!(
            "{facts}\t{:.1}\t{:.1}",
            peaks[0] as f64 / 1024.0,
            peaks[1] as f64 / 1024.0
        );
    }
}

fn median(values: impl Iterator<Item = u64>) -> u64 {
    let mut v: Vec<u64> = values.collect();
    v.sort_unstable();
    v[v.len() / 2]
}
