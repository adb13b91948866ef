//! The scheduling step with exact numbers: FSRS's own reference vector, one step checked
//! against the published formulas, and the shape of intervals over a card's life.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::*;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn utc() -> Scheduler {
    Scheduler::new(Retention::DEFAULT, TimeZone::UTC)
}

const NOW: &str = "2026-11-28T09:00:00Z";

#[test]
fn a_new_card_follows_the_fsrs_reference_vector() {
    // fsrs's documented next_states for a new card at retention 0.9.
    let s = utc();
    let now = at(NOW);
    let expect = [
        // FSRS says 0.212 days; the relearning step brings it back sooner.
        (Rating::Again, 0.212, 6.4133, "2026-11-28T09:10:00Z"),
        (Rating::Hard, 1.2931, 5.112_170_7, "2026-11-29T09:00:00Z"),
        (Rating::Good, 2.3065, 2.118_104, "2026-11-30T09:00:00Z"),
        (Rating::Easy, 8.2956, 1.0, "2026-12-06T09:00:00Z"),
    ];
    for (rating, stability, difficulty, due) in expect {
        let m = s.next(None, rating, now);
        assert_eq!(
            (m.stability, m.difficulty, m.due),
            (stability, difficulty, at(due)),
            "{rating}"
        );
        assert_eq!((m.reps, m.lapses), (1, 0));
        assert_eq!((m.last_review, m.first_review), (now, now));
    }
}

#[test]
fn a_second_good_review_matches_the_fsrs6_formula() {
    let s = utc();
    let first = s.next(None, Rating::Good, at(NOW));
    let second = s.next(Some(&first), Rating::Good, first.due);

    // FSRS-6 by hand: retrievability after t = 2 days, then stability after a success.
    let w = fsrs::DEFAULT_PARAMETERS;
    let (s0, d0, t) = (2.3065_f64, 2.118_104_f64, 2.0_f64);
    let decay = -f64::from(w[20]);
    let factor = 0.9_f64.powf(1.0 / decay) - 1.0;
    let r = (t / s0 * factor + 1.0).powf(decay);
    let grown = s0
        * (f64::from(w[8]).exp()
            * (11.0 - d0)
            * s0.powf(-f64::from(w[9]))
            * (((1.0 - r) * f64::from(w[10])).exp() - 1.0)
            + 1.0);
    // Good leaves difficulty where it was, then pulls it towards the easy end a little.
    let easy_d = f64::from(w[4]) - (f64::from(w[5]) * 3.0).exp() + 1.0;
    let reverted = f64::from(w[7]) * (easy_d - d0) + d0;
    assert!(
        (f64::from(second.stability) - grown).abs() < 1e-4,
        "{second:?} vs {grown}"
    );
    assert!((f64::from(second.difficulty) - reverted).abs() < 1e-4);
    assert_eq!(
        (second.stability, second.difficulty),
        (10.964_341, 2.111_214_2),
        "pinned: {second:?}"
    );
    assert_eq!(second.due, at("2026-12-11T09:00:00Z"), "11 days on");
    assert_eq!((second.reps, second.lapses), (2, 0));
    assert_eq!(second.first_review, at(NOW));
}

/// Good at every due time, `n` times: the intervals in days.
fn good_intervals(s: &Scheduler, n: usize) -> (Memory, Vec<i64>) {
    let mut memory = s.next(None, Rating::Good, at(NOW));
    let mut intervals = vec![memory.due.duration_since(memory.last_review).as_hours() / 24];
    for _ in 1..n {
        memory = s.next(Some(&memory), Rating::Good, memory.due);
        intervals.push(memory.due.duration_since(memory.last_review).as_hours() / 24);
    }
    (memory, intervals)
}

#[test]
fn intervals_grow_after_good() {
    let (_, intervals) = good_intervals(&utc(), 6);
    assert!(
        intervals.windows(2).all(|w| w[1] > w[0]),
        "not growing: {intervals:?}"
    );
    assert_eq!(intervals[..3], [2, 11, 46], "pinned: {intervals:?}");
}

