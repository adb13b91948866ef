//! True or false without knowing: by the look of the two values of a statement.

use rand::RngExt;

use super::reading::*;
use super::*;

pub(super) fn always_true(_: &View<'_>, _: &mut Rng64) -> Guess {
    Guess::Bool(true)
}

pub(super) fn always_false(_: &View<'_>, _: &mut Rng64) -> Guess {
    Guess::Bool(false)
}

/// The quoted values of a statement ("…from “A” to “B”").
pub(super) fn quoted_sides(prompt: &str) -> Vec<String> {
    prompt
        .split('\u{201c}')
        .skip(1)
        .filter_map(|s| s.split('\u{201d}').next())
        .map(str::to_owned)
        .collect()
}

/// A statement whose two values look alike is true; one that mixes looks is made up.
pub(super) fn sides_alike(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match quoted_sides(v.prompt).as_slice() {
        [a, b] => Guess::Bool(signature(a) == signature(b)),
        _ => Guess::Bool(rng.random_bool(0.5)),
    }
}

/// A statement whose later value is the longer one is true (titles and names grow).
pub(super) fn grows(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match quoted_sides(v.prompt).as_slice() {
        [a, b] if a.len() != b.len() => Guess::Bool(b.len() > a.len()),
        _ => Guess::Bool(rng.random_bool(0.5)),
    }
}

/// A statement whose values share words with its subject is true.
pub(super) fn sides_fit_subject(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let sides = quoted_sides(v.prompt);
    let subject = v.prompt.split('\u{201c}').next().unwrap_or("");
    let fit = |s: &str| {
        words(s)
            .iter()
            .filter(|w| words(subject).contains(w))
            .count()
    };
    match sides.as_slice() {
        [a, b] if fit(a) != fit(b) => Guess::Bool(fit(a) > 0 && fit(b) > 0),
        _ => Guess::Bool(rng.random_bool(0.5)),
    }
}
