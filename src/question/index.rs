//! What the generator precomputes once per deck, so that each question costs a few
//! lookups: comparison keys, the deck's dates, and pools of answers to draw distractors from.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::deck::{ChangeSides, Deck, Fact, FactDate, Precision};
use crate::grade::normalize::key;

use super::near::KnownAnswers;
use super::phrase;

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
    match fact {
        Fact::Change(c) => match (&c.sides, item) {
            (ChangeSides::Both { before, .. }, 0) => Some(before),
            (ChangeSides::Both { after, .. }, 1) => Some(after),
            (ChangeSides::Removed { before, .. }, 0) => Some(before),
            (ChangeSides::Established { after, .. }, 0) => Some(after),
            _ => None,
        },
        Fact::Card(c) if item == 0 => Some(&c.answer),
        Fact::Card(c) => c.accept.get(item - 1).map(String::as_str),
        Fact::Set(s) => s.members.get(item).map(String::as_str),
        Fact::Sequence(s) => s.items.get(item).map(String::as_str),
        Fact::Date(d) => (item == 0).then_some(d.event.as_str()),
        Fact::Figure(_) => None,
    }
}

/// The texts of a fact that can be options: a date's event, a change's sides, a card's
/// answer then its accepted spellings, a set's members, a sequence's items.
pub fn item_texts(fact: &Fact) -> Vec<&str> {
    match fact {
        Fact::Date(d) => vec![d.event.as_str()],
        Fact::Figure(_) => Vec::new(),
        Fact::Change(c) => match &c.sides {
            ChangeSides::Both { before, after } => vec![before.as_str(), after.as_str()],
            ChangeSides::Removed { before, .. } => vec![before.as_str()],
            ChangeSides::Established { after, .. } => vec![after.as_str()],
        },
        Fact::Card(c) => std::iter::once(c.answer.as_str())
            .chain(c.accept.iter().map(String::as_str))
            .collect(),
        Fact::Set(s) => s.members.iter().map(String::as_str).collect(),
        Fact::Sequence(s) => s.items.iter().map(String::as_str).collect(),
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    /// Per fact, the keys of its item texts.
    pub item_keys: Vec<Vec<String>>,
    /// Per fact, the key of what it is about: an event, a figure's description, a name.
    pub label_keys: Vec<String>,
    /// Fact ids to fact indexes.
    pub positions: HashMap<String, usize>,
    /// Per fact, the end of every explanation: its note and its source quote.
    pub explanation_tails: Vec<String>,
    /// Per fact, the explanation of a question about it alone: what it says (see
    /// [`phrase::own_context`]), a date's note on its alternatives, then the tail; `None`
    /// when that is just the tail.
    pub explanations: Vec<Option<String>>,
    /// Date facts, and per fact the whole period it covers (start, end and `also`).
    pub date_facts: Vec<usize>,
    pub periods: Vec<Option<(Date, Date)>>,
    /// Every date of the deck at each precision (year, month, day), sorted, no repeats.
    pub dates_at: [Vec<FactDate>; 3],
    pub figure_groups: HashMap<String, Vec<usize>>,
    /// Card answers by group (`None`: cards without a group).
    pub card_pools: HashMap<Option<String>, Vec<ItemRef>>,
    pub set_members: Vec<ItemRef>,
    /// Set members and card answers by group, for "which of these was a member".
    pub group_answers: HashMap<String, Vec<ItemRef>>,
    pub change_values: Vec<ItemRef>,
    pub sequence_items: Vec<ItemRef>,
    /// Every answer text of the deck, for refusing typos that are another known answer.
    pub known: KnownAnswers,
}

pub fn precision_slot(p: Precision) -> usize {
    match p {
        Precision::Year => 0,
        Precision::Month => 1,
        Precision::Day => 2,
    }
}

impl Index {
    pub fn build(deck: &Deck) -> Self {
        let mut ix = Index::default();
        for (i, fact) in deck.facts.iter().enumerate() {
            let items = item_texts(fact);
            ix.item_keys.push(items.iter().map(|t| key(t)).collect());
            ix.label_keys.push(key(&phrase::label(fact)));
            let tail = phrase::explanation_tail(fact.meta());
            let also_note = match fact {
                Fact::Date(d) => d.also_note.as_deref(),
                _ => None,
            };
            let context = phrase::own_context(fact);
            ix.explanations.push(
                (!context.is_empty() || also_note.is_some())
                    .then(|| phrase::explanation(&context, also_note, &tail)),
            );
            ix.explanation_tails.push(tail);
            ix.positions.insert(fact.id().to_owned(), i);
            ix.periods.push(None);
            let refs = (0..items.len()).map(|item| ItemRef::new(i, item));
            match fact {
                Fact::Date(d) => {
                    ix.date_facts.push(i);
                    let all = std::iter::once(d.date)
                        .chain(d.end)
                        .chain(d.also.iter().copied());
                    let first = all.clone().map(|x| x.first_day()).min();
                    let last = all.clone().map(|x| x.last_day()).max();
                    ix.periods[i] = first.zip(last);
                    for date in all {
                        for p in [Precision::Year, Precision::Month, Precision::Day] {
                            if date.precision() >= p {
                                ix.dates_at[precision_slot(p)].push(date.truncate(p));
                            }
                        }
                    }
                }
                Fact::Figure(f) => {
                    if let Some(g) = &f.group {
                        ix.figure_groups.entry(g.clone()).or_default().push(i);
                    }
                }
                Fact::Change(_) => ix.change_values.extend(refs),
                Fact::Card(c) => {
                    let answer = ItemRef::new(i, 0);
                    ix.card_pools
                        .entry(c.group.clone())
                        .or_default()
                        .push(answer);
                    if let Some(g) = &c.group {
                        ix.group_answers.entry(g.clone()).or_default().push(answer);
                    }
                }
                Fact::Set(s) => {
                    let refs: Vec<ItemRef> = refs.collect();
                    ix.set_members.extend(&refs);
                    if let Some(g) = &s.group {
                        ix.group_answers.entry(g.clone()).or_default().extend(refs);
                    }
                }
                Fact::Sequence(_) => ix.sequence_items.extend(refs),
            }
        }
        for dates in &mut ix.dates_at {
            dates.sort();
            dates.dedup();
        }
        ix.known = KnownAnswers::build(deck, &ix.item_keys);
        ix
    }

    pub fn key_of(&self, item: ItemRef) -> &str {
        self.item_keys
            .get(item.fact as usize)
            .and_then(|keys| keys.get(item.item as usize))
            .map_or("", String::as_str)
    }
}
