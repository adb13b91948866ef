//! What the generator precomputes once per deck, so that each question costs a few
//! lookups: comparison keys, the deck's dates, and pools of answers to draw distractors from.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::deck::{Deck, Fact};
use crate::read::normalize::key;

use super::near::KnownAnswers;
use super::phrase;
use super::style::Style;

/// One text of one fact: see [`item_text`] for what the item numbers mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub fact: u32,
    pub item: u32,
}

impl ItemRef {
    pub fn new(fact: usize, item: usize) -> Self {
        // Decks are far below 4 billion facts or items; saturate rather than wrap.
        ItemRef {
            fact: u32::try_from(fact).unwrap_or(u32::MAX),
            item: u32::try_from(item).unwrap_or(u32::MAX),
        }
    }
}

/// Text number `item` of a fact (see [`item_texts`]), without collecting the others.
pub fn item_text(fact: &Fact, item: usize) -> Option<&str> {
    fact.as_kind().item_text(item)
}

/// The texts of a fact that can be options: a date's event, a change's sides, a card's
/// answer then its accepted spellings, a set's members, a sequence's items.
pub fn item_texts(fact: &Fact) -> Vec<&str> {
    fact.as_kind().item_texts()
}

/// The sort of a fact's texts, as a key: its `sort`, else a card's or set's `group`, else a
/// change's subject (the two sides of a change are of one sort). `None`: texts of no other
/// fact are the same sort of thing (an ungrouped card, an unsorted sequence).
pub fn sort_of(fact: &Fact) -> Option<String> {
    fact.as_kind()
        .sort_name()
        .map(key)
        .filter(|k| !k.is_empty())
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    /// Per fact, the keys of its item texts.
    pub item_keys: Vec<Vec<String>>,
    /// The look of every item text, fact after fact: those of fact `f` start at
    /// `item_starts[f]`. One flat array, as drawing options looks up the styles of dozens
    /// of items scattered over the deck per question.
    item_styles: Vec<Style>,
    item_starts: Vec<u32>,
    /// Per fact, the key of what it is about: an event, a figure's description, a name.
    pub label_keys: Vec<String>,
    /// Fact ids to fact indexes.
    pub positions: HashMap<String, usize>,
    /// Per fact, the end of every explanation: its note and its source quote.
    pub explanation_tails: Vec<String>,
    /// Per fact, the explanation of a question about it alone: what it says (see
    /// [`phrase::own_context`]), a note on its alternatives, then the tail; `None`
    /// when that is just the tail.
    pub explanations: Vec<Option<String>>,
    /// Date facts, and per fact the whole period it covers (start, end and `also`).
    pub date_facts: Vec<usize>,
    pub periods: Vec<Option<(Date, Date)>>,
    /// The first and last day of all the deck's dates.
    pub span: Option<(Date, Date)>,
    pub figure_groups: HashMap<String, Vec<usize>>,
    /// Per fact, its sort (see [`sort_of`]).
    pub sorts: Vec<Option<String>>,
    /// Texts of every kind by sort, for wrong options of the same sort as the answer.
    pub sort_pools: HashMap<String, Vec<ItemRef>>,
    /// Figures with a previous value that rose and that fell: "did it rise or fall" is
    /// asked as often each way.
    pub rises: u32,
    pub falls: u32,
    /// Pairs of date facts (earlier, later) whose order the deck states (`precedes`,
    /// `follows`, followed through): "which came first" never asks one, since the deck
    /// says the events' very nature orders them (the preparations, then the congress).
    pub stated_order: HashSet<(usize, usize)>,
    /// Every answer text of the deck, for refusing typos that are another known answer.
    pub known: KnownAnswers,
}

/// (earlier, later) for every order the deck states, followed through chains.
fn stated_order(deck: &Deck, positions: &HashMap<String, usize>) -> HashSet<(usize, usize)> {
    let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, fact) in deck.facts.iter().enumerate() {
        if let Fact::Date(d) = fact {
            for later in d.precedes.iter().filter_map(|id| positions.get(id)) {
                next.entry(i).or_default().push(*later);
            }
            for earlier in d.follows.iter().filter_map(|id| positions.get(id)) {
                next.entry(*earlier).or_default().push(i);
            }
        }
    }
    let mut out = HashSet::new();
    for &start in next.keys() {
        let mut stack = vec![start];
        while let Some(at) = stack.pop() {
            for &later in next.get(&at).map_or(&[][..], Vec::as_slice) {
                if out.insert((start, later)) {
                    stack.push(later);
                }
            }
        }
    }
    out
}

