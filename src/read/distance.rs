//! How many typing mistakes separate two keys, counted as a reader makes them: one per
//! grapheme (what the reader sees as one letter, "é" or "कि"), and within a Hangul
//! syllable one per jamo (세조 is one keystroke from 세종, 부산 two from 부안).
//!
//! Each Han character, kana or Hangul syllable carries as much as a Latin syllable, and an
//! input method's slip gives a whole other word (平城 for 平成), so answers written in
//! them get no allowance up to four characters and one mistake per five after that.

use unicode_segmentation::UnicodeSegmentation;

use super::script::{Script, is_cjk, script_of};

/// One thing a typing mistake changes: a character, a grapheme of several (by hash) or a
/// jamo of a Hangul syllable.
pub type Unit = u32;

/// The units of a key, in order.
pub fn units(key: &str) -> Vec<Unit> {
    if key.is_ascii() {
        return key.bytes().map(Unit::from).collect();
    }
    let mut out = Vec::with_capacity(key.len());
    for g in key.graphemes(true) {
        let mut chars = g.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => match hangul_jamo(c) {
                Some(jamo) => out.extend(jamo.into_iter().flatten()),
                None => out.push(Unit::from(c)),
            },
            // Above every code point, so a cluster never equals a lone character.
            _ => out.push(0x8000_0000 | fnv(g)),
        }
    }
    out
}

/// The leading consonant, vowel and final consonant of a precomposed Hangul syllable.
fn hangul_jamo(c: char) -> Option<[Option<Unit>; 3]> {
    let s = u32::from(c).checked_sub(0xAC00).filter(|s| *s < 11_172)?;
    let t = s % 28;
    Some([
        Some(0x1100 + s / 588),
        Some(0x1161 + (s % 588) / 28),
        (t != 0).then_some(0x11A7 + t),
    ])
}

fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193) & 0x7fff_ffff
    })
}

/// How many typing mistakes an answer with this key may contain. Alphabets: none up to 3
/// graphemes, 1 up to 5, 2 up to 11, then one more per 4. Han, kana and Hangul (when they
/// are most of the answer): none up to 4 characters, then one per 5. Arabic and Hebrew
/// letters: none up to 4, 1 up to 8, then one more per 4.
pub fn typo_allowance(key: &str) -> usize {
    let graphemes = if key.is_ascii() {
        key.len()
    } else {
        key.graphemes(true).count()
    };
    let cjk = if key.is_ascii() {
        0
    } else {
        key.chars().filter(|c| is_cjk(*c)).count()
    };
    let letters = graphemes - key.matches(' ').count();
    if cjk > 0 && 2 * cjk >= letters {
        return cjk / 5;
    }
    // Arabic and Hebrew leave short vowels unwritten: one letter of four carries as much
    // as a Latin syllable, and changing it gives another name (محمد for أحمد).
    let abjad = if key.is_ascii() {
        0
    } else {
        key.chars()
            .filter(|c| matches!(script_of(*c), Script::Arabic | Script::Hebrew))
            .count()
    };
    if abjad > 0 && 2 * abjad >= letters {
        return abjad.saturating_sub(1) / 4;
    }
    match graphemes {
        0..=3 => 0,
        4..=5 => 1,
        6..=11 => 2,
        n => n / 4,
    }
}

/// [`within`] for two keys, in their [`units`]. ASCII keys (most of them) are compared
/// byte by byte, which is the same as comparing their units, without building them.
pub fn keys_within(a: &str, b: &str, k: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        if a.len().abs_diff(b.len()) > k {
            return None;
        }
        if (1..=64).contains(&a.len()) {
            return Some(osa_bits(a.as_bytes(), b.as_bytes())).filter(|d| *d <= k);
        }
        within(a.as_bytes(), b.as_bytes(), k, rows)
    } else {
        within(&units(a), &units(b), k, rows)
    }
}

/// The optimal-string-alignment distance of `a` (1 to 64 bytes) and `b`, the whole
/// column of the table in one machine word per step (Hyyrö, "A bit-vector algorithm for
/// computing Levenshtein and Damerau edit distances", 2003): several times faster than
/// [`within`]'s band on the short keys near answers are made of, and the same distance.
fn osa_bits(a: &[u8], b: &[u8]) -> usize {
    let mut peq = [0u64; 256];
    for (i, &c) in a.iter().enumerate() {
        peq[usize::from(c)] |= 1 << i;
    }
    let last = 1u64 << (a.len() - 1);
    let (mut vp, mut vn, mut d0, mut pm_before) = (!0u64, 0u64, 0u64, 0u64);
    let mut distance = a.len();
    for &c in b {
        let pm = peq[usize::from(c)];
        let swap = ((!d0 & pm) << 1) & pm_before;
        d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | swap;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        distance += usize::from(hp & last != 0);
        distance -= usize::from(hn & last != 0);
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_before = pm;
    }
    distance
}

