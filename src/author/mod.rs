//! Writing decks: drafting one from a document, importing flashcards, exporting a deck.
//! Library code only; the commands in `cmd::{draft, import, export}` drive it.

pub mod draft;
pub mod export;
pub mod import;
pub mod slug;
pub mod toml_out;
