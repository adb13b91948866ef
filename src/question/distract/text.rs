//! Drawing wrong text answers from a pool (answers of the same kind and group).

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use super::super::index::ItemRef;

/// Up to `count` items of `pool` at random that are `usable` and whose keys are neither in
/// `taken` nor equal to each other; their keys are added to `taken`. Fast on large pools: it samples instead
/// of shuffling when the pool is much larger than what it needs.
/// Up to `count` distinct items, from `first` as far as it goes, then from `then`: the
/// closest pool (the set's group, the sequence itself) before the wider one.
pub fn draw_preferring<'k, R: Rng + ?Sized>(
    first: &[ItemRef],
    then: &[ItemRef],
    count: usize,
    taken: &mut Vec<&'k str>,
    key_of: impl Fn(ItemRef) -> &'k str + Copy,
    rng: &mut R,
) -> Vec<ItemRef> {
    let mut picked = draw(first, count, taken, key_of, |_| true, rng);
    let rest = count - picked.len();
    picked.extend(draw(then, rest, taken, key_of, |_| true, rng));
    picked
}

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
