//! The words of questions and explanations, in the deck's language. Each language has one
//! [`Phrasebook`] (a file of data, `en.rs`, `de.rs`, …); the helpers here put a fact's own
//! texts into its templates. A language without a phrasebook is worded in English, except
//! where the author wrote the question (`question` on any fact).

pub mod book;
mod de;
mod en;
mod es;
mod fr;
mod ja;
mod ko;
mod ru;
pub mod show;
mod zh;

pub use book::{Phrasebook, YesNo, fill};

use crate::deck::date::MONTH_NAMES;
use crate::deck::{
    ChangeFact, ChangeSides, DateFact, Fact, FactMeta, FigureFact, Language, Previous,
};

use book::AtRule;

/// The phrasebooks factdeck ships.
pub const SHIPPED: [&Phrasebook; 8] = [
    &en::BOOK,
    &de::BOOK,
    &fr::BOOK,
    &es::BOOK,
    &ru::BOOK,
    &ko::BOOK,
    &ja::BOOK,
    &zh::BOOK,
];

/// The phrasebook of a language; English for a language factdeck has none for.
pub fn book_for(language: Language) -> &'static Phrasebook {
    SHIPPED
        .iter()
        .copied()
        .find(|b| b.language == language)
        .unwrap_or(&en::BOOK)
}

/// Whether factdeck words questions in this language itself.
pub fn is_shipped(language: Language) -> bool {
    SHIPPED.iter().any(|b| b.language == language)
}

/// What a fact is about, as a noun phrase: an event, a figure's description, a name.
pub fn label(fact: &Fact, book: &Phrasebook) -> String {
    super::forms::asked(fact).label(book)
}

/// "the number of delegates at the 8th Congress".
pub fn describe_figure(f: &FigureFact, book: &Phrasebook) -> String {
    describe(&f.what, f.at.as_deref(), book)
}

/// A figure's description with a place in time: its own `at`, or a previous value's.
pub fn describe(what: &str, at: Option<&str>, book: &Phrasebook) -> String {
    match (at, &book.figure.at) {
        (None, _) => what.to_owned(),
        (Some(at), AtRule::EnglishPrepositions) => format!("{what} {}", at_phrase(at)),
        (Some(at), AtRule::Template(t)) => fill(t, &[("what", what), ("at", at)]),
    }
}

/// "the 8th Congress" → "at the 8th Congress", "2026" → "in 2026"; "in 2020" stays as
/// written.
pub fn at_phrase(at: &str) -> String {
    const PREPOSITIONS: &[&str] = &[
        "at", "in", "on", "by", "during", "after", "before", "for", "from", "of", "under", "since",
        "until", "as",
    ];
    let first = at.split_whitespace().next().unwrap_or("").to_lowercase();
    let month = MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(&first));
    if PREPOSITIONS.contains(&first.as_str()) {
        at.to_owned()
    } else if first.starts_with(|c: char| c.is_ascii_digit()) || month {
        // A year or a month is a time: "in 2026", not "at 2026".
        format!("in {at}")
    } else {
        format!("at {at}")
    }
}

/// The span between a figure's previous value and its own: "from the 7th Congress to the
/// 8th Congress", or "since the 7th Congress".
pub fn figure_span(f: &FigureFact, prev: &Previous, book: &Phrasebook) -> String {
    let words = &book.figure;
    match &f.at {
        Some(at) => fill(words.span_between, &[("from", &prev.at), ("to", at)]),
        None => fill(
            words.span_since,
            &[("from", &prev.at), ("later", words.later)],
        ),
    }
}

/// The date, or the span, as prose: "January 5, 2021 to January 12, 2021".
pub fn date_phrase(d: &DateFact, book: &Phrasebook) -> String {
    match d.end {
        Some(end) if end != d.date => fill(
            book.dates.span,
            &[
                ("start", &show::date(d.date, book)),
                ("end", &show::date(end, book)),
            ],
        ),
        _ => show::date(d.date, book),
    }
}

