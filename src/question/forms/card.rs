//! Card questions: the card's own question, with answers of its group to choose from, or
//! typed.

use compact_str::CompactString;
use rand::Rng;

use crate::deck::CardFact;

use super::super::answer::{Answer, TextAnswer};
use super::super::generator::Generator;
use super::super::options::text_choice;
use super::super::phrase::Phrasebook;
use super::super::{Form, Question};
use super::Asked;
use super::{question, same_sort};

impl Asked for CardFact {
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
        self.question.clone()
    }

    fn unaskable(&self, _g: &Generator) -> String {
        "its question contains its answer".to_owned()
    }

    fn export_forms(&self) -> &'static [Form] {
        &[Form::CardTyped, Form::CardChoice]
    }
}

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &CardFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    let explain = g.own_explanation(i);
    match form {
        Form::CardTyped => {
            // Other answers of the whole deck near this one must not pass as its typos.
            let spellings: Vec<&str> = std::iter::once(c.answer.as_str())
                .chain(c.accept.iter().map(CompactString::as_str))
                .collect();
            let rejected = g.near_answers(&spellings);
            let answer = Answer::Text(TextAnswer {
                text: c.answer.to_string(),
                accepted: c.accept.iter().map(ToString::to_string).collect(),
                rejected,
            });
            Some(question(
                &c.meta,
                form,
                c.question.clone(),
                (Vec::new(), answer),
                explain,
            ))
        }
        Form::CardChoice => {
            // Only answers of the same sort: a card without one is asked typed.
            let pool = g.index.pool_of(i);
            let distractors = same_sort(g, i, &[pool], 0, |r| r.fact as usize != i, rng)?;
            let options = text_choice(
                c.answer.to_string(),
                distractors,
                c.accept.iter().map(ToString::to_string).collect(),
                rng,
            );
            Some(question(
                &c.meta,
                form,
                c.question.clone(),
                options,
                explain,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator};
    use crate::question::{Answer, Form};
    use crate::read::normalize::key;

    #[test]
    fn distractors_are_distinct_and_never_an_accepted_spelling() {
        let cards: String = ["Kim Jong Un", "kim jong-un", "Kim Jong Il", "Kim Il Sung", "Choe Ryong Hae"]
            .iter()
            .enumerate()
            .map(|(i, a)| {
                format!("[[card]]\nid = \"c{i}\"\nquestion = \"Who is {i}?\"\nanswer = \"{a}\"\ngroup = \"people\"\n")
            })
            .collect();
        let g = generator(&cards);
        let questions = asked(&g, 0, Form::CardChoice);
        assert!(!questions.is_empty());
        for q in questions {
            let keys: Vec<String> = q.options.iter().map(|o| key(o)).collect();
            assert_eq!(
                keys.iter().filter(|k| *k == "kim jong un").count(),
                1,
                "{:?}",
                q.options
            );
            let Answer::Choice(c) = &q.answer else {
                panic!()
            };
            assert_eq!(q.options[c.correct], "Kim Jong Un");
        }
        let Answer::Text(typed) = &asked(&g, 2, Form::CardTyped)[0].answer else {
            panic!()
        };
        assert!(typed.rejected.contains(&"Kim Jong Un".to_owned()));
    }
}
