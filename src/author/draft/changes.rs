//! Changes written in prose: "changed the title from Chairman to General Secretary",
//! "X was replaced by Y", "NASA replaced A with B", "X was renamed Y", "renamed X to Y",
//! "X was abolished", "established a post called Y".
//!
//! Each side is cut to a noun phrase: a date or a reason after it ("Cape Kennedy in
//! memory of the president", "Leningrad on January 26") and a word such as "back" are not
//! part of the value; the date is a fact of its own. Every search looks only at a window
//! around the verb, so a long sentence costs time in proportion to its length.

use crate::read::numerals;

/// A change found in a sentence. Texts are slices of the sentence with quotes stripped.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundChange {
    /// Byte offset of the verb in the sentence, for keeping the sentence's order.
    pub at: usize,
    pub before: Option<String>,
    pub after: Option<String>,
    /// For a one-sided change: how it happened ("abolished", "mostly removed").
    pub verb: Option<String>,
    /// What changed, when the sentence names it ("the leader of the party").
    pub subject: Option<String>,
}

const FROM_TO_VERBS: &[&str] = &[
    "changed",
    "changing",
    "renamed",
    "switched",
    "converted",
    "transformed",
    "shifted",
    "altered",
    "moved",
    "transferred",
];
const REMOVE_VERBS: &[&str] = &[
    "abolished",
    "dissolved",
    "disbanded",
    "eliminated",
    "removed",
    "scrapped",
    "repealed",
    "revoked",
    "discontinued",
    "cancelled",
    "canceled",
    "terminated",
];
const ESTABLISH_VERBS: &[&str] = &[
    "established",
    "created",
    "introduced",
    "founded",
    "instituted",
];
const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "been", "being"];
/// Words after a verb that start an adverbial, not an object ("removed from the charter").
const NOT_OBJECTS: &[&str] = &[
    "from", "by", "as", "in", "on", "at", "to", "with", "after", "before", "during", "and", "or",
];
/// Values that only point at something named elsewhere.
const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "this", "that", "these", "those", "which", "who", "we", "its",
];
/// Longest before/after/subject text kept; longer ones are a clause, not a value.
const MAX_WORDS: usize = 12;
/// How far from its verb a change's parts are looked for, in bytes: sides are at most
/// [`MAX_WORDS`] words, so nothing further away can be one.
pub const WINDOW: usize = 400;
/// Where a noun phrase ends: a date, a place or a reason said about it.
const PHRASE_ENDS: &[&str] = &[
    " in ",
    " on ",
    " at ",
    " during ",
    " after ",
    " before ",
    " since ",
    " until ",
    " because ",
    " following ",
    " due to ",
    " when ",
    " so that ",
    " in order ",
    " to free ",
    " to save ",
    " to stop ",
    " to make ",
];
/// Words that end a side without being part of it ("from Cape Kennedy back to …").
const TRAILING_ADVERBS: &[&str] = &[
    "back",
    "again",
    "later",
    "instead",
    "eventually",
    "permanently",
    "temporarily",
    "officially",
    "formally",
    "too",
    "also",
    "finally",
];
/// Words that open a phrase of time, dropped from the start of a side ("In 1963 Cape
/// Canaveral" → "Cape Canaveral").
const TIME_OPENERS: &[&str] = &[
    "in", "on", "at", "by", "after", "before", "during", "since", "until", "from", "around",
];
/// Verbs that show an " and …" starts a clause of its own rather than going on with a noun
/// phrase ("a mixture of oxygen and nitrogen").
const CLAUSE_VERBS: &[&str] = &[
    "is", "was", "were", "are", "has", "had", "have", "did", "does", "will", "would", "could",
    "can", "rose", "fell", "became", "began", "went", "came", "took", "made", "gave", "grew",
    "won", "lost", "left", "kept", "held", "ran", "saw", "said", "told", "found", "brought",
    "built", "led", "met", "paid", "set", "sent", "spent", "stood", "wrote", "flew",
];
/// Every change of a sentence.
pub fn find(s: &str) -> Vec<FoundChange> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    for verb in FROM_TO_VERBS {
        for at in word_positions(&lower, verb) {
            out.extend(from_to(s, &lower, at, verb.len()));
        }
    }
    for at in word_positions(&lower, "renamed") {
        out.extend(renamed(s, &lower, at));
    }
    for at in word_positions(&lower, "replaced") {
        out.extend(replaced(s, &lower, at));
    }
    for (verbs, removal) in [(REMOVE_VERBS, true), (ESTABLISH_VERBS, false)] {
        for verb in verbs {
            for at in word_positions(&lower, verb) {
                out.extend(one_sided(s, &lower, at, verb.len(), removal));
            }
        }
    }
    // "X was removed …, being replaced by Y" is one change with both sides.
    let both: std::collections::HashSet<Option<String>> = out
        .iter()
        .filter(|c| c.before.is_some() && c.after.is_some())
        .map(|c| c.before.clone())
        .collect();
    out.retain(|c| c.after.is_some() || !both.contains(&c.before) || c.verb.is_none());
    out.sort_by_key(|c| c.at);
    out
}

