//! The score store's promises, tested through the library on real files: concurrent writers,
//! `kill -9`, files it must refuse without modifying them, and read-only places.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use factdeck::store::ScoreHistory;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};

use common::{answer, at, new_session};
use factdeck::deck::Kind;
use factdeck::store::{Filter, Mode, Outcome, SessionStatus, Store, StoreError};
use jiff::SignedDuration;

/// Tells a re-invoked test binary which child role to play and on which file.
const CHILD_STORE: &str = "FACTDECK_TEST_CHILD_STORE";

fn store_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("factdeck.sqlite3")
}

/// Runs one `#[ignore]`d child test of this binary in a new process.
fn child(test: &str, store: &Path) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--ignored",
        "--exact",
        test,
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_STORE, store);
    cmd
}

fn count_answers(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn four_concurrent_writers_on_a_brand_new_file_record_all_4000_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    let start = Arc::new(Barrier::new(4));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (path, start) = (path.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                let mut store = Store::open(&path).unwrap();
                let t = at("2026-01-05T10:00:00Z");
                let session = new_session(&format!("deck-{w}"), Mode::Practice, t);
                let id = store.start_session(&session).unwrap();
                for i in 0..1_000 {
                    let when = t + SignedDuration::from_millis(i);
                    let a = answer(&format!("f{i}"), Kind::Date, "year", Outcome::Correct, when);
                    store.record_answer(id, &a).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    assert_eq!(count_answers(&path), 4_000);
    let store = Store::open(&path).unwrap();
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 4);
    assert!(
        sessions
            .iter()
            .all(|s| s.total == 1_000 && s.score == 1_000)
    );
}

/// The race on a brand-new database: concurrent `journal_mode=WAL` can fail at once with
/// "database is locked" despite the busy timeout. Many fresh files make it likely to show.
#[test]
fn many_first_opens_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..25 {
        let path = dir.path().join(format!("round-{round}/factdeck.sqlite3"));
        let start = Arc::new(Barrier::new(4));
        let openers: Vec<_> = (0..4)
            .map(|_| {
                let (path, start) = (path.clone(), Arc::clone(&start));
                std::thread::spawn(move || {
                    start.wait();
                    let mut store = Store::open(&path).unwrap();
                    let t = at("2026-01-05T10:00:00Z");
                    let id = store
                        .start_session(&new_session("d", Mode::Exam, t))
                        .unwrap();
                    store
                        .record_answer(id, &answer("f", Kind::Card, "front", Outcome::Wrong, t))
                        .unwrap();
                })
            })
            .collect();
        for o in openers {
            o.join().unwrap();
        }
        assert_eq!(count_answers(&path), 4, "round {round}");
    }
}

#[test]
fn kill_9_during_a_quiz_loses_no_committed_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    // Kill at different moments; each round is a new session in the same store, reopened
    // after the previous child died with its WAL possibly mid-write.
    for (round, kill_after) in [3_usize, 120, 457, 31].into_iter().enumerate() {
        let mut running = child("child_records_answers_until_killed", &path)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(running.stdout.take().unwrap()).lines();
        let mut last_reported = None;
        for line in lines.by_ref() {
            if let Some(n) = line.unwrap().strip_prefix("committed ") {
                last_reported = Some(n.parse::<usize>().unwrap());
                if last_reported >= Some(kill_after) {
                    break;
                }
            }
        }
        running.kill().unwrap(); // SIGKILL on Unix
        running.wait().unwrap();
        // Lines the child wrote before it died are still in the pipe.
        for line in lines {
            if let Some(n) = line.unwrap().strip_prefix("committed ") {
                last_reported = Some(n.parse().unwrap());
            }
        }
        let reported = last_reported.expect("the child reported no answer");

        let store = Store::open(&path).expect("the store must open cleanly after kill -9");
        let sessions = store.sessions(&Filter::default(), None).unwrap();
        assert_eq!(sessions.len(), round + 1);
        let session = &sessions[0];
        assert_eq!(session.status(), SessionStatus::Unfinished);
        let answers = store.answers(session.id).unwrap();
        // Every reported answer is there, in order; at most one more was committed
        // between its commit and its report.
        assert!(answers.len() == reported + 1 || answers.len() == reported + 2);
        for (i, a) in answers.iter().enumerate() {
            assert_eq!(a.fact_id, format!("f{i}"));
        }
        assert_eq!(session.total as usize, answers.len());
    }
}