impl Index {
    pub fn build(deck: &Deck) -> Self {
        let book = phrase::book_for(crate::deck::Language::from_tag(&deck.meta.language));
        let mut ix = Index::default();
        for (i, fact) in deck.facts.iter().enumerate() {
            let items = item_texts(fact);
            ix.item_keys.push(items.iter().map(|t| key(t)).collect());
            ix.item_starts
                .push(u32::try_from(ix.item_styles.len()).unwrap_or(u32::MAX));
            ix.item_styles.extend(items.iter().map(|t| Style::of(t)));
            ix.label_keys.push(key(&phrase::label(fact, book)));
            let also_note = fact.as_kind().also_note();
            let context = phrase::own_context(fact, book);
            let tail = phrase::explanation_tail(fact.meta(), !context.is_empty(), book);
            ix.explanations.push(
                (!context.is_empty() || also_note.is_some())
                    .then(|| phrase::explanation(&context, also_note, &tail)),
            );
            ix.explanation_tails.push(tail);
            ix.positions.insert(fact.id().to_owned(), i);
            ix.periods.push(None);
            let sort = sort_of(fact);
            if let Some(sort) = &sort {
                let refs = (0..fact.as_kind().sort_items()).map(|item| ItemRef::new(i, item));
                // Most facts join a pool that exists: no copy of its name for them.
                match ix.sort_pools.get_mut(sort) {
                    Some(pool) => pool.extend(refs),
                    None => {
                        ix.sort_pools.insert(sort.clone(), refs.collect());
                    }
                }
            }
            ix.sorts.push(sort);
            match fact {
                Fact::Date(d) => {
                    ix.date_facts.push(i);
                    let all = std::iter::once(d.date)
                        .chain(d.end)
                        .chain(d.also.iter().copied());
                    let first = all.clone().map(|x| x.first_day()).min();
                    let last = all.map(|x| x.last_day()).max();
                    ix.periods[i] = first.zip(last);
                    if let Some((a, b)) = first.zip(last) {
                        ix.span = Some(match ix.span {
                            Some((lo, hi)) => (lo.min(a), hi.max(b)),
                            None => (a, b),
                        });
                    }
                }
                Fact::Figure(f) => {
                    if let Some(g) = &f.group {
                        match ix.figure_groups.get_mut(g) {
                            Some(members) => members.push(i),
                            None => {
                                ix.figure_groups.insert(g.clone(), vec![i]);
                            }
                        }
                    }
                    if let Some(p) = &f.previous {
                        let (now, then) = (f.value.value(), p.value.value());
                        ix.rises += u32::from(now > then);
                        ix.falls += u32::from(now < then);
                    }
                }
                _ => {}
            }
        }
        ix.known = KnownAnswers::build(deck, &ix.item_keys);
        ix.stated_order = stated_order(deck, &ix.positions);
        ix
    }

    /// The items of `sort` (empty for none).
    pub fn pool(&self, sort: Option<&String>) -> &[ItemRef] {
        sort.and_then(|s| self.sort_pools.get(s))
            .map_or(&[][..], Vec::as_slice)
    }

    #[inline]
    pub fn style_of(&self, item: ItemRef) -> Option<&Style> {
        let fact = item.fact as usize;
        let start = *self.item_starts.get(fact)? as usize;
        let end = self
            .item_starts
            .get(fact + 1)
            .map_or(self.item_styles.len(), |e| *e as usize);
        self.item_styles
            .get(start..end)
            .and_then(|styles| styles.get(item.item as usize))
    }

    #[inline]
    pub fn key_of(&self, item: ItemRef) -> &str {
        self.item_keys
            .get(item.fact as usize)
            .and_then(|keys| keys.get(item.item as usize))
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::testing::generator;

    #[test]
    fn every_item_has_its_own_style_and_key_and_nothing_beyond() {
        let g = generator(concat!(
            "[[card]]\nid = \"c\"\nquestion = \"Who?\"\nanswer = \"Kim Jong-un\"\naccept = [\"KJU\"]\n",
            "[[figure]]\nid = \"f\"\nwhat = \"the count\"\nvalue = 3\n",
            "[[set]]\nid = \"s\"\nname = \"the set\"\nmembers = [\"the Politburo\", \"Ri\", \"Pak Pong Ju\"]\n",
        ));
        for (f, fact) in g.deck.facts.iter().enumerate() {
            let texts = item_texts(fact);
            for (k, text) in texts.iter().enumerate() {
                let r = ItemRef::new(f, k);
                assert_eq!(g.index.style_of(r), Some(&Style::of(text)), "{text}");
                assert_eq!(g.index.key_of(r), key(text));
            }
            assert_eq!(g.index.style_of(ItemRef::new(f, texts.len())), None);
            assert_eq!(g.index.key_of(ItemRef::new(f, texts.len())), "");
        }
        assert_eq!(g.index.style_of(ItemRef::new(3, 0)), None);
    }
}
