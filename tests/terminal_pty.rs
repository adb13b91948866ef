//! The terminal frontend as a person sees it: the quiz runs in a pseudo-terminal of a given
//! size, its output goes through a terminal emulator (vt100), and the tests look at the
//! screen. Menus at 60, 85 and 120 columns never leave copies of options behind (the smear
//! an option one marker too wide made), no line is wrapped by the terminal, a resize
//! redraws the question cleanly, and the prompts around an answer behave.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::store::ScoreHistory;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};
use factdeck::store::{Filter, Store};
use serde_json::Value;
use tempfile::TempDir;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const ROWS: u16 = 40;
/// The last words of every menu's key hint: each drawing of a menu ends with them.
const HINT_END: &str = "Esc ends";

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("factdeck")
}

/// The questions `quiz --seed` asks, from `generate` with the same seed.
fn questions(home: &Path, seed: u64, count: usize) -> Vec<Value> {
    let out = Command::new(bin())
        .env("FACTDECK_HOME", home)
        .args(["generate", "--format", "json", "--seed", &seed.to_string()])
        .args(["--count", &count.to_string()])
        .output()
        .unwrap();
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A quiz in a pseudo-terminal `columns` wide, and the screen it draws.
struct Screen {
    session: OsSession,
    vt: vt100::Parser,
    columns: u16,
}

impl Screen {
    fn quiz(home: &Path, columns: u16, color: bool, args: &[&str]) -> Screen {
        // The size is set before factdeck starts, so its first drawing already fits. The
        // parent sets it: expectrl gives a new pty 80x24 from the parent after the fork, which
        // could land after a `stty` in the child. The child waits until it sees the size.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "until [ \"$(stty size)\" = \"{ROWS} {columns}\" ]; do sleep 0.01; done; \
                 exec \"$0\" \"$@\""
            ))
            .arg(bin())
            .arg("quiz")
            .args(args)
            .env("FACTDECK_HOME", home)
            .env("TZ", "UTC")
            .env("TERM", "xterm-256color");
        match color {
            true => cmd.env_remove("NO_COLOR").env("LANG", "C.UTF-8"),
            false => cmd.env("NO_COLOR", "1"),
        };
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(columns, ROWS)
            .unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        Screen {
            session,
            vt: vt100::Parser::new(nz(ROWS), nz(columns), 0),
            columns,
        }
    }

    /// Waits for `needle` and puts everything printed until then on the screen; returns it.
    fn expect(&mut self, needle: &str) -> String {
        let found = self.session.expect(needle).unwrap();
        self.vt.process(found.as_bytes());
        String::from_utf8_lossy(found.as_bytes()).into_owned()
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    fn finish(&mut self) -> String {
        let rest = self.session.expect(Eof).unwrap();
        self.vt.process(rest.as_bytes());
        String::from_utf8_lossy(rest.as_bytes()).into_owned()
    }

    fn rows(&self) -> Vec<String> {
        self.vt.screen().rows(0, self.columns).collect()
    }

    /// The rows of the current question: from its "Question N of" header down.
    fn question_rows(&self) -> Vec<String> {
        let rows = self.rows();
        let start = rows
            .iter()
            .rposition(|r| r.starts_with("Question "))
            .unwrap_or(0);
        rows[start..].to_vec()
    }

    /// The screen shows the menu once: one highlighted row, every option's first row once,
    /// no row that the terminal had to wrap.
    fn assert_clean_menu(&self, options: &[String], lettered: bool, context: &str) {
        let screen = self.rows().join("\n");
        for row in 0..ROWS {
            assert!(
                !self.vt.screen().row_wrapped(row),
                "{context}: row {row} was wrapped by the terminal:\n{screen}"
            );
        }
        let rows = self.question_rows();
        let active = rows
            .iter()
            .filter(|r| r.starts_with("> ") || r.starts_with("↕ "))
            .count();
        assert_eq!(active, 1, "{context}: one highlighted option:\n{screen}");
        for (i, option) in options.iter().enumerate() {
            let first_word = option.split_whitespace().next().unwrap();
            let head = match lettered {
                true => format!("{}) {first_word}", (b'a' + i as u8) as char),
                false => first_word.to_owned(),
            };
            let shown = rows
                .iter()
                .filter(|r| r.chars().skip(2).collect::<String>().starts_with(&head))
                .count();
            assert_eq!(shown, 1, "{context}: {head:?} once:\n{screen}");
        }
        let hints = rows.iter().filter(|r| r.contains(HINT_END)).count();
        assert_eq!(hints, 1, "{context}: one menu:\n{screen}");
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

fn exit_code(session: &OsSession) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("not a normal exit: {other:?}"),
    }
}

