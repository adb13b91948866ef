//! From the hub's counts to the report's figures: pure arithmetic, tested by hand.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;

use super::{ClassReport, Flag, Item, LearnerLine, TOO_EASY_ABOVE, TOO_HARD_BELOW};
use crate::hub::ClassCounts;

/// An item by deck, fact and form.
type ItemKey<'a> = (&'a str, &'a str, &'a str);

/// The report for `counts`, which cover `deck` and answers `since`.
pub fn analyse(counts: &ClassCounts, deck: Option<&str>, since: Option<Timestamp>) -> ClassReport {
    let learners = counts
        .learners
        .iter()
        .map(|l| LearnerLine {
            learner: l.learner.clone(),
            sessions: l.sessions,
            answers: l.answers,
            correct: l.correct,
            accuracy: percent(l.correct, l.answers),
            facts_due: l.facts_due,
            last_studied: l.last_studied,
        })
        .collect();
    // Each learner's whole score, from the same counts as the items, for the rest scores.
    let mut whole: HashMap<&str, (u64, u64)> = HashMap::new();
    for c in &counts.items {
        let t = whole.entry(c.learner.as_str()).or_default();
        t.0 += c.answers;
        t.1 += c.correct;
    }
    let mut items: BTreeMap<ItemKey<'_>, Item> = BTreeMap::new();
    let mut pairs: HashMap<ItemKey<'_>, Vec<(f64, f64)>> = HashMap::new();
    for c in &counts.items {
        let key = (c.deck_id.as_str(), c.fact_id.as_str(), c.form.as_str());
        let item = items.entry(key).or_insert_with(|| Item {
            deck_id: c.deck_id.clone(),
            fact_id: c.fact_id.clone(),
            kind: c.kind.clone(),
            form: c.form.clone(),
            answers: 0,
            correct: 0,
            learners: 0,
            facility: None,
            discrimination: None,
            wrong_options: Vec::new(),
            flags: Vec::new(),
        });
        item.answers += c.answers;
        item.correct += c.correct;
        item.learners += 1;
        let (all, all_correct) = whole.get(c.learner.as_str()).copied().unwrap_or_default();
        let rest = all - c.answers;
        if c.answers > 0 && rest > 0 {
            let on_item = c.correct as f64 / c.answers as f64;
            let on_rest = (all_correct - c.correct) as f64 / rest as f64;
            pairs.entry(key).or_default().push((on_item, on_rest));
        }
    }
    for w in &counts.wrong_options {
        let key = (w.deck_id.as_str(), w.fact_id.as_str(), w.form.as_str());
        if let Some(item) = items.get_mut(&key) {
            item.wrong_options.push((w.option.clone(), w.times));
        }
    }
    let items = items
        .into_iter()
        .map(|(key, mut item)| {
            item.facility = percent(item.correct, item.answers);
            item.discrimination = pairs
                .get(&key)
                .and_then(|p| correlation(p))
                .map(|r| r * 100.0);
            item.wrong_options
                .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            item.flags = flags(item.facility, item.discrimination);
            item
        })
        .collect();
    ClassReport {
        deck: deck.map(str::to_owned),
        since,
        learners,
        items,
    }
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

fn flags(facility: Option<f64>, discrimination: Option<f64>) -> Vec<Flag> {
    let mut flags = Vec::new();
    if facility.is_some_and(|f| f > TOO_EASY_ABOVE) {
        flags.push(Flag::TooEasy);
    }
    if facility.is_some_and(|f| f < TOO_HARD_BELOW) {
        flags.push(Flag::TooHard);
    }
    if discrimination.is_some_and(|d| d < 0.0) {
        flags.push(Flag::NegativeDiscrimination);
    }
    flags
}

/// Pearson's correlation of the pairs; `None` with fewer than two or when a side is constant.
pub(super) fn correlation(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let mean_x = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxx += (x - mean_x) * (x - mean_x);
        syy += (y - mean_y) * (y - mean_y);
        sxy += (x - mean_x) * (y - mean_y);
    }
    const FLAT: f64 = 1e-12;
    (sxx > FLAT && syy > FLAT).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests;
