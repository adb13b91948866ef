//! factdeck: study a document as a deck of facts.
//!
//! The binary (`src/main.rs`) is a thin shell over this library; see `ARCHITECTURE.md`.

pub mod deck;
