//! Orderings, and "which came first": by numbers in the names, words that say before or
//! after, length, the alphabet, the order listed.

use factdeck::read::normalize::key;
use rand::RngExt;
use rand::seq::SliceRandom;

use super::reading::*;
use super::*;

/// Numbers written in a text with the word after them ("13th political", "apollo 11"): a
/// series a reader can order by.
pub(super) fn numbered(text: &str) -> Vec<(f64, String, String)> {
    let k = key(text);
    let tokens: Vec<&str> = k.split(' ').collect();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[digits.len()..];
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            continue;
        }
        let Ok(n) = digits.parse::<f64>() else {
            continue;
        };
        let before = tokens[..i]
            .iter()
            .rev()
            .find(|w| !STOP.contains(w))
            .map_or(String::new(), |w| (*w).to_owned());
        let after = tokens[i + 1..]
            .iter()
            .find(|w| !STOP.contains(w))
            .map_or(String::new(), |w| (*w).to_owned());
        out.push((n, before, after));
    }
    out
}

/// Words that place an event early or late among its relatives.
pub(super) const EARLY: &[&str] = &[
    "opening",
    "open",
    "opened",
    "start",
    "started",
    "beginning",
    "begin",
    "began",
    "launch",
    "launched",
    "first",
    "announcement",
    "announced",
    "announce",
    "preparation",
    "preparations",
    "preparatory",
    "prepared",
    "ahead",
    "before",
    "prior",
    "eve",
    "outgoing",
    "previous",
    "decided",
    "decision",
    "hints",
    "proposal",
    "proposed",
    "founding",
    "founded",
    "draft",
    "review",
    "election",
    "elected",
    "introduction",
    "introduced",
    "approval",
    "approved",
];
pub(super) const LATE: &[&str] = &[
    "closing",
    "close",
    "closed",
    "end",
    "ended",
    "final",
    "last",
    "after",
    "following",
    "incoming",
    "next",
    "later",
    "conclusion",
    "result",
    "results",
    "abolition",
    "abolished",
    "return",
    "arrival",
    "arrived",
    "ceremony",
];

pub(super) fn cue(text: &str) -> f64 {
    let w: Vec<String> = key(text).split(' ').map(str::to_owned).collect();
    let early = w.iter().filter(|x| EARLY.contains(&x.as_str())).count() as f64;
    let late = w.iter().filter(|x| LATE.contains(&x.as_str())).count() as f64;
    late - early
}

/// Per pair of options, -1 if the names say `a` came before `b`, 1 for after, 0 if they
/// say nothing: numbers of one series (the same word before or after), then cue words.
pub(super) fn says_before(v: &View<'_>, a: usize, b: usize) -> i32 {
    for (na, ba, aa) in &v.numbered[a] {
        for (nb, bb, ab) in &v.numbered[b] {
            let same_series = (!aa.is_empty() && aa == ab) || (!ba.is_empty() && ba == bb);
            if same_series && na != nb {
                return if na < nb { -1 } else { 1 };
            }
        }
    }
    let (ca, cb) = (v.cues[a], v.cues[b]);
    if ca < cb {
        -1
    } else if ca > cb {
        1
    } else {
        0
    }
}

/// Scores for ordering: how many others each option says it comes after.
pub(super) fn telling_scores(v: &View<'_>) -> Vec<f64> {
    let n = v.options.len();
    (0..n)
        .map(|i| {
            (0..n)
                .filter(|j| *j != i)
                .map(|j| f64::from(says_before(v, j, i)))
                .sum()
        })
        .collect()
}

/// "Which came first" and orderings: by the series numbers and cue words in the names.
pub(super) fn names_tell(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let scores: Vec<f64> = telling_scores(v).iter().map(|s| -s).collect();
    match v.shape {
        Shape::Order => order_by(&scores.iter().map(|s| -s).collect::<Vec<_>>(), rng),
        _ if v.prompt.contains("first") || v.prompt.contains("earlier") => best_by(&scores, rng),
        _ => random_pick(v, rng),
    }
}

/// Any number in the name, smaller first (years, ordinals of any series).
pub(super) fn smaller_number_first(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let firsts: Vec<f64> = v
        .numbered
        .iter()
        .map(|n| n.first().map_or(f64::NAN, |x| x.0))
        .collect();
    let fill = |x: f64, rng: &mut Rng64| {
        if x.is_nan() {
            rng.random_range(0.0..100.0)
        } else {
            x
        }
    };
    let scores: Vec<f64> = firsts.iter().map(|x| fill(*x, rng)).collect();
    match v.shape {
        Shape::Order => order_by(&scores, rng),
        _ if v.prompt.contains("first") => {
            best_by(&scores.iter().map(|s| -s).collect::<Vec<_>>(), rng)
        }
        _ => random_pick(v, rng),
    }
}

pub(super) fn by_length(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let scores: Vec<f64> = v.options.iter().map(|o| o.len() as f64).collect();
    match v.shape {
        Shape::Order => order_by(&scores, rng),
        _ => best_by(&scores.iter().map(|s| -s).collect::<Vec<_>>(), rng),
    }
}

pub(super) fn as_listed(v: &View<'_>, _rng: &mut Rng64) -> Guess {
    Guess::Order((0..v.options.len()).collect())
}

pub(super) fn reverse_listed(v: &View<'_>, _rng: &mut Rng64) -> Guess {
    Guess::Order((0..v.options.len()).rev().collect())
}

pub(super) fn alphabetical_order(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let keys = &v.keys;
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    idx.shuffle(rng);
    idx.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    Guess::Order(idx)
}
