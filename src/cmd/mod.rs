//! One module per subcommand; `run` dispatches to them.

mod check;
mod class;
mod completions;
mod deck_filter;
mod deck_out;
mod decks;
mod doctor;
mod draft;
mod export;
mod generate;
pub mod help;
mod history;
mod hub;
mod import;
mod man;
mod new;
mod quiz;
mod report;
mod review;
mod schema;
mod shared;
mod sync;

use anyhow::Result;

use crate::cli::{Cli, Command};

/// Runs the parsed command line and returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    let data_dir = cli.data_dir;
    let learner = cli.learner;
    match cli.command {
        Command::Quiz(args) => quiz::run(args, data_dir),
        Command::Check(args) => check::run(args),
        Command::New(args) => new::run(args),
        Command::Decks(args) => decks::run(args, data_dir),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::History(args) => history::run(args, data_dir),
        Command::Report(args) => report::run(args, data_dir),
        Command::Generate(args) => generate::run(args, data_dir),
        Command::Draft(args) => draft::run(args),
        Command::Import(args) => import::run(args),
        Command::Export(args) => export::run(args, data_dir),
        Command::Schema(_) => schema::run(),
        Command::Review(args) => review::run(args, data_dir),
        Command::Doctor(_) => doctor::run(data_dir),
        Command::Sync(args) => sync::run(args, data_dir, learner),
        Command::Hub(args) => hub::run(args, data_dir),
        Command::Class(args) => class::run(args, data_dir),
    }
}
