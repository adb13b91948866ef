//! What a hostile or unlucky user can throw at factdeck, through the real binary: files it
//! must not touch, escapes that must not reach the terminal, cells that must not become
//! formulas, special files, absurd counts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::store::ScoreHistory;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn factdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factdeck").unwrap();
    cmd.env("FACTDECK_HOME", home).env("NO_COLOR", "1");
    cmd
}

const HOSTILE_NAME: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J.toml";

/// Nothing that a terminal would obey: no ESC, BEL, CSI, or bidi override.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text
            .chars()
            .any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{202e}')),
        "{what} let an escape through: {text:?}"
    );
}

// ---- man --dir ---------------------------------------------------------------------------

#[test]
fn man_dir_refuses_existing_pages_and_never_follows_a_symlink() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("man1");
    std::fs::create_dir(&dir).unwrap();
    let victim = home.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("factdeck-check.1")).unwrap();
    std::fs::write(dir.join("factdeck.1"), "mine").unwrap();

    let out = factdeck(home.path())
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("already there") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(
        std::fs::read_to_string(dir.join("factdeck.1")).unwrap(),
        "mine"
    );
    assert!(
        !dir.join("factdeck-quiz.1").exists(),
        "nothing is written when refusing"
    );

    factdeck(home.path())
        .args(["man", "--force", "--dir"])
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let link = dir.join("factdeck-check.1");
    assert!(link.symlink_metadata().unwrap().file_type().is_file());
    assert!(std::fs::read_to_string(link).unwrap().contains(".TH"));
    assert!(
        std::fs::read_to_string(dir.join("factdeck.1"))
            .unwrap()
            .contains(".TH")
    );
}

// ---- CSV formula injection ---------------------------------------------------------------

const FORMULA_DECK: &str = r#"
[deck]
id = "formulas"
title = "Formulas"

[[card]]
id = "one"
question = "=HYPERLINK(\"http://evil.example\",\"click\")"
answer = "@SUM(A1:A9)"
note = "-2+3"

[[card]]
id = "two"
question = "+cmd|' /C calc'!A0"
answer = "plain"
"#;

#[test]
fn export_csv_cells_never_start_a_formula_and_import_takes_them_back() {
    let home = TempDir::new().unwrap();
    let deck = home.path().join("formulas.toml");
    std::fs::write(&deck, FORMULA_DECK).unwrap();
    let out = factdeck(home.path())
        .args(["export", "--format", "csv"])
        .arg(&deck)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    assert!(
        cells.iter().any(|c| c.starts_with("'=HYPERLINK")),
        "{cells:?}"
    );
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula cell: {cell:?}"
        );
    }

    let csv_path = home.path().join("cards.csv");
    std::fs::write(&csv_path, &out.stdout).unwrap();
    let back = factdeck(home.path())
        .arg("import")
        .arg(&csv_path)
        .output()
        .unwrap();
    let toml = String::from_utf8_lossy(&back.stdout);
    assert!(
        toml.contains(r#"=HYPERLINK(\"http://evil.example\""#),
        "{toml}"
    );
    assert!(!toml.contains("'=HYPERLINK"), "{toml}");
}

// ---- escapes on the terminal -------------------------------------------------------------

const SMALL_DECK: &str = r#"
[deck]
id = "tiny"
title = "Tiny"

[[card]]
id = "a"
question = "Capital of France?"
answer = "Paris"

[[card]]
id = "b"
question = "Capital of Spain?"
answer = "Madrid"
"#;

