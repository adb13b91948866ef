//! Receiving what this learner's other devices sent: every row numbered after the device's
//! watermark, read in one snapshot together with the sequence it reaches.

use std::str::FromStr;

use postgres::Row;
use uuid::Uuid;

use super::{Hub, HubError};
use crate::srs::Rating;
use crate::store::{
    Deleted, Log, SyncedAnswer, SyncedReview, SyncedSession, SyncedTable, UnknownName,
};

/// Rows received, and the learner's sequence they reach.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pulled {
    pub log: Log,
    pub through: i64,
}

impl Hub {
    /// Rows that devices other than `device` sent after `after`.
    pub fn pull(&mut self, device: Uuid, after: i64) -> Result<Pulled, HubError> {
        let (hub, user) = (self.name.clone(), self.user.clone());
        let fail = |e: postgres::Error| HubError::postgres(&hub, &e);
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(fail)?;
        let through: i64 = tx
            .query_opt(
                "SELECT seq FROM factdeck.learners WHERE name = current_user",
                &[],
            )
            .map_err(fail)?
            .ok_or_else(|| HubError::NotALearner {
                hub: hub.clone(),
                user,
            })?
            .get(0);
        let mut pulled = Pulled {
            log: Log::default(),
            through,
        };
        if through <= after {
            return Ok(pulled);
        }
        let range: [&(dyn postgres::types::ToSql + Sync); 3] = [&after, &through, &device];
        let scope = "learner = current_user AND hub_seq > $1 AND hub_seq <= $2 AND device <> $3";
        let bad = |e: Bad| e.into_hub_error(&hub);
        let log = &mut pulled.log;
        let rows = tx
            .query(
                &format!(
                    "SELECT uid, deleted, device, deck_id, deck_hash, mode, seed, started_at,
                         ended_at, last_answer_at, interrupted, score, total
                     FROM factdeck.sessions WHERE {scope} ORDER BY hub_seq"
                ),
                &range,
            )
            .map_err(fail)?;
        for row in &rows {
            match deleted(row, SyncedTable::Sessions).map_err(bad)? {
                Some(gone) => log.deleted.push(gone),
                None => log.sessions.push(session(row).map_err(bad)?),
            }
        }
        let rows = tx
            .query(
                &format!(
                    "SELECT uid, deleted, device, session_uid, seq, deck_id, fact_id, kind, form,
                         prompt, given, expected, verdict, overridden, response_ms, answered_at
                     FROM factdeck.answers WHERE {scope} ORDER BY device, seq"
                ),
                &range,
            )
            .map_err(fail)?;
        for row in &rows {
            match deleted(row, SyncedTable::Answers).map_err(bad)? {
                Some(gone) => log.deleted.push(gone),
                None => log.answers.push(answer(row).map_err(bad)?),
            }
        }
        let rows = tx
            .query(
                &format!(
                    "SELECT uid, deleted, device, answer_uid, seq, deck_id, fact_id, rating,
                         source, retention, was_due, reviewed_at
                     FROM factdeck.reviews WHERE {scope} ORDER BY device, seq"
                ),
                &range,
            )
            .map_err(fail)?;
        for row in &rows {
            match deleted(row, SyncedTable::Reviews).map_err(bad)? {
                Some(gone) => log.deleted.push(gone),
                None => log.reviews.push(review(row).map_err(bad)?),
            }
        }
        tx.commit().map_err(fail)?;
        Ok(pulled)
    }
}

/// A row the hub holds that this factdeck cannot read.
#[derive(Debug)]
enum Bad {
    Unknown(String),
    Column(postgres::Error),
}

impl From<postgres::Error> for Bad {
    fn from(e: postgres::Error) -> Bad {
        Bad::Column(e)
    }
}

impl From<UnknownName> for Bad {
    fn from(e: UnknownName) -> Bad {
        Bad::Unknown(e.to_string())
    }
}

impl Bad {
    fn into_hub_error(self, hub: &str) -> HubError {
        match self {
            Bad::Unknown(what) => HubError::Postgres {
                hub: hub.to_owned(),
                cause: format!(
                    "{what}, written by a newer factdeck on another device; upgrade factdeck"
                ),
            },
            Bad::Column(e) => HubError::postgres(hub, &e),
        }
    }
}

/// The row as a deletion, if it is one (columns 0 and 1: uid, deleted).
fn deleted(row: &Row, table: SyncedTable) -> Result<Option<Deleted>, Bad> {
    Ok(row.try_get::<_, bool>(1)?.then_some(Deleted {
        uid: row.try_get(0)?,
        table,
    }))
}

fn parse<T: FromStr<Err = UnknownName>>(row: &Row, column: usize) -> Result<T, Bad> {
    Ok(row.try_get::<_, &str>(column)?.parse()?)
}

fn count(row: &Row, column: usize) -> Result<u32, Bad> {
    Ok(u32::try_from(row.try_get::<_, i32>(column)?).unwrap_or(0))
}

fn session(row: &Row) -> Result<SyncedSession, Bad> {
    Ok(SyncedSession {
        uid: row.try_get(0)?,
        device: row.try_get(2)?,
        deck_id: row.try_get(3)?,
        deck_hash: row.try_get(4)?,
        mode: parse(row, 5)?,
        seed: u64::from_le_bytes(row.try_get::<_, i64>(6)?.to_le_bytes()),
        started_at: row.try_get(7)?,
        ended_at: row.try_get(8)?,
        last_answer_at: row.try_get(9)?,
        interrupted: row.try_get(10)?,
        score: count(row, 11)?,
        total: count(row, 12)?,
    })
}

fn answer(row: &Row) -> Result<SyncedAnswer, Bad> {
    let kind: &str = row.try_get(7)?;
    Ok(SyncedAnswer {
        uid: row.try_get(0)?,
        device: row.try_get(2)?,
        session: row.try_get(3)?,
        seq: row.try_get(4)?,
        deck_id: row.try_get(5)?,
        fact_id: row.try_get(6)?,
        kind: kind
            .parse()
            .map_err(|e: crate::deck::UnknownKind| Bad::Unknown(e.to_string()))?,
        form: row.try_get(8)?,
        prompt: row.try_get(9)?,
        given: row.try_get(10)?,
        expected: row.try_get(11)?,
        verdict: parse(row, 12)?,
        overridden: row.try_get(13)?,
        response_ms: count(row, 14)?,
        answered_at: row.try_get(15)?,
    })
}

fn review(row: &Row) -> Result<SyncedReview, Bad> {
    let number = row.try_get::<_, i16>(7)?;
    let rating = u8::try_from(number)
        .ok()
        .and_then(Rating::from_number)
        .ok_or_else(|| Bad::Unknown(format!("rating {number}")))?;
    Ok(SyncedReview {
        uid: row.try_get(0)?,
        device: row.try_get(2)?,
        answer: row.try_get(3)?,
        seq: row.try_get(4)?,
        deck_id: row.try_get(5)?,
        fact_id: row.try_get(6)?,
        rating,
        source: parse(row, 8)?,
        retention: row.try_get(9)?,
        was_due: row.try_get(10)?,
        reviewed_at: row.try_get(11)?,
    })
}
