//! Decks: the domain model, and loading it from TOML.

pub mod date;
pub mod facts;
pub mod kinds;
pub mod language;
pub mod model;
pub mod number;

pub use date::{FactDate, Precision};
pub use facts::Facts;
pub use language::Language;
pub use model::*;
pub use number::Number;
pub mod wording;
pub use wording::Wording;
pub mod diagnostic;
pub use diagnostic::{Diagnostic, Lines, Recurring, Severity};
mod checks;
pub mod load;
mod prose_date;
pub(crate) mod raw;
mod suggest;
mod syntax;
mod tables;
pub use load::{Loaded, load_bytes, load_str};
pub mod library;
pub use library::{DeckFile, Library, Origin};
pub mod quote;
pub mod schema;
pub mod template;
