//! What sync needs of the local store beyond reading changes: this device's identity, the
//! watermark of each hub, and taking in rows recorded on other devices, with the memory of
//! every fact they touch replayed from the merged log, all in one transaction.

use std::collections::{BTreeSet, HashSet};

use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::changes::{Log, SyncedAnswer, SyncedReview, SyncedSession, SyncedTable, own_device};
use super::review::{PastReview, past_reviews, upsert_memory};
use super::schema::{seed_to_sql, to_ms};
use super::{Store, StoreResult};
use crate::srs::Memory;

/// This store as a device: its id, and the learner it syncs as (set by its first sync).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub id: Uuid,
    pub learner: Option<String>,
}

/// What taking in other devices' rows did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Received {
    pub sessions: usize,
    /// Answers new here or changed (an override).
    pub answers: usize,
    pub reviews: usize,
    pub deleted: usize,
    /// The devices they came from.
    pub devices: BTreeSet<Uuid>,
    /// Facts whose memory was replayed.
    pub replayed: usize,
}

impl Store {
    pub fn device(&self) -> StoreResult<Device> {
        let run = || -> rusqlite::Result<Device> {
            let learner = self
                .conn
                .query_row("SELECT learner FROM device", [], |r| r.get(0))?;
            Ok(Device {
                id: own_device(&self.conn)?,
                learner,
            })
        };
        run().map_err(|e| self.error(e))
    }

    /// Records the learner this store syncs as.
    pub fn set_learner(&mut self, learner: &str) -> StoreResult<()> {
        self.write(|tx| tx.execute("UPDATE device SET learner = ?1", [learner]))
            .map(drop)
    }

    /// How far this store has received the hub's rows (0: nothing yet).
    pub fn pulled_seq(&self, hub: Uuid) -> StoreResult<i64> {
        self.conn
            .query_row(
                "SELECT pulled_seq FROM sync_hubs WHERE hub = ?1",
                [hub.to_string()],
                |r| r.get(0),
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.error(e))
    }

    /// Moves the hub's watermark forward (never back).
    pub fn set_pulled_seq(&mut self, hub: Uuid, seq: i64) -> StoreResult<()> {
        self.write(|tx| set_watermark(tx, hub, seq))
    }

    /// Takes in rows other devices recorded, up to the hub's sequence `through`: inserts or
    /// updates them by uid, applies deletions, replays the memory of every fact whose ratings
    /// changed with `replay` (ratings in `REPLAY_ORDER`, cram excluded), and moves the
    /// watermark, in one transaction: a sync killed here leaves the store as it was.
    pub fn receive(
        &mut self,
        hub: Uuid,
        through: i64,
        log: &Log,
        replay: impl Fn(&[PastReview]) -> Option<Memory>,
    ) -> StoreResult<Received> {
        self.write(|tx| {
            let mut received = Received::default();
            let mut touched = HashSet::new();
            for s in &log.sessions {
                received.sessions += upsert_session(tx, s)?;
                received.devices.insert(s.device);
            }
            for a in &log.answers {
                received.answers += upsert_answer(tx, a)?.ok_or_else(|| orphan("answer", a.uid))?;
                received.devices.insert(a.device);
            }
            for r in &log.reviews {
                let changed = upsert_review(tx, r)?.ok_or_else(|| orphan("rating", r.uid))?;
                if changed > 0 {
                    touched.insert((r.deck_id.clone(), r.fact_id.clone()));
                }
                received.reviews += changed;
                received.devices.insert(r.device);
            }
            // Ratings before their answers, answers before their sessions.
            for table in [
                SyncedTable::Reviews,
                SyncedTable::Answers,
                SyncedTable::Sessions,
            ] {
                for d in log.deleted.iter().filter(|d| d.table == table) {
                    let fact = delete(tx, d.table, d.uid)?;
                    received.deleted += usize::from(fact.is_some());
                    if let Some(Some(fact)) = fact {
                        touched.insert(fact);
                    }
                }
            }
            if !touched.is_empty() {
                tx.execute("UPDATE device SET tick = tick + 1", [])?;
            }
            for (deck, fact) in &touched {
                match replay(&past_reviews(tx, deck, fact)?) {
                    Some(memory) => {
                        upsert_memory(tx, deck, fact, &memory)?;
                        // Sent to the hub with the next push, for the teachers' report.
                        tx.prepare_cached(
                            "UPDATE memory SET tick = (SELECT tick FROM device)
                             WHERE deck_id = ?1 AND fact_id = ?2",
                        )?
                        .execute([deck, fact])?;
                    }
                    None => {
                        tx.execute(
                            "DELETE FROM memory WHERE deck_id = ?1 AND fact_id = ?2",
                            [deck, fact],
                        )?;
                    }
                }
            }
            received.replayed = touched.len();
            set_watermark(tx, hub, through)?;
            Ok(received)
        })
    }
}

/// A row that arrived without the row it belongs to: the hub's data is inconsistent, and
/// nothing is taken in (an error inside the transaction rolls it back).
#[derive(Debug, thiserror::Error)]
#[error("the hub sent a {what} ({uid}) without the row it belongs to; nothing was taken in")]
struct Orphan {
    what: &'static str,
    uid: Uuid,
}

fn orphan(what: &'static str, uid: Uuid) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(Orphan { what, uid }))
}

