//! `factdeck report [DECK] [--since WHEN] [--out FILE.html] [--open]`: progress as one HTML page of charts.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use jiff::tz::TimeZone;

use crate::cli::ReportArgs;
use crate::clock::Clock;
use crate::deck::Library;
use crate::exit;
use crate::paths::DataDir;
use crate::report::{self, Progress, Scope, html};
use crate::store::{ScoreHistory, Store};
use crate::term;

pub fn run(args: ReportArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let data = DataDir::resolve(data_dir)?;
    // Never creates the store: no file is an empty report.
    let opened = Store::open_existing_read_only(data.store())?;
    let store = opened.as_ref().map(|s| s as &dyn ScoreHistory);
    let deck = args
        .deck
        .as_deref()
        .map(|name| deck_id(store, name, &data))
        .transpose()?;
    super::deck_filter::check(store, deck.as_deref(), &data)?;
    let tz = TimeZone::system();
    let today = tz.to_datetime(Clock::from_env()?.now()).date();
    let since = args
        .since
        .map(|since| since.start(today, &tz))
        .transpose()
        .context("--since is out of range")?;
    let scope = Scope {
        deck,
        since,
        today,
        tz,
    };
    let progress = match store {
        Some(store) => Progress::load(store, &scope)?,
        None => Progress::empty(scope),
    };
    let page = report::render(&progress)?;
    write_report(&args.out, &page)?;
    println!(
        "Wrote {} ({} KB){}",
        args.out.display(),
        page.len().div_ceil(1024),
        if progress.is_empty() {
            ": nothing studied yet, so the charts are empty"
        } else {
            ""
        }
    );
    if args.open {
        open::that(&args.out)
            .with_context(|| format!("cannot open {} in a browser", args.out.display()))?;
    }
    Ok(exit::OK)
}

/// The deck's id: as given when the history has it, else the id of the deck file or bundled
/// deck it names.
fn deck_id(store: Option<&dyn ScoreHistory>, name: &str, data: &DataDir) -> Result<String> {
    if let Some(store) = store
        && store.deck_ids()?.iter().any(|d| d == name)
    {
        return Ok(name.to_owned());
    }
    let library = Library::new(data.decks(), term::stderr_color());
    match library.open(name) {
        Ok(file) => Ok(file.loaded.deck.meta.id),
        // Not a deck either: `deck_filter::check` says what there is.
        Err(_) => Ok(name.to_owned()),
    }
}

/// Writes the page, replacing only a file that is itself a factdeck report.
fn write_report(path: &Path, page: &str) -> Result<()> {
    if path.exists() && !is_report(path) {
        bail!(
            "{} exists and is not a factdeck report; choose another path with --out",
            path.display()
        );
    }
    std::fs::write(path, page).with_context(|| format!("cannot write {}", path.display()))
}

fn is_report(path: &Path) -> bool {
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok_and(|_| String::from_utf8_lossy(&head).contains(html::GENERATOR))
}