/// [`keys_within`] with scratch rows kept per thread, for callers that compare one pair
/// at a time (grading).
pub fn keys_distance(a: &str, b: &str, k: usize) -> Option<usize> {
    thread_local! {
        static ROWS: std::cell::RefCell<[Vec<usize>; 3]> = Default::default();
    }
    ROWS.with(|rows| match rows.try_borrow_mut() {
        Ok(mut rows) => keys_within(a, b, k, &mut rows),
        Err(_) => keys_within(a, b, k, &mut Default::default()),
    })
}

/// The optimal-string-alignment distance of `a` and `b` (insertions, deletions,
/// substitutions and swaps of two neighbours each count 1) when it is at most `k`. Only
/// the diagonal band of width `2k + 1` is computed, and it stops as soon as a whole row
/// exceeds `k`. `rows` is scratch space, kept by callers that compare many texts.
pub fn within<T: Copy + Eq>(
    a: &[T],
    b: &[T],
    k: usize,
    rows: &mut [Vec<usize>; 3],
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let inf = k + 1;
    let width = b.len() + 1;
    let [before, prev, row] = rows;
    before.clear();
    before.resize(width, inf);
    prev.clear();
    prev.extend((0..width).map(|j| j.min(inf)));
    row.clear();
    row.resize(width, inf);
    for i in 1..=a.len() {
        let from = i.saturating_sub(k).max(1);
        let to = (i + k).min(b.len());
        row.fill(inf);
        row[0] = i.min(inf);
        let mut best = row[0];
        for j in from..=to {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d.min(inf);
            best = best.min(row[j]);
        }
        if best > k {
            return None;
        }
        std::mem::swap(before, prev);
        std::mem::swap(prev, row);
    }
    Some(prev[b.len()]).filter(|d| *d <= k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str, k: usize) -> Option<usize> {
        within(&units(a), &units(b), k, &mut Default::default())
    }

    #[test]
    fn the_banded_distance_agrees_with_strsim() {
        let words = [
            "kim jong un",
            "kim jong il",
            "kmi jong un",
            "kim jong",
            "ri hyong jin",
            "ri hyongjin",
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kim il sung",
            "choe ryong hae",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                for k in 0..6 {
                    assert_eq!(distance(a, b, k), (d <= k).then_some(d), "{a} {b} {k}");
                }
            }
        }
    }

    #[test]
    fn keys_compare_as_their_units_whatever_their_script() {
        let words = [
            "kim jong un",
            "kim jong il",
            "세조",
            "세종",
            "kim 세종",
            "москва",
            "mockba",
            "",
        ];
        for a in words {
            for b in words {
                for k in 0..4 {
                    let expected = distance(a, b, k);
                    assert_eq!(keys_within(a, b, k, &mut Default::default()), expected);
                    assert_eq!(keys_distance(a, b, k), expected, "{a} {b} {k}");
                }
            }
        }
    }

    #[test]
    fn the_bit_parallel_distance_agrees_with_strsim() {
        // Random texts over a small alphabet, so that swaps, repeats and near misses abound.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..20_000 {
            let mut text = |max: u64| -> String {
                let len = next(max);
                (0..len)
                    .map(|_| b"ab c"[next(4) as usize] as char)
                    .collect()
            };
            let (a, b) = (text(70), text(70));
            if a.is_empty() {
                continue;
            }
            let d = strsim::osa_distance(&a, &b);
            if a.len() <= 64 {
                assert_eq!(osa_bits(a.as_bytes(), b.as_bytes()), d, "{a:?} {b:?}");
            }
            for k in [0, 1, 3, 80] {
                assert_eq!(
                    keys_distance(&a, &b, k),
                    (d <= k).then_some(d),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn hangul_is_counted_in_jamo_and_other_scripts_in_graphemes() {
        assert_eq!(distance("세조", "세종", 3), Some(1));
        assert_eq!(distance("부안", "부산", 3), Some(1));
        assert_eq!(distance("무산", "부산", 3), Some(1));
        assert_eq!(distance("태종", "세종", 3), Some(2));
        assert_eq!(distance("москва", "масква", 3), Some(1));
        assert_eq!(distance("कि", "का", 3), Some(1), "one grapheme each");
        assert_eq!(units("एक").len(), 2);
    }

    #[test]
    fn short_cjk_answers_get_no_allowance() {
        let allowed = [
            "세종",
            "세종대왕",
            "平成",
            "坂本龍馬",
            "대한민국임시정부",
            "ありがとうございます",
        ]
        .map(typo_allowance);
        assert_eq!(allowed, [0, 0, 0, 0, 1, 2]);
        let latin: Vec<usize> = [
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefghijk",
            "abcdefghijkl",
        ]
        .map(typo_allowance)
        .to_vec();
        assert_eq!(latin, [0, 1, 1, 2, 2, 3]);
        assert_eq!(
            typo_allowance("иванов"),
            2,
            "six Cyrillic letters, as six Latin ones"
        );
        assert_eq!(typo_allowance("مصر"), 0);
        assert_eq!(typo_allowance("احمد"), 0);
        assert_eq!(typo_allowance("ירושלים"), 1);
        assert_eq!(typo_allowance("جمال عبد الناصر"), 3);
    }
}
