//! `factdeck decks [add FILE [--replace] | remove ID]`: the bundled decks and the user's own,
//! with what they hold; installing a checked deck into the decks directory, and taking it out.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::author::install::{self, ToInstall};
use crate::cli::{DecksAddArgs, DecksArgs, DecksCommand};
use crate::deck::library::LibraryError;
use crate::deck::{DeckFile, Library, Lines, Origin};
use crate::paths::DataDir;
use crate::words::counted;
use crate::{exit, term};

use super::check;

pub fn run(args: DecksArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let data = DataDir::resolve(data_dir)?;
    let library = Library::new(data.decks(), term::stderr_color());
    match args.command {
        None => list(&library, &data),
        Some(DecksCommand::Add(add_args)) => add(&library, add_args),
        Some(DecksCommand::Remove(remove_args)) => {
            let removed = install::remove(&library, &remove_args.id)?;
            for file in &removed.files {
                eprintln!("removed {}", term::visible_path(file));
            }
            eprintln!(
                "`{}` is no longer among your decks; its score history stays (add the deck \
                 again to pick it up)",
                remove_args.id
            );
            Ok(exit::OK)
        }
    }
}

fn list(library: &Library, data: &DataDir) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    let mut broken = 0;
    let mut seen: HashMap<String, String> = HashMap::new();
    for entry in library.list() {
        match entry {
            Ok(deck) => {
                writeln!(out, "{}", describe(&deck)).context("writing the deck list")?;
                let id = deck.loaded.deck.meta.id.clone();
                let place = term::visible(&deck.origin.describe()).into_owned();
                if let Some(first) = seen.get(&id) {
                    // Only one of them can be named by its id, and they would share history.
                    eprintln!(
                        "factdeck: warning: two decks have the id `{id}` ({first} and {place}); \
                         give one another id: score history is kept per deck id"
                    );
                } else {
                    seen.insert(id, place);
                }
            }
            Err(e) => {
                broken += 1;
                // A broken deck's report is rendered from visible parts; other errors name
                // a path as it is.
                let shown = match e {
                    LibraryError::Invalid { .. } => e.to_string(),
                    _ => term::visible(&e.to_string()).into_owned(),
                };
                eprintln!("factdeck: warning: skipped a deck: {shown}");
            }
        }
    }
    writeln!(
        out,
        "\nYour decks directory: {}\n(`factdeck decks add FILE` installs a deck there)",
        term::visible_path(library.user_dir())
    )?;
    writeln!(out, "Score store: {}", term::visible_path(&data.store()))?;
    // Warnings do not stop a deck from working; only a deck that cannot load is an error.
    Ok(if broken > 0 { exit::ERROR } else { exit::OK })
}

/// ```text
/// football  (football.toml)
///   Football laws
///   42 facts: 42 card; 1 warning (`factdeck check …` lists it)
///   from /home/me/.local/share/factdeck/decks/football.toml
/// ```
fn describe(deck: &DeckFile) -> String {
    let d = &deck.loaded.deck;
    let file = match &deck.origin {
        Origin::Bundled => "bundled".to_owned(),
        Origin::User(p) | Origin::File(p) => p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    let file = term::visible(&file);
    let warnings = match deck.loaded.warnings.len() {
        0 => String::new(),
        n => format!(
            "; {} (`factdeck check {}` lists {})",
            counted(n, "warning"),
            deck.path,
            if n == 1 { "it" } else { "them" }
        ),
    };
    format!(
        "{}  ({file})\n  {}\n  {} facts: {}{warnings}\n  from {}",
        d.meta.id,
        d.meta.title,
        d.facts.len(),
        crate::deck::format_counts(d),
        term::visible(&deck.origin.describe())
    )
}

fn add(library: &Library, args: DecksAddArgs) -> Result<u8> {
    let shown = term::visible_path(&args.file);
    let bytes =
        crate::input::read_regular(&args.file).with_context(|| format!("cannot read {shown}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let outcome = check::check_one(&bytes, &args.file, None);
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    let loaded = match outcome.loaded {
        Some(loaded) if errors.is_empty() => loaded,
        _ => {
            let lines = Lines::new(&text);
            let color = term::stderr_color();
            for d in check::shown_diagnostics(errors.clone(), false) {
                eprintln!("{}", d.render_in(&shown, &lines, color));
            }
            bail!(
                "{shown} has {}: it was not added; fix it (`factdeck check {shown}`) and add it again",
                counted(errors.len(), "error")
            );
        }
    };
    let installed = install::install(
        library,
        ToInstall {
            text: &text,
            loaded: &loaded,
            from: &args.file,
            replace: args.replace,
        },
    )?;
    for old in &installed.replaced {
        eprintln!("replaced {}", term::visible_path(old));
    }
    let deck = &loaded.deck;
    eprintln!(
        "added `{}` ({}, {}) as {}{}",
        installed.id,
        deck.meta.title,
        counted(deck.facts.len(), "fact"),
        term::visible_path(&installed.path),
        installed
            .source
            .as_ref()
            .map(|s| format!(", with its source {}", term::visible_path(s)))
            .unwrap_or_default()
    );
    let warnings = outcome.diagnostics.len() - errors.len();
    if warnings > 0 {
        eprintln!(
            "note: {} (`factdeck check {shown}` lists {})",
            counted(warnings, "warning"),
            if warnings == 1 { "it" } else { "them" }
        );
    }
    eprintln!(
        "study it from anywhere: `factdeck quiz {}` or `factdeck review {}`",
        installed.id, installed.id
    );
    Ok(exit::OK)
}
