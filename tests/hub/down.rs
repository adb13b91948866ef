//! The hub down or unreachable: a clear error within 10 seconds, and quizzes unaffected.

use factdeck::store::ScoreHistory;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use predicates::str::contains;

use super::*;

#[test]
fn a_hub_that_is_not_running_is_reported_at_once_and_the_store_is_left_alone() {
    let device = Device::new();
    let nowhere = tempfile::tempdir().unwrap();
    let url = format!(
        "postgresql:///class?host={}&port=5432",
        nowhere.path().display()
    );
    let started = Instant::now();
    device
        .sync("ana", &url)
        .failure()
        .code(1)
        .stderr(contains("cannot reach the hub ana@"))
        .stderr(contains("check the URL and that the server is up"));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        !device.store_path().exists(),
        "no store made for a sync that could not start"
    );
}

#[test]
fn a_hub_that_never_answers_is_given_up_on_within_ten_seconds() {
    // A server that takes the connection and says nothing.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for stream in listener.incoming().take(1) {
            open.push(stream);
            std::thread::sleep(Duration::from_secs(12));
        }
    });
    let device = Device::new();
    let started = Instant::now();
    device
        .sync("ana", &format!("postgresql://localhost:{port}/class"))
        .failure()
        .stderr(contains("did not answer within 5 s"));
    let waited = started.elapsed();
    assert!(waited < Duration::from_secs(10), "{waited:?}");
    drop(held);
}

#[test]
fn quizzes_go_on_while_the_hub_is_down() {
    let device = Device::new();
    let nowhere = tempfile::tempdir().unwrap();
    let url = format!(
        "postgresql:///class?host={}&port=5432",
        nowhere.path().display()
    );
    device.sync("ana", &url).failure();
    factdeck(device.home())
        .args(["quiz", "--plain", "--count", "1", "--seed", "1"])
        .write_stdin("a\nn\n")
        .assert()
        .success()
        .stdout(contains("Score:"));
    assert_eq!(
        device
            .store()
            .sessions(&factdeck::store::Filter::default(), None)
            .unwrap()
            .len(),
        1
    );
}
