//! The loader never panics, whatever it is given, and every problem it reports has a place
//! in the file: arbitrary strings and bytes, and arbitrary TOML documents built from the
//! deck format's own table and field names (so they reach deep into the checks).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;
use toml::Value;
use toml::value::{Date, Datetime, Time};

use factdeck::deck::{Diagnostic, load_bytes, load_str};

/// Every field name of the format, the top-level names, and a few near misses.
const NAMES: &[&str] = &[
    "deck",
    "date",
    "figure",
    "change",
    "card",
    "set",
    "sequence",
    "id",
    "title",
    "description",
    "language",
    "source",
    "url",
    "license",
    "file",
    "tags",
    "quote",
    "note",
    "event",
    "question",
    "end",
    "also",
    "also_note",
    "what",
    "at",
    "value",
    "unit",
    "tolerance",
    "group",
    "previous",
    "subject",
    "before",
    "after",
    "verb",
    "answer",
    "accept",
    "name",
    "members",
    "items",
    "dates",
    "answr",
    "qoute",
];

const KINDS: &[&str] = &["date", "figure", "change", "card", "set", "sequence"];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(NAMES).prop_map(str::to_owned),
        1 => "[a-z_]{1,10}",
    ]
}

/// Strings that matter to the checks: blank, dates real and impossible, percentages,
/// control characters and escapes, and anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        select(
            &[
                "",
                "  ",
                "2021",
                "2021-01",
                "2021-02-30",
                "2021-13",
                "5%",
                "-5%",
                "200%",
                "x%",
                "\u{1b}[31m",
                "a\u{7}b",
                "\u{9b}",
                "line\r\nend",
                "Ŭlchi",
            ][..]
        )
        .prop_map(str::to_owned),
        "[0-9]{1,4}(-[0-9]{1,2}){0,2}",
        any::<String>(),
    ]
}

fn datetime() -> impl Strategy<Value = Datetime> {
    let date =
        (0u16..3000, 0u8..14, 0u8..33).prop_map(|(year, month, day)| Date { year, month, day });
    let time = (0u8..25, 0u8..61).prop_map(|(hour, minute)| Time {
        hour,
        minute,
        second: Some(0),
        nanosecond: None,
    });
    (date, proptest::option::weighted(0.2, time)).prop_map(|(date, time)| Datetime {
        date: Some(date),
        time,
        offset: None,
    })
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => text().prop_map(Value::String),
        2 => prop_oneof![any::<i64>(), -10i64..10_000].prop_map(Value::Integer),
        1 => any::<f64>().prop_map(Value::Float),
        1 => any::<bool>().prop_map(Value::Boolean),
        2 => datetime().prop_map(Value::Datetime),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..5).prop_map(Value::Array),
            btree_map(key(), inner, 0..5).prop_map(|m| Value::Table(m.into_iter().collect())),
        ]
    })
}

/// A table whose keys are mostly real field names.
fn table() -> impl Strategy<Value = Value> {
    btree_map(key(), prop_oneof![4 => leaf(), 1 => value()], 0..9)
        .prop_map(|m| Value::Table(m.into_iter().collect()))
}

/// A document shaped like a deck: a `[deck]` table and arrays of fact tables, with some
/// other top-level keys and values of the wrong shape now and then.
fn wild_document() -> impl Strategy<Value = toml::Table> {
    let entry = prop_oneof![
        6 => (select(KINDS), vec(table(), 0..5))
            .prop_map(|(k, facts)| (k.to_owned(), Value::Array(facts))),
        2 => table().prop_map(|t| ("deck".to_owned(), t)),
        1 => (key(), value()),
    ];
    vec(entry, 0..6).prop_map(|entries| entries.into_iter().collect())
}

fn strings(items: &[&str]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|s| Value::String((*s).to_owned()))
            .collect(),
    )
}

/// A sound table of each kind, to be broken a little by `mutated`.
fn sound(kind: &str, id: &str) -> toml::Table {
    let s = |v: &str| Value::String(v.to_owned());
    let mut t = toml::Table::new();
    t.insert("id".into(), s(id));
    t.insert("quote".into(), s("as the source says"));
    let fields: Vec<(&str, Value)> = match kind {
        "date" => vec![("event", s("the opening")), ("date", s("2021-01"))],
        "figure" => vec![
            ("what", s("the delegates")),
            ("value", Value::Integer(5000)),
            ("tolerance", s("5%")),
            ("group", s("g")),
        ],
        "change" => vec![
            ("subject", s("the title")),
            ("before", s("a")),
            ("after", s("b")),
        ],
        "card" => vec![
            ("question", s("Who?")),
            ("answer", s(id)),
            ("group", s("g")),
        ],
        "set" => vec![
            ("name", s("the body")),
            ("members", strings(&["a", "b", "c"])),
        ],
        _ => vec![
            ("name", s("the agenda")),
            ("items", strings(&["one", "two"])),
        ],
    };
    for (k, v) in fields {
        t.insert(k.into(), v);
    }
    t
}

