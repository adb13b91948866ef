//! `factdeck import FILE [--format csv|tsv] [--out DECK.toml] [--id ID] [--title TEXT]`

use anyhow::{Context, Result, bail};

use crate::author::import::{self, DeckInfo, Format, ImportOptions, separator_name};
use crate::cli::{ImportArgs, ImportFormat};
use crate::deck::template;
use crate::exit;

use super::draft::deck_id;
use super::output;

pub fn run(args: ImportArgs) -> Result<u8> {
    let shown = args.file.display().to_string();
    let bytes =
        crate::input::read_regular(&args.file).with_context(|| format!("cannot read {shown}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!("{shown} is not UTF-8 text (bad byte at offset {at}); save it as UTF-8")
    })?;
    let options = ImportOptions {
        format: args.format.map(|f| match f {
            ImportFormat::Csv => Format::Csv,
            ImportFormat::Tsv => Format::Tsv,
        }),
        extension: args
            .file
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
    if imported.cards.is_empty() {
        bail!(
            "no card could be read from {shown} (fields separated by {}); \
             each row needs a question and an answer",
            separator_name(imported.separator)
        );
    }
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let info = DeckInfo {
        id: deck_id(args.id, &stem)?,
        title: args
            .title
            .or(imported.deck_name.clone())
            .unwrap_or_else(|| template::title_from(&stem)),
        source_name: args
            .file
            .file_name()
            .map_or(stem, |n| n.to_string_lossy().into_owned()),
    };
    output::emit_deck(
        args.out.as_deref(),
        &import::write_deck(&imported.cards, &info),
    )?;
    eprintln!(
        "imported {} from {shown} (fields separated by {}{})",
        crate::words::counted(imported.cards.len(), "card"),
        separator_name(imported.separator),
        if imported.html {
            ", HTML read as text"
        } else {
            ""
        }
    );
    if imported.problems.is_empty() {
        Ok(exit::OK)
    } else {
        eprintln!(
            "factdeck: {} row(s) skipped (listed above): fix them and import again, or add them by hand",
            imported.problems.len()
        );
        Ok(exit::ERROR)
    }
}
