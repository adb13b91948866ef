//! `factdeck man [--dir DIR [--force]]`: man pages generated from the same clap definitions
//! as `--help`.
//!
//! Into a directory, as `new`, `draft --out` and `import --out` write decks: a page already
//! there is refused (all of them are looked at before any is written) unless `--force`, and
//! a symlink is never followed: without `--force` it counts as a file that exists, with it
//! the link itself is replaced by the page.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::exit;
use crate::term::visible_path;

pub fn run(args: ManArgs) -> Result<u8> {
    let cmd = Cli::command();
    let Some(dir) = args.dir else {
        let mut out = std::io::stdout().lock();
        clap_mangen::Man::new(cmd)
            .render(&mut out)
            .context("writing the man page")?;
        out.flush().context("writing the man page")?;
        return Ok(exit::OK);
    };
    if dir.exists() && !dir.is_dir() {
        return Err(exit::usage(format!(
            "--dir {} is a file; give a directory for the man pages",
            visible_path(&dir)
        )));
    }
    let pages = pages(cmd).context("rendering the man pages")?;
    let targets: Vec<PathBuf> = pages.iter().map(|(name, _)| dir.join(name)).collect();
    if !args.force {
        let there: Vec<String> = targets
            .iter()
            .filter(|t| t.symlink_metadata().is_ok())
            .map(|t| visible_path(t))
            .collect();
        if !there.is_empty() {
            bail!(
                "{} already there; nothing was written: pass --force to replace {} (a symlink \
                 is replaced, not followed), or choose another --dir",
                there.join(", "),
                if there.len() == 1 { "it" } else { "them" }
            );
        }
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", visible_path(&dir)))?;
    for ((_, page), target) in pages.iter().zip(&targets) {
        write_page(target, page, args.force)
            .with_context(|| format!("writing {}", visible_path(target)))?;
    }
    eprintln!(
        "wrote {} man pages into {}",
        pages.len(),
        visible_path(&dir)
    );
    Ok(exit::OK)
}

/// Every page clap_mangen's `generate_to` would write, and one per guide, as (file name,
/// roff), rendered in memory first.
fn pages(cmd: clap::Command) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn collect(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            collect(sub, out)?;
        }
        let man = clap_mangen::Man::new(cmd);
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        out.push((man.get_filename(), roff));
        Ok(())
    }
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    collect(cmd, &mut out)?;
    // The guides of `factdeck help TOPIC`, as section 7 pages.
    for topic in crate::help::TOPICS {
        let (name, roff) = crate::help::to_roff(topic, env!("CARGO_PKG_VERSION"));
        out.push((name, roff.into_bytes()));
    }
    Ok(out)
}

/// A new file, never through a symlink. With `replace`, a temporary file beside the target
/// is renamed over it: the rename replaces a symlink itself, not what it points to.
fn write_page(target: &Path, page: &[u8], replace: bool) -> std::io::Result<()> {
    let create = |path: &Path| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        file.write_all(page)
    };
    if !replace {
        return create(target);
    }
    let mut temp = target.as_os_str().to_owned();
    temp.push(format!(".factdeck-{}.tmp", std::process::id()));
    let temp = PathBuf::from(temp);
    create(&temp)
        .and_then(|()| std::fs::rename(&temp, target))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
}