fn options(q: &Value) -> Vec<String> {
    q.get("options")
        .and_then(Value::as_array)
        .map(|o| o.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn is_order(q: &Value) -> bool {
    q["form"].as_str().unwrap().ends_with("order")
}

fn is_true_false(q: &Value) -> bool {
    q.get("options").is_none() && matches!(q["answer"].as_str(), Some("true" | "false"))
}

/// Answers a whole quiz, moving through every menu and checking the screen at each step.
fn walk_quiz(columns: u16, seed: u64, count: usize) {
    let home = TempDir::new().unwrap();
    let qs = questions(home.path(), seed, count);
    let mut s = Screen::quiz(
        home.path(),
        columns,
        false,
        &["--seed", &seed.to_string(), "--count", &count.to_string()],
    );
    for (n, q) in qs.iter().enumerate() {
        let context = format!("{columns} columns, seed {seed}, question {}", n + 1);
        s.expect(&format!("Question {} of {count}", n + 1));
        if q.get("options").is_none() && !is_true_false(q) {
            s.expect("Answer");
            s.send(q["answer"].as_str().unwrap());
            s.send(ENTER);
            s.expect("Your answer:");
            continue;
        }
        let (items, lettered) = match is_true_false(q) {
            true => (vec!["True".to_owned(), "False".to_owned()], false),
            false => (options(q), true),
        };
        s.expect(HINT_END);
        s.assert_clean_menu(&items, lettered, &context);
        if is_order(q) {
            // Pick the first item up, carry it down one place, drop it.
            for key in [" ", DOWN, " "] {
                s.send(key);
                s.expect(HINT_END);
                s.assert_clean_menu(&items, lettered, &context);
            }
        } else {
            for _ in 0..=items.len() {
                s.send(DOWN);
                s.expect(HINT_END);
                s.assert_clean_menu(&items, lettered, &context);
            }
        }
        s.send(ENTER);
        let echo = match is_order(q) {
            true => "Your order:",
            false => "Your answer:",
        };
        s.expect(echo);
    }
    s.expect("Score:");
    s.finish();
    assert_eq!(exit_code(&s.session), 0);
}

#[test]
fn menus_never_smear_at_60_columns() {
    walk_quiz(60, 5, 6);
}

#[test]
fn menus_never_smear_at_85_columns() {
    // The quiz of the report: its third question has an option exactly one marker too wide.
    walk_quiz(85, 5, 6);
}

#[test]
fn menus_never_smear_at_120_columns() {
    walk_quiz(120, 5, 6);
    walk_quiz(120, 42, 4);
}

#[test]
fn a_resize_redraws_the_question_and_its_menu_cleanly() {
    let home = TempDir::new().unwrap();
    let qs = questions(home.path(), 5, 6);
    let (at, q) = qs
        .iter()
        .enumerate()
        .find(|(_, q)| q.get("options").is_some() && !is_order(q))
        .unwrap();
    let mut s = Screen::quiz(home.path(), 120, false, &["--seed", "5", "--count", "6"]);
    for earlier in &qs[..at] {
        answer_quickly(&mut s, earlier);
    }
    s.expect(&format!("Question {} of 6", at + 1));
    s.expect(HINT_END);
    s.send(DOWN);
    s.expect(HINT_END);
    s.session
        .get_process_mut()
        .set_window_size(60, ROWS)
        .unwrap();
    s.vt.set_size(nz(ROWS), nz(60));
    s.columns = 60;
    // The watcher sees the new size and draws the question again on a clean screen.
    s.expect("\x1b[2J");
    s.expect(HINT_END);
    let rows = s.rows();
    let prompt_start: String = q["prompt"].as_str().unwrap().chars().take(30).collect();
    assert_eq!(
        rows.iter().filter(|r| r.starts_with(&prompt_start)).count(),
        1,
        "the question once, at the top:\n{}",
        rows.join("\n")
    );
    s.assert_clean_menu(&options(q), true, "after a resize to 60 columns");
    s.send(ESC);
    s.expect("End now?");
    s.send("y\r");
    s.expect("Quiz ended early");
    s.finish();
}

/// Answers a question without looking: the first option, the order as shown, or a guess.
fn answer_quickly(s: &mut Screen, q: &Value) {
    if q.get("options").is_none() && !is_true_false(q) {
        s.expect("Answer");
        s.send(q["answer"].as_str().unwrap());
        s.send(ENTER);
    } else {
        s.expect(HINT_END);
        s.send(ENTER);
    }
    s.expect("Your ");
}

#[test]
fn esc_asks_before_ending_and_no_goes_back_to_the_question() {
    let home = TempDir::new().unwrap();
    // A quiz whose second and third questions are lettered menus.
    let (seed, qs) = (0..100)
        .map(|seed| (seed, questions(home.path(), seed, 6)))
        .find(|(_, qs)| qs[1..3].iter().all(|q| q.get("options").is_some()))
        .unwrap();
    let seed = seed.to_string();
    let mut s = Screen::quiz(home.path(), 85, false, &["--seed", &seed, "--count", "6"]);
    answer_quickly(&mut s, &qs[0]);
    s.expect("Question 2 of 6");
    s.expect(HINT_END);
    s.send(ESC);
    s.expect("End now? Everything answered so far is saved. [y/N]");
    s.send("n\r");
    s.expect(HINT_END);
    s.assert_clean_menu(&options(&qs[1]), true, "back from Esc");
    s.send(ENTER);
    s.expect("Question 3 of 6");
    s.expect(HINT_END);
    s.send(ESC);
    s.expect("End now?");
    s.send("yes\r");
    s.expect("Quiz ended early. Every answer is saved.");
    s.expect("Score: ");
    s.finish();
    assert_eq!(exit_code(&s.session), 0);
}

#[test]
fn a_wrong_typed_answer_gets_no_tick_and_the_override_prompt_keeps_its_keys() {
    let home = TempDir::new().unwrap();
    let qs = questions(home.path(), 5, 2);
    assert!(qs[0].get("options").is_none(), "a typed first question");
    assert!(qs[1].get("options").is_some(), "then a menu");
    let mut s = Screen::quiz(home.path(), 85, true, &["--seed", "5", "--count", "2"]);
    s.expect("Answer");
    s.send("zzzz qqqq");
    s.send(ENTER);
    let shown = s.expect("Wrong.");
    assert!(
        !shown.contains('✔') && !shown.contains('✓'),
        "no tick before a wrong answer: {shown:?}"
    );
    s.expect("I was right: count it as correct?");
    // Every key of "yes" and the Enter belong to this prompt: none may answer the next
    // question (dialoguer's Confirm took the "y" and left "es" and Enter to the menu).
    s.send("yes\r");
    s.expect("Counted as correct.");
    s.expect(HINT_END);
    s.send(DOWN);
    s.send(ENTER);
    s.expect("Score: ");
    s.finish();
    let store = Store::open_existing_read_only(home.path().join("factdeck.sqlite3"))
        .unwrap()
        .unwrap();
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    let answers = store.answers(session.id).unwrap();
    assert_eq!(answers.len(), 2);
    assert_eq!(
        answers[1].given,
        options(&qs[1])[1],
        "the second option, picked with the arrow, not the first by a stray Enter"
    );
}

#[test]
fn an_ordering_is_echoed_in_the_order_submitted_with_its_letters() {
    let home = TempDir::new().unwrap();
    let (seed, at, q) = (0..100)
        .find_map(|seed| {
            let qs = questions(home.path(), seed, 3);
            let at = qs.iter().position(is_order)?;
            Some((seed, at, qs[at].clone()))
        })
        .unwrap();
    let qs = questions(home.path(), seed, 3);
    let mut s = Screen::quiz(
        home.path(),
        85,
        false,
        &["--seed", &seed.to_string(), "--count", "3"],
    );
    for earlier in &qs[..at] {
        answer_quickly(&mut s, earlier);
    }
    s.expect(HINT_END);
    // Move the first item to the end: b, c, …, a.
    s.send(" ");
    let items = options(&q);
    for _ in 1..items.len() {
        s.send(DOWN);
    }
    s.send(" ");
    s.send(ENTER);
    s.expect("Your order:");
    let echoed = s.expect(&format!("{}. a) ", items.len()));
    assert!(echoed.contains("1. b) "), "{echoed}");
}

#[test]
fn the_ctrl_c_farewell_is_wrapped_to_the_terminal() {
    let home = TempDir::new().unwrap();
    let qs = questions(home.path(), 5, 6);
    let mut s = Screen::quiz(home.path(), 60, false, &["--seed", "5", "--count", "6"]);
    answer_quickly(&mut s, &qs[0]);
    s.expect("Question 2 of 6");
    s.send("\x03");
    s.expect("is saved.");
    s.finish();
    assert_eq!(exit_code(&s.session), 130);
    let screen = s.rows().join("\n");
    assert!(
        screen.contains("Quiz interrupted after 1 question"),
        "{screen}"
    );
    for row in 0..ROWS {
        assert!(
            !s.vt.screen().row_wrapped(row),
            "row {row} was wrapped by the terminal:\n{screen}"
        );
    }
}
