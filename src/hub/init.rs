//! `factdeck hub init`: create or upgrade the hub's schema, in one transaction, and a login
//! role per learner and per teacher in the group roles the policies name.

use postgres::Transaction;
use postgres::error::SqlState;

use super::schema::{HUB_MIGRATIONS, LEARNER_GROUP, TEACHER_GROUP, latest_hub_version};
use super::{Hub, HubError};
use crate::learner::Learner;

/// What `init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialized {
    /// The schema version before and after.
    pub from: i32,
    pub to: i32,
    /// Roles that did not exist before.
    pub new_roles: Vec<String>,
}

/// Serialises concurrent inits of one database (any constant both sides agree on).
const INIT_LOCK: i64 = 0x4644_4B31;

const GROUP_ROLES: &str = "
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'factdeck_learner') THEN
        CREATE ROLE factdeck_learner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'factdeck_teacher') THEN
        CREATE ROLE factdeck_teacher NOLOGIN;
    END IF;
END $$;";

impl Hub {
    /// Brings the schema to this factdeck's version and makes sure every learner and teacher
    /// has a login role in its group (passwords are left to the administrator).
    /// `choice_forms` are the question forms whose wrong answers are options, for the
    /// report's wrong-option counts.
    pub fn init(
        &mut self,
        learners: &[Learner],
        teachers: &[Learner],
        choice_forms: &[String],
    ) -> Result<Initialized, HubError> {
        let (hub, user) = (self.name.clone(), self.user.clone());
        let fail = |e: postgres::Error| match e.code() {
            Some(&SqlState::INSUFFICIENT_PRIVILEGE) => HubError::NotAllowed {
                hub: hub.clone(),
                user: user.clone(),
                what: "create the hub's roles and schema",
            },
            _ => HubError::postgres(&hub, &e),
        };
        let mut tx = self.client.transaction().map_err(fail)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])
            .map_err(fail)?;
        tx.batch_execute(GROUP_ROLES).map_err(fail)?;
        let from = version(&mut tx).map_err(fail)?;
        let to = latest_hub_version();
        if from > to {
            return Err(HubError::TooNew {
                hub: self.name.clone(),
                found: from,
                known: to,
            });
        }
        let done = usize::try_from(from).unwrap_or(usize::MAX);
        for sql in HUB_MIGRATIONS.iter().skip(done) {
            tx.batch_execute(sql).map_err(fail)?;
        }
        tx.execute("UPDATE factdeck.hub SET version = $1", &[&to])
            .map_err(fail)?;
        tx.execute(
            "INSERT INTO factdeck.choice_forms SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
            &[&choice_forms],
        )
        .map_err(fail)?;
        let mut new_roles = Vec::new();
        for learner in learners {
            if ensure_role(&mut tx, learner.as_str(), LEARNER_GROUP).map_err(fail)? {
                new_roles.push(learner.to_string());
            }
            tx.execute(
                "INSERT INTO factdeck.learners (name) VALUES ($1) ON CONFLICT DO NOTHING",
                &[&learner.as_str()],
            )
            .map_err(fail)?;
        }
        for teacher in teachers {
            if ensure_role(&mut tx, teacher.as_str(), TEACHER_GROUP).map_err(fail)? {
                new_roles.push(teacher.to_string());
            }
        }
        tx.commit().map_err(fail)?;
        Ok(Initialized {
            from,
            to,
            new_roles,
        })
    }
}

/// The schema version: 0 before the first migration.
fn version(tx: &mut Transaction<'_>) -> Result<i32, postgres::Error> {
    let exists: bool = tx
        .query_one("SELECT to_regclass('factdeck.hub') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    Ok(tx
        .query_one("SELECT version FROM factdeck.hub", &[])?
        .get(0))
}

/// Creates a login role `name` if there is none, and puts it in `group`; true if created.
/// `name` is a checked `Learner` name, quoted all the same.
fn ensure_role(tx: &mut Transaction<'_>, name: &str, group: &str) -> Result<bool, postgres::Error> {
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    let exists = tx
        .query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&name])?
        .is_some();
    if !exists {
        tx.batch_execute(&format!("CREATE ROLE {quoted} LOGIN"))?;
    }
    tx.batch_execute(&format!("GRANT {group} TO {quoted}"))?;
    Ok(!exists)
}
