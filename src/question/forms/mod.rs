//! One module per fact kind, each building the forms of its kind and answering, through
//! [`Asked`], what else the question engine needs of it: its label, what it says, which
//! forms apply, why it cannot be asked, its best flashcard forms. The kinds come from
//! `deck::for_each_kind!`, so a kind without its module here does not compile.

pub mod card;
pub mod change;
pub mod date;
pub mod figure;
pub mod sequence;
pub mod set;

use rand::Rng;

use crate::deck::{Fact, FactMeta};

use super::answer::Answer;
use super::distract::draw_alike;
use super::generator::Generator;
use super::index::{Index, ItemRef};
use super::phrase::Phrasebook;
use super::{Form, Question};

/// What the question engine asks of each kind of fact, beside the kind's forms.
pub(crate) trait Asked {
    /// A question of `form` (one of the kind's) about fact number `fact`, this one.
    fn build<R: Rng + ?Sized>(
        &self,
        g: &Generator,
        fact: usize,
        form: Form,
        rng: &mut R,
    ) -> Option<Question>
    where
        Self: Sized;

    /// Whether `form` (one of the kind's) can apply to the fact at all, by its shape and
    /// the deck's size.
    fn applies(&self, _index: &Index, _form: Form) -> bool {
        true
    }

    /// What the fact is about, as a noun phrase: an event, a figure's description, a name.
    fn label(&self, book: &Phrasebook) -> String;

    /// What the fact says, when the question alone does not show it: shown after every
    /// question about it.
    fn own_context(&self, _book: &Phrasebook) -> Vec<String> {
        Vec::new()
    }

    /// Why no question can be made about the fact, in words an author can act on.
    fn unaskable(&self, _g: &Generator) -> String {
        "every question about it would give its answer away in the prompt".to_owned()
    }

    /// The forms an export tries first, best flashcard first.
    fn export_forms(&self) -> &'static [Form];
}

macro_rules! dispatch {
    ($($variant:ident($fact:ident) $name:literal,)+) => {
        /// The fact as what the question engine asks of its kind.
        pub(crate) fn asked(fact: &Fact) -> &dyn Asked {
            match fact {
                $(Fact::$variant(f) => &**f,)+
            }
        }

        /// A question of `form` about fact number `i`, made by its kind's module.
        pub(super) fn build<R: Rng + ?Sized>(
            g: &Generator,
            i: usize,
            fact: &Fact,
            form: Form,
            rng: &mut R,
        ) -> Option<Question> {
            match fact {
                $(Fact::$variant(f) => f.build(g, i, form, rng),)+
            }
        }
    };
}

crate::deck::for_each_kind!(dispatch);

/// Assembles a question about the fact with `meta`.
pub(super) fn question(
    meta: &FactMeta,
    form: Form,
    prompt: String,
    (options, answer): (Vec<String>, Answer),
    explanation: String,
) -> Question {
    Question {
        fact: meta.id.to_string(),
        kind: form.kind(),
        form,
        prompt,
        options,
        answer,
        explanation,
        // The generator sets the deck's.
        language: crate::deck::Language::English,
    }
}

/// How many wrong options a text question needs at least (three options in all).
pub(super) const MIN_TEXT_DISTRACTORS: usize = 2;

/// Wrong options for text item `answer` of fact `i`: texts from `tiers` (the nearest pool
/// first), those written like the answer first, none equal to a text of the fact itself.
/// As many as the settings ask for, or fewer down to [`MIN_TEXT_DISTRACTORS`]; `None` when
/// the sort has fewer: never filled up with another sort.
pub(super) fn same_sort<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    tiers: &[&[ItemRef]],
    answer: usize,
    usable: impl Fn(ItemRef) -> bool + Copy,
    rng: &mut R,
) -> Option<Vec<String>> {
    let taken: Vec<&str> = g.index.keys_of(i).collect();
    drawn(g, i, tiers, answer, taken, usable, rng)
}

/// [`same_sort`] for a sequence, whose own other items are the first wrong options: only
/// the item asked about (`answer - 1`) and the answer are left out.
pub(super) fn same_sort_with_own<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    tiers: &[&[ItemRef]],
    answer: usize,
    usable: impl Fn(ItemRef) -> bool + Copy,
    rng: &mut R,
) -> Option<Vec<String>> {
    let keys: Vec<&str> = g.index.keys_of(i).collect();
    let taken: Vec<&str> = [answer.checked_sub(1), Some(answer)]
        .into_iter()
        .flatten()
        .filter_map(|k| keys.get(k).copied())
        .collect();
    drawn(g, i, tiers, answer, taken, usable, rng)
}

/// Where [`draw_alike`] finds items' keys and looks.
pub(super) fn describe(g: &Generator) -> &Index {
    &g.index
}

fn drawn<'g, R: Rng + ?Sized>(
    g: &'g Generator,
    i: usize,
    tiers: &[&[ItemRef]],
    answer: usize,
    mut taken: Vec<&'g str>,
    usable: impl Fn(ItemRef) -> bool + Copy,
    rng: &mut R,
) -> Option<Vec<String>> {
    let look = *g.index.style_of(ItemRef::new(i, answer))?;
    let wrong = g.settings.options() - 1;
    let picked = draw_alike(tiers, wrong, &mut taken, &look, describe(g), usable, rng);
    (picked.len() >= MIN_TEXT_DISTRACTORS)
        .then(|| picked.iter().filter_map(|r| g.item_text(*r)).collect())
}
