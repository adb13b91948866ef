//! The schema, as a list of migrations keyed on `PRAGMA user_version`.
//!
//! Migration N (1-based) takes a store from version N-1 to N. To change the schema, append a
//! migration; never edit one that has shipped. Migration 2 adds spaced repetition: the
//! `memory` table (one row per deck and fact) and `reviews` (the rating behind each answer
//! that was scheduled or crammed).
//!
//! Conventions: times are INTEGER milliseconds since the Unix epoch, UTC (compact, and
//! ranges and durations are plain arithmetic); enums are their lower-case names as TEXT;
//! `seed` is the u64 seed's bit pattern as a signed INTEGER.

use jiff::Timestamp;

/// `PRAGMA application_id`: marks the file as a factdeck store ("FDK1").
pub const APPLICATION_ID: i64 = 0x4644_4B31;

pub const MIGRATIONS: &[&str] = &[V1, V2, V3];

/// The schema version this program writes; a store with a higher one is refused.
pub fn latest_version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}

const V1: &str = "
CREATE TABLE sessions (
    id             INTEGER PRIMARY KEY,
    deck_id        TEXT    NOT NULL,
    deck_hash      TEXT    NOT NULL,
    mode           TEXT    NOT NULL,
    seed           INTEGER NOT NULL,
    started_at     INTEGER NOT NULL,
    -- NULL until finish_session: a session killed mid-quiz keeps NULL.
    ended_at       INTEGER,
    last_answer_at INTEGER,
    interrupted    INTEGER NOT NULL DEFAULT 0,
    -- Kept up to date with every answer, so a killed session still shows its progress.
    score          INTEGER NOT NULL DEFAULT 0,
    total          INTEGER NOT NULL DEFAULT 0
) STRICT;
-- Both list total too, so the streak walks the index alone.
CREATE INDEX sessions_by_start ON sessions (started_at, total);
CREATE INDEX sessions_by_deck ON sessions (deck_id, started_at, total);

CREATE TABLE answers (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    -- Copied from the session so per-fact statistics need no join.
    deck_id     TEXT    NOT NULL,
    fact_id     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    form        TEXT    NOT NULL,
    prompt      TEXT    NOT NULL,
    given       TEXT    NOT NULL,
    expected    TEXT    NOT NULL,
    verdict     TEXT    NOT NULL,
    overridden  INTEGER NOT NULL DEFAULT 0,
    response_ms INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    -- The rule of record::credited, in SQL.
    credited    INTEGER NOT NULL GENERATED ALWAYS AS (verdict IN ('correct', 'close') OR overridden) VIRTUAL
) STRICT;
CREATE INDEX answers_by_session ON answers (session_id);
-- Covers `history --since`: a range scan of the answers given since then. It lists verdict
-- and overridden, not credited: SQLite does not treat an index holding a generated column as
-- covering, and would read every row from the table.
CREATE INDEX answers_by_time
    ON answers (answered_at, deck_id, fact_id, kind, form, verdict, overridden);