#[test]
fn intervals_shrink_after_again_and_count_a_lapse() {
    let s = utc();
    let (mature, intervals) = good_intervals(&s, 4);
    let last = *intervals.last().unwrap();
    let forgot = s.next(Some(&mature), Rating::Again, mature.due);
    let again_days = forgot.due.duration_since(forgot.last_review).as_hours() / 24;
    assert!(again_days < last, "{again_days} after {last}");
    assert!(forgot.stability < mature.stability);
    assert!(forgot.difficulty > mature.difficulty);
    assert_eq!((forgot.reps, forgot.lapses), (5, 1));
    // And a new card forgotten comes back the same day.
    let new = s.next(None, Rating::Again, at(NOW));
    assert_eq!(new.lapses, 0, "the first rating is not a lapse");
    assert!(new.due < s.end_of_day(at(NOW)));
}

#[test]
fn a_higher_retention_means_shorter_intervals() {
    let strict = Scheduler::new(Retention::new(0.97).unwrap(), TimeZone::UTC);
    let (_, tight) = good_intervals(&strict, 4);
    let (_, normal) = good_intervals(&utc(), 4);
    assert!(tight.iter().zip(&normal).all(|(a, b)| a <= b));
    assert!(tight.last() < normal.last(), "{tight:?} vs {normal:?}");
}

#[test]
fn replaying_the_ratings_gives_the_same_memory() {
    let s = utc();
    let first = s.next(None, Rating::Good, at(NOW));
    let second = s.next(Some(&first), Rating::Again, first.due);
    let third = s.next(Some(&second), Rating::Hard, at("2026-12-01T20:00:00Z"));
    let replayed = s.replay([
        (Rating::Good, at(NOW), Retention::DEFAULT),
        (Rating::Again, first.due, Retention::DEFAULT),
        (Rating::Hard, at("2026-12-01T20:00:00Z"), Retention::DEFAULT),
    ]);
    assert_eq!(replayed, Some(third));
    assert_eq!(s.replay([]), None);
}

#[test]
fn days_are_local_calendar_days() {
    let seoul = Scheduler::new(Retention::DEFAULT, TimeZone::get("Asia/Seoul").unwrap());
    // 22:00 and 08:00 the next morning in Seoul (UTC+9): one day apart, ten hours.
    assert_eq!(
        seoul.days_between(at("2026-11-28T13:00:00Z"), at("2026-11-28T23:00:00Z")),
        1
    );
    assert_eq!(
        utc().days_between(at("2026-11-28T13:00:00Z"), at("2026-11-28T23:00:00Z")),
        0
    );
    assert_eq!(
        utc().days_between(at("2026-11-29T00:00:00Z"), at(NOW)),
        0,
        "backwards"
    );
    assert_eq!(
        seoul.end_of_day(at("2026-11-28T13:00:00Z")),
        at("2026-11-28T15:00:00Z"),
        "midnight in Seoul"
    );
    assert_eq!(
        seoul.start_of_day(at("2026-11-28T13:00:00Z")),
        at("2026-11-28T15:00:00Z") - SignedDuration::from_hours(24)
    );
}

#[test]
fn a_card_is_due_when_its_due_time_has_passed() {
    let s = utc();
    let memory = s.next(None, Rating::Hard, at("2026-11-27T21:00:00Z"));
    assert_eq!(memory.due, at("2026-11-28T21:00:00Z"));
    assert!(
        !s.is_due(&memory, at("2026-11-28T08:00:00Z")),
        "due this evening, not this morning"
    );
    assert!(s.is_due(&memory, at("2026-11-28T21:00:00Z")));
    assert!(s.really_due(&memory, at("2026-11-28T21:00:00Z")));
}

