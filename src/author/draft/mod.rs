//! `factdeck draft`: a deck proposed from a plain-text document, for a person to finish.
//!
//! Every sentence is searched for dates, figures and changes ([`find_facts`]); each one found
//! becomes a fact with its value parsed and the sentence as its verbatim `quote`, and with
//! the phrase only a person can write (the event, what is counted, what changed) left as a
//! `"TODO: …"` text ([`write`]). See docs/authoring.md.

mod changes;
mod cjk_dates;
mod dates;
mod detect;
mod excerpt;
mod figures;
mod sentence;
mod token;
mod write;

use std::ops::Range;

use crate::deck::{FactDate, Language, Number, Precision};

use excerpt::collapse;

pub use detect::language_of;
pub use write::{DraftOptions, write, write_to};

/// What was found, with its parsed values.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Date {
        date: FactDate,
        end: Option<FactDate>,
        /// The sentence gives no year: it is the year nearest the dates before it.
        year_inferred: bool,
    },
    Figure {
        value: Number,
        unit: Option<String>,
    },
    Change {
        before: Option<String>,
        after: Option<String>,
        verb: Option<String>,
        /// What changed, when the sentence names it.
        subject: Option<String>,
    },
}

/// One proposed fact and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub found: Found,
    /// The sentence, whitespace collapsed: the fact's `quote`.
    pub quote: String,
    /// 1-based line of the document where the sentence starts.
    pub line: usize,
    /// The words of the sentence that hold the value ("June 7, 2020"), if they are one run.
    pub matched: Option<String>,
    /// The sentence with the value left out, shortened: a hint for the phrase to write.
    pub hint: String,
}

/// Every date, figure and change of an English document, in document order.
pub fn find_facts(doc: &str) -> Vec<Proposal> {
    find_facts_in(doc, Language::English)
}

/// Every date, figure and change of the document, in document order, its dates and
/// numbers read as `language` writes them.
pub fn find_facts_in(doc: &str, language: Language) -> Vec<Proposal> {
    let mut out = Vec::new();
    let mut context: Option<FactDate> = None;
    for s in sentence::sentences(doc) {
        let masked = mask_urls(s.text);
        let toks = token::tokens_in(&masked, language.decimal_mark());
        let found_dates = dates::find(&toks, context, language);
        let byte_span =
            |r: &Range<usize>| match (toks.get(r.start), toks.get(r.end.wrapping_sub(1))) {
                (Some(a), Some(b)) => a.span.start..b.span.end,
                _ => 0..0,
            };
        let mut taken = Vec::new();
        for d in &found_dates {
            let span = byte_span(&d.tokens);
            taken.push(d.tokens.clone());
            if !d.year_inferred && d.date.precision() >= Precision::Month {
                context = Some(d.end.unwrap_or(d.date));
            }
            out.push(proposal(
                s.text,
                s.line,
                span,
                Found::Date {
                    date: d.date,
                    end: d.end,
                    year_inferred: d.year_inferred,
                },
            ));
        }
        let changes = changes::find(s.text);
        // A number inside a change's side ("from three defenders to two") is the change's.
        // Only changes whose verb is near enough for a side to reach the number are looked
        // at (they are in sentence order).
        let in_a_change = |f: &figures::FoundFigure| {
            let words = byte_span(&f.tokens);
            let near = changes.partition_point(|c| c.at + changes::WINDOW < words.start);
            let matched = s.text.get(words.clone()).unwrap_or("");
            changes[near..]
                .iter()
                .take_while(|c| c.at <= words.end + changes::WINDOW)
                .any(|c| {
                    [&c.before, &c.after]
                        .into_iter()
                        .flatten()
                        .any(|side| side.contains(matched))
                })
        };
        for f in figures::find(&toks, &taken)
            .into_iter()
            .filter(|f| !in_a_change(f))
        {
            let span = byte_span(&f.tokens);
            out.push(proposal(
                s.text,
                s.line,
                span,
                Found::Figure {
                    value: f.value,
                    unit: f.unit,
                },
            ));
        }
        for c in changes {
            let at = c.at..c.at;
            out.push(Proposal {
                hint: excerpt::hint(s.text, at.clone()),
                quote: excerpt::quote(s.text, at),
                found: Found::Change {
                    before: c.before,
                    after: c.after,
                    verb: c.verb,
                    subject: c.subject,
                },
                line: s.line,
                matched: None,
            });
        }
    }
    out
}

/// The document's title, when one of its first lines is a heading ("= Title =", "# Title").
pub fn document_title(doc: &str) -> Option<String> {
    doc.lines()
        .take(20)
        .map(str::trim)
        .find(|l| l.starts_with('=') || l.starts_with("# "))
        .map(|l| l.trim_matches(|c: char| c == '=' || c == '#' || c.is_whitespace()))
        .filter(|t| !t.is_empty())
        .map(collapse)
}

fn proposal(text: &str, line: usize, span: Range<usize>, found: Found) -> Proposal {
    Proposal {
        found,
        quote: excerpt::quote(text, span.clone()),
        line,
        matched: text.get(span.clone()).map(collapse),
        hint: excerpt::hint(text, span),
    }
}

