//! Verifying that every `quote` appears verbatim in the deck's source document.

use super::diagnostic::Diagnostic;
use super::load::Loaded;

/// Text as compared for quotes: typographic quotes and apostrophes made plain, every run of
/// whitespace one space. Case and everything else must match exactly.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// One error per quote that the source does not contain.
pub fn verify(loaded: &Loaded, source: &str, source_name: &str) -> Vec<Diagnostic> {
    let haystack = normalize(source);
    loaded
        .deck
        .facts
        .iter()
        .zip(&loaded.quote_spans)
        .filter_map(|(fact, span)| {
            let quote = fact.meta().quote.as_ref()?;
            if haystack.contains(&normalize(quote)) {
                return None;
            }
            let d = Diagnostic::error(format!(
                "the quote of `{}` is not in {source_name}",
                fact.id()
            ))
            .label("not found verbatim in the source")
            .help(
                "copy the words exactly from the source (whitespace and curly quotes may differ)",
            );
            Some(match span {
                Some(s) => d.at(s.clone()),
                None => d,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_curly_quotes_do_not_matter_but_words_do() {
        assert_eq!(normalize("  a \n\t b  "), "a b");
        assert_eq!(
            normalize("\u{201C}people-first politics\u{201D}"),
            "\"people-first politics\""
        );
        assert_eq!(normalize("Workers\u{2019} Party"), "Workers' Party");
        assert_ne!(normalize("Chairman"), normalize("chairman"));
    }

    #[test]
    fn a_quote_missing_from_the_source_is_an_error_at_the_quote() {
        let text = "[deck]\nid = \"d\"\ntitle = \"T\"\n[[card]]\nid = \"c\"\nquestion = \"Q\"\nanswer = \"A\"\nquote = \"held in Pyongyang\"\n";
        let loaded = crate::deck::load_str(text).unwrap();
        assert!(verify(&loaded, "It was held\nin   Pyongyang.", "src.txt").is_empty());
        let errors = verify(&loaded, "It was held in Seoul.", "src.txt");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line_column(text), Some((8, 9)));
    }
}