/// A sound fact with a few edits: a field removed, added or replaced by any value.
fn mutated() -> impl Strategy<Value = (String, Value)> {
    let edit = (0u8..3, key(), prop_oneof![3 => leaf(), 1 => value()]);
    (select(KINDS), "[a-e]{1,2}", vec(edit, 0..3)).prop_map(|(kind, id, edits)| {
        let mut t = sound(kind, &id);
        for (op, k, v) in edits {
            match op {
                0 => drop(t.remove(&k)),
                1 => drop(t.insert(k, v)),
                _ => {
                    if let Some(old) = t.get_mut(&k) {
                        *old = v;
                    }
                }
            }
        }
        (kind.to_owned(), Value::Table(t))
    })
}

/// A deck of mostly sound facts, some of them broken.
fn near_deck() -> impl Strategy<Value = toml::Table> {
    vec(mutated(), 0..12).prop_map(|facts| {
        let mut doc = toml::Table::new();
        let mut header = toml::Table::new();
        header.insert("id".into(), Value::String("d".into()));
        header.insert("title".into(), Value::String("A deck".into()));
        doc.insert("deck".into(), Value::Table(header));
        for (kind, fact) in facts {
            if let Value::Array(list) = doc.entry(kind).or_insert_with(|| Value::Array(Vec::new()))
            {
                list.push(fact);
            }
        }
        doc
    })
}

fn document() -> impl Strategy<Value = String> {
    prop_oneof![3 => near_deck(), 1 => wild_document()]
        .prop_filter_map("toml cannot write it", |doc| toml::to_string(&doc).ok())
}

/// What `check` does with a result: locate and render every diagnostic.
fn assert_all_placed(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let span = d.span.clone().expect("every problem has a place");
        assert!(
            span.start <= text.len() && text.is_char_boundary(span.start),
            "{d:?} points outside the text"
        );
        assert!(d.line_column(text).is_some(), "{d:?}");
        let rendered = d.render("deck.toml", text, false);
        // Deck text reaches the terminal only as printable characters.
        assert!(
            !rendered.chars().any(|c| c.is_control() && c != '\n'),
            "{rendered:?}"
        );
        if !d.message.chars().any(char::is_control) {
            assert!(rendered.contains(&d.message), "{rendered}");
        }
    }
}

fn check_text(text: &str) {
    match load_str(text) {
        Ok(loaded) => {
            assert!(loaded.warnings.iter().all(|w| !w.is_error()));
            assert_eq!(loaded.quote_spans.len(), loaded.deck.facts.len());
            assert_all_placed(text, &loaded.warnings);
        }
        Err(diagnostics) => {
            assert!(diagnostics.iter().any(Diagnostic::is_error));
            assert_all_placed(text, &diagnostics);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_text(&text);
    }

    #[test]
    fn text_of_deck_tokens_never_panics(
        parts in vec(prop_oneof![
            select(&["[deck]\n", "[[card]]\n", "[[date]]\n", "[deck.source]\n", " = ", "\n",
                     "\"", "'''", "[", "]", "{", "}", ",", "#", "\\u001b", "2021-02-30"][..])
                .prop_map(str::to_owned),
            key(),
            text(),
        ], 0..40)
    ) {
        check_text(&parts.concat());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..200)) {
        let lossy = String::from_utf8_lossy(&bytes);
        match load_bytes(&bytes) {
            Ok(loaded) => assert_all_placed(&lossy, &loaded.warnings),
            Err(diagnostics) => assert_all_placed(&lossy, &diagnostics),
        }
    }

    #[test]
    fn arbitrary_toml_documents_never_panic(text in document()) {
        check_text(&text);
    }
}

/// The generator reaches the interesting paths: some documents load, most do not.
#[test]
fn generated_documents_are_sometimes_valid() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = document();
    let (mut ok, mut broken) = (0, 0);
    for _ in 0..400 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        match load_str(&text) {
            Ok(_) => ok += 1,
            Err(_) => broken += 1,
        }
    }
    assert!(ok > 0 && broken > ok, "ok {ok}, broken {broken}");
}