/// The sentence with every web address blanked out (same length), so that the numbers in
/// "…/by-sa/4.0/" or "%27" are not taken for figures or dates. One pass: each prefix is
/// searched for again only once the scan has passed where it was last found.
fn mask_urls(text: &str) -> String {
    const PREFIXES: [&str; 3] = ["http://", "https://", "www."];
    let mut next: [Option<usize>; 3] = PREFIXES.map(|p| text.find(p));
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    while let Some(at) = next.iter().flatten().copied().min() {
        out.push_str(&text[done..at]);
        let url_len = text[at..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - at);
        out.extend(std::iter::repeat_n(' ', url_len));
        done = at + url_len;
        for (slot, prefix) in next.iter_mut().zip(PREFIXES) {
            if slot.is_some_and(|p| p < done) {
                *slot = text[done..].find(prefix).map(|p| done + p);
            }
        }
    }
    out.push_str(&text[done..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_left_out_is_the_one_nearest_the_dates_before() {
        let doc = "It met on December 29, 2020, and decided to meet in early January 2021. A report on December 30 confirmed it.";
        let found = find_facts(doc);
        let dates: Vec<String> = found
            .iter()
            .filter_map(|p| match p.found {
                Found::Date {
                    date,
                    year_inferred,
                    ..
                } => Some(format!("{date}{}", if year_inferred { "?" } else { "" })),
                _ => None,
            })
            .collect();
        assert_eq!(dates, ["2020-12-29", "2021-01", "2020-12-30?"]);
        assert_eq!(found[2].quote, "A report on December 30 confirmed it.");
        assert_eq!(found[2].hint, "A report on … confirmed it.");
        assert_eq!(found[2].matched.as_deref(), Some("December 30"));
    }

    /// Documents made of the pieces the patterns look for, in any order and broken anyhow.
    fn document() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            "[A-Za-z]{1,8}",
            Just(" ".to_owned()),
            Just(". ".to_owned()),
            Just(", ".to_owned()),
            Just("\n".to_owned()),
            Just("\n\n- ".to_owned()),
            Just("\n| ".to_owned()),
            Just(" | ".to_owned()),
            "(January|May|Dec\\.|December) [0-9]{1,2}(st|th)?,? [0-9]{4}",
            "[0-9]{1,25}",
            "[0-9]{1,3}(,[0-9]{3}){0,7}(\\.[0-9]{1,9})?( million|%|-day)?",
            "(from|between|until|to|and|–|-) ",
            "(in|since|\\() [0-9]{4}\\)?",
            Just(" changed the name from ".to_owned()),
            Just(" to ".to_owned()),
            Just(" was abolished".to_owned()),
            Just(" established a ".to_owned()),
            Just(" replaced by \"".to_owned()),
            "[\u{0}-\u{1f}\u{7f}\u{85}\u{2028}“”’é]",
            "https?://[a-z0-9/.%]{0,12}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever the document, the draft loads, with nothing worse than warnings, and
        /// every quote is found in the document.
        #[test]
        fn any_document_drafts_a_deck_that_checks(doc in document()) {
            let options = DraftOptions {
                id: "d".into(),
                title: "T".into(),
                source_title: "S".into(),
                source_file: None,
                source_name: "s.txt".into(),
                language: "en".into(),
            };
            let text = write(&find_facts(&doc), &options);
            let loaded = crate::deck::load_str(&text);
            proptest::prop_assert!(loaded.is_ok(), "{:?}\n{text}", loaded.err());
            let loaded = loaded.unwrap();
            let unverified = crate::deck::quote::verify(&loaded, &doc, "s.txt");
            proptest::prop_assert!(unverified.is_empty(), "{unverified:?}\n{text}");
        }
    }

    /// Documents in other scripts and languages, broken anyhow.
    fn document_in_other_languages() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            "[가-힣]{1,6}",
            "[ぁ-んァ-ン一-龥]{1,6}",
            "[а-яА-Я]{1,8}",
            Just(" ".to_owned()),
            Just(". ".to_owned()),
            Just("。".to_owned()),
            Just("\n".to_owned()),
            "[0-9]{1,4}(년|年|월|月|일|日|천|만|억|万|億)",
            "[0-9]{1,3}(\\.[0-9]{3}){0,3}(,[0-9]{1,3})?( Millionen| млн)?",
            "[0-9]{1,2}\\. (Oktober|Mai|März) [0-9]{4}",
            "[0-9]{1,2} (апреля|juillet|de octubre de) [0-9]{4}",
            "[0-9]{4}(년|年) ?(동안|間)?",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// In any language, the draft loads and every quote is the document's own.
        #[test]
        fn any_document_in_any_language_drafts_a_deck_that_checks(
            doc in document_in_other_languages(),
            which in 0usize..6,
        ) {
            let language = [
                Language::Korean, Language::Japanese, Language::German,
                Language::Russian, Language::French, Language::Spanish,
            ][which];
            let options = DraftOptions {
                id: "d".into(),
                title: "T".into(),
                source_title: "S".into(),
                source_file: None,
                source_name: "s.txt".into(),
                language: language.tag().unwrap_or("en").into(),
            };
            let text = write(&find_facts_in(&doc, language), &options);
            let loaded = crate::deck::load_str(&text);
            proptest::prop_assert!(loaded.is_ok(), "{:?}\n{text}", loaded.err());
            let loaded = loaded.unwrap();
            let unverified = crate::deck::quote::verify(&loaded, &doc, "s.txt");
            proptest::prop_assert!(unverified.is_empty(), "{unverified:?}\n{text}");
        }
    }

    #[test]
    fn numbers_in_web_addresses_are_not_figures() {
        let found =
            find_facts("See https://example.org/2020/06/07/a%27b_4.0 and www.x.org/5 for 12 cats.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(mask_urls("a http://x/1 b").len(), "a http://x/1 b".len());
    }
}
