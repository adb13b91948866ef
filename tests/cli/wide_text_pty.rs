//! Text wider or narrower on screen than it is long (issue 17): Hangul takes two columns a
//! syllable, a decomposed Vietnamese letter is several characters in one column. The quiz
//! runs in a pseudo-terminal 80 columns wide, its output goes through a terminal emulator
//! (vt100), and the tests look at the screen: arrow keys redraw the menu in place without
//! erasing the question above it, and editing a typed Hangul answer shows what was typed.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{Eof, Expect, NBytes, Session};
use serde_json::Value;
use tempfile::TempDir;

use crate::seeds::Questions;
use crate::test::bin;
use factdeck::deck::Kind;

const DOWN: &str = "\x1b[B";
const LEFT: &str = "\x1b[D";
const BACKSPACE: &str = "\x7f";
const ENTER: &str = "\r";
const ROWS: u16 = 30;
const COLUMNS: u16 = 80;
const HINT_END: &str = "Esc ends";

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A seed whose first question of `deck` (`--kinds card`) is a menu (`menu`) or typed.
fn seed_for(deck: &str, menu: bool) -> (u64, Value) {
    Questions::of(deck, &[Kind::Card]).seed_for_first(1..50, |q| q.get("options").is_some() == menu)
}

struct Screen {
    session: OsSession,
    vt: vt100::Parser,
    columns: u16,
}

impl Screen {
    fn quiz(home: &Path, deck: &str, seed: u64) -> Screen {
        Screen::quiz_sized(home, deck, seed, COLUMNS)
    }