/// "changed X from A to B", "X being changed from A to B", "moved X from A to B".
fn from_to(s: &str, lower: &str, at: usize, len: usize) -> Option<FoundChange> {
    let verb_end = at + len;
    let clause = clause_end(lower, verb_end);
    let from = find_word(&lower[..clause], "from", verb_end)?;
    let to = find_word(&lower[..clause], "to", from + 4)?;
    let before = noun_phrase(&s[from + 4..to])?;
    let after_end = clause_end(lower, to + 2);
    let after = noun_phrase(&s[to + 2..after_end])?;
    let after = with_noun_of(&before, after);
    let subject = noun_phrase(&s[verb_end..from]).or_else(|| subject_before(s, lower, at));
    (before != after).then_some(FoundChange {
        at,
        before: Some(before),
        after: Some(after),
        verb: None,
        subject,
    })
}

/// "X was renamed Y" (or "renamed to Y", "renamed as Y"), and "renamed X to Y". A rename
/// from … to … is `from_to`'s. When X is no name ("the city was renamed Petrograd"), the
/// old name is not in the sentence: it is left for the author to write.
fn renamed(s: &str, lower: &str, at: usize) -> Option<FoundChange> {
    let rest = at + "renamed".len();
    let end = clause_end(lower, rest);
    if find_word(&lower[..end], "from", rest).is_some() {
        return None;
    }
    let (before, after, subject) = if preceded_by_auxiliary(lower, at) {
        let aux = last_auxiliary(lower, at)?;
        let named = noun_phrase(&s[clause_start(lower, aux)..aux])?;
        let object = skip_words(lower, rest, &["to", "as"]);
        let after = noun_phrase(&s[object..clause_end(lower, object)])?;
        if is_a_name(&named) {
            (named, after, None)
        } else {
            (format!("TODO: the old name of {named}"), after, Some(named))
        }
    } else {
        let to = ["to", "as"]
            .iter()
            .filter_map(|w| find_word(&lower[..end], w, rest).map(|p| (p, w.len())))
            .min()?;
        let before = noun_phrase(&s[rest..to.0])?;
        let object = to.0 + to.1;
        (
            before,
            noun_phrase(&s[object..clause_end(lower, object)])?,
            None,
        )
    };
    (before != after).then_some(FoundChange {
        at,
        before: Some(before),
        after: Some(after),
        verb: None,
        subject,
    })
}

