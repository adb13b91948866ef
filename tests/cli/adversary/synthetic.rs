//! Synthetic decks shaped like hand-written ones, one per kind of fact and one of all kinds:
//! names of people, places and organisations, dates over two centuries at every precision,
//! figures of every size and roundness with units, groups, previous values and tolerances.

use std::fmt::Write;

use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

use super::strategies::Rng64;

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Irene", "Jonas",
    "Karin", "Lars", "Maria", "Nils", "Olga", "Peter", "Rosa", "Stefan", "Tomas", "Vera",
];
const FAMILY: &[&str] = &[
    "Adler",
    "Berg",
    "Castell",
    "Dorn",
    "Ekberg",
    "Falk",
    "Gruber",
    "Hansen",
    "Ivanova",
    "Jansen",
    "Keller",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Ortega",
    "Petrov",
    "Quist",
    "Rossi",
    "Sandberg",
    "Tamm",
];
const CITIES: &[&str] = &[
    "Aldford",
    "Brenmouth",
    "Castleton",
    "Dunhaven",
    "Eastwick",
    "Fairport",
    "Glenrock",
    "Harwell",
    "Ironbridge",
    "Kingsway",
    "Lowmoor",
    "Millbrook",
    "Northam",
    "Oakridge",
];
const ORGS: &[&str] = &[
    "Northern Rail Company",
    "Harbour Trust",
    "Royal Society of Surveyors",
    "Miners' Union",
    "City Bank",
    "Postal Service",
    "Weavers' Guild",
    "Free Press Agency",
    "Lighthouse Board",
    "Canal Authority",
    "Trade Council",
    "Observatory Board",
];
const TITLES: &[&str] = &[
    "Chairman",
    "President",
    "Governor",
    "Director",
    "Secretary",
    "Warden",
    "Provost",
    "Chancellor",
    "Commissioner",
    "Treasurer",
];
const EVENTS: &[&str] = &[
    "the founding of",
    "the first meeting of",
    "the charter of",
    "the merger of",
    "the dissolution of",
    "the reform of",
    "the great fire of",
    "the opening of the station of",
    "the flood of",
    "the census of",
];
const UNITS: &[&str] = &[
    "people",
    "members",
    "days",
    "metres",
    "tonnes",
    "kilometres",
    "%",
    "ships",
    "votes",
];

fn person(rng: &mut Rng64) -> String {
    format!(
        "{} {}",
        GIVEN.choose(rng).unwrap(),
        FAMILY.choose(rng).unwrap()
    )
}

fn pick<'a>(rng: &mut Rng64, from: &[&'a str]) -> &'a str {
    from.choose(rng).unwrap()
}

/// A value as people write them: round or ragged, small or large, whole or decimal.
fn value(rng: &mut Rng64) -> String {
    match rng.random_range(0..6) {
        0 => rng.random_range(2..60).to_string(),
        1 => (rng.random_range(1..10) * 10i64.pow(rng.random_range(1..6))).to_string(),
        2 => rng.random_range(100..100_000).to_string(),
        3 => (rng.random_range(11..99) * 10i64.pow(rng.random_range(1..4))).to_string(),
        4 => format!("{:.1}", rng.random_range(1.0..99.0f64)),
        _ => format!("{:.2}", rng.random_range(0.5..20.0f64)),
    }
}

fn date(rng: &mut Rng64, year: i32) -> String {
    match rng.random_range(0..3) {
        0 => format!("\"{year}\""),
        1 => format!("\"{year}-{:02}\"", rng.random_range(1..=12)),
        _ => format!(
            "{year}-{:02}-{:02}",
            rng.random_range(1..=12),
            rng.random_range(1..=28)
        ),
    }
}

fn header(out: &mut String, id: &str) {
    let _ = write!(out, "[deck]\nid = \"{id}\"\ntitle = \"Synthetic {id}\"\n");
}

fn dates(out: &mut String, rng: &mut Rng64, n: usize) {
    let mut used = Vec::new();
    for i in 0..n {
        let place = pick(rng, CITIES);
        let what = pick(rng, EVENTS);
        let event = format!("{what} {place}");
        if used.contains(&event) {
            continue;
        }
        used.push(event.clone());
        let year = rng.random_range(1800..2020);
        let _ = write!(
            out,
            "\n[[date]]\nid = \"d{i}\"\nevent = \"{event}\"\ndate = {}\nquote = \"q\"\n",
            date(rng, year)
        );
        if rng.random_bool(0.15) {
            let _ = writeln!(out, "end = \"{}\"", year + rng.random_range(1..6));
        }
    }
}

