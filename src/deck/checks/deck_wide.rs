//! Warnings that need the whole deck: facts whose multiple-choice questions draw their
//! wrong options from other facts of their sort, with too few there to draw from.
//!
//! The rule, as the question engine applies it: a text's wrong options are other texts of
//! its sort (card answers, set members, change sides, sequence items), never of another
//! sort. Four options need three of them, three options (the fewest) two; with fewer a
//! card is asked typed and a set only for its size. Dates, figures and sequences make their
//! own wrong options, and a change's typed questions need none, so only cards and sets are
//! counted here.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::lists::folded;
use std::ops::Range;

use super::Checker;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::Fact;

/// Options in a multiple-choice question by default: the answer and three wrong ones.
pub const CHOICES: usize = 4;
/// The fewest options a multiple-choice question is made with.
pub const FEWEST_CHOICES: usize = 3;

/// A fact and where its id is written, for pointing a warning at it.
type Entry<'a> = (&'a Fact, &'a Range<usize>);

/// The sort a fact's texts are compared within, as the question engine sees it: its
/// `sort`, else a card's or set's `group`, else a change's subject.
fn sort_of(fact: &Fact) -> Option<Cow<'_, str>> {
    fact.as_kind().sort_name().map(|s| folded(s.trim()))
}

/// The texts a fact lends its sort: a card's answer, a set's members, a change's sides, a
/// sequence's items.
fn texts_of(fact: &Fact) -> Vec<&str> {
    let kind = fact.as_kind();
    let mut texts = kind.item_texts();
    texts.truncate(kind.sort_items());
    texts
}

