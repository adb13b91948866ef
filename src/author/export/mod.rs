//! `factdeck export`: a deck as flashcards for Anki (or any spreadsheet), or as JSON.
//!
//! - `anki-tsv`: Anki's plain-text format with its header lines, one Basic note per fact:
//!   the question on the front; the answer, a rule and the explanation on the back (HTML,
//!   so the explanation stands apart and any text survives escaped); the fact's tags.
//! - `csv`: a header row `front,back,explanation,tags`, then one row per fact, plain text.
//! - `json`: the deck in its file's shape (see [`json`]).
//!
//! `factdeck import` reads both flashcard formats back: a deck of cards survives the round
//! trip with the same questions and answers.

pub mod json;
mod rows;

use std::io::{self, Write};

use crate::spreadsheet::neutralised;

use crate::author::import::html;
use crate::deck::Deck;

pub use rows::{EXPORT_SEED, Row, rows};

/// The columns of the CSV export, named so that `factdeck import` maps them back.
pub const CSV_HEADER: [&str; 4] = ["front", "back", "explanation", "tags"];

/// Anki's plain-text format, one note per row.
pub fn write_anki(out: &mut dyn Write, title: &str, rows: &[Row]) -> io::Result<()> {
    let title: String = title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    writeln!(out, "#separator:tab")?;
    writeln!(out, "#html:true")?;
    writeln!(out, "#notetype:Basic")?;
    writeln!(out, "#deck:{title}")?;
    writeln!(out, "#columns:Front\tBack\tTags")?;
    writeln!(out, "#tags column:3")?;
    // For `factdeck import`: a line break in an answer here is part of it (Anki reads a
    // `#` line without a key as a comment).
    writeln!(out, "# {}", crate::author::import::FACTDECK_EXPORT)?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .comment(Some(b'#'))
        .from_writer(out);
    for row in rows {
        let mut back = html::escape(&row.back);
        if !row.explanation.is_empty() {
            back.push_str("<hr>");
            back.push_str(&html::escape(&row.explanation));
        }
        writer
            .write_record([html::escape(&row.front), back, anki_tags(&row.tags)])
            .map_err(io_error)?;
    }
    writer.flush()
}

/// The csv crate wraps I/O failures in its own error; unwrap them again, so that a closed
/// pipe is still a `BrokenPipe` for the caller (`factdeck export … | head` is not an error).
fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Anki tags are separated by spaces, so a space inside a tag becomes `_`.
fn anki_tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// CSV with a header row, fields as plain text (newlines kept inside quoted fields), none
/// of them a spreadsheet formula (`spreadsheet::neutralised`).
pub fn write_csv(out: &mut dyn Write, rows: &[Row]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER).map_err(io_error)?;
    for row in rows {
        let tags = anki_tags(&row.tags);
        let cells = [&row.front, &row.back, &row.explanation, &tags];
        writer
            .write_record(cells.map(|c| neutralised(c).into_owned()))
            .map_err(io_error)?;
    }
    writer.flush()
}

/// The deck as pretty-printed JSON, followed by a newline.
pub fn write_json(out: &mut dyn Write, deck: &Deck) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &json::to_json(deck))?;
    writeln!(out)
}
