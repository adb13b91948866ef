//! Wrong numbers that give nothing away: the options form a ladder whose shape is drawn
//! before the answer is placed on it, and the answer's rung is drawn uniformly. So "the
//! middle one", "the one nearest the mean" or "the one most like the others" is right no
//! more often than any other guess. Every rung has the answer's roundness (as many
//! significant digits: 5,000 among 4,000 and 7,000; 3,637 among 3,412 and 4,105), none lies
//! inside the answer's tolerance or is another value the source supports, and every gap is
//! at least the tolerance wide, so the answer sits in no telltale hole.

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use crate::deck::{Number, Tolerance};

/// What the distractors are for.
#[derive(Debug, Clone)]
pub struct NumberTruth {
    pub value: Number,
    pub tolerance: Tolerance,
    /// Other values the source supports: never offered.
    pub also: Vec<Number>,
    /// A change (+1,363): the options share the answer's sign.
    pub signed: bool,
    /// A percentage: no option above 100, unless the answer is above it.
    pub percent: bool,
}

/// Trailing zeros of a positive integer (5000 → 3, 3637 → 0).
fn zeros(c: i64) -> u32 {
    let mut c = c.unsigned_abs();
    let mut z = 0;
    while c != 0 && c.is_multiple_of(10) {
        c /= 10;
        z += 1;
    }
    z
}

/// Significant digits of a positive integer (5000 → 1, 3637 → 4, 1300 → 2).
fn significant(c: i64) -> u32 {
    let mut c = c.unsigned_abs();
    if c == 0 {
        return 0;
    }
    while c.is_multiple_of(10) {
        c /= 10;
    }
    c.ilog10() + 1
}

/// The grid step of numbers near `c` with `s` significant digits.
fn step(c: i64, s: u32) -> i64 {
    let digits = if c <= 0 { 1 } else { c.ilog10() + 1 };
    10i64.pow(digits.saturating_sub(s))
}

/// The ladder's rules, in whole units of the answer's last decimal.
struct Rules<'t> {
    truth: &'t NumberTruth,
    scale: f64,
    /// The answer's significant digits and trailing zeros: every rung has as many of
    /// either (as round as the answer: 900 and 4,000 beside 5,000; 953 beside 1,105, not
    /// 950). `None` for small numbers: any whole unit.
    digits: Option<(u32, u32)>,
    hi: i64,
}

impl Rules<'_> {
    fn value(&self, units: i64) -> f64 {
        units as f64 / self.scale
    }

    fn fits(&self, units: i64, used: &[i64]) -> bool {
        let sign = if self.truth.value.value() < 0.0 {
            -1.0
        } else {
            1.0
        };
        let v = sign * self.value(units);
        let t = self.truth.value.value();
        units > 0
            && units <= self.hi
            && self
                .digits
                .is_none_or(|(s, z)| significant(units) == s || zeros(units) == z)
            && !used.contains(&units)
            && !self.truth.tolerance.accepts(t, v)
            && !self
                .truth
                .also
                .iter()
                .any(|a| self.truth.tolerance.accepts(a.value(), v) || a.value() == v)
    }

    /// The nearest fitting rung at or beyond `from`, going `down` or up.
    fn walk(&self, from: i64, down: bool, used: &[i64]) -> Option<i64> {
        let mut c = from;
        for _ in 0..400 {
            if self.fits(c, used) {
                return Some(c);
            }
            let s = self.grid(if down { c - 1 } else { c });
            c = if down { c - s } else { c + s };
            if c <= 0 || c > self.hi {
                return None;
            }
        }
        None
    }

    /// The finest step between candidate rungs near `c`.
    fn grid(&self, c: i64) -> i64 {
        self.digits.map_or(1, |(s, z)| step(c, s).min(10i64.pow(z)))
    }

    /// Onto the rung grid, rounding `down` or up.
    fn align(&self, x: i64, down: bool) -> i64 {
        match self.digits {
            Some(_) if x > 0 => {
                let st = self.grid(x);
                if down {
                    x / st * st
                } else {
                    (x + st - 1) / st * st
                }
            }
            _ => x,
        }
    }

    /// Rounds to the rung grid: `digits` significant digits.
    fn snap(&self, x: i64) -> i64 {
        match self.digits {
            Some(_) if x > 0 => {
                let st = self.grid(x);
                (x + st / 2) / st * st
            }
            _ => x,
        }
    }
}