#[test]
fn a_hostile_deck_file_name_reaches_no_terminal_raw() {
    let home = TempDir::new().unwrap();
    let broken = home.path().join(HOSTILE_NAME);
    std::fs::write(&broken, "[deck]\nid = 3\n").unwrap();
    let name = broken.to_str().unwrap();
    let runs: [&[&str]; 3] = [
        &["check", name],
        &["quiz", "--plain", name],
        &["generate", name],
    ];
    for args in runs {
        let out = factdeck(home.path())
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_inert("stderr", &out.stderr);
        assert_inert("stdout", &out.stdout);
        assert!(String::from_utf8_lossy(&out.stderr).contains("x␛]0;pwned␇␛[2J.toml"));
    }
    let missing = home.path().join(format!("missing-{HOSTILE_NAME}"));
    let out = factdeck(home.path())
        .args(["quiz", "--plain"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_inert("a missing deck's error", &out.stderr);

    // In the decks directory, `decks` names it too.
    let decks = home.path().join("decks");
    std::fs::create_dir(&decks).unwrap();
    std::fs::write(decks.join(HOSTILE_NAME), SMALL_DECK).unwrap();
    let out = factdeck(home.path()).arg("decks").output().unwrap();
    assert!(out.status.success());
    assert_inert("decks stdout", &out.stdout);
    assert_inert("decks stderr", &out.stderr);
}

#[test]
fn an_escape_typed_as_an_answer_is_shown_inert_by_history() {
    let home = TempDir::new().unwrap();
    let deck = home.path().join("tiny.toml");
    std::fs::write(&deck, SMALL_DECK).unwrap();
    let typed = "\u{1b}]0;pwned\u{7}\u{1b}[2J=1+1";
    let out = factdeck(home.path())
        .args(["quiz", "--plain", "--count", "1"])
        .arg(&deck)
        .write_stdin(format!("{typed}\nn\n"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for args in [
        &["history"][..],
        &["history", "show", "1"],
        &["history", "show", "1", "--csv"],
        &["history", "--csv"],
    ] {
        let out = factdeck(home.path()).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_inert(&format!("{args:?}"), &out.stdout);
    }
    let show = factdeck(home.path())
        .args(["history", "show", "1"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&show.stdout).contains("␛]0;pwned␇␛[2J=1+1"));
}

#[test]
fn a_bidi_override_in_deck_text_is_a_located_error() {
    let home = TempDir::new().unwrap();
    let deck = home.path().join("bidi.toml");
    std::fs::write(
        &deck,
        SMALL_DECK.replace("Capital of Spain?", "Capital of \u{202e}niapS?"),
    )
    .unwrap();
    let out = factdeck(home.path())
        .arg("check")
        .arg(&deck)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("invisible character U+202E"), "{stderr}");
    assert!(stderr.contains("bidi.toml:13:"), "{stderr}");
    assert_inert("check", &out.stderr);
}

// ---- special files -----------------------------------------------------------------------

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_fifo_or_a_device_is_refused_as_a_deck_or_a_source_without_blocking() {
    let home = TempDir::new().unwrap();
    let fifo = home.path().join("pipe.toml");
    mkfifo(&fifo);
    let deck = home.path().join("tiny.toml");
    std::fs::write(&deck, SMALL_DECK).unwrap();
    let fifo_source = home.path().join("pipe.txt");
    mkfifo(&fifo_source);
    let sourced = home.path().join("sourced.toml");
    std::fs::write(
        &sourced,
        SMALL_DECK.replace(
            "title = \"Tiny\"",
            "title = \"Tiny\"\n\n[deck.source]\ntitle = \"A pipe\"\nfile = \"pipe.txt\"",
        ),
    )
    .unwrap();

    let p = |p: &Path| p.to_str().unwrap().to_owned();
    let runs: Vec<(Vec<String>, &str)> = vec![
        (vec!["check".into(), p(&fifo)], "named pipe (FIFO)"),
        (
            vec!["quiz".into(), "--plain".into(), p(&fifo)],
            "named pipe (FIFO)",
        ),
        (vec!["check".into(), "/dev/zero".into()], "character device"),
        (
            vec!["generate".into(), "/dev/zero".into()],
            "character device",
        ),
        (
            vec!["check".into(), p(&deck), "--source".into(), p(&fifo_source)],
            "named pipe (FIFO)",
        ),
        (vec!["check".into(), p(&sourced)], "named pipe (FIFO)"),
        (vec!["draft".into(), p(&fifo_source)], "named pipe (FIFO)"),
        (
            vec!["import".into(), "/dev/zero".into()],
            "character device",
        ),
    ];
    for (args, expected) in runs {
        let out = factdeck(home.path())
            .args(&args)
            .write_stdin("")
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

// ---- numbers at the limits ---------------------------------------------------------------

fn figure_deck(values: &[&str]) -> String {
    let mut deck = String::from("[deck]\nid = \"limits\"\ntitle = \"Limits\"\n");
    for (i, v) in values.iter().enumerate() {
        deck.push_str(&format!(
            "\n[[figure]]\nid = \"f{i}\"\nwhat = \"figure number {i}\"\nvalue = {v}\ngroup = \"g\"\n"
        ));
    }
    deck
}

#[test]
fn values_beyond_exact_range_are_refused_and_those_within_are_asked_and_graded_exactly() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("limits.toml");
    for refused in [
        "-9223372036854775808",
        "9223372036854775807",
        "-9007199254740993",
        "9007199254740993",
        "-1.7976931348623157e308",
        "-inf",
        "nan",
    ] {
        std::fs::write(&path, figure_deck(&["1", refused])).unwrap();
        let out = factdeck(home.path())
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{refused} was accepted");
        assert!(stderr.contains("limits.toml:14:9"), "{refused}: {stderr}");
    }

    let accepted = [
        "-9007199254740992",
        "9007199254740992",
        "-12345",
        "-0.000001",
    ];
    std::fs::write(&path, figure_deck(&accepted)).unwrap();
    factdeck(home.path())
        .arg("check")
        .arg(&path)
        .assert()
        .success();
    let out = factdeck(home.path())
        .args(["generate", "--all", "--format", "json", "--seed", "3"])
        .arg(&path)
        .output()
        .unwrap();
    let questions: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let typed: Vec<String> = questions
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["form"] == "figure_typed")
        .map(|q| q["answer"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(typed, accepted, "the answer key is the value as written");

    // The same questions in a quiz, answered with the key: every one graded correct.
    let out = factdeck(home.path())
        .args([
            "generate", "--format", "json", "--seed", "9", "--count", "8",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let questions: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let answers: String = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| format!("{}\n", q["answer"].as_str().unwrap()))
        .collect();
    let out = factdeck(home.path())
        .args(["quiz", "--plain", "--seed", "9", "--count", "8"])
        .arg(&path)
        .write_stdin(answers)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout.matches("✓ Correct.").count(), 8, "{stdout}");
}

// ---- generate --count --------------------------------------------------------------------

#[test]
fn an_enormous_count_is_bounded_by_what_the_deck_can_make() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("tiny.toml");
    std::fs::write(&path, SMALL_DECK).unwrap();
    let out = factdeck(home.path())
        .args(["generate", "--count", "4294967295", "--format", "json"])
        .arg(&path)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("memory allocation"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--count"), "{stderr}");
}

// ---- a full disk -------------------------------------------------------------------------

/// A quiz whose files may not grow beyond `kb` KiB (as on a full disk: writes fail), with
/// the key's answers on stdin.
fn quiz_with_file_limit(home: &Path, kb: u32, answers: &str) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("factdeck");
    std::process::Command::new("bash")
        .arg("-c")
        // Ignored, SIGXFSZ stays ignored across exec: writes then fail with EFBIG.
        .arg(format!("trap '' XFSZ; ulimit -f {kb}; exec \"$0\" \"$@\""))
        .arg(bin)
        .args(["quiz", "--plain", "--seed", "4", "--count", "40"])
        .env("FACTDECK_HOME", home)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            let _ = stdin.write_all(answers.as_bytes());
            drop(stdin);
            child.wait_with_output()
        })
        .unwrap()
}

#[test]
fn a_full_disk_says_exactly_what_was_saved_and_leaves_no_empty_session() {
    let seed_home = TempDir::new().unwrap();
    let out = factdeck(seed_home.path())
        .args([
            "generate", "--format", "json", "--seed", "4", "--count", "40",
        ])
        .output()
        .unwrap();
    let questions: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let answers: String = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| format!("{}\n", q["answer"].as_str().unwrap()))
        .collect();

    let mut mid_quiz = false;
    for kb in [40, 64, 80, 96, 112, 128, 160] {
        let home = TempDir::new().unwrap();
        // The store exists, with its schema and no session, before the disk fills up.
        drop(factdeck::store::Store::open(home.path().join("factdeck.sqlite3")).unwrap());
        let out = quiz_with_file_limit(home.path(), kb, &answers);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            continue; // everything fitted
        }
        assert!(
            stderr.contains("the answer just given was not saved"),
            "{kb}: {stderr}"
        );
        let store =
            factdeck::store::Store::open_existing_read_only(home.path().join("factdeck.sqlite3"))
                .unwrap();
        let sessions = match &store {
            Some(store) => store
                .sessions(&factdeck::store::Filter::default(), None)
                .unwrap(),
            None => Vec::new(),
        };
        if stderr.contains("nothing of this session was saved") {
            assert!(
                sessions.is_empty(),
                "{kb}: an empty session was left: {sessions:?}"
            );
            continue;
        }
        mid_quiz = true;
        let [session] = &sessions[..] else {
            panic!("{kb}: {sessions:?}")
        };
        let answered = store.unwrap().answers(session.id).unwrap().len();
        let said = match answered {
            1 => "the answer before it is saved".to_owned(),
            n => format!("the {n} answers before it are saved"),
        };
        assert!(
            stderr.contains(&said),
            "{kb}: {answered} saved, but: {stderr}"
        );
        assert_eq!(
            session.total as usize, answered,
            "{kb}: total agrees with the answers"
        );
    }
    assert!(mid_quiz, "no limit stopped the quiz after its first answer");
}

// ---- standard input ----------------------------------------------------------------------

#[test]
fn invalid_utf8_is_asked_again_and_endless_input_ends_with_a_clear_error() {
    let home = TempDir::new().unwrap();
    let deck = home.path().join("tiny.toml");
    std::fs::write(&deck, SMALL_DECK).unwrap();
    let mut input = b"Par\xeds\n".to_vec();
    input.extend_from_slice(format!("{}\n", "y".repeat(20_000)).as_bytes());
    input.extend_from_slice(b"Paris\nMadrid\n");
    let out = factdeck(home.path())
        .args(["quiz", "--plain", "--count", "1", "--kinds", "card"])
        .arg(&deck)
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("(that line was not UTF-8 text; type it again)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("an answer is at most 1000 characters"),
        "{stdout}"
    );

    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("factdeck"))
        .env("FACTDECK_HOME", home.path())
        .args(["quiz", "--plain", "--count", "1"])
        .arg(&deck)
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("without a line end"), "{stderr}");
}