    fn quiz_sized(home: &Path, deck: &str, seed: u64, columns: u16) -> Screen {
        // The parent sets the size; the child waits until it sees it (see terminal_pty.rs).
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "until [ \"$(stty size)\" = \"{ROWS} {columns}\" ]; do sleep 0.01; done; \
                 exec \"$0\" \"$@\""
            ))
            .arg(bin())
            .args(["quiz", deck, "--kinds", "card", "--count", "1"])
            .args(["--seed", &seed.to_string()])
            .env("FACTDECK_HOME", home)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1");
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(columns, ROWS)
            .unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        let size = |n| NonZeroU16::new(n).unwrap();
        Screen {
            session,
            vt: vt100::Parser::new(size(ROWS), size(columns), 0),
            columns,
        }
    }

    fn expect(&mut self, needle: &str) {
        let found = self
            .session
            .expect(needle)
            .unwrap_or_else(|e| panic!("{needle:?}: {e}\n{}", self.rows().join("\n")));
        self.vt.process(found.as_bytes());
    }

    /// Reads the output until the screen's rows pass `shown`. How a long typed line is
    /// written depends on how its keystrokes reach the program (the line redrawn across
    /// the row it wraps onto, or pieces of it), and waiting for it as one string in the
    /// output timed out once in a loaded run of the whole suite though the screen showed
    /// it: what the screen shows is what a user sees, so it is what to wait for.
    fn expect_screen(&mut self, what: &str, shown: impl Fn(&[String]) -> bool) {
        while !shown(&self.rows()) {
            let found = self.session.expect(NBytes(1)).unwrap_or_else(|e| {
                panic!("{what}: {e}\n{}", self.rows().join("\n"));
            });
            self.vt.process(found.as_bytes());
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    fn rows(&self) -> Vec<String> {
        self.vt.screen().rows(0, self.columns).collect()
    }

    fn finish(&mut self) {
        let rest = self.session.expect(Eof).unwrap();
        self.vt.process(rest.as_bytes());
    }
}

/// The question's header and prompt stay on screen once, and the menu shows every option
/// once with one highlight, on rows the terminal did not have to wrap.
fn assert_question_and_menu(s: &Screen, q: &Value, presses: usize) {
    let rows = s.rows();
    let screen = rows.join("\n");
    let context = format!("after {presses} presses of Down:\n{screen}");
    let count = |f: &dyn Fn(&String) -> bool| rows.iter().filter(|r| f(r)).count();
    assert_eq!(count(&|r| r.starts_with("Question 1 of 1")), 1, "{context}");
    let prompt = q["prompt"].as_str().unwrap();
    assert_eq!(count(&|r| r.trim_end() == prompt), 1, "{context}");
    assert_eq!(count(&|r| r.starts_with("> ")), 1, "{context}");
    assert_eq!(count(&|r| r.contains(HINT_END)), 1, "{context}");
    for (i, option) in q["options"].as_array().unwrap().iter().enumerate() {
        let first_word = option.as_str().unwrap().split(' ').next().unwrap();
        let head = format!("{}) {first_word}", (b'a' + i as u8) as char);
        let starts = |r: &String| r.chars().skip(2).collect::<String>().starts_with(&head);
        assert_eq!(count(&starts), 1, "{head}, {context}");
    }
    for row in 0..ROWS {
        assert!(!s.vt.screen().row_wrapped(row), "row {row}, {context}");
    }
}

fn walk_menu(deck: &str) {
    let home = TempDir::new().unwrap();
    let deck = fixture(deck);
    let (seed, q) = seed_for(&deck, true);
    let mut s = Screen::quiz(home.path(), &deck, seed);
    s.expect(HINT_END);
    assert_question_and_menu(&s, &q, 0);
    for presses in 1..=5 {
        s.send(DOWN);
        s.expect(HINT_END);
        assert_question_and_menu(&s, &q, presses);
    }
    s.send(ENTER);
    s.expect("Score:");
    s.finish();
}

#[test]
fn a_menu_of_wide_hangul_options_redraws_in_place() {
    walk_menu("korean-kings.toml");
}

#[test]
fn a_menu_of_decomposed_vietnamese_options_redraws_in_place() {
    walk_menu("vietnam-decomposed.toml");
}

/// A quiz of one typed question about Korean kings, `columns` wide.
fn typed_korean_question(home: &Path, columns: u16) -> Screen {
    let deck = fixture("korean-kings.toml");
    let (seed, _) = seed_for(&deck, false);
    Screen::quiz_sized(home, &deck, seed, columns)
}

/// The row of the answer being typed, from "Answer" on.
fn answer_row(rows: &[String]) -> Option<&str> {
    let row = rows.iter().rev().find(|r| r.contains("Answer"))?;
    Some(row[row.find("Answer")?..].trim_end())
}

impl Screen {
    /// Waits until the answer's row shows `typed` after its prompt. What each key writes
    /// (the whole line again, or only what changed) depends on how the keys arrive, so
    /// the test looks at the screen, not for the text in the output: waiting for
    /// "세종조" as one string timed out once in CI while the screen may well have shown it.
    fn expect_answer(&mut self, typed: &str) {
        let ending = format!(" {typed}");
        self.expect_screen(&format!("the answer {typed:?}"), |rows| {
            answer_row(rows).is_some_and(|row| row.ends_with(&ending))
        });
    }
}

#[test]
fn editing_a_typed_hangul_answer_shows_what_was_typed() {
    let home = TempDir::new().unwrap();
    let mut s = typed_korean_question(home.path(), COLUMNS);
    s.expect("Answer");
    s.send("세종대왕");
    s.expect_answer("세종대왕");
    s.send(BACKSPACE);
    s.send(BACKSPACE);
    s.send("조");
    s.expect_answer("세종조");
    // Into the middle: two to the left, 한 inserted.
    s.send(LEFT);
    s.send(LEFT);
    s.send("한");
    s.expect_answer("세한종조");
    s.send(ENTER);
    s.expect("Your answer: 세한종조");
    s.expect("정답으로 처리할까요?");
    s.send("n\r");
    s.expect("Score:");
    s.finish();
}

#[test]
fn a_hangul_answer_longer_than_a_row_wraps_and_unwraps_cleanly() {
    let home = TempDir::new().unwrap();
    let mut s = typed_korean_question(home.path(), COLUMNS);
    s.expect("Answer");
    // 45 syllables, 90 columns: past the end of the 80-column row.
    let long: String = "가나다라마바사아자".repeat(5);
    s.send(&long);
    let at = s
        .rows()
        .iter()
        .rposition(|r| r.starts_with("Answer"))
        .unwrap();
    // The answer's row and the one it wraps onto, read as one line.
    let answer = move |rows: &[String]| {
        let next = rows.get(at + 1).map_or("", |r| r.trim_end());
        format!("{}{next}", rows[at].trim_end())
    };
    let typed = format!("Answer: {long}");
    s.expect_screen("the whole answer", |rows| answer(rows) == typed);
    for _ in 0..7 {
        s.send(BACKSPACE);
    }
    let kept: String = long.chars().take(38).collect();
    let left = format!("Answer: {kept}");
    s.expect_screen("the answer less 7 syllables", |rows| answer(rows) == left);
    let rows = s.rows();
    assert!(
        rows[at + 2..].iter().all(|r| r.trim().is_empty()),
        "{}",
        rows.join("\n")
    );
    s.send(ENTER);
    s.expect("Your answer:");
    s.expect("정답으로 처리할까요?");
    s.send("n\r");
    s.expect("Score:");
    s.finish();
}

/// On a terminal too narrow for the "I was right" question and its choices on one row, the
/// question goes above the input row: after the answer it is on screen once, not left
/// behind half-cleared.
#[test]
fn a_confirm_too_wide_for_its_row_is_asked_above_it() {
    let home = TempDir::new().unwrap();
    let mut s = typed_korean_question(home.path(), 60);
    s.expect("Answer");
    s.send("태조\r");
    s.expect("정답으로 처리할까요?");
    s.send("n\r");
    s.expect("Score:");
    s.finish();
    let rows = s.rows();
    let asked = rows
        .iter()
        .filter(|r| r.contains("정답으로 처리할까요?"))
        .count();
    assert_eq!(asked, 1, "{}", rows.join("\n"));
    for row in 0..ROWS {
        assert!(
            !s.vt.screen().row_wrapped(row),
            "row {row}:\n{}",
            rows.join("\n")
        );
    }
}

/// Keys typed while the question is still being drawn, before the prompt reads them, wait
/// for it untouched: the terminal neither echoes them nor applies the Backspaces to bytes
/// of the line (which cut a syllable in half and turned the answer into "세종대조").
#[test]
fn keys_typed_before_the_prompt_reads_them_reach_it_as_typed() {
    let home = TempDir::new().unwrap();
    let mut s = typed_korean_question(home.path(), COLUMNS);
    s.expect("Question 1 of 1");
    s.send("세종대왕");
    s.send(BACKSPACE);
    s.send(BACKSPACE);
    s.send("조");
    s.expect_answer("세종조");
    s.send(ENTER);
    s.expect("Your answer: 세종조");
    s.send("n\r");
    s.expect("Score:");
    s.finish();
}
