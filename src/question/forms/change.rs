//! Change questions: "Before the change, X was A. What did it become?", the reverse,
//! true/false statements, and "Which of these was abolished?" for one-sided changes.

use compact_str::CompactString;
use rand::{Rng, RngExt};

use crate::deck::{ChangeFact, ChangeSides, Fact, Kind};

use super::super::answer::{Answer, TextAnswer};
use super::super::distract::{draw, draw_alike};
use super::super::generator::Generator;
use super::super::index::Index;
use super::super::index::ItemRef;
use super::super::options::text_choice;
use super::super::phrase::{Phrasebook, capitalize};
use super::super::phrase::{change_statement, fill, quoted, verb};
use super::super::{Form, Question};
use super::Asked;
use super::{describe, question, same_sort};
use crate::read::normalize::contains_words;
use crate::read::normalize::key;

impl Asked for ChangeFact {
    fn build<R: Rng + ?Sized>(
        &self,
        g: &Generator,
        fact: usize,
        form: Form,
        rng: &mut R,
    ) -> Option<Question> {
        build(g, fact, self, form, rng)
    }

    fn applies(&self, _index: &Index, form: Form) -> bool {
        let both = matches!(self.sides, ChangeSides::Both { .. });
        match form {
            Form::ChangeAfter | Form::ChangeBefore | Form::ChangeTrueFalse => both,
            Form::ChangeOneSided | Form::ChangeOneSidedTyped => !both,
            _ => true,
        }
    }

    fn label(&self, _book: &Phrasebook) -> String {
        self.subject.to_string()
    }

    fn own_context(&self, book: &Phrasebook) -> Vec<String> {
        vec![match &self.sides {
            ChangeSides::Both { before, after } => {
                capitalize(&change_statement(self, before, after, book))
            }
            ChangeSides::Removed { before: v, .. } | ChangeSides::Established { after: v, .. } => {
                fill(
                    book.change.one_sided_said,
                    &[
                        ("subject", &self.subject),
                        ("value", &quoted(v, book)),
                        ("verb", verb(self, book)),
                    ],
                )
            }
        }]
    }

    fn unaskable(&self, g: &Generator) -> String {
        match &self.sides {
            ChangeSides::Removed { before: side, .. }
            | ChangeSides::Established { after: side, .. }
                if contains_words(&key(&self.subject), &key(side)) =>
            {
                format!(
                    "its only side, \u{201c}{side}\u{201d}, is part of its subject, so every \
                     question about it would give the answer away"
                )
            }
            ChangeSides::Both { .. } => {
                "both of its sides are in its subject, so every question would give the answer \
                 away"
                    .to_owned()
            }
            _ => {
                let subject = key(&self.subject);
                let shared = g
                    .deck()
                    .facts
                    .iter()
                    .filter(|f| matches!(f, Fact::Change(o) if key(&o.subject) == subject))
                    .count();
                if shared > 1 {
                    "another one-sided change says the same of the same subject, so \u{201c}what \
                     was …?\u{201d} would have two answers, and no other value of its sort is \
                     there to choose from"
                        .to_owned()
                } else {
                    "no question about it can keep its answer out of the prompt".to_owned()
                }
            }
        }
    }

    fn export_forms(&self) -> &'static [Form] {
        &[
            Form::ChangeAfter,
            Form::ChangeOneSidedTyped,
            Form::ChangeOneSided,
            Form::ChangeBefore,
            Form::ChangeTrueFalse,
        ]
    }
}

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    match (&c.sides, form) {
        (ChangeSides::Both { before, after }, Form::ChangeAfter) => {
            let prompt = worded(g, c, "after", g.book.change.after, ("before", before));
            let answer = (after.as_str(), c.accept_after.as_slice());
            Some(typed(
                g,
                i,
                c,
                form,
                prompt,
                answer,
                (before, c.accept_before.as_slice()),
            ))
        }
        (ChangeSides::Both { before, after }, Form::ChangeBefore) => {
            let prompt = worded(g, c, "before", g.book.change.before, ("after", after));
            let answer = (before.as_str(), c.accept_before.as_slice());
            Some(typed(
                g,
                i,
                c,
                form,
                prompt,
                answer,
                (after, c.accept_after.as_slice()),
            ))
        }
        (ChangeSides::Both { before, after }, Form::ChangeTrueFalse) => {
            true_false(g, i, c, before, after, rng)
        }
        (ChangeSides::Removed { before: value, .. }, Form::ChangeOneSided)
        | (ChangeSides::Established { after: value, .. }, Form::ChangeOneSided) => {
            one_sided(g, i, c, value, rng)
        }
        (ChangeSides::Removed { before: value, .. }, Form::ChangeOneSidedTyped)
        | (ChangeSides::Established { after: value, .. }, Form::ChangeOneSidedTyped) => {
            one_sided_typed(g, i, c, value)
        }
        _ => None,
    }
}

