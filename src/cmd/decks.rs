//! `factdeck decks`: the bundled decks and the user's own, with what they hold.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::DecksArgs;
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
                let place = deck.origin.describe();
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
                eprintln!("factdeck: warning: skipped a deck: {e}");
            }
        }
    }
    writeln!(
        out,
        "\nYour decks directory: {}",
        library.user_dir().display()
    )?;
    writeln!(out, "Score store: {}", data.store().display())?;
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
        deck.origin.describe()
    )
}
