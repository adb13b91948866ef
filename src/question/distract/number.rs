//! Wrong numbers that look right: the same order of magnitude and the same roundness as
//! the answer (5,000 → 4,000, 6,000, 7,500; 3,637 → 3,412, 3,891), never inside the
//! answer's tolerance, preferring real figures of the same group.

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use crate::deck::{Number, Tolerance};

/// What the distractors are for.
#[derive(Debug, Clone, Copy)]
pub struct NumberTruth {
    pub value: Number,
    pub tolerance: Tolerance,
    /// A change (+1363): options come in sign-mirrored pairs (±1363, ±1217), so that the
    /// direction is tested as well as the amount and no option stands out by its sign.
    pub signed: bool,
}

/// `count` distinct wrong numbers for `truth`; `group` holds other figures of its group.
pub fn number_distractors<R: Rng + ?Sized>(
    truth: NumberTruth,
    group: &[Number],
    count: usize,
    rng: &mut R,
) -> Vec<Number> {
    if truth.signed {
        signed_distractors(truth, group, count, rng)
    } else {
        same_sign_distractors(truth, group, count, rng)
    }
}

/// The answer's mirror plus decoys in mirrored pairs (and, for an odd number left, one
/// decoy of either sign), so "the option whose negation is also listed" is no clue: every
/// option but at most one lone decoy has its mirror listed. When the mirror would count as
/// right (a tolerance wider than the change), no option is mirrored at all.
fn signed_distractors<R: Rng + ?Sized>(
    truth: NumberTruth,
    group: &[Number],
    count: usize,
    rng: &mut R,
) -> Vec<Number> {
    let v = truth.value.value();
    let unsigned = NumberTruth {
        signed: false,
        ..truth
    };
    let mirror_of_answer = v != 0.0;
    if mirror_of_answer && truth.tolerance.accepts(v, -v) {
        return same_sign_distractors(unsigned, group, count, rng);
    }
    let mut out = Vec::with_capacity(count);
    let mut left = count;
    if mirror_of_answer && left > 0 {
        out.push(negated(truth.value));
        left -= 1;
    }
    let (pairs, lone) = (left / 2, left % 2);
    // For a zero change the decoys may come with either sign: keep distinct sizes only.
    let wanted = if v == 0.0 {
        2 * (pairs + lone)
    } else {
        pairs + lone
    };
    let mut sizes: Vec<Number> = Vec::with_capacity(pairs + lone);
    for size in same_sign_distractors(unsigned, group, wanted, rng) {
        let size = absolute(size);
        if !sizes.iter().any(|s| s.value() == size.value()) && sizes.len() < pairs + lone {
            sizes.push(size);
        }
    }
    for (k, size) in sizes.into_iter().enumerate() {
        if k < pairs {
            out.extend([size, negated(size)]);
        } else if rng.random_bool(0.5) {
            out.push(size);
        } else {
            out.push(negated(size));
        }
    }
    out
}

fn negated(n: Number) -> Number {
    if n.is_integer() {
        Number::integer(-(n.value() as i64))
    } else {
        Number::decimal(-n.value(), n.decimals())
    }
}

fn absolute(n: Number) -> Number {
    if n.value() < 0.0 { negated(n) } else { n }
}

fn same_sign_distractors<R: Rng + ?Sized>(
    truth: NumberTruth,
    group: &[Number],
    count: usize,
    rng: &mut R,
) -> Vec<Number> {
    let decimals = truth.value.decimals();
    let scale = 10f64.powi(i32::from(decimals));
    let v = truth.value.value();
    // Scaled to whole units of the last written decimal: 2.5 → 25, 5000 → 5000.
    let u = (v.abs() * scale).round() as i64;
    let sign = if v < 0.0 { -1 } else { 1 };
    let to_number = |units: i64| {
        let value = units as f64 / scale;
        if decimals == 0 {
            Number::integer(units)
        } else {
            Number::decimal(value, decimals)
        }
    };
    let mut taken: Vec<f64> = vec![v];
    let mut chosen: Vec<Number> = Vec::with_capacity(count);
    let fits = |c: f64, taken: &[f64]| {
        let same_side = (c > 0.0) == (v > 0.0) || (v == 0.0 && c > 0.0);
        same_side
            && !truth.tolerance.accepts(v, c)
            && !taken.iter().any(|t| (t - c).abs() < 0.5 / scale)
    };

    // Real figures of the group: at most half the distractors, and only plausible ones.
    let mut real: Vec<Number> = group
        .iter()
        .copied()
        .filter(|n| plausible(v, n.value()))
        .collect();
    real.shuffle(rng);
    for n in real.into_iter().take(count / 2) {
        if fits(n.value(), &taken) {
            taken.push(n.value());
            chosen.push(n);
        }
    }

    let mut candidates = shaped_candidates(u, rng);
    candidates.shuffle(rng);
    let step = fallback_step(u, truth.tolerance, v, scale);
    let fallback = (1..).flat_map(|k| [u + k * step, u - k * step]);
    for units in candidates.into_iter().chain(fallback).take(10_000) {
        if chosen.len() == count {
            break;
        }
        let c = sign as f64 * units as f64 / scale;
        if fits(c, &taken) {
            taken.push(c);
            chosen.push(to_number(sign * units));
        }
    }
    chosen
}

/// Within a factor of three of the answer (or of each other's size when small).
fn plausible(truth: f64, other: f64) -> bool {
    let (a, b) = (truth.abs(), other.abs());
    a == b || (b <= a * 3.0 + 6.0 && b * 3.0 + 6.0 >= a)
}

