//! Six weeks of study of the bundled deck, recorded through the library as the quiz and the
//! review loop record them (each answer with its rating and the fact's new memory): practice
//! every other evening, an exam on Sundays, flashcards of due facts every morning with ten
//! new ones, a cram before the exam. Seeded, so the report it leads to is always the same.

use factdeck::store::StudyLog;
use std::path::Path;

use factdeck::deck::Library;
use factdeck::question::{Generator, Question, Settings, rng_from_seed};
use factdeck::session::lineup::deck_schedule;
use factdeck::srs::{Rating, Retention, Scheduler, queue};
use factdeck::store::{
    AnswerRecord, Mode, NewSession, Outcome, Rescheduled, ReviewRecord, ReviewSource, SessionEnd,
    Store,
};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use rand::{Rng, RngExt};

pub const DECK: &str = "wpk-8th-congress";
/// The morning of the first day.
pub const FIRST_DAY: &str = "2026-10-19T08:00:00Z";
pub const DAYS: i64 = 42;

/// The morning after the last day, when the report is made.
pub fn report_day() -> Timestamp {
    at(FIRST_DAY) + SignedDuration::from_hours(24 * DAYS)
}

pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn generator() -> Generator {
    let file = Library::new("/nonexistent".into(), false)
        .open(DECK)
        .unwrap();
    Generator::new(file.loaded.deck, Settings::default())
}

/// Fills the store in `home` with the six weeks.
pub fn six_weeks(home: &Path) {
    let mut store = Store::open(home.join("factdeck.sqlite3")).unwrap();
    let generator = generator();
    let s = Scheduler::new(Retention::DEFAULT, TimeZone::UTC);
    let mut rng = rng_from_seed(8);
    let facts = generator.deck().facts.len();
    for day in 0..DAYS {
        let morning = at(FIRST_DAY) + SignedDuration::from_hours(24 * day);
        // Flashcards: what is due, and ten new facts.
        let known = deck_schedule(&mut store, DECK, &generator).unwrap();
        let new_left = 10usize.saturating_sub(queue::introduced_today(&known, &s, morning));
        let cards = queue::review(&known, morning, new_left, None);
        let ratings: Vec<(usize, Rating)> = cards
            .iter()
            .map(|c| {
                let rating = match rng.random_range(0..100) {
                    0..12 => Rating::Again,
                    12..22 => Rating::Hard,
                    22..90 => Rating::Good,
                    _ => Rating::Easy,
                };
                (c.fact_index, rating)
            })
            .collect();
        session(
            &mut store,
            &generator,
            &s,
            Mode::Review,
            morning,
            &ratings,
            &mut rng,
        );
        let evening = morning + SignedDuration::from_hours(11);
        // A practice quiz every other evening, getting better with time.
        if day % 2 == 0 {
            let skill = 45 + (day * 45 / DAYS) as u32;
            let asked: Vec<(usize, Rating)> = (0..10)
                .map(|_| {
                    let rating = match rng.random_range(0..100) < skill {
                        true => Rating::Good,
                        false => Rating::Again,
                    };
                    (rng.random_range(0..facts), rating)
                })
                .collect();
            session(
                &mut store,
                &generator,
                &s,
                Mode::Practice,
                evening,
                &asked,
                &mut rng,
            );
        }
        // Saturday's cram, Sunday's exam.
        if day % 7 == 5 {
            let crammed: Vec<(usize, Rating)> = (0..8)
                .map(|f| {
                    (
                        f * 3 % facts,
                        if f % 3 == 0 {
                            Rating::Again
                        } else {
                            Rating::Good
                        },
                    )
                })
                .collect();
            session(
                &mut store,
                &generator,
                &s,
                Mode::Cram,
                evening,
                &crammed,
                &mut rng,
            );
        }
        if day % 7 == 6 {
            let exam: Vec<(usize, Rating)> = (0..12)
                .map(|i| {
                    let rating = if rng.random_range(0..100) < 60 + day as u32 / 2 {
                        Rating::Good
                    } else if i % 4 == 0 {
                        Rating::Hard
                    } else {
                        Rating::Again
                    };
                    (rng.random_range(0..facts), rating)
                })
                .collect();
            session(
                &mut store,
                &generator,
                &s,
                Mode::Exam,
                evening,
                &exam,
                &mut rng,
            );
        }
    }
}

/// One session: a question about each fact, answered with each rating, twenty seconds apart.
fn session(
    store: &mut Store,
    generator: &Generator,
    s: &Scheduler,
    mode: Mode,
    start: Timestamp,
    ratings: &[(usize, Rating)],
    rng: &mut impl Rng,
) {
    if ratings.is_empty() {
        return;
    }
    let id = store
        .start_session(&NewSession {
            deck_id: DECK.into(),
            deck_hash: "simulated".into(),
            mode,
            seed: 1,
            started_at: start,
        })
        .unwrap();
    let mut t = start;
    for &(fact, rating) in ratings {
        t += SignedDuration::from_secs(20);
        let Some(q) = generator.generate_for(fact, rng) else {
            continue;
        };
        record(store, id, s, mode, &q, rating, t);
    }
    store
        .finish_session(
            id,
            &SessionEnd {
                ended_at: t + SignedDuration::from_secs(5),
                interrupted: false,
            },
        )
        .unwrap();
}

fn record(
    store: &mut Store,
    session: factdeck::store::SessionId,
    s: &Scheduler,
    mode: Mode,
    q: &Question,
    rating: Rating,
    now: Timestamp,
) {
    let (form, source) = match mode {
        Mode::Review => ("review".to_owned(), ReviewSource::Review),
        Mode::Cram => ("review".to_owned(), ReviewSource::Cram),
        Mode::Practice | Mode::Exam => (q.form.as_str().to_owned(), ReviewSource::Quiz),
    };
    let verdict = match rating {
        Rating::Again => Outcome::Wrong,
        Rating::Hard => Outcome::Close,
        Rating::Good | Rating::Easy => Outcome::Correct,
    };
    let answer = AnswerRecord {
        deck_id: None,
        fact_id: q.fact.clone(),
        kind: q.kind,
        form,
        prompt: q.prompt.clone(),
        given: rating.name().to_owned(),
        expected: q.expected(),
        verdict,
        overridden: false,
        response_ms: 4_000,
        answered_at: now,
    };
    let review = ReviewRecord {
        deck_id: DECK.into(),
        rating,
        source,
        retention: Retention::DEFAULT,
    };
    store
        .record_review(session, &answer, &review, &mut |before| Rescheduled {
            memory: (source != ReviewSource::Cram).then(|| s.next(before, rating, now)),
            was_due: before.is_some_and(|m| s.really_due(m, now)),
        })
        .unwrap();
}
