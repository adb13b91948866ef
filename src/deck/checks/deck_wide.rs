//! Warnings that need the whole deck: kinds whose questions draw their wrong answers from
//! other facts, with too few facts to draw from.
//!
//! Dates, figures and sequences make their own wrong answers (nearby dates and numbers,
//! shuffled orders), so only cards, changes and sets are counted here.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use super::lists::folded;
use std::ops::Range;

use super::Checker;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::{ChangeSides, Fact};

/// Options in a multiple-choice question: the answer and three distractors.
pub const CHOICES: usize = 4;

/// A fact and where its id is written, for pointing a warning at it.
type Entry<'a> = (&'a Fact, &'a Range<usize>);

impl Checker<'_> {
    /// `id_spans` is parallel to `facts`.
    pub fn deck_wide(&mut self, facts: &[Fact], id_spans: &[Range<usize>]) {
        let entries: Vec<Entry<'_>> = facts.iter().zip(id_spans).collect();
        self.card_groups(&entries);
        self.changes(&entries);
        self.sets(&entries);
        self.lone_figures(&entries);
    }

    /// A card's wrong choices are texts of its sort (its `sort`, else its `group`) from any
    /// kind of fact, so a group needs four different texts; a card with neither is asked
    /// typed only. A `sort` says what its answers are: a small one is no mistake, only typed.
    fn card_groups(&mut self, facts: &[Entry<'_>]) {
        // Per sort (`None`: cards with neither): whether it is named by `sort`, the first
        // card, and the sort's texts.
        type Answers<'a> = (bool, &'a Range<usize>, HashSet<Cow<'a, str>>);
        let mut groups: BTreeMap<Option<&str>, Answers<'_>> = BTreeMap::new();
        for &(fact, id_span) in facts {
            if let Fact::Card(card) = fact {
                let sort = card.sort.as_deref().or(card.group.as_deref());
                let (_, _, answers) = groups
                    .entry(sort)
                    .or_insert_with(|| (card.sort.is_some(), id_span, HashSet::new()));
                if answers.len() < CHOICES {
                    answers.insert(folded(&card.answer));
                }
            }
        }
        for &(fact, _) in facts {
            let (sort, texts): (Option<&str>, Vec<&String>) = match fact {
                Fact::Set(s) => (
                    s.sort.as_deref().or(s.group.as_deref()),
                    s.members.iter().collect(),
                ),
                Fact::Sequence(s) => (s.sort.as_deref(), s.items.iter().collect()),
                Fact::Change(c) => (
                    c.sort.as_deref(),
                    match &c.sides {
                        ChangeSides::Both { before, after } => vec![before, after],
                        ChangeSides::Removed { before: v, .. }
                        | ChangeSides::Established { after: v, .. } => vec![v],
                    },
                ),
                _ => continue,
            };
            if let Some((_, _, answers)) = sort.and_then(|s| groups.get_mut(&Some(s))) {
                answers.extend(texts.into_iter().take(CHOICES).map(|t| folded(t)));
            }
        }
        for (group, (by_sort, first, answers)) in groups {
            let message = match group {
                // A `sort` states what the answers are: a small one just means typed.
                Some(_) if answers.len() >= CHOICES || by_sort => continue,
                Some(group) => format!(
                    "card group `{group}` has {}: multiple choice needs {CHOICES}",
                    counted(answers.len(), "different answer", "different answers")
                ),
                None => "the cards without a `group` or `sort` are asked typed only: multiple \
                         choice needs a sort they share"
                    .to_owned(),
            };
            self.push(
                Diagnostic::warning(message)
                    .at(first.clone())
                    .label("first card of the group")
                    .help(
                        "wrong choices are answers of the same sort (a person for a person, a \
                         city for a city), from cards, sets and changes alike: give cards a \
                         `sort` they share with at least three other answers; until then they \
                         are asked for typed answers only",
                    ),
            );
        }
    }

    /// A change's wrong choices are the `before` and `after` values of other changes.
    fn changes(&mut self, facts: &[Entry<'_>]) {
        let changes: Vec<&Entry<'_>> = facts
            .iter()
            .filter(|(fact, _)| matches!(fact, Fact::Change(_)))
            .collect();
        let Some((_, first)) = changes.first() else {
            return;
        };
        let mut values: HashSet<Cow<'_, str>> = HashSet::new();
        for (fact, _) in &changes {
            if values.len() >= CHOICES {
                break;
            }
            if let Fact::Change(c) = fact {
                let (before, after) = match &c.sides {
                    ChangeSides::Both { before, after } => (Some(before), Some(after)),
                    ChangeSides::Removed { before, .. } => (Some(before), None),
                    ChangeSides::Established { after, .. } => (None, Some(after)),
                };
                values.extend([before, after].into_iter().flatten().map(|v| folded(v)));
            }
        }
        if changes.len() >= 2 && values.len() >= CHOICES {
            return;
        }
        self.push(
            Diagnostic::warning(format!(
                "only {} with {} between them: too few for good wrong choices",
                counted(changes.len(), "change", "changes"),
                counted(values.len(), "different value", "different values")
            ))
            .at((*first).clone())
            .label("first change")
            .help(format!(
                "changes lend each other their `before` and `after` values as wrong choices; \
                 write at least 2 changes with {CHOICES} different values between them"
            )),
        );
    }

    /// "Which of these was a member of …?" offers members of other sets as wrong choices.
    fn sets(&mut self, facts: &[Entry<'_>]) {
        let sets: Vec<(&Entry<'_>, &[String])> = facts
            .iter()
            .filter_map(|entry| match entry.0 {
                Fact::Set(s) => Some((entry, s.members.as_slice())),
                _ => None,
            })
            .collect();
        // Enough distinct members to give even the largest set its wrong choices: stop there.
        let largest = sets.iter().map(|(_, m)| m.len()).max().unwrap_or(0);
        let mut all: HashSet<Cow<'_, str>> = HashSet::new();
        for (_, members) in &sets {
            if all.len() >= largest + CHOICES - 1 {
                return;
            }
            all.extend(members.iter().map(|m| folded(m)));
        }
        for ((fact, id_span), members) in sets {
            // A set's members are all in `all` and distinct (the loader rejects repeats), so
            // the rest of `all` is what the other sets offer.
            let others = all.len().saturating_sub(members.len());
            if others >= CHOICES - 1 {
                continue;
            }
            self.push(
                Diagnostic::warning(format!(
                    "set `{}`: other sets offer {} to ask about, {} needed",
                    fact.id(),
                    counted(others, "non-member", "non-members"),
                    CHOICES - 1
                ))
                .at((*id_span).clone())
                .help(
                    "write another set whose members are not in this one; until then it is \
                     asked only for its size",
                ),
            );
        }
    }

    /// A figure alone in its `group` has nothing to be compared with: often a typo in the
    /// group's name.
    fn lone_figures(&mut self, facts: &[Entry<'_>]) {
        let mut groups: BTreeMap<&str, (usize, &Range<usize>)> = BTreeMap::new();
        for &(fact, id_span) in facts {
            if let Fact::Figure(f) = fact
                && let Some(group) = &f.group
            {
                groups.entry(group).or_insert((0, id_span)).0 += 1;
            }
        }
        for (group, (count, only)) in groups {
            if count == 1 {
                self.push(
                    Diagnostic::warning(format!(
                        "figure group `{group}` has only this figure: nothing to compare it with"
                    ))
                    .at(only.clone())
                    .help("check the group's spelling, add figures to it, or leave `group` out"),
                );
            }
        }
    }
}

/// "1 answer", "3 answers", "no answers".
fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::load_str;

    fn warnings(facts: &str) -> Vec<String> {
        let text = format!("[deck]\nid = \"d\"\ntitle = \"T\"\n{facts}");
        match load_str(&text) {
            Ok(loaded) => loaded.warnings.into_iter().map(|d| d.message).collect(),
            Err(all) => panic!("{all:?}"),
        }
    }

    fn card(id: &str, answer: &str, group: &str) -> String {
        format!(
            "[[card]]\nid = \"{id}\"\nquestion = \"Q\"\nanswer = \"{answer}\"\ngroup = \"{group}\"\nquote = \"q\"\n"
        )
    }

    #[test]
    fn a_card_group_needs_four_different_answers() {
        let three: String = ["a", "b", "c"].iter().map(|a| card(a, a, "g")).collect();
        assert_eq!(
            warnings(&three),
            ["card group `g` has 3 different answers: multiple choice needs 4"]
        );
        // A set of the same sort lends the cards its members.
        let set = "[[set]]\nid = \"s\"\nname = \"n\"\nmembers = [\"x\", \"y\"]\ngroup = \"g\"\nquote = \"q\"\n";
        let with_set = format!("{three}{set}");
        assert!(
            !warnings(&with_set)
                .iter()
                .any(|w| w.starts_with("card group")),
            "{:?}",
            warnings(&with_set)
        );
        let repeated = format!("{three}{}", card("d", "A", "g"));
        assert_eq!(
            warnings(&repeated).len(),
            1,
            "a repeated answer adds no choice"
        );
        let four = format!("{three}{}", card("d", "d", "g"));
        assert!(warnings(&four).is_empty());
    }

    #[test]
    fn changes_need_other_changes() {
        let one = "[[change]]\nid = \"c\"\nsubject = \"s\"\nbefore = \"a\"\nafter = \"b\"\nquote = \"q\"\n";
        assert_eq!(
            warnings(one),
            ["only 1 change with 2 different values between them: too few for good wrong choices"]
        );
        let two = format!(
            "{one}{}",
            one.replace("\"c\"", "\"d\"")
                .replace("\"a\"", "\"x\"")
                .replace("\"b\"", "\"y\"")
        );
        assert!(warnings(&two).is_empty());
    }

    #[test]
    fn a_set_needs_non_members_elsewhere() {
        let set = |id: &str, members: &str| {
            format!("[[set]]\nid = \"{id}\"\nname = \"n\"\nmembers = [{members}]\nquote = \"q\"\n")
        };
        let lone = set("s", "\"a\", \"b\"");
        assert_eq!(warnings(&lone).len(), 1);
        let pair = format!("{lone}{}", set("t", "\"c\", \"d\", \"e\", \"a\""));
        // `s` gets c, d, e from `t`; `t` gets only b from `s`.
        assert_eq!(
            warnings(&pair),
            ["set `t`: other sets offer 1 non-member to ask about, 3 needed"]
        );
    }

    #[test]
    fn a_figure_alone_in_its_group_is_flagged() {
        let figure = |id: &str, group: &str| {
            format!(
                "[[figure]]\nid = \"{id}\"\nwhat = \"w\"\nvalue = 1\ngroup = \"{group}\"\nquote = \"q\"\n"
            )
        };
        let text = format!(
            "{}{}{}",
            figure("a", "g"),
            figure("b", "g"),
            figure("c", "h")
        );
        assert_eq!(
            warnings(&text),
            ["figure group `h` has only this figure: nothing to compare it with"]
        );
    }
}