/// Candidates in scaled units, of the answer's magnitude and roundness.
fn shaped_candidates<R: Rng + ?Sized>(u: i64, rng: &mut R) -> Vec<i64> {
    if u == 0 {
        return (1..=6).collect();
    }
    let mut step = 1i64;
    while u % (step * 10) == 0 {
        step *= 10;
    }
    let significant = u / step;
    let (low, high) = ((u / 3).max(1), (u * 3).max(u + 6 * step));
    let mut out: Vec<i64> = if significant < 20 {
        // Few significant digits: neighbours on the same grid, and half steps for round
        // numbers (5,000 → 4,500, 7,500).
        let whole = [-3, -2, -1, 1, 2, 3, 4].map(|k| u + k * step);
        let half = [-3, -1, 1, 3, 5].map(|k| u + k * step / 2);
        whole
            .into_iter()
            .chain(half.into_iter().filter(|_| step >= 10))
            .collect()
    } else {
        // Many significant digits: spread 4–35 % around it, on the same grid but never
        // rounder than the answer (3,637 → 3,412, not 3,400).
        (0..10)
            .map(|_| {
                let spread = rng.random_range(0.04..0.35) * u as f64;
                let delta = ((spread / step as f64).round() as i64).max(1) * step;
                let c = if rng.random_bool(0.5) {
                    u + delta
                } else {
                    u - delta
                };
                if (c / step) % 10 == 0 { c + step } else { c }
            })
            .collect()
    };
    out.retain(|c| (low..=high).contains(c));
    out
}

/// A step wide enough to leave the tolerance behind, used when the shaped candidates run
/// out (tiny values, wide tolerances).
fn fallback_step(u: i64, tolerance: Tolerance, v: f64, scale: f64) -> i64 {
    let width = match tolerance {
        Tolerance::Exact => 0.0,
        Tolerance::Absolute(a) => a * scale,
        Tolerance::Percent(p) => v.abs() * p / 100.0 * scale,
    };
    let mut step = 1i64;
    while u % (step * 10) == 0 && u != 0 {
        step *= 10;
    }
    let needed = (width.ceil() as i64 + 1).max(1);
    (needed + step - 1) / step * step
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    fn distractors(value: Number, tolerance: Tolerance, signed: bool, seed: u64) -> Vec<Number> {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let truth = NumberTruth {
            value,
            tolerance,
            signed,
        };
        number_distractors(truth, &[], 5, &mut rng)
    }

    #[test]
    fn round_numbers_get_round_distractors() {
        for seed in 0..50 {
            for d in distractors(Number::integer(5000), Tolerance::Exact, false, seed) {
                let x = d.value() as i64;
                assert!(x % 500 == 0 && (1000..=15000).contains(&x), "{x}");
            }
        }
    }

    #[test]
    fn ragged_numbers_get_ragged_distractors() {
        for seed in 0..50 {
            for d in distractors(Number::integer(3637), Tolerance::Exact, false, seed) {
                let x = d.value() as i64;
                assert!(x % 10 != 0 && (1212..=10911).contains(&x), "{x}");
            }
        }
    }

    #[test]
    fn small_values_and_wide_tolerances_still_get_enough() {
        for (value, tolerance) in [
            (Number::integer(7), Tolerance::Exact),
            (Number::integer(1), Tolerance::Exact),
            (Number::integer(0), Tolerance::Exact),
            (Number::integer(44), Tolerance::Absolute(10.0)),
            (Number::integer(100), Tolerance::Percent(100.0)),
            (Number::decimal(2.5, 1), Tolerance::Exact),
        ] {
            for seed in 0..20 {
                let ds = distractors(value, tolerance, false, seed);
                assert_eq!(ds.len(), 5, "{value:?}");
                for d in ds {
                    assert!(!tolerance.accepts(value.value(), d.value()), "{d:?}");
                    assert!(d.value() > 0.0, "{d:?}");
                }
            }
        }
    }

    #[test]
    fn changes_may_point_the_other_way() {
        let ds = distractors(Number::integer(1363), Tolerance::Exact, true, 1);
        assert!(ds.iter().any(|d| d.value() == -1363.0), "{ds:?}");
    }

    fn mirrored(options: &[f64], x: f64) -> bool {
        options.iter().any(|o| *o == -x)
    }

    #[test]
    fn a_change_is_not_the_only_option_with_its_mirror_listed() {
        for count in 1..=5 {
            for (value, seed) in [(1363, 1), (-250, 2), (7, 3), (-3, 4), (0, 5)] {
                let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
                let truth = NumberTruth {
                    value: Number::integer(value),
                    tolerance: Tolerance::Exact,
                    signed: true,
                };
                let ds = number_distractors(truth, &[], count, &mut rng);
                assert_eq!(ds.len(), count, "{value} {count}");
                let mut options: Vec<f64> = ds.iter().map(Number::value).collect();
                options.push(value as f64);
                let unmirrored_decoys = ds.iter().filter(|d| !mirrored(&options, d.value()));
                assert!(unmirrored_decoys.count() <= 1, "{options:?}");
                let mut sorted = options.clone();
                sorted.sort_by(f64::total_cmp);
                sorted.dedup();
                assert_eq!(sorted.len(), options.len(), "{options:?}");
            }
        }
    }

    #[test]
    fn a_mirror_inside_the_tolerance_is_not_offered() {
        let ds = distractors(Number::integer(2), Tolerance::Absolute(5.0), true, 1);
        assert!(
            ds.iter()
                .all(|d| !Tolerance::Absolute(5.0).accepts(2.0, d.value()))
        );
    }
}
