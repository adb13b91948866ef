//! The quiz loop against an in-memory store: what a quiz records, seen without SQLite.

use super::*;
use crate::frontend::plain::Plain;
use crate::question::{Generator, Selection, Settings, rng_from_seed};
use crate::srs::{Retention, Scheduler};
use crate::store::fake::InMemory;
use crate::store::{Mode, Outcome};

const DECK: &str = "[deck]\nid = \"capitals\"\ntitle = \"Capitals\"\n\n\
    [[card]]\nid = \"fr\"\nquestion = \"What is the capital of France?\"\nanswer = \"Paris\"\n\n\
    [[card]]\nid = \"it\"\nquestion = \"What is the capital of Italy?\"\nanswer = \"Rome\"\n";

/// Runs a two-question practice quiz on `input` and returns what it recorded.
fn quiz_with(input: &str) -> InMemory {
    let deck = crate::deck::load_str(DECK).unwrap().deck;
    let generator = Generator::new(deck, Settings::default());
    let decks = vec![PoolDeck {
        id: "capitals".into(),
        hash: "h".into(),
        generator,
    }];
    let mut pool = Pool::new(decks, &Selection::default()).unwrap();
    let mut store = InMemory::default();
    let scheduler = Scheduler::new(Retention::DEFAULT, jiff::tz::TimeZone::UTC);
    let now: jiff::Timestamp = "2026-11-30T09:00:00Z".parse().unwrap();
    let mut quiz = Quiz {
        pool: &mut pool,
        store: &mut store,
        session: NewSession {
            deck_id: "capitals".into(),
            deck_hash: "h".into(),
            mode: Mode::Practice,
            seed: 7,
            started_at: now,
        },
        mode: QuizMode::Practice,
        count: 2,
        clock: Clock::Fixed(now),
        scheduler: &scheduler,
        progress: SharedProgress::default(),
    };
    let mut frontend = Plain::new(input.as_bytes(), Vec::new());
    let ending = quiz.run(&mut frontend, &mut rng_from_seed(7)).unwrap();
    assert_eq!(ending, Ending::Completed);
    store
}

#[test]
fn every_answer_is_recorded_with_a_rating_and_a_memory() {
    let store = quiz_with("Lyon\nn\nMilan\nn\n");
    assert_eq!(
        store.sessions.len(),
        1,
        "one session, written with its first answer"
    );
    let kept: Vec<_> = store.kept().collect();
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|k| k.session == crate::store::SessionId(1)));
    assert!(kept.iter().all(|k| k.answer.verdict == Outcome::Wrong));
    assert!(kept.iter().all(|k| k.review.rating == Rating::Again));
    for fact in ["fr", "it"] {
        let memory = store.memory("capitals", fact).unwrap().unwrap();
        assert_eq!(memory.reps, 1, "{fact}");
    }
}

#[test]
fn i_was_right_overrides_the_answer_and_rates_it_good() {
    let store = quiz_with("Lyon\ny\nMilan\nn\n");
    let kept: Vec<_> = store.kept().collect();
    let overridden: Vec<_> = kept.iter().filter(|k| k.answer.overridden).collect();
    assert_eq!(overridden.len(), 1);
    assert_eq!(overridden[0].review.rating, Rating::Good);
    let fact = &overridden[0].answer.fact_id;
    let good = store.memory("capitals", fact).unwrap().unwrap();
    let other = kept.iter().find(|k| !k.answer.overridden).unwrap();
    let again = store
        .memory("capitals", &other.answer.fact_id)
        .unwrap()
        .unwrap();
    assert!(good.due > again.due, "Good schedules later than Again");
}

#[test]
fn what_a_quiz_records_is_what_history_and_the_report_read_back() {
    let mut store = quiz_with("Lyon\ny\nMilan\nn\n");
    let now: jiff::Timestamp = "2026-11-30T09:05:00Z".parse().unwrap();
    store.finish(
        crate::store::SessionId(1),
        crate::store::SessionEnd {
            ended_at: now,
            interrupted: false,
        },
    );
    let tz = jiff::tz::TimeZone::UTC;
    let query = crate::history::Query {
        filter: crate::store::Filter::default(),
        limit: None,
        today: tz.to_datetime(now).date(),
        tz,
    };
    let report = crate::history::Report::load(&store, &query).unwrap();
    assert_eq!(report.sessions.len(), 1);
    assert_eq!((report.sessions[0].score, report.sessions[0].total), (1, 2));
    assert_eq!((report.tallies.attempts, report.tallies.correct), (2, 1));
    assert_eq!(report.totals.completed, 1);
    assert!(report.streak.includes_today);
    assert_eq!(report.tallies.by_kind.len(), 1, "cards only");
    assert!(
        report.tallies.weakest.is_empty(),
        "one answer a fact is too few to call it weak"
    );
}