/// Child of `kill_9_during_a_quiz_loses_no_committed_answer`: records answers forever,
/// reporting each one after it is committed.
#[test]
#[ignore = "run as a child process by kill_9_during_a_quiz_loses_no_committed_answer"]
fn child_records_answers_until_killed() {
    use std::io::Write;
    let Some(path) = std::env::var_os(CHILD_STORE) else {
        return;
    };
    let mut store = Store::open(&path).unwrap();
    let t = at("2026-01-05T10:00:00Z");
    let id = store
        .start_session(&new_session("d", Mode::Practice, t))
        .unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let when = t + SignedDuration::from_millis(i);
        let a = answer(
            &format!("f{i}"),
            Kind::Figure,
            "amount",
            Outcome::Close,
            when,
        );
        store.record_answer(id, &a).unwrap();
        writeln!(out, "committed {i}").unwrap();
        out.flush().unwrap();
    }
}

/// A valid store whose pages after the first are overwritten: the header still says SQLite.
fn corrupt_store(path: &Path) {
    let mut store = Store::open(path).unwrap();
    common::record_session(
        &mut store,
        "d",
        at("2026-01-05T10:00:00Z"),
        &[("a", Kind::Date, "year", Outcome::Correct); 300],
        false,
    );
    drop(store);
    let mut bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.len() > 4 * 4096,
        "the store should span several pages"
    );
    for (i, b) in bytes[4096..].iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    std::fs::write(path, &bytes).unwrap();
}

/// The file itself, byte for byte. (A read-only SQLite connection may leave its empty
/// `-wal` and `-shm` companions beside a WAL-mode file; those are SQLite's, not the store.)
fn assert_untouched(path: &Path, before: &[u8]) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the file was modified"
    );
}

#[test]
fn a_corrupt_store_is_left_byte_identical_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    corrupt_store(&path);
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains("damaged") && message.contains("move it away"),
        "{message}"
    );
    assert_untouched(&path, &before);

    // Reading history does not run quick_check, but reading damaged pages is caught.
    let read = Store::open_existing_read_only(&path)
        .and_then(|s| s.expect("a store").fact_form_counts(&Filter::default()));
    assert!(matches!(read, Err(StoreError::Corrupt { .. })), "{read:?}");
    assert_untouched(&path, &before);
}

#[test]
fn a_file_that_is_not_sqlite_is_left_byte_identical_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    for content in [&b"milk, eggs, flour\n".repeat(100)[..], b"SQL"] {
        std::fs::write(&path, content).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotSqlite { .. }), "{err:?}");
        assert!(err.to_string().contains(&path.display().to_string()));
        let err = Store::open_existing_read_only(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotSqlite { .. }), "{err:?}");
        assert_untouched(&path, content);
    }
    assert!(!dir.path().join("factdeck.sqlite3-wal").exists());
}

#[test]
fn a_store_from_a_newer_factdeck_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();

    for err in [
        Store::open(&path).unwrap_err(),
        Store::open_existing_read_only(&path).unwrap_err(),
    ] {
        let StoreError::TooNew { found, known, .. } = &err else {
            panic!("expected TooNew, got {err:?}");
        };
        assert_eq!((*found, *known), (99, factdeck::store::schema_version()));
        assert!(err.to_string().contains("upgrade factdeck"));
    }
    assert_untouched(&path, &before);
}

#[test]
fn migration_from_an_empty_store_creates_the_schema_and_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new/dir/factdeck.sqlite3");
    let mut store = Store::open(&path).unwrap();
    common::record_session(
        &mut store,
        "d",
        at("2026-01-05T10:00:00Z"),
        &[("a", Kind::Set, "members", Outcome::Correct)],
        false,
    );
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, factdeck::store::schema_version());
    drop(conn);
    // Reopening an up-to-date store migrates nothing and keeps the data.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.sessions(&Filter::default(), None).unwrap().len(), 1);
}