#[test]
fn a_forgotten_card_is_relearned_in_steps_and_they_are_not_really_due() {
    let s = utc();
    let (mature, _) = good_intervals(&s, 3);
    let forgot = s.next(Some(&mature), Rating::Again, mature.due);
    assert_eq!(forgot.due, mature.due + SignedDuration::from_mins(10));
    assert!(s.relearning(&forgot));
    let later = forgot.due;
    assert!(s.is_due(&forgot, later));
    assert!(!s.really_due(&forgot, later), "a step, not the schedule");
    // Hard while relearning repeats the step; Good puts it back on the schedule.
    let hard = s.next(Some(&forgot), Rating::Hard, later);
    assert_eq!(hard.due, later + SignedDuration::from_mins(10));
    let good = s.next(Some(&hard), Rating::Good, hard.due);
    assert!(!s.relearning(&good));
    assert!(good.due >= hard.due + SignedDuration::from_hours(24));
}

#[test]
fn a_card_recalled_is_done_for_the_day_however_often_it_is_rated() {
    // Easy twice in a day (a quiz, then a review) used to mean "later today".
    let s = utc();
    let first = s.next(None, Rating::Easy, at(NOW));
    let second = s.next(Some(&first), Rating::Easy, at("2026-11-28T09:05:00Z"));
    let third = s.next(Some(&second), Rating::Good, at("2026-11-28T09:06:00Z"));
    for m in [first, second, third] {
        assert!(
            m.due >= m.last_review + SignedDuration::from_hours(24),
            "{m:?}"
        );
    }
    // Hard on a card not being relearned is a day at least, too.
    let hard = s.next(Some(&third), Rating::Hard, at("2026-11-28T09:07:00Z"));
    assert!(hard.due >= at("2026-11-29T09:07:00Z"));
}

#[test]
fn the_preview_shows_what_each_rating_would_do() {
    let s = utc();
    let new = s.preview(None, at(NOW));
    assert_eq!(
        new,
        [
            Interval::Minutes(10),
            Interval::Days(1),
            Interval::Days(2),
            Interval::Days(8)
        ]
    );
    let shown: Vec<String> = new.iter().map(|i| i.short()).collect();
    assert_eq!(shown, ["<10m", "1d", "2d", "8d"]);
    let (mature, _) = good_intervals(&s, 3);
    let preview = s.preview(Some(&mature), mature.due);
    for (rating, interval) in Rating::ALL.into_iter().zip(preview) {
        let m = s.next(Some(&mature), rating, mature.due);
        let days = m.due.duration_since(m.last_review).as_hours() / 24;
        assert_eq!(days, interval.days(), "{rating}");
    }
    assert!(preview.windows(2).all(|w| w[0].days() < w[1].days()));
    assert_eq!(Interval::Days(45).short(), "1.5mo");
    assert_eq!(Interval::Days(730).short(), "2.0y");
}

#[test]
fn whole_days_keep_the_local_time_across_daylight_saving() {
    let paris = Scheduler::new(Retention::DEFAULT, TimeZone::get("Europe/Paris").unwrap());
    // Good on a new card 2 days before the switch to winter time (25 October 2026).
    let memory = paris.next(None, Rating::Good, at("2026-10-24T07:00:00Z"));
    assert_eq!(
        memory.due,
        at("2026-10-26T08:00:00Z"),
        "09:00 local both days"
    );
}

#[test]
fn retrievability_is_90_percent_after_one_stability() {
    let s = utc();
    let memory = s.next(None, Rating::Good, at(NOW));
    let later = at(NOW) + SignedDuration::from_secs_f64(2.3065 * 86_400.0);
    assert!((s.retrievability(&memory, later) - 0.9).abs() < 1e-4);
    assert!((s.retrievability(&memory, at(NOW)) - 1.0).abs() < 1e-6);
}

#[test]
fn intervals_are_whole_days_from_one_day_and_minutes_below() {
    assert_eq!(interval_after(0.212), Interval::Minutes(305));
    assert_eq!(interval_after(0.0), Interval::Minutes(1));
    assert_eq!(interval_after(1.0), Interval::Days(1));
    assert_eq!(interval_after(2.3065), Interval::Days(2));
    assert_eq!(interval_after(2.5), Interval::Days(3));
    assert_eq!(interval_after(f32::NAN), Interval::Days(1));
    assert_eq!(interval_after(1e9), Interval::Days(36_500));
}
