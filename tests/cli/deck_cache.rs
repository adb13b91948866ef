//! The compiled-deck cache, through the real binary: a deck file's first use writes an
//! entry, later ones read it, and no entry, whatever state it is in, changes a question.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bench_deck as synthetic_deck;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use factdeck::cache::entry::{self, DeckKey, FORMAT, Header, Reject};
use factdeck::cache::{DeckCache, stamp};
use tempfile::TempDir;

/// A home, a cache directory and a deck file, each in the test's own temp dir.
struct Setup {
    _tmp: TempDir,
    home: PathBuf,
    cache_dir: PathBuf,
    deck: PathBuf,
}

fn setup(deck_text: &str) -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let cache_dir = tmp.path().join("cache");
    let deck = tmp.path().join("synthetic.toml");
    std::fs::write(&deck, deck_text).unwrap();
    Setup {
        _tmp: tmp,
        home,
        cache_dir,
        deck,
    }
}

fn synthetic() -> Setup {
    setup(&synthetic_deck::synthetic_deck(1_000))
}

fn run(home: &Path, cache_dir: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdeck"))
        .env("FACTDECK_HOME", home)
        .env("FACTDECK_CACHE_DIR", cache_dir)
        .env("FACTDECK_NOW", "2026-11-30T12:00:00Z")
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

impl Setup {
    /// `generate --format json` of 40 questions with a fixed seed: everything a quiz with
    /// that seed would ask, in order.
    fn questions(&self) -> String {
        let deck = self.deck.to_str().unwrap();
        let args = [
            "generate", deck, "--seed", "11", "--count", "40", "--format", "json",
        ];
        let out = run(&self.home, &self.cache_dir, &args, "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The cache as the binary under test sees it.
    fn cache(&self) -> DeckCache {
        let binary = Path::new(env!("CARGO_BIN_EXE_factdeck"));
        DeckCache::new(self.cache_dir.clone(), stamp(binary).unwrap())
    }

    fn key(&self) -> DeckKey {
        DeckKey::of(&std::fs::read(&self.deck).unwrap())
    }

    fn entry_file(&self) -> PathBuf {
        self.cache().entry_path(&self.deck)
    }

    fn entry_is_good(&self) -> bool {
        self.cache().read(&self.deck, self.key()).is_ok()
    }

    /// Rewrites the entry's bytes with `damage`, and checks the cache now refuses it.
    fn damage(&self, damage: impl FnOnce(&mut Vec<u8>), expected: Reject) {
        let mut bytes = std::fs::read(self.entry_file()).unwrap();
        damage(&mut bytes);
        std::fs::write(self.entry_file(), bytes).unwrap();
        assert_eq!(
            self.cache().read(&self.deck, self.key()).err(),
            Some(Some(expected))
        );
    }

    fn entries(&self) -> usize {
        std::fs::read_dir(&self.cache_dir)
            .map(|d| d.count())
            .unwrap_or(0)
    }
}

#[test]
fn the_first_use_writes_an_entry_and_the_next_one_reads_it() {
    let s = synthetic();
    let cold = s.questions();
    assert!(s.entry_is_good(), "no entry after the first use");
    // Prove the next run reads the entry: one written with another title is believed.
    let mut compiled = s.cache().load(&s.deck, s.key()).unwrap();
    compiled.prepared.deck.meta.title = "Title from the cache".to_owned();
    s.cache().save(&s.deck, s.key(), &compiled).unwrap();
    let deck = s.deck.to_str().unwrap();
    let out = run(
        &s.home,
        &s.cache_dir,
        &["generate", deck, "--count", "1"],
        "",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Title from the cache\n"), "{text}");
    assert!(!cold.is_empty());
}

#[test]
fn the_same_seed_asks_the_same_questions_with_and_without_an_entry() {
    let s = synthetic();
    let cold = s.questions();
    assert!(s.entry_is_good());
    let warm = s.questions();
    assert_eq!(cold, warm);
    assert!(cold.matches("\"prompt\"").count() >= 40, "{cold}");
}

#[test]
fn a_quiz_transcript_is_the_same_with_and_without_an_entry() {
    let s = synthetic();
    let deck = s.deck.to_str().unwrap();
    let args = ["quiz", deck, "--plain", "--seed", "5", "--count", "8"];
    let answers = "a\n1900\nb\n999\nc\nnot this\na\n1950\nb\n12\nc\n";
    // Separate homes: the second quiz must not see the first one's score.
    let cold = run(&s.home, &s.cache_dir, &args, answers);
    assert!(s.entry_is_good());
    let warm = run(&s.home.join("second"), &s.cache_dir, &args, answers);
    assert!(cold.status.success());
    let transcript = String::from_utf8_lossy(&cold.stdout);
    assert!(
        transcript.contains("Your first session on this deck."),
        "{transcript}"
    );
    assert_eq!(
        String::from_utf8_lossy(&cold.stdout),
        String::from_utf8_lossy(&warm.stdout)
    );
}

#[test]
fn a_corrupt_entry_is_ignored_and_rewritten() {
    let s = synthetic();
    let expected = s.questions();
    s.damage(
        |b| {
            let middle = b.len() / 2;
            b[middle] ^= 0x20;
        },
        Reject::Corrupt,
    );
    assert_eq!(s.questions(), expected);
    assert!(s.entry_is_good(), "the entry was not rebuilt");
}

#[test]
fn a_truncated_entry_is_ignored_and_rewritten() {
    let s = synthetic();
    let expected = s.questions();
    s.damage(|b| b.truncate(b.len() / 2), Reject::Truncated);
    assert_eq!(s.questions(), expected);
    assert!(s.entry_is_good());
}

#[test]
fn a_foreign_file_in_the_entrys_place_is_ignored_and_replaced() {
    let s = synthetic();
    let expected = s.questions();
    s.damage(
        |b| *b = b"[deck]\nid = \"not a cache entry\"\n".repeat(10),
        Reject::Foreign,
    );
    assert_eq!(s.questions(), expected);
    assert!(s.entry_is_good());
}

#[test]
fn an_entry_of_an_older_format_or_another_build_is_ignored_and_rewritten() {
    let s = synthetic();
    let expected = s.questions();
    let stamp = stamp(Path::new(env!("CARGO_BIN_EXE_factdeck"))).unwrap();
    for older in [
        Header {
            format: FORMAT - 1,
            ..Header::current(stamp, s.key())
        },
        Header::current(stamp ^ 1, s.key()),
    ] {
        let bytes = std::fs::read(s.entry_file()).unwrap();
        let sections = entry::sections(&bytes, &Header::current(stamp, s.key())).unwrap();
        let sections: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
        std::fs::write(s.entry_file(), entry::encode(&older, &sections)).unwrap();
        assert_eq!(
            s.cache().read(&s.deck, s.key()).err(),
            Some(Some(Reject::Stale))
        );
        assert_eq!(s.questions(), expected);
        assert!(s.entry_is_good());
    }
}

/// An entry whose checksums hold but whose facts do not decode can only be written by a
/// faulty factdeck (the build stamp ties it to this very binary); read lazily, such facts
/// still never crash a command.
#[test]
fn facts_that_pass_their_checksum_but_do_not_decode_never_crash_a_command() {
    let s = synthetic();
    s.questions();
    let stamp = stamp(Path::new(env!("CARGO_BIN_EXE_factdeck"))).unwrap();
    let header = Header::current(stamp, s.key());
    let bytes = std::fs::read(s.entry_file()).unwrap();
    let mut sections = entry::sections(&bytes, &header).unwrap();
    assert_eq!(sections.len(), 3, "head, facts, derived");
    sections[1].fill(0xff);
    let sections: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
    std::fs::write(s.entry_file(), entry::encode(&header, &sections)).unwrap();
    assert!(s.entry_is_good(), "the checksums hold");
    let deck = s.deck.to_str().unwrap();
    let out = run(
        &s.home,
        &s.cache_dir,
        &["generate", deck, "--seed", "1", "--count", "3"],
        "",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("could not be read back"),
        "{stdout}{stderr}"
    );
}

/// Renames the synthetic deck to `title`, then `generate`s one question from it, checking
/// first that the old entry no longer passes for the deck; what `generate` printed.
fn edit_then_generate(s: &Setup, title: &str) -> String {
    let text = std::fs::read_to_string(&s.deck).unwrap();
    std::fs::write(&s.deck, text.replace("A synthetic deck", title)).unwrap();
    assert!(!s.entry_is_good());
    assert!(s.cache().load_file(&s.deck).is_none());
    let deck = s.deck.to_str().unwrap();
    let out = run(
        &s.home,
        &s.cache_dir,
        &["generate", deck, "--count", "1"],
        "",
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_edited_deck_is_never_served_from_its_old_entry() {
    let s = synthetic();
    s.questions();
    assert!(edit_then_generate(&s, "An edited deck").starts_with("An edited deck\n"));
    // One entry per deck file: the edit replaced it.
    assert_eq!(s.entries(), 1);
    assert!(s.entry_is_good());
}

#[test]
fn an_edit_that_keeps_the_decks_length_is_never_served_from_its_old_entry() {
    // The entry is read while the deck is hashed, and refused at once only for another
    // length: this edit is caught by the hash, after the entry was decoded.
    let s = synthetic();
    s.questions();
    let before = std::fs::metadata(&s.deck).unwrap().len();
    let out = edit_then_generate(&s, "A synthetic dock");
    assert_eq!(std::fs::metadata(&s.deck).unwrap().len(), before);
    assert!(out.starts_with("A synthetic dock\n"));
    assert!(s.entry_is_good());
    let key = s.key();
    let (compiled, found) = s.cache().load_file(&s.deck).unwrap();
    assert_eq!(found, key);
    assert_eq!(compiled.prepared.deck.meta.title, "A synthetic dock");
}

#[test]
fn an_unwritable_cache_directory_costs_nothing_but_time() {
    let s = synthetic();
    let expected = s.questions();
    let blocked = s.home.join("a-file");
    std::fs::create_dir_all(&s.home).unwrap();
    std::fs::write(&blocked, "not a directory").unwrap();
    let deck = s.deck.to_str().unwrap();
    let args = [
        "generate", deck, "--seed", "11", "--count", "40", "--format", "json",
    ];
    let out = run(&s.home, &blocked.join("cache"), &args, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    let quiz = run(
        &s.home,
        &blocked.join("cache"),
        &["quiz", deck, "--plain", "--seed", "3", "--count", "1"],
        "a\n",
    );
    assert!(quiz.status.success());
    assert!(String::from_utf8_lossy(&quiz.stdout).contains("Question 1 of 1"));
    assert!(!blocked.join("cache").exists());
}

#[test]
fn check_leaves_the_cache_alone() {
    let s = synthetic();
    let deck = s.deck.to_str().unwrap();
    let out = run(&s.home, &s.cache_dir, &["check", deck], "");
    assert!(out.status.success());
    assert_eq!(s.entries(), 0);
}

/// Reading the bundled deck's entry is faster than parsing and checking its text
/// (docs/performance.md, "Start-up"), and must ask the same questions.
#[test]
fn the_bundled_deck_is_read_from_its_entry_with_the_same_questions() {
    let s = synthetic();
    let args = [
        "generate", "--seed", "11", "--count", "40", "--format", "json",
    ];
    let cold = run(&s.home, &s.cache_dir, &args, "");
    assert!(cold.status.success());
    assert_eq!(s.entries(), 1);
    let warm = run(&s.home, &s.cache_dir, &args, "");
    let blocked = s.home.join("a-file");
    std::fs::create_dir_all(&s.home).unwrap();
    std::fs::write(&blocked, "not a directory").unwrap();
    let uncached = run(&s.home, &blocked.join("cache"), &args, "");
    assert_eq!(
        String::from_utf8_lossy(&cold.stdout),
        String::from_utf8_lossy(&warm.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&cold.stdout),
        String::from_utf8_lossy(&uncached.stdout)
    );
    assert!(cold.stdout.len() > 1000);
    // Prove that a start reads the entry: one written with another title is believed.
    let bundled = &factdeck::deck::library::BUNDLED[0];
    let path = PathBuf::from(format!("<bundled>/{}", bundled.file_name));
    let key = DeckKey::of(bundled.toml.as_bytes());
    let mut compiled = s.cache().load(&path, key).unwrap();
    compiled.prepared.deck.meta.title = "Title from the cache".to_owned();
    s.cache().save(&path, key, &compiled).unwrap();
    let out = run(&s.home, &s.cache_dir, &["generate", "--count", "1"], "");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Title from the cache\n"), "{text}");
}

#[test]
fn without_a_cache_variable_entries_go_under_a_chosen_data_directory() {
    let s = synthetic();
    let deck = s.deck.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factdeck"))
        .env("FACTDECK_HOME", &s.home)
        .env_remove("FACTDECK_CACHE_DIR")
        .args(["generate", deck, "--count", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read_dir(s.home.join("cache")).unwrap().count(), 1);
}

#[test]
fn a_broken_deck_reports_its_errors_and_writes_no_entry() {
    let s = setup("[deck]\nid = \"b\"\ntitle = \"B\"\n\n[[card]]\nid = \"c\"\nquestion = \"Q?\"\n");
    let deck = s.deck.to_str().unwrap();
    let out = run(&s.home, &s.cache_dir, &["quiz", deck, "--plain"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing field `answer`"), "{err}");
    assert!(err.contains("synthetic.toml:5:1"), "{err}");
    assert_eq!(s.entries(), 0);
}

/// A card no question can be made about: its question contains its answer.
const UNASKABLE_CARD: &str = "\n[[card]]\nid = \"self\"\nquestion = \"Is Pyongyang in Pyongyang?\"\nanswer = \"Pyongyang\"\n";

#[test]
fn a_warm_quiz_names_the_facts_its_entry_says_no_question_can_be_made_about() {
    let s = setup(&(synthetic_deck::synthetic_deck(1_000) + UNASKABLE_CARD));
    let deck = s.deck.to_str().unwrap();
    let args = ["quiz", deck, "--plain", "--seed", "5", "--count", "1"];
    let cold = run(&s.home, &s.cache_dir, &args, "a\n");
    let warning = "factdeck: warning: `self` of deck `synthetic` is left out: its question \
                   contains its answer";
    assert!(
        String::from_utf8_lossy(&cold.stderr).contains(warning),
        "{}",
        String::from_utf8_lossy(&cold.stderr)
    );
    let warm = run(&s.home.join("second"), &s.cache_dir, &args, "a\n");
    assert_eq!(cold.stderr, warm.stderr);
    assert_eq!(cold.stdout, warm.stdout);

    // Prove a warm start takes them from the entry: a reason written there is believed.
    let mut compiled = s.cache().load(&s.deck, s.key()).unwrap();
    let judged = compiled.known.unaskable.iter_mut().find(|u| u.options == 4);
    judged.unwrap().facts[0].reason = "the entry says so".to_owned();
    s.cache().save(&s.deck, s.key(), &compiled).unwrap();
    let believed = run(&s.home.join("third"), &s.cache_dir, &args, "a\n");
    let err = String::from_utf8_lossy(&believed.stderr);
    assert!(err.contains("is left out: the entry says so"), "{err}");

    // Another number of options is judged afresh, and the entry learns it too.
    let five = [
        "quiz",
        deck,
        "--plain",
        "--seed",
        "5",
        "--count",
        "1",
        "--options",
        "5",
    ];
    let out = run(&s.home.join("fourth"), &s.cache_dir, &five, "a\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains(warning));
    let known = s.cache().load(&s.deck, s.key()).unwrap().known;
    let mut options: Vec<usize> = known.unaskable.iter().map(|u| u.options).collect();
    options.sort_unstable();
    assert_eq!(options, [4, 5]);
}

#[test]
fn a_quiz_completes_an_entry_written_by_review_and_asks_as_from_the_text() {
    let s = synthetic();
    let deck = s.deck.to_str().unwrap();
    let review = run(&s.home, &s.cache_dir, &["review", deck, "--plain"], "");
    assert!(
        review.status.success(),
        "{}",
        String::from_utf8_lossy(&review.stderr)
    );
    let known = s.cache().load(&s.deck, s.key()).unwrap().known;
    assert!(known.spoilers.is_none(), "review has no run to keep apart");
    assert_eq!(known.unaskable.len(), 1);

    let args = ["quiz", deck, "--plain", "--seed", "9", "--count", "6"];
    let answers = "a\n1900\nb\n999\nc\nnot this\n";
    let completed = run(&s.home.join("a"), &s.cache_dir, &args, answers);
    let known = s.cache().load(&s.deck, s.key()).unwrap().known;
    assert!(
        known.spoilers.is_some(),
        "the quiz did not add what it worked out"
    );
    let warm = run(&s.home.join("b"), &s.cache_dir, &args, answers);
    let cold = run(
        &s.home.join("c"),
        &s.home.join("other-cache"),
        &args,
        answers,
    );
    assert!(cold.status.success());
    assert_eq!(
        String::from_utf8_lossy(&cold.stdout),
        String::from_utf8_lossy(&completed.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&cold.stdout),
        String::from_utf8_lossy(&warm.stdout)
    );
}