/// The author's wording of `key`, or the phrasebook's `template` with the subject and the
/// side shown (`side`: its placeholder and value).
fn worded(g: &Generator, c: &ChangeFact, key: &str, template: &str, side: (&str, &str)) -> String {
    match c.question.get(key) {
        Some(own) => own.to_owned(),
        None => fill(
            template,
            &[("subject", &c.subject), (side.0, &quoted(side.1, g.book))],
        ),
    }
}

/// A typed side, with its accepted spellings; the other side (and its spellings), and any
/// answer of the deck near this one, are no typos of it.
fn typed(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    form: Form,
    prompt: String,
    (answer, accepted): (&str, &[CompactString]),
    (other, other_accepted): (&str, &[CompactString]),
) -> Question {
    let mut rejected: Vec<String> = std::iter::once(other)
        .filter(|o| !o.is_empty())
        .map(String::from)
        .chain(other_accepted.iter().map(ToString::to_string))
        .collect();
    let spellings: Vec<&str> = std::iter::once(answer)
        .chain(accepted.iter().map(CompactString::as_str))
        .collect();
    for near in g.near_answers(&spellings) {
        if !rejected.contains(&near) {
            rejected.push(near);
        }
    }
    let answer = Answer::Text(TextAnswer {
        text: answer.to_owned(),
        accepted: accepted.iter().map(ToString::to_string).collect(),
        rejected,
    });
    let explain = g.own_explanation(i);
    question(&c.meta, form, prompt, (Vec::new(), answer), explain)
}

/// Whether `text` is the side of a change that came into being (an `after`, something
/// established) rather than one that went away.
fn came_into_being(g: &Generator, r: ItemRef) -> Option<bool> {
    match g.deck.facts.get(r.fact as usize) {
        Some(Fact::Change(other)) => Some(match other.sides {
            ChangeSides::Both { .. } => r.item == 1,
            ChangeSides::Established { .. } => true,
            ChangeSides::Removed { .. } => false,
        }),
        _ => None,
    }
}

/// The true pair, or one side replaced by another value of the change's sort. Never the
/// pair swapped: "later values are longer" or any other rule of thumb about how things
/// change would tell a swap from the truth. The replacement keeps the true statement's
/// shape (whether the later value is the longer) and, where it can, the replaced side's
/// look. Without a value of the same sort to replace a side with, no statement is made.
fn true_false<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    before: &str,
    after: &str,
    rng: &mut R,
) -> Option<Question> {
    let pool = g.index.pool_of(i);
    let own: Vec<&str> = g.index.keys_of(i).collect();
    let grows = after.len() > before.len();
    let replace_after = rng.random_bool(0.5);
    let keeps_shape = |r: ItemRef| {
        g.item_text(r).is_some_and(|t| {
            let (b, a) = if replace_after {
                (before.len(), t.len())
            } else {
                (t.len(), after.len())
            };
            (a > b) == grows
        })
    };
    let other_fact = |r: ItemRef| r.fact as usize != i;
    let replaced = ItemRef::new(i, usize::from(replace_after));
    let look = *g.index.style_of(replaced)?;
    let mut taken = own.clone();
    let keeps = |r| other_fact(r) && keeps_shape(r);
    let pick = draw_alike(&[pool], 1, &mut taken, &look, describe(g), keeps, rng);
    let pick = match pick.first() {
        Some(r) => Some(*r),
        None => {
            let mut taken = own;
            draw(pool, 1, &mut taken, |r| g.index.key_of(r), other_fact, rng)
                .first()
                .copied()
        }
    }?;
    let value = g.item_text(pick)?;
    let truthful = rng.random_bool(0.5);
    let (from, to) = match (truthful, replace_after) {
        (true, _) => (before, after),
        (false, true) => (before, value.as_str()),
        (false, false) => (value.as_str(), after),
    };
    let prompt = match c.question.get("true_false") {
        Some(own) => fill(
            own,
            &[("from", &quoted(from, g.book)), ("to", &quoted(to, g.book))],
        ),
        None => fill(
            g.book.change.true_false,
            &[("statement", &change_statement(c, from, to, g.book))],
        ),
    };
    let explain = g.own_explanation(i);
    Some(question(
        &c.meta,
        Form::ChangeTrueFalse,
        prompt,
        (Vec::new(), Answer::Bool(truthful)),
        explain,
    ))
}

