//! `factdeck import`: question/answer files (Quizlet's and Anki's plain-text exports, any
//! CSV or TSV) turned into a deck of `card` facts.
//!
//! Anki's header lines are read first ([`header`]); the rest goes to the `csv` crate, with
//! quoted fields and embedded newlines. Every row that cannot become a card is reported with
//! its line number ([`Problem`]); none is dropped silently.

mod alternatives;
mod groups;
mod header;
pub mod html;
mod quotes;
mod rows;
mod write;

pub use groups::assign as assign_groups;
pub use header::FACTDECK_EXPORT;
pub use write::{DeckInfo, reversed, write_deck};

/// The field separator of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Tsv,
}

impl Format {
    pub fn separator(self) -> u8 {
        match self {
            Format::Csv => b',',
            Format::Tsv => b'\t',
        }
    }

    /// From a file extension: `.csv` is CSV, `.tsv` and `.txt` (Anki, Quizlet) tab-separated.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" | "txt" => Some(Format::Tsv),
            _ => None,
        }
    }
}

/// How to read the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Given on the command line: wins over everything.
    pub format: Option<Format>,
    /// Guessed from the file name: used when the file has no `#separator:` line.
    pub extension: Option<Format>,
}

/// One card read from the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedCard {
    pub question: String,
    pub answer: String,
    /// Other spellings typed answers may use ("to talk" for "to speak, to talk").
    pub accept: Vec<String>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    /// The Anki deck or Quizlet set the card came from, a candidate for its group.
    pub origin: Option<String>,
    /// Cards of one group lend each other wrong options (see [`groups`]).
    pub group: Option<String>,
    /// 1-based line of the file where its row starts.
    pub line: usize,
}

/// A row that could not become a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// What an import found.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub cards: Vec<ImportedCard>,
    pub problems: Vec<Problem>,
    /// Things worth knowing that cost no card (ignored extra columns, a header row).
    pub notices: Vec<String>,
    /// The deck name an Anki `#deck:` line gives.
    pub deck_name: Option<String>,
    pub separator: u8,
    /// Fields were read as HTML (`#html:true`).
    pub html: bool,
}

/// Reads every row of `text`.
pub fn import(text: &str, options: ImportOptions) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = header::Header::parse(text);
    let data = &text[header.bytes..];
    let separator = options
        .format
        .map(Format::separator)
        .or(header.separator)
        .or(options.extension.map(Format::separator))
        .unwrap_or_else(|| sniff(data));
    rows::read(data, &header, separator)
}

/// Tab if the first row has one, else comma.
fn sniff(data: &str) -> u8 {
    let first = data.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') { b'\t' } else { b',' }
}

/// How a separator is named in messages.
pub fn separator_name(separator: u8) -> String {
    match separator {
        b'\t' => "a tab".to_owned(),
        b',' => "a comma".to_owned(),
        b';' => "a semicolon".to_owned(),
        other => format!("`{}`", char::from(other)),
    }
}
