//! Figures written in prose: "7,000 people", "an 80-day campaign", "12.5%", "6.2 million",
//! "every four years", "8천만 명", "1億2808万人".

use std::ops::Range;

use crate::deck::Number;
use crate::read::{cjk_numbers, number, numerals};

use super::dates;
use super::token::{Tok, Token};

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    /// Token indices it covers.
    pub tokens: Range<usize>,
    pub value: Number,
    /// A guess from the words after the number ("people", "days", "%").
    pub unit: Option<String>,
}

/// Words that follow a number without being what it counts.
const NOT_UNITS: &[&str] = &[
    "and",
    "or",
    "of",
    "the",
    "a",
    "an",
    "to",
    "from",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "which",
    "that",
    "who",
    "whom",
    "this",
    "these",
    "those",
    "it",
    "as",
    "than",
    "more",
    "less",
    "over",
    "under",
    "about",
    "per",
    "each",
    "out",
    "into",
    "but",
    "not",
    "all",
    "also",
    "there",
    "then",
    "when",
    "while",
    "including",
    "among",
];

/// Lower-case nouns after which a number names something ("article 5", "flight 93").
const NAMING_NOUNS: &[&str] = &[
    "article",
    "section",
    "chapter",
    "clause",
    "paragraph",
    "page",
    "figure",
    "table",
    "line",
    "route",
    "flight",
    "room",
    "gate",
    "platform",
    "track",
    "level",
    "stage",
    "phase",
    "step",
    "version",
    "model",
    "verse",
    "amendment",
    "part",
    "act",
    "volume",
    "vol",
    "issue",
    "episode",
    "season",
    "number",
    "no",
    "item",
    "appendix",
    "grade",
    "class",
    "type",
    "mark",
    "series",
    "division",
    "district",
    "ward",
    "zone",
    "sector",
    "block",
    "lot",
    "row",
    "seat",
    "terminal",
    "exit",
    "junction",
    "highway",
    "road",
    "bus",
    "channel",
    "law",
    "rule",
    "resolution",
    "decree",
    "squadron",
    "regiment",
    "battalion",
    "unit",
    "apollo",
    "gemini",
];

/// Capitalised words that begin a count rather than name it ("Over 400 people").
const COUNT_OPENERS: &[&str] = &[
    "about",
    "some",
    "over",
    "nearly",
    "almost",
    "only",
    "around",
    "approximately",
    "roughly",
    "just",
    "exactly",
    "more",
    "fewer",
    "less",
    "at",
    "up",
    "to",
    "in",
    "by",
    "on",
    "of",
    "for",
    "with",
    "all",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "its",
    "their",
    "his",
    "her",
    "our",
    "these",
    "those",
    "this",
    "that",
    "another",
    "each",
    "every",
    "under",
    "between",
    "from",
    "since",
    "after",
    "before",
    "during",
    "until",
    "than",
    "many",
    "most",
    "several",
    "total",
    "when",
    "while",
    "both",
    "any",
    "no",
];

