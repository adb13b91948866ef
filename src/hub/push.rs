//! Sending one device's changes, in one transaction: rows upserted by uid (so sending twice
//! stores once), each numbered from the learner's sequence, and the device's acknowledged
//! tick moved to what was sent. A sync killed before the commit sent nothing; after it, the
//! hub's tick says so and the next sync sends only what is newer.

use postgres::Transaction;
use postgres::types::ToSql;
use uuid::Uuid;

use super::{Hub, HubError};
use crate::store::{Changes, Deleted, SyncedTable};

/// Rows per statement: big enough to amortise the round trip, small enough to bound memory.
const CHUNK: usize = 20_000;

/// What a push stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pushed {
    pub sessions: u64,
    /// Answers new on the hub or changed (an override).
    pub answers: u64,
    pub reviews: u64,
    pub memory: u64,
    pub deleted: u64,
    /// The learner's sequence before this push, under its lock.
    pub seq_before: i64,
    /// The learner's sequence after it.
    pub seq_after: i64,
}

/// A push under way: the learner's row is locked until `send` commits or this is dropped.
pub struct Push<'a> {
    tx: Transaction<'a>,
    hub: String,
    device: Uuid,
    seq: i64,
    /// The device's change clock up to which the hub already holds its rows.
    pub acknowledged: i64,
}

impl std::fmt::Debug for Push<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Push")
            .field("hub", &self.hub)
            .field("acknowledged", &self.acknowledged)
            .finish_non_exhaustive()
    }
}

impl Hub {
    /// Starts a push for `device`: locks the learner's sequence and registers the device.
    pub fn begin_push(&mut self, device: Uuid) -> Result<Push<'_>, HubError> {
        let (hub, user) = (self.name.clone(), self.user.clone());
        let fail = |e: postgres::Error| HubError::postgres(&hub, &e);
        let mut tx = self.client.transaction().map_err(fail)?;
        let seq: i64 = tx
            .query_opt(
                "SELECT seq FROM factdeck.learners WHERE name = current_user FOR UPDATE",
                &[],
            )
            .map_err(fail)?
            .ok_or_else(|| HubError::NotALearner {
                hub: hub.clone(),
                user,
            })?
            .get(0);
        tx.execute(
            "INSERT INTO factdeck.devices (id) VALUES ($1) ON CONFLICT (id) DO NOTHING",
            &[&device],
        )
        .map_err(fail)?;
        // Row-level security hides another learner's device: the id is taken.
        let acknowledged: i64 = tx
            .query_opt(
                "SELECT pushed_tick FROM factdeck.devices WHERE id = $1",
                &[&device],
            )
            .map_err(fail)?
            .ok_or_else(|| HubError::DeviceTaken { hub: hub.clone() })?
            .get(0);
        Ok(Push {
            tx,
            hub,
            device,
            seq,
            acknowledged,
        })
    }
}

