//! Wrong dates that give nothing away: like numbers, the options form a ladder at the
//! answer's precision (days, months or years apart), drawn before the answer is placed on
//! it at a uniformly drawn rung. No option is "the one sharing most parts with the others"
//! or "the middle one" more often than chance. Rungs keep to the order the deck states
//! (`lo`, `hi`: an end after its start, preparations before the congress they prepare).

use jiff::civil::Date;
use rand::seq::IndexedRandom;
use rand::{Rng, RngExt};

use crate::deck::{FactDate, Precision};

/// What the distractors are for.
#[derive(Debug, Clone)]
pub struct DateTruth {
    pub date: FactDate,
    /// Other dates accepted as correct: no option overlaps them.
    pub accepted: Vec<FactDate>,
    /// Every option's period lies within these days, when given.
    pub lo: Option<Date>,
    pub hi: Option<Date>,
}

/// Typical gaps between rungs, in the answer's own unit.
fn scales(p: Precision) -> &'static [i64] {
    match p {
        Precision::Day => &[1, 2, 3, 4, 6, 8, 12, 20, 30, 45, 60, 100],
        Precision::Month => &[1, 2, 3, 4, 6, 9, 12],
        Precision::Year => &[1, 2, 3, 4, 5, 7, 10],
    }
}

/// Days since 0000-03-01 (proleptic Gregorian), and back (H. Hinnant's algorithms).
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