-- Running totals per fact and question form, kept by the triggers below in the same
-- transaction as each answer, so the history of a million answers reads a few hundred rows.
CREATE TABLE fact_form_totals (
    deck_id          TEXT    NOT NULL,
    fact_id          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    form             TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    correct          INTEGER NOT NULL,
    last_answered_at INTEGER NOT NULL,
    last_prompt      TEXT    NOT NULL,
    PRIMARY KEY (deck_id, fact_id, kind, form)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER answers_count AFTER INSERT ON answers BEGIN
    INSERT INTO fact_form_totals VALUES (NEW.deck_id, NEW.fact_id, NEW.kind, NEW.form, 1,
        NEW.verdict IN ('correct', 'close') OR NEW.overridden, NEW.answered_at, NEW.prompt)
    ON CONFLICT DO UPDATE SET
        attempts = attempts + 1,
        correct = correct + excluded.correct,
        last_prompt = iif(excluded.last_answered_at >= last_answered_at,
            excluded.last_prompt, last_prompt),
        last_answered_at = max(last_answered_at, excluded.last_answered_at);
END;

CREATE TRIGGER answers_recount AFTER UPDATE OF verdict, overridden ON answers BEGIN
    UPDATE fact_form_totals
    SET correct = correct + (NEW.verdict IN ('correct', 'close') OR NEW.overridden)
                          - (OLD.verdict IN ('correct', 'close') OR OLD.overridden)
    WHERE deck_id = NEW.deck_id AND fact_id = NEW.fact_id AND kind = NEW.kind
      AND form = NEW.form;
END;

CREATE TRIGGER answers_uncount AFTER DELETE ON answers BEGIN
    UPDATE fact_form_totals
    SET attempts = attempts - 1, correct = correct - (OLD.verdict IN ('correct', 'close') OR OLD.overridden)
    WHERE deck_id = OLD.deck_id AND fact_id = OLD.fact_id AND kind = OLD.kind
      AND form = OLD.form;
    DELETE FROM fact_form_totals
    WHERE deck_id = OLD.deck_id AND fact_id = OLD.fact_id AND kind = OLD.kind
      AND form = OLD.form AND attempts = 0;
END;
";

/// Spaced repetition (FSRS). A fact's memory is keyed on its id, so rewording it keeps the
/// progress; a fact gone from its deck is `retired` (off the schedule, history kept) and
/// comes back with its memory if the id returns. Stability and difficulty are FSRS's `f32`s,
/// stored exactly as REAL.
const V2: &str = "
CREATE TABLE memory (
    deck_id         TEXT    NOT NULL,
    fact_id         TEXT    NOT NULL,
    stability       REAL    NOT NULL,
    difficulty      REAL    NOT NULL,
    due_at          INTEGER NOT NULL,
    last_review_at  INTEGER NOT NULL,
    first_review_at INTEGER NOT NULL,
    reps            INTEGER NOT NULL,
    lapses          INTEGER NOT NULL,
    retired         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck_id, fact_id)
) STRICT, WITHOUT ROWID;
-- The forecast of `history`: due times of scheduled facts, by deck if asked.
CREATE INDEX memory_by_due ON memory (due_at, deck_id) WHERE retired = 0;

-- One row per answer that carried a rating: a flashcard (source 'review'), a quiz answer
-- ('quiz', rated from its verdict) or a flashcard off the schedule ('cram'). The memory of a
-- fact is what its 'review' and 'quiz' rows lead to, in order: an override re-rates a row
-- and replays them.
CREATE TABLE reviews (
    answer_id   INTEGER PRIMARY KEY REFERENCES answers (id),
    deck_id     TEXT    NOT NULL,
    fact_id     TEXT    NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    source      TEXT    NOT NULL,
    -- The desired retention the review was scheduled with.
    retention   REAL    NOT NULL,
    -- The fact was due that day (not new, not early): what true retention counts.
    was_due     INTEGER NOT NULL,
    reviewed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_by_fact ON reviews (deck_id, fact_id, reviewed_at);
-- Covers the true retention of `history` (flashcards of due facts, by time and deck).
CREATE INDEX reviews_recalled
    ON reviews (source, was_due, reviewed_at, deck_id, rating, retention);
";

/// Sync across devices. Sessions, answers and ratings get a UUIDv7 `uid`, laid out as RFC 9562
/// says from the row's own time and random bits, in SQL: by the migration for existing rows
/// and by a trigger for new ones, so every writer, old code paths included, gives one.
/// `device` is NULL for rows recorded here and the recording device's id for rows received
/// from the hub, where `seq` keeps that device's own order. `tick` is this device's change
/// clock: every insert or change of a row recorded here takes the next tick, so a push sends
/// exactly what changed since the hub's last acknowledged tick. Deletions leave a tombstone.
/// To keep each answer's transaction small, a session's running score and a fact's memory do
/// not tick with every answer: they are sent with the answers and ratings that changed them.
const V3: &str = "
CREATE TABLE device (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    -- This store's device id (UUIDv7).
    id      TEXT    NOT NULL,
    -- The learner this store syncs as, set by its first sync.
    learner TEXT,
    -- The change clock: the last tick given.
    tick    INTEGER NOT NULL
) STRICT;
INSERT INTO device (singleton, id, tick) VALUES (1, lower(printf('%08x-%04x-7%s-%s%s-%s', max(CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 0) >> 16, max(CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6)))), 1);