/// First letter in upper case, for a phrase that starts a sentence.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if first.is_ascii() => {
            let mut out = s.to_owned();
            out[..1].make_ascii_uppercase();
            out
        }
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "the title changed from “Chairman” to “General Secretary”."
pub fn change_statement(c: &ChangeFact, from: &str, to: &str, book: &Phrasebook) -> String {
    fill(
        book.change.statement,
        &[
            ("subject", &c.subject),
            ("from", &quoted(from, book)),
            ("to", &quoted(to, book)),
        ],
    )
}

/// The verb of a one-sided change in the deck's language: the loader gives a change
/// without one the English "removed" or "established", which read as the phrasebook's.
pub fn verb<'a>(c: &'a ChangeFact, book: &'a Phrasebook) -> &'a str {
    match &c.sides {
        ChangeSides::Removed { verb, .. } if verb == "removed" => book.change.removed,
        ChangeSides::Established { verb, .. } if verb == "established" => book.change.established,
        ChangeSides::Removed { verb, .. } | ChangeSides::Established { verb, .. } => verb,
        ChangeSides::Both { .. } => "",
    }
}

/// What a fact says, when the question alone does not show it: a change, a set's members,
/// a sequence in order, a figure's history, a span. Shown after every question about it.
pub fn own_context(fact: &Fact, book: &Phrasebook) -> Vec<String> {
    super::forms::asked(fact).own_context(book)
}

/// "{Label}: {value}." — a line of an explanation.
pub fn said(label: &str, value: &str, book: &Phrasebook) -> String {
    let marks = &book.marks;
    format!("{}{}{value}{}", capitalize(label), marks.colon, marks.stop)
}

/// “text” in the language's quotation marks.
pub fn quoted(s: &str, book: &Phrasebook) -> String {
    format!("{}{s}{}", book.marks.open_quote, book.marks.close_quote)
}

/// Whether a quote is a row of a table ("Military | 408 | 719 | −311"): cells, not words.
pub fn is_table_row(quote: &str) -> bool {
    quote.matches(" | ").count() >= 2
}

/// The part of every explanation of a fact that does not depend on the question: its note
/// and the source's words. The generator keeps one per fact. A table row is no sentence to
/// quote: where the fact's own statement (`stated`) already gives its values, it is left out.
pub fn explanation_tail(meta: &FactMeta, stated: bool, book: &Phrasebook) -> String {
    let source = meta
        .quote
        .as_ref()
        .filter(|q| !(stated && is_table_row(q)))
        .map(|q| fill(book.source, &[("quote", &quoted(q, book))]));
    meta.note
        .iter()
        .map(ToString::to_string)
        .chain(source)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What to show after answering: the facts behind the question (`context`), a date's note
/// on its accepted alternatives, then the fact's note and the source's words (`tail`).
pub fn explanation(context: &[String], also_note: Option<&str>, tail: &str) -> String {
    let lines = context
        .iter()
        .map(String::as_str)
        .chain(also_note)
        .chain(Some(tail).filter(|t| !t.is_empty()));
    let mut out = String::with_capacity(tail.len() + 64);
    for (n, line) in lines.enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_phrases_keep_an_authors_preposition() {
        assert_eq!(at_phrase("the 8th Congress"), "at the 8th Congress");
        assert_eq!(at_phrase("in 2020"), "in 2020");
        assert_eq!(at_phrase("2026"), "in 2026");
        assert_eq!(at_phrase("January 2021"), "in January 2021");
        assert_eq!(capitalize("the title"), "The title");
        assert_eq!(capitalize("ŭlchi"), "Ŭlchi");
    }

    #[test]
    fn every_language_is_found_by_its_tag_and_others_fall_back_to_english() {
        for book in SHIPPED {
            let tag = book.language.tag().unwrap();
            assert_eq!(book_for(Language::from_tag(tag)).language, book.language);
            assert!(is_shipped(book.language));
        }
        assert_eq!(book_for(Language::Other).language, Language::English);
        assert!(!is_shipped(Language::Italian));
    }
}
