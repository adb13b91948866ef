//! What several commands share: the study commands' warning about facts no question can
//! be made about, and the deck id the writing commands take from `--id` or a file name.

use anyhow::Result;

use crate::deck::Deck;
use crate::deck::template;
use crate::exit;
use crate::question::Unaskable;

/// Says which facts no question can be made about, rather than leaving them out silently.
pub fn warn_unaskable(deck: &Deck, unaskable: &[Unaskable]) {
    for u in unaskable {
        let id = deck.facts.get(u.fact).map_or("", |f| f.id());
        eprintln!(
            "factdeck: warning: `{id}` of deck `{}` is left out: {} (`factdeck check` shows where)",
            deck.meta.id, u.reason
        );
    }
}

/// `--id` as given when it is a valid deck id, else one made from the file name.
pub fn deck_id(given: Option<String>, stem: &str) -> Result<String> {
    match given {
        Some(id) if template::slug(&id) == id => Ok(id),
        Some(id) => Err(exit::usage(format!(
            "--id `{id}` is not a deck id: use lowercase letters, digits and single hyphens, \
             like `{}`",
            template::slug(&id)
        ))),
        None => Ok(template::slug(stem)),
    }
}