ALTER TABLE sessions ADD COLUMN uid TEXT;
ALTER TABLE sessions ADD COLUMN device TEXT;
ALTER TABLE sessions ADD COLUMN tick INTEGER;
ALTER TABLE answers ADD COLUMN uid TEXT;
ALTER TABLE answers ADD COLUMN device TEXT;
ALTER TABLE answers ADD COLUMN seq INTEGER;
ALTER TABLE answers ADD COLUMN tick INTEGER;
ALTER TABLE reviews ADD COLUMN uid TEXT;
ALTER TABLE reviews ADD COLUMN device TEXT;
ALTER TABLE reviews ADD COLUMN seq INTEGER;
ALTER TABLE reviews ADD COLUMN tick INTEGER;
ALTER TABLE memory ADD COLUMN tick INTEGER;

UPDATE sessions SET uid = lower(printf('%08x-%04x-7%s-%s%s-%s', max(started_at, 0) >> 16, max(started_at, 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6)))), tick = 1;
UPDATE answers SET uid = lower(printf('%08x-%04x-7%s-%s%s-%s', max(answered_at, 0) >> 16, max(answered_at, 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6)))), tick = 1;
UPDATE reviews SET uid = lower(printf('%08x-%04x-7%s-%s%s-%s', max(reviewed_at, 0) >> 16, max(reviewed_at, 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6)))), tick = 1;
UPDATE memory SET tick = 1;

CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid);
CREATE UNIQUE INDEX answers_by_uid ON answers (uid);
CREATE UNIQUE INDEX reviews_by_uid ON reviews (uid);
-- What a push reads: this device's rows changed since a tick.
CREATE INDEX sessions_by_tick ON sessions (tick) WHERE device IS NULL;
CREATE INDEX answers_by_tick ON answers (tick) WHERE device IS NULL;
CREATE INDEX reviews_by_tick ON reviews (tick) WHERE device IS NULL;
CREATE INDEX memory_by_tick ON memory (tick);

-- Rows recorded here and deleted since (a session left without answers): the hub is told.
CREATE TABLE sync_deleted (
    uid  TEXT    PRIMARY KEY,
    -- 'sessions', 'answers' or 'reviews'.
    tbl  TEXT    NOT NULL,
    tick INTEGER NOT NULL
) STRICT;
CREATE INDEX sync_deleted_by_tick ON sync_deleted (tick);

-- How far this store has received each hub's rows (the hub's per-learner sequence).
CREATE TABLE sync_hubs (
    hub         TEXT    PRIMARY KEY,
    pulled_seq  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER sessions_sync_new AFTER INSERT ON sessions WHEN NEW.device IS NULL BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE sessions SET uid = coalesce(NEW.uid, lower(printf('%08x-%04x-7%s-%s%s-%s', max(NEW.started_at, 0) >> 16, max(NEW.started_at, 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6))))),
        tick = (SELECT tick FROM device)
    WHERE id = NEW.id;
END;
-- A session's running score follows its answers, which are sent with it: only its end ticks.
CREATE TRIGGER sessions_sync_change AFTER UPDATE OF ended_at, interrupted ON sessions
WHEN NEW.device IS NULL BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE sessions SET tick = (SELECT tick FROM device) WHERE id = NEW.id;
END;
CREATE TRIGGER sessions_sync_gone AFTER DELETE ON sessions
WHEN OLD.device IS NULL AND OLD.uid IS NOT NULL BEGIN
    UPDATE device SET tick = tick + 1;
    INSERT OR REPLACE INTO sync_deleted VALUES (OLD.uid, 'sessions', (SELECT tick FROM device));
END;

CREATE TRIGGER answers_sync_new AFTER INSERT ON answers WHEN NEW.device IS NULL BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE answers SET uid = coalesce(NEW.uid, lower(printf('%08x-%04x-7%s-%s%s-%s', max(NEW.answered_at, 0) >> 16, max(NEW.answered_at, 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6))))),
        tick = (SELECT tick FROM device)
    WHERE id = NEW.id;
