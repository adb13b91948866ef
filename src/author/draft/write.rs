//! The draft deck as TOML: a header that says what to do, then one commented fact per
//! proposal, every value filled in and every phrase a person must write marked `TODO:`.

use crate::author::slug::{Ids, slug};
use crate::author::toml_out::{TomlDoc, printable};
use crate::deck::{FactDate, Precision, schema};

use super::{Found, Proposal};

/// What the deck header says.
#[derive(Debug, Clone)]
pub struct DraftOptions {
    pub id: String,
    pub title: String,
    /// The source document's title, for `[deck.source]`.
    pub source_title: String,
    /// `source.file`: the document's path relative to where the deck is written.
    pub source_file: Option<String>,
    /// How the header comment names the document.
    pub source_name: String,
    /// The deck's `language` tag: the document's, given or guessed.
    pub language: String,
}

/// The marker every phrase left for a person starts with.
pub const TODO: &str = "TODO:";

/// The draft deck's text.
pub fn write(proposals: &[Proposal], options: &DraftOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and every piece written is a `str`.
    let _ = write_to(proposals, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The draft deck written to `out` a few facts at a time, so that a draft of a large
/// document is never held whole in memory.
pub fn write_to(
    proposals: &[Proposal],
    options: &DraftOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    /// Facts per write.
    const CHUNK: usize = 256;
    let mut doc = TomlDoc::new();
    doc.line(schema::DIRECTIVE);
    doc.comment(&header_comment(&options.source_name));
    doc.blank();
    doc.line("[deck]");
    doc.string("id", &options.id);
    doc.string("title", &nonblank(&options.title, &options.id));
    doc.string("language", &nonblank(&options.language, "en"));
    doc.blank();
    doc.line("[deck.source]");
    doc.string(
        "title",
        &nonblank(&options.source_title, &options.source_name),
    );
    if let Some(file) = &options.source_file {
        doc.string("file", &printable(file));
    }
    let mut ids = Ids::new();
    for chunk in proposals.chunks(CHUNK) {
        for p in chunk {
            doc.blank();
            fact(&mut doc, &mut ids, p);
        }
        out.write_all(doc.take().as_bytes())?;
    }
    out.write_all(doc.finish().as_bytes())
}

/// `text` without control characters, or `fallback` when nothing is left.
fn nonblank(text: &str, fallback: &str) -> String {
    let clean = printable(text);
    if clean.trim().is_empty() {
        fallback.to_owned()
    } else {
        clean
    }
}

fn header_comment(source: &str) -> String {
    format!(
        "A draft deck that `factdeck draft` made from {source}.
Every fact below was found by a pattern (a date, a figure, a change) and needs a person:
  1. Replace each \"{TODO} …\" text with a real phrase: `event` names the event, `what`
     says what is counted, `subject` says what changed. The words in brackets are the
     sentence around the value, with the value left out, to help.
  2. Check each value against its quote; fix it, or delete the fact.
  3. Delete the facts not worth asking; add tags, notes, cards, sets and sequences.
`factdeck check` passes while {TODO} texts remain, with a warning for them
(`check --verbose` lists each one that is left; `--strict` fails until none is).
Every quote is the source's own words, verified by `check`.
Field reference: `factdeck help deck-format`; drafting: `factdeck help authoring`."
    )
}

fn fact(doc: &mut TomlDoc, ids: &mut Ids, p: &Proposal) {
    let shown = p
        .matched
        .as_deref()
        .map(|m| format!(": \"{m}\""))
        .unwrap_or_default();
    match &p.found {
        Found::Date {
            date,
            end,
            year_inferred,
        } => {
            let parsed = match end {
                Some(end) => format!("{date} to {end}"),
                None => date.to_string(),
            };
            doc.comment(&format!("line {}, a date{shown} → {parsed}", p.line));
            if *year_inferred {
                doc.comment(&format!(
                    "The sentence gives no year: {} is the year nearest the dates before it. Check it.",
                    date.year_number()
                ));
            }
            doc.line("[[date]]");
            let base = match end {
                Some(end) => format!("date-{date}-to-{end}"),
                None => format!("date-{date}"),
            };
            doc.string("id", &ids.unique(&base));
            doc.string("event", &format!("{TODO} name the event ({})", p.hint));
            doc.raw("date", &date_value(*date));
            if let Some(end) = end {
                doc.raw("end", &date_value(*end));
            }
        }
        Found::Figure { value, unit } => {
            doc.comment(&format!("line {}, a figure{shown} → {value}", p.line));
            doc.line("[[figure]]");
            let unit_words = unit
                .as_deref()
                .map_or("", |u| if u == "%" { "percent" } else { u });
            let base = slug(&format!("figure {value} {unit_words}"), "figure");
            doc.string("id", &ids.unique(&base));
            doc.string("what", &format!("{TODO} say what is counted ({})", p.hint));
            doc.raw("value", &value.to_string());
            if let Some(unit) = unit {
                doc.string("unit", unit);
            }
        }
        Found::Change { .. } => change(doc, ids, p),
    }
    doc.string("quote", &p.quote);
}

fn change(doc: &mut TomlDoc, ids: &mut Ids, p: &Proposal) {
    let Found::Change {
        before,
        after,
        verb,
        subject,
    } = &p.found
    else {
        return;
    };
    let what = match (before, after, verb) {
        (Some(b), Some(a), _) => format!("from \"{b}\" to \"{a}\""),
        (Some(b), None, Some(v)) => format!("\"{b}\" {v}"),
        (None, Some(a), Some(v)) => format!("\"{a}\" {v}"),
        _ => String::new(),
    };
    doc.comment(&format!("line {}, a change: {what}", p.line));
    doc.line("[[change]]");
    let side = before.as_deref().or(after.as_deref()).unwrap_or("");
    doc.string(
        "id",
        &ids.unique(&slug(&format!("change {side}"), "change")),
    );
    let context = subject.as_deref().unwrap_or(&p.hint);
    let ask = match (before, after, verb) {
        (Some(_), Some(_), _) => "say what changed".to_owned(),
        (_, _, Some(v)) => format!("say what kind of thing was {v}"),
        _ => "say what changed".to_owned(),
    };
    doc.string("subject", &format!("{TODO} {ask} ({context})"));
    if let Some(b) = before {
        doc.string("before", b);
    }
    if let Some(a) = after {
        doc.string("after", a);
    }
    if let (Some(v), true) = (verb, before.is_none() || after.is_none()) {
        doc.string("verb", v);
    }
}

/// A day as a TOML date; a month or a year as the string the deck format wants.
fn date_value(d: FactDate) -> String {
    match d.precision() {
        Precision::Day => d.to_string(),
        Precision::Month | Precision::Year => format!("\"{d}\""),
    }
}
