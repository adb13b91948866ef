use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::*;
use crate::srs::{Rating, Retention};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

const NOW: &str = "2026-11-28T09:00:00Z";

fn scheduler() -> Scheduler {
    Scheduler::new(Retention::DEFAULT, TimeZone::UTC)
}

/// Rated Good once at `when`, so due two days later at the same time.
fn rated(when: &str) -> Option<Memory> {
    Some(scheduler().next(None, Rating::Good, at(when)))
}

/// Facts 0–5: 1 and 4 overdue (4 more so), 2 due this evening (not yet due), 3 due in two
/// days, 0 and 5 new.
fn memories() -> Vec<Option<Memory>> {
    vec![
        None,
        rated("2026-11-25T09:00:00Z"),
        rated("2026-11-26T20:00:00Z"),
        rated("2026-11-28T08:00:00Z"),
        rated("2026-11-20T09:00:00Z"),
        None,
    ]
}

fn deck() -> Vec<Option<Seen>> {
    memories()
        .iter()
        .map(|m| m.as_ref().map(Seen::from))
        .collect()
}

fn facts(cards: &[Card]) -> Vec<(usize, Status)> {
    cards.iter().map(|c| (c.fact_index, c.status)).collect()
}

#[test]
fn due_cards_come_first_most_overdue_first_then_new_ones_in_deck_order() {
    let q = review(&deck(), at(NOW), 20, None);
    assert_eq!(
        facts(&q),
        [
            (4, Status::Due),
            (1, Status::Due),
            (0, Status::New),
            (5, Status::New)
        ]
    );
}

#[test]
fn new_cards_and_the_whole_queue_are_limited() {
    let q = review(&deck(), at(NOW), 1, None);
    assert_eq!(facts(&q).last(), Some(&(0, Status::New)));
    assert_eq!(q.len(), 3);
    assert!(
        review(&deck(), at(NOW), 0, None)
            .iter()
            .all(|c| c.status == Status::Due)
    );
    assert_eq!(
        facts(&review(&deck(), at(NOW), 20, Some(2))),
        [(4, Status::Due), (1, Status::Due)]
    );
}

#[test]
fn cram_takes_every_card() {
    let q = cram(&deck(), None);
    assert_eq!(
        q.iter().map(|c| c.fact_index).collect::<Vec<_>>(),
        [4, 1, 2, 3, 0, 5]
    );
    assert!(q.iter().all(|c| c.status == Status::Cram));
    assert_eq!(cram(&deck(), Some(3)).len(), 3);
}

#[test]
fn a_quiz_can_focus_on_due_weak_or_new_facts() {
    let s = scheduler();
    let now = at(NOW);
    assert_eq!(due_first(&deck(), now), [4, 1]);
    assert_eq!(unseen(&deck()).collect::<Vec<_>>(), [0, 5]);
    assert_eq!(
        weakest(&memories(), &s, now),
        [4, 1, 2, 3],
        "longest since a review with the same stability: least likely recalled"
    );
}

#[test]
fn weak_means_lowest_predicted_recall_not_oldest() {
    let s = scheduler();
    let first = s.next(None, Rating::Easy, at("2026-11-01T09:00:00Z"));
    let stable = s.next(Some(&first), Rating::Easy, at("2026-11-09T09:00:00Z"));
    let shaky = s.next(None, Rating::Again, at("2026-11-27T09:00:00Z"));
    assert_eq!(weakest(&[Some(stable), Some(shaky)], &s, at(NOW)), [1, 0]);
}

#[test]
fn today_s_new_cards_due_cards_and_the_next_due_time() {
    let s = scheduler();
    let mut facts = deck();
    assert_eq!(
        introduced_today(&facts, &s, at(NOW)),
        1,
        "fact 3, rated at 08:00"
    );
    assert_eq!(due_now(&facts, at(NOW)), 2);
    assert_eq!(
        next_due(&facts, at(NOW)),
        Some(at("2026-11-28T20:00:00Z")),
        "fact 2, this evening"
    );
    facts.retain(Option::is_none);
    assert_eq!(next_due(&facts, at(NOW)), None);
}

#[test]
fn a_card_is_due_when_its_due_time_has_passed_not_before() {
    let s = scheduler();
    let evening = [rated("2026-11-26T20:00:00Z")];
    let seen: Vec<_> = evening.iter().map(|m| m.as_ref().map(Seen::from)).collect();
    assert!(review(&seen, at("2026-11-28T19:59:00Z"), 0, None).is_empty());
    assert_eq!(review(&seen, at("2026-11-28T20:00:00Z"), 0, None).len(), 1);
    let forgotten = s.next(None, Rating::Again, at(NOW));
    let seen = [Some(Seen::from(&forgotten))];
    assert!(
        review(&seen, at(NOW), 0, None).is_empty(),
        "not again at once: in ten minutes"
    );
    assert_eq!(review(&seen, at("2026-11-28T09:10:00Z"), 0, None).len(), 1);
}
