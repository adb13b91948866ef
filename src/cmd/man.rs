//! `factdeck man [--dir DIR]`: man pages generated from the same clap definitions as `--help`.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::exit;

pub fn run(args: ManArgs) -> Result<u8> {
    let cmd = Cli::command();
    match args.dir {
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .context("writing the man page")?;
            out.flush().context("writing the man page")?;
        }
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(exit::usage(format!(
                    "--dir {} is a file; give a directory for the man pages",
                    dir.display()
                )));
            }
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            clap_mangen::generate_to(cmd, &dir)
                .with_context(|| format!("writing man pages into {}", dir.display()))?;
            eprintln!("wrote man pages into {}", dir.display());
        }
    }
    Ok(exit::OK)
}
