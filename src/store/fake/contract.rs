//! The fake must read back what the SQLite store reads back: the same sessions, answers,
//! overrides, undos and reviews recorded into both, then every `ScoreHistory` query
//! compared under several filters. A fake that drifted from the real store would let a
//! test of `history` or `report` pass against behaviour no user sees.

use jiff::{Timestamp, ToSpan};

use super::InMemory;
use crate::deck::Kind;
use crate::srs::{Memory, Rating, Retention};
use crate::store::{
    AnswerId, AnswerRecord, Filter, Mode, NewSession, Outcome, Rescheduled, ReviewRecord,
    ReviewSource, ScoreHistory, SessionEnd, SessionId, Store, StudyLog,
};

fn at(hours: i64) -> Timestamp {
    let start: Timestamp = "2026-11-02T08:00:00Z".parse().unwrap();
    start + hours.hours()
}

fn memory(due: Timestamp) -> Memory {
    Memory {
        stability: 2.5,
        difficulty: 5.0,
        due,
        last_review: due - 24.hours(),
        first_review: at(0),
        reps: 1,
        lapses: 0,
    }
}

struct Step<'a> {
    deck: &'a str,
    fact: &'a str,
    verdict: Outcome,
    rating: Rating,
    source: ReviewSource,
    hour: i64,
}

impl Step<'_> {
    fn answer(&self, own_deck: bool) -> AnswerRecord {
        AnswerRecord {
            deck_id: own_deck.then(|| self.deck.to_owned()),
            fact_id: self.fact.to_owned(),
            kind: Kind::Card,
            form: if self.source == ReviewSource::Quiz {
                "card_typed"
            } else {
                "review"
            }
            .into(),
            prompt: format!("What about {} at {}?", self.fact, self.hour),
            given: "given".into(),
            expected: "expected".into(),
            verdict: self.verdict,
            overridden: false,
            response_ms: 1200,
            answered_at: at(self.hour),
        }
    }

    fn review(&self) -> ReviewRecord {
        ReviewRecord {
            deck_id: self.deck.to_owned(),
            rating: self.rating,
            source: self.source,
            retention: Retention::DEFAULT,
        }
    }
}

/// Records one session of `steps` into `log`; returns its id and its answers' ids.
fn record(
    log: &mut dyn StudyLog,
    session: &NewSession,
    steps: &[Step<'_>],
) -> (SessionId, Vec<AnswerId>) {
    let reschedule = |step_hour: i64| {
        move |_: Option<&Memory>| Rescheduled {
            memory: Some(memory(at(step_hour + 48))),
            was_due: step_hour % 2 == 0,
        }
    };
    let first = &steps[0];
    let (id, answer, _) = log
        .record_first_review(
            session,
            &first.answer(false),
            &first.review(),
            &mut reschedule(first.hour),
        )
        .unwrap();
    let mut answers = vec![answer];
    for step in &steps[1..] {
        let own = step.deck != session.deck_id;
        let (answer, _) = log
            .record_review(
                id,
                &step.answer(own),
                &step.review(),
                &mut reschedule(step.hour),
            )
            .unwrap();
        answers.push(answer);
    }
    (id, answers)
}

fn session(deck: &str, mode: Mode, hour: i64) -> NewSession {
    NewSession {
        deck_id: deck.into(),
        deck_hash: format!("hash-{deck}"),
        mode,
        seed: 42,
        started_at: at(hour),
    }
}

fn step<'a>(
    deck: &'a str,
    fact: &'a str,
    verdict: Outcome,
    source: ReviewSource,
    hour: i64,
) -> Step<'a> {
    let rating = match verdict {
        Outcome::Wrong => Rating::Again,
        Outcome::Close => Rating::Hard,
        Outcome::Correct => Rating::Good,
    };
    Step {
        deck,
        fact,
        verdict,
        rating,
        source,
        hour,
    }
}

/// The same history, written through `StudyLog` the way the loops write it.
fn fill(log: &mut dyn StudyLog) -> Vec<SessionId> {
    use Outcome::*;
    use ReviewSource::*;
    let (practice, answers) = record(
        log,
        &session("capitals", Mode::Practice, 0),
        &[
            step("capitals", "fr", Correct, Quiz, 0),
            step("capitals", "it", Wrong, Quiz, 1),
            step("capitals", "fr", Close, Quiz, 2),
            step("rivers", "nile", Wrong, Quiz, 3),
        ],
    );
    log.override_review(answers[1], Rating::Good, &mut |_| Some(memory(at(90))))
        .unwrap();
    let (review, answers) = record(
        log,
        &session("capitals", Mode::Review, 30),
        &[
            step("capitals", "fr", Correct, Review, 30),
            step("capitals", "it", Wrong, Review, 32),
            step("capitals", "de", Correct, Review, 34),
            step("capitals", "es", Close, Review, 35),
        ],
    );
    log.undo_review(answers[3], None, &mut |_| None).unwrap();
    let (exam, _) = record(
        log,
        &session("rivers", Mode::Exam, 60),
        &[
            step("rivers", "nile", Correct, Quiz, 60),
            step("rivers", "amazon", Wrong, Quiz, 61),
        ],
    );
    let (cram, _) = record(
        log,
        &session("rivers", Mode::Cram, 70),
        &[step("rivers", "nile", Wrong, Cram, 70)],
    );
    log.set_retired("rivers", &["amazon".to_owned()], true)
        .unwrap();
    vec![practice, review, exam, cram]
}

