//! `factdeck report` through the real binary: the page it writes for six weeks of study of
//! the bundled deck, its deck filter and its file handling; `browser` renders the page in
//! headless Chromium.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser;
mod study;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use tempfile::TempDir;

pub fn factdeck(home: &Path) -> Command {
    let mut cmd = crate::test::factdeck(home);
    cmd.env("FACTDECK_NOW", study::report_day().to_string())
        .env("TZ", "UTC");
    cmd
}

/// A home with six weeks of study, and the report written for it.
pub fn studied() -> (TempDir, PathBuf) {
    let home = TempDir::new().unwrap();
    study::six_weeks(home.path());
    let page = home.path().join("report.html");
    factdeck(home.path())
        .arg("report")
        .arg("--out")
        .arg(&page)
        .assert()
        .success()
        .stdout(contains("Wrote "));
    (home, page)
}

/// The ids of the charts, in page order.
pub const CHARTS: [&str; 6] = [
    "accuracy",
    "calendar",
    "kinds",
    "forms",
    "retention",
    "forecast",
];

#[test]
fn the_page_has_every_chart_with_a_title_and_a_text_alternative() {
    let (_home, page) = studied();
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<svg ").count(), CHARTS.len());
    for id in CHARTS {
        assert!(
            html.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")),
            "{id}"
        );
        let desc_start = html.find(&format!("<desc id=\"{id}-desc\">")).unwrap();
        let desc = &html[desc_start..desc_start + 200];
        assert!(!desc.contains("No "), "{id} has data: {desc}");
    }
    // Accuracy per mode, the weakest facts by prompt, the retention target.
    for text in [
        "practice: ",
        "exam: ",
        "review: ",
        "cram: ",
        "<h2>Weakest facts</h2>",
        "Fact, as last asked",
        "against a target of 90%",
        "typed date",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // Self-contained: nothing to fetch, no script; both colour schemes.
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for outside in ["<script", " src=", " href=", "url(", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("@media (prefers-color-scheme: dark)"));
}

#[test]
fn a_deck_by_id_or_path_narrows_the_report_and_an_unknown_one_lists_the_decks() {
    let (home, _) = studied();
    let out = home.path().join("one.html");
    factdeck(home.path())
        .args(["report", "wpk-8th-congress", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<h1>Progress: wpk-8th-congress</h1>"));
    let by_path = home.path().join("by-path.html");
    factdeck(home.path())
        .args(["report", "decks/wpk-8th-congress.toml", "--out"])
        .arg(&by_path)
        .assert()
        .success();
    let by_path = std::fs::read_to_string(&by_path).unwrap();
    assert_eq!(by_path, html, "the same deck, named by its file");
    factdeck(home.path())
        .args(["report", "wpk-8th-congres"])
        .current_dir(home.path())
        .assert()
        .code(1)
        .stderr(contains(
            "no deck `wpk-8th-congres` in the history (did you mean `wpk-8th-congress`?): the \
             decks with history are wpk-8th-congress",
        ));
}

#[test]
fn no_store_is_an_empty_report_and_nothing_is_created() {
    let home = TempDir::new().unwrap();
    factdeck(home.path())
        .arg("report")
        .current_dir(home.path())
        .assert()
        .success()
        .stdout(contains("Wrote factdeck-report.html"))
        .stdout(contains("nothing studied yet"));
    assert!(!home.path().join("factdeck.sqlite3").exists());
    let html = std::fs::read_to_string(home.path().join("factdeck-report.html")).unwrap();
    assert_eq!(html.matches("<svg ").count(), CHARTS.len());
    assert!(html.contains("No quiz or review yet"));
}

#[test]
fn out_replaces_a_report_but_never_another_file() {
    let home = TempDir::new().unwrap();
    let notes = home.path().join("notes.html");
    std::fs::write(&notes, "<p>my notes</p>").unwrap();
    factdeck(home.path())
        .args(["report", "--out"])
        .arg(&notes)
        .assert()
        .code(1)
        .stderr(contains("exists and is not a factdeck report"));
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "<p>my notes</p>");
    let page = home.path().join("r.html");
    for _ in 0..2 {
        factdeck(home.path())
            .args(["report", "--out"])
            .arg(&page)
            .assert()
            .success();
    }
}

#[cfg(unix)]
#[test]
fn open_hands_the_page_to_the_desktop_s_opener() {
    use std::os::unix::fs::PermissionsExt;
    let home = TempDir::new().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let opened = home.path().join("opened.txt");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let page = home.path().join("r.html");
    factdeck(home.path())
        .args(["report", "--open", "--out"])
        .arg(&page)
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .assert()
        .success();
    let target = std::fs::read_to_string(&opened).unwrap();
    assert!(target.trim().ends_with("r.html"), "{target}");
}

#[test]
fn one_session_is_counted_in_the_singular() {
    let home = TempDir::new().unwrap();
    factdeck(home.path())
        .args(["quiz", "--plain", "--count", "1", "--seed", "1"])
        .write_stdin("a\nn\n")
        .assert()
        .success();
    factdeck(home.path())
        .arg("report")
        .current_dir(home.path())
        .assert()
        .success();
    let html = std::fs::read_to_string(home.path().join("factdeck-report.html")).unwrap();
    assert!(html.contains(">1 session, 1 answer, as of"), "{html}");
}
