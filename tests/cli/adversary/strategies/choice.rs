//! Picking one option by its place, its value among the others, its look or its words.

use rand::seq::IndexedRandom;

use super::reading::*;
use super::*;

pub(super) fn slot(k: usize) -> impl Fn(&View<'_>, &mut Rng64) -> Guess {
    move |v, rng| {
        if k < v.options.len() {
            Guess::Pick(k)
        } else {
            random_pick(v, rng)
        }
    }
}

pub(super) fn middle(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let n = v.options.len();
    let picks = if n % 2 == 1 {
        vec![n / 2]
    } else {
        vec![n / 2 - 1, n / 2]
    };
    Guess::Pick(*picks.choose(rng).unwrap_or(&0))
}

pub(super) fn nearest_mean(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let Some(x) = values(v) else {
        return random_pick(v, rng);
    };
    let mean = x.iter().sum::<f64>() / x.len() as f64;
    best_by(
        &x.iter().map(|a| -(a - mean).abs()).collect::<Vec<_>>(),
        rng,
    )
}

/// The option nearest the mean of the others: "the one most like the rest".
pub(super) fn nearest_others(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let Some(x) = values(v) else {
        return random_pick(v, rng);
    };
    let total: f64 = x.iter().sum();
    let n = x.len() as f64;
    let scores: Vec<f64> = x
        .iter()
        .map(|a| -(a - (total - a) / (n - 1.0)).abs() / a.abs().max(1.0))
        .collect();
    best_by(&scores, rng)
}

/// Parts shared with the other options: date parts, digits in place, words.
pub(super) fn shared_parts(v: &View<'_>) -> Vec<f64> {
    let n = v.options.len();
    if let Some(d) = dates(v) {
        return (0..n)
            .map(|i| {
                (0..n)
                    .filter(|j| *j != i)
                    .map(|j| {
                        f64::from(u8::from(d[i].1 == d[j].1))
                            + f64::from(u8::from(d[i].2.is_some() && d[i].2 == d[j].2))
                            + f64::from(u8::from(d[i].3.is_some() && d[i].3 == d[j].3))
                    })
                    .sum()
            })
            .collect();
    }
    if numbers(v).is_some() {
        let digits: Vec<Vec<char>> = v
            .options
            .iter()
            .map(|o| o.chars().filter(char::is_ascii_digit).rev().collect())
            .collect();
        return (0..n)
            .map(|i| {
                (0..n)
                    .filter(|j| *j != i)
                    .map(|j| {
                        let same = digits[i]
                            .iter()
                            .zip(&digits[j])
                            .filter(|(a, b)| a == b)
                            .count();
                        same as f64 + f64::from(u8::from(digits[i].len() == digits[j].len()))
                    })
                    .sum()
            })
            .collect();
    }
    let w = &v.words;
    (0..n)
        .map(|i| {
            (0..n)
                .filter(|j| *j != i)
                .map(|j| w[i].iter().filter(|x| w[j].contains(x)).count() as f64)
                .sum()
        })
        .collect()
}

pub(super) fn most_shared(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shared_parts(v), rng)
}

pub(super) fn least_shared(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shared_parts(v).iter().map(|s| -s).collect::<Vec<_>>(), rng)
}

pub(super) fn longest(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(
        &v.options.iter().map(|o| o.len() as f64).collect::<Vec<_>>(),
        rng,
    )
}

pub(super) fn shortest(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(
        &v.options
            .iter()
            .map(|o| -(o.len() as f64))
            .collect::<Vec<_>>(),
        rng,
    )
}

pub(super) fn shape_counts(v: &View<'_>) -> Vec<f64> {
    let shapes = &v.shapes;
    shapes
        .iter()
        .map(|s| shapes.iter().filter(|t| *t == s).count() as f64)
        .collect()
}

/// The one option that looks unlike all the others.
pub(super) fn odd_shape(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shape_counts(v).iter().map(|c| -c).collect::<Vec<_>>(), rng)
}

pub(super) fn typical_shape(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shape_counts(v), rng)
}

pub(super) fn trailing_zeros(v: &View<'_>) -> Option<Vec<f64>> {
    numbers(v)?;
    Some(
        v.options
            .iter()
            .map(|o| number_signature(o).1 as f64 - number_signature(o).2 as f64)
            .collect(),
    )
}

pub(super) fn roundest(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match trailing_zeros(v) {
        Some(z) => best_by(&z, rng),
        None => random_pick(v, rng),
    }
}

pub(super) fn least_round(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match trailing_zeros(v) {
        Some(z) => best_by(&z.iter().map(|x| -x).collect::<Vec<_>>(), rng),
        None => random_pick(v, rng),
    }
}

pub(super) fn overlap(v: &View<'_>) -> Vec<f64> {
    let prompt = &v.prompt_words;
    v.words
        .iter()
        .map(|w| {
            w.iter().filter(|x| prompt.contains(x)).count() as f64 / (w.len().max(1) as f64).sqrt()
        })
        .collect()
}

pub(super) fn most_overlap(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&overlap(v), rng)
}

pub(super) fn least_overlap(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&overlap(v).iter().map(|x| -x).collect::<Vec<_>>(), rng)
}

/// For signed options: the answer is one of a mirrored pair, on the side the lone decoys
/// are not.
pub(super) fn mirror(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let Some(x) = numbers(v) else {
        return random_pick(v, rng);
    };
    let mirrored: Vec<usize> = (0..x.len())
        .filter(|i| x[*i] != 0.0 && x.contains(&-x[*i]))
        .collect();
    let lone: Vec<bool> = (0..x.len())
        .filter(|i| !mirrored.contains(i))
        .map(|i| x[i] > 0.0)
        .collect();
    match (mirrored.as_slice(), lone.first()) {
        ([a, b], Some(side)) if lone.iter().all(|s| s == side) => {
            Guess::Pick(if (x[*a] > 0.0) == *side { *a } else { *b })
        }
        _ if !mirrored.is_empty() => Guess::Pick(*mirrored.choose(rng).unwrap_or(&0)),
        _ => random_pick(v, rng),
    }
}

pub(super) fn positive(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match numbers(v) {
        Some(x) => best_by(
            &x.iter()
                .map(|a| if *a > 0.0 { 1.0 } else { 0.0 })
                .collect::<Vec<_>>(),
            rng,
        ),
        None => random_pick(v, rng),
    }
}

pub(super) fn alphabetical(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let keys = &v.keys;
    let first = (0..keys.len()).min_by(|a, b| keys[*a].cmp(&keys[*b]));
    first.map_or_else(|| random_pick(v, rng), Guess::Pick)
}

pub(super) fn alphabetical_last(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let keys = &v.keys;
    let last = (0..keys.len()).max_by(|a, b| keys[*a].cmp(&keys[*b]));
    last.map_or_else(|| random_pick(v, rng), Guess::Pick)
}
