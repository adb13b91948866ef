//! The hub: a PostgreSQL database shared by a class (or by one learner's devices), reached
//! with the synchronous `postgres` client over TLS.
//!
//! - `connect`: the URL (libpq's form), the password from `PGPASSWORD` or `~/.pgpass`
//!   (`pgpass`), TLS (`tls`, with rustls), and a deadline so that a hub that is down is said
//!   in seconds.
//! - `schema`: versioned migrations, group roles and row-level security; `init` applies them
//!   and creates a role per learner and per teacher.
//! - `push` and `pull`: one learner's rows to and from the hub (what `sync` orchestrates).
//! - `report`: the counts behind `factdeck class report`.
//!
//! The local store never waits for the hub: only `factdeck sync`, `hub` and `class` connect.

mod connect;
mod error;
mod init;
mod pgpass;
mod pull;
mod push;
mod report;
mod schema;
mod tls;

use uuid::Uuid;

pub use connect::{CONNECT_TIMEOUT, HubUrl};
pub use error::HubError;
pub use init::Initialized;
pub use pull::Pulled;
pub use push::{Push, Pushed};
pub use report::{ClassCounts, ItemCount, LearnerCount, ReportScope, WrongOption};
pub use schema::{LEARNER_GROUP, TEACHER_GROUP, latest_hub_version};

/// An open connection to a hub.
pub struct Hub {
    client: postgres::Client,
    /// `user@host:port/database`, for messages.
    name: String,
    user: String,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Who is asking, so that a refusal can say what is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Learner,
    Teacher,
}

impl Hub {
    /// `user@host:port/database`
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The role this connection logged in as.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The hub's id, after checking it has this factdeck's schema version and that the role
    /// may use it as `role`.
    pub fn check(&mut self, role: Role) -> Result<Uuid, HubError> {
        let exists: bool = self
            .client
            .query_one("SELECT to_regclass('factdeck.hub') IS NOT NULL", &[])
            .map_err(|e| self.refused(&e, role))?
            .get(0);
        if !exists {
            return Err(HubError::NotInitialized {
                hub: self.name.clone(),
            });
        }
        let row = self
            .client
            .query_one("SELECT id, version FROM factdeck.hub", &[])
            .map_err(|e| self.refused(&e, role))?;
        let (id, found): (Uuid, i32) = (row.get(0), row.get(1));
        let known = latest_hub_version();
        if found < known {
            return Err(HubError::TooOld {
                hub: self.name.clone(),
                found,
                known,
            });
        }
        if found > known {
            return Err(HubError::TooNew {
                hub: self.name.clone(),
                found,
                known,
            });
        }
        Ok(id)
    }

    fn error(&self, e: &postgres::Error) -> HubError {
        HubError::postgres(&self.name, e)
    }

    /// A failure, read as a missing role when PostgreSQL says the privilege is lacking.
    fn refused(&self, e: &postgres::Error, role: Role) -> HubError {
        let denied = e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE);
        let (hub, user) = (self.name.clone(), self.user.clone());
        match (denied, role) {
            (true, Role::Learner) => HubError::NotALearner { hub, user },
            (true, Role::Teacher) => HubError::NotATeacher { hub, user },
            (false, _) => self.error(e),
        }
    }
}
