//! The generator: a deck with its indexes, making one question at a time.

use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};

use crate::deck::{Deck, Fact, Language};

use super::answer::{Answer, ChoiceValues};
use super::index::{self, Index, ItemRef};
use super::phrase::Phrasebook;
use super::spoilers::{self, Spoilers};
use super::{Form, Question, forms, leak, phrase};
use crate::read::normalize::contains_words;

/// Choices about how questions look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    options: usize,
}

/// A setting out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a question has {min} to {max} options, not {0}", min = Settings::MIN_OPTIONS, max = Settings::MAX_OPTIONS)]
pub struct SettingsError(pub usize);

impl Settings {
    pub const MIN_OPTIONS: usize = 3;
    pub const MAX_OPTIONS: usize = 6;
    pub const DEFAULT_OPTIONS: usize = 4;

    /// `options`: how many options a multiple-choice question offers. Numbers and dates
    /// always get exactly that many; text questions get as many as the deck has distinct
    /// wrong answers for, but at least three options. Comparisons ("which happened first")
    /// have two.
    pub fn new(options: usize) -> Result<Self, SettingsError> {
        if (Self::MIN_OPTIONS..=Self::MAX_OPTIONS).contains(&options) {
            Ok(Settings { options })
        } else {
            Err(SettingsError(options))
        }
    }

    pub fn options(&self) -> usize {
        self.options
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            options: Self::DEFAULT_OPTIONS,
        }
    }
}

/// Makes questions about the facts of one deck.
#[derive(Debug)]
pub struct Generator {
    pub(super) deck: Deck,
    pub(super) index: Index,
    pub(super) settings: Settings,
    /// Per fact, the forms that may apply, one bit per form in `Form::ALL` order.
    forms: Vec<u32>,
    /// The words many facts show (see [`Generator::spoils_many`]): made on first use by a
    /// run, or given from the deck's cache entry.
    spoilers: std::sync::OnceLock<Spoilers>,
    /// Per fact, the key of what every question about it shows; made only for an answer
    /// written wholly in words many facts show.
    shown_keys: std::sync::OnceLock<Vec<String>>,
    /// The deck's language, and the words its questions are put in.
    pub(super) language: Language,
    pub(super) book: &'static Phrasebook,
}

/// A fact's forms are one bit each of a `u32` (a set the deck cache stores as it is): a
/// form past the 32nd would not fit, so adding one fails to compile here first.
const _: () = assert!(Form::ALL.len() <= u32::BITS as usize);

fn bit(form: Form) -> u32 {
    1 << (form as u32)
}

/// The forms whose bits are set, in `Form::ALL` order.
fn forms_in(mask: u32) -> impl Iterator<Item = Form> {
    Form::ALL.into_iter().filter(move |f| mask & bit(*f) != 0)
}

/// Whether `form` can apply to `fact` at all, by the fact's shape and the deck's size.
fn applies(index: &Index, fact: &Fact, form: Form) -> bool {
    forms::asked(fact).applies(index, form)
}

/// What a generator works out from its deck alone, whatever the settings: the deck, its
/// index and the forms each fact may take. Building it is most of the cost of opening a
/// large deck, so the deck cache (`crate::cache`) keeps exactly this.
#[derive(Debug)]
pub struct Prepared {
    pub deck: Deck,
    pub derived: Derived,
}

/// The part of [`Prepared`] worked out from the deck.
#[derive(Debug, Serialize, Deserialize)]
pub struct Derived {
    index: Index,
    forms: Vec<u32>,
}

impl Prepared {
    pub fn new(deck: Deck) -> Self {
        let index = Index::build(&deck);
        let forms = deck
            .facts
            .iter()
            .map(|f| {
                Form::of_kind(f.kind())
                    .filter(|form| applies(&index, f, *form))
                    .fold(0, |mask, form| mask | bit(form))
            })
            .collect();
        Prepared {
            deck,
            derived: Derived { index, forms },
        }
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }
}

impl Generator {
    pub fn new(deck: Deck, settings: Settings) -> Self {
        Self::from_prepared(Prepared::new(deck), settings)
    }

    pub fn from_prepared(prepared: Prepared, settings: Settings) -> Self {
        let Prepared {
            deck,
            derived: Derived { index, forms },
        } = prepared;
        let language = Language::from_tag(&deck.meta.language);
        Generator {
            deck,
            index,
            settings,
            forms,
            spoilers: std::sync::OnceLock::new(),
            shown_keys: std::sync::OnceLock::new(),
            language,
            book: phrase::book_for(language),
        }
    }

    /// The text an [`ItemRef`] points at, owned (for an option).
    pub(super) fn item_text(&self, r: ItemRef) -> Option<String> {
        let fact = self.deck.facts.get(r.fact as usize)?;
        index::item_text(fact, r.item as usize).map(str::to_owned)
    }

    /// The explanation of a question about fact `fact` alone: what the fact says (see
    /// [`phrase::own_context`]), a note on its alternatives, then its note and source.
    /// Made when asked rather than kept for every fact: on a large deck they were a fifth
    /// of the index.
    pub(super) fn own_explanation(&self, fact: usize) -> String {
        let Some(f) = self.deck.facts.get(fact) else {
            return String::new();
        };
        let context = phrase::own_context(f, self.book);
        let also_note = f.as_kind().also_note();
        let tail = phrase::explanation_tail(f.meta(), !context.is_empty(), self.book);
        if context.is_empty() && also_note.is_none() {
            tail
        } else {
            phrase::explanation(&context, also_note, &tail)
        }
    }

