//! Sequence questions: "Put these in order" and "What came right after X?".

use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, RngExt};

use crate::deck::SequenceFact;

use super::super::answer::Answer;
use super::super::generator::Generator;
use super::super::index::ItemRef;
use super::super::options::text_choice;
use super::super::phrase::{Phrasebook, capitalize};
use super::super::phrase::{fill, quoted};
use super::super::tells::{keys_tell_order, tells_order};
use super::super::{Form, Question};
use super::Asked;
use super::{question, same_sort_with_own};

impl Asked for SequenceFact {
    fn build<R: Rng + ?Sized>(
        &self,
        g: &Generator,
        fact: usize,
        form: Form,
        rng: &mut R,
    ) -> Option<Question> {
        build(g, fact, self, form, rng)
    }

    fn label(&self, _book: &Phrasebook) -> String {
        self.name.to_string()
    }

    fn own_context(&self, book: &Phrasebook) -> Vec<String> {
        let marks = &book.marks;
        std::iter::once(format!(
            "{}{}",
            capitalize(&self.name),
            marks.colon.trim_end()
        ))
        .chain(
            self.items
                .iter()
                .enumerate()
                .map(|(n, item)| format!("{}. {item}", n + 1)),
        )
        .collect()
    }

    fn unaskable(&self, _g: &Generator) -> String {
        "its items' names tell their order (a number of one series, or words such as \
         \u{201c}opening\u{201d} and \u{201c}closing\u{201d}), so no order question is left"
            .to_owned()
    }

    fn export_forms(&self) -> &'static [Form] {
        &[Form::SequenceOrder, Form::SequenceNext]
    }
}

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SequenceFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    let explain = g.own_explanation(i);
    match form {
        Form::SequenceOrder => order(g, i, s, explain, rng),
        Form::SequenceNext => next(g, i, s, explain, rng),
        _ => None,
    }
}

/// 3 to 5 items (2 for a two-item sequence) in their relative order, shuffled; never two
/// whose names tell their order ("the 13th meeting", "the 19th meeting").
fn order<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SequenceFact,
    explain: String,
    rng: &mut R,
) -> Option<Question> {
    let keys: Vec<&str> = g.index.keys_of(i).collect();
    let want = rng.random_range(3..=5).min(s.items.len());
    let mut shuffled: Vec<usize> = (0..s.items.len()).collect();
    shuffled.shuffle(rng);
    // Items that read the same cannot be told apart: keep one of each.
    let mut picked: Vec<usize> = Vec::with_capacity(want);
    for k in shuffled {
        if picked.len() == want {
            break;
        }
        let fresh = picked.iter().all(|p| keys[*p] != keys[k]);
        let silent = picked.iter().all(|p| !keys_tell_order(keys[*p], keys[k]));
        if fresh && silent {
            picked.push(k);
        }
    }
    if picked.len() < 2 {
        return None;
    }
    let options = picked.iter().map(|k| s.items[*k].to_string()).collect();
    let mut order: Vec<usize> = (0..picked.len()).collect();
    order.sort_by_key(|o| picked[*o]);
    let prompt = s.question.get("order").map_or_else(
        || fill(g.book.sequence.order, &[("name", &s.name)]),
        String::from,
    );
    Some(question(
        &s.meta,
        Form::SequenceOrder,
        prompt,
        (options, Answer::Order(order)),
        explain,
    ))
}

/// "What came right after X?": wrong options are the sequence's other items, then items of
/// its sort elsewhere; none whose name tells its place next to X or the others.
fn next<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SequenceFact,
    explain: String,
    rng: &mut R,
) -> Option<Question> {
    let positions: Vec<usize> = (0..s.items.len().saturating_sub(1)).collect();
    let at = *positions.choose(rng)?;
    let (this, after) = (&s.items[at], &s.items[at + 1]);
    if tells_order(this, after) {
        return None;
    }
    let own: Vec<ItemRef> = (0..s.items.len())
        .filter(|k| *k != at && *k != at + 1)
        .map(|k| ItemRef::new(i, k))
        .collect();
    let others = g.index.pool_of(i);
    let silent = |r: ItemRef| {
        g.item_text(r)
            .is_some_and(|t| !tells_order(&t, this) && !tells_order(&t, after))
    };
    // The item asked about is no option, but its key must not come back as one either.
    let distractors = same_sort_with_own(g, i, &[&own, others], at + 1, silent, rng)?;
    let item = quoted(this, g.book);
    let prompt = match s.question.get("next") {
        Some(own) => fill(own, &[("item", &item)]),
        None => fill(g.book.sequence.next, &[("name", &s.name), ("item", &item)]),
    };
    let options = text_choice(after.to_string(), distractors, Vec::new(), rng);
    Some(question(
        &s.meta,
        Form::SequenceNext,
        prompt,
        options,
        explain,
    ))
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator};
    use crate::question::{Answer, Form};

    #[test]
    fn orders_keep_the_relative_order_of_a_subset() {
        let g = generator(
            "[[sequence]]\nid = \"s\"\nname = \"the week\"\n\
             items = [\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\", \"Saturday\", \"Sunday\"]\n",
        );
        let week = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        for q in asked(&g, 0, Form::SequenceOrder) {
            let Answer::Order(order) = &q.answer else {
                panic!()
            };
            assert!((3..=5).contains(&order.len()));
            let positions: Vec<usize> = order
                .iter()
                .map(|i| week.iter().position(|d| *d == q.options[*i]).unwrap())
                .collect();
            assert!(
                positions.windows(2).all(|w| w[0] < w[1]),
                "{:?} {order:?}",
                q.options
            );
        }
    }

    #[test]
    fn a_two_item_sequence_is_still_asked() {
        let g = generator(
            "[[sequence]]\nid = \"s\"\nname = \"the pair\"\nitems = [\"first\", \"second\"]\n",
        );
        let q = &asked(&g, 0, Form::SequenceOrder)[0];
        assert_eq!(q.options.len(), 2);
    }
}
