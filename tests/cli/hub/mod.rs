//! `factdeck sync`, `hub init` and `class report` against a real PostgreSQL server: a
//! throwaway cluster per test (`cluster`), the real binary, no mocks.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cluster;
mod down;
mod init;
mod report;
mod security;
mod sync;

use factdeck::store::StudyLog;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use factdeck::deck::Kind;
use factdeck::srs::{Rating, Retention, Scheduler};
use factdeck::store::{
    AnswerRecord, Mode, NewSession, Outcome, Rescheduled, ReviewRecord, ReviewSource, SessionEnd,
    SessionId, Store,
};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use tempfile::TempDir;

pub use cluster::{Auth, Cluster};

/// The deck every fixture answer belongs to.
pub const DECK: &str = "capitals";

/// The binary with a data directory of its own and nothing from the environment that would
/// reach another hub or password: HOME is the data directory, so `~/.pgpass` is its own.
pub fn factdeck(home: &Path) -> Command {
    let mut cmd = crate::test::factdeck(home);
    cmd.env("HOME", home).env("TZ", "UTC");
    cmd
}

/// One device: its own data directory.
#[derive(Debug)]
pub struct Device {
    pub dir: TempDir,
}

impl Default for Device {
    fn default() -> Device {
        Device {
            dir: tempfile::tempdir().unwrap(),
        }
    }
}

impl Device {
    pub fn new() -> Device {
        Device::default()
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn store_path(&self) -> PathBuf {
        self.dir.path().join("factdeck.sqlite3")
    }

    pub fn store(&self) -> Store {
        Store::open(self.store_path()).unwrap()
    }

    /// `factdeck sync` as `learner` against `url`.
    pub fn sync(&self, learner: &str, url: &str) -> assert_cmd::assert::Assert {
        factdeck(self.home())
            .args(["sync", "--learner", learner, "--hub", url])
            .assert()
    }

    /// Records a session of rated answers, as a quiz does: `(fact, form, given, right)`.
    pub fn study(&self, start: Timestamp, answers: &[(&str, &str, &str, bool)]) -> SessionId {
        self.study_in(DECK, start, answers)
    }

    /// As `study`, in another deck.
    pub fn study_in(
        &self,
        deck: &str,
        start: Timestamp,
        answers: &[(&str, &str, &str, bool)],
    ) -> SessionId {
        let mut store = self.store();
        let id = store
            .start_session(&NewSession {
                deck_id: deck.into(),
                deck_hash: "sha256:fixture".into(),
                mode: Mode::Practice,
                seed: 11,
                started_at: start,
            })
            .unwrap();
        let scheduler = scheduler();
        let mut t = start;
        for (fact, form, given, right) in answers {
            t += SignedDuration::from_secs(20);
            let verdict = if *right {
                Outcome::Correct
            } else {
                Outcome::Wrong
            };
            let rating = if *right { Rating::Good } else { Rating::Again };
            let answer = AnswerRecord {
                deck_id: None,
                fact_id: (*fact).into(),
                kind: Kind::Card,
                form: (*form).into(),
                prompt: format!("What is the capital in {fact}?"),
                given: (*given).into(),
                expected: format!("capital of {fact}"),
                verdict,
                overridden: false,
                response_ms: 4_000,
                answered_at: t,
            };
            let review = ReviewRecord {
                deck_id: deck.into(),
                rating,
                source: ReviewSource::Quiz,
                retention: Retention::DEFAULT,
            };
            store
                .record_review(id, &answer, &review, &mut |before| Rescheduled {
                    memory: Some(scheduler.next(before, rating, t)),
                    was_due: before.is_some_and(|m| scheduler.is_due(m, t)),
                })
                .unwrap();
        }
        store
            .finish_session(
                id,
                &SessionEnd {
                    ended_at: t + SignedDuration::from_secs(5),
                    interrupted: false,
                },
            )
            .unwrap();
        id
    }
}

/// The scheduler the binary uses under TZ=UTC.
pub fn scheduler() -> Scheduler {
    Scheduler::new(Retention::DEFAULT, TimeZone::UTC)
}

pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A hub in a fresh database, initialised by the superuser with these learners and teachers.
pub fn new_hub(cluster: &Cluster, db: &str, learners: &str, teachers: &str) {
    cluster.create_db(db);
    let mut cmd = factdeck(tempfile::tempdir().unwrap().path());
    cmd.args(["hub", "init", "--hub", &cluster.url("postgres", db)]);
    if !learners.is_empty() {
        cmd.args(["--learners", learners]);
    }
    if !teachers.is_empty() {
        cmd.args(["--teachers", teachers]);
    }
    cmd.assert().success();
}

/// Every text and number of a store's history and memory, ordered by uid, to compare devices.
pub fn contents(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT uid, deck_id, deck_hash, mode, seed, started_at, ended_at, last_answer_at,
                interrupted, score, total FROM sessions ORDER BY uid",
        "SELECT a.uid, s.uid, a.fact_id, a.kind, a.form, a.prompt, a.given, a.expected,
                a.verdict, a.overridden, a.response_ms, a.answered_at
         FROM answers a JOIN sessions s ON s.id = a.session_id ORDER BY a.uid",
        "SELECT r.uid, a.uid, r.deck_id, r.fact_id, r.rating, r.source, r.retention, r.was_due,
                r.reviewed_at FROM reviews r JOIN answers a ON a.id = r.answer_id ORDER BY r.uid",
        "SELECT deck_id, fact_id, stability, difficulty, due_at, last_review_at,
                first_review_at, reps, lapses, retired FROM memory ORDER BY deck_id, fact_id",
        "SELECT deck_id, fact_id, kind, form, attempts, correct FROM fact_form_totals
         ORDER BY deck_id, fact_id, kind, form",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(cells.join("|"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
        out.push("--".into());
    }
    out
}

/// Rows of a hub table, counted by the superuser (who sees every learner's).
pub fn hub_count(cluster: &Cluster, db: &str, sql: &str) -> i64 {
    cluster.admin(db).query_one(sql, &[]).unwrap().get(0)
}
