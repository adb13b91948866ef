//! The starter deck that `factdeck new` writes: one commented example of every fact kind.

/// A deck id made from a file name: lowercase ASCII letters and digits joined by hyphens.
pub fn slug(name: &str) -> String {
    crate::words::slug(name, usize::MAX, usize::MAX).unwrap_or_else(|| "my-deck".to_owned())
}

/// "solar-system_facts" → "Solar system facts".
pub fn title_from(stem: &str) -> String {
    let spaced: String = stem
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    let spaced = spaced.trim();
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "My deck".to_owned(),
    }
}

/// The starter deck text. Everything in it is an example to replace. Its first line is the
/// `#:schema` directive editors read (see `deck::schema`).
pub fn starter(id: &str, title: &str) -> String {
    let title = toml_string(title);
    let body = STARTER.replace("{id}", id).replace("{title}", &title);
    format!("{}\n{body}", super::schema::DIRECTIVE)
}

/// A TOML basic string holding `s`, escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // A deck may not hold control characters; drop them rather than write a broken deck.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const STARTER: &str = r#"# A factdeck deck. Every field is described by `factdeck help deck-format`.
# Replace the examples below with facts from your own document, then run
#   factdeck check THIS-FILE
# Editors with taplo (VS Code: Even Better TOML) complete and check fields as you type,
# through the line above and deck.schema.json beside this file (`factdeck schema`).
# This deck checks without a warning. A small deck of your own may expect two kinds:
# a fact without a `quote`, and a card `group` (or a set without a `sort`) with too few
# answers of its sort for four options, whose questions get three options or are typed.

[deck]
id = "{id}"          # stable: your score history is kept under this id
title = {title}
description = "What this deck covers, in a sentence."
language = "en"      # questions are worded in it: en, de, fr, es, ru, ko, ja, zh

# Where the facts come from. With `file`, `factdeck check` verifies every quote
# against that text (the path is relative to this deck).
[deck.source]
title = "The document these facts come from"
# url = "https://example.org/the-document"
# license = "CC BY-SA 4.0"
# file = "the-document.txt"

# Every fact has an `id` (unique, stable), and may have `tags`, a `quote`
# (the source's own words) and a `note` (shown after answering).

# A date: asked as "When was ...?", "Which happened first?" and "Put these in order".
[[date]]
id = "moon-landing"
event = "the first crewed Moon landing"
date = 1969-07-20          # or "1969-07" or "1969" for a month or a year
tags = ["space"]
quote = "Apollo 11 landed on the Moon on July 20, 1969."

# A figure: asked as "What was ...?", "Which was larger?" and, with `previous`,
# "By how much did it change?"
[[figure]]
id = "apollo-crew"
what = "the number of astronauts on Apollo 11"
value = 3
unit = "astronauts"
# tolerance = 1            # or "5%": how far a typed answer may be off
# group = "crews"          # figures in one group are compared with each other
# previous = { value = 2, at = "Gemini" }
quote = "Apollo 11 carried three astronauts."

# A change: what something was before and after. Leave out `after` for something
# removed, or `before` for something new (with `verb`, e.g. "abolished").
[[change]]
id = "pluto-status"
subject = "Pluto's classification"
before = "planet"
after = "dwarf planet"
quote = "In 2006 Pluto was reclassified from a planet to a dwarf planet."

# A card: a free question. Its wrong options are other answers of its `sort` (or
# `group`): other cards' answers, set members and change sides of that sort.
[[card]]
id = "first-step"
question = "Who first stepped onto the Moon?"
answer = "Neil Armstrong"
accept = ["Armstrong"]
sort = "astronaut"
note = "Buzz Aldrin followed him about twenty minutes later."
quote = "Neil Armstrong was the first person to step onto the Moon."

# A set: members in no particular order ("Which of these was a member of ...?", with
# texts of its `sort` that are not members as wrong options, and "How many members ...?").
[[set]]
id = "apollo-11-crew"
name = "the crew of Apollo 11"
members = ["Neil Armstrong", "Buzz Aldrin", "Michael Collins"]
sort = "astronaut"
quote = "The crew were Neil Armstrong, Buzz Aldrin and Michael Collins."

# A sequence: items in order ("Put these in order", "What came after ...?").
[[sequence]]
id = "apollo-11-stages"
name = "the stages of the Apollo 11 mission"
items = ["launch", "lunar orbit", "landing", "return to Earth"]
quote = "The mission went from launch to lunar orbit, landing, and return to Earth."
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_deck_ids() {
        assert_eq!(slug("My Deck (v2)"), "my-deck-v2");
        assert_eq!(slug("Ŭlchi"), "ulchi");
        assert_eq!(slug("---"), "my-deck");
    }

    #[test]
    fn the_starter_deck_loads_with_every_kind_and_any_title() {
        let text = starter("space-facts", "Space \"facts\" \\ \u{7}");
        let loaded = crate::deck::load_str(&text).unwrap();
        assert!(loaded.deck.counts().iter().all(|(_, n)| *n == 1));
        assert_eq!(loaded.deck.meta.title, "Space \"facts\" \\");
        assert!(text.starts_with("#:schema ./deck.schema.json\n"));
    }

    #[test]
    fn the_starter_deck_checks_without_a_warning() {
        let loaded = crate::deck::load_str(&starter("space-facts", "Space")).unwrap();
        let warnings: Vec<_> = loaded.warnings.iter().map(|w| &w.message).collect();
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
