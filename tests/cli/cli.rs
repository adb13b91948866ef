//! The command-line conventions every command shares: help, version, exit codes,
//! completions, man pages, `new`, `decks`, NO_COLOR and closed pipes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

use crate::test::Test;

/// The binary with a fresh, private data directory, and colour left to the terminal.
fn factdeck(home: &TempDir) -> Command {
    let mut cmd = crate::test::factdeck(home);
    cmd.env_remove("NO_COLOR");
    cmd
}

/// One run in a fresh home, colour left to the terminal.
fn test() -> Test {
    Test::new().env_remove("NO_COLOR")
}

#[test]
fn help_and_version_exit_zero() {
    let home = TempDir::new().unwrap();
    factdeck(&home)
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit status: 0 success, 1 error"));
    factdeck(&home)
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("factdeck 0."));
}

#[test]
fn usage_errors_exit_two() {
    test().arg("no-such-command").status(2).run();
    test().arg("check").status(2).run();
    test().args(["history", "--limit", "0"]).status(2).run();
    test().status(2).run();
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        test()
            .args(["completions", shell])
            .stdout_has("factdeck")
            .run();
    }
    test().args(["completions", "tcsh"]).status(2).run();
}

/// The guides come from the binary, for a user who has no `docs/`; `help COMMAND` is clap's.
#[test]
fn help_prints_a_guide_by_name() {
    let home = TempDir::new().unwrap();
    factdeck(&home)
        .args(["help", "deck-format"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "The deck format\n===============\n",
        ))
        .stdout(predicate::str::contains("[[change]]"))
        .stdout(predicate::str::contains("\u{1b}[").not());
    for guide in ["questions", "spaced-repetition", "authoring"] {
        factdeck(&home)
            .args(["help", guide])
            .assert()
            .success()
            .stdout(predicate::str::is_empty().not());
    }
    factdeck(&home)
        .args(["help", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: factdeck check"));
    factdeck(&home)
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "deck-format        every field of a deck",
        ))
        .stdout(predicate::str::contains("docs/deck-format.md").not());
}

#[test]
fn man_page_is_roff_and_can_be_written_per_command() {
    let home = TempDir::new().unwrap();
    factdeck(&home)
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH factdeck 1"));
    let dir = home.path().join("man1");
    factdeck(&home)
        .args(["man", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert!(dir.join("factdeck.1").is_file());
    assert!(dir.join("factdeck-check.1").is_file());
    // The guides of `factdeck help TOPIC` come along.
    for guide in ["deck-format", "questions", "spaced-repetition", "authoring"] {
        let page = std::fs::read_to_string(dir.join(format!("factdeck-{guide}.1"))).unwrap();
        // roff writes a hyphen as `\-`.
        let asked = format!("factdeck help {}", guide.replace('-', "\\-"));
        assert!(page.contains(&asked), "{guide}");
        assert!(page.contains(".SH"), "{guide}");
    }
    factdeck(&home)
        .args(["man", "--dir"])
        .arg(dir.join("factdeck.1"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a file; give a directory"));
}

#[test]
fn new_writes_a_deck_that_checks_and_never_overwrites() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("Solar System.toml");
    factdeck(&home).arg("new").arg(&path).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("id = \"solar-system\""));
    assert!(text.contains("title = \"Solar System\""));
    factdeck(&home)
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok solar-system: 1 date, 1 figure, 1 change, 1 card, 1 set, 1 sequence",
        ));

    std::fs::write(&path, "mine").unwrap();
    factdeck(&home)
        .arg("new")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn new_takes_a_title() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("d.toml");
    factdeck(&home)
        .arg("new")
        .arg(&path)
        .args(["--title", "Mes \"notes\""])
        .assert()
        .success();
    factdeck(&home).arg("check").arg(&path).assert().success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains(r#"title = "Mes \"notes\"""#)
    );
}

#[test]
fn decks_lists_bundled_and_user_decks_and_the_paths() {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    factdeck(&home)
        .arg("new")
        .arg(decks.join("space.toml"))
        .assert()
        .success();
    factdeck(&home)
        .arg("decks")
        .assert()
        .success()
        .stdout(predicate::str::contains("wpk-8th-congress"))
        .stdout(predicate::str::contains("from bundled"))
        .stdout(predicate::str::contains("space  (space.toml)\n"))
        .stdout(predicate::str::contains(decks.display().to_string()))
        .stdout(predicate::str::contains(
            home.path().join("factdeck.sqlite3").display().to_string(),
        ));
}

#[test]
fn data_dir_flag_overrides_the_environment() {
    let home = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    factdeck(&home)
        .arg("--data-dir")
        .arg(other.path())
        .arg("decks")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            other.path().join("decks").display().to_string(),
        ));
}

#[test]
fn a_broken_user_deck_is_reported_but_does_not_hide_the_others() {
    let test = test();
    let decks = test.home().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("broken.toml"), "[deck\n").unwrap();
    test.arg("decks")
        .status(1)
        .stdout_has("wpk-8th-congress")
        .stderr_has("broken.toml")
        .run();
}

#[test]
fn no_color_means_no_escape_sequences() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("bad.toml");
    std::fs::write(&path, "[deck]\nid = \"x\"\ntitle = \"\"\n").unwrap();
    factdeck(&home)
        .env("NO_COLOR", "1")
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}[").not());
}

/// Runs factdeck with its stdout already closed by the reader, as `| head` does.
fn run_into_closed_pipe(home: &TempDir, args: &[&str]) -> std::process::Output {
    use std::process::{Command as Std, Stdio};
    // Close the read end before the child starts, so its first write fails with EPIPE.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Std::new(crate::test::bin())
        .env("FACTDECK_HOME", home.path())
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let home = TempDir::new().unwrap();
    let exports = [
        &["export", "wpk-8th-congress", "--format", "anki-tsv"][..],
        &["export", "wpk-8th-congress", "--format", "csv"],
        &["export", "wpk-8th-congress", "--format", "json"],
    ];
    let others = [
        &["completions", "zsh"][..],
        &["man"],
        &["decks"],
        &["generate", "--all"],
        &["schema"],
    ];
    for args in exports.into_iter().chain(others) {
        let output = run_into_closed_pipe(&home, args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_data_dir_that_is_a_file_is_an_error_not_an_empty_history() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    for command in ["history", "decks", "quiz"] {
        Test::in_home(&file)
            .env_remove("NO_COLOR")
            .args(
                [command, "--plain"]
                    .iter()
                    .take(if command == "quiz" { 2 } else { 1 }),
            )
            .stdin("")
            .status(1)
            .stderr_has("is a file, not a directory")
            .run();
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn decks_warns_about_two_decks_with_one_id() {
    let test = test();
    let decks = test.home().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let bundled_copy = std::fs::read_to_string("decks/wpk-8th-congress.toml").unwrap();
    std::fs::write(decks.join("copy.toml"), bundled_copy).unwrap();
    test.arg("decks")
        .stderr_has("two decks have the id `wpk-8th-congress` (bundled and ")
        .run();
}
