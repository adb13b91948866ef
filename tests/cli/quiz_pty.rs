//! The real dialoguer prompts of `factdeck quiz`, driven through a pseudo-terminal with
//! keystrokes: arrow keys and Enter, a typed answer, the override, and Ctrl-C.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::store::ScoreHistory;
use std::path::Path;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use factdeck::store::{Filter, SessionStatus, Store};
use serde_json::Value;
use tempfile::TempDir;

use crate::seeds::{Questions, is_typed};
use crate::test::{in_shell_terminal, line_mode_and_echo};

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";
const SHOW_CURSOR: &str = "\x1b[?25h";
/// The end of the key hint under every menu.
const MENU_HINT: &str = "Esc ends";

/// A seed whose first question passes `test`, found in-process.
fn seed_where(test: impl Fn(&Value) -> bool) -> (u64, Value) {
    Questions::bundled().seed_for_first(0..300, test)
}

/// The quiz in a pseudo-terminal, so dialoguer draws its real prompts.
fn spawn_quiz(home: &Path, seed: u64, count: u32) -> OsSession {
    let mut cmd = in_shell_terminal();
    cmd.env("FACTDECK_HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .args([
            "quiz",
            "--seed",
            &seed.to_string(),
            "--count",
            &count.to_string(),
        ]);
    let mut session = Session::spawn(cmd).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

fn exit_code(session: &OsSession) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("not a normal exit: {other:?}"),
    }
}

fn store(home: &Path) -> Store {
    Store::open_existing_read_only(home.join("factdeck.sqlite3"))
        .unwrap()
        .unwrap()
}

#[test]
fn arrow_keys_and_enter_pick_an_option() {
    let home = TempDir::new().unwrap();
    let (seed, q) = seed_where(|q| {
        q.get("options")
            .is_some_and(|o| o.as_array().unwrap().len() >= 3)
    });
    let options = q["options"].as_array().unwrap();
    let answer = q["answer"].as_str().unwrap();
    let index = options
        .iter()
        .position(|o| o.as_str() == Some(answer))
        .unwrap();

    let mut p = spawn_quiz(home.path(), seed, 1);
    // The prompt is wrapped to the terminal's width: its start is on one line.
    let start: String = q["prompt"].as_str().unwrap().chars().take(30).collect();
    p.expect(start.as_str()).unwrap();
    p.expect(MENU_HINT).unwrap();
    for _ in 0..index {
        p.send(DOWN).unwrap();
    }
    p.send(ENTER).unwrap();
    p.expect("✓ Correct.").unwrap();
    p.expect("Score: 1/1 (100%)").unwrap();
    p.expect(Eof).unwrap();
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn a_typed_answer_is_graded() {
    let home = TempDir::new().unwrap();
    let (seed, q) = seed_where(is_typed);
    let mut p = spawn_quiz(home.path(), seed, 1);
    p.expect("Answer").unwrap();
    p.send(q["answer"].as_str().unwrap()).unwrap();
    p.send(ENTER).unwrap();
    p.expect("✓ Correct.").unwrap();
    p.expect(Eof).unwrap();
    assert_eq!(exit_code(&p), 0);
    assert!(
        line_mode_and_echo(p.get_process()),
        "the terminal is given back"
    );
}

#[test]
fn a_wrong_typed_answer_can_be_claimed_right() {
    let home = TempDir::new().unwrap();
    let (seed, q) = seed_where(|q| is_typed(q) && q["form"].as_str().unwrap().starts_with("card"));
    let mut p = spawn_quiz(home.path(), seed, 1);
    p.expect("Answer").unwrap();
    p.send("zzzz qqqq").unwrap();
    p.send(ENTER).unwrap();
    p.expect("✗ Wrong. The answer:").unwrap();
    p.expect("I was right: count it as correct?").unwrap();
    // A line, so that no key of it is left over for the next prompt.
    p.send("y\r").unwrap();
    p.expect("Counted as correct.").unwrap();
    p.expect("Score: 1/1 (100%)").unwrap();
    p.expect(Eof).unwrap();
    assert_eq!(exit_code(&p), 0);

    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    let answer = &store.answers(session.id).unwrap()[0];
    assert_eq!(answer.fact_id, q["fact"].as_str().unwrap());
    assert!(answer.overridden && answer.credited);
}

#[test]
fn ctrl_c_mid_quiz_restores_the_cursor_keeps_answers_and_exits_130() {
    let home = TempDir::new().unwrap();
    // A typed first question, then a select list: dialoguer hides the cursor in a list.
    let (seed, mut qs) = Questions::bundled().seed_where(0..300, 2, |qs| {
        is_typed(&qs[0]) && qs[1].get("options").is_some()
    });
    let q = qs.remove(0);
    let mut p = spawn_quiz(home.path(), seed, 5);
    p.expect("Answer").unwrap();
    p.send(q["answer"].as_str().unwrap()).unwrap();
    p.send(ENTER).unwrap();
    p.expect("Question 2 of 5").unwrap();
    p.expect(MENU_HINT).unwrap();
    p.send(DOWN).unwrap();
    p.send(CTRL_C).unwrap();
    let rest = p.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(
        rest.contains(SHOW_CURSOR),
        "the cursor is shown again: {rest:?}"
    );
    assert!(
        rest.contains("Quiz interrupted after 1 question: 1/1 correct"),
        "{rest}"
    );
    assert_eq!(exit_code(&p), 130);
    assert!(
        line_mode_and_echo(p.get_process()),
        "the terminal is given back"
    );

    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted);
    assert_eq!(store.answers(session.id).unwrap().len(), 1);
}
