//! What the generator precomputes once per deck, so that each question costs a few
//! lookups: comparison keys, the deck's dates, and pools of answers to draw distractors from.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::deck::{Deck, Fact};
use crate::read::normalize::key;

use super::near::KnownAnswers;
use super::packed::PackedStrings;
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
    /// The key of every item text, fact after fact, numbered as `item_styles` is.
    item_keys: PackedStrings,
    /// The look of every item text, fact after fact: those of fact `f` start at
    /// `item_starts[f]`. One flat array, as drawing options looks up the styles of dozens
    /// of items scattered over the deck per question.
    item_styles: Vec<Style>,
    item_starts: Vec<u32>,
    /// Per fact, the key of what it is about: an event, a figure's description, a name.
    label_keys: PackedStrings,
    /// The fact indexes in the order of the facts' ids, and those ids in that order, to
    /// find a fact by its id without reading the deck: a deck read from its cache decodes
    /// a fact when it is first read, and lining a long history up with the deck looks up
    /// every fact the history holds.
    by_id: Vec<u32>,
    ids: PackedStrings,
    /// Date facts, and per fact the whole period it covers (start, end and `also`).
    pub date_facts: Vec<usize>,
    pub periods: Vec<Option<(Date, Date)>>,
    /// The first and last day of all the deck's dates.
    pub span: Option<(Date, Date)>,
    pub figure_groups: HashMap<String, Vec<usize>>,
    /// Per fact, the number of its sort (see [`sort_of`]) in `sort_pools`.
    sorts: Vec<Option<u32>>,
    /// Texts of every kind by sort, for wrong options of the same sort as the answer.
    sort_pools: Vec<Vec<ItemRef>>,
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
fn stated_order(deck: &Deck, positions: &HashMap<&str, usize>) -> HashSet<(usize, usize)> {
    let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, fact) in deck.facts.iter().enumerate() {
        if let Fact::Date(d) = fact {
            for later in d
                .precedes
                .iter()
                .filter_map(|id| positions.get(id.as_str()))
            {
                next.entry(i).or_default().push(*later);
            }
            for earlier in d.follows.iter().filter_map(|id| positions.get(id.as_str())) {
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
        let mut sort_numbers: HashMap<String, u32> = HashMap::new();
        for (i, fact) in deck.facts.iter().enumerate() {
            let items = item_texts(fact);
            ix.item_starts
                .push(u32::try_from(ix.item_styles.len()).unwrap_or(u32::MAX));
            for text in &items {
                ix.item_keys.push(&key(text));
                ix.item_styles.push(Style::of(text));
            }
            ix.label_keys.push(&key(&phrase::label(fact, book)));
            ix.periods.push(None);
            let sort = sort_of(fact).map(|sort| {
                let next = u32::try_from(sort_numbers.len()).unwrap_or(u32::MAX);
                let number = *sort_numbers.entry(sort).or_insert(next);
                if ix.sort_pools.len() <= number as usize {
                    ix.sort_pools.push(Vec::new());
                }
                if let Some(pool) = ix.sort_pools.get_mut(number as usize) {
                    pool.extend((0..fact.as_kind().sort_items()).map(|item| ItemRef::new(i, item)));
                }
                number
            });
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
                        match ix.figure_groups.get_mut(g.as_str()) {
                            Some(members) => members.push(i),
                            None => {
                                ix.figure_groups.insert(g.to_string(), vec![i]);
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
        ix.item_keys.shrink_to_fit();
        ix.label_keys.shrink_to_fit();
        let mut by_id: Vec<u32> = (0..deck.facts.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        by_id.sort_unstable_by_key(|&i| deck.facts.get(i as usize).map(Fact::id));
        for &i in &by_id {
            ix.ids.push(deck.facts.get(i as usize).map_or("", Fact::id));
        }
        ix.ids.shrink_to_fit();
        ix.by_id = by_id;
        let positions: HashMap<&str, usize> = deck
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id(), i))
            .collect();
        ix.known = KnownAnswers::build(deck, &ix);
        ix.stated_order = stated_order(deck, &positions);
        ix
    }

    /// The index of the fact with this id in the deck this index was built from.
    pub fn position(&self, id: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.ids.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.ids.get(mid).unwrap_or("").cmp(id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return self.by_id.get(mid).map(|&i| i as usize),
            }
        }
        None
    }

    /// The items of the sort of fact `fact` (empty for none).
    pub fn pool_of(&self, fact: usize) -> &[ItemRef] {
        self.sorts
            .get(fact)
            .copied()
            .flatten()
            .and_then(|sort| self.sort_pools.get(sort as usize))
            .map_or(&[][..], Vec::as_slice)
    }

    /// The numbers of fact `fact`'s items in `item_keys` and `item_styles`.
    fn items_of(&self, fact: usize) -> std::ops::Range<usize> {
        let Some(start) = self.item_starts.get(fact) else {
            return 0..0;
        };
        let start = *start as usize;
        let end = self
            .item_starts
            .get(fact + 1)
            .map_or(self.item_styles.len(), |e| *e as usize);
        start..end.max(start)
    }

    /// The keys of fact `fact`'s item texts, in [`item_texts`] order.
    pub fn keys_of(&self, fact: usize) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.items_of(fact)
            .map(|n| self.item_keys.get(n).unwrap_or(""))
    }

    /// The key of what fact `fact` is about.
    pub fn label_key(&self, fact: usize) -> &str {
        self.label_keys.get(fact).unwrap_or("")
    }

    #[inline]
    pub fn style_of(&self, item: ItemRef) -> Option<&Style> {
        let items = self.items_of(item.fact as usize);
        self.item_styles
            .get(items)
            .and_then(|styles| styles.get(item.item as usize))
    }

    #[inline]
    pub fn key_of(&self, item: ItemRef) -> &str {
        let items = self.items_of(item.fact as usize);
        if item.item as usize >= items.len() {
            return "";
        }
        self.item_keys
            .get(items.start + item.item as usize)
            .unwrap_or("")
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
