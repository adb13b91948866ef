//! Set questions: "Which of these was a member of S?" and "How many members did S have?".

use rand::Rng;
use rand::seq::IndexedRandom;

use crate::deck::{Number, SetFact, Tolerance};

use super::super::answer::{Answer, NumberAnswer};
use super::super::distract::draw_preferring;
use super::super::generator::Generator;
use super::super::index::ItemRef;
use super::super::options::text_choice;
use super::super::{Form, Question};
use super::{MIN_TEXT_DISTRACTORS, question};

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
            let prompt = format!("How many members did {} have?", s.name);
            let count = i64::try_from(s.members.len()).unwrap_or(i64::MAX);
            let answer = Answer::Number(NumberAnswer {
                value: Number::integer(count),
                tolerance: Tolerance::Exact,
                unit: Some("members".to_owned()),
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

/// Distractors come from other sets of the same group and same-group card answers first,
/// then from any other set; a text that matches a member of S is never one.
fn member<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SetFact,
    explain: String,
    rng: &mut R,
) -> Option<Question> {
    let right = s.members.choose(rng)?.clone();
    let mut taken: Vec<&str> = g.index.item_keys[i].iter().map(String::as_str).collect();
    let wrong = g.settings.options() - 1;
    let key_of = |r: ItemRef| g.index.key_of(r);
    let group_pool = s
        .group
        .as_ref()
        .and_then(|grp| g.index.group_answers.get(grp))
        .map_or(&[][..], Vec::as_slice);
    let picked = draw_preferring(
        group_pool,
        &g.index.set_members,
        wrong,
        &mut taken,
        key_of,
        rng,
    );
    if picked.len() < MIN_TEXT_DISTRACTORS {
        return None;
    }
    let distractors = picked.iter().filter_map(|r| g.item_text(*r)).collect();
    let prompt = format!("Which of these was a member of {}?", s.name);
    let options = text_choice(right, distractors, Vec::new(), rng);
    Some(question(&s.meta, Form::SetMember, prompt, options, explain))
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator};
    use crate::question::{Answer, Form};

    #[test]
    fn a_two_member_set_gets_distractors_that_are_no_members() {
        let g = generator(
            "[[set]]\nid = \"a\"\nname = \"the pair\"\nmembers = [\"Kim\", \"Ri\"]\n\
             [[set]]\nid = \"b\"\nname = \"the trio\"\nmembers = [\"Pak\", \"Choe\", \"Kim\"]\n",
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
    }
}
