//! Whether two names give away which came first, without knowing anything: numbers of one
//! series ("the 13th Political Bureau meeting" and "the 19th Political Bureau meeting",
//! "Apollo 11" and "Apollo 12", "the 7th Congress" and "the 8th Congress"), a year in
//! either ("the 2026 final" is later than most things), or words that place one before the
//! other in a shared story ("the opening of the 8th Congress" and "the closing day of the
//! 8th Congress", "the campaign ahead of the congress" and "the congress"). Order questions
//! never pair such names.

use crate::read::normalize::key;

/// Words that place an event early in its story.
const EARLY: &[&str] = &[
    "opening",
    "opened",
    "open",
    "opens",
    "start",
    "started",
    "starts",
    "begin",
    "beginning",
    "began",
    "launch",
    "launched",
    "first",
    "announcement",
    "announced",
    "announce",
    "announces",
    "preparation",
    "preparations",
    "preparatory",
    "prepare",
    "prepared",
    "ahead",
    "before",
    "prior",
    "eve",
    "outgoing",
    "previous",
    "hints",
    "decision",
    "decided",
    "proposal",
    "proposed",
    "draft",
    "drafting",
    "founding",
    "founded",
    "introduction",
    "introduced",
    "approval",
    "approved",
    "election",
    "elected",
    "nomination",
    "creation",
    "created",
    "establishment",
    "established",
    "birth",
    "born",
    "early",
    "initial",
    "review",
    "qualifications",
];

/// Words that place an event late in its story.
const LATE: &[&str] = &[
    "closing",
    "close",
    "closed",
    "end",
    "ended",
    "ends",
    "final",
    "last",
    "after",
    "following",
    "incoming",
    "next",
    "later",
    "conclusion",
    "concluded",
    "result",
    "results",
    "abolition",
    "abolished",
    "return",
    "returned",
    "arrival",
    "arrived",
    "death",
    "died",
    "dissolution",
    "dissolved",
    "ceremony",
    "aftermath",
    "successor",
    "subsequent",
    "late",
    "certificates",
];

/// Words that say nothing of their own.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "which",
    "where", "who", "was", "were", "is", "its", "it", "from", "as", "that", "this", "into",
];

/// A number in a name with the words beside it: the one before, the two after.
#[derive(Debug, PartialEq)]
struct Numbered<'w> {
    value: u64,
    before: Option<&'w str>,
    after: Vec<&'w str>,
}

fn word_number(token: &str) -> Option<u64> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "s")
    {
        return digits.parse().ok();
    }
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    ORDINALS
        .iter()
        .position(|o| *o == token)
        .map(|i| i as u64 + 1)
}

fn numbered<'w>(words: &[&'w str]) -> Vec<Numbered<'w>> {
    let content = |w: &&&str| !STOP.contains(*w);
    words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let value = word_number(w)?;
            Some(Numbered {
                value,
                before: words[..i].iter().rev().find(content).copied(),
                after: words[i + 1..]
                    .iter()
                    .filter(content)
                    .take(2)
                    .copied()
                    .collect(),
            })
        })
        .collect()
}

fn is_year(n: &Numbered<'_>) -> bool {
    (1000..=2200).contains(&n.value)
}

/// Where the cue words place a name: negative early, positive late, zero neither.
fn cue(words: &[&str]) -> i32 {
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    i32::try_from(count(LATE)).unwrap_or(0) - i32::try_from(count(EARLY)).unwrap_or(0)
}

fn content_words<'w>(words: &[&'w str]) -> Vec<&'w str> {
    words
        .iter()
        .copied()
        .filter(|w| {
            w.len() >= 3
                && !STOP.contains(w)
                && !EARLY.contains(w)
                && !LATE.contains(w)
                && word_number(w).is_none()
        })
        .collect()
}

/// Whether the names `a` and `b` tell which came first.
pub fn tells_order(a: &str, b: &str) -> bool {
    keys_tell_order(&key(a), &key(b))
}

/// [`tells_order`] for names already turned into keys (`grade::normalize::key`).
pub fn keys_tell_order(ka: &str, kb: &str) -> bool {
    let wa: Vec<&str> = ka.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: Vec<&str> = kb.split(' ').filter(|w| !w.is_empty()).collect();
    let (na, nb) = (numbered(&wa), numbered(&wb));
    // A year in a name dates it: "the 2026 final" is later than most things.
    if na.iter().any(is_year) || nb.iter().any(is_year) {
        return true;
    }
    // "13th Political Bureau" and "21st enlarged Political Bureau" are one series;
    // "6th plenary meeting" and "13th Political Bureau meeting" are not.
    let same_series = |x: &Numbered<'_>, y: &Numbered<'_>| {
        x.value != y.value
            && (x.after.iter().any(|w| y.after.contains(w))
                || (x.before.is_some() && x.before == y.before))
    };
    if na.iter().any(|x| nb.iter().any(|y| same_series(x, y))) {
        return true;
    }
    if cue(&wa) != cue(&wb) {
        let ca = content_words(&wa);
        return content_words(&wb).iter().any(|w| ca.contains(w));
    }
    false
}

/// Whether two names look alike: both start with a number or both with a word, and neither
/// is half as long again as the other. Events compared for their order are named alike, so
/// that "the one that starts with a number" or "the longer one" is no rule of thumb.
pub fn look_alike(a: &str, b: &str) -> bool {
    keys_look_alike(&key(a), &key(b))
}

/// [`look_alike`] for keys.
pub fn keys_look_alike(ka: &str, kb: &str) -> bool {
    let numeric = |k: &str| k.starts_with(|c: char| c.is_ascii_digit());
    let (la, lb) = (ka.len().max(1) as f64, kb.len().max(1) as f64);
    numeric(ka) == numeric(kb) && la.max(lb) / la.min(lb) <= 1.5
}

/// Whether any two of `names` tell their order.
pub fn any_tells(names: &[&str]) -> bool {
    names
        .iter()
        .enumerate()
        .any(|(i, a)| names[i + 1..].iter().any(|b| tells_order(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_series_tell() {
        assert!(tells_order(
            "the 13th Political Bureau meeting of the 7th Central Committee",
            "the 21st enlarged Political Bureau meeting of the 7th Central Committee"
        ));
        assert!(tells_order(
            "the 13th Political Bureau meeting",
            "the 19th Political Bureau meeting, which announced a campaign"
        ));
        assert!(tells_order(
            "the Apollo 11 Moon landing",
            "the launch of Apollo 13"
        ));
        assert!(tells_order(
            "the 7th Congress of the WPK",
            "the opening of the 8th Congress"
        ));
        assert!(tells_order(
            "the 1970 World Cup",
            "the 2026 World Cup final"
        ));
        assert!(tells_order(
            "the founding of the FA",
            "the 2026 World Cup final"
        ));
        assert!(!tells_order(
            "the 13th Political Bureau meeting",
            "the 6th plenary meeting"
        ));
        assert!(!tells_order(
            "the 6th plenary meeting of the 7th Central Committee",
            "the 22nd Political Bureau meeting of the 7th Central Committee"
        ));
    }

    #[test]
    fn words_that_place_an_event_tell_within_one_story() {
        assert!(tells_order(
            "the opening of the congress",
            "the closing day of the congress"
        ));
        assert!(tells_order(
            "the mass mobilization campaign ahead of the congress",
            "the congress"
        ));
        assert!(!tells_order(
            "the founding of the Football Association",
            "the founding of the International Football Association Board"
        ));
        assert!(!tells_order(
            "the opening of the congress",
            "the back-pass rule"
        ));
    }
}
