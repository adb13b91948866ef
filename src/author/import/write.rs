//! Imported cards as a deck file.

use crate::author::slug::{Ids, slug};
use crate::author::toml_out::{TomlDoc, printable};
use crate::deck::schema;

use super::ImportedCard;

/// The deck's header, and where its cards came from.
#[derive(Debug, Clone)]
pub struct DeckInfo {
    pub id: String,
    pub title: String,
    /// The imported file's name, for the header comment and `[deck.source]`.
    pub source_name: String,
}

/// A deck of one `[[card]]` per card, ids made from the questions.
pub fn write_deck(cards: &[ImportedCard], info: &DeckInfo) -> String {
    let mut doc = TomlDoc::new();
    doc.line(schema::DIRECTIVE);
    doc.comment(&format!(
        "Imported by `factdeck import` from {}: one card per row, ids made from the questions.
Cards in the same `group` lend each other wrong answers for multiple choice; a card
without a group is asked typed only. `accept` lists other answers a typed answer may give.
An import has no source document to quote, so the deck says `quotes = false`; remove it
(and name the source under [deck.source]) to add quotes. Field reference:
`factdeck help deck-format`.",
        info.source_name
    ));
    doc.blank();
    doc.line("[deck]");
    doc.string("id", &info.id);
    let title = printable(&info.title);
    let source = printable(&info.source_name);
    doc.string(
        "title",
        if title.trim().is_empty() {
            &info.id
        } else {
            &title
        },
    );
    doc.string("language", "en");
    doc.raw("quotes", "false");
    doc.blank();
    doc.line("[deck.source]");
    doc.string(
        "title",
        if source.trim().is_empty() {
            "an import"
        } else {
            &source
        },
    );
    let mut ids = Ids::new();
    for card in cards {
        doc.blank();
        doc.line("[[card]]");
        doc.string("id", &ids.unique(&slug(&card.question, "card")));
        doc.string("question", &card.question);
        doc.string("answer", &card.answer);
        doc.strings("accept", &card.accept);
        if let Some(group) = &card.group {
            doc.string("group", group);
        }
        doc.strings("tags", &card.tags);
        if let Some(note) = &card.note {
            doc.string("note", note);
        }
    }
    doc.finish()
}

/// The reverse of each card (the answer asked, the question answered), for `import
/// --reverse`. Reverse cards get groups of their own, `<group>, reversed`: their answers
/// are terms, and a term among definitions would give itself away as the right option.
pub fn reversed(cards: &[ImportedCard]) -> Vec<ImportedCard> {
    cards
        .iter()
        .map(|c| ImportedCard {
            question: c.answer.clone(),
            answer: c.question.clone(),
            accept: super::alternatives::accepted(&c.answer, &c.question),
            note: c.note.clone(),
            tags: c.tags.clone(),
            origin: c.origin.clone(),
            group: Some(match &c.group {
                Some(g) => format!("{g}, reversed"),
                None => "reversed".to_owned(),
            }),
            line: c.line,
        })
        .collect()
}