fn figures(out: &mut String, rng: &mut Rng64, n: usize) {
    for i in 0..n {
        let v = value(rng);
        let unit = pick(rng, UNITS);
        let place = pick(rng, CITIES);
        let _ = write!(
            out,
            "\n[[figure]]\nid = \"f{i}\"\nwhat = \"the {unit} counted in {place} (record {i})\"\nvalue = {v}\nunit = \"{unit}\"\nquote = \"q\"\n"
        );
        if rng.random_bool(0.4) {
            let _ = writeln!(out, "group = \"g{}\"", i % 3);
        }
        if rng.random_bool(0.4) {
            let p = value(rng);
            let _ = writeln!(
                out,
                "previous = {{ value = {p}, at = \"the year before\" }}"
            );
        }
        if rng.random_bool(0.2) {
            let _ = writeln!(out, "tolerance = \"5%\"");
        }
    }
}

fn changes(out: &mut String, rng: &mut Rng64, n: usize) {
    for i in 0..n {
        let org = pick(rng, ORGS);
        let (a, b) = (pick(rng, TITLES), pick(rng, TITLES));
        let body = match rng.random_range(0..4) {
            0 => format!(
                "subject = \"the ranks of the {org}\"\nbefore = \"{a}\"\nverb = \"abolished\""
            ),
            1 => {
                format!("subject = \"the ranks of the {org}\"\nafter = \"{b}\"\nverb = \"created\"")
            }
            _ if a == b => continue,
            _ => format!(
                "subject = \"the title of the head of the {org}\"\nbefore = \"{a}\"\nafter = \"{b}\""
            ),
        };
        let _ = write!(out, "\n[[change]]\nid = \"c{i}\"\n{body}\nquote = \"q\"\n");
    }
}

fn cards(out: &mut String, rng: &mut Rng64, n: usize) {
    for i in 0..n {
        let org = pick(rng, ORGS);
        let (question, answer, group) = match rng.random_range(0..3) {
            0 => (
                format!("Who founded the {org} (record {i})?"),
                person(rng),
                "people",
            ),
            1 => (
                format!("In which city did the {org} meet in record {i}?"),
                pick(rng, CITIES).to_owned(),
                "cities",
            ),
            _ => (
                format!("Which body took over the duties of record {i}?"),
                format!("the {}", pick(rng, ORGS)),
                "bodies",
            ),
        };
        let _ = write!(
            out,
            "\n[[card]]\nid = \"k{i}\"\nquestion = \"{question}\"\nanswer = \"{answer}\"\ngroup = \"{group}\"\nquote = \"q\"\n"
        );
    }
}

fn distinct(rng: &mut Rng64, n: usize, make: impl Fn(&mut Rng64) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for _ in 0..n * 4 {
        if out.len() == n {
            break;
        }
        let x = make(rng);
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&x)) {
            out.push(x);
        }
    }
    out
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn sets(out: &mut String, rng: &mut Rng64, n: usize) {
    for i in 0..n {
        let size = rng.random_range(2..8);
        let members = distinct(rng, size, person);
        let org = pick(rng, ORGS);
        let _ = write!(
            out,
            "\n[[set]]\nid = \"s{i}\"\nname = \"the board of the {org} in record {i}\"\nmembers = [{}]\ngroup = \"people\"\nquote = \"q\"\n",
            list(&members)
        );
    }
}

fn sequences(out: &mut String, rng: &mut Rng64, n: usize) {
    for i in 0..n {
        let size = rng.random_range(3..8);
        let items = if rng.random_bool(0.5) {
            distinct(rng, size, person)
        } else {
            distinct(rng, size, |r| pick(r, CITIES).to_owned())
        };
        let org = pick(rng, ORGS);
        let _ = write!(
            out,
            "\n[[sequence]]\nid = \"q{i}\"\nname = \"the succession at the {org} in record {i}\"\nitems = [{}]\nquote = \"q\"\n",
            list(&items)
        );
    }
}

/// One deck per kind, and one of every kind: (name, TOML).
pub fn decks(seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng64::seed_from_u64(seed);
    type Write = fn(&mut String, &mut Rng64, usize);
    let kinds: [(&str, Write); 6] = [
        ("dates", dates),
        ("figures", figures),
        ("changes", changes),
        ("cards", cards),
        ("sets", sets),
        ("sequences", sequences),
    ];
    let mut out = Vec::new();
    for (name, make) in kinds {
        let mut text = String::new();
        header(&mut text, &format!("synthetic-{name}"));
        make(&mut text, &mut rng, 30);
        out.push((format!("synthetic {name}"), text));
    }
    let mut all = String::new();
    header(&mut all, "synthetic-all");
    for (_, make) in kinds {
        make(&mut all, &mut rng, 8);
    }
    out.push(("synthetic, every kind".to_owned(), all));
    out
}
