//! SIGTERM and SIGHUP end a quiz the way Ctrl-C does, through the real dialoguer prompts
//! in a pseudo-terminal: the cursor shown again, the session marked interrupted with every
//! answer kept, exit 143 or 129.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::store::ScoreHistory;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use factdeck::store::{Filter, SessionStatus, Store};
use serde_json::Value;
use tempfile::TempDir;

use crate::seeds::{Questions, is_typed};
use crate::test::{in_shell_terminal, line_mode_and_echo};

const ENTER: &str = "\r";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// A seed whose first question is typed and whose second is a list (dialoguer hides the
/// cursor in a list), with the first question.
fn typed_then_list() -> (u64, Value) {
    let (seed, mut qs) = Questions::bundled().seed_where(0..300, 2, |qs| {
        is_typed(&qs[0]) && qs[1].get("options").is_some()
    });
    (seed, qs.remove(0))
}

fn stopped_by(signal: &str, code: i32) {
    let home = TempDir::new().unwrap();
    let (seed, q) = typed_then_list();
    let mut cmd = in_shell_terminal();
    cmd.env("FACTDECK_HOME", home.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .args(["quiz", "--count", "5", "--seed", &seed.to_string()]);
    let mut p = Session::spawn(cmd).unwrap();
    p.set_expect_timeout(Some(Duration::from_secs(30)));
    p.expect("Answer").unwrap();
    p.send(q["answer"].as_str().unwrap()).unwrap();
    p.send(ENTER).unwrap();
    p.expect("Question 2 of 5").unwrap();
    // factdeck's own arrow-key menu, drawn with the cursor hidden.
    p.expect("Enter answers").unwrap();

    let pid = p.get_process().pid().to_string();
    let status = Command::new("kill").args([signal, &pid]).status().unwrap();
    assert!(status.success());
    let rest = p.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    let exit = match p.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("{signal}: not a normal exit: {other:?}"),
    };
    assert_eq!(exit, code, "{signal}: {rest}");
    assert!(
        line_mode_and_echo(p.get_process()),
        "{signal}: the terminal is given back"
    );
    assert!(
        rest.contains(SHOW_CURSOR),
        "{signal}: the cursor is shown again: {rest:?}"
    );
    assert!(
        rest.contains("Quiz interrupted after 1 question: 1/1 correct"),
        "{signal}: {rest}"
    );

    let store = Store::open_existing_read_only(home.path().join("factdeck.sqlite3"))
        .unwrap()
        .unwrap();
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted, "{signal}");
    assert_eq!((session.score, session.total), (1, 1), "{signal}");
    assert_eq!(store.answers(session.id).unwrap().len(), 1);
}

#[test]
fn sigterm_finishes_the_session_like_ctrl_c_and_exits_143() {
    stopped_by("-TERM", 143);
}

#[test]
fn sighup_finishes_the_session_like_ctrl_c_and_exits_129() {
    stopped_by("-HUP", 129);
}
