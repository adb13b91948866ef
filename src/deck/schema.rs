//! The deck format as a JSON Schema (`docs/deck.schema.json`), for editors.
//!
//! Editors with taplo (Even Better TOML in VS Code, taplo's language server elsewhere) read a
//! `#:schema` directive on a TOML file's first line and complete and validate the file as
//! it is typed. `factdeck new` and `factdeck draft` write [`DIRECTIVE`], which names a file
//! beside the deck; `factdeck schema` prints the schema and `new`/`draft` put a copy there.
//!
//! The schema is written by hand, so tests keep it from drifting: its property names are
//! the raw serde structs' own (`tests::properties_match_the_loaders_structs`), its required
//! fields are exactly those whose absence the loader rejects
//! (`tests::required_fields_are_the_ones_the_loader_requires`), and every fixture deck the
//! loader accepts validates against it (`tests/schema.rs`).

/// The schema's text.
pub const SCHEMA: &str = include_str!("../../docs/deck.schema.json");

/// The name of the schema file that decks point at.
pub const FILE_NAME: &str = "deck.schema.json";

/// The first line of every deck factdeck writes: a relative path, which taplo resolves
/// against the deck's own directory.
pub const DIRECTIVE: &str = "#:schema ./deck.schema.json";

/// A TOML value as JSON, the way taplo hands it to the schema: dates and times become their
/// TOML text ("2021-01-05").
pub fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Kind;
    use crate::deck::raw;
    use crate::deck::raw::tests::{sorted, struct_fields};
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::from_str(SCHEMA).unwrap()
    }

    fn definition<'s>(schema: &'s Value, name: &str) -> &'s Value {
        &schema["definitions"][name]
    }

    fn keys(object: &Value) -> Vec<String> {
        let mut names: Vec<String> = object.as_object().unwrap().keys().cloned().collect();
        names.sort();
        names
    }

    #[test]
    fn properties_match_the_loaders_structs() {
        let s = schema();
        let props = |name: &str| keys(&definition(&s, name)["properties"]);
        assert_eq!(props("deck"), struct_fields::<raw::RawHeader>());
        assert_eq!(props("source"), struct_fields::<raw::RawSource>());
        // Each kind's field list matches its raw struct (`deck::kinds`).
        for kind in Kind::ALL {
            assert_eq!(props(kind.as_str()), sorted(&[kind.fields()]), "{kind}");
        }
        assert_eq!(
            keys(&definition(&s, "figure")["properties"]["previous"]["properties"]),
            struct_fields::<raw::RawPrevious>()
        );
        let mut top: Vec<String> = Kind::TOP_LEVEL.iter().map(|t| (*t).to_owned()).collect();
        top.sort();
        assert_eq!(keys(&s["properties"]), top);
    }

    /// One table of every kind with every field, one field per line (`previous` and `source`
    /// inline), so a field can be left out by dropping its line.
    const FULL: &[(&str, &str, &str)] = &[
        (
            "deck",
            "[deck]",
            "id = \"d\"\ntitle = \"T\"\ndescription = \"D\"\nlanguage = \"en\"\nsource = { title = \"S\" }\nquotes = false",
        ),
        (
            "date",
            "[[date]]",
            "id = \"a\"\ntags = [\"t\"]\nquote = \"q\"\nnote = \"n\"\nevent = \"e\"\nquestion = \"Q?\"\ndate = 2021-01-05\nend = 2021-01-12\nalso = [2021-01-06]\nalso_note = \"why\"\nprecedes = []\nfollows = []",
        ),
        (
            "figure",
            "[[figure]]",
            "id = \"a\"\ntags = [\"t\"]\nquote = \"q\"\nnote = \"n\"\nwhat = \"w\"\nat = \"x\"\nquestion = \"Q?\"\nvalue = 5000\nunit = \"u\"\ntolerance = 1\ngroup = \"g\"\nprevious = { value = 3637, at = \"y\" }\nalso = [5001]\nalso_note = \"w\"",
        ),
        (
            "change",
            "[[change]]",
            "id = \"a\"\ntags = [\"t\"]\nquote = \"q\"\nnote = \"n\"\nsubject = \"s\"\nbefore = \"b\"\nafter = \"c\"\nverb = \"v\"\naccept = {}\nsort = \"k\"\nquestion = \"Q?\"",
        ),
        (
            "card",
            "[[card]]",
            "id = \"a\"\ntags = [\"t\"]\nquote = \"q\"\nnote = \"n\"\nquestion = \"Q?\"\nanswer = \"A\"\naccept = [\"B\"]\ngroup = \"g\"\nsort = \"k\"",
        ),
        (
            "set",
            "[[set]]",
            "id = \"a\"\ntags = [\"t\"]\nquote = \"q\"\nnote = \"n\"\nname = \"S\"\nmembers = [\"x\", \"y\"]\ngroup = \"g\"\nsort = \"k\"\nquestion = { size = \"Q?\" }",
        ),
        (
            "sequence",
            "[[sequence]]",
            "id = \"a\"\ntags = [\"t\"]\nquote = \"q\"\nnote = \"n\"\nname = \"S\"\nitems = [\"x\", \"y\"]\nsort = \"k\"\nquestion = { next = \"{item}?\" }",
        ),
    ];

    const HEADER: &str = "[deck]\nid = \"d\"\ntitle = \"T\"\n";

    fn loads(table: &str, header: &str, fields: &[&str]) -> bool {
        let deck = if table == "deck" {
            String::new()
        } else {
            HEADER.to_owned()
        };
        crate::deck::load_str(&format!("{deck}{header}\n{}\n", fields.join("\n"))).is_ok()
    }

    #[test]
    fn required_fields_are_the_ones_the_loader_requires() {
        let s = schema();
        for (table, header, body) in FULL {
            let lines: Vec<&str> = body.lines().collect();
            assert!(
                loads(table, header, &lines),
                "{table}: the full example loads"
            );
            let names: Vec<String> = lines
                .iter()
                .map(|l| l.split(" = ").next().unwrap().to_owned())
                .collect();
            let mut sorted = names.clone();
            sorted.sort();
            assert_eq!(
                sorted,
                keys(&definition(&s, table)["properties"]),
                "{table}"
            );
            let required: Vec<String> = definition(&s, table)["required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            for (i, name) in names.iter().enumerate() {
                let mut without = lines.clone();
                without.remove(i);
                assert_eq!(
                    !loads(table, header, &without),
                    required.contains(name),
                    "{table}.{name}: the loader and the schema disagree on whether it is required"
                );
            }
        }
    }

    #[test]
    fn a_change_needs_a_side_and_nested_tables_their_fields() {
        let change = |sides: &str| {
            crate::deck::load_str(&format!(
                "{HEADER}[[change]]\nid = \"a\"\nsubject = \"s\"\n{sides}"
            ))
            .is_ok()
        };
        assert!(change("before = \"b\""));
        assert!(change("after = \"a\""));
        assert!(!change(""));
        let s = schema();
        assert_eq!(
            definition(&s, "change")["anyOf"],
            serde_json::json!([{ "required": ["before"] }, { "required": ["after"] }])
        );
        let previous = |p: &str| {
            crate::deck::load_str(&format!(
                "{HEADER}[[figure]]\nid = \"a\"\nwhat = \"w\"\nvalue = 1\nprevious = {{ {p} }}"
            ))
            .is_ok()
        };
        assert!(previous("value = 2, at = \"x\""));
        assert!(!previous("value = 2"));
        assert!(!previous("at = \"x\""));
        assert_eq!(
            definition(&s, "figure")["properties"]["previous"]["required"],
            serde_json::json!(["value", "at"])
        );
        assert!(
            crate::deck::load_str("[deck]\nid = \"d\"\ntitle = \"T\"\nsource = { url = \"u\" }")
                .is_err()
        );
        assert_eq!(
            definition(&s, "source")["required"],
            serde_json::json!(["title"])
        );
    }

    #[test]
    fn dates_become_their_toml_text() {
        let v: toml::Value = toml::from_str("d = 2021-01-05\nn = [1, 2.5]").unwrap();
        assert_eq!(
            toml_to_json(&v),
            serde_json::json!({ "d": "2021-01-05", "n": [1, 2.5] })
        );
    }
}
