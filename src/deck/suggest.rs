//! "did you mean `answer`?" for a misspelt field or table name: first the word a person
//! writes for a field in another tool or in plain English (`name` for a date's `event`,
//! `from`/`to` for a change's `before`/`after`), knowing which table it is in; then the
//! nearest spelling.

use super::diagnostic::Diagnostic;

/// Words people write for a field, per table (`*` for every fact table): (table, written,
/// meant). Only suggested when the table has the meant field.
const SYNONYMS: &[(&str, &str, &str)] = &[
    ("[deck]", "name", "title"),
    ("[deck]", "lang", "language"),
    ("[deck]", "quote", "quotes"),
    ("[[date]]", "name", "event"),
    ("[[date]]", "title", "event"),
    ("[[date]]", "what", "event"),
    ("[[date]]", "description", "event"),
    ("[[date]]", "when", "date"),
    ("[[date]]", "day", "date"),
    ("[[date]]", "year", "date"),
    ("[[date]]", "on", "date"),
    ("[[date]]", "start", "date"),
    ("[[date]]", "from", "date"),
    ("[[date]]", "to", "end"),
    ("[[date]]", "until", "end"),
    ("[[date]]", "finish", "end"),
    ("[[figure]]", "name", "what"),
    ("[[figure]]", "title", "what"),
    ("[[figure]]", "number", "value"),
    ("[[figure]]", "count", "value"),
    ("[[figure]]", "amount", "value"),
    ("[[figure]]", "when", "at"),
    ("[[change]]", "from", "before"),
    ("[[change]]", "old", "before"),
    ("[[change]]", "was", "before"),
    ("[[change]]", "to", "after"),
    ("[[change]]", "new", "after"),
    ("[[change]]", "became", "after"),
    ("[[change]]", "now", "after"),
    ("[[change]]", "what", "subject"),
    ("[[change]]", "name", "subject"),
    ("[[card]]", "front", "question"),
    ("[[card]]", "prompt", "question"),
    ("[[card]]", "q", "question"),
    ("[[card]]", "back", "answer"),
    ("[[card]]", "a", "answer"),
    ("[[card]]", "response", "answer"),
    ("[[card]]", "alternatives", "accept"),
    ("[[card]]", "aliases", "accept"),
    ("[[card]]", "answers", "accept"),
    ("[[set]]", "title", "name"),
    ("[[set]]", "items", "members"),
    ("[[set]]", "elements", "members"),
    ("[[sequence]]", "title", "name"),
    ("[[sequence]]", "members", "items"),
    ("[[sequence]]", "steps", "items"),
    ("[[sequence]]", "order", "items"),
    ("*", "source", "quote"),
    ("*", "citation", "quote"),
    ("*", "notes", "note"),
    ("*", "explanation", "note"),
    ("*", "tag", "tags"),
];

/// Adds "did you mean `x`?" when `given` is a known field's synonym in `table`, or close to
/// a known name; else lists the names.
pub(crate) fn with_suggestion(
    d: Diagnostic,
    table: &str,
    given: &str,
    known: &[&'static str],
) -> Diagnostic {
    match meant(table, given, known) {
        Some(k) => d.help(format!("did you mean `{k}`?")),
        None => d.help(format!("expected one of: {}", known.join(", "))),
    }
}

/// The known name `given` most likely stands for in `table`.
pub(crate) fn meant(table: &str, given: &str, known: &[&'static str]) -> Option<&'static str> {
    let lower = given.to_lowercase();
    let fact_table = table.starts_with("[[");
    SYNONYMS
        .iter()
        .filter(|(t, written, _)| (*t == table || (*t == "*" && fact_table)) && *written == lower)
        .find_map(|(_, _, field)| known.iter().find(|k| *k == field).copied())
        .or_else(|| closest(given, known))
}

/// The known name nearest to `given`, if it is near enough to be a typo of it.
pub(crate) fn closest(given: &str, known: &[&'static str]) -> Option<&'static str> {
    let near = |k: &str| 2.max(k.len() / 3);
    known
        .iter()
        // The distance is at least the difference in length: skip what cannot be near.
        .filter(|k| given.len().abs_diff(k.len()) <= near(k))
        .map(|k| (strsim::damerau_levenshtein(given, k), *k))
        .filter(|(distance, k)| *distance <= near(k))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Kind;
    use crate::deck::raw;

    #[test]
    fn near_names_are_suggested_and_far_ones_are_not() {
        let known = ["question", "answer", "accept", "group"];
        assert_eq!(closest("answr", &known), Some("answer"));
        assert_eq!(closest("qeustion", &known), Some("question"));
        assert_eq!(closest("colour", &known), None);
    }

    #[test]
    fn the_kind_of_fact_decides_what_a_word_means() {
        assert_eq!(
            meant("[[date]]", "name", Kind::Date.fields()),
            Some("event")
        );
        assert_eq!(meant("[[set]]", "name", Kind::Set.fields()), Some("name"));
        assert_eq!(
            meant("[[change]]", "from", Kind::Change.fields()),
            Some("before")
        );
        assert_eq!(
            meant("[[change]]", "To", Kind::Change.fields()),
            Some("after")
        );
        assert_eq!(meant("[[date]]", "to", Kind::Date.fields()), Some("end"));
        assert_eq!(
            meant("[[card]]", "back", Kind::Card.fields()),
            Some("answer")
        );
        assert_eq!(
            meant("[[figure]]", "source", Kind::Figure.fields()),
            Some("quote")
        );
        assert_eq!(meant("[deck]", "name", raw::HEADER_FIELDS), Some("title"));
        // Not a fact table: `source` is a real field of [deck], never "quote".
        assert_eq!(meant("[deck.source]", "tag", raw::SOURCE_FIELDS), None);
    }

    #[test]
    fn every_synonym_names_a_real_field_of_its_table() {
        let fields = |table: &str| -> &[&str] {
            match Kind::ALL.into_iter().find(|k| k.header() == table) {
                _ if table == "[deck]" => raw::HEADER_FIELDS,
                Some(kind) => kind.fields(),
                None => Kind::Card.fields(),
            }
        };
        for (table, written, field) in SYNONYMS {
            assert!(fields(table).contains(field), "{table} {written} → {field}");
            assert!(
                !fields(table).contains(written),
                "{table}: {written} is a field"
            );
        }
    }
}
