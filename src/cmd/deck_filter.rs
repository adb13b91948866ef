//! `--deck ID` for the commands that read the history (`history`, `report`): an id that is
//! neither in the history nor a deck factdeck knows is a mistake worth an error that lists
//! the ids there are, as `factdeck decks` does; a known deck not studied yet is just empty.

use anyhow::{Result, bail};

use crate::deck::Library;
use crate::paths::DataDir;
use crate::store::ScoreHistory;
use crate::term;

pub fn check(store: Option<&dyn ScoreHistory>, deck: Option<&str>, data: &DataDir) -> Result<()> {
    let Some(deck) = deck else {
        return Ok(());
    };
    let studied = match store {
        Some(store) => store.deck_ids()?,
        None => Vec::new(),
    };
    if studied.iter().any(|d| d == deck) {
        return Ok(());
    }
    let library = Library::new(data.decks(), term::stderr_color());
    if library
        .open(deck)
        .is_ok_and(|file| file.loaded.deck.meta.id == deck)
    {
        return Ok(());
    }
    let close = studied
        .iter()
        .find(|d| strsim::damerau_levenshtein(d, deck) <= 3)
        .map(|d| format!(" (did you mean `{d}`?)"))
        .unwrap_or_default();
    let listed = match studied.is_empty() {
        true => "no deck has history yet".to_owned(),
        false => format!("the decks with history are {}", studied.join(", ")),
    };
    bail!("no deck `{deck}` in the history{close}: {listed}; `factdeck decks` lists every deck")
}