END;
CREATE TRIGGER answers_sync_change AFTER UPDATE ON answers
WHEN NEW.device IS NULL AND NEW.tick IS OLD.tick BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE answers SET tick = (SELECT tick FROM device) WHERE id = NEW.id;
END;
CREATE TRIGGER answers_sync_gone AFTER DELETE ON answers
WHEN OLD.device IS NULL AND OLD.uid IS NOT NULL BEGIN
    UPDATE device SET tick = tick + 1;
    INSERT OR REPLACE INTO sync_deleted VALUES (OLD.uid, 'answers', (SELECT tick FROM device));
END;

CREATE TRIGGER reviews_sync_new AFTER INSERT ON reviews WHEN NEW.device IS NULL BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE reviews SET uid = coalesce(NEW.uid, lower(printf('%08x-%04x-7%s-%s%s-%s', max(NEW.reviewed_at, 0) >> 16, max(NEW.reviewed_at, 0) & 65535, substr(hex(randomblob(2)), 2, 3), substr('89ab', 1 + abs(random() % 4), 1), substr(hex(randomblob(2)), 2, 3), hex(randomblob(6))))),
        tick = (SELECT tick FROM device)
    WHERE answer_id = NEW.answer_id;
END;
CREATE TRIGGER reviews_sync_change AFTER UPDATE ON reviews
WHEN NEW.device IS NULL AND NEW.tick IS OLD.tick BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE reviews SET tick = (SELECT tick FROM device) WHERE answer_id = NEW.answer_id;
END;
CREATE TRIGGER reviews_sync_gone AFTER DELETE ON reviews
WHEN OLD.device IS NULL AND OLD.uid IS NOT NULL BEGIN
    UPDATE device SET tick = tick + 1;
    INSERT OR REPLACE INTO sync_deleted VALUES (OLD.uid, 'reviews', (SELECT tick FROM device));
END;

-- A memory follows its fact's ratings, which tick; besides those, only leaving or rejoining
-- the schedule, and a replay of ratings received (`Store::receive` ticks those itself).
CREATE TRIGGER memory_sync_retired AFTER UPDATE OF retired ON memory
WHEN NEW.retired IS NOT OLD.retired BEGIN
    UPDATE device SET tick = tick + 1;
    UPDATE memory SET tick = (SELECT tick FROM device)
    WHERE deck_id = NEW.deck_id AND fact_id = NEW.fact_id;
END;
";

/// The order in which a fact's ratings are replayed into its memory: by time, then by
/// recording device (this one's id for its own rows), then by that device's own sequence, so
/// every device replays a merged log the same way.
pub const REPLAY_ORDER: &str = "reviewed_at,
    coalesce(device, (SELECT id FROM device)), coalesce(seq, answer_id)";

/// Milliseconds since the epoch, as stored.
pub fn to_ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

/// The stored milliseconds back as a timestamp; values outside jiff's range are clamped.
pub fn from_ms(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// The u64 seed's bits as SQLite's signed integer, and back.
pub fn seed_to_sql(seed: u64) -> i64 {
    i64::from_le_bytes(seed.to_le_bytes())
}

pub fn seed_from_sql(stored: i64) -> u64 {
    u64::from_le_bytes(stored.to_le_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_keep_all_64_bits() {
        for seed in [0, 1, u64::MAX, 1 << 63] {
            assert_eq!(seed_from_sql(seed_to_sql(seed)), seed);
        }
    }

    #[test]
    fn times_round_trip_at_millisecond_precision() {
        let t: Timestamp = "2026-01-05T14:03:07.123Z".parse().unwrap();
        assert_eq!(from_ms(to_ms(t)), t);
        assert_eq!(from_ms(i64::MAX), Timestamp::MAX);
    }

    #[test]
    fn every_migration_is_valid_sql() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for sql in MIGRATIONS {
            conn.execute_batch(sql).unwrap();
        }
    }
}
