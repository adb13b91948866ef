//! The kinds of fact, listed once. Each kind is one module here holding its model (the
//! validated fact), its raw TOML mirror with its field names, the keys its `question`
//! takes, the check that turns one into the other, its JSON shape, and what the rest of the
//! program asks of any fact ([`FactKind`]: its texts, its sort, the phrase questions are
//! made from).
//!
//! [`for_each_kind!`] is the list. `Kind`, `Fact`, `Kind::ALL`, the kinds' names, the
//! unknown-kind message and the loader's dispatch are made from it here; code above `deck`
//! that must know every kind (the question forms) calls it with a macro of its own, so a
//! new kind is one line of the list and one module, and the compiler names what it lacks.

mod card;
mod change;
mod date;
mod figure;
mod json;
mod sequence;
mod set;

pub use card::CardFact;
pub use change::{ChangeFact, ChangeSides};
pub use date::DateFact;
pub use figure::{FigureFact, Previous, Tolerance};
pub use sequence::SequenceFact;
pub use set::SetFact;

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::checks::{Checker, Located, Table};
use super::model::FactMeta;
use super::tables::Subtable;
use super::wording::{Wording, WordingKey};

/// Calls `$m!` with every kind, in the order the deck format documents them, as
/// `Variant(FactType) "name"`: the one list of kinds. Variants are never reordered: stored
/// histories and the deck cache keep them by position.
macro_rules! for_each_kind {
    ($m:ident) => {
        $m! {
            Date(DateFact) "date",
            Figure(FigureFact) "figure",
            Change(ChangeFact) "change",
            Card(CardFact) "card",
            Set(SetFact) "set",
            Sequence(SequenceFact) "sequence",
        }
    };
}
pub(crate) use for_each_kind;

/// What every fact answers, whatever its kind.
pub trait FactKind {
    /// The fields every fact has.
    fn meta(&self) -> &FactMeta;

    /// The texts of the fact that can be options, numbered as `ItemRef`s number them: a
    /// date's event, a change's sides, a card's answer then its accepted spellings, a set's
    /// members, a sequence's items.
    fn item_texts(&self) -> Vec<&str>;

    /// Text number `item` of [`FactKind::item_texts`], without collecting the others.
    fn item_text(&self, item: usize) -> Option<&str>;

    /// How many of the first item texts stand for things of the fact's sort (a card's
    /// answer, not its other spellings); none for a kind whose texts are no answers.
    fn sort_items(&self) -> usize {
        0
    }

    /// The sort the fact's texts are compared within, as written: its `sort`, else a
    /// card's or set's `group`, else a change's subject. `None`: no other fact's texts are
    /// of the same sort.
    fn sort_name(&self) -> Option<&str> {
        None
    }

    /// Whether the item texts are answers a learner types (not a date's event).
    fn items_are_answers(&self) -> bool {
        true
    }

    /// The phrase questions are made from (an event, a subject, a card's question): a
    /// draft's "TODO:" there means the fact is not finished.
    fn topic(&self) -> &str;

    /// The author's wording of its questions; `None` for a kind that words itself (a card).
    fn wording(&self) -> Option<&Wording>;

    /// Why its alternative answers are accepted, shown after its questions.
    fn also_note(&self) -> Option<&str> {
        None
    }
}

/// How the loader reads a kind: its raw table, the table's fields and the check that makes
/// the fact.
pub(crate) trait KindSpec: FactKind + Sized {
    /// The table as written, every field optional (see `deck::raw`).
    type Raw: DeserializeOwned;
    /// The raw table's field names, those every fact has first; kept in step with `Raw` by
    /// `tests::field_lists_match_the_structs`.
    const FIELDS: &'static [&'static str];
    /// A table inside the kind's table whose keys are checked too.
    const SUBTABLE: Option<&'static Subtable> = None;
    /// The keys `question` takes, the main question first (see `deck::wording`).
    const WORDING: &'static [WordingKey];

    /// Every field of `raw` checked, the fact built when all of them are sound.
    fn check(checker: &mut Checker<'_>, raw: Self::Raw, table: &Table) -> Option<Located>;

    /// The fact in the deck file's shape, every field it has under the format's names.
    fn json(&self) -> impl Serialize + '_;
}

