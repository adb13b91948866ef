//! `factdeck hub init --hub URL [--learners NAME,...] [--teachers NAME,...]`, and the hub URL
//! that `sync` and `class` share.

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{HubArgs, HubCommand, HubUrlArg};
use crate::config::Config;
use crate::hub::{HubError, HubUrl};
use crate::learner::{Learner, login_name};
use crate::paths::DataDir;
use crate::words::counted;

pub fn run(args: HubArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let HubCommand::Init(init) = args.command;
    let config = Config::load(&DataDir::resolve(data_dir)?)?;
    let names = |list: &[String]| -> Result<Vec<Learner>> {
        Ok(list
            .iter()
            .map(|n| Learner::parse(n.trim()))
            .collect::<Result<_, _>>()?)
    };
    let (learners, teachers) = (names(&init.learners)?, names(&init.teachers)?);
    let url = url_or_login(init.hub, &config)?;
    let mut hub = url.connect()?;
    let done = hub.init(&learners, &teachers, &crate::class::choice_forms())?;
    match done.from == done.to {
        true => println!("The hub {} is at schema version {}.", hub.name(), done.to),
        false => println!(
            "The hub {} is now at schema version {} (was {}).",
            hub.name(),
            done.to,
            done.from
        ),
    }
    if !done.new_roles.is_empty() {
        println!(
            "Created {}: {}. Give each a password (psql: \\password NAME); factdeck never \
             handles one.",
            counted(done.new_roles.len(), "role"),
            done.new_roles.join(", ")
        );
    }
    if url.remote_without_tls() {
        println!("Note: the URL does not say sslmode=require; add it when the hub is remote.");
    }
    Ok(crate::exit::OK)
}

/// The hub's URL from the flag (or `FACTDECK_HUB`), else the config file.
pub(super) fn hub_url(arg: HubUrlArg, config: &Config) -> Result<HubUrl, HubError> {
    arg.hub
        .or_else(|| config.hub.clone())
        .filter(|u| !u.trim().is_empty())
        .ok_or(HubError::NoUrl)?
        .parse()
}

/// The URL, logging in as the login name when it names no user (libpq's default).
pub(super) fn url_or_login(arg: HubUrlArg, config: &Config) -> Result<HubUrl, HubError> {
    let url = hub_url(arg, config)?;
    Ok(match login_name() {
        Some(name) => url.or_user(&name),
        None => url,
    })
}