#[test]
fn a_data_dir_that_cannot_be_created_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "a regular file").unwrap();
    let path = blocker.join("factdeck/factdeck.sqlite3");
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("not-a-dir/factdeck"), "{message}");
    assert!(message.contains("--data-dir"), "{message}");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"a regular file");
}

/// Root ignores file permissions, so the check runs as `nobody` (via setpriv) when the
/// tests run as root.
#[cfg(target_os = "linux")]
#[test]
fn a_write_protected_store_is_refused_for_recording_but_readable_for_history() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = data.join("factdeck.sqlite3");
    let mut store = Store::open(&path).unwrap();
    common::record_session(
        &mut store,
        "d",
        at("2026-01-05T10:00:00Z"),
        &[("a", Kind::Date, "year", Outcome::Correct)],
        false,
    );
    drop(store);
    let mode = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(dir.path(), 0o755).unwrap();
    mode(&path, 0o444).unwrap();
    mode(&data, 0o555).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut cmd = child("child_opens_the_store", &path);
    let is_root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    if is_root {
        let mut as_nobody = Command::new("setpriv");
        as_nobody
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(cmd.get_program())
            .args(cmd.get_args())
            .env(CHILD_STORE, &path);
        cmd = as_nobody;
    }
    let out = cmd.output().unwrap();
    mode(&data, 0o755).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = path.display().to_string();
    assert!(
        stdout.contains(&format!("open: cannot write to the score store {shown}")),
        "{stdout}"
    );
    assert!(stdout.contains("read-only: 1 session"), "{stdout}");
    assert_untouched(&path, &before);
}

/// Child of the write-protection test: reports what opening the store gives.
#[test]
#[ignore = "run as a child process by a_write_protected_store_is_refused_for_recording_…"]
fn child_opens_the_store() {
    let Some(path) = std::env::var_os(CHILD_STORE) else {
        return;
    };
    match Store::open(&path) {
        Ok(_) => println!("open: succeeded"),
        Err(e) => println!("open: {e}"),
    }
    match Store::open_existing_read_only(&path) {
        Ok(Some(store)) => {
            let n = store.sessions(&Filter::default(), None).unwrap().len();
            println!("read-only: {n} session(s)");
        }
        Ok(None) => println!("read-only: no store"),
        Err(e) => println!("read-only: {e}"),
    }
}

/// A store whose last pages (answers' rows and indexes, not the newest session's row) are
/// overwritten; `finished` says whether its one session ended cleanly.
fn store_damaged_at_the_end(path: &Path, finished: bool) {
    let mut store = Store::open(path).unwrap();
    let id = store
        .start_session(&new_session(
            "d",
            Mode::Practice,
            at("2026-01-05T10:00:00Z"),
        ))
        .unwrap();
    for i in 0..400 {
        let a = answer(
            &format!("fact-{i}"),
            Kind::Date,
            "year",
            Outcome::Correct,
            at("2026-01-05T10:01:00Z"),
        );
        store.record_answer(id, &a).unwrap();
    }
    if finished {
        let end = factdeck::store::SessionEnd {
            ended_at: at("2026-01-05T10:30:00Z"),
            interrupted: false,
        };
        store.finish_session(id, &end).unwrap();
    }
    drop(store);
    let mut bytes = std::fs::read(path).unwrap();
    let len = bytes.len();
    for (i, b) in bytes[len - 3 * 4096..].iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    std::fs::write(path, &bytes).unwrap();
}

#[test]
fn the_whole_file_is_checked_only_after_a_session_that_did_not_end_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    store_damaged_at_the_end(&path, true);
    // A clean history: the open reads the header and a row, not the damaged pages.
    drop(Store::open(&path).expect("a clean store opens without reading it whole"));
    assert!(matches!(
        factdeck::store::doctor::examine(&path),
        factdeck::store::doctor::Finding::Refused(StoreError::Corrupt { .. })
    ));

    let dir = tempfile::tempdir().unwrap();
    let path = store_path(&dir);
    store_damaged_at_the_end(&path, false);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_untouched(&path, &before);
}