impl Push<'_> {
    /// Stores `changes` and commits. Nothing to send leaves the hub untouched.
    pub fn send(mut self, changes: &Changes) -> Result<Pushed, HubError> {
        let before = self.seq;
        let mut pushed = Pushed {
            seq_before: before,
            seq_after: before,
            ..Pushed::default()
        };
        if changes.through <= self.acknowledged {
            return Ok(pushed);
        }
        let log = &changes.log;
        let hub = self.hub.clone();
        let fail = |e: postgres::Error| HubError::postgres(&hub, &e);
        for chunk in log.sessions.chunks(CHUNK) {
            pushed.sessions += self.sessions(chunk).map_err(fail)?;
        }
        for chunk in log.answers.chunks(CHUNK) {
            pushed.answers += self.answers(chunk).map_err(fail)?;
        }
        for chunk in log.reviews.chunks(CHUNK) {
            pushed.reviews += self.reviews(chunk).map_err(fail)?;
        }
        for chunk in changes.memory.chunks(CHUNK) {
            pushed.memory += self.memory(chunk).map_err(fail)?;
        }
        for table in [
            SyncedTable::Reviews,
            SyncedTable::Answers,
            SyncedTable::Sessions,
        ] {
            let gone: Vec<&Deleted> = log.deleted.iter().filter(|d| d.table == table).collect();
            for chunk in gone.chunks(CHUNK) {
                pushed.deleted += self.delete(table, chunk).map_err(fail)?;
            }
        }
        pushed.seq_after = self.seq;
        if self.seq > before {
            self.tx
                .execute(
                    "UPDATE factdeck.learners SET seq = $1 WHERE name = current_user",
                    &[&self.seq],
                )
                .map_err(fail)?;
        }
        self.tx
            .execute(
                "UPDATE factdeck.devices SET pushed_tick = $2, last_sync = now() WHERE id = $1",
                &[&self.device, &changes.through],
            )
            .map_err(fail)?;
        self.tx.commit().map_err(fail)?;
        Ok(pushed)
    }

    /// Runs an upsert over arrays, numbering its rows from the learner's sequence.
    fn upsert(
        &mut self,
        sql: &str,
        rows: usize,
        arrays: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, postgres::Error> {
        let base = self.seq;
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&self.device, &base];
        params.extend_from_slice(arrays);
        let changed = self.tx.execute(sql, &params)?;
        self.seq += i64::try_from(rows).unwrap_or(i64::MAX);
        Ok(changed)
    }

    fn sessions(&mut self, rows: &[crate::store::SyncedSession]) -> Result<u64, postgres::Error> {
        let uid: Vec<Uuid> = rows.iter().map(|s| s.uid).collect();
        let deck: Vec<&str> = rows.iter().map(|s| s.deck_id.as_str()).collect();
        let hash: Vec<&str> = rows.iter().map(|s| s.deck_hash.as_str()).collect();
        let mode: Vec<&str> = rows.iter().map(|s| s.mode.as_str()).collect();
        let seed: Vec<i64> = rows
            .iter()
            .map(|s| i64::from_le_bytes(s.seed.to_le_bytes()))
            .collect();
        let started: Vec<jiff::Timestamp> = rows.iter().map(|s| s.started_at).collect();
        let ended: Vec<Option<jiff::Timestamp>> = rows.iter().map(|s| s.ended_at).collect();
        let last: Vec<Option<jiff::Timestamp>> = rows.iter().map(|s| s.last_answer_at).collect();
        let interrupted: Vec<bool> = rows.iter().map(|s| s.interrupted).collect();
        let score: Vec<i64> = rows.iter().map(|s| i64::from(s.score)).collect();
        let total: Vec<i64> = rows.iter().map(|s| i64::from(s.total)).collect();
        self.upsert(
            "INSERT INTO factdeck.sessions (uid, device, hub_seq, deck_id, deck_hash, mode, seed,
                 started_at, ended_at, last_answer_at, interrupted, score, total)
             SELECT u.uid, $1, $2 + u.n, u.deck, u.hash, u.mode, u.seed, u.started, u.ended,
                 u.last, u.interrupted, u.score, u.total
             FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::int8[],
                 $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::bool[],
                 $12::int8[], $13::int8[])
                 WITH ORDINALITY AS u(uid, deck, hash, mode, seed, started, ended, last,
                     interrupted, score, total, n)
             ON CONFLICT (uid) DO UPDATE SET hub_seq = excluded.hub_seq, deleted = false,
                 ended_at = excluded.ended_at, last_answer_at = excluded.last_answer_at,
                 interrupted = excluded.interrupted, score = excluded.score, total = excluded.total
             WHERE (sessions.ended_at, sessions.last_answer_at, sessions.interrupted,
                    sessions.score, sessions.total, sessions.deleted)
                IS DISTINCT FROM (excluded.ended_at, excluded.last_answer_at,
                    excluded.interrupted, excluded.score, excluded.total, false)",
            rows.len(),
            &[
                &uid,
                &deck,
                &hash,
                &mode,
                &seed,
                &started,
                &ended,
                &last,
                &interrupted,
                &score,
                &total,
            ],
        )
    }

    fn answers(&mut self, rows: &[crate::store::SyncedAnswer]) -> Result<u64, postgres::Error> {
        let uid: Vec<Uuid> = rows.iter().map(|a| a.uid).collect();
        let session: Vec<Uuid> = rows.iter().map(|a| a.session).collect();
        let seq: Vec<i64> = rows.iter().map(|a| a.seq).collect();
        let deck: Vec<&str> = rows.iter().map(|a| a.deck_id.as_str()).collect();
        let fact: Vec<&str> = rows.iter().map(|a| a.fact_id.as_str()).collect();
        let kind: Vec<&str> = rows.iter().map(|a| a.kind.as_str()).collect();
        let form: Vec<&str> = rows.iter().map(|a| a.form.as_str()).collect();
        let prompt: Vec<&str> = rows.iter().map(|a| a.prompt.as_str()).collect();
        let given: Vec<&str> = rows.iter().map(|a| a.given.as_str()).collect();
        let expected: Vec<&str> = rows.iter().map(|a| a.expected.as_str()).collect();
        let verdict: Vec<&str> = rows.iter().map(|a| a.verdict.as_str()).collect();
        let overridden: Vec<bool> = rows.iter().map(|a| a.overridden).collect();
        let response: Vec<i64> = rows.iter().map(|a| i64::from(a.response_ms)).collect();
        let at: Vec<jiff::Timestamp> = rows.iter().map(|a| a.answered_at).collect();
        self.upsert(
            "INSERT INTO factdeck.answers (uid, device, hub_seq, session_uid, seq, deck_id,
                 fact_id, kind, form, prompt, given, expected, verdict, overridden, response_ms,
                 answered_at)
             SELECT u.uid, $1, $2 + u.n, u.session, u.seq, u.deck, u.fact, u.kind, u.form,
                 u.prompt, u.given, u.expected, u.verdict, u.overridden, u.response, u.at
             FROM unnest($3::uuid[], $4::uuid[], $5::int8[], $6::text[], $7::text[],
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                 $14::bool[], $15::int8[], $16::timestamptz[])
                 WITH ORDINALITY AS u(uid, session, seq, deck, fact, kind, form, prompt, given,
                     expected, verdict, overridden, response, at, n)
             ON CONFLICT (uid) DO UPDATE SET hub_seq = excluded.hub_seq, deleted = false,
                 verdict = excluded.verdict, overridden = excluded.overridden
             WHERE (answers.verdict, answers.overridden, answers.deleted)
                IS DISTINCT FROM (excluded.verdict, excluded.overridden, false)",
            rows.len(),
            &[
                &uid,
                &session,
                &seq,
                &deck,
                &fact,
                &kind,
                &form,
                &prompt,
                &given,
                &expected,
                &verdict,
                &overridden,
                &response,
                &at,
            ],
        )
    }

    fn reviews(&mut self, rows: &[crate::store::SyncedReview]) -> Result<u64, postgres::Error> {
        let uid: Vec<Uuid> = rows.iter().map(|r| r.uid).collect();
        let answer: Vec<Uuid> = rows.iter().map(|r| r.answer).collect();
        let seq: Vec<i64> = rows.iter().map(|r| r.seq).collect();
        let deck: Vec<&str> = rows.iter().map(|r| r.deck_id.as_str()).collect();
        let fact: Vec<&str> = rows.iter().map(|r| r.fact_id.as_str()).collect();
        let rating: Vec<i16> = rows.iter().map(|r| i16::from(r.rating.number())).collect();
        let source: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
        let retention: Vec<f64> = rows.iter().map(|r| r.retention).collect();
        let was_due: Vec<bool> = rows.iter().map(|r| r.was_due).collect();
        let at: Vec<jiff::Timestamp> = rows.iter().map(|r| r.reviewed_at).collect();
        self.upsert(
            "INSERT INTO factdeck.reviews (uid, device, hub_seq, answer_uid, seq, deck_id,
                 fact_id, rating, source, retention, was_due, reviewed_at)
             SELECT u.uid, $1, $2 + u.n, u.answer, u.seq, u.deck, u.fact, u.rating, u.source,
                 u.retention, u.was_due, u.at
             FROM unnest($3::uuid[], $4::uuid[], $5::int8[], $6::text[], $7::text[],
                 $8::int2[], $9::text[], $10::float8[], $11::bool[], $12::timestamptz[])
                 WITH ORDINALITY AS u(uid, answer, seq, deck, fact, rating, source, retention,
                     was_due, at, n)
             ON CONFLICT (uid) DO UPDATE SET hub_seq = excluded.hub_seq, deleted = false,
                 rating = excluded.rating
             WHERE (reviews.rating, reviews.deleted) IS DISTINCT FROM (excluded.rating, false)",
            rows.len(),
            &[
                &uid, &answer, &seq, &deck, &fact, &rating, &source, &retention, &was_due, &at,
            ],
        )
    }

    /// Memory is not part of the log (no sequence): the one replayed from more ratings wins.
    fn memory(&mut self, rows: &[crate::store::SyncedMemory]) -> Result<u64, postgres::Error> {
        let deck: Vec<&str> = rows.iter().map(|m| m.deck_id.as_str()).collect();
        let fact: Vec<&str> = rows.iter().map(|m| m.fact_id.as_str()).collect();
        let stability: Vec<f32> = rows.iter().map(|m| m.memory.stability).collect();
        let difficulty: Vec<f32> = rows.iter().map(|m| m.memory.difficulty).collect();
        let due: Vec<jiff::Timestamp> = rows.iter().map(|m| m.memory.due).collect();
        let last: Vec<jiff::Timestamp> = rows.iter().map(|m| m.memory.last_review).collect();
        let first: Vec<jiff::Timestamp> = rows.iter().map(|m| m.memory.first_review).collect();
        let reps: Vec<i64> = rows.iter().map(|m| i64::from(m.memory.reps)).collect();
        let lapses: Vec<i64> = rows.iter().map(|m| i64::from(m.memory.lapses)).collect();
        let retired: Vec<bool> = rows.iter().map(|m| m.retired).collect();
        let params: [&(dyn ToSql + Sync); 10] = [
            &deck,
            &fact,
            &stability,
            &difficulty,
            &due,
            &last,
            &first,
            &reps,
            &lapses,
            &retired,
        ];
        self.tx.execute(
            "INSERT INTO factdeck.memory AS m (deck_id, fact_id, stability, difficulty, due_at,
                 last_review_at, first_review_at, reps, lapses, retired)
             SELECT * FROM unnest($1::text[], $2::text[], $3::float4[], $4::float4[],
                 $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::int8[],
                 $9::int8[], $10::bool[])
             ON CONFLICT (learner, deck_id, fact_id) DO UPDATE SET
                 stability = excluded.stability, difficulty = excluded.difficulty,
                 due_at = excluded.due_at, last_review_at = excluded.last_review_at,
                 first_review_at = excluded.first_review_at, reps = excluded.reps,
                 lapses = excluded.lapses, retired = excluded.retired
             WHERE (excluded.reps, excluded.last_review_at) >= (m.reps, m.last_review_at)
               AND (m.stability, m.difficulty, m.due_at, m.retired)
                   IS DISTINCT FROM (excluded.stability, excluded.difficulty, excluded.due_at,
                       excluded.retired)",
            &params,
        )
    }

    /// Marks rows deleted on this device, so other devices take the deletion in.
    fn delete(&mut self, table: SyncedTable, rows: &[&Deleted]) -> Result<u64, postgres::Error> {
        let uid: Vec<Uuid> = rows.iter().map(|d| d.uid).collect();
        let sql = format!(
            "UPDATE factdeck.{table} AS t SET deleted = true, hub_seq = $2 + d.n
             FROM unnest($3::uuid[]) WITH ORDINALITY AS d(uid, n)
             WHERE t.uid = d.uid AND t.device = $1 AND NOT t.deleted",
            table = table.as_str()
        );
        self.upsert(&sql, rows.len(), &[&uid])
    }
}
