//! Small pieces of English shared by the question forms.

use crate::deck::{DateFact, Fact, FactMeta, FigureFact};

/// What a fact is about, as a noun phrase: an event, a figure's description, a name.
pub fn label(fact: &Fact) -> String {
    match fact {
        Fact::Date(d) => d.event.clone(),
        Fact::Figure(f) => describe_figure(f),
        Fact::Change(c) => c.subject.clone(),
        Fact::Card(c) => c.question.clone(),
        Fact::Set(s) => s.name.clone(),
        Fact::Sequence(s) => s.name.clone(),
    }
}

/// "the number of delegates at the 8th Congress".
pub fn describe_figure(f: &FigureFact) -> String {
    match &f.at {
        Some(at) => format!("{} {}", f.what, at_phrase(at)),
        None => f.what.clone(),
    }
}

/// "the 8th Congress" → "at the 8th Congress"; "in 2020" stays as written.
pub fn at_phrase(at: &str) -> String {
    const PREPOSITIONS: &[&str] = &[
        "at", "in", "on", "by", "during", "after", "before", "for", "from", "of", "under", "since",
        "until", "as",
    ];
    let first = at.split_whitespace().next().unwrap_or("").to_lowercase();
    if PREPOSITIONS.contains(&first.as_str()) {
        at.to_owned()
    } else {
        format!("at {at}")
    }
}

/// The date, or the span, as prose: "January 5, 2021 to January 12, 2021".
pub fn date_phrase(d: &DateFact) -> String {
    match d.end {
        Some(end) if end != d.date => format!("{} to {}", d.date.human(), end.human()),
        _ => d.date.human(),
    }
}

/// First letter in upper case, for a phrase that starts a sentence.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// “text” in typographic quotes.
pub fn quoted(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

/// What to show after answering: the facts behind the question (`context`), then the
/// fact's note, a date's note on its accepted alternatives, and the source's words.
pub fn explanation(meta: &FactMeta, context: &[String], also_note: Option<&str>) -> String {
    let mut lines: Vec<String> = context.to_vec();
    lines.extend(meta.note.clone());
    lines.extend(also_note.map(str::to_owned));
    if let Some(q) = &meta.quote {
        lines.push(format!("Source: {}", quoted(q)));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_phrases_keep_an_authors_preposition() {
        assert_eq!(at_phrase("the 8th Congress"), "at the 8th Congress");
        assert_eq!(at_phrase("in 2020"), "in 2020");
        assert_eq!(capitalize("the title"), "The title");
        assert_eq!(capitalize("ŭlchi"), "Ŭlchi");
    }
}
