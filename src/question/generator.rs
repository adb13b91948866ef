//! The generator: a deck with its indexes, making one question at a time.

use rand::{Rng, RngExt};

use crate::deck::{ChangeSides, Deck, Fact};

use super::index::{self, Index, ItemRef};
use super::{Form, Question, forms, leak, phrase};

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
}

impl Generator {
    pub fn new(deck: Deck, settings: Settings) -> Self {
        let index = Index::build(&deck);
        Generator {
            deck,
            index,
            settings,
        }
    }

    /// The text an [`ItemRef`] points at, owned (for an option).
    pub(super) fn item_text(&self, r: ItemRef) -> Option<String> {
        let fact = self.deck.facts.get(r.fact as usize)?;
        index::item_text(fact, r.item as usize).map(str::to_owned)
    }

    /// The explanation of a question about fact `fact`: `context` first, then the fact's
    /// own note and source.
    pub(super) fn explain(
        &self,
        fact: usize,
        context: &[String],
        also_note: Option<&str>,
    ) -> String {
        let tail = self
            .index
            .explanation_tails
            .get(fact)
            .map_or("", String::as_str);
        phrase::explanation(context, also_note, tail)
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// The forms that may apply to a fact, judged by its shape alone; generating one can
    /// still come back empty (no partner event that does not overlap, too few distinct
    /// wrong answers, a prompt that would give the answer away).
    pub fn candidate_forms(&self, fact: usize) -> Vec<Form> {
        let Some(f) = self.deck.facts.get(fact) else {
            return Vec::new();
        };
        let dates = self.index.date_facts.len();
        Form::of_kind(f.kind())
            .filter(|form| match (form, f) {
                (Form::DateFirst, _) => dates >= 2,
                (Form::DateOrder, _) => dates >= 3,
                (Form::FigureLarger, Fact::Figure(fig)) => fig
                    .group
                    .as_ref()
                    .and_then(|g| self.index.figure_groups.get(g))
                    .is_some_and(|members| members.len() >= 2),
                (Form::FigureChange, Fact::Figure(fig)) => fig.previous.is_some(),
                (Form::FigureTrend, Fact::Figure(fig)) => fig
                    .previous
                    .as_ref()
                    .is_some_and(|p| p.value.value() != fig.value.value()),
                (
                    Form::ChangeAfter | Form::ChangeBefore | Form::ChangeTrueFalse,
                    Fact::Change(c),
                ) => {
                    matches!(c.sides, ChangeSides::Both { .. })
                }
                (Form::ChangeOneSided, Fact::Change(c)) => {
                    !matches!(c.sides, ChangeSides::Both { .. })
                }
                _ => true,
            })
            .collect()
    }

    /// A question about fact number `fact` (its index in the deck), in a form picked at
    /// random by the forms' weights. `None` when no form can be asked about it.
    pub fn generate_for<R: Rng + ?Sized>(&self, fact: usize, rng: &mut R) -> Option<Question> {
        let mut forms = self.candidate_forms(fact);
        while !forms.is_empty() {
            let total: u32 = forms.iter().map(|f| f.weight()).sum();
            let mut pick = rng.random_range(0..total);
            let at = forms
                .iter()
                .position(|f| {
                    let hit = pick < f.weight();
                    pick = pick.saturating_sub(f.weight());
                    hit
                })
                .unwrap_or(0);
            let form = forms.remove(at);
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
        let q = match f {
            Fact::Date(d) => forms::date::build(self, fact, d, form, rng),
            Fact::Figure(fig) => forms::figure::build(self, fact, fig, form, rng),
            Fact::Change(c) => forms::change::build(self, fact, c, form, rng),
            Fact::Card(c) => forms::card::build(self, fact, c, form, rng),
            Fact::Set(s) => forms::set::build(self, fact, s, form, rng),
            Fact::Sequence(s) => forms::sequence::build(self, fact, s, form, rng),
        }?;
        (!leak::leaks(&q)).then_some(q)
    }

    /// One question of every form that applies to the fact, in form order.
    pub fn every_form<R: Rng + ?Sized>(&self, fact: usize, rng: &mut R) -> Vec<Question> {
        self.candidate_forms(fact)
            .into_iter()
            .filter_map(|form| self.generate_form(fact, form, rng))
            .collect()
    }
}