/// "X was replaced by Y" (or "…, being replaced by Y"), "Y replaced X", and "N replaced X
/// with Y".
fn replaced(s: &str, lower: &str, at: usize) -> Option<FoundChange> {
    let rest = at + "replaced".len();
    let passive = ["by", "with"].iter().find_map(|w| {
        find_word(lower, w, rest)
            .filter(|p| lower[rest..*p].trim().is_empty())
            .map(|p| p + w.len())
    });
    let (before, after) = match passive {
        Some(object) => {
            let after = noun_phrase(&s[object..clause_end(lower, object)])?;
            let aux = last_auxiliary_before(lower, at)?;
            (noun_phrase(&s[clause_start(lower, aux)..aux])?, after)
        }
        None => {
            if preceded_by_auxiliary(lower, at) {
                return None;
            }
            let object_end = clause_end(lower, rest);
            let before = noun_phrase(&s[rest..object_end])?;
            match lower[object_end..].strip_prefix(" with ") {
                // "NASA replaced the Apollo program with the Space Shuttle program".
                Some(_) => {
                    let with = object_end + " with ".len();
                    (before, noun_phrase(&s[with..clause_end(lower, with)])?)
                }
                None => (before, noun_phrase(&s[clause_start(lower, at)..at])?),
            }
        }
    };
    (before != after).then_some(FoundChange {
        at,
        before: Some(before),
        after: Some(after),
        verb: None,
        subject: None,
    })
}

/// "X was abolished", "abolished X", "established Y", "Y was established".
fn one_sided(s: &str, lower: &str, at: usize, len: usize, removal: bool) -> Option<FoundChange> {
    let verb_end = at + len;
    let (value, verb) = if preceded_by_auxiliary(lower, at) {
        let aux = last_auxiliary(lower, at)?;
        (
            noun_phrase(&s[clause_start(lower, aux)..aux])?,
            s[at..verb_end].to_owned(),
        )
    } else {
        let next_word = window_after(lower, verb_end)
            .split_whitespace()
            .next()
            .unwrap_or("");
        let next_word = next_word.trim_matches(|c: char| !c.is_alphanumeric());
        if NOT_OBJECTS.contains(&next_word) || next_word.is_empty() {
            return None;
        }
        let object = noun_phrase(&s[verb_end..clause_end(lower, verb_end)])?;
        (object, with_adverb(s, lower, at, verb_end))
    };
    let (before, after) = if removal {
        (Some(value), None)
    } else {
        (None, Some(value))
    };
    Some(FoundChange {
        at,
        before,
        after,
        verb: Some(verb.to_lowercase()),
        subject: None,
    })
}

/// "mostly removed" when an adverb in -ly comes right before the verb.
fn with_adverb(s: &str, lower: &str, at: usize, verb_end: usize) -> String {
    let window = window_before(lower, at);
    let before = window.trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let adverb = &before[word_start..];
    if adverb.len() > 2 && adverb.ends_with("ly") {
        s[at - window.len() + word_start..verb_end].to_owned()
    } else {
        s[at..verb_end].to_owned()
    }
}

/// The words before a verb, back to the start of the clause, without the auxiliaries and
/// linking words around them: ", with his title being changed" → "his title".
fn subject_before(s: &str, lower: &str, at: usize) -> Option<String> {
    let start = clause_start(lower, at);
    let mut words: Vec<&str> = s[start..at].split_whitespace().collect();
    while words.last().is_some_and(|w| {
        AUXILIARIES.contains(&w.to_ascii_lowercase().as_str()) || w.ends_with("ly")
    }) {
        words.pop();
    }
    while words.first().is_some_and(|w| {
        [
            "with", "and", "but", "while", "then", "it", "they", "he", "she",
        ]
        .contains(&w.to_ascii_lowercase().as_str())
    }) {
        words.remove(0);
    }
    noun_phrase(&words.join(" "))
}

fn preceded_by_auxiliary(lower: &str, at: usize) -> bool {
    last_auxiliary(lower, at).is_some()
}

