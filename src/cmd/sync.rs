//! `factdeck sync [--hub URL]`: merge this device's history with the hub's.

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::SyncArgs;
use crate::config::Config;
use crate::hub::HubError;
use crate::learner::Learner;
use crate::paths::DataDir;
use crate::srs::{Retention, Scheduler};
use crate::store::Store;
use crate::sync::{Synced, sync};
use crate::words::counted;

pub fn run(args: SyncArgs, data_dir: Option<PathBuf>, learner: Option<String>) -> Result<u8> {
    let dir = DataDir::resolve(data_dir)?;
    let config = Config::load(&dir)?;
    let learner = Learner::resolve(learner.as_deref(), &config)?;
    let url = super::hub::hub_url(args.hub, &config)?;
    if let Some(user) = url.user().filter(|u| *u != learner.as_str()) {
        return Err(HubError::NotTheLearner {
            user: user.to_owned(),
            learner: learner.to_string(),
        }
        .into());
    }
    // The hub first: when it cannot be reached, the store is not even opened.
    let mut hub = url.or_user(learner.as_str()).connect()?;
    let mut store = Store::open(dir.store())?;
    // Each rating is replayed with the retention it was made with; this one is unused.
    let scheduler = Scheduler::local(Retention::default());
    let synced = sync(&mut store, &mut hub, &learner, &scheduler)?;
    println!("{}", summary(&synced));
    Ok(crate::exit::OK)
}

/// "sent 120 answers, received 45 from 1 other device".
fn summary(synced: &Synced) -> String {
    let sent = usize::try_from(synced.sent.answers).unwrap_or(usize::MAX);
    let received = synced.received.answers;
    let devices = synced.devices().len();
    let mut text = format!("sent {}", counted(sent, "answer"));
    match received {
        0 => text.push_str(", received none"),
        n => text.push_str(&format!(
            ", received {} from {}",
            counted(n, "answer"),
            counted(devices, "other device")
        )),
    }
    if synced.is_noop() {
        text.push_str(" (already in step with the hub)");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_what_moved() {
        let mut synced = Synced::default();
        synced.sent.answers = 120;
        synced.received.answers = 45;
        synced.received.devices.insert(uuid::Uuid::nil());
        assert_eq!(
            summary(&synced),
            "sent 120 answers, received 45 answers from 1 other device"
        );
        assert_eq!(
            summary(&Synced::default()),
            "sent 0 answers, received none (already in step with the hub)"
        );
    }
}
