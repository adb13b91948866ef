//! Matching typed text: accepted spellings exactly, small typos forgiven by answer length,
//! but never when the input is as near a known wrong answer.

use crate::read::normalize::{close_distance, is_same_keyed_answer, key, typo_distance};

/// How typed text relates to an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMatch {
    /// Equal (after normalisation) to the answer or an accepted spelling.
    Exact,
    /// Within the typo allowance of this spelling (the answer or an accepted one).
    Close(String),
    No,
}

/// Compares `input` with `answer` and its `accepted` spellings, refusing typos that are at
/// least as near one of `rejected`.
pub fn match_text(
    input: &str,
    answer: &str,
    accepted: &[String],
    rejected: &[String],
) -> TextMatch {
    let given = key(input);
    if given.is_empty() {
        return TextMatch::No;
    }
    let spellings = || std::iter::once(answer).chain(accepted.iter().map(String::as_str));
    let candidates: Vec<(&str, String)> = spellings().map(|t| (t, key(t))).collect();
    if candidates
        .iter()
        .any(|(t, k)| is_same_keyed_answer(&given, t, k))
    {
        return TextMatch::Exact;
    }
    let best = candidates
        .iter()
        .filter_map(|(text, k)| typo_distance(&given, k).map(|d| (d, *text)))
        .min_by_key(|(d, _)| *d);
    let Some((distance, spelling)) = best else {
        return TextMatch::No;
    };
    // Only a forgivable typo needs the wrong answers (typing one exactly is distance 0).
    let nearer_wrong = rejected
        .iter()
        .any(|r| close_distance(&given, &key(r), distance).is_some());
    if nearer_wrong {
        TextMatch::No
    } else {
        TextMatch::Close(spelling.to_owned())
    }
}

/// The option whose text `input` is a near miss of, if exactly one is nearest.
pub fn nearest_option(input: &str, options: &[String]) -> Option<usize> {
    let keys: Vec<String> = options.iter().map(|o| key(o)).collect();
    nearest_keyed_option(&key(input), &keys)
}

/// [`nearest_option`] for a `given` key, among options by their keys.
pub(super) fn nearest_keyed_option(given: &str, keys: &[String]) -> Option<usize> {
    let mut scored: Vec<(usize, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| typo_distance(given, k).map(|d| (d, i)))
        .collect();
    scored.sort_unstable();
    match scored.as_slice() {
        [(_, i)] => Some(*i),
        [(d0, i), (d1, _), ..] if d0 < d1 => Some(*i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(input: &str) -> TextMatch {
        let accepted = vec!["the April 25 House of Culture".to_owned()];
        match_text(input, "April 25 House of Culture", &accepted, &[])
    }

    #[test]
    fn exact_close_and_wrong() {
        assert_eq!(m("april 25 house of culture"), TextMatch::Exact);
        assert_eq!(
            m("April 25 Hosue of Cultre"),
            TextMatch::Close("April 25 House of Culture".into())
        );
        assert_eq!(m("April 26 House of Culture"), TextMatch::No);
        assert_eq!(m("Kumsusan Palace"), TextMatch::No);
    }

    #[test]
    fn a_typo_nearer_a_wrong_answer_is_wrong() {
        let rejected = vec!["Kim Jong Il".to_owned()];
        assert_eq!(
            match_text("Kim Jong Il", "Kim Jong Un", &[], &rejected),
            TextMatch::No
        );
        assert_eq!(
            match_text("Kim Jong Ul", "Kim Jong Un", &[], &rejected),
            TextMatch::No
        );
        assert_eq!(
            match_text("Kim Jong Uun", "Kim Jong Un", &[], &rejected),
            TextMatch::Close("Kim Jong Un".into())
        );
    }
}
