//! Changes written in prose: "changed the title from Chairman to General Secretary",
//! "X was replaced by Y", "X was abolished", "established a post called Y".

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

/// Every change of a sentence.
pub fn find(s: &str) -> Vec<FoundChange> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    for verb in FROM_TO_VERBS {
        for at in word_positions(&lower, verb) {
            out.extend(from_to(s, &lower, at, verb.len()));
        }
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
    let both: Vec<Option<String>> = out
        .iter()
        .filter(|c| c.before.is_some() && c.after.is_some())
        .map(|c| c.before.clone())
        .collect();
    out.retain(|c| c.after.is_some() || !both.contains(&c.before) || c.verb.is_none());
    out.sort_by_key(|c| c.at);
    out
}

/// "changed X from A to B", "X being changed from A to B".
fn from_to(s: &str, lower: &str, at: usize, len: usize) -> Option<FoundChange> {
    let verb_end = at + len;
    let clause = clause_end(lower, verb_end);
    let from = find_word(&lower[..clause], "from", verb_end)?;
    let to = find_word(&lower[..clause], "to", from + 4)?;
    let before = clean(&s[from + 4..to])?;
    let after_end = clause_end(lower, to + 2);
    let after = clean(&s[to + 2..after_end])?;
    let subject = clean(&s[verb_end..from]).or_else(|| subject_before(s, lower, at));
    (before != after).then_some(FoundChange {
        at,
        before: Some(before),
        after: Some(after),
        verb: None,
        subject,
    })
}

/// "X was replaced by Y" (or "…, being replaced by Y"), and "Y replaced X".
fn replaced(s: &str, lower: &str, at: usize) -> Option<FoundChange> {
    let rest = at + "replaced".len();
    let passive = ["by", "with"].iter().find_map(|w| {
        find_word(lower, w, rest)
            .filter(|p| lower[rest..*p].trim().is_empty())
            .map(|p| p + w.len())
    });
    let (before, after) = match passive {
        Some(object) => {
            let after = clean(&s[object..clause_end(lower, object)])?;
            let aux = AUXILIARIES
                .iter()
                .filter_map(|a| find_word(&lower[..at], a, 0))
                .min()?;
            (clean(&s[clause_start(lower, aux)..aux])?, after)
        }
        None => {
            if preceded_by_auxiliary(lower, at) {
                return None;
            }
            let before = clean(&s[rest..clause_end(lower, rest)])?;
            (before, clean(&s[clause_start(lower, at)..at])?)
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
            clean(&s[clause_start(lower, aux)..aux])?,
            s[at..verb_end].to_owned(),
        )
    } else {
        let next_word = lower[verb_end..].split_whitespace().next().unwrap_or("");
        let next_word = next_word.trim_matches(|c: char| !c.is_alphanumeric());
        if NOT_OBJECTS.contains(&next_word) || next_word.is_empty() {
            return None;
        }
        let object = clean(&s[verb_end..clause_end(lower, verb_end)])?;
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
    let before = lower[..at].trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let adverb = &before[word_start..];
    if adverb.len() > 2 && adverb.ends_with("ly") {
        s[word_start..verb_end].to_owned()
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
    clean(&words.join(" "))
}

fn preceded_by_auxiliary(lower: &str, at: usize) -> bool {
    last_auxiliary(lower, at).is_some()
}

/// The auxiliary of a passive verb at `at`: "was abolished", "was also removed".
fn last_auxiliary(lower: &str, at: usize) -> Option<usize> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let head = &lower[..at];
    let mut end = head.len();
    for word in head.split_whitespace().rev().take(3) {
        let start = head[..end].rfind(word)?;
        words.push((start, word));
        end = start;
    }
    for (start, word) in words {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        if AUXILIARIES.contains(&bare) {
            return Some(start);
        }
        if !(bare.ends_with("ly") || ["also", "then", "later", "soon"].contains(&bare)) {
            return None;
        }
    }
    None
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

fn find_word(lower: &str, word: &str, from: usize) -> Option<usize> {
    word_positions(lower, word).find(|p| *p >= from)
}

/// Where the clause that starts at `from` ends: at punctuation or a linking word.
fn clause_end(lower: &str, from: usize) -> usize {
    let rest = &lower[from..];
    let punct = rest.find([',', ';', ':', '(', ')']);
    let sentence_end = rest
        .char_indices()
        .find(|(i, c)| *c == '.' && rest[i + 1..].chars().next().is_none_or(char::is_whitespace))
        .map(|(i, _)| i);
    let linking = [
        " and ", " but ", " while ", " which ", " with ", " being ", " where ",
    ]
    .iter()
    .filter_map(|w| rest.find(w))
    .min();
    from + [punct, sentence_end, linking]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len())
}

/// Where the clause that ends at `at` starts: after the last comma, semicolon or colon.
fn clause_start(lower: &str, at: usize) -> usize {
    lower[..at].rfind([',', ';', ':', '(']).map_or(0, |p| p + 1)
}

/// Trimmed, quotes and trailing punctuation removed; `None` when empty or a whole clause.
fn clean(text: &str) -> Option<String> {
    let quotes = |c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
        )
    };
    let t = text.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let t = t.strip_prefix(quotes).unwrap_or(t);
    let t = t.strip_suffix(quotes).unwrap_or(t).trim();
    let words = t.split_whitespace().count();
    let pronoun = PRONOUNS.contains(&t.to_ascii_lowercase().as_str());
    (words > 0 && words <= MAX_WORDS && !pronoun)
        .then(|| t.split_whitespace().collect::<Vec<_>>().join(" "))
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