/// "Which of these was abolished?": the wrong options are values of the same sort from
/// other changes that came into being or stayed (for something removed), or that went away
/// (for something new): so no wrong option was abolished (or established) itself.
fn one_sided<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    value: &str,
    rng: &mut R,
) -> Option<Question> {
    let removed = matches!(c.sides, ChangeSides::Removed { .. });
    let usable = |r: ItemRef| {
        r.fact as usize != i && came_into_being(g, r).is_some_and(|new| new == removed)
    };
    let pool = g.index.pool_of(i);
    let distractors = same_sort(g, i, &[pool], 0, usable, rng)?;
    let prompt = one_sided_prompt(g, c, g.book.change.one_sided);
    let aliases = match &c.sides {
        ChangeSides::Removed { .. } => &c.accept_before,
        _ => &c.accept_after,
    };
    let aliases = aliases.iter().map(ToString::to_string).collect();
    let options = text_choice(value.to_owned(), distractors, aliases, rng);
    let explain = g.own_explanation(i);
    Some(question(
        &c.meta,
        Form::ChangeOneSided,
        prompt,
        options,
        explain,
    ))
}

/// The author's `one_sided` wording, or `template` with the subject and the verb.
fn one_sided_prompt(g: &Generator, c: &ChangeFact, template: &str) -> String {
    match c.question.get("one_sided") {
        Some(own) => own.to_owned(),
        None => fill(
            template,
            &[("subject", &c.subject), ("verb", verb(c, g.book))],
        ),
    }
}

