//! The figures of a fixture class, computed by hand in the comments.
//!
//! Six learners answer five items once each (1 right, 0 wrong):
//!
//! | learner | e | h | n | m | z | total |
//! |---------|---|---|---|---|---|-------|
//! | ana     | 1 | 1 | 0 | 1 | 1 | 4     |
//! | ben     | 1 | 0 | 0 | 1 | 1 | 3     |
//! | cai     | 1 | 0 | 0 | 0 | 1 | 2     |
//! | dee     | 1 | 0 | 1 | 1 | 1 | 4     |
//! | eve     | 1 | 0 | 1 | 0 | 1 | 3     |
//! | fay     | 0 | 0 | 1 | 0 | 1 | 2     |

use super::*;
use crate::hub::{ItemCount, LearnerCount, WrongOption};

const LEARNERS: [&str; 6] = ["ana", "ben", "cai", "dee", "eve", "fay"];
const ITEMS: [&str; 5] = ["e", "h", "n", "m", "z"];
const SCORES: [[u64; 5]; 6] = [
    [1, 1, 0, 1, 1],
    [1, 0, 0, 1, 1],
    [1, 0, 0, 0, 1],
    [1, 0, 1, 1, 1],
    [1, 0, 1, 0, 1],
    [0, 0, 1, 0, 1],
];

fn counts() -> ClassCounts {
    let mut counts = ClassCounts::default();
    for (l, learner) in LEARNERS.iter().enumerate() {
        let correct: u64 = SCORES[l].iter().sum();
        counts.learners.push(LearnerCount {
            learner: (*learner).into(),
            sessions: 1,
            answers: 5,
            correct,
            facts_due: 5 - correct,
            last_studied: None,
        });
        for (i, item) in ITEMS.iter().enumerate() {
            counts.items.push(ItemCount {
                learner: (*learner).into(),
                deck_id: "d".into(),
                fact_id: (*item).into(),
                kind: "card".into(),
                form: "card_choice".into(),
                answers: 1,
                correct: SCORES[l][i],
            });
        }
    }
    counts.wrong_options = vec![
        wrong("n", "X", 2),
        wrong("n", "Y", 1),
        wrong("m", "R", 1),
        wrong("m", "Q", 2),
    ];
    counts
}

fn wrong(fact: &str, option: &str, times: u64) -> WrongOption {
    WrongOption {
        deck_id: "d".into(),
        fact_id: fact.into(),
        form: "card_choice".into(),
        option: option.into(),
        times,
    }
}

fn item<'a>(report: &'a ClassReport, fact: &str) -> &'a Item {
    report.items.iter().find(|i| i.fact_id == fact).unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn facility_is_the_share_of_answers_right() {
    let report = analyse(&counts(), None, None);
    assert!(close(item(&report, "e").facility, 500.0 / 6.0));
    assert!(close(item(&report, "h").facility, 100.0 / 6.0));
    assert!(close(item(&report, "n").facility, 50.0));
    assert!(close(item(&report, "z").facility, 100.0));
    assert_eq!(item(&report, "e").learners, 6);
}

#[test]
fn discrimination_correlates_the_item_with_the_rest_of_the_score() {
    let report = analyse(&counts(), None, None);
    // m: x = (1,1,0,1,0,0), rest y = (3/4, 2/4, 2/4, 3/4, 3/4, 2/4); means 1/2 and 5/8;
    // Σdxdy = 6 × (±1/2)(±1/8) with signs + − + + − + → 1/8; Σdx² = 6/4; Σdy² = 6/64;
    // r = (1/8) / √(6/4 × 6/64) = (1/8) / (3/8) = 1/3.
    assert!(close(item(&report, "m").discrimination, 100.0 / 3.0));
    // n: x = (0,0,0,1,1,1), y = (4/4, 3/4, 2/4, 3/4, 2/4, 1/4); means 1/2 and 5/8;
    // Σdxdy = −3/8; Σdx² = 3/2; Σdy² = 2 × (3/8)² + 4 × (1/8)² = 11/32;
    // r = −(3/8) / √(33/64) = −3/√33.
    assert!(close(
        item(&report, "n").discrimination,
        -300.0 / 33f64.sqrt()
    ));
    // e: x = (1,1,1,1,1,0), y = (3,2,1,3,2,2)/4; means 5/6 and 13/24; Σdxdy = 1/24;
    // Σdx² = 5/6; Σdy² = 102/576; r = (1/24) / √(85/576) = 1/√85. h comes out the same.
    assert!(close(
        item(&report, "e").discrimination,
        100.0 / 85f64.sqrt()
    ));
    assert!(close(
        item(&report, "h").discrimination,
        100.0 / 85f64.sqrt()
    ));
    // z: everyone right, the item score does not vary.
    assert_eq!(item(&report, "z").discrimination, None);
}

#[test]
fn items_too_easy_too_hard_or_discriminating_negatively_are_flagged() {
    let report = analyse(&counts(), None, None);
    assert_eq!(item(&report, "z").flags, vec![Flag::TooEasy]);
    assert_eq!(item(&report, "h").flags, vec![Flag::TooHard]);
    assert_eq!(item(&report, "n").flags, vec![Flag::NegativeDiscrimination]);
    assert!(item(&report, "m").flags.is_empty());
    assert!(item(&report, "e").flags.is_empty());
}

#[test]
fn wrong_options_come_most_chosen_first() {
    let report = analyse(&counts(), None, None);
    assert_eq!(
        item(&report, "m").wrong_options,
        vec![("Q".to_owned(), 2), ("R".to_owned(), 1)]
    );
    assert_eq!(
        item(&report, "n").wrong_options,
        vec![("X".to_owned(), 2), ("Y".to_owned(), 1)]
    );
}

#[test]
fn learners_get_their_accuracy() {
    let report = analyse(&counts(), None, None);
    let ana = &report.learners[0];
    assert_eq!(
        (ana.learner.as_str(), ana.answers, ana.correct),
        ("ana", 5, 4)
    );
    assert!(close(ana.accuracy, 80.0));
    assert_eq!(ana.facts_due, 1);
}

#[test]
fn with_several_answers_the_item_score_is_the_learners_share_right() {
    // Two learners: a answers i twice (1 right) and j once right; b answers i once wrong and
    // j once wrong. Facility of i = 1/3. Item scores 1/2 and 0; rest scores 1 and 0: r = 1.
    let mut counts = ClassCounts::default();
    for (learner, fact, answers, correct) in [
        ("a", "i", 2, 1),
        ("a", "j", 1, 1),
        ("b", "i", 1, 0),
        ("b", "j", 1, 0),
    ] {
        counts.items.push(ItemCount {
            learner: learner.into(),
            deck_id: "d".into(),
            fact_id: fact.into(),
            kind: "card".into(),
            form: "card_typed".into(),
            answers,
            correct,
        });
    }
    let report = analyse(&counts, None, None);
    assert!(close(item(&report, "i").facility, 100.0 / 3.0));
    assert!(close(item(&report, "i").discrimination, 100.0));
}

#[test]
fn correlation_needs_two_learners_and_variation() {
    assert_eq!(correlation(&[(1.0, 0.5)]), None);
    assert_eq!(correlation(&[(1.0, 0.5), (1.0, 0.2)]), None);
    assert!(close(correlation(&[(1.0, 0.5), (0.0, 0.2)]), 1.0));
}
