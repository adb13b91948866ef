//! How a fact will read in English questions, when that can be seen from the deck alone: a
//! figure's `what` goes into "What was {what}?" and "What was {what} before?", so "moons of
//! Mars" makes "What was moons of Mars?". A warning shows the question and the fix.

use std::ops::Range;

use super::Checker;
use crate::deck::diagnostic::{Diagnostic, Recurring};
use crate::deck::model::Fact;

/// Words a noun phrase may open with and still read well after "What was".
const OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "each", "every", "one", "some", "any", "how", "what", "which", "whose",
];

/// Whether `what` needs an article to read as the subject of "What was …?": it opens with
/// a lowercase word that is no article, possessive or question word. A capital ("NASA's
/// budget", "Seoul's population") or a digit is left alone.
fn lacks_article(what: &str) -> bool {
    let Some(first) = what.split_whitespace().next() else {
        return false;
    };
    first.chars().next().is_some_and(char::is_lowercase)
        && !OPENERS.contains(&first.to_lowercase().as_str())
}

impl Checker<'_> {
    /// Warns, in an English deck, about figures whose `what` lacks an article. `id_spans`
    /// is parallel to `facts`.
    pub fn figure_descriptions(
        &mut self,
        facts: &[Fact],
        id_spans: &[Range<usize>],
        language: &str,
    ) {
        let english = language == "en" || language.starts_with("en-");
        if !english {
            return;
        }
        for (fact, span) in facts.iter().zip(id_spans) {
            let Fact::Figure(f) = fact else { continue };
            if !lacks_article(&f.what) {
                continue;
            }
            self.push(
                Diagnostic::warning(format!(
                    "figure `{}` will be asked as \"What was {}?\"",
                    f.meta.id, f.what
                ))
                .at(span.clone())
                .help(format!(
                    "start `what` with an article, such as `what = \"the number of {}\"`",
                    f.what
                ))
                .recurring(Recurring::BareFigure),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lacks_article;

    fn warnings(language: &str, what: &str) -> Vec<String> {
        let text = format!(
            "[deck]\nid = \"p\"\ntitle = \"P\"\nlanguage = \"{language}\"\nquotes = false\n\n\
             [[figure]]\nid = \"m\"\nwhat = \"{what}\"\nvalue = 2\n"
        );
        let loaded = crate::deck::load_str(&text).unwrap();
        loaded.warnings.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn an_english_deck_is_shown_how_a_bare_figure_will_read() {
        assert_eq!(
            warnings("en", "moons of Mars"),
            ["figure `m` will be asked as \"What was moons of Mars?\""]
        );
        assert!(warnings("en", "the number of moons of Mars").is_empty());
        assert!(
            warnings("de", "Monde des Mars").is_empty(),
            "German has its own words"
        );
    }

    #[test]
    fn a_bare_noun_phrase_lacks_an_article_and_a_name_does_not() {
        for bare in ["moons of Mars", "number of delegates", "population"] {
            assert!(lacks_article(bare), "{bare}");
        }
        for fine in [
            "the number of delegates",
            "a record",
            "its height",
            "NASA's budget",
            "Seoul's population",
            "2020 turnout",
            "",
        ] {
            assert!(!lacks_article(fine), "{fine}");
        }
    }
}