/// `count` distinct wrong numbers for `truth`; fewer for a small number with too few
/// below it, or when no ladder fits.
pub fn number_distractors<R: Rng + ?Sized>(
    truth: &NumberTruth,
    count: usize,
    rng: &mut R,
) -> Vec<Number> {
    let decimals = truth.value.decimals();
    let scale = 10f64.powi(i32::from(decimals));
    let v = truth.value.value();
    let u = (v.abs() * scale).round() as i64;
    if u == 0 {
        return around_zero(truth, count, scale, rng);
    }
    let rules = Rules {
        truth,
        scale,
        digits: (u >= 100).then(|| (significant(u), zeros(u))),
        // A share is at most 100%; a percentage above it (a growth of 300%) is no share.
        hi: if truth.percent && u <= (100.0 * scale).round() as i64 {
            (100.0 * scale).round() as i64
        } else {
            i64::MAX / 4
        },
    };
    let tolerance_width = match truth.tolerance {
        Tolerance::Exact => 0.0,
        Tolerance::Absolute(a) => a * scale,
        Tolerance::Percent(p) => v.abs() * p / 100.0 * scale,
    };
    let min_gap = (tolerance_width.floor() as i64 + 1).max(1);
    let sign = if v < 0.0 { -1 } else { 1 };
    if u < 20 {
        return small(&rules, u, count, rng)
            .into_iter()
            .map(|c| to_number(sign * c, decimals, scale))
            .collect();
    }
    let spread = rng.random_range(0.05..0.2);
    let mut slots: Vec<usize> = (0..=count).collect();
    slots.shuffle(rng);
    let mut best: Vec<i64> = Vec::new();
    for below in slots {
        // Ratios between neighbouring rungs: the same law whichever rung is the answer.
        let ratios: Vec<f64> = (0..count)
            .map(|_| 1.0 + spread * rng.random_range(0.6..1.4))
            .collect();
        let mut used = vec![u];
        let mut rungs = Vec::with_capacity(count);
        let (mut down, mut up) = (u, u);
        for (j, ratio) in ratios.iter().enumerate() {
            let going_down = j < below;
            let from = if going_down { down } else { up };
            let gap = if going_down {
                from - (from as f64 / ratio).round() as i64
            } else {
                (from as f64 * ratio).round() as i64 - from
            }
            .max(min_gap);
            let target = if going_down { from - gap } else { from + gap };
            let start = if going_down {
                rules.align(rules.snap(target).min(down - 1), true)
            } else {
                rules.align(rules.snap(target).max(up + 1), false)
            };
            let Some(c) = rules.walk(start, going_down, &used) else {
                break;
            };
            used.push(c);
            rungs.push(c);
            if going_down {
                down = c;
            } else {
                up = c;
            }
        }
        if rungs.len() == count {
            best = rungs;
            break;
        }
        if rungs.len() > best.len() {
            best = rungs;
        }
    }
    best.into_iter()
        .map(|c| to_number(sign * c, decimals, scale))
        .collect()
}

fn to_number(units: i64, decimals: u8, scale: f64) -> Number {
    if decimals == 0 {
        Number::integer(units)
    } else {
        Number::decimal(units as f64 / scale, decimals)
    }
}

/// An answer of zero: a change that was none, or a count of nothing. A change gets a
/// ladder across zero; a count can only go up.
fn around_zero<R: Rng + ?Sized>(
    truth: &NumberTruth,
    count: usize,
    scale: f64,
    rng: &mut R,
) -> Vec<Number> {
    let width = match truth.tolerance {
        Tolerance::Absolute(a) => (a * scale).floor() as i64,
        _ => 0,
    };
    let below = if truth.signed {
        rng.random_range(0..=count)
    } else {
        0
    };
    // Another value the source supports is stepped over, never offered.
    let supported = |units: i64| {
        let v = units as f64 / scale;
        truth
            .also
            .iter()
            .any(|a| a.value() == v || truth.tolerance.accepts(a.value(), v))
    };
    let mut gap = || width + 1 + i64::from(rng.random_bool(0.3));
    let mut out = Vec::with_capacity(count);
    let (mut down, mut up) = (0i64, 0i64);
    for j in 0..count {
        if j < below {
            down -= gap();
            while supported(down) {
                down -= width + 1;
            }
            out.push(down);
        } else {
            up += gap();
            while supported(up) {
                up += width + 1;
            }
            out.push(up);
        }
    }
    out.into_iter()
        .map(|c| to_number(c, truth.value.decimals(), scale))
        .collect()
}