fn from_day_number(n: i64) -> Option<Date> {
    let era = n.div_euclid(146_097);
    let doe = n - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// The date as a count of its own unit, and back.
fn units(d: FactDate) -> i64 {
    match d.precision() {
        Precision::Day => day_number(d.first_day()),
        Precision::Month => {
            i64::from(d.year_number()) * 12 + i64::from(d.month_number().unwrap_or(1) - 1)
        }
        Precision::Year => i64::from(d.year_number()),
    }
}

fn from_units(n: i64, p: Precision) -> Option<FactDate> {
    match p {
        Precision::Day => from_day_number(n).map(FactDate::from),
        Precision::Month => FactDate::month(
            i16::try_from(n.div_euclid(12)).ok()?,
            i8::try_from(n.rem_euclid(12) + 1).ok()?,
        )
        .ok(),
        Precision::Year => FactDate::year(i16::try_from(n).ok()?).ok(),
    }
}

/// Whether two dates name overlapping periods at their common precision
/// (January 2021 and January 5, 2021 do).
fn same_period(a: &FactDate, b: &FactDate) -> bool {
    let common = a.precision().min(b.precision());
    a.truncate(common) == b.truncate(common)
}

impl DateTruth {
    fn fits(&self, d: &FactDate, used: &[FactDate]) -> bool {
        !std::iter::once(&self.date)
            .chain(&self.accepted)
            .chain(used)
            .any(|a| same_period(a, d))
            && self.lo.is_none_or(|lo| d.first_day() >= lo)
            && self.hi.is_none_or(|hi| d.last_day() <= hi)
    }

    /// A ladder with the answer at rung `below` (that many rungs under it), or `None`.
    fn ladder<R: Rng + ?Sized>(
        &self,
        count: usize,
        below: usize,
        scale: i64,
        rng: &mut R,
    ) -> Option<Vec<FactDate>> {
        let p = self.date.precision();
        let t = units(self.date);
        let (mut down, mut up) = (t, t);
        let mut used = Vec::with_capacity(count);
        for j in 0..count {
            let gap = ((scale as f64) * rng.random_range(0.5..1.5))
                .round()
                .max(1.0) as i64;
            let going_down = j < below;
            let mut at = if going_down { down - gap } else { up + gap };
            // Skip over accepted dates and repeats, a unit at a time.
            let mut found = None;
            for _ in 0..32 {
                match from_units(at, p) {
                    Some(d) if self.fits(&d, &used) => {
                        found = Some(d);
                        break;
                    }
                    Some(d) if self.lo.is_some_and(|lo| d.first_day() < lo) && going_down => {
                        return None;
                    }
                    Some(d) if self.hi.is_some_and(|hi| d.last_day() > hi) && !going_down => {
                        return None;
                    }
                    None => return None,
                    Some(_) => at += if going_down { -1 } else { 1 },
                }
            }
            let d = found?;
            if going_down {
                down = units(d);
            } else {
                up = units(d);
            }
            used.push(d);
        }
        Some(used)
    }
}

/// `count` distinct dates at `truth`'s precision, none of them accepted. The answer's rung
/// is drawn first; when the bounds leave no room for it (an event the day before the one it
/// precedes cannot be the earliest of four dates at month precision), the bounds give way
/// rather than the rung: which rung is right must stay a matter of chance.
pub fn date_distractors<R: Rng + ?Sized>(
    truth: &DateTruth,
    count: usize,
    rng: &mut R,
) -> Vec<FactDate> {
    let below = rng.random_range(0..=count);
    let first = *scales(truth.date.precision()).choose(rng).unwrap_or(&1);
    let unbounded = DateTruth {
        lo: None,
        hi: None,
        ..truth.clone()
    };
    // Without the bounds, the rungs stay as close as they go: the nearest plausible dates.
    for (t, first) in [(truth, first), (&unbounded, 1)] {
        let mut scale = first;
        loop {
            if let Some(ladder) = t.ladder(count, below, scale, rng) {
                return ladder;
            }
            if scale == 1 {
                break;
            }
            scale = (scale / 2).max(1);
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    fn d(s: &str) -> FactDate {
        s.parse().unwrap()
    }

    fn truth(date: &str, accepted: &[&str]) -> DateTruth {
        DateTruth {
            date: d(date),
            accepted: accepted.iter().map(|a| d(a)).collect(),
            lo: None,
            hi: None,
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        for s in [
            "2021-01-05",
            "2020-02-29",
            "1863-10-26",
            "0001-01-01",
            "2100-12-31",
        ] {
            let date = d(s).first_day();
            assert_eq!(from_day_number(day_number(date)), Some(date), "{s}");
        }
        assert_eq!(
            day_number(d("2021-01-01").first_day()) - day_number(d("2020-12-31").first_day()),
            1
        );
    }

    #[test]
    fn distractors_keep_the_precision_and_avoid_accepted_dates() {
        for seed in 0..100 {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
            let t = truth("2021-01-05", &["2021-01-06"]);
            let ds = date_distractors(&t, 5, &mut rng);
            assert_eq!(ds.len(), 5);
            for x in &ds {
                assert_eq!(x.precision(), Precision::Day);
                assert!(*x != d("2021-01-05") && *x != d("2021-01-06"));
            }
        }
    }

    #[test]
    fn a_coarse_accepted_date_rules_out_its_whole_period() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let ds = date_distractors(&truth("2021-01-05", &["2021-01"]), 5, &mut rng);
        assert_eq!(ds.len(), 5);
        assert!(ds.iter().all(|x| !same_period(x, &d("2021-01"))), "{ds:?}");
    }

    #[test]
    fn the_answers_rung_is_uniform_and_bounds_hold() {
        let mut at = [0usize; 4];
        for seed in 0..4000 {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
            let ds = date_distractors(&truth("2020-08-19", &[]), 3, &mut rng);
            at[ds.iter().filter(|x| **x < d("2020-08-19")).count()] += 1;
        }
        assert!(at.iter().all(|n| (900..1100).contains(n)), "{at:?}");
        let mut bounded = truth("2020-12-29", &[]);
        bounded.hi = Some(d("2021-01-04").first_day());
        for seed in 0..200 {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
            let ds = date_distractors(&bounded, 3, &mut rng);
            assert_eq!(ds.len(), 3);
            assert!(ds.iter().all(|x| *x <= d("2021-01-04")), "{ds:?}");
        }
    }
}
