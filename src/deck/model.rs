//! The deck as the rest of the program sees it: plain, already-validated domain types.
//!
//! Nothing here knows about TOML. The loader (`deck::load`) turns a file into these types
//! once; question generation, grading and storage trust them without re-checking.

use super::wording::Wording;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::date::FactDate;
use super::number::Number;

/// A loaded, valid deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    pub meta: DeckMeta,
    pub facts: Vec<Fact>,
}

/// The `[deck]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeckMeta {
    /// Stable slug; score history keys on it.
    pub id: String,
    pub title: String,
    pub description: String,
    /// BCP 47-ish language tag, "en" by default.
    pub language: String,
    pub source: Option<Source>,
    /// Whether facts are expected to quote a source (`[deck] quotes = false` says the deck
    /// has no source document, so a fact without a `quote` is not worth a warning).
    pub quotes: bool,
}

/// Where a deck's facts come from (`[deck.source]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub license: Option<String>,
    /// Path to the source text, relative to the deck file.
    pub file: Option<PathBuf>,
}

/// The fields every fact has, whatever its kind.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactMeta {
    /// Unique within the deck and stable: history and memory state key on it.
    pub id: String,
    pub tags: Vec<String>,
    /// A verbatim sentence or phrase from the source document.
    pub quote: Option<String>,
    /// Shown after answering.
    pub note: Option<String>,
}

/// One fact of a deck; one variant per kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Fact {
    Date(DateFact),
    Figure(FigureFact),
    Change(ChangeFact),
    Card(CardFact),
    Set(SetFact),
    Sequence(SequenceFact),
}

impl Fact {
    pub fn meta(&self) -> &FactMeta {
        match self {
            Fact::Date(f) => &f.meta,
            Fact::Figure(f) => &f.meta,
            Fact::Change(f) => &f.meta,
            Fact::Card(f) => &f.meta,
            Fact::Set(f) => &f.meta,
            Fact::Sequence(f) => &f.meta,
        }
    }

    pub fn id(&self) -> &str {
        &self.meta().id
    }

    pub fn kind(&self) -> Kind {
        match self {
            Fact::Date(_) => Kind::Date,
            Fact::Figure(_) => Kind::Figure,
            Fact::Change(_) => Kind::Change,
            Fact::Card(_) => Kind::Card,
            Fact::Set(_) => Kind::Set,
            Fact::Sequence(_) => Kind::Sequence,
        }
    }
}

/// The kinds of fact, in the order the deck format documents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Date,
    Figure,
    Change,
    Card,
    Set,
    Sequence,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Date,
        Kind::Figure,
        Kind::Change,
        Kind::Card,
        Kind::Set,
        Kind::Sequence,
    ];

    /// The name used in deck files (`[[date]]`), on the command line and in stored history.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Figure => "figure",
            Kind::Change => "change",
            Kind::Card => "card",
            Kind::Set => "set",
            Kind::Sequence => "sequence",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a kind name that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown fact kind `{0}` (expected one of: date, figure, change, card, set, sequence)")]
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

/// `[[date]]`: an event and when it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateFact {
    pub meta: FactMeta,
    /// A noun phrase naming the event: "the opening of the 8th Congress".
    pub event: String,
    /// The author's wording of its questions; generated from `event` otherwise.
    pub question: Wording,
    pub date: FactDate,
    /// End of a span (the campaign ran from `date` to `end`).
    pub end: Option<FactDate>,
    /// Other dates that are also accepted as correct (sources that disagree).
    pub also: Vec<FactDate>,
    /// Why the alternative dates are accepted.
    pub also_note: Option<String>,
    /// Date facts (by id) this event came before: wrong dates offered for it stay before
    /// them too ("the preparations before the congress").
    pub precedes: Vec<String>,
    /// Date facts (by id) this event came after ("the next congress after this one").
    pub follows: Vec<String>,
}

/// `[[figure]]`: a number, what it counts, and optionally what it was before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureFact {
    pub meta: FactMeta,
    /// A noun phrase naming the quantity: "the number of delegates".
    pub what: String,
    /// When or where the value holds: "the 8th Congress".
    pub at: Option<String>,
    /// The author's wording of its questions; generated from `what` otherwise.
    pub question: Wording,
    pub value: Number,
    /// "delegates", "days", "%"...
    pub unit: Option<String>,
    /// How far a typed answer may be off and still count.
    pub tolerance: Tolerance,
    /// Figures in the same group are comparable ("which is larger") and serve as distractors.
    pub group: Option<String>,
    /// The earlier value this figure changed from.
    pub previous: Option<Previous>,
    /// Other values the source also supports (the infobox says 7 days, the text 8): never
    /// offered as wrong options, accepted when typed.
    pub also: Vec<Number>,
    /// Why the other values are accepted.
    pub also_note: Option<String>,
}

