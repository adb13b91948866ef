//! `factdeck import FILE... [--reverse] [--format csv|tsv] [--out DECK.toml] [--id ID]
//! [--title TEXT]`

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::author::import::{
    self, DeckInfo, Format, ImportOptions, Imported, ImportedCard, separator_name,
};
use crate::cli::{ImportArgs, ImportFormat};
use crate::deck::template;
use crate::exit;

use super::deck_out;
use super::shared::deck_id;

pub fn run(args: ImportArgs) -> Result<u8> {
    let format = args.format.map(|f| match f {
        ImportFormat::Csv => Format::Csv,
        ImportFormat::Tsv => Format::Tsv,
    });
    let several = args.files.len() > 1;
    let mut cards: Vec<ImportedCard> = Vec::new();
    let mut skipped = 0;
    let mut deck_name = None;
    let mut last_separator = b'\t';
    for file in &args.files {
        let imported = import_file(file, format)?;
        last_separator = imported.separator;
        skipped += imported.problems.len();
        deck_name = deck_name.or(imported.deck_name.clone());
        let set = set_name(file, &imported);
        cards.extend(imported.cards.into_iter().map(|mut c| {
            // Each file of several is a set of its own (a Quizlet set, an Anki deck).
            if several && c.origin.is_none() {
                c.origin = Some(set.clone());
            }
            c
        }));
    }
    if cards.is_empty() {
        let from = match args.files.as_slice() {
            [one] => format!(
                "{} (fields separated by {})",
                one.display(),
                separator_name(last_separator)
            ),
            _ => "any of the files".to_owned(),
        };
        bail!("no card could be read from {from}; each row needs a question and an answer");
    }
    import::assign_groups(&mut cards);
    let forward = cards.len();
    if args.reverse {
        cards.extend(import::reversed(&cards));
    }
    let first = &args.files[0];
    let stem = first
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let names: Vec<String> = args
        .files
        .iter()
        .map(|f| {
            f.file_name().map_or_else(
                || f.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let info = DeckInfo {
        id: deck_id(args.id, &stem)?,
        title: args
            .title
            .or(deck_name)
            .unwrap_or_else(|| template::title_from(&stem)),
        source_name: names.join(", "),
    };
    deck_out::emit_deck(args.out.as_deref(), &import::write_deck(&cards, &info))?;
    let groups: std::collections::BTreeSet<&str> =
        cards.iter().filter_map(|c| c.group.as_deref()).collect();
    eprintln!(
        "imported {}{}{} from {}",
        crate::words::counted(forward, "card"),
        if args.reverse {
            format!(" and their {forward} reverse cards")
        } else {
            String::new()
        },
        match groups.len() {
            0 => String::new(),
            n => format!(" in {}", crate::words::counted(n, "group")),
        },
        crate::term::visible(&names.join(", "))
    );
    if skipped == 0 {
        Ok(exit::OK)
    } else {
        eprintln!(
            "factdeck: {skipped} row(s) skipped (listed above): fix them and import again, or add them by hand"
        );
        Ok(exit::ERROR)
    }
}

/// Reads one file, reporting its notices and the rows it skipped.
fn import_file(file: &Path, format: Option<Format>) -> Result<Imported> {
    let shown = file.display().to_string();
    let bytes = crate::input::read_regular(file).with_context(|| format!("cannot read {shown}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!("{shown} is not UTF-8 text (bad byte at offset {at}); save it as UTF-8")
    })?;
    let options = ImportOptions {
        format,
        extension: file
            .extension()
            .and_then(|e| Format::from_extension(&e.to_string_lossy())),
    };
    let imported = import::import(&text, options);
    for notice in &imported.notices {
        eprintln!("note: {shown}: {notice}");
    }
    for problem in &imported.problems {
        eprintln!(
            "factdeck: {shown}:{}: skipped: {}",
            problem.line, problem.message
        );
    }
    eprintln!(
        "read {} from {shown} (fields separated by {}{})",
        crate::words::counted(imported.cards.len(), "card"),
        separator_name(imported.separator),
        if imported.html {
            ", HTML read as text"
        } else {
            ""
        }
    );
    Ok(imported)
}

/// What a file's cards are called as a set: its Anki `#deck:` name, else its file name.
fn set_name(file: &Path, imported: &Imported) -> String {
    imported.deck_name.clone().unwrap_or_else(|| {
        template::title_from(
            &file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )
    })
}
