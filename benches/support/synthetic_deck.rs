//! A synthetic deck of any size, shaped like a hand-written one: every kind of fact, with
//! tags, quotes, groups, tolerances and `previous` values, in a fixed mix of kinds.
//! Shared by the `check` benchmark and the test that keeps it valid.

use std::fmt::Write;

/// Per ten facts: 2 dates, 3 figures, 1 change, 2 cards, 1 set, 1 sequence.
const PATTERN: [&str; 10] = [
    "date", "figure", "card", "change", "figure", "set", "date", "figure", "card", "sequence",
];

/// The TOML text of a valid deck with `facts` facts.
pub fn synthetic_deck(facts: usize) -> String {
    let mut out = String::with_capacity(facts * 190 + 300);
    out.push_str(
        "[deck]\nid = \"synthetic\"\ntitle = \"A synthetic deck\"\n\
         description = \"Generated for benchmarks.\"\nlanguage = \"en\"\n\n\
         [deck.source]\ntitle = \"Nothing real\"\nlicense = \"CC0\"\n",
    );
    for i in 0..facts {
        // `write!` into a String cannot fail.
        let _ = match PATTERN[i % PATTERN.len()] {
            "date" => write!(
                out,
                "\n[[date]]\nid = \"d{i}\"\nevent = \"event number {i}\"\n\
                 date = {}-{:02}-{:02}\ntags = [\"t{}\", \"dates\"]\n\
                 quote = \"Event {i} took place on that day.\"\n",
                1800 + i % 220,
                1 + i % 12,
                1 + i % 28,
                i % 7
            ),
            "figure" => write!(
                out,
                "\n[[figure]]\nid = \"f{i}\"\nwhat = \"the number of things in batch {i}\"\n\
                 at = \"year {}\"\nvalue = {}\nunit = \"things\"\ntolerance = \"5%\"\n\
                 group = \"g{}\"\n{}quote = \"Batch {i} held {} things.\"\n",
                1900 + i % 100,
                1000 + i,
                i % 13,
                if i % 2 == 0 {
                    format!(
                        "previous = {{ value = {}, at = \"the year before\" }}\n",
                        900 + i
                    )
                } else {
                    String::new()
                },
                1000 + i
            ),
            "change" => write!(
                out,
                "\n[[change]]\nid = \"c{i}\"\nsubject = \"rule number {i}\"\n\
                 before = \"old wording {i}\"\nafter = \"new wording {i}\"\n\
                 note = \"Changed at meeting {i}.\"\nquote = \"Rule {i} was reworded.\"\n"
            ),
            "card" => write!(
                out,
                "\n[[card]]\nid = \"k{i}\"\nquestion = \"Who chaired session {i}?\"\n\
                 answer = \"Person {i}\"\naccept = [\"P. {i}\"]\ngroup = \"people{}\"\n\
                 quote = \"Session {i} was chaired by Person {i}.\"\n",
                i % 5
            ),
            "set" => write!(
                out,
                "\n[[set]]\nid = \"s{i}\"\nname = \"committee {i}\"\n\
                 members = [\"Member {i}a\", \"Member {i}b\", \"Member {i}c\", \"Member {i}d\"]\n\
                 group = \"committees\"\n\
                 quote = \"Committee {i} had four members.\"\n"
            ),
            _ => write!(
                out,
                "\n[[sequence]]\nid = \"q{i}\"\nname = \"the agenda of day {i}\"\n\
                 items = [\"opening {i}\", \"report {i}\", \"vote {i}\", \"closing {i}\"]\n\
                 quote = \"Day {i} followed the usual agenda.\"\n"
            ),
        };
    }
    out
}