/// The auxiliary of a passive verb at `at`: "was abolished", "was also removed".
fn last_auxiliary(lower: &str, at: usize) -> Option<usize> {
    let head = window_before(lower, at);
    let offset = at - head.len();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut end = head.len();
    for word in head.split_whitespace().rev().take(3) {
        let start = head[..end].rfind(word)?;
        words.push((start, word));
        end = start;
    }
    for (start, word) in words {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        if AUXILIARIES.contains(&bare) {
            return Some(offset + start);
        }
        if !(bare.ends_with("ly") || ["also", "then", "later", "soon"].contains(&bare)) {
            return None;
        }
    }
    None
}

/// The auxiliary nearest before `at` in its clause ("X was also removed from the charter,
/// being replaced by Y": "was").
fn last_auxiliary_before(lower: &str, at: usize) -> Option<usize> {
    let head = window_before(lower, at);
    let offset = at - head.len();
    AUXILIARIES
        .iter()
        .filter_map(|a| word_positions(head, a).next())
        .min()
        .map(|p| offset + p)
}

/// `from` past any of `words` (and the spaces around them).
fn skip_words(lower: &str, from: usize, words: &[&str]) -> usize {
    let rest = &lower[from..];
    let trimmed = rest.trim_start();
    let at = from + (rest.len() - trimmed.len());
    words
        .iter()
        .find(|w| trimmed.starts_with(&format!("{w} ")))
        .map_or(at, |w| at + w.len() + 1)
}

/// Whether a noun phrase holds a name: a capitalised word other than a determiner at its
/// start ("Cape Canaveral", "the Launch Operations Center"; not "the city", "The center").
fn is_a_name(phrase: &str) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "its", "their", "this", "that", "his", "her",
    ];
    let mut words = phrase.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
    {
        words.next();
    }
    words.any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "two" after "three defenders" → "two defenders": the noun the before side counts.
fn with_noun_of(before: &str, after: String) -> String {
    let counted = |w: &str| {
        numerals::is_number_word(&w.to_lowercase()) || w.bytes().all(|b| b.is_ascii_digit())
    };
    let mut before_words = before.split_whitespace();
    match (before_words.next(), after.split_whitespace().count()) {
        (Some(first), 1) if counted(first) && counted(&after) => {
            let noun: Vec<&str> = before_words.collect();
            if noun.is_empty() {
                after
            } else {
                format!("{after} {}", noun.join(" "))
            }
        }
        _ => after,
    }
}

/// Positions of `word` in `lower` as a whole word.
fn word_positions<'a>(lower: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    lower.match_indices(word).filter_map(move |(at, _)| {
        let before_ok = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = lower[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (before_ok && after_ok).then_some(at)
    })
}

/// The first `word` at or after `from`, within the window.
fn find_word(lower: &str, word: &str, from: usize) -> Option<usize> {
    let window = window_after(lower, from);
    word_positions(window, word).next().map(|p| from + p)
}

/// Up to [`WINDOW`] bytes of `lower` from `from` (on a character boundary).
fn window_after(lower: &str, from: usize) -> &str {
    let mut end = (from + WINDOW).min(lower.len());
    while !lower.is_char_boundary(end) {
        end -= 1;
    }
    lower.get(from..end).unwrap_or("")
}

/// Up to [`WINDOW`] bytes of `lower` before `at` (on a character boundary).
fn window_before(lower: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(WINDOW);
    while !lower.is_char_boundary(start) {
        start += 1;
    }
    lower.get(start..at).unwrap_or("")
}

