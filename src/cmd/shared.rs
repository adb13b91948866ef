//! What several commands share: the study commands' warning about facts no question can
//! be made about, and the deck id the writing commands take from `--id` or a file name.

use anyhow::Result;

use crate::deck::Deck;
use crate::deck::template;
use crate::exit;
use crate::question::Unaskable;

/// Says which facts no question can be made about, rather than leaving them out silently.
pub fn warn_unaskable(deck: &Deck, unaskable: &[Unaskable]) {
    for warning in unaskable_warnings(deck, unaskable) {
        eprintln!("{warning}");
    }
}

/// How many ids a warning names before "and N more".
const NAMED: usize = 3;

/// One warning per reason, in the order the reasons first come: a large deck can leave out
/// a hundred facts for one reason, which a line each would bury the quiz under.
fn unaskable_warnings(deck: &Deck, unaskable: &[Unaskable]) -> Vec<String> {
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for u in unaskable {
        let id = deck.facts.get(u.fact).map_or("", |f| f.id());
        match reasons.iter_mut().find(|(r, _)| *r == u.reason) {
            Some((_, ids)) => ids.push(id),
            None => reasons.push((&u.reason, vec![id])),
        }
    }
    let deck_id = &deck.meta.id;
    reasons
        .into_iter()
        .map(|(reason, ids)| match ids.as_slice() {
            [id] => format!(
                "factdeck: warning: `{id}` of deck `{deck_id}` is left out: {reason} \
                 (`factdeck check` shows where)"
            ),
            _ => {
                let named: Vec<String> =
                    ids.iter().take(NAMED).map(|id| format!("`{id}`")).collect();
                let list = match ids.len().checked_sub(NAMED) {
                    Some(more) if more > 0 => format!("{} and {more} more", named.join(", ")),
                    _ => named.join(", "),
                };
                format!(
                    "factdeck: warning: {n} facts of deck `{deck_id}` are left out ({list}), \
                     each because {reason} (`factdeck check` shows where)",
                    n = ids.len()
                )
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::askable;
    use crate::question::testing::generator;

    #[test]
    fn facts_left_out_for_one_reason_share_one_warning() {
        let mut text = String::new();
        for i in 0..5 {
            text.push_str(&format!(
                "[[card]]\nid = \"self{i}\"\nquestion = \"Is Pyongyang {i} in Pyongyang {i}?\"\nanswer = \"Pyongyang {i}\"\n"
            ));
        }
        text.push_str("[[change]]\nid = \"dwarf\"\nsubject = \"the category of dwarf planet\"\nafter = \"dwarf planet\"\nverb = \"created\"\n");
        let g = generator(&text);
        let warnings = unaskable_warnings(g.deck(), &askable::unaskable(&g));
        assert_eq!(warnings.len(), 2, "{warnings:#?}");
        assert_eq!(
            warnings[0],
            "factdeck: warning: 5 facts of deck `t` are left out (`self0`, `self1`, `self2` and 2 \
             more), each because its question contains its answer (`factdeck check` shows where)"
        );
        assert!(
            warnings[1].starts_with("factdeck: warning: `dwarf` of deck `t` is left out: "),
            "{}",
            warnings[1]
        );
    }
}
