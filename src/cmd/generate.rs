//! `factdeck generate [DECK] [--count N] [--seed S] [--kinds K,...] [--tags T,...] [--all]
//! [--format text|json|markdown] [--options N]`

use compact_str::CompactString;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::cache::{DeckCache, Needs, open_generator};
use crate::cli::{GenerateArgs, OutputFormat};
use crate::deck::{Deck, Library};
use crate::paths::{self, DataDir};
use crate::question::{Selection, Settings, export, random_seed, rng_from_seed, select};
use crate::{exit, term};

/// The most questions one `generate` prints without `--all`: far beyond any printed quiz,
/// and small enough to hold in memory at once.
const MAX_COUNT: usize = 100_000;

pub fn run(args: GenerateArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    // Bundled decks work without a data directory; only user decks need one.
    let data = DataDir::resolve(data_dir).ok();
    let user_decks = data.as_ref().map(DataDir::decks).unwrap_or_default();
    let library = Library::new(user_decks, term::stderr_color());
    let cache = paths::cache_dir(data.as_ref()).and_then(DeckCache::for_this_binary);
    let settings = Settings::new(usize::from(args.questions.options))?;
    // Only a dealt run keeps its questions apart; `--all` asks every form of every fact.
    let needs = Needs {
        settings,
        unaskable: false,
        spoilers: !args.all,
    };
    let generator = open_generator(&library, cache.as_ref(), &args.deck, needs)?.generator;
    let deck = generator.deck();
    let selection = Selection {
        kinds: args.questions.kinds,
        tags: args.questions.tags,
    };
    let facts = select(deck, &selection);
    if facts.is_empty() {
        bail!(nothing_selected(deck, &selection));
    }
    let title = deck.meta.title.clone();
    let mut rng = rng_from_seed(args.questions.seed.unwrap_or_else(random_seed));
    let questions = if args.all {
        generator.all_questions(&facts, &mut rng)
    } else {
        let count = usize::try_from(args.questions.count).unwrap_or(usize::MAX);
        if count > MAX_COUNT {
            return Err(exit::usage(format!(
                "--count {count} is more questions than generate prints at once (at most \
                 {MAX_COUNT}); --all prints every form of every fact"
            )));
        }
        generator.questions(&facts, count, &mut rng)
    };
    if questions.is_empty() {
        bail!("no question can be made from the selected facts");
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        OutputFormat::Text => export::write_text(&mut out, &title, &questions),
        OutputFormat::Markdown => export::write_markdown(&mut out, &title, &questions),
        OutputFormat::Json => export::write_json(&mut out, &questions),
    }
    .and_then(|()| out.flush())
    .context("writing the questions")?;
    Ok(exit::OK)
}

/// Says which filter emptied the selection, and what the deck has instead.
fn nothing_selected(deck: &Deck, selection: &Selection) -> String {
    let mut tags: Vec<&str> = deck
        .facts
        .iter()
        .flat_map(|f| f.meta().tags.iter().map(CompactString::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let mut filters = Vec::new();
    if !selection.kinds.is_empty() {
        let kinds: Vec<&str> = selection.kinds.iter().map(|k| k.as_str()).collect();
        filters.push(format!("--kinds {}", kinds.join(",")));
    }
    if !selection.tags.is_empty() {
        filters.push(format!("--tags {}", selection.tags.join(",")));
    }
    let available = if tags.is_empty() {
        "it has no tags".to_owned()
    } else {
        format!("its tags are: {}", tags.join(", "))
    };
    format!(
        "no fact of deck `{}` matches {} ({}; it has {})",
        deck.meta.id,
        filters.join(" "),
        available,
        crate::deck::format_counts(deck)
    )
}