/// Where the clause that starts at `from` ends: at punctuation, a linking word, or an
/// "and" that starts a clause of its own.
fn clause_end(lower: &str, from: usize) -> usize {
    let rest = window_after(lower, from);
    let punct = rest.find([',', ';', ':', '(', ')']);
    // A full stop before a space ends the sentence, unless it ends an initial ("John F.
    // Kennedy"), told by the lower-case text: a single letter after a space.
    let sentence_end = rest
        .char_indices()
        .find(|(i, c)| {
            let initial = rest[..*i].ends_with(|c: char| c.is_ascii_alphabetic())
                && rest[..*i]
                    .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .ends_with(' ')
                && rest[..*i].len()
                    - rest[..*i]
                        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                        .len()
                    == 1;
            *c == '.' && !initial && rest[i + 1..].chars().next().is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i);
    let linking = [
        " but ", " while ", " which ", " with ", " being ", " where ",
    ]
    .iter()
    .filter_map(|w| rest.find(w))
    .min();
    let and = rest
        .match_indices(" and ")
        .find(|(i, _)| starts_clause(&rest[i + 5..]))
        .map(|(i, _)| i);
    from + [punct, sentence_end, linking, and]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len())
}

/// Whether the words after an "and" (up to the next punctuation) hold a verb.
fn starts_clause(after_and: &str) -> bool {
    after_and
        .split([',', ';', ':', '.'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(8)
        .any(|w| CLAUSE_VERBS.contains(&w) || (w.len() > 4 && w.ends_with("ed")))
}

/// Where the clause that ends at `at` starts: after the last comma, semicolon or colon.
fn clause_start(lower: &str, at: usize) -> usize {
    let head = window_before(lower, at);
    let offset = at - head.len();
    head.rfind([',', ';', ':', '('])
        .map_or(offset, |p| offset + p + 1)
}

/// A side as a noun phrase: trimmed, quotes and trailing punctuation removed, a phrase of
/// time in front and a date, place or reason after cut off; `None` when nothing is left,
/// when it is only a pronoun, or when it is a whole clause.
fn noun_phrase(text: &str) -> Option<String> {
    let quotes = |c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
        )
    };
    let mut words: Vec<&str> = text.split_whitespace().collect();
    // "In 1963 Cape Canaveral", "in early 1973 the name".
    if words
        .first()
        .is_some_and(|w| TIME_OPENERS.contains(&w.to_lowercase().as_str()))
    {
        let time = words[1..].iter().take_while(|w| is_time_word(w)).count();
        if time > 0 {
            words.drain(..=time);
        }
    }
    let joined = format!(" {} ", words.join(" "));
    let lower = joined.to_lowercase();
    let cut = PHRASE_ENDS
        .iter()
        .filter_map(|e| lower.find(e))
        .min()
        .unwrap_or(joined.len());
    let mut words: Vec<&str> = joined[..cut].split_whitespace().collect();
    while words.last().is_some_and(|w| {
        TRAILING_ADVERBS.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
    }) {
        words.pop();
    }
    let t = words.join(" ");
    let t = t.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let t = t.strip_prefix(quotes).unwrap_or(t);
    let t = t.strip_suffix(quotes).unwrap_or(t).trim();
    let count = t.split_whitespace().count();
    let pronoun = PRONOUNS.contains(&t.to_ascii_lowercase().as_str());
    (count > 0 && count <= MAX_WORDS && !pronoun).then(|| t.to_owned())
}

