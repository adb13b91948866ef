//! Set questions: "Which of these was a member of S?" and "How many members did S have?".

use rand::{Rng, RngExt};

use crate::deck::{Number, SetFact, Tolerance};

use super::super::answer::{Answer, NumberAnswer};
use super::super::generator::Generator;
use super::super::options::text_choice;
use super::super::phrase::Phrasebook;
use super::super::phrase::fill;
use super::super::{Form, Question};
use super::Asked;
use super::{question, same_sort};

impl Asked for SetFact {
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
        vec![fill(
            book.set.said,
            &[
                ("name", &self.name),
                ("members", &self.members.join(book.marks.list)),
            ],
        )]
    }

    fn export_forms(&self) -> &'static [Form] {
        &[Form::SetMember, Form::SetSize]
    }
}

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SetFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    let explain = g.own_explanation(i);
    match form {
        Form::SetMember => member(g, i, s, explain, rng),
        Form::SetSize => {
            let words = &g.book.set;
            let prompt = s
                .question
                .get("size")
                .map_or_else(|| fill(words.size, &[("name", &s.name)]), String::from);
            let count = i64::try_from(s.members.len()).unwrap_or(i64::MAX);
            let answer = Answer::Number(NumberAnswer {
                value: Number::integer(count),
                tolerance: Tolerance::Exact,
                unit: words.unit.map(str::to_owned),
                also: Vec::new(),
            });
            Some(question(
                &s.meta,
                form,
                prompt,
                (Vec::new(), answer),
                explain,
            ))
        }
        _ => None,
    }
}

/// Wrong options are texts of the set's sort (other sets, card answers, change sides and
/// sequence items of that sort), written like the member asked for; a text that matches a
/// member of S is never one. A set without a sort is asked only for its size.
fn member<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SetFact,
    explain: String,
    rng: &mut R,
) -> Option<Question> {
    let at = rng.random_range(0..s.members.len());
    let right = s.members.get(at)?.clone();
    let pool = g.index.pool_of(i);
    let distractors = same_sort(g, i, &[pool], at, |r| r.fact as usize != i, rng)?;
    let prompt = s.question.get("member").map_or_else(
        || fill(g.book.set.member, &[("name", &s.name)]),
        String::from,
    );
    let options = text_choice(right.to_string(), distractors, Vec::new(), rng);
    Some(question(&s.meta, Form::SetMember, prompt, options, explain))
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator};
    use crate::question::{Answer, Form};

    #[test]
    fn a_two_member_set_gets_distractors_that_are_no_members() {
        let g = generator(
            "[[set]]\nid = \"a\"\nname = \"the pair\"\nmembers = [\"Kim\", \"Ri\"]\nsort = \"person\"\n\
             [[set]]\nid = \"b\"\nname = \"the trio\"\nmembers = [\"Pak\", \"Choe\", \"Kim\"]\nsort = \"person\"\n\
             [[set]]\nid = \"c\"\nname = \"the other pair\"\nmembers = [\"Ko\", \"Jo\"]\n",
        );
        let questions = asked(&g, 0, Form::SetMember);
        assert!(!questions.is_empty());
        for q in questions {
            let Answer::Choice(c) = &q.answer else {
                panic!()
            };
            for (i, option) in q.options.iter().enumerate() {
                assert_eq!(
                    i == c.correct,
                    ["Kim", "Ri"].contains(&option.as_str()),
                    "{:?}",
                    q.options
                );
            }
        }
        let size = &asked(&g, 0, Form::SetSize)[0];
        assert_eq!(size.answer_text(), "2");
        // A set of no sort shares with none: only its size is asked.
        assert!(asked(&g, 2, Form::SetMember).is_empty());
    }
}