impl Checker<'_> {
    /// `id_spans` is parallel to `facts`.
    pub fn deck_wide(&mut self, facts: &[Fact], id_spans: &[Range<usize>]) {
        let entries: Vec<Entry<'_>> = facts.iter().zip(id_spans).collect();
        let pools = SortPools::of(&entries);
        self.card_groups(&entries, &pools);
        self.sets(&entries, &pools);
        self.lone_figures(&entries);
    }

    /// A card's wrong options are texts of its sort from any kind of fact. A card group
    /// (without a `sort`) with fewer than four different texts is told how many options its
    /// cards get; a card with neither is asked typed only. A `sort` says what its answers
    /// are: a small one is no mistake, only fewer options.
    fn card_groups(&mut self, facts: &[Entry<'_>], pools: &SortPools<'_>) {
        // Per group (`None`: cards with neither `sort` nor `group`): its first card.
        let mut groups: BTreeMap<Option<&str>, &Range<usize>> = BTreeMap::new();
        for &(fact, id_span) in facts {
            if let Fact::Card(card) = fact
                && card.sort.is_none()
            {
                groups.entry(card.group.as_deref()).or_insert(id_span);
            }
        }
        for (group, first) in groups {
            let message = match group {
                Some(group) => {
                    let texts = pools.distinct(&folded(group.trim()));
                    let gets = match texts {
                        n if n >= CHOICES => continue,
                        n if n >= FEWEST_CHOICES => {
                            format!("its cards get {n} options instead of {CHOICES}")
                        }
                        _ => "too few for multiple choice, so its cards are asked typed only"
                            .to_owned(),
                    };
                    format!(
                        "card group `{group}` has {}: {gets}",
                        counted(texts, "different answer", "different answers")
                    )
                }
                None => "the cards without a `group` or `sort` are asked typed only: multiple \
                         choice needs a sort they share"
                    .to_owned(),
            };
            self.push(
                Diagnostic::warning(message)
                    .at(first.clone())
                    .label("first card of the group")
                    .help(
                        "a card's wrong options are other answers of its sort (a person for a \
                         person, a city for a city), from cards, sets and changes alike: four \
                         options need 4 different answers in the sort, three need 3; give \
                         cards of one sort of thing the same `sort`",
                    ),
            );
        }
    }

    /// "Which of these was a member of …?" offers texts of the set's sort that are not its
    /// members; a set without a sort is asked only for its size. Only sets without a `sort`
    /// are warned about: their `group` may be a slip, or missing.
    fn sets(&mut self, facts: &[Entry<'_>], pools: &SortPools<'_>) {
        for &(fact, id_span) in facts {
            let Fact::Set(set) = fact else { continue };
            // As for cards, a `sort` states what the members are: a small one is no mistake.
            if set.sort.is_some() {
                continue;
            }
            let message = match sort_of(fact) {
                None => format!(
                    "set `{}` has no `sort` or `group`, so no other texts to offer as \
                     non-members: it is asked only for its size",
                    set.meta.id
                ),
                Some(sort) => {
                    let others = pools.outside(&sort, set.members.len());
                    let gets = match others + 1 {
                        n if n >= CHOICES => continue,
                        n if n >= FEWEST_CHOICES => {
                            format!("\"which was a member\" gets {n} options instead of {CHOICES}")
                        }
                        _ => "too few for multiple choice, so it is asked only for its size"
                            .to_owned(),
                    };
                    format!(
                        "set `{}`: its sort offers {}: {gets}",
                        set.meta.id,
                        counted(others, "non-member", "non-members")
                    )
                }
            };
            self.push(Diagnostic::warning(message).at(id_span.clone()).help(
                "wrong options are texts of the set's sort that are not its members (members \
                 of other sets, card answers, change sides): give sets of one sort of thing \
                 the same `sort` (or `group`)",
            ));
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

/// The different texts of each sort, counted only as far as a warning needs.
struct SortPools<'a> {
    texts: HashMap<Cow<'a, str>, HashSet<Cow<'a, str>>>,
}

impl<'a> SortPools<'a> {
    /// Counting stops where no warning can depend on more: a set's members and three
    /// others, a card group's four answers.
    fn of(facts: &[Entry<'a>]) -> Self {
        let largest_set = facts
            .iter()
            .filter_map(|(fact, _)| match fact {
                Fact::Set(s) => Some(s.members.len()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let enough = largest_set.max(1) + CHOICES;
        let mut texts: HashMap<Cow<'a, str>, HashSet<Cow<'a, str>>> = HashMap::new();
        for &(fact, _) in facts {
            let Some(sort) = sort_of(fact) else { continue };
            let pool = texts.entry(sort).or_default();
            // A set's own members are always counted: `outside` subtracts them.
            let own = matches!(fact, Fact::Set(_));
            for text in texts_of(fact) {
                if pool.len() >= enough && !own {
                    break;
                }
                pool.insert(folded(text));
            }
        }
        SortPools { texts }
    }

    /// How many different texts `sort` has (at least up to four).
    fn distinct(&self, sort: &str) -> usize {
        self.texts.get(sort).map_or(0, HashSet::len)
    }

    /// How many texts of `sort` are not among `own`, a set's members (which are all in the
    /// pool of the set's sort, and distinct).
    fn outside(&self, sort: &str, own: usize) -> usize {
        self.distinct(sort).saturating_sub(own)
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
            ["card group `g` has 3 different answers: its cards get 3 options instead of 4"]
        );
        let two: String = ["a", "b"].iter().map(|a| card(a, a, "g")).collect();
        assert_eq!(
            warnings(&two),
            [
                "card group `g` has 2 different answers: too few for multiple choice, so its cards are asked typed only"
            ]
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
    fn a_lone_change_needs_no_other_changes() {
        // Its typed questions need no wrong options.
        let one = "[[change]]\nid = \"c\"\nsubject = \"s\"\nbefore = \"a\"\nafter = \"b\"\nquote = \"q\"\n";
        assert!(warnings(one).is_empty());
    }

    #[test]
    fn a_set_needs_non_members_of_its_sort() {
        let set = |id: &str, members: &str| {
            format!(
                "[[set]]\nid = \"{id}\"\nname = \"n\"\nmembers = [{members}]\ngroup = \"p\"\nquote = \"q\"\n"
            )
        };
        let lone = set("s", "\"a\", \"b\"");
        assert_eq!(
            warnings(&lone),
            [
                "set `s`: its sort offers no non-members: too few for multiple choice, so it is asked only for its size"
            ]
        );
        let pair = format!("{lone}{}", set("t", "\"c\", \"d\", \"e\", \"a\""));
        // `s` gets c, d, e from `t`; `t` gets only b from `s`.
        assert_eq!(
            warnings(&pair),
            [
                "set `t`: its sort offers 1 non-member: too few for multiple choice, so it is asked only for its size"
            ]
        );
        // A card answer of the same sort is a non-member too.
        let card =
            "[[card]]\nid = \"k\"\nquestion = \"Q\"\nanswer = \"f\"\nsort = \"p\"\nquote = \"q\"\n";
        assert_eq!(
            warnings(&format!("{pair}{card}")),
            [
                "set `t`: its sort offers 2 non-members: \"which was a member\" gets 3 options instead of 4"
            ]
        );
        // A `sort` is a statement: no warning, however small.
        assert!(warnings(&lone.replace("group", "sort")).is_empty());
        let unsorted =
            "[[set]]\nid = \"u\"\nname = \"n\"\nmembers = [\"x\", \"y\"]\nquote = \"q\"\n";
        assert_eq!(
            warnings(unsorted),
            [
                "set `u` has no `sort` or `group`, so no other texts to offer as non-members: it is asked only for its size"
            ]
        );
    }

    #[test]
    fn a_figure_alone_in_its_group_is_flagged() {
        let figure = |id: &str, group: &str| {
            format!(
                "[[figure]]\nid = \"{id}\"\nwhat = \"the w\"\nvalue = 1\ngroup = \"{group}\"\nquote = \"q\"\n"
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