/// An earlier value of a figure (the 7th Congress's count beside the 8th's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    pub value: Number,
    /// When the earlier value held: "the 7th Congress".
    pub at: String,
}

/// How far a typed number may be from the true value.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub enum Tolerance {
    #[default]
    Exact,
    /// Plus or minus this much, in the figure's unit.
    Absolute(f64),
    /// Plus or minus this percentage of the true value.
    Percent(f64),
}

impl Tolerance {
    /// Whether `given` is close enough to `truth`.
    pub fn accepts(self, truth: f64, given: f64) -> bool {
        let diff = (truth - given).abs();
        // A hair of slack so that 0.1 + 0.2 style float noise never fails an exact answer.
        let epsilon = 1e-9 * truth.abs().max(1.0);
        match self {
            Tolerance::Exact => diff <= epsilon,
            Tolerance::Absolute(t) => diff <= t + epsilon,
            Tolerance::Percent(p) => diff <= truth.abs() * p / 100.0 + epsilon,
        }
    }
}

/// `[[change]]`: a rule that changed, with what it was and what it became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeFact {
    pub meta: FactMeta,
    /// What changed: "the title of the party leader".
    pub subject: String,
    pub sides: ChangeSides,
    /// Other spellings accepted for `before` ("Party Chairman" for "Chairman").
    pub accept_before: Vec<String>,
    /// Other spellings accepted for `after`.
    pub accept_after: Vec<String>,
    /// What sort of thing the sides are ("title", "department"): wrong options come from
    /// values of the same sort, of any kind. Without it, the sort is the subject's.
    pub sort: Option<String>,
    /// The author's wording of its questions.
    pub question: Wording,
}

/// Which sides of a change exist. A change with neither side is rejected by the loader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChangeSides {
    Both {
        before: String,
        after: String,
    },
    /// Something that existed and was removed; `verb` says how ("abolished").
    Removed {
        before: String,
        verb: String,
    },
    /// Something new; `verb` says how ("established").
    Established {
        after: String,
        verb: String,
    },
}

/// `[[card]]`: a free question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardFact {
    pub meta: FactMeta,
    pub question: String,
    pub answer: String,
    /// Other answers accepted as correct (spellings, romanizations).
    pub accept: Vec<String>,
    /// Cards in the same group lend each other their answers as distractors.
    pub group: Option<String>,
    /// What sort of thing the answer is ("person", "city"); without it, the group's name.
    pub sort: Option<String>,
}

/// `[[set]]`: a named set and its members (order does not matter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetFact {
    pub meta: FactMeta,
    /// "the presidium of the 8th Congress".
    pub name: String,
    pub members: Vec<String>,
    pub group: Option<String>,
    /// What sort of thing the members are; without it, the group's name.
    pub sort: Option<String>,
    /// The author's wording of its questions.
    pub question: Wording,
}

/// `[[sequence]]`: a named ordered list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SequenceFact {
    pub meta: FactMeta,
    /// "the agenda of the 8th Congress".
    pub name: String,
    pub items: Vec<String>,
    /// What sort of thing the items are: items of other facts of that sort may then be
    /// offered as wrong options too.
    pub sort: Option<String>,
    /// The author's wording of its questions.
    pub question: Wording,
}

impl Deck {
    /// Number of facts of each kind, in `Kind::ALL` order.
    pub fn counts(&self) -> [(Kind, usize); 6] {
        Kind::ALL.map(|k| (k, self.facts.iter().filter(|f| f.kind() == k).count()))
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id() == id)
    }
}

/// "12 date, 30 figure, 10 change" — the kinds a deck has, with their counts.
pub fn format_counts(deck: &Deck) -> String {
    deck.counts()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_round_trips_through_its_name() {
        for kind in Kind::ALL {
            assert_eq!(kind.as_str().parse::<Kind>(), Ok(kind));
        }
        assert!("dates".parse::<Kind>().is_err());
    }

    #[test]
    fn tolerance_accepts_within_bounds_only() {
        assert!(Tolerance::Exact.accepts(5000.0, 5000.0));
        assert!(!Tolerance::Exact.accepts(5000.0, 5001.0));
        assert!(Tolerance::Absolute(10.0).accepts(5000.0, 4990.0));
        assert!(!Tolerance::Absolute(10.0).accepts(5000.0, 4989.0));
        assert!(Tolerance::Percent(1.0).accepts(5000.0, 5050.0));
        assert!(!Tolerance::Percent(1.0).accepts(5000.0, 5051.0));
    }
}
