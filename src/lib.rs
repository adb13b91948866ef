//! factdeck: study a document as a deck of facts.
//!
//! The binary (`src/main.rs`) is a thin shell over this library; see `ARCHITECTURE.md`.

pub mod author;
pub mod cache;
pub mod class;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod config;
pub mod deck;
pub mod exit;
pub mod frontend;
pub mod grade;
pub mod help;
pub mod history;
pub mod hub;
pub mod input;
pub mod learner;
pub mod paths;
pub mod question;
pub mod quiz;
pub mod read;
pub mod report;
pub mod review;
pub mod session;
pub mod spreadsheet;
pub mod srs;
pub mod store;
pub mod sync;
pub mod term;
pub mod words;