/// "…: what was abolished?", typed; only when no other change of the deck says the same
/// of the same subject, which would make it a second right answer.
fn one_sided_typed(g: &Generator, i: usize, c: &ChangeFact, value: &str) -> Option<Question> {
    let removed = matches!(c.sides, ChangeSides::Removed { .. });
    let subject = key(&c.subject);
    // Only the deck's changes are read: the list of kinds says which they are, so a large
    // deck of other facts is not decoded for this one question.
    let facts = &g.deck.facts;
    let ambiguous = (0..facts.len())
        .filter(|&j| j != i && facts.kind(j) == Some(Kind::Change))
        .any(|j| match facts.get(j) {
            Some(Fact::Change(other)) => {
                key(&other.subject) == subject
                    && matches!(other.sides, ChangeSides::Removed { .. }) == removed
                    && !matches!(other.sides, ChangeSides::Both { .. })
            }
            _ => false,
        });
    if ambiguous {
        return None;
    }
    let prompt = one_sided_prompt(g, c, g.book.change.one_sided_typed);
    let accepted = if removed {
        &c.accept_before
    } else {
        &c.accept_after
    };
    let none = Vec::new();
    Some(typed(
        g,
        i,
        c,
        Form::ChangeOneSidedTyped,
        prompt,
        (value, accepted),
        ("", &none),
    ))
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator, generator_in};
    use crate::question::{Answer, Form};

    #[test]
    fn a_prompt_that_would_give_the_answer_away_is_not_asked() {
        let g = generator(
            "[[change]]\nid = \"pluto\"\nsubject = \"Pluto's status\"\nbefore = \"planet\"\nafter = \"dwarf planet\"\n",
        );
        assert!(asked(&g, 0, Form::ChangeBefore).is_empty());
        assert!(!asked(&g, 0, Form::ChangeAfter).is_empty());
    }

    #[test]
    fn true_false_is_skipped_when_swapping_would_read_the_same() {
        // `check` rejects such a deck now; the engine must still not ask a statement that
        // reads the same both ways if a deck built in code has one.
        use crate::deck::{ChangeFact, ChangeSides, Deck, DeckMeta, Fact, FactMeta};
        let deck = Deck {
            meta: DeckMeta {
                id: "t".into(),
                title: "T".into(),
                description: String::new(),
                language: "en".into(),
                source: None,
                quotes: true,
            },
            facts: vec![Fact::from(ChangeFact {
                meta: FactMeta {
                    id: "c".into(),
                    ..FactMeta::default()
                },
                subject: "the title".into(),
                sides: ChangeSides::Both {
                    before: "Chairman".into(),
                    after: "chairman".into(),
                },
                accept_before: Vec::new(),
                accept_after: Vec::new(),
                sort: None,
                question: crate::deck::Wording::default(),
            })]
            .into(),
        };
        let g = crate::question::Generator::new(deck, crate::question::Settings::default());
        assert!(asked(&g, 0, Form::ChangeTrueFalse).is_empty());
    }

    const TITLES: &str = "[[change]]\nid = \"c\"\nsubject = \"the title\"\nbefore = \"Chairman\"\nafter = \"General Secretary\"\nsort = \"title\"\naccept = { before = [\"Party Chairman\"] }\n\
         [[change]]\nid = \"d\"\nsubject = \"the rules\"\nafter = \"First Secretary\"\nverb = \"established\"\nsort = \"title\"\n\
         [[change]]\nid = \"e\"\nsubject = \"the policy\"\nbefore = \"Military-first policy\"\nafter = \"people-first politics\"\n";

    #[test]
    fn true_or_false_replaces_a_side_with_one_of_its_sort_and_never_swaps() {
        let g = generator(TITLES);
        let questions = asked(&g, 0, Form::ChangeTrueFalse);
        let answers: Vec<bool> = questions
            .iter()
            .map(|q| matches!(q.answer, Answer::Bool(true)))
            .collect();
        assert!(answers.contains(&true) && answers.contains(&false));
        for q in &questions {
            assert!(
                !q.prompt.contains("from \u{201c}General Secretary"),
                "{}",
                q.prompt
            );
            if matches!(q.answer, Answer::Bool(false)) {
                assert!(q.prompt.contains("First Secretary"), "{}", q.prompt);
            }
        }
        // Nothing of its sort to make a false statement with: no statement at all.
        assert!(asked(&g, 2, Form::ChangeTrueFalse).is_empty());
    }

    #[test]
    fn true_or_false_is_answered_and_shown_in_the_decks_language() {
        use crate::grade::{Verdict, grade};
        let titles = TITLES.replace("the title", "der Titel");
        for (language, yes, no) in [
            ("de", "richtig", "falsch"),
            ("ko", "참", "거짓"),
            ("ja", "正しい", "誤り"),
            ("ru", "верно", "неверно"),
        ] {
            let g = generator_in(language, &titles);
            for q in asked(&g, 0, Form::ChangeTrueFalse) {
                let Answer::Bool(truth) = q.answer else {
                    panic!()
                };
                let (right, wrong) = if truth { (yes, no) } else { (no, yes) };
                assert_eq!(q.expected(), right);
                assert_eq!(
                    q.hint_in_words("answer true or false (or y/n)".to_owned()),
                    format!("answer {yes} or {no}")
                );
                assert_eq!(grade(&q, &q.in_grader_words(right)), Verdict::Correct);
                assert!(matches!(
                    grade(&q, &q.in_grader_words(wrong)),
                    Verdict::Wrong { .. }
                ));
            }
        }
    }

    #[test]
    fn an_authors_wording_is_asked_with_its_values_filled_in() {
        let g = generator_in(
            "it",
            "[[change]]\nid = \"c\"\nsubject = \"il titolo\"\nbefore = \"Presidente\"\nafter = \"Segretario generale\"\nsort = \"t\"\n\
             question = { after = \"Come si chiamò poi la carica di Presidente?\", true_false = \"Vero o falso: il titolo passò da {from} a {to}.\" }\n\
             [[change]]\nid = \"d\"\nsubject = \"la carica\"\nbefore = \"Segretario\"\nafter = \"Primo segretario\"\nsort = \"t\"\n",
        );
        let after = &asked(&g, 0, Form::ChangeAfter)[0];
        assert_eq!(after.prompt, "Come si chiamò poi la carica di Presidente?");
        let statements: Vec<String> = asked(&g, 0, Form::ChangeTrueFalse)
            .into_iter()
            .map(|q| q.prompt)
            .collect();
        assert!(statements.contains(
            &"Vero o falso: il titolo passò da \u{201c}Presidente\u{201d} a \u{201c}Segretario generale\u{201d}.".to_owned()
        ));
    }

    #[test]
    fn typed_sides_take_their_accepted_spellings() {
        let g = generator(TITLES);
        let q = &asked(&g, 0, Form::ChangeBefore)[0];
        assert_eq!(
            crate::grade::grade(q, "Party Chairman"),
            crate::grade::Verdict::Correct
        );
        let one = &asked(&g, 1, Form::ChangeOneSidedTyped)[0];
        assert_eq!(one.prompt, "The rules: what was established?");
        assert_eq!(one.answer_text(), "First Secretary");
    }
}
