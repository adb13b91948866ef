//! `factdeck completions SHELL`

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit;

pub fn run(args: CompletionsArgs) -> Result<u8> {
    let mut cmd = Cli::command();
    // clap_complete panics on a failed write, so render to memory and write it ourselves:
    // `factdeck completions zsh | head` must not panic.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "factdeck", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)
        .and_then(|()| out.flush())
        .context("writing the completion script")?;
    Ok(exit::OK)
}
