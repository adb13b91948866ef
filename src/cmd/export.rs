//! `factdeck export DECK --format anki-tsv|csv|json`: the deck on stdout.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::author::export;
use crate::cli::{DeckExportFormat, ExportDeckArgs};
use crate::deck::Library;
use crate::paths::DataDir;
use crate::{exit, term};

pub fn run(args: ExportDeckArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    // Bundled decks work without a data directory; only user decks need one.
    let user_decks = DataDir::resolve(data_dir)
        .map(|d| d.decks())
        .unwrap_or_default();
    let library = Library::new(user_decks, term::stderr_color());
    let deck = library.open(&args.deck)?.loaded.deck;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        DeckExportFormat::Json => export::write_json(&mut out, &deck),
        DeckExportFormat::AnkiTsv | DeckExportFormat::Csv => {
            let (rows, skipped) = export::rows(&deck);
            for id in &skipped {
                eprintln!("note: no question can be made from fact `{id}`; it is not exported");
            }
            match args.format {
                DeckExportFormat::Csv => export::write_csv(&mut out, &rows),
                _ => export::write_anki(&mut out, &deck.meta.title, &rows),
            }
        }
    }
    .and_then(|()| out.flush())
    .context("writing the export")?;
    Ok(exit::OK)
}
