//! Drawing wrong text answers from pools of texts of the answer's sort.

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use super::super::index::{Index, ItemRef};
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
    draw_into(
        pool,
        count,
        taken,
        key_of,
        usable,
        rng,
        &mut Vec::new(),
        &mut out,
    );
    out
}

/// [`draw`], adding to `out` (up to `count` more) and shuffling small pools in `scratch`,
/// so that a caller drawing from several pools allocates once.
#[allow(clippy::too_many_arguments)]
fn draw_into<'k, R: Rng + ?Sized>(
    pool: &[ItemRef],
    count: usize,
    taken: &mut Vec<&'k str>,
    key_of: impl Fn(ItemRef) -> &'k str,
    usable: impl Fn(ItemRef) -> bool,
    rng: &mut R,
    scratch: &mut Vec<ItemRef>,
    out: &mut Vec<ItemRef>,
) {
    let want = out.len() + count;
    let consider = |item: ItemRef, out: &mut Vec<ItemRef>, taken: &mut Vec<&'k str>| {
        let k = key_of(item);
        if !k.is_empty() && !taken.contains(&k) && usable(item) {
            taken.push(k);
            out.push(item);
        }
    };
    if pool.len() <= count * 4 + 16 {
        scratch.clear();
        scratch.extend_from_slice(pool);
        scratch.shuffle(rng);
        for &item in scratch.iter() {
            if out.len() == want {
                break;
            }
            consider(item, out, taken);
        }
        return;
    }
    for _ in 0..count * 16 {
        if out.len() == want {
            return;
        }
        consider(pool[rng.random_range(0..pool.len())], out, taken);
    }
    // A pool crowded with excluded keys: walk it from a random start.
    let start = rng.random_range(0..pool.len());
    for i in 0..pool.len() {
        if out.len() == want {
            break;
        }
        consider(pool[(start + i) % pool.len()], out, taken);
    }
}

/// At most this many candidates of a large pool are looked at, sampled at random: enough
/// to find several written like the answer, few enough to cost little.
const LOOKED_AT: usize = 64;

/// Up to `count` distinct items, from the `tiers` in order (the nearest pool first), and
/// within a tier those that look most like the answer (`look`) first: a wrong option
/// written differently from the others would stand out.
/// `index` gives an item's look, and its key only for the candidates actually weighed
/// (reading the keys of every sampled item was most of the cost on large decks).
pub fn draw_alike<'k, R: Rng + ?Sized>(
    tiers: &[&[ItemRef]],
    count: usize,
    taken: &mut Vec<&'k str>,
    look: &Style,
    index: &'k Index,
    usable: impl Fn(ItemRef) -> bool + Copy,
    rng: &mut R,
) -> Vec<ItemRef> {
    let key_of = |r: ItemRef| index.key_of(r);
    let mut picked = Vec::with_capacity(count);
    let mut by_look: [Vec<ItemRef>; 4] = Default::default();
    let mut scratch = Vec::new();
    for tier in tiers {
        by_look.iter_mut().for_each(Vec::clear);
        let mut place = |item: ItemRef| {
            let d = index
                .style_of(item)
                .map_or(3, |s| usize::from(s.distance(look)).min(3));
            by_look[d].push(item);
        };
        if tier.len() > LOOKED_AT {
            for _ in 0..LOOKED_AT {
                place(tier[rng.random_range(0..tier.len())]);
            }
        } else {
            tier.iter().copied().for_each(place);
        }
        for bucket in &by_look {
            if picked.len() == count {
                return picked;
            }
            let rest = count - picked.len();
            draw_into(
                bucket,
                rest,
                taken,
                key_of,
                usable,
                rng,
                &mut scratch,
                &mut picked,
            );
        }
    }
    picked
}