fn sorted<T: PartialOrd>(mut v: Vec<T>) -> Vec<T> {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v
}

fn assert_same(real: &dyn ScoreHistory, fake: &dyn ScoreHistory, filter: &Filter) {
    let why = format!("{filter:?}");
    assert_eq!(
        real.sessions(filter, None).unwrap(),
        fake.sessions(filter, None).unwrap(),
        "{why}"
    );
    assert_eq!(
        real.sessions(filter, Some(2)).unwrap(),
        fake.sessions(filter, Some(2)).unwrap(),
        "{why}"
    );
    let mut seen = (Vec::new(), Vec::new());
    real.visit_sessions(filter, None, &mut |s| {
        seen.0.push(s.id);
        seen.0.len() < 2
    })
    .unwrap();
    fake.visit_sessions(filter, None, &mut |s| {
        seen.1.push(s.id);
        seen.1.len() < 2
    })
    .unwrap();
    assert_eq!(seen.0, seen.1, "{why}");
    assert_eq!(
        real.mode_totals(filter).unwrap(),
        fake.mode_totals(filter).unwrap(),
        "{why}"
    );
    for mode in Mode::ALL {
        assert_eq!(
            real.recent_percents(filter, mode, 2).unwrap(),
            fake.recent_percents(filter, mode, 2).unwrap(),
            "{why} {mode:?}"
        );
    }
    assert_eq!(
        real.fact_form_counts(filter).unwrap(),
        fake.fact_form_counts(filter).unwrap(),
        "{why}"
    );
    assert_eq!(
        real.session_totals(filter).unwrap(),
        fake.session_totals(filter).unwrap(),
        "{why}"
    );
    assert_eq!(
        real.recall(filter).unwrap(),
        fake.recall(filter).unwrap(),
        "{why}"
    );
    let mut scores = (Vec::new(), Vec::new());
    real.visit_session_scores(filter, &mut |m, t, s, n| scores.0.push((m, t, s, n)))
        .unwrap();
    fake.visit_session_scores(filter, &mut |m, t, s, n| scores.1.push((m, t, s, n)))
        .unwrap();
    assert_eq!(scores.0, scores.1, "{why}");
    let mut due = (Vec::new(), Vec::new());
    real.visit_due_reviews(filter, &mut |t, r, k| due.0.push((t, r, k)))
        .unwrap();
    fake.visit_due_reviews(filter, &mut |t, r, k| due.1.push((t, r, k)))
        .unwrap();
    assert_eq!(due.0, due.1, "{why}");
    let deck = filter.deck.as_deref();
    let mut starts = (Vec::new(), Vec::new());
    real.visit_session_starts(deck, &mut |t| {
        starts.0.push(t);
        true
    })
    .unwrap();
    fake.visit_session_starts(deck, &mut |t| {
        starts.1.push(t);
        true
    })
    .unwrap();
    assert_eq!(starts.0, starts.1, "{why}");
    for until in [at(40), at(200)] {
        assert_eq!(
            sorted(real.due_times(deck, until).unwrap()),
            sorted(fake.due_times(deck, until).unwrap()),
            "{why} until {until}"
        );
    }
}

#[test]
fn the_fake_reads_back_what_the_sqlite_store_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut real = Store::open(dir.path().join("factdeck.sqlite3")).unwrap();
    let mut fake = InMemory::default();
    let ids = fill(&mut real);
    assert_eq!(ids, fill(&mut fake), "both number sessions alike");
    let ends = [(ids[0], at(5), false), (ids[1], at(36), true)];
    for (id, ended_at, interrupted) in ends {
        let end = SessionEnd {
            ended_at,
            interrupted,
        };
        real.finish_session(id, &end).unwrap();
        fake.finish(id, end);
    }

    let filters = [
        Filter::default(),
        Filter {
            deck: Some("capitals".into()),
            since: None,
        },
        Filter {
            deck: Some("rivers".into()),
            since: None,
        },
        Filter {
            deck: None,
            since: Some(at(31)),
        },
        Filter {
            deck: Some("nowhere".into()),
            since: None,
        },
    ];
    for filter in &filters {
        assert_same(&real, &fake, filter);
    }
    for id in [ids[0], ids[1], ids[2], SessionId(99)] {
        assert_eq!(real.session(id).unwrap(), fake.session(id).unwrap(), "{id}");
        assert_eq!(real.answers(id).unwrap(), fake.answers(id).unwrap(), "{id}");
    }
    assert_eq!(real.deck_ids().unwrap(), fake.deck_ids().unwrap());
    for (deck, fact) in [("capitals", "fr"), ("rivers", "nile"), ("capitals", "none")] {
        assert_eq!(
            real.latest_prompt(deck, fact).unwrap(),
            fake.latest_prompt(deck, fact).unwrap(),
            "{deck}/{fact}"
        );
    }
}
