//! How much of a draft a careful author keeps: `draft` run on documents written for these
//! tests (`tests/fixtures/draft/*.txt`), each beside the facts such an author would keep
//! (`*.expected.toml`). Precision is the share of proposals kept, recall the share of those
//! facts proposed; every change must have both its sides right. The figures are in
//! docs/authoring.md (`cargo test --test cli draft_quality:: -- --nocapture` prints them).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use factdeck::author::draft::{Found, Proposal, find_facts};
use serde::Deserialize;

const DOCUMENTS: [&str; 4] = ["apollo", "petersburg", "football", "euro"];

#[derive(Debug, Deserialize)]
struct Expected {
    dates: Vec<String>,
    figures: Vec<f64>,
    #[serde(default)]
    change: Vec<ExpectedChange>,
}

#[derive(Debug, Deserialize)]
struct ExpectedChange {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    verb: Option<String>,
}

/// How a proposed side compares with the wordings an author accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Right,
    /// Left as a `TODO:` for the author: the sentence does not state it.
    Todo,
    Wrong,
}

fn side(proposed: Option<&str>, accepted: &[String]) -> Side {
    let key = |s: &str| {
        let lower = s.trim().to_lowercase();
        lower.strip_prefix("the ").unwrap_or(&lower).to_owned()
    };
    match proposed {
        Some(p) if p.starts_with("TODO:") => Side::Todo,
        Some(p) if accepted.iter().any(|a| key(a) == key(p)) => Side::Right,
        None if accepted.is_empty() => Side::Right,
        _ => Side::Wrong,
    }
}

/// The expected fact a proposal is (an index into dates, figures or changes), if any.
fn kept(p: &Proposal, e: &Expected) -> Option<(char, usize, bool)> {
    match &p.found {
        Found::Date { date, end, .. } => {
            let text = match end {
                Some(end) => format!("{date}..{end}"),
                None => date.to_string(),
            };
            e.dates
                .iter()
                .position(|d| *d == text)
                .map(|i| ('d', i, true))
        }
        Found::Figure { value, .. } => {
            let v = value.to_string().parse::<f64>().unwrap();
            e.figures
                .iter()
                .position(|f| (f - v).abs() < 1e-9)
                .map(|i| ('f', i, true))
        }
        Found::Change {
            before,
            after,
            verb,
            ..
        } => {
            let matches: Vec<(char, usize, bool)> = e
                .change
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let sides = [
                        side(before.as_deref(), &c.before),
                        side(after.as_deref(), &c.after),
                    ];
                    let verb_ok = c.verb.is_none() || c.verb == *verb;
                    // Named by a side it states, not by a side both leave out.
                    let any_right = [(before, sides[0]), (after, sides[1])]
                        .iter()
                        .any(|(text, side)| text.is_some() && *side == Side::Right);
                    let none_wrong = !sides.contains(&Side::Wrong);
                    // The change is this one if a side names it; it is right if no side is wrong.
                    any_right.then_some(('c', i, none_wrong && verb_ok))
                })
                .collect();
            // The change it gets right, else the first it names.
            matches.iter().find(|m| m.2).or(matches.first()).copied()
        }
    }
}

#[derive(Debug, Default)]
struct Score {
    proposals: usize,
    kept: usize,
    expected: usize,
    found: usize,
    changes: usize,
    changes_right: usize,
    todo_sides: usize,
    junk: Vec<String>,
}

fn score(name: &str) -> Score {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft");
    let doc = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let expected: Expected = toml::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.expected.toml"))).unwrap(),
    )
    .unwrap();
    let proposals = find_facts(&doc);
    let mut found = std::collections::HashSet::new();
    let mut s = Score {
        proposals: proposals.len(),
        expected: expected.dates.len() + expected.figures.len() + expected.change.len(),
        changes: expected.change.len(),
        ..Score::default()
    };
    for p in &proposals {
        match kept(p, &expected) {
            Some((kind, i, right)) => {
                s.kept += 1;
                if found.insert((kind, i)) && kind == 'c' && right {
                    s.changes_right += 1;
                }
                if let Found::Change { before, after, .. } = &p.found {
                    s.todo_sides += [before, after]
                        .iter()
                        .filter(|x| x.as_deref().is_some_and(|t| t.starts_with("TODO:")))
                        .count();
                    if !right {
                        s.junk.push(format!("wrong sides: {:?}", p.found));
                    }
                }
            }
            None => s.junk.push(format!("{:?} in {:?}", p.found, p.matched)),
        }
    }
    s.found = found.len();
    s
}

#[test]
fn a_careful_author_keeps_nine_in_ten_proposals_and_every_change_is_right() {
    let mut total = Score::default();
    for name in DOCUMENTS {
        let s = score(name);
        println!(
            "{name}: {} proposals, {} kept ({:.0}%); {} of {} expected facts found ({:.0}%); \
             {} of {} changes right ({} side(s) left as TODO)",
            s.proposals,
            s.kept,
            100.0 * s.kept as f64 / s.proposals as f64,
            s.found,
            s.expected,
            100.0 * s.found as f64 / s.expected as f64,
            s.changes_right,
            s.changes,
            s.todo_sides
        );
        for j in &s.junk {
            println!("  not kept: {j}");
        }
        total.proposals += s.proposals;
        total.kept += s.kept;
        total.found += s.found;
        total.expected += s.expected;
        total.changes += s.changes;
        total.changes_right += s.changes_right;
    }
    let precision = total.kept as f64 / total.proposals as f64;
    let recall = total.found as f64 / total.expected as f64;
    println!(
        "all: precision {:.1}% ({} of {}), recall {:.1}% ({} of {}), changes right {} of {}",
        100.0 * precision,
        total.kept,
        total.proposals,
        100.0 * recall,
        total.found,
        total.expected,
        total.changes_right,
        total.changes
    );
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.9, "recall {recall:.3}");
    assert_eq!(
        total.changes_right, total.changes,
        "every change's sides right"
    );
}