/// A word of a date: a number, a month, "early", a comma-ended day.
fn is_time_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_lowercase();
    w.bytes().all(|b| b.is_ascii_digit())
        || ["early", "late", "mid"].contains(&w.as_str())
        || crate::deck::date::MONTH_NAMES
            .iter()
            .any(|m| m.to_lowercase() == w || (w.len() >= 3 && m.to_lowercase().starts_with(&w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(c: &FoundChange) -> (Option<&str>, Option<&str>, Option<&str>) {
        (c.before.as_deref(), c.after.as_deref(), c.verb.as_deref())
    }

    #[test]
    fn from_to_with_the_subject() {
        let found = find(
            "It changed the leader of the party from Chairman to General Secretary, established a post called First Secretary, mostly removed mentions of Kim Il Sung, and reasserted it.",
        );
        let sides: Vec<_> = found.iter().map(both).collect();
        assert_eq!(
            sides,
            [
                (Some("Chairman"), Some("General Secretary"), None),
                (
                    None,
                    Some("a post called First Secretary"),
                    Some("established")
                ),
                (
                    Some("mentions of Kim Il Sung"),
                    None,
                    Some("mostly removed")
                ),
            ]
        );
        assert_eq!(found[0].subject.as_deref(), Some("the leader of the party"));
        let title = find(
            "The Congress saw his re-election, with his title being changed from Party Chairman to General Secretary.",
        );
        assert_eq!(title[0].subject.as_deref(), Some("his title"));
        assert_eq!(title[0].before.as_deref(), Some("Party Chairman"));
    }

    #[test]
    fn replaced_and_removed_make_one_change() {
        let found = find(
            "\"Military-first policy\" was also removed from the charter, being replaced by \"people-first politics\".",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            both(&found[0]),
            (
                Some("Military-first policy"),
                Some("people-first politics"),
                None
            )
        );
        let active = find("The euro replaced the franc.");
        assert_eq!(
            both(&active[0]),
            (Some("the franc"), Some("The euro"), None)
        );
    }

    /// The change patterns of an article on the Apollo programme, each side a noun phrase
    /// and the date left to a fact of its own.
    #[test]
    fn renames_replacements_and_cancellations_yield_noun_phrases() {
        let sides = |s: &str| -> Vec<(Option<String>, Option<String>, Option<String>)> {
            find(s)
                .into_iter()
                .map(|c| (c.before, c.after, c.verb))
                .collect()
        };
        let two = |b: &str, a: &str| (Some(b.to_owned()), Some(a.to_owned()), None);
        assert_eq!(
            sides("In 1963 Cape Canaveral was renamed Cape Kennedy in memory of the president."),
            [two("Cape Canaveral", "Cape Kennedy")]
        );
        assert_eq!(
            sides("In 1973 the name was changed from Cape Kennedy back to Cape Canaveral."),
            [two("Cape Kennedy", "Cape Canaveral")]
        );
        assert_eq!(
            sides("NASA replaced the Apollo program with the Space Shuttle program in 1972."),
            [two("the Apollo program", "the Space Shuttle program")]
        );
        assert_eq!(
            sides("The council renamed Leningrad to Saint Petersburg on September 6, 1991."),
            [two("Leningrad", "Saint Petersburg")]
        );
        assert_eq!(
            sides("The center was renamed the John F. Kennedy Space Center in December 1963."),
            [two("The center", "the John F. Kennedy Space Center")].map(|(_, a, v)| (
                Some("TODO: the old name of The center".to_owned()),
                a,
                v
            ))
        );
        assert_eq!(
            sides(
                "The cabin air was replaced by a mixture of oxygen and nitrogen, and the crew trained again."
            ),
            [two("The cabin air", "a mixture of oxygen and nitrogen")]
        );
        assert_eq!(
            sides("Apollo 20 was cancelled in January 1970 to free a Saturn V."),
            [(
                Some("Apollo 20".to_owned()),
                None,
                Some("cancelled".to_owned())
            )]
        );
        assert_eq!(
            sides("The offside rule was changed in 1925 from three defenders to two."),
            [two("three defenders", "two defenders")]
        );
        assert!(sides("Peter the Great founded it on May 27, 1703.").is_empty());
    }

    #[test]
    fn passive_one_sided_changes() {
        let found = find(
            "The Military Affairs Department of the WPK Central Committee was abolished, with its functions being transferred.",
        );
        assert_eq!(
            both(&found[0]),
            (
                Some("The Military Affairs Department of the WPK Central Committee"),
                None,
                Some("abolished")
            )
        );
        let new = find("A new ministry was established in 1990.");
        assert_eq!(
            both(&new[0]),
            (None, Some("A new ministry"), Some("established"))
        );
        assert!(find("It was removed from office.").is_empty());
        assert!(find("nothing here changed").is_empty());
    }
}
