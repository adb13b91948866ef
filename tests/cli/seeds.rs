//! Seeds with a wanted property (a typed first question, a menu of four options, ...),
//! found in-process through the library: a search once spawned `factdeck generate` for each
//! of up to 400 seeds. The test then runs the real binary once with the seed it found, and
//! its assertions fail if the binary asks anything other than what the library dealt.

use std::ops::Range;
use std::path::Path;

use factdeck::cache::{Needs, open_generator};
use factdeck::deck::library::DEFAULT_DECK;
use factdeck::deck::{Kind, Library};
use factdeck::question::{Generator, Selection, Settings, export, rng_from_seed, select};
use serde_json::Value;

/// The questions `factdeck generate` deals for one deck, kinds and the default options.
#[derive(Debug)]
pub struct Questions {
    generator: Generator,
    facts: Vec<usize>,
}

impl Questions {
    /// The deck as `generate DECK` names it: a bundled id or a path.
    pub fn of(deck: &str, kinds: &[Kind]) -> Questions {
        // A directory that does not exist: no user deck can answer for a bundled id.
        let library = Library::new(Path::new("/nonexistent/factdeck-test-decks").into(), false);
        // As `generate` opens it: default options, a run's questions kept apart.
        let needs = Needs {
            settings: Settings::new(4).unwrap(),
            unaskable: false,
            spoilers: true,
        };
        let generator = open_generator(&library, None, deck, needs)
            .unwrap()
            .generator;
        let selection = Selection {
            kinds: kinds.to_vec(),
            tags: Vec::new(),
        };
        let facts = select(generator.deck(), &selection);
        Questions { generator, facts }
    }

    /// The bundled deck `quiz` and `generate` use when none is named.
    pub fn bundled() -> Questions {
        Questions::of(DEFAULT_DECK, &[])
    }

    /// What `generate --format json --seed SEED --count COUNT` prints, parsed.
    pub fn generated(&self, seed: u64, count: usize) -> Vec<Value> {
        let questions = self
            .generator
            .questions(&self.facts, count, &mut rng_from_seed(seed));
        let mut json = Vec::new();
        export::write_json(&mut json, &questions).unwrap();
        serde_json::from_slice(&json).unwrap()
    }

    /// The first seed in `seeds` whose first `count` questions pass `test`, and those
    /// questions.
    pub fn seed_where(
        &self,
        seeds: Range<u64>,
        count: usize,
        test: impl Fn(&[Value]) -> bool,
    ) -> (u64, Vec<Value>) {
        let described = format!("{seeds:?}");
        seeds
            .map(|seed| (seed, self.generated(seed, count)))
            .find(|(_, qs)| test(qs))
            .unwrap_or_else(|| panic!("no seed in {described} deals such questions"))
    }

    /// The first seed in `seeds` whose first question passes `test`, and that question.
    pub fn seed_for_first(&self, seeds: Range<u64>, test: impl Fn(&Value) -> bool) -> (u64, Value) {
        let (seed, mut qs) = self.seed_where(seeds, 1, |qs| test(&qs[0]));
        (seed, qs.remove(0))
    }
}

/// A question typed in (not a menu, not yes or no).
pub fn is_typed(q: &Value) -> bool {
    q.get("options").is_none() && !q["form"].as_str().unwrap().contains("true_false")
}

#[test]
fn the_library_deals_what_the_binary_generates() {
    // Seed searches rely on this; the golden file holds the binary to seed 42 as well.
    let home = tempfile::tempdir().unwrap();
    for (deck, kinds, kind_arg) in [
        (DEFAULT_DECK.to_owned(), vec![], None),
        (
            format!("{}/tests/fixtures/apollo.toml", env!("CARGO_MANIFEST_DIR")),
            vec![Kind::Card],
            Some("card"),
        ),
    ] {
        let questions = Questions::of(&deck, &kinds);
        for seed in [0, 7, 123] {
            let mut cmd = crate::test::factdeck(home.path());
            cmd.args(["generate", &deck, "--format", "json", "--count", "5"])
                .args(["--seed", &seed.to_string()]);
            if let Some(kind) = kind_arg {
                cmd.args(["--kinds", kind]);
            }
            let out = cmd.output().unwrap();
            assert!(out.status.success(), "{out:?}");
            let printed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(questions.generated(seed, 5), printed, "{deck} seed {seed}");
        }
    }
}
