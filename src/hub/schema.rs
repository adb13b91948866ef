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
    -- No foreign keys from answers and ratings: a check per row would double the cost of a
    -- push, and a device sends a session with (or before) its answers, in one transaction.
    session_uid uuid        NOT NULL,
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
-- `class report --since`: answers arrive roughly in time order, so a BRIN index (a few
-- pages for millions of rows) finds a recent range without slowing pushes.
CREATE INDEX answers_by_time ON factdeck.answers USING brin (answered_at);

-- What the class report reads without --since, kept by the statement triggers below in the
-- transaction of each push: per learner and item, the answers and points; per learner,
-- item and wrong option of a multiple-choice form, how often it was chosen.
CREATE TABLE factdeck.item_totals (
    learner          text        NOT NULL,
    deck_id          text        NOT NULL,
    fact_id          text        NOT NULL,
    kind             text        NOT NULL,
    form             text        NOT NULL,
    answers          bigint      NOT NULL,
    correct          bigint      NOT NULL,
    last_answered_at timestamptz NOT NULL,
    PRIMARY KEY (learner, deck_id, fact_id, kind, form)
);
CREATE TABLE factdeck.wrong_options (
    learner text   NOT NULL,
    deck_id text   NOT NULL,
    fact_id text   NOT NULL,
    form    text   NOT NULL,
    given   text   NOT NULL,
    times   bigint NOT NULL,
    PRIMARY KEY (learner, deck_id, fact_id, form, given)
);
-- The multiple-choice forms, as `hub init` was told them.
CREATE TABLE factdeck.choice_forms (form text PRIMARY KEY);

-- The totals follow every statement on answers: the rows it left in place count +1, those
-- it replaced −1 (an override, a deletion), all in the statement's transaction.
CREATE FUNCTION factdeck.count_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factdeck, pg_temp AS $$
BEGIN
    WITH counted AS (
        SELECT learner, deck_id, fact_id, kind, form, given, credited, answered_at, 1 AS sign
        FROM new_rows WHERE NOT deleted
    )
    INSERT INTO item_totals AS t
        SELECT learner, deck_id, fact_id, kind, form, sum(sign), sum(sign * credited::int),
            max(answered_at)
        FROM counted GROUP BY learner, deck_id, fact_id, kind, form
    ON CONFLICT (learner, deck_id, fact_id, kind, form) DO UPDATE SET
        answers = t.answers + excluded.answers, correct = t.correct + excluded.correct,
        last_answered_at = greatest(t.last_answered_at, excluded.last_answered_at);
    WITH counted AS (
        SELECT learner, deck_id, fact_id, kind, form, given, credited, answered_at, 1 AS sign
        FROM new_rows WHERE NOT deleted
    )
    INSERT INTO wrong_options AS w
        SELECT learner, deck_id, fact_id, form, given, sum(sign)
        FROM counted
        WHERE NOT credited AND form IN (SELECT form FROM choice_forms)
        GROUP BY learner, deck_id, fact_id, form, given
    ON CONFLICT (learner, deck_id, fact_id, form, given) DO UPDATE SET
        times = w.times + excluded.times;
    RETURN NULL;
END $$;
CREATE FUNCTION factdeck.count_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factdeck, pg_temp AS $$
BEGIN
    WITH counted AS (
        SELECT learner, deck_id, fact_id, kind, form, given, credited, answered_at, 1 AS sign
        FROM new_rows WHERE NOT deleted
        UNION ALL SELECT learner, deck_id, fact_id, kind, form, given, credited, answered_at, -1
        FROM old_rows WHERE NOT deleted
    )
    INSERT INTO item_totals AS t
        SELECT learner, deck_id, fact_id, kind, form, sum(sign), sum(sign * credited::int),
            max(answered_at)
        FROM counted GROUP BY learner, deck_id, fact_id, kind, form
    ON CONFLICT (learner, deck_id, fact_id, kind, form) DO UPDATE SET
        answers = t.answers + excluded.answers, correct = t.correct + excluded.correct,
        last_answered_at = greatest(t.last_answered_at, excluded.last_answered_at);
    WITH counted AS (
        SELECT learner, deck_id, fact_id, kind, form, given, credited, answered_at, 1 AS sign
        FROM new_rows WHERE NOT deleted
        UNION ALL SELECT learner, deck_id, fact_id, kind, form, given, credited, answered_at, -1
        FROM old_rows WHERE NOT deleted
    )
    INSERT INTO wrong_options AS w
        SELECT learner, deck_id, fact_id, form, given, sum(sign)
        FROM counted
        WHERE NOT credited AND form IN (SELECT form FROM choice_forms)
        GROUP BY learner, deck_id, fact_id, form, given
    ON CONFLICT (learner, deck_id, fact_id, form, given) DO UPDATE SET
        times = w.times + excluded.times;
    RETURN NULL;
END $$;
CREATE TRIGGER answers_counted AFTER INSERT ON factdeck.answers
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION factdeck.count_inserted();
CREATE TRIGGER answers_recounted AFTER UPDATE ON factdeck.answers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION factdeck.count_updated();

CREATE TABLE factdeck.reviews (
    uid         uuid             PRIMARY KEY,
    answer_uid  uuid             NOT NULL,
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
REVOKE ALL ON FUNCTION factdeck.count_inserted(), factdeck.count_updated() FROM PUBLIC;

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
