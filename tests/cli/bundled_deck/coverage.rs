//! The lists (presidium, secretariat, agenda), the rule changes and the card groups.

use std::collections::{BTreeMap, BTreeSet};

use factdeck::deck::{ChangeSides, Fact};

use super::source::{bullets_after, names_after};
use super::{cards, changes, loaded, set, without_article};

#[test]
fn the_presidium_is_every_name_the_source_lists_in_order() {
    let l = loaded();
    let names = names_after("members of the party congress' presidium:");
    assert_eq!(set(&l, "presidium").members, names);
    // A sanity check on the parsing above, from counting the paragraph by hand.
    assert_eq!(names.len(), 33);
}

#[test]
fn the_secretariat_is_the_sources_seven_names() {
    let l = loaded();
    let names = names_after("members of the party congress' secretariat:");
    assert_eq!(set(&l, "secretariat").members, names);
    assert_eq!(names.len(), 7);
}

#[test]
fn the_agenda_is_the_sources_five_items_in_order() {
    let l = loaded();
    let items = bullets_after("The general agenda for the 8th Party Congress were as follows:");
    assert_eq!(items.len(), 5);
    match l.deck.fact("agenda") {
        Some(Fact::Sequence(s)) => assert_eq!(s.items, items),
        other => panic!("no agenda sequence: {other:?}"),
    }
}

#[test]
fn the_invited_guests_and_posthumous_delegates_are_sets() {
    let l = loaded();
    assert_eq!(
        set(&l, "invited-guests").members,
        ["Pak Yong-il", "Ri Myong-chol", "Pak Su-chol"]
    );
    assert_eq!(
        set(&l, "posthumous-delegates").members,
        ["Kim Il Sung", "Kim Jong Il"]
    );
}

/// Which sides a change has, and (part of) what they say.
enum Expect {
    Both(&'static str, &'static str),
    Removed(&'static str, &'static str),
    Established(&'static str),
}

#[test]
fn every_rule_change_of_the_amendment_is_a_change_fact() {
    let l = loaded();
    let all = changes(&l);
    assert!(all.len() >= 9, "only {} change facts", all.len());
    let expected = [
        Expect::Both("Chairman", "General Secretary"),
        Expect::Established("First Secretary"),
        Expect::Removed("Kim Il Sung, Kim Jong Il and Kim Jong Un", "mostly removed"),
        Expect::Removed("a revolution in South Korea", "removed"),
        Expect::Established("communism"),
        Expect::Both("Military-first policy", "people-first politics"),
        Expect::Removed("Military-first policy", "removed"),
        Expect::Removed("Military Affairs Department", "abolished"),
        Expect::Both(
            "Military Affairs Department",
            "Department of Military-Political Leadership",
        ),
    ];
    for want in expected {
        let found = all.iter().any(|c| match (&want, &c.sides) {
            (Expect::Both(b, a), ChangeSides::Both { before, after }) => {
                before.contains(b) && after.contains(a)
            }
            (Expect::Removed(b, v), ChangeSides::Removed { before, verb }) => {
                before.contains(b) && verb == v
            }
            (Expect::Established(a), ChangeSides::Established { after, .. }) => after.contains(a),
            _ => false,
        });
        let what = match want {
            Expect::Both(b, a) => format!("{b} → {a}"),
            Expect::Removed(b, v) => format!("{b} {v}"),
            Expect::Established(a) => format!("→ {a}"),
        };
        assert!(found, "no change fact for {what}");
    }
}

/// The new standing of the military bodies is a rank or a body, not a thing established or
/// removed: asked as party-body cards, so a one-sided change never offers a rank among posts
/// and policies.
#[test]
fn the_new_standing_of_the_military_bodies_is_asked_as_party_body_cards() {
    let l = loaded();
    for (id, answer) in [
        ("kpa-party-committee", "a provincial party committee"),
        ("general-political-bureau", "the Central Committee"),
        (
            "military-commission-command",
            "the WPK Central Military Commission",
        ),
    ] {
        match l.deck.fact(id) {
            Some(Fact::Card(c)) => {
                assert_eq!(c.answer, answer, "{id}");
                assert_eq!(c.sort.as_deref(), Some("party body"), "{id}");
            }
            other => panic!("no card `{id}`: {other:?}"),
        }
    }
}

fn plain(answer: &str) -> String {
    without_article(answer).to_lowercase()
}

/// Multiple choice draws wrong answers from the other cards of a group. Each group needs
/// four different answers, and no card may accept another card's answer as its own, or a
/// "wrong" option would be right.
#[test]
fn card_groups_offer_four_distinct_answers_that_exclude_each_other() {
    let l = loaded();
    let mut groups: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for c in cards(&l) {
        groups
            .entry(c.group.as_deref().unwrap_or(""))
            .or_default()
            .push(c);
    }
    assert!(!groups.contains_key(""), "every card has a group");
    for (group, members) in groups {
        let answers: BTreeSet<String> = members.iter().map(|c| plain(&c.answer)).collect();
        assert!(
            answers.len() >= 4,
            "group `{group}` has answers {answers:?}"
        );
        for c in &members {
            let own = plain(&c.answer);
            for accepted in c.accept.iter().map(|a| plain(a)) {
                let clash = answers.contains(&accepted) && accepted != own;
                assert!(
                    !clash,
                    "`{}` accepts {accepted:?}, another card's answer",
                    c.meta.id
                );
            }
        }
    }
}

#[test]
fn the_guests_and_their_organisations_are_cards() {
    let l = loaded();
    let answer_of = |id: &str| match l.deck.fact(id) {
        Some(Fact::Card(c)) => c.answer.clone(),
        other => panic!("no card `{id}`: {other:?}"),
    };
    for (person, organisation, who, which) in [
        (
            "guest-social-democratic",
            "organisation-pak-yong-il",
            "Pak Yong-il",
            "Korean Social Democratic Party",
        ),
        (
            "guest-chondoist",
            "organisation-ri-myong-chol",
            "Ri Myong-chol",
            "Chondoist Chongu Party",
        ),
        (
            "guest-national-front",
            "organisation-pak-su-chol",
            "Pak Su-chol",
            "Anti-Imperialist National Democratic Front",
        ),
    ] {
        assert_eq!(answer_of(person), who);
        assert_eq!(answer_of(organisation), which);
    }
    assert_eq!(answer_of("venue"), "April 25 House of Culture");
    assert_eq!(answer_of("city"), "Pyongyang");
    assert_eq!(answer_of("leader-reelected"), "Kim Jong Un");
}
