//! Writing decks: drafting one from a document, importing flashcards, exporting a deck,
//! installing one into the user's decks directory.
//! Library code only; the commands in `cmd::{draft, import, export}` drive it.

pub mod draft;
pub mod export;
pub mod import;
pub mod install;
pub mod slug;
pub mod toml_out;
