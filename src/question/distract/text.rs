//! Drawing wrong text answers from pools of texts of the answer's sort.

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use super::super::index::ItemRef;
use super::super::style::Style;

/// Up to `count` items of `pool` at random that are `usable` and whose keys are neither in
/// `taken` nor equal to each other; their keys are added to `taken`. Fast on large pools:
/// it samples instead of shuffling when the pool is much larger than what it needs.
pub fn draw<'k, R: Rng + ?Sized>(
    pool: &[ItemRef],
    count: usize,
    taken: &mut Vec<&'k str>,
    key_of: impl Fn(ItemRef) -> &'k str,
    usable: impl Fn(ItemRef) -> bool,
    rng: &mut R,
) -> Vec<ItemRef> {
    let mut out = Vec::with_capacity(count);
    let consider = |item: ItemRef, out: &mut Vec<ItemRef>, taken: &mut Vec<&'k str>| {
        let k = key_of(item);
        if !k.is_empty() && !taken.contains(&k) && usable(item) {
            taken.push(k);
            out.push(item);
        }
    };
    if pool.len() <= count * 4 + 16 {
        let mut order: Vec<ItemRef> = pool.to_vec();
        order.shuffle(rng);
        for item in order {
            if out.len() == count {
                break;
            }
            consider(item, &mut out, taken);
        }
        return out;
    }
    for _ in 0..count * 16 {
        if out.len() == count {
            return out;
        }
        consider(pool[rng.random_range(0..pool.len())], &mut out, taken);
    }
    // A pool crowded with excluded keys: walk it from a random start.
    let start = rng.random_range(0..pool.len());
    for i in 0..pool.len() {
        if out.len() == count {
            break;
        }
        consider(pool[(start + i) % pool.len()], &mut out, taken);
    }
    out
}

/// At most this many candidates of a large pool are looked at, sampled at random: enough
/// to find several written like the answer, few enough to cost little.
const LOOKED_AT: usize = 64;

/// Up to `count` distinct items, from the `tiers` in order (the nearest pool first), and
/// within a tier those that look most like the answer (`look`) first: a wrong option
/// written differently from the others would stand out.
/// `describe` gives an item's key and look.
pub fn draw_alike<'k, R: Rng + ?Sized>(
    tiers: &[&[ItemRef]],
    count: usize,
    taken: &mut Vec<&'k str>,
    look: &Style,
    describe: impl Fn(ItemRef) -> (&'k str, Option<Style>) + Copy,
    usable: impl Fn(ItemRef) -> bool + Copy,
    rng: &mut R,
) -> Vec<ItemRef> {
    let key_of = |r: ItemRef| describe(r).0;
    let mut picked = Vec::with_capacity(count);
    for tier in tiers {
        let sample: Vec<ItemRef> = if tier.len() > LOOKED_AT {
            (0..LOOKED_AT)
                .map(|_| tier[rng.random_range(0..tier.len())])
                .collect()
        } else {
            tier.to_vec()
        };
        let mut by_look: [Vec<ItemRef>; 4] = Default::default();
        for item in sample {
            let d = describe(item)
                .1
                .map_or(3, |s| usize::from(s.distance(look)).min(3));
            by_look[d].push(item);
        }
        for bucket in by_look {
            if picked.len() == count {
                return picked;
            }
            let rest = count - picked.len();
            picked.extend(draw(&bucket, rest, taken, key_of, usable, rng));
        }
    }
    picked
}
