//! Set questions: "Which of these was a member of S?" and "How many members did S have?".

use rand::Rng;
use rand::seq::IndexedRandom;

use crate::deck::{Number, SetFact, Tolerance};

use super::super::answer::{Answer, NumberAnswer};
use super::super::distract::draw;
use super::super::generator::Generator;
use super::super::index::{ItemRef, item_texts};
use super::super::options::text_choice;
use super::super::phrase::{capitalize, explanation};
use super::super::{Form, Question};
use super::{MIN_TEXT_DISTRACTORS, question};

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    s: &SetFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    let listing = format!("{}: {}.", capitalize(&s.name), s.members.join(", "));
    let explain = explanation(&s.meta, &[listing], None);
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
    let mut picked = draw(group_pool, wrong, &mut taken, key_of, |_| true, rng);
    let rest = wrong - picked.len();
    picked.extend(draw(
        &g.index.set_members,
        rest,
        &mut taken,
        key_of,
        |_| true,
        rng,
    ));
    if picked.len() < MIN_TEXT_DISTRACTORS {
        return None;
    }
    let distractors = picked
        .iter()
        .filter_map(|r| {
            let f = g.deck.facts.get(r.fact as usize)?;
            item_texts(f).get(r.item as usize).map(|t| (*t).to_owned())
        })
        .collect();
    let prompt = format!("Which of these was a member of {}?", s.name);
    let options = text_choice(right, distractors, Vec::new(), rng);
    Some(question(&s.meta, Form::SetMember, prompt, options, explain))
}