fn set_watermark(tx: &Transaction<'_>, hub: Uuid, seq: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO sync_hubs (hub, pulled_seq) VALUES (?1, ?2)
         ON CONFLICT DO UPDATE SET pulled_seq = max(pulled_seq, excluded.pulled_seq)",
        params![hub.to_string(), seq],
    )
    .map(drop)
}

/// Inserts or updates a session recorded elsewhere; 1 if anything changed. Rows recorded
/// here are never overwritten.
fn upsert_session(tx: &Transaction<'_>, s: &SyncedSession) -> rusqlite::Result<usize> {
    tx.prepare_cached(
        "INSERT INTO sessions (uid, device, deck_id, deck_hash, mode, seed, started_at,
             ended_at, last_answer_at, interrupted, score, total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (uid) DO UPDATE SET ended_at = excluded.ended_at,
             last_answer_at = excluded.last_answer_at, interrupted = excluded.interrupted,
             score = excluded.score, total = excluded.total
         WHERE sessions.device IS NOT NULL AND (ended_at IS NOT excluded.ended_at
             OR last_answer_at IS NOT excluded.last_answer_at
             OR interrupted IS NOT excluded.interrupted OR score IS NOT excluded.score
             OR total IS NOT excluded.total)",
    )?
    .execute(params![
        s.uid.to_string(),
        s.device.to_string(),
        s.deck_id,
        s.deck_hash,
        s.mode.as_str(),
        seed_to_sql(s.seed),
        to_ms(s.started_at),
        s.ended_at.map(to_ms),
        s.last_answer_at.map(to_ms),
        s.interrupted,
        s.score,
        s.total,
    ])
}

/// Inserts or updates an answer recorded elsewhere; `None` if its session is not here.
fn upsert_answer(tx: &Transaction<'_>, a: &SyncedAnswer) -> rusqlite::Result<Option<usize>> {
    let changed = tx
        .prepare_cached(
            "INSERT INTO answers (session_id, uid, device, seq, deck_id, fact_id, kind, form,
                 prompt, given, expected, verdict, overridden, response_ms, answered_at)
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
             FROM sessions WHERE uid = ?1
             ON CONFLICT (uid) DO UPDATE SET verdict = excluded.verdict,
                 overridden = excluded.overridden
             WHERE answers.device IS NOT NULL AND (verdict IS NOT excluded.verdict
                 OR overridden IS NOT excluded.overridden)",
        )?
        .execute(params![
            a.session.to_string(),
            a.uid.to_string(),
            a.device.to_string(),
            a.seq,
            a.deck_id,
            a.fact_id,
            a.kind.as_str(),
            a.form,
            a.prompt,
            a.given,
            a.expected,
            a.verdict.as_str(),
            a.overridden,
            a.response_ms,
            to_ms(a.answered_at),
        ])?;
    if changed > 0 {
        return Ok(Some(changed));
    }
    // Nothing changed: the answer is here as it was, or its session is missing.
    exists(tx, "answers", a.uid).map(|here| here.then_some(0))
}

/// Inserts or updates a rating recorded elsewhere; `None` if its answer is not here.
fn upsert_review(tx: &Transaction<'_>, r: &SyncedReview) -> rusqlite::Result<Option<usize>> {
    let changed = tx
        .prepare_cached(
            "INSERT INTO reviews (answer_id, uid, device, seq, deck_id, fact_id, rating, source,
                 retention, was_due, reviewed_at)
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11
             FROM answers WHERE uid = ?1
             ON CONFLICT (uid) DO UPDATE SET rating = excluded.rating
             WHERE reviews.device IS NOT NULL AND rating IS NOT excluded.rating",
        )?
        .execute(params![
            r.answer.to_string(),
            r.uid.to_string(),
            r.device.to_string(),
            r.seq,
            r.deck_id,
            r.fact_id,
            r.rating.number(),
            r.source.as_str(),
            r.retention,
            r.was_due,
            to_ms(r.reviewed_at),
        ])?;
    if changed > 0 {
        return Ok(Some(changed));
    }
    exists(tx, "reviews", r.uid).map(|here| here.then_some(0))
}

fn exists(tx: &Transaction<'_>, table: &str, uid: Uuid) -> rusqlite::Result<bool> {
    tx.prepare_cached(&format!("SELECT 1 FROM {table} WHERE uid = ?1"))?
        .query_row([uid.to_string()], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// Deletes a row recorded elsewhere: `None` if it was not here; for a rating, the fact
/// whose memory must be replayed.
fn delete(
    tx: &Transaction<'_>,
    table: SyncedTable,
    uid: Uuid,
) -> rusqlite::Result<Option<Option<(String, String)>>> {
    let uid = uid.to_string();
    match table {
        SyncedTable::Reviews => tx
            .prepare_cached(
                "DELETE FROM reviews WHERE uid = ?1 AND device IS NOT NULL
                 RETURNING deck_id, fact_id",
            )?
            .query_row([uid], |r| Ok(Some((r.get(0)?, r.get(1)?))))
            .optional(),
        SyncedTable::Answers | SyncedTable::Sessions => {
            let sql = format!(
                "DELETE FROM {} WHERE uid = ?1 AND device IS NOT NULL",
                table.as_str()
            );
            let rows = tx.prepare_cached(&sql)?.execute([uid])?;
            Ok((rows > 0).then_some(None))
        }
    }
}

#[cfg(test)]
mod tests;