macro_rules! define_kinds {
    ($($variant:ident($fact:ident) $name:literal,)+) => {
        /// One fact of a deck; one variant per kind.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum Fact {
            $($variant(Box<$fact>),)+
        }

        /// The kinds of fact, in the order the deck format documents them.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        pub enum Kind {
            $($variant,)+
        }

        impl Kind {
            pub const ALL: [Kind; Kind::COUNT] = [$(Kind::$variant,)+];
            pub const COUNT: usize = [$($name,)+].len();
            /// "date, figure, …": every kind's name, for messages and help.
            pub const NAMES: &'static str = comma_list!($($name),+);
            /// The top-level tables of a deck file, in documentation order.
            pub(crate) const TOP_LEVEL: &'static [&'static str] = &["deck", $($name,)+];

            /// The name used in deck files (`[[date]]`), on the command line and in stored
            /// history.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)+
                }
            }

            /// `[[date]]`, `[[figure]]`…: how the header of a kind is written.
            pub(crate) fn header(self) -> &'static str {
                match self {
                    $(Kind::$variant => concat!("[[", $name, "]]"),)+
                }
            }

            /// The fields of a kind's table: those every fact has, and its own.
            #[cfg(test)]
            pub(crate) fn fields(self) -> &'static [&'static str] {
                match self {
                    $(Kind::$variant => <$fact as KindSpec>::FIELDS,)+
                }
            }

            /// The keys `question` takes on a fact of this kind, its main question first.
            pub fn wording_keys(self) -> &'static [WordingKey] {
                match self {
                    $(Kind::$variant => <$fact as KindSpec>::WORDING,)+
                }
            }

            /// Reads one table of this kind (`value`, already known to be a table) and
            /// checks it into a fact.
            pub(crate) fn load(
                self,
                checker: &mut Checker<'_>,
                value: toml::Spanned<toml::de::DeValue<'_>>,
                table: &Table,
            ) -> Option<Located> {
                match self {
                    $(Kind::$variant => {
                        let raw = super::tables::deserialize::<<$fact as KindSpec>::Raw>(
                            checker,
                            value,
                            <$fact as KindSpec>::FIELDS,
                            <$fact as KindSpec>::SUBTABLE,
                            table,
                        )?;
                        <$fact as KindSpec>::check(checker, raw, table)
                    })+
                }
            }
        }

        impl Fact {
            /// The fact as what every kind answers.
            pub fn as_kind(&self) -> &dyn FactKind {
                match self {
                    $(Fact::$variant(f) => &**f,)+
                }
            }

            pub fn kind(&self) -> Kind {
                match self {
                    $(Fact::$variant(_) => Kind::$variant,)+
                }
            }

            /// The fields every fact has, to change (tests renaming facts, tools).
            pub fn meta_mut(&mut self) -> &mut FactMeta {
                match self {
                    $(Fact::$variant(f) => &mut f.meta,)+
                }
            }
        }

        impl Serialize for AsWritten<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.0 {
                    $(Fact::$variant(f) => <$fact as KindSpec>::json(f).serialize(s),)+
                }
            }
        }

        $(impl From<$fact> for Fact {
            fn from(fact: $fact) -> Self {
                Fact::$variant(Box::new(fact))
            }
        })+
    };
}

/// A fact as a deck file writes it, for JSON (`factdeck export --format json`).
#[derive(Debug, Clone, Copy)]
pub struct AsWritten<'f>(pub &'f Fact);

/// `"a", "b"` → `"a, b"`, at compile time.
macro_rules! comma_list {
    ($first:literal $(, $rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}

for_each_kind!(define_kinds);

impl Fact {
    pub fn meta(&self) -> &FactMeta {
        self.as_kind().meta()
    }

    pub fn id(&self) -> &str {
        &self.meta().id
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a kind name that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown fact kind `{0}` (expected one of: {names})", names = Kind::NAMES)]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// A checked fact with the places later checks point at.
pub(crate) fn located(
    fact: impl Into<Fact>,
    id_span: Range<usize>,
    quote_span: Option<Range<usize>>,
) -> Located {
    Located {
        fact: fact.into(),
        id_span,
        quote_span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::raw::tests::{sorted, struct_fields};

    #[test]
    fn kind_round_trips_through_its_name() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
            assert_eq!(kind.header(), format!("[[{kind}]]"));
        }
        assert!("dates".parse::<Kind>().is_err());
        assert_eq!(
            UnknownKind("x".into()).to_string(),
            "unknown fact kind `x` (expected one of: date, figure, change, card, set, sequence)"
        );
    }

    #[test]
    fn field_lists_match_the_structs() {
        macro_rules! each {
            ($($variant:ident($fact:ident) $name:literal,)+) => {
                $(assert_eq!(
                    struct_fields::<<$fact as KindSpec>::Raw>(),
                    sorted(&[<$fact as KindSpec>::FIELDS]),
                    $name
                );)+
            };
        }
        for_each_kind!(each);
    }

    #[test]
    fn every_kinds_fields_start_with_those_every_fact_has() {
        for kind in Kind::ALL {
            assert_eq!(
                kind.fields()[..4],
                ["id", "tags", "quote", "note"],
                "{kind}"
            );
        }
    }

    #[test]
    fn wording_placeholders_are_named_in_their_words() {
        for kind in Kind::ALL {
            for k in kind.wording_keys() {
                assert!(
                    k.needs
                        .iter()
                        .all(|n| k.words.contains(&format!("{{{n}}}")))
                );
            }
        }
    }
}
