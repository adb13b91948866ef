//! What has been answered so far, shared with the Ctrl-C handler so that it can finish the
//! session and print a summary from another thread.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::grade::Verdict;
use crate::question::Question;
use crate::store::{AnswerId, SessionId};

/// One question as asked and answered.
#[derive(Debug, Clone)]
pub struct Answered {
    /// Index of the deck in the quiz's pool.
    pub deck: usize,
    pub answer_id: AnswerId,
    pub question: Question,
    pub given: String,
    pub verdict: Verdict,
    /// The person said "I was right".
    pub overridden: bool,
}

impl Answered {
    /// Earns a point: correct, close, or overridden (the store's rule).
    pub fn credited(&self) -> bool {
        self.verdict.is_accepted() || self.overridden
    }
}

/// The answers of one session, in order.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    /// The session's row, once the first answer has created it.
    pub session: Option<SessionId>,
    pub answered: Vec<Answered>,
    pub score: u32,
}

impl Progress {
    pub fn total(&self) -> u32 {
        u32::try_from(self.answered.len()).unwrap_or(u32::MAX)
    }
}

/// [`Progress`] behind a mutex that survives a panic elsewhere (a poisoned lock still holds
/// good data: every update below is a single step).
#[derive(Debug, Clone, Default)]
pub struct SharedProgress {
    progress: Arc<Mutex<Progress>>,
    /// Held from an answer's commit until `progress` shows it, and by the Ctrl-C farewell
    /// before it reads `progress`: the farewell never sees a committed answer missing (nor
    /// a session already in the store without its id).
    recording: Arc<Mutex<()>>,
}

impl SharedProgress {
    fn lock(&self) -> MutexGuard<'_, Progress> {
        self.progress
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Held while an answer is committed and added to the progress (see `recording`).
    pub fn recording(&self) -> MutexGuard<'_, ()> {
        self.recording
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn snapshot(&self) -> Progress {
        self.lock().clone()
    }

    pub fn set_session(&self, id: SessionId) {
        self.lock().session = Some(id);
    }

    pub fn session(&self) -> Option<SessionId> {
        self.lock().session
    }

    pub fn push(&self, answered: Answered) {
        let mut p = self.lock();
        p.score += u32::from(answered.credited());
        p.answered.push(answered);
    }

    pub fn last(&self) -> Option<Answered> {
        self.lock().answered.last().cloned()
    }

    /// Marks an answer as overridden, crediting it if it was not already.
    pub fn set_overridden(&self, id: AnswerId) {
        let mut p = self.lock();
        let mut gained = 0;
        if let Some(a) = p.answered.iter_mut().find(|a| a.answer_id == id) {
            if !a.credited() {
                gained = 1;
            }
            a.overridden = true;
        }
        p.score += gained;
    }
}
