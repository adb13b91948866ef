//! `factdeck decks`: the bundled decks and the user's own, with what they hold.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::DecksArgs;
use crate::deck::library::LibraryError;
use crate::deck::{DeckFile, Library};
use crate::paths::DataDir;
use crate::{exit, term};

pub fn run(_args: DecksArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let data = DataDir::resolve(data_dir)?;
    let library = Library::new(data.decks(), term::stderr_color());
    let mut out = std::io::stdout().lock();
    let mut broken = 0;
    let mut seen: HashMap<String, String> = HashMap::new();
    for entry in library.list() {
        match entry {
            Ok(deck) => {
                writeln!(out, "{}", describe(&deck)).context("writing the deck list")?;
                let id = deck.loaded.deck.meta.id.clone();
                let place = term::visible(&deck.origin.describe()).into_owned();
                if let Some(first) = seen.get(&id) {
                    // Only one of them can be named by its id, and they would share history.
                    eprintln!(
                        "factdeck: warning: two decks have the id `{id}` ({first} and {place}); \
                         give one another id: score history is kept per deck id"
                    );
                } else {
                    seen.insert(id, place);
                }
            }
            Err(e) => {
                broken += 1;
                // A broken deck's report is rendered from visible parts; other errors name
                // a path as it is.
                let shown = match e {
                    LibraryError::Invalid { .. } => e.to_string(),
                    _ => term::visible(&e.to_string()).into_owned(),
                };
                eprintln!("factdeck: warning: skipped a deck: {shown}");
            }
        }
    }
    writeln!(
        out,
        "\nYour decks directory: {}",
        term::visible_path(library.user_dir())
    )?;
    writeln!(out, "Score store: {}", term::visible_path(&data.store()))?;
    Ok(if broken > 0 { exit::ERROR } else { exit::OK })
}

/// `wpk-8th-congress  8th Congress of …  (12 date, 30 figure, …)  bundled`
fn describe(deck: &DeckFile) -> String {
    let d = &deck.loaded.deck;
    format!(
        "{}\n  {}\n  {} facts: {}\n  from {}",
        d.meta.id,
        d.meta.title,
        d.facts.len(),
        crate::deck::format_counts(d),
        term::visible(&deck.origin.describe())
    )
}