    /// The explanation of a question that involves other facts: `context` first, then the
    /// fact's own note and source.
    pub(super) fn explain(
        &self,
        fact: usize,
        context: &[String],
        also_note: Option<&str>,
    ) -> String {
        let tail = self.deck.facts.get(fact).map_or_else(String::new, |f| {
            let stated = !phrase::own_context(f, self.book).is_empty();
            phrase::explanation_tail(f.meta(), stated, self.book)
        });
        phrase::explanation(context, also_note, &tail)
    }

    /// The deck's other answer texts that a typo of one of `spellings` could be (see
    /// [`KnownAnswers::near`](super::near::KnownAnswers::near)).
    pub(super) fn near_answers(&self, spellings: &[&str]) -> Vec<String> {
        self.index.known.near(spellings, &self.deck, &self.index)
    }

    /// Whether `q`'s answer is written in what questions about many other facts show ("Apollo"
    /// in a deck on the Apollo programme): asked first, it would leave a run little else to
    /// ask without giving it away, so a run prefers another question.
    pub fn spoils_many(&self, q: &Question) -> bool {
        let facts = self.deck.facts.len();
        let limit = spoilers::limit(facts);
        let spoilers = self.spoilers();
        super::run::answer_words(q).iter().any(|answer| {
            // Only facts showing the answer's rarest word can show the answer; a word not
            // among the common ones is shown by too few facts to matter.
            let Some(holders) = answer
                .split(' ')
                .map(|w| spoilers.holders(w))
                .collect::<Option<Vec<_>>>()
                .and_then(|h| h.into_iter().min_by_key(|h| h.len()))
            else {
                return false;
            };
            let keys = self
                .shown_keys
                .get_or_init(|| (0..facts).map(|i| spoilers::shown_key(self, i)).collect());
            holders.len() > limit
                && holders
                    .iter()
                    .filter(|&&i| {
                        let i = i as usize;
                        self.deck.facts.get(i).is_some_and(|f| f.id() != q.fact)
                            && keys.get(i).is_some_and(|k| contains_words(k, answer))
                    })
                    .count()
                    > limit
        })
    }

    /// The words many of the deck's facts show, worked out on first use.
    pub fn spoilers(&self) -> &Spoilers {
        self.spoilers.get_or_init(|| Spoilers::of(self))
    }

    /// Uses `spoilers`, worked out earlier for this very deck (kept in its cache entry),
    /// instead of working them out; no change once they are.
    pub fn use_spoilers(&self, spoilers: Spoilers) {
        let _ = self.spoilers.set(spoilers);
    }

    /// Back to what the generator was made from, for the deck cache to keep.
    pub fn into_prepared(self) -> Prepared {
        Prepared {
            deck: self.deck,
            derived: Derived {
                index: self.index,
                forms: self.forms,
            },
        }
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// The index of the fact with this id, for asking about one fact (spaced repetition).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.position(id)
    }

    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// The forms that may apply to a fact, judged by its shape alone; generating one can
    /// still come back empty (no partner event that does not overlap, too few distinct
    /// wrong answers, a prompt that would give the answer away).
    pub fn candidate_forms(&self, fact: usize) -> Vec<Form> {
        let mask = self.forms.get(fact).copied().unwrap_or(0);
        forms_in(mask).collect()
    }

    /// A question about fact number `fact` (its index in the deck), in a form picked at
    /// random by the forms' weights. `None` when no form can be asked about it.
    pub fn generate_for<R: Rng + ?Sized>(&self, fact: usize, rng: &mut R) -> Option<Question> {
        let mut mask = self.forms.get(fact).copied().unwrap_or(0);
        while mask != 0 {
            let total: u32 = forms_in(mask).map(Form::weight).sum();
            let mut pick = rng.random_range(0..total);
            let form = forms_in(mask).find(|f| {
                let hit = pick < f.weight();
                pick = pick.saturating_sub(f.weight());
                hit
            })?;
            mask &= !bit(form);
            if let Some(q) = self.generate_form(fact, form, rng) {
                return Some(q);
            }
        }
        None
    }

    /// A question of the given form about fact number `fact`, if that form applies.
    pub fn generate_form<R: Rng + ?Sized>(
        &self,
        fact: usize,
        form: Form,
        rng: &mut R,
    ) -> Option<Question> {
        let f = self.deck.facts.get(fact)?;
        if form.kind() != f.kind() {
            return None;
        }
        let q = forms::build(self, fact, f, form, rng)?;
        let q = Question {
            language: self.language,
            ..q
        };
        if leak::leaks(&q) {
            return None;
        }
        Some(self.with_rejected(Question {
            language: self.language,
            ..q
        }))
    }

    /// A text choice learns the deck's other answers near its right option, so that one of
    /// them typed is not taken for a misspelling of it.
    fn with_rejected(&self, mut q: Question) -> Question {
        if let Answer::Choice(c) = &mut q.answer
            && matches!(c.values, ChoiceValues::Text)
            && let Some(right) = q.options.get(c.correct)
        {
            let spellings: Vec<&str> = std::iter::once(right.as_str())
                .chain(c.aliases.iter().map(String::as_str))
                .collect();
            c.rejected = self
                .near_answers(&spellings)
                .into_iter()
                .filter(|t| !q.options.contains(t))
                .collect();
        }
        q
    }

    /// One question of every form that applies to the fact, in form order.
    pub fn every_form<R: Rng + ?Sized>(&self, fact: usize, rng: &mut R) -> Vec<Question> {
        self.candidate_forms(fact)
            .into_iter()
            .filter_map(|form| self.generate_form(fact, form, rng))
            .collect()
    }
}
