//! The hub's schema, as versioned migrations in the `factdeck` schema of its database, and
//! its security: a group role for learners, one for teachers, and row-level security.
//!
//! Migration N takes the hub from version N-1 to N; `factdeck.hub` holds the version and the
//! hub's id. Never edit a migration that has shipped: append one.
//!
//! Every row of the log carries its learner (`current_user` when it was pushed). Learners
//! read and write only their own rows; teachers read everyone's; nobody deletes (a deletion
//! on a device becomes `deleted = true`, which other devices take in). `hub_seq` orders one
//! learner's rows as they reached the hub: `learners.seq` gives the next number under a row
//! lock, so a device that has received up to N has every row up to N.

/// The group role every learner's role belongs to.
pub const LEARNER_GROUP: &str = "factdeck_learner";
/// The group role of teachers, who read the whole class.
pub const TEACHER_GROUP: &str = "factdeck_teacher";

pub const HUB_MIGRATIONS: &[&str] = &[H1];

/// The hub schema version this program writes and reads.
pub fn latest_hub_version() -> i32 {
    i32::try_from(HUB_MIGRATIONS.len()).unwrap_or(i32::MAX)
}

const H1: &str = "
CREATE SCHEMA factdeck;
GRANT USAGE ON SCHEMA factdeck TO factdeck_learner, factdeck_teacher;

CREATE TABLE factdeck.hub (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    id      uuid    NOT NULL DEFAULT gen_random_uuid(),
    version integer NOT NULL
);
INSERT INTO factdeck.hub (version) VALUES (0);

CREATE TABLE factdeck.learners (
    name text   PRIMARY KEY,
    -- The last hub_seq given to this learner's rows.
    seq  bigint NOT NULL DEFAULT 0
);

CREATE TABLE factdeck.devices (
    id          uuid        PRIMARY KEY,
    learner     text        NOT NULL DEFAULT current_user REFERENCES factdeck.learners,
    -- The device's change clock up to which the hub holds its rows.
    pushed_tick bigint      NOT NULL DEFAULT 0,
    last_sync   timestamptz
);

CREATE TABLE factdeck.sessions (
    uid            uuid        PRIMARY KEY,
    learner        text        NOT NULL DEFAULT current_user REFERENCES factdeck.learners,
    device         uuid        NOT NULL,
    hub_seq        bigint      NOT NULL,
    deleted        boolean     NOT NULL DEFAULT false,
    deck_id        text        NOT NULL,
    deck_hash      text        NOT NULL,
    mode           text        NOT NULL,
    seed           bigint      NOT NULL,
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz,
    last_answer_at timestamptz,
    interrupted    boolean     NOT NULL,
    score          integer     NOT NULL,
    total          integer     NOT NULL
);
CREATE INDEX sessions_to_pull ON factdeck.sessions (learner, hub_seq);

CREATE TABLE factdeck.answers (
    uid         uuid        PRIMARY KEY,
    session_uid uuid        NOT NULL REFERENCES factdeck.sessions,
    learner     text        NOT NULL DEFAULT current_user,
    device      uuid        NOT NULL,
    seq         bigint      NOT NULL,
    hub_seq     bigint      NOT NULL,
    deleted     boolean     NOT NULL DEFAULT false,
    deck_id     text        NOT NULL,
    fact_id     text        NOT NULL,
    kind        text        NOT NULL,
    form        text        NOT NULL,
    prompt      text        NOT NULL,
    given       text        NOT NULL,
    expected    text        NOT NULL,
    verdict     text        NOT NULL,
    overridden  boolean     NOT NULL,
    response_ms integer     NOT NULL,
    answered_at timestamptz NOT NULL,
    -- The local store's rule for a point (record::credited).
    credited    boolean     NOT NULL
        GENERATED ALWAYS AS (verdict IN ('correct', 'close') OR overridden) STORED
);
CREATE INDEX answers_to_pull ON factdeck.answers (learner, hub_seq);
-- The class report reads only these columns: an index-only scan, by deck and time.
CREATE INDEX answers_for_report ON factdeck.answers (deck_id, answered_at)
    INCLUDE (learner, fact_id, kind, form, credited, session_uid) WHERE NOT deleted;

