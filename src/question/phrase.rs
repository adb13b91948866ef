//! Small pieces of English shared by the question forms.

use crate::deck::{ChangeFact, ChangeSides, DateFact, Fact, FactMeta, FigureFact};

use super::answer::show_number;

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

/// "the 8th Congress" → "at the 8th Congress", "2026" → "in 2026"; "in 2020" stays as
/// written.
pub fn at_phrase(at: &str) -> String {
    const PREPOSITIONS: &[&str] = &[
        "at", "in", "on", "by", "during", "after", "before", "for", "from", "of", "under", "since",
        "until", "as",
    ];
    let first = at.split_whitespace().next().unwrap_or("").to_lowercase();
    let month = crate::deck::date::MONTH_NAMES
        .iter()
        .any(|m| m.eq_ignore_ascii_case(&first));
    if PREPOSITIONS.contains(&first.as_str()) {
        at.to_owned()
    } else if first.starts_with(|c: char| c.is_ascii_digit()) || month {
        // A year or a month is a time: "in 2026", not "at 2026".
        format!("in {at}")
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
        Some(first) if first.is_ascii() => {
            let mut out = s.to_owned();
            out[..1].make_ascii_uppercase();
            out
        }
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "the title changed from “Chairman” to “General Secretary”."
pub fn change_statement(c: &ChangeFact, from: &str, to: &str) -> String {
    format!(
        "{} changed from {} to {}.",
        c.subject,
        quoted(from),
        quoted(to)
    )
}

/// What a fact says, when the question alone does not show it: a change, a set's members,
/// a sequence in order, a figure's history, a span. Shown after every question about it.
pub fn own_context(fact: &Fact) -> Vec<String> {
    match fact {
        Fact::Change(c) => vec![match &c.sides {
            ChangeSides::Both { before, after } => capitalize(&change_statement(c, before, after)),
            ChangeSides::Removed { before: v, verb }
            | ChangeSides::Established { after: v, verb } => {
                format!("{}: {} was {verb}.", capitalize(&c.subject), quoted(v))
            }
        }],
        Fact::Set(s) => vec![format!(
            "{}: {}.",
            capitalize(&s.name),
            s.members.join(", ")
        )],
        Fact::Sequence(s) => std::iter::once(format!("{}:", capitalize(&s.name)))
            .chain(
                s.items
                    .iter()
                    .enumerate()
                    .map(|(n, item)| format!("{}. {item}", n + 1)),
            )
            .collect(),
        Fact::Figure(f) => f
            .previous
            .iter()
            .map(|prev| {
                // "The number of observers: 1,387 (…)", not "1,387 observers" again.
                let said = f.unit.as_deref().filter(|u| {
                    !crate::grade::normalize::contains_words(
                        &crate::grade::normalize::key(&f.what),
                        &crate::grade::normalize::key(u),
                    )
                });
                let shown = |n| show_number(n, false, said);
                let to = f.at.as_deref().unwrap_or("later");
                format!(
                    "{}: {} ({}), then {} ({to}).",
                    capitalize(&f.what),
                    shown(prev.value),
                    prev.at,
                    shown(f.value)
                )
            })
            .collect(),
        Fact::Date(d) if d.end.is_some() => {
            vec![format!("{}: {}.", capitalize(&d.event), date_phrase(d))]
        }
        Fact::Date(_) | Fact::Card(_) => Vec::new(),
    }
}

/// “text” in typographic quotes.
pub fn quoted(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

/// Whether a quote is a row of a table ("Military | 408 | 719 | −311"): cells, not words.
pub fn is_table_row(quote: &str) -> bool {
    quote.matches(" | ").count() >= 2
}

/// The part of every explanation of a fact that does not depend on the question: its note
/// and the source's words. The generator keeps one per fact. A table row is no sentence to
/// quote: where the fact's own statement (`stated`) already gives its values, it is left out.
pub fn explanation_tail(meta: &FactMeta, stated: bool) -> String {
    let source = meta
        .quote
        .as_ref()
        .filter(|q| !(stated && is_table_row(q)))
        .map(|q| format!("Source: {}", quoted(q)));
    meta.note
        .iter()
        .cloned()
        .chain(source)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What to show after answering: the facts behind the question (`context`), a date's note
/// on its accepted alternatives, then the fact's note and the source's words (`tail`).
pub fn explanation(context: &[String], also_note: Option<&str>, tail: &str) -> String {
    let lines = context
        .iter()
        .map(String::as_str)
        .chain(also_note)
        .chain(Some(tail).filter(|t| !t.is_empty()));
    let mut out = String::with_capacity(tail.len() + 64);
    for (n, line) in lines.enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_phrases_keep_an_authors_preposition() {
        assert_eq!(at_phrase("the 8th Congress"), "at the 8th Congress");
        assert_eq!(at_phrase("in 2020"), "in 2020");
        assert_eq!(at_phrase("2026"), "in 2026");
        assert_eq!(at_phrase("January 2021"), "in January 2021");
        assert_eq!(capitalize("the title"), "The title");
        assert_eq!(capitalize("ŭlchi"), "Ŭlchi");
    }
}
