//! Ctrl-C in plain mode.

use factdeck::store::ScoreHistory;
use factdeck::store::StudyLog;
use std::io::Write;
use std::process::{Command as Std, Stdio};

use factdeck::store::{Filter, Mode, SessionStatus};

use super::*;

#[test]
fn ctrl_c_in_plain_mode_keeps_the_ratings_marks_the_session_and_exits_130() {
    let (dir, deck) = home();
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("factdeck"))
        .env("FACTDECK_HOME", dir.path())
        .env("FACTDECK_NOW", DAY0)
        .env("TZ", "UTC")
        .args(["review", "--plain", "--new", "3"])
        .arg(&deck)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    common::wait_for(&mut stdout, "Card 1 of 3");
    write!(stdin, "\n3\n").unwrap();
    common::wait_for(&mut stdout, "Card 2 of 3");
    let status = Std::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Review interrupted after 1 card: again 0 · hard 0 · good 1 · easy 0"),
        "{stderr}"
    );
    let store = store(dir.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted);
    assert_eq!(
        (session.mode, session.score, session.total),
        (Mode::Review, 1, 1)
    );
    assert_eq!(
        store
            .memory("apollo", "apollo-11-landing")
            .unwrap()
            .unwrap()
            .due,
        at("2026-11-30T09:00:00Z")
    );
}

#[test]
fn a_review_left_at_the_first_card_leaves_no_session_behind() {
    let (dir, deck) = home();
    let out = review(dir.path(), &deck, DAY0, &[], "");
    assert!(out.contains("Review ended early"), "{out}");
    assert!(
        store(dir.path())
            .sessions(&Filter::default(), None)
            .unwrap()
            .is_empty()
    );
}
