//! `factdeck draft SOURCE [--out DECK.toml] [--id ID] [--title TEXT] [--language TAG]`

use std::path::Path;

use anyhow::{Context, Result};

use crate::author::draft::{self, DraftOptions, Found};
use crate::cli::DraftArgs;
use crate::deck::{Language, template};
use crate::exit;

use super::deck_out;

pub fn run(args: DraftArgs) -> Result<u8> {
    let text = crate::input::read_regular_to_string(&args.source)
        .with_context(|| format!("cannot read {}", args.source.display()))?;
    let stem = args
        .source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = super::shared::deck_id(args.id, &stem)?;
    let doc_title = draft::document_title(&text);
    let title = args
        .title
        .or_else(|| doc_title.clone())
        .unwrap_or_else(|| template::title_from(&stem));
    let source_name = args
        .source
        .file_name()
        .map_or_else(|| stem.clone(), |n| n.to_string_lossy().into_owned());
    // The path is written relative to the deck, as `source.file` wants it; printed decks
    // are taken to be saved in the current directory.
    let deck_dir = args
        .out
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(Path::new(""));
    let source_file = deck_out::relative_to(&args.source, deck_dir);
    let tag = match args.language {
        Some(tag) => language_tag(&tag)?,
        None => draft::language_of(&text).tag().unwrap_or("en").to_owned(),
    };
    let options = DraftOptions {
        id,
        title,
        source_title: doc_title.unwrap_or_else(|| source_name.clone()),
        source_file: Some(source_file.display().to_string()),
        source_name: source_name.clone(),
        language: tag.clone(),
    };
    let proposals = draft::find_facts_in(&text, Language::from_tag(&tag));
    deck_out::emit_deck_with(args.out.as_deref(), |out| {
        draft::write_to(&proposals, &options, out)
    })?;
    let count = |pick: fn(&Found) -> bool| proposals.iter().filter(|p| pick(&p.found)).count();
    let dates = count(|f| matches!(f, Found::Date { .. }));
    let figures = count(|f| matches!(f, Found::Figure { .. }));
    let changes = count(|f| matches!(f, Found::Change { .. }));
    // On stdout the deck has no name yet: say where to put it.
    let target = args
        .out
        .as_ref()
        .map_or("DECK.toml".to_owned(), |p| p.display().to_string());
    if proposals.is_empty() {
        eprintln!("found no date, figure or change in {source_name}: the draft has no facts");
    } else {
        eprintln!(
            "drafted {} from {source_name} ({dates} date, {figures} figure, {changes} change; \
             language {tag}); replace each TODO text, then run `factdeck check {target}`{}",
            crate::words::counted(proposals.len(), "fact"),
            if args.out.is_none() {
                " (save it first, e.g. with --out DECK.toml)"
            } else {
                ""
            }
        );
    }
    Ok(exit::OK)
}

/// `--language` as given when it looks like a language tag ("de", "pt-BR", "zh-Hant").
fn language_tag(given: &str) -> Result<String> {
    let tag = given.trim();
    let well_formed = tag.split('-').all(|part| {
        (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
    }) && tag
        .split('-')
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()));
    if well_formed {
        Ok(tag.to_owned())
    } else {
        Err(exit::usage(format!(
            "--language `{given}` is not a language tag: use a code such as en, de, fr, ru, ko, \
             ja or zh (a region may follow: pt-BR)"
        )))
    }
}
