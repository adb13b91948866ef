//! Which question forms offer options to choose from: their wrong answers are wrong options,
//! counted per option in the item analysis.

use crate::question::Form;

/// The stored names of the multiple-choice forms (true/false and orderings are not: they
/// have no wrong option to name).
pub fn choice_forms() -> Vec<String> {
    Form::ALL
        .into_iter()
        .filter(|f| f.offers_choice())
        .map(|f| f.as_str().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::question::{Generator, Input, Settings, rng_from_seed};

    /// Every form the bundled deck and a card deck ask, by whether it offers options: the
    /// forms' `choice` must agree with the question engine.
    #[test]
    fn the_list_matches_the_forms_that_ask_for_a_choice() {
        let bundled = crate::deck::library::BUNDLED[0].toml;
        let cards = "[deck]\nid = \"c\"\ntitle = \"C\"\n\n[[card]]\nid = \"a\"\nquestion = \"Capital of \
                     France?\"\nanswer = \"Paris\"\n\n[[card]]\nid = \"b\"\nquestion = \"Capital of \
                     Spain?\"\nanswer = \"Madrid\"\n\n[[card]]\nid = \"c\"\nquestion = \"Capital of \
                     Italy?\"\nanswer = \"Rome\"\n\n[[card]]\nid = \"d\"\nquestion = \"Capital of \
                     Peru?\"\nanswer = \"Lima\"\n";
        let (mut choice, mut other) = (BTreeSet::new(), BTreeSet::new());
        for text in [bundled, cards] {
            let g = Generator::new(
                crate::deck::load_str(text).unwrap().deck,
                Settings::default(),
            );
            for fact in 0..g.deck().facts.len() {
                for seed in 0..5 {
                    for q in g.every_form(fact, &mut rng_from_seed(seed)) {
                        match q.input() == Input::Choice {
                            true => choice.insert(q.form),
                            false => other.insert(q.form),
                        };
                    }
                }
            }
        }
        assert!(choice.is_disjoint(&other), "{choice:?} {other:?}");
        let listed: BTreeSet<Form> = Form::ALL
            .into_iter()
            .filter(|f| f.offers_choice())
            .collect();
        assert_eq!(choice, listed);
    }
}
