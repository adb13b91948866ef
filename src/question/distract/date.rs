//! Wrong dates that look right: at the answer's precision, near it (days, months or years
//! around it), and other dates of the deck close enough to be plausible.

use jiff::Span;
use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use crate::deck::{FactDate, Precision};

/// `count` distinct dates at `truth`'s precision, none of them an accepted answer.
/// `deck_dates` are the deck's dates at that precision, sorted.
pub fn date_distractors<R: Rng + ?Sized>(
    truth: FactDate,
    accepted: &[FactDate],
    deck_dates: &[FactDate],
    count: usize,
    rng: &mut R,
) -> Vec<FactDate> {
    let is_answer = |c: &FactDate| {
        std::iter::once(&truth)
            .chain(accepted)
            .any(|a| same_period(a, c))
    };
    let mut chosen: Vec<FactDate> = Vec::with_capacity(count);

    let mut neighbours = deck_neighbours(truth, deck_dates);
    neighbours.shuffle(rng);
    let from_deck = rng.random_range(0..=count / 2);
    for d in neighbours {
        if chosen.len() >= from_deck {
            break;
        }
        if !is_answer(&d) && !chosen.contains(&d) {
            chosen.push(d);
        }
    }

    let mut near = near_steps(truth.precision());
    near.shuffle(rng);
    let unit = own_unit(truth.precision());
    let far = (1..=400).flat_map(|k| [unit(k), unit(-k)]);
    for step in near.into_iter().chain(far) {
        if chosen.len() == count {
            break;
        }
        if let Some(d) = shift(truth, step)
            && !is_answer(&d)
            && !chosen.contains(&d)
        {
            chosen.push(d);
        }
    }
    chosen
}

/// Whether two dates name overlapping periods at their common precision
/// (January 2021 and January 5, 2021 do).
fn same_period(a: &FactDate, b: &FactDate) -> bool {
    let common = a.precision().min(b.precision());
    a.truncate(common) == b.truncate(common)
}

/// Up to three deck dates either side of `truth`, within a plausible distance.
fn deck_neighbours(truth: FactDate, sorted: &[FactDate]) -> Vec<FactDate> {
    let window = match truth.precision() {
        Precision::Day => 2,
        Precision::Month => 5,
        Precision::Year => 30,
    };
    let at = sorted.partition_point(|d| *d < truth);
    let lo = at.saturating_sub(3);
    let hi = (at + 4).min(sorted.len());
    sorted[lo..hi]
        .iter()
        .copied()
        .filter(|d| (d.year_number() - truth.year_number()).abs() <= window)
        .collect()
}

/// A move in time by whole days, months or years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(i32),
    Months(i32),
    Years(i32),
}

fn own_unit(precision: Precision) -> fn(i32) -> Step {
    match precision {
        Precision::Day => Step::Days,
        Precision::Month => Step::Months,
        Precision::Year => Step::Years,
    }
}

/// Near moves; days also move by a month or a year and months by a year, so that
/// "January 6" and "February 5" both appear as neighbours of "January 5".
fn near_steps(precision: Precision) -> Vec<Step> {
    use Step::{Days, Months, Years};
    match precision {
        Precision::Day => vec![
            Days(-7),
            Days(-4),
            Days(-3),
            Days(-2),
            Days(-1),
            Days(1),
            Days(2),
            Days(3),
            Days(4),
            Days(7),
            Months(1),
            Months(-1),
            Years(1),
            Years(-1),
        ],
        Precision::Month => vec![
            Months(-4),
            Months(-3),
            Months(-2),
            Months(-1),
            Months(1),
            Months(2),
            Months(3),
            Months(4),
            Years(1),
            Years(-1),
        ],
        Precision::Year => vec![
            Years(-5),
            Years(-3),
            Years(-2),
            Years(-1),
            Years(1),
            Years(2),
            Years(3),
            Years(5),
            Years(10),
            Years(-10),
        ],
    }
}

/// `date` moved by `step`, at `date`'s own precision.
fn shift(date: FactDate, step: Step) -> Option<FactDate> {
    match (date.precision(), step) {
        (Precision::Day, step) => {
            let span = match step {
                Step::Days(k) => Span::new().days(k),
                Step::Months(k) => Span::new().months(k),
                Step::Years(k) => Span::new().years(k),
            };
            date.first_day().checked_add(span).ok().map(FactDate::from)
        }
        (Precision::Month, Step::Months(k) | Step::Years(k)) => {
            let k = if matches!(step, Step::Years(_)) {
                k * 12
            } else {
                k
            };
            let months = i32::from(date.year_number()) * 12
                + i32::from(date.month_number().unwrap_or(1) - 1)
                + k;
            let year = i16::try_from(months.div_euclid(12)).ok()?;
            let month = i8::try_from(months.rem_euclid(12) + 1).ok()?;
            FactDate::month(year, month).ok()
        }
        (Precision::Year, Step::Years(k)) => {
            let year = i16::try_from(i32::from(date.year_number()) + k).ok()?;
            FactDate::year(year).ok()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    fn d(s: &str) -> FactDate {
        s.parse().unwrap()
    }

    #[test]
    fn distractors_keep_the_precision_and_avoid_accepted_dates() {
        let deck = [d("2020-12-30"), d("2021-01-05"), d("2021-01-12")];
        for seed in 0..100 {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
            let ds = date_distractors(d("2021-01-05"), &[d("2021-01-06")], &deck, 5, &mut rng);
            assert_eq!(ds.len(), 5);
            for x in &ds {
                assert_eq!(x.precision(), Precision::Day);
                assert!(*x != d("2021-01-05") && *x != d("2021-01-06"));
                assert!((x.year_number() - 2021).abs() <= 1, "{x}");
            }
        }
    }

    #[test]
    fn a_coarse_accepted_date_rules_out_its_whole_period() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let ds = date_distractors(d("2021-01-05"), &[d("2021-01")], &[], 5, &mut rng);
        assert_eq!(ds.len(), 5);
        assert!(
            ds.iter()
                .all(|x| x.month_number() != Some(1) || x.year_number() != 2021)
        );
    }

    #[test]
    fn months_and_years_shift_across_boundaries() {
        assert_eq!(shift(d("2021-01"), Step::Months(-1)), Some(d("2020-12")));
        assert_eq!(shift(d("2021"), Step::Years(3)), Some(d("2024")));
        assert_eq!(
            shift(d("2021-01-31"), Step::Months(1)),
            Some(d("2021-02-28"))
        );
    }
}