/// Every figure of a sentence whose tokens are not in `taken` (the dates, in order).
pub fn find(t: &[Token<'_>], taken: &[Range<usize>]) -> Vec<FoundFigure> {
    // `taken` is in sentence order: one pass over it, however many dates the sentence has.
    let mut taken = taken.iter().peekable();
    let mut out = Vec::new();
    let mut named = vec![false; t.len()];
    let mut i = 0;
    while i < t.len() {
        while taken.peek().is_some_and(|r| r.end <= i) {
            taken.next();
        }
        if taken.peek().is_some_and(|r| r.contains(&i)) {
            i += 1;
            continue;
        }
        if t[i].num().is_some() && names_something(t, i, &named) {
            named[i] = true;
            i += 1;
            continue;
        }
        match figure_at(t, i) {
            Some(f) => {
                i = f.tokens.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether the number at `i` is part of a name: "Apollo 11", "Boeing 747", "article 5",
/// and the numbers listed after one ("Apollo 18, 19 and 20"). `named` marks the numbers
/// before `i` found to be names.
fn names_something(t: &[Token<'_>], i: usize, named: &[bool]) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &t[p]) else {
        return false;
    };
    if !t[i].space_before {
        return false;
    }
    let lower = prev.text.to_lowercase();
    let possessive = lower.ends_with("'s") || lower.ends_with('\u{2019}');
    let capitalised_name = prev.is_capitalized()
        && !possessive
        && !dates::is_month(prev)
        && !COUNT_OPENERS.contains(&lower.as_str());
    let naming_noun = prev.tok == Tok::Word && NAMING_NOUNS.contains(&lower.as_str());
    let listed = i >= 2
        && named[i - 2]
        && (prev.is_punct(',') || ["and", "or", "to"].iter().any(|w| prev.is_word(w)))
        || i >= 3 && named[i - 3] && t[i - 2].is_punct(',') && prev.is_word("and");
    capitalised_name || naming_noun || listed
}

fn figure_at(t: &[Token<'_>], i: usize) -> Option<FoundFigure> {
    let token = &t[i];
    let (value, decimals) = match token.tok {
        Tok::Number(n) if counts(t, i) && !dates::is_currency_year(t, i) => (n.value, n.decimals),
        Tok::Word => {
            let lower = token.text.to_lowercase();
            // "one" is more often a pronoun than a count; "thousand" alone multiplies.
            let v = numerals::value_of(&lower).filter(|v| (2..=100).contains(v))?;
            // "four years", "five-year": a number word counts something only with a noun.
            let noun = t.get(i + 1).is_some_and(|n| {
                n.tok == Tok::Word && !NOT_UNITS.contains(&n.text.to_lowercase().as_str())
                    || n.is_punct('-') && !n.space_before
            });
            noun.then_some((v as f64, 0))?
        }
        _ => return None,
    };
    let mut next = i + 1;
    let mut value = value;
    let mut decimals = decimals;
    if let Some(w) = t.get(next)
        && w.tok == Tok::Word
        && w.space_before
        // One or two letters ("5 m", "3 k") are units in prose, not "million" and "thousand".
        && w.text.chars().count() > 2
        && let Some(m) = number::multiplier(&w.text.to_lowercase())
    {
        value *= m;
        decimals = 0;
        next += 1;
    }
    if let Some((total, after)) = cjk_units(t, next, value) {
        value = total;
        decimals = 0;
        next = after;
    }
    // Beyond 2^53 a figure cannot be held exactly (the loader refuses it): not a count.
    if value.abs() > 9_007_199_254_740_992.0 {
        return None;
    }
    let (unit, next) = unit_after(t, next);
    let unit = unit.or_else(|| currency_before(t, i));
    let number = if decimals == 0 && value.fract() == 0.0 {
        Number::integer(value as i64)
    } else {
        Number::decimal(value, decimals)
    };
    Some(FoundFigure {
        tokens: i..next,
        value: number,
        unit,
    })
}

/// A number going on in Chinese, Japanese or Korean units glued to it ("8천만", "1억
/// 2808만", "3.5亿"): the whole value, and the index of the token after the last unit.
/// A unit word that goes on in letters ("만명") is left out of the figure.
fn cjk_units(t: &[Token<'_>], i: usize, lead: f64) -> Option<(f64, usize)> {
    let glued_unit = |k: usize| {
        t.get(k).filter(|w| {
            w.tok == Tok::Word && !w.space_before && w.text.starts_with(cjk_numbers::is_numeral)
        })
    };
    let (mut total, rest) = cjk_numbers::read(Some(lead), glued_unit(i)?.text)?;
    let mut next = i + 1;
    // "1억 2808만": a group closed by 억 goes on after a space.
    while rest.is_empty()
        && let Some(n) = t.get(next).and_then(|n| n.num())
        && let Some(w) = glued_unit(next + 1)
        && let Some((more, _)) = cjk_numbers::read(Some(n.value), w.text)
        && more < total
    {
        total += more;
        next += 2;
    }
    Some((total, next))
}

/// Whether the number at `i` counts something: not an ordinal ("8th"), not part of a name
/// ("COVID-19", "April 25 House"), not a signed difference ("+414", "−311").
fn counts(t: &[Token<'_>], i: usize) -> bool {
    let next = t.get(i + 1);
    let ordinal = next
        .is_some_and(|n| !n.space_before && ["st", "nd", "rd", "th"].iter().any(|s| n.is_word(s)));
    let prev = i.checked_sub(1).map(|p| &t[p]);
    let named = prev.is_some_and(|p| {
        let glued_to_word = !t[i].space_before
            && p.is_punct('-')
            && i >= 2
            && t[i - 2].tok == Tok::Word
            && !p.space_before;
        // "CC BY-SA 4.0", "MiG-21": a version or a model, not a count.
        let acronym = p.tok == Tok::Word
            && p.text.chars().count() >= 2
            && p.text.chars().all(|c| c.is_uppercase());
        glued_to_word || acronym || dates::is_month(p) || p.is_punct('#')
    });
    let signed = prev.is_some_and(|p| {
        !t[i].space_before
            && ['+', '-', '\u{2212}', '\u{00b1}']
                .iter()
                .any(|c| p.is_punct(*c))
    }) && !named;
    !(ordinal || named || signed)
}

/// The unit after a number: "%", "days" for "80-day", or the words up to the first plural
/// ("party members", "delegates").
fn unit_after(t: &[Token<'_>], i: usize) -> (Option<String>, usize) {
    let Some(first) = t.get(i) else {
        return (None, i);
    };
    if first.is_punct('%') && !first.space_before {
        return (Some("%".to_owned()), i + 1);
    }
    if first.is_word("percent") {
        return (Some("%".to_owned()), i + 1);
    }
    if first.is_punct('-')
        && !first.space_before
        && let Some(w) = t
            .get(i + 1)
            .filter(|w| w.tok == Tok::Word && !w.space_before)
    {
        return (Some(plural(&w.text.to_lowercase())), i + 2);
    }
    let mut words = Vec::new();
    for w in t[i..].iter().take(3) {
        let lower = w.text.to_lowercase();
        if w.tok != Tok::Word || !w.space_before || NOT_UNITS.contains(&lower.as_str()) {
            break;
        }
        if w.is_capitalized() && words.is_empty() {
            break;
        }
        words.push(w.text);
        if lower.ends_with('s') && !lower.ends_with("ss") {
            return (Some(words.join(" ")), i + words.len());
        }
    }
    match words.first() {
        Some(w) => (Some((*w).to_owned()), i + 1),
        None => (None, i),
    }
}

fn currency_before(t: &[Token<'_>], i: usize) -> Option<String> {
    let prev = t.get(i.checked_sub(1)?)?;
    let name = match prev.tok {
        Tok::Punct('$') => "dollars",
        Tok::Punct('\u{20ac}') => "euros",
        Tok::Punct('\u{00a3}') => "pounds",
        _ => return None,
    };
    Some(name.to_owned())
}

/// "day" → "days" (the unit of "an 80-day campaign").
fn plural(word: &str) -> String {
    if word.ends_with('s') {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn figures(s: &str) -> Vec<String> {
        find(&tokens(s), &[])
            .iter()
            .map(|f| match &f.unit {
                Some(u) => format!("{} {u}", f.value),
                None => f.value.to_string(),
            })
            .collect()
    }

    #[test]
    fn chinese_japanese_and_korean_units_make_one_figure() {
        let values: Vec<f64> = find(&tokens("인구는 8천만 명이다, 1억 2808만 명, 3.5亿人"), &[])
            .iter()
            .map(|f| f.value.value())
            .collect();
        assert_eq!(values, [80_000_000.0, 128_080_000.0, 350_000_000.0]);
    }

    #[test]
    fn counts_with_their_units() {
        assert_eq!(
            figures("A total of 7,000 people participated including 5,000 delegates."),
            ["7000 people", "5000 delegates"]
        );
        assert_eq!(
            figures("an estimated 6,175,000 party members and candidate members"),
            ["6175000 party members"]
        );
        assert_eq!(
            figures("an 80-day campaign held every four years, 12.5% of them"),
            ["80 days", "4 years", "12.5 %"]
        );
        assert_eq!(
            figures("It cost $6.2 million; 250 were members"),
            ["6200000 dollars", "250"]
        );
    }

    #[test]
    fn numbers_that_name_things_are_not_figures() {
        for text in [
            "Apollo 11 launched on time",
            "a Boeing 747 landed",
            "under article 5 of the treaty",
            "Under Law 3 each team",
            "Apollo 18, 19 and 20 were cancelled",
            "Line 1 opened",
            "roughly $257 billion in 2020 dollars",
        ] {
            let found = figures(text);
            assert!(
                found
                    .iter()
                    .all(|f| f.contains("billion") || f.starts_with("257")),
                "{text}: {found:?}"
            );
        }
        assert_eq!(
            figures("Over 400 people and NASA's 250 engineers"),
            ["400 people", "250 engineers"]
        );
        assert_eq!(figures("Apollo 11 carried 3 astronauts"), ["3 astronauts"]);
    }

    #[test]
    fn ordinals_names_and_differences_are_not_figures() {
        assert!(figures("the 8th Congress, the 22nd meeting, COVID-19").is_empty());
        assert!(figures("at the April 25 House of Culture").is_empty());
        assert_eq!(
            figures("Military | 408 | 719 | \u{2212}311 | +414"),
            ["408", "719"]
        );
        assert!(figures("one delegate, the two of them").is_empty());
        assert!(figures("licensed under CC BY-SA 4.0").is_empty());
    }

    #[test]
    fn number_words_and_multipliers_come_from_the_readers_tables() {
        let values = |s: &str| -> Vec<f64> {
            find(&tokens(s), &[])
                .iter()
                .map(|f| f.value.value())
                .collect()
        };
        assert_eq!(
            values("fifteen delegates and ninety observers"),
            [15.0, 90.0]
        );
        assert_eq!(values("a debt of 3 trillion dollars"), [3e12]);
        assert_eq!(values("население 3 млн человек"), [3e6]);
        assert_eq!(
            values("a 100 m sprint"),
            [100.0],
            "a metre is not a million"
        );
        assert!(values("one delegate").is_empty());
    }
}
