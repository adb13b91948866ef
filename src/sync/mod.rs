//! `factdeck sync`: one learner's log, merged between this device's store and the hub.
//!
//! 1. Receive: every row the learner's other devices sent after this store's watermark for
//!    the hub, taken in with one local transaction that also replays the memory of each fact
//!    they touch (`Scheduler::replay` over the merged log, in `(time, device, sequence)`
//!    order) and moves the watermark.
//! 2. Send: under the learner's lock on the hub, every row this device changed after the tick
//!    the hub acknowledged, upserted by uid, with the new tick, in one hub transaction.
//!
//! Each side commits or leaves no trace, and each step is keyed so that repeating it stores
//! nothing new: a sync killed at any point is completed by the next, with no duplicate and
//! no loss, and a sync with nothing new writes nothing anywhere.

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::hub::{Hub, HubError, Pushed, Role};
use crate::learner::Learner;
use crate::srs::Scheduler;
use crate::store::{Received, Store, StoreError};

/// What a sync moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    pub device: Uuid,
    pub sent: Pushed,
    pub received: Received,
}

impl Synced {
    /// Other devices whose rows arrived.
    pub fn devices(&self) -> &BTreeSet<Uuid> {
        &self.received.devices
    }

    /// Nothing moved either way.
    pub fn is_noop(&self) -> bool {
        let s = &self.sent;
        let r = &self.received;
        s.sessions + s.answers + s.reviews + s.memory + s.deleted == 0
            && r.sessions + r.answers + r.reviews + r.deleted == 0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(
        "this data directory syncs as learner `{recorded}` (since its first sync), not `{asked}`: \
         pass --learner {recorded}, or use another --data-dir for {asked}"
    )]
    OtherLearner { recorded: String, asked: String },
    #[error(transparent)]
    Hub(#[from] HubError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Merges this store's log with the hub's for `learner` (the role `hub` logged in as).
pub fn sync(
    store: &mut Store,
    hub: &mut Hub,
    learner: &Learner,
    scheduler: &Scheduler,
) -> Result<Synced, SyncError> {
    let device = store.device()?;
    if let Some(recorded) = device.learner.as_deref().filter(|r| *r != learner.as_str()) {
        return Err(SyncError::OtherLearner {
            recorded: recorded.to_owned(),
            asked: learner.to_string(),
        });
    }
    let hub_id = hub.check(Role::Learner)?;
    let after = store.pulled_seq(hub_id)?;
    let pulled = hub.pull(device.id, after)?;
    if device.learner.is_none() {
        store.set_learner(learner.as_str())?;
    }
    let received = match pulled.through > after {
        true => store.receive(hub_id, pulled.through, &pulled.log, |past| {
            scheduler.replay(past.iter().copied())
        })?,
        false => Received::default(),
    };
    let push = hub.begin_push(device.id)?;
    let changes = store.changes_since(push.acknowledged)?;
    let sent = push.send(&changes)?;
    // Nobody else sent anything between the receive and this push: the rows numbered since
    // are this device's own, and need not be looked at again.
    if sent.seq_before == pulled.through && sent.seq_after > pulled.through {
        store.set_pulled_seq(hub_id, sent.seq_after)?;
    }
    Ok(Synced {
        device: device.id,
        sent,
        received,
    })
}
