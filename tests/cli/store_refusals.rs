//! Files at the store's path that are not factdeck's, or not usable, are refused by every
//! command through the real binary: the file byte-identical afterwards, nothing created
//! beside it (no `-wal`, no `-shm`, no symlink target), the path and what to do in the message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::test::factdeck;
use rusqlite::Connection;
use tempfile::TempDir;

fn store_path(home: &Path) -> PathBuf {
    home.join("factdeck.sqlite3")
}

/// Everything in the directory, names and bytes (a symlink by its target).
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = match std::fs::read_link(&path) {
                Ok(target) => target.to_string_lossy().into_owned().into_bytes(),
                Err(_) => std::fs::read(&path).unwrap(),
            };
            (name, bytes)
        })
        .collect();
    all.sort();
    all
}

/// Every command that opens the store refuses the file with `expected` in its message and
/// leaves the directory exactly as it was. The deck cache is kept elsewhere, as it is by
/// default (the platform's cache directory): a quiz reads its deck, through the cache,
/// before it opens the store, and an entry for the deck is none of the store's business.
fn refused_everywhere(home: &Path, expected: &str) {
    let cache = TempDir::new().unwrap();
    let before = snapshot(home);
    let runs: [&[&str]; 4] = [
        &["quiz", "--plain", "--count", "1"],
        &["review", "--plain"],
        &["history"],
        &["doctor"],
    ];
    for args in runs {
        let out = factdeck(home)
            .env("FACTDECK_CACHE_DIR", cache.path())
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        let shown = store_path(home).display().to_string();
        assert!(stderr.contains(&shown), "{args:?}: {stderr}");
        assert_eq!(snapshot(home), before, "{args:?} changed the directory");
    }
}

/// Another program's database, as common ones are: no application id, a user_version of
/// its own, a rollback journal.
fn foreign_database(path: &Path, version: i64) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');")
        .unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
}

#[test]
fn a_foreign_database_with_user_version_1_or_2_is_refused_untouched() {
    for version in [1, 2] {
        let home = TempDir::new().unwrap();
        foreign_database(&store_path(home.path()), version);
        refused_everywhere(home.path(), "not a factdeck score store");
    }
}

#[test]
fn a_foreign_database_in_wal_mode_is_refused_without_a_wal_or_shm() {
    let home = TempDir::new().unwrap();
    let path = store_path(home.path());
    foreign_database(&path, 0);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(conn);
    assert!(!home.path().join("factdeck.sqlite3-wal").exists());
    refused_everywhere(home.path(), "not a factdeck score store");
}

/// A real store, made by the binary, with one finished session.
fn real_store(home: &Path) {
    let cache = TempDir::new().unwrap();
    factdeck(home)
        .env("FACTDECK_CACHE_DIR", cache.path())
        .args(["quiz", "--plain", "--count", "1", "--seed", "1"])
        .write_stdin("a\na\na\n")
        .assert()
        .success();
    assert!(store_path(home).exists());
}

#[test]
fn a_store_from_a_newer_factdeck_is_refused_without_a_wal_or_shm() {
    let home = TempDir::new().unwrap();
    real_store(home.path());
    let conn = Connection::open(store_path(home.path())).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(!home.path().join("factdeck.sqlite3-shm").exists());
    refused_everywhere(home.path(), "newer than this factdeck knows");
}

#[test]
fn a_truncated_store_is_refused_untouched() {
    let home = TempDir::new().unwrap();
    real_store(home.path());
    let path = store_path(home.path());
    let bytes = std::fs::read(&path).unwrap();
    for keep in [60, 4096 + 100, bytes.len() - 4096] {
        std::fs::write(&path, &bytes[..keep]).unwrap();
        refused_everywhere(home.path(), "truncated");
    }
}

#[test]
fn a_dangling_symlink_is_refused_and_its_target_not_created() {
    let home = TempDir::new().unwrap();
    let target = home.path().join("elsewhere/real.sqlite3");
    std::os::unix::fs::symlink(&target, store_path(home.path())).unwrap();
    refused_everywhere(home.path(), "symbolic link");
    assert!(!target.exists());
    assert!(!home.path().join("elsewhere").exists());
}

#[test]
fn a_blank_sqlite_database_becomes_a_store() {
    let home = TempDir::new().unwrap();
    let path = store_path(home.path());
    Connection::open(&path)
        .unwrap()
        .execute_batch("VACUUM")
        .unwrap();
    real_store(home.path());
    factdeck(home.path()).arg("doctor").assert().success();
}

#[test]
fn doctor_says_what_it_found_and_what_to_do() {
    let home = TempDir::new().unwrap();
    let out = factdeck(home.path()).arg("doctor").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No store yet"));
    assert!(!store_path(home.path()).exists(), "doctor creates nothing");

    real_store(home.path());
    let out = factdeck(home.path()).arg("doctor").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for expected in ["1 session, 1 answer", "integrity: ok", "nothing to do"] {
        assert!(stdout.contains(expected), "{stdout}");
    }

    let path = store_path(home.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let len = bytes.len();
    bytes[len - 4096..].fill(0x5a);
    std::fs::write(&path, &bytes).unwrap();
    let out = factdeck(home.path()).arg("doctor").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("damaged") && stderr.contains("move it away"),
        "{stderr}"
    );
}
