//! The terminal frontend through a pseudo-terminal: Enter shows the answer, a number key
//! rates, Ctrl-C leaves the cursor visible and exits 130.

use factdeck::store::ScoreHistory;
use std::process::Command as Std;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use factdeck::store::{Filter, SessionStatus};

use super::*;

fn spawn(home: &Path, deck: &Path) -> expectrl::session::OsSession {
    let mut cmd = Std::new(env!("CARGO_BIN_EXE_factdeck"));
    cmd.env("FACTDECK_HOME", home)
        .env("FACTDECK_NOW", DAY0)
        .env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .args(["review", "--new", "2", "--seed", "1"])
        .arg(deck);
    let mut session = Session::spawn(cmd).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

fn exit_code(session: &expectrl::session::OsSession) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("did not exit: {other:?}"),
    }
}

#[test]
fn enter_shows_the_answer_and_a_key_rates_the_card() {
    let (dir, deck) = home();
    let mut s = spawn(dir.path(), &deck);
    s.expect("Card 1 of 2 · new").unwrap();
    s.expect("Press Enter to show the answer").unwrap();
    s.send("\r").unwrap();
    s.expect("Answer: ").unwrap();
    s.expect("How well did you recall it?").unwrap();
    s.send("3").unwrap();
    s.expect("Next review in 2 days (2026-11-30 09:00).")
        .unwrap();
    s.expect("Card 2 of 2 · new").unwrap();
    s.send("\r").unwrap();
    s.expect("How well did you recall it?").unwrap();
    s.send("e").unwrap(); // easy, by its initial
    s.expect("Reviewed 2 cards: again 0 · hard 0 · good 1 · easy 1")
        .unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let easy = memory(dir.path(), "apollo-12-landing").unwrap();
    assert_eq!(easy.due, at("2026-12-06T09:00:00Z"));
}

#[test]
fn ctrl_c_restores_the_cursor_keeps_the_ratings_and_exits_130() {
    let (dir, deck) = home();
    let mut s = spawn(dir.path(), &deck);
    s.expect("Press Enter to show the answer").unwrap();
    s.send("\r").unwrap();
    s.expect("How well did you recall it?").unwrap();
    s.send("1").unwrap();
    s.expect("Card 2 of 3").unwrap();
    s.expect("Press Enter to show the answer").unwrap();
    s.send("\x03").unwrap();
    let rest = s.expect(Eof).unwrap();
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(rest.contains("\x1b[?25h"), "cursor shown again: {rest:?}");
    assert!(rest.contains("Review interrupted after 1 card"), "{rest:?}");
    assert_eq!(exit_code(&s), 130);
    let store = store(dir.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted);
    assert_eq!(session.total, 1);
    let forgot = memory(dir.path(), "apollo-11-landing").unwrap();
    assert_eq!(
        forgot.due,
        at("2026-11-28T09:10:00Z"),
        "Again: back in 10 minutes"
    );
}

#[test]
fn the_keys_show_each_interval_and_u_takes_the_last_rating_back() {
    let (dir, deck) = home();
    let mut s = spawn(dir.path(), &deck);
    s.expect("Card 1 of 2 · new").unwrap();
    s.send("\r").unwrap();
    // Each key with what it does is held together by no-break spaces.
    s.expect(
        "1\u{a0}again\u{a0}<10m · 2\u{a0}hard\u{a0}1d · 3\u{a0}good\u{a0}2d · 4\u{a0}easy\u{a0}8d",
    )
    .unwrap();
    s.send("1").unwrap();
    s.expect("It comes back later in this session.").unwrap();
    s.expect("Card 2 of 3 · new").unwrap();
    s.expect("u undoes the last rating").unwrap();
    s.send("u").unwrap();
    s.expect("Took back “again”").unwrap();
    s.expect("Card 1 of 2 · new").unwrap();
    s.send("\r").unwrap();
    // Nothing before it to take back now: no u among the keys.
    let keys = s.expect("4\u{a0}easy\u{a0}8d").unwrap();
    assert!(!String::from_utf8_lossy(keys.as_bytes()).contains("u\u{a0}undo"));
    s.send("4").unwrap();
    s.expect("Next review in 8 days").unwrap();
    s.expect("Card 2 of 2 · new").unwrap();
    s.send("\r").unwrap();
    s.expect("How well did you recall it?").unwrap();
    s.send("3").unwrap();
    s.expect("Reviewed 2 cards: again 0 · hard 0 · good 1 · easy 1")
        .unwrap();
    s.expect(Eof).unwrap();
    assert_eq!(exit_code(&s), 0);
    let m = memory(dir.path(), "apollo-11-landing").unwrap();
    assert_eq!(
        (m.reps, m.lapses),
        (1, 0),
        "as if Again had never been given"
    );
}
