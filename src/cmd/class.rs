//! `factdeck class report --hub URL [--deck ID] [--since DATE] [--json | --csv]`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use jiff::tz::TimeZone;

use crate::class::{analyse, csv, json, text};
use crate::cli::{ClassArgs, ClassCommand};
use crate::clock::Clock;
use crate::config::Config;
use crate::hub::ReportScope;
use crate::paths::DataDir;

pub fn run(args: ClassArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let ClassCommand::Report(args) = args.command;
    let config = Config::load(&DataDir::resolve(data_dir)?)?;
    let tz = TimeZone::system();
    let since = args
        .since
        .map(|date| date.to_zoned(tz.clone()).map(|z| z.timestamp()))
        .transpose()
        .context("--since is out of range")?;
    let scope = ReportScope {
        deck: args.deck.clone(),
        since,
        now: Clock::from_env()?.now(),
    };
    let mut hub = super::hub::url_or_login(args.hub, &config)?.connect()?;
    let counts = hub.class_counts(&scope)?;
    let report = analyse(&counts, args.deck.as_deref(), since);
    let out = if args.json {
        format!("{:#}\n", json(&report))
    } else if args.csv {
        csv(&report).context("cannot write the report as CSV")?
    } else {
        text(&report, &tz)
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .context("writing the class report")?;
    Ok(crate::exit::OK)
}