CREATE TABLE factdeck.reviews (
    uid         uuid             PRIMARY KEY,
    answer_uid  uuid             NOT NULL REFERENCES factdeck.answers,
    learner     text             NOT NULL DEFAULT current_user,
    device      uuid             NOT NULL,
    seq         bigint           NOT NULL,
    hub_seq     bigint           NOT NULL,
    deleted     boolean          NOT NULL DEFAULT false,
    deck_id     text             NOT NULL,
    fact_id     text             NOT NULL,
    rating      smallint         NOT NULL CHECK (rating BETWEEN 1 AND 4),
    source      text             NOT NULL,
    retention   double precision NOT NULL,
    was_due     boolean          NOT NULL,
    reviewed_at timestamptz      NOT NULL
);
CREATE INDEX reviews_to_pull ON factdeck.reviews (learner, hub_seq);

-- Each learner's memory of each fact as their devices last computed it, for the report's
-- facts due. The one replayed from more ratings wins.
CREATE TABLE factdeck.memory (
    learner         text        NOT NULL DEFAULT current_user,
    deck_id         text        NOT NULL,
    fact_id         text        NOT NULL,
    stability       real        NOT NULL,
    difficulty      real        NOT NULL,
    due_at          timestamptz NOT NULL,
    last_review_at  timestamptz NOT NULL,
    first_review_at timestamptz NOT NULL,
    reps            integer     NOT NULL,
    lapses          integer     NOT NULL,
    retired         boolean     NOT NULL,
    PRIMARY KEY (learner, deck_id, fact_id)
);
CREATE INDEX memory_due ON factdeck.memory (due_at) INCLUDE (learner, deck_id) WHERE NOT retired;

GRANT SELECT ON factdeck.hub TO factdeck_learner, factdeck_teacher;
GRANT SELECT, UPDATE (seq) ON factdeck.learners TO factdeck_learner;
GRANT SELECT, INSERT, UPDATE ON factdeck.devices, factdeck.sessions, factdeck.answers,
    factdeck.reviews, factdeck.memory TO factdeck_learner;
GRANT SELECT ON ALL TABLES IN SCHEMA factdeck TO factdeck_teacher;

ALTER TABLE factdeck.learners ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON factdeck.learners TO factdeck_learner
    USING (name = current_user) WITH CHECK (name = current_user);
CREATE POLICY class ON factdeck.learners FOR SELECT TO factdeck_teacher USING (true);
ALTER TABLE factdeck.devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON factdeck.devices TO factdeck_learner
    USING (learner = current_user) WITH CHECK (learner = current_user);
CREATE POLICY class ON factdeck.devices FOR SELECT TO factdeck_teacher USING (true);
ALTER TABLE factdeck.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON factdeck.sessions TO factdeck_learner
    USING (learner = current_user) WITH CHECK (learner = current_user);
CREATE POLICY class ON factdeck.sessions FOR SELECT TO factdeck_teacher USING (true);
ALTER TABLE factdeck.answers ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON factdeck.answers TO factdeck_learner
    USING (learner = current_user) WITH CHECK (learner = current_user);
CREATE POLICY class ON factdeck.answers FOR SELECT TO factdeck_teacher USING (true);
ALTER TABLE factdeck.reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON factdeck.reviews TO factdeck_learner
    USING (learner = current_user) WITH CHECK (learner = current_user);
CREATE POLICY class ON factdeck.reviews FOR SELECT TO factdeck_teacher USING (true);
ALTER TABLE factdeck.memory ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON factdeck.memory TO factdeck_learner
    USING (learner = current_user) WITH CHECK (learner = current_user);
CREATE POLICY class ON factdeck.memory FOR SELECT TO factdeck_teacher USING (true);
";
