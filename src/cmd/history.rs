//! `factdeck history [--deck ID] [--since WHEN] [--limit N] [--json | --csv]` and
//! `factdeck history show SESSION|last`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use jiff::tz::TimeZone;

use crate::cli::{ExportArgs, HistoryArgs, HistoryCommand, ShowArgs};
use crate::clock::Clock;
use crate::history::format::Paint;
use crate::history::show::Which;
use crate::history::{Query, Report, export, show, stream, text};
use crate::paths::DataDir;
use crate::store::{Filter, ScoreHistory, SessionRow, Store, StoreError};
use crate::{exit, term};

/// Sessions listed in the table unless `--limit` says otherwise.
const DEFAULT_LIMIT: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

impl From<&ExportArgs> for Format {
    fn from(args: &ExportArgs) -> Self {
        match (args.json, args.csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Text,
        }
    }
}

pub fn run(args: HistoryArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let data = DataDir::resolve(data_dir)?;
    // Never creates the store: no file is an empty history.
    let opened = Store::open_existing_read_only(data.store())?;
    let store = opened.as_ref().map(|s| s as &dyn ScoreHistory);
    let tz = TimeZone::system();
    if let Some(HistoryCommand::Show(show)) = &args.command {
        return run_show(store, show, &tz);
    }
    super::deck_filter::check(store, args.deck.as_deref(), &data)?;
    let format = Format::from(&args.export);
    let today = tz.to_datetime(Clock::from_env()?.now()).date();
    let since = args
        .since
        .map(|since| since.start(today, &tz))
        .transpose()
        .context("--since is out of range")?;
    let query = Query {
        filter: Filter {
            deck: args.deck.clone(),
            since,
        },
        limit: match format {
            Format::Text => Some(args.limit.unwrap_or(DEFAULT_LIMIT)),
            _ => args.limit,
        },
        today,
        tz: tz.clone(),
    };
    if format == Format::Json {
        return stream_json(store, &query);
    }
    let report = match store {
        Some(store) => Report::load(store, &query)?,
        None => Report::empty(query.today),
    };
    let output = match format {
        Format::Json => format!("{:#}\n", export::json(&report)),
        Format::Csv => export::sessions_csv(&report.sessions),
        Format::Text if report.is_empty() => empty_message(store, &args)?,
        Format::Text => text::render(
            &report,
            text::Style {
                tz: &tz,
                paint: Paint {
                    on: term::stdout_color(),
                },
            },
        ),
    };
    print(&output)
}

/// `history --json`: every session unless `--limit`, streamed from the store to stdout.
fn stream_json(store: Option<&dyn ScoreHistory>, query: &Query) -> Result<u8> {
    // The report without its session list, which is written as it is read.
    let rest = Query {
        limit: Some(0),
        ..query.clone()
    };
    let report = match store {
        Some(store) => Report::load(store, &rest)?,
        None => Report::empty(query.today),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let sessions = |visit: &mut dyn FnMut(&SessionRow) -> bool| match store {
        Some(store) => store.visit_sessions(&query.filter, query.limit, visit),
        None => Ok(()),
    };
    let written = match stream::write_json(&mut out, &report, Box::new(sessions)) {
        Ok(()) => out.flush().map_err(anyhow::Error::from),
        Err(stream::StreamError::Store(e)) => return Err(e.into()),
        // As itself, so that a closed pipe (`history --json | head`) counts as success.
        Err(stream::StreamError::Write(e)) => Err(e.into()),
    };
    written.context("writing the history")?;
    Ok(exit::OK)
}

fn run_show(store: Option<&dyn ScoreHistory>, args: &ShowArgs, tz: &TimeZone) -> Result<u8> {
    let session = match (store, args.session) {
        (Some(store), Which::Id(id)) => store.session(id)?,
        (Some(store), Which::Last) => store
            .sessions(&Filter::default(), Some(1))?
            .into_iter()
            .next(),
        (None, _) => None,
    };
    let (Some(store), Some(session)) = (store, session) else {
        return match args.session {
            Which::Id(id) => Err(StoreError::UnknownSession(id).into()),
            Which::Last => Err(anyhow::anyhow!(
                "there is no session yet; start one with: factdeck quiz"
            )),
        };
    };
    let id = session.id;
    let answers = store.answers(id)?;
    let output = match Format::from(&args.export) {
        Format::Json => format!("{:#}\n", show::json(&session, &answers)),
        Format::Csv => show::csv(&session, &answers),
        Format::Text => show::text(
            &session,
            &answers,
            tz,
            Paint {
                on: term::stdout_color(),
            },
        ),
    };
    print(&output)
}

/// Friendly words for an empty view: nothing recorded at all, or nothing matching.
fn empty_message(store: Option<&dyn ScoreHistory>, args: &HistoryArgs) -> Result<String> {
    let Some(store) = store else {
        return Ok(format!("{}\n", text::NO_HISTORY));
    };
    let decks = store.deck_ids()?;
    if decks.is_empty() {
        return Ok(format!("{}\n", text::NO_HISTORY));
    }
    let mut message = String::from("No quiz sessions match");
    if let Some(deck) = &args.deck {
        message.push_str(&format!(" --deck {}", term::visible(deck)));
    }
    if let Some(since) = args.since {
        message.push_str(&format!(" --since {since}"));
    }
    let decks = term::visible(&decks.join(", ")).into_owned();
    message.push_str(&format!(".\nDecks with history: {decks}\n"));
    Ok(message)
}

fn print(text: &str) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("writing the history")?;
    Ok(exit::OK)
}
