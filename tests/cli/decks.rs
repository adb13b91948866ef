//! `factdeck decks`: the list (ids with their files, exit 0 when decks only have warnings),
//! and `decks add` / `decks remove`, so that a newcomer never needs the directory's path.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::test::factdeck;

const FOOTBALL: &str = "[deck]\nid = \"football\"\ntitle = \"Football laws\"\n\n[deck.source]\ntitle = \"The laws\"\nfile = \"laws.txt\"\n\n[[card]]\nid = \"players\"\nquestion = \"How many players does a team field?\"\nanswer = \"eleven\"\nquote = \"a team fields eleven players\"\n";

#[test]
fn an_added_deck_is_named_by_its_id_from_anywhere_and_removed_by_it() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("mine.toml"), FOOTBALL).unwrap();
    std::fs::write(
        work.path().join("laws.txt"),
        "In a match a team fields eleven players.",
    )
    .unwrap();

    let out = factdeck(home.path())
        .current_dir(work.path())
        .args(["decks", "add", "mine.toml"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("added `football`"), "{stderr}");
    assert!(stderr.contains("factdeck quiz football"), "{stderr}");
    assert!(home.path().join("decks/football.toml").is_file());
    assert!(home.path().join("decks/football.source.txt").is_file());

    // From another directory, by id, with its quotes still verified against its source.
    let elsewhere = tempfile::tempdir().unwrap();
    factdeck(home.path())
        .current_dir(elsewhere.path())
        .args([
            "check",
            home.path().join("decks/football.toml").to_str().unwrap(),
        ])
        .assert()
        .success();
    factdeck(home.path())
        .current_dir(elsewhere.path())
        .args(["generate", "football", "--count", "1", "--seed", "1"])
        .assert()
        .success();

    let list = factdeck(home.path())
        .arg("decks")
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(list.stdout).unwrap();
    assert!(stdout.contains("football  (football.toml)\n"), "{stdout}");
    assert!(stdout.contains("wpk-8th-congress  (bundled)\n"), "{stdout}");

    factdeck(home.path())
        .current_dir(work.path())
        .args(["decks", "add", "mine.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--replace"));
    factdeck(home.path())
        .current_dir(work.path())
        .args(["decks", "add", "--replace", "mine.toml"])
        .assert()
        .success();

    factdeck(home.path())
        .args(["decks", "remove", "football"])
        .assert()
        .success()
        .stderr(predicates::str::contains("score history stays"));
    assert!(!home.path().join("decks/football.toml").exists());
    assert!(!home.path().join("decks/football.source.txt").exists());
    factdeck(home.path())
        .args(["generate", "football"])
        .assert()
        .code(1);
}

#[test]
fn a_deck_with_errors_is_not_added() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let broken = FOOTBALL.replace("answer = \"eleven\"", "answer = \"eleven\",");
    std::fs::write(work.path().join("mine.toml"), broken).unwrap();
    factdeck(home.path())
        .current_dir(work.path())
        .args(["decks", "add", "mine.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("mine.toml:12:18"))
        .stderr(predicates::str::contains("it was not added"));
    assert!(!home.path().join("decks").join("football.toml").exists());
}

#[test]
fn a_quote_missing_from_the_source_is_an_error_before_adding() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("mine.toml"), FOOTBALL).unwrap();
    std::fs::write(work.path().join("laws.txt"), "Nothing about players here.").unwrap();
    factdeck(home.path())
        .current_dir(work.path())
        .args(["decks", "add", "mine.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("is not in"));
}

#[test]
fn decks_exits_zero_when_a_user_deck_only_has_warnings() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("decks")).unwrap();
    // No quotes and a card group too small for multiple choice: two warnings.
    std::fs::write(
        home.path().join("decks/laws.toml"),
        "[deck]\nid = \"football\"\ntitle = \"Football laws\"\n\n[[card]]\nid = \"a\"\nquestion = \"Q?\"\nanswer = \"A\"\n",
    )
    .unwrap();
    let out = factdeck(home.path())
        .arg("decks")
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("football  (laws.toml)\n"), "{stdout}");
    assert!(stdout.contains("2 warnings (`factdeck check"), "{stdout}");
}

#[test]
fn bundled_decks_cannot_be_removed_or_shadowed() {
    let home = tempfile::tempdir().unwrap();
    factdeck(home.path())
        .args(["decks", "remove", "wpk-8th-congress"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bundled decks cannot be removed"));
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        work.path().join("copy.toml"),
        "[deck]\nid = \"wpk-8th-congress\"\ntitle = \"Mine\"\nquotes = false\n",
    )
    .unwrap();
    factdeck(home.path())
        .current_dir(work.path())
        .args(["decks", "add", "copy.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("id of a bundled deck"));
}