/// A small number (under 20 units): the rungs are whole units near it, a random few of the
/// nearest on each side. Below a small number there may be too few (under 3 only 1 and 2):
/// then fewer options are offered, so that every rung stays as likely as the others.
fn small<R: Rng + ?Sized>(rules: &Rules<'_>, u: i64, count: usize, rng: &mut R) -> Vec<i64> {
    let below: Vec<i64> = (1..u).rev().filter(|c| rules.fits(*c, &[])).collect();
    let count = count.min(below.len());
    let k = rng.random_range(0..=count);
    let above: Vec<i64> = (u + 1..)
        .take(400)
        .filter(|c| rules.fits(*c, &[]))
        .take(2 * (count - k) + 1)
        .collect();
    let mut out: Vec<i64> = below[..below.len().min(2 * k + 1)]
        .choose_multiple_from(rng, k)
        .into_iter()
        .chain(above.choose_multiple_from(rng, count - k))
        .collect();
    out.sort_unstable();
    out
}

/// `sample` for a slice, in the slice's order.
trait SampleFrom {
    fn choose_multiple_from<R: Rng + ?Sized>(&self, rng: &mut R, k: usize) -> Vec<i64>;
}

impl SampleFrom for [i64] {
    fn choose_multiple_from<R: Rng + ?Sized>(&self, rng: &mut R, k: usize) -> Vec<i64> {
        let mut idx: Vec<usize> = (0..self.len()).collect();
        idx.shuffle(rng);
        idx.truncate(k);
        idx.sort_unstable();
        idx.into_iter().map(|i| self[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    fn truth(value: Number, tolerance: Tolerance) -> NumberTruth {
        NumberTruth {
            value,
            tolerance,
            also: Vec::new(),
            signed: false,
            percent: false,
        }
    }

    fn distractors(t: &NumberTruth, seed: u64) -> Vec<Number> {
        number_distractors(t, 3, &mut Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    #[test]
    fn a_zero_answer_never_offers_another_supported_value() {
        for seed in 0..200 {
            let t = NumberTruth {
                also: vec![Number::integer(1), Number::integer(3)],
                ..truth(Number::integer(0), Tolerance::Exact)
            };
            let wrong = distractors(&t, seed);
            assert_eq!(wrong.len(), 3);
            assert!(
                wrong.iter().all(|n| n.value() != 1.0 && n.value() != 3.0),
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn rungs_keep_the_answers_roundness() {
        for seed in 0..50 {
            for d in distractors(&truth(Number::integer(5000), Tolerance::Exact), seed) {
                let x = d.value() as i64;
                assert!(significant(x) == 1 || zeros(x) == 3, "{d:?}");
            }
            for d in distractors(&truth(Number::integer(3637), Tolerance::Exact), seed) {
                assert_eq!(zeros(d.value() as i64), 0, "{d:?}");
            }
        }
    }

    #[test]
    fn the_answers_place_among_the_options_is_uniform() {
        let mut at = [0usize; 4];
        let t = truth(Number::integer(1959), Tolerance::Exact);
        for seed in 0..4000 {
            let ds = distractors(&t, seed);
            assert_eq!(ds.len(), 3);
            at[ds.iter().filter(|d| d.value() < 1959.0).count()] += 1;
        }
        for n in at {
            assert!((900..1100).contains(&n), "{at:?}");
        }
    }

    #[test]
    fn no_rung_inside_the_tolerance_or_on_another_supported_value() {
        let mut t = truth(Number::integer(7), Tolerance::Exact);
        t.also = vec![Number::integer(8)];
        for seed in 0..100 {
            let ds = distractors(&t, seed);
            assert_eq!(ds.len(), 3);
            assert!(
                ds.iter().all(|d| d.value() != 8.0 && d.value() > 0.0),
                "{ds:?}"
            );
        }
        let wide = truth(Number::integer(44), Tolerance::Absolute(10.0));
        for seed in 0..100 {
            let ds = distractors(&wide, seed);
            assert_eq!(ds.len(), 3);
            assert!(ds.iter().all(|d| (d.value() - 44.0).abs() > 10.0), "{ds:?}");
        }
    }

    #[test]
    fn percentages_stay_at_most_a_hundred_and_changes_keep_their_sign() {
        let mut p = truth(Number::integer(95), Tolerance::Exact);
        p.percent = true;
        let mut c = truth(Number::integer(-311), Tolerance::Exact);
        c.signed = true;
        for seed in 0..100 {
            assert!(distractors(&p, seed).iter().all(|d| d.value() <= 100.0));
            assert!(distractors(&c, seed).iter().all(|d| d.value() < 0.0));
        }
        let mut zero = truth(Number::integer(0), Tolerance::Exact);
        zero.signed = true;
        assert_eq!(distractors(&zero, 1).len(), 3);
    }

    #[test]
    fn decimals_keep_their_places() {
        for seed in 0..50 {
            for d in distractors(&truth(Number::decimal(7.32, 2), Tolerance::Exact), seed) {
                assert_eq!(d.decimals(), 2);
                assert_ne!(d.value(), 7.32);
            }
        }
    }
}
