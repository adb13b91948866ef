//! Accuracy by kind, by form and per fact, folded from the store's per-(fact, form) counts.

use std::collections::BTreeMap;

use crate::deck::Kind;
use crate::store::FactFormCount;

/// Attempts and correct answers under one label (a kind, a form, a fact).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accuracy {
    pub label: String,
    pub attempts: u64,
    pub correct: u64,
}

impl Accuracy {
    pub fn percent(&self) -> Option<f64> {
        percent(self.correct, self.attempts)
    }
}

/// `part` of `whole` as a percentage, if `whole` is not zero.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    // Counts of answers stay far below 2^52, where u64 to f64 would round.
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// A fact answered wrongly most often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeakFact {
    pub deck_id: String,
    pub fact_id: String,
    pub kind: Kind,
    pub attempts: u64,
    pub correct: u64,
    /// The prompt it was last asked with.
    pub prompt: Option<String>,
}

/// A fact needs this many attempts before it can count as weak.
pub const WEAK_MIN_ATTEMPTS: u64 = 2;

/// Everything the history shows about answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tallies {
    /// In the order of `Kind::ALL`, kinds never answered left out.
    pub by_kind: Vec<Accuracy>,
    /// Most answered first.
    pub by_form: Vec<Accuracy>,
    /// Lowest accuracy first (ties: more attempts first); at most `weakest_limit`, without
    /// prompts yet; perfect facts are never weak.
    pub weakest: Vec<WeakFact>,
    pub attempts: u64,
    pub correct: u64,
}

impl Tallies {
    pub fn fold(counts: &[FactFormCount], weakest_limit: usize) -> Tallies {
        let mut kinds: BTreeMap<usize, Accuracy> = BTreeMap::new();
        let mut forms: BTreeMap<&str, Accuracy> = BTreeMap::new();
        let mut facts: BTreeMap<(&str, &str), WeakFact> = BTreeMap::new();
        let mut all = Tallies::default();
        for c in counts {
            let (attempts, correct) = (u64::from(c.attempts), u64::from(c.correct));
            all.attempts += attempts;
            all.correct += correct;
            let order = Kind::ALL
                .iter()
                .position(|k| *k == c.kind)
                .unwrap_or(usize::MAX);
            add(
                kinds.entry(order).or_insert_with(|| empty(c.kind.as_str())),
                attempts,
                correct,
            );
            add(
                forms.entry(&c.form).or_insert_with(|| empty(&c.form)),
                attempts,
                correct,
            );
            let fact = facts
                .entry((&c.deck_id, &c.fact_id))
                .or_insert_with(|| WeakFact {
                    deck_id: c.deck_id.clone(),
                    fact_id: c.fact_id.clone(),
                    kind: c.kind,
                    attempts: 0,
                    correct: 0,
                    prompt: None,
                });
            fact.attempts += attempts;
            fact.correct += correct;
        }
        all.by_kind = kinds.into_values().collect();
        all.by_form = forms.into_values().collect();
        all.by_form.sort_by_key(|t| std::cmp::Reverse(t.attempts));
        let mut weak: Vec<WeakFact> = facts
            .into_values()
            .filter(|f| f.attempts >= WEAK_MIN_ATTEMPTS && f.correct < f.attempts)
            .collect();
        // Compare correct/attempts exactly by cross-multiplying.
        weak.sort_by(|a, b| {
            (u128::from(a.correct) * u128::from(b.attempts))
                .cmp(&(u128::from(b.correct) * u128::from(a.attempts)))
                .then(b.attempts.cmp(&a.attempts))
        });
        weak.truncate(weakest_limit);
        all.weakest = weak;
        all
    }
}

fn empty(label: &str) -> Accuracy {
    Accuracy {
        label: label.to_owned(),
        attempts: 0,
        correct: 0,
    }
}

fn add(tally: &mut Accuracy, attempts: u64, correct: u64) {
    tally.attempts += attempts;
    tally.correct += correct;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(fact: &str, kind: Kind, form: &str, attempts: u32, correct: u32) -> FactFormCount {
        FactFormCount {
            deck_id: "d".into(),
            fact_id: fact.into(),
            kind,
            form: form.into(),
            attempts,
            correct,
        }
    }

    #[test]
    fn counts_fold_into_kinds_forms_and_facts() {
        let counts = [
            count("a", Kind::Figure, "amount", 4, 1),
            count("a", Kind::Figure, "choice", 2, 2),
            count("b", Kind::Date, "year", 3, 0),
            count("c", Kind::Date, "year", 1, 0),
            count("d", Kind::Date, "month", 5, 5),
        ];
        let t = Tallies::fold(&counts, 10);
        let kinds: Vec<_> = t
            .by_kind
            .iter()
            .map(|k| (k.label.as_str(), k.attempts, k.correct))
            .collect();
        assert_eq!(kinds, [("date", 9, 5), ("figure", 6, 3)]);
        let forms: Vec<_> = t
            .by_form
            .iter()
            .map(|f| (f.label.as_str(), f.attempts))
            .collect();
        assert_eq!(
            forms,
            [("month", 5), ("amount", 4), ("year", 4), ("choice", 2)]
        );
        // c has one attempt, d is perfect: neither is weak.
        let weak: Vec<_> = t
            .weakest
            .iter()
            .map(|w| (w.fact_id.as_str(), w.attempts, w.correct))
            .collect();
        assert_eq!(weak, [("b", 3, 0), ("a", 6, 3)]);
        assert_eq!((t.attempts, t.correct), (15, 8));
    }

    #[test]
    fn equal_accuracy_puts_the_more_attempted_fact_first_and_the_limit_applies() {
        let counts = [
            count("few", Kind::Card, "front", 2, 1),
            count("many", Kind::Card, "front", 8, 4),
            count("worse", Kind::Card, "front", 4, 1),
        ];
        let t = Tallies::fold(&counts, 2);
        let weak: Vec<_> = t.weakest.iter().map(|w| w.fact_id.as_str()).collect();
        assert_eq!(weak, ["worse", "many"]);
        assert_eq!(percent(1, 4), Some(25.0));
        assert_eq!(percent(0, 0), None);
    }
}
