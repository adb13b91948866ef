//! Two devices of one learner converge; a second sync moves nothing; a sync killed with
//! SIGKILL is completed by the next with no duplicate and no loss.

use factdeck::store::ScoreHistory;
use factdeck::store::StudyLog;
use std::time::{Duration, Instant};

use factdeck::store::Filter;
use predicates::str::contains;

use super::*;

fn day(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

#[test]
fn two_devices_of_one_learner_converge_to_the_same_history_and_memory() {
    let cluster = Cluster::start();
    new_hub(&cluster, "converge", "ana", "");
    let url = cluster.url_without_user("converge");
    let (laptop, phone) = (Device::new(), Device::new());
    let t = at("2026-11-02T08:00:00Z");
    laptop.study(
        t,
        &[
            ("peru", "card_typed", "Lima", true),
            ("chad", "card_typed", "Abuja", false),
        ],
    );
    phone.study(
        t + day(1),
        &[
            ("chad", "card_typed", "N'Djamena", true),
            ("fiji", "card_typed", "Suva", true),
        ],
    );
    laptop.study(t + day(3), &[("chad", "card_typed", "N'Djamena", true)]);

    laptop
        .sync("ana", &url)
        .success()
        .stdout(contains("sent 3 answers, received none"));
    phone.sync("ana", &url).success().stdout(contains(
        "sent 2 answers, received 3 answers from 1 other device",
    ));
    laptop.sync("ana", &url).success().stdout(contains(
        "sent 0 answers, received 2 answers from 1 other device",
    ));

    let (a, b) = (
        contents(&laptop.store_path()),
        contents(&phone.store_path()),
    );
    assert_eq!(a, b, "the same history, memory and totals on both devices");
    // Chad's memory is the merged log replayed: Again (laptop), Good (phone), Good (laptop).
    let expected = scheduler().replay([
        (
            Rating::Again,
            t + SignedDuration::from_secs(40),
            Retention::DEFAULT,
        ),
        (
            Rating::Good,
            t + day(1) + SignedDuration::from_secs(20),
            Retention::DEFAULT,
        ),
        (
            Rating::Good,
            t + day(3) + SignedDuration::from_secs(20),
            Retention::DEFAULT,
        ),
    ]);
    assert_eq!(laptop.store().memory(DECK, "chad").unwrap(), expected);
    assert_eq!(phone.store().memory(DECK, "chad").unwrap(), expected);
    let sessions = phone.store().sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(
        hub_count(
            &cluster,
            "converge",
            "SELECT count(*) FROM factdeck.answers"
        ),
        5
    );
    assert_eq!(
        hub_count(&cluster, "converge", "SELECT count(*) FROM factdeck.memory"),
        3,
        "one memory per fact for the report"
    );
}

#[test]
fn a_second_sync_transfers_nothing_and_changes_nothing() {
    let cluster = Cluster::start();
    new_hub(&cluster, "noop", "ana", "");
    let url = cluster.url_without_user("noop");
    let (laptop, phone) = (Device::new(), Device::new());
    let t = at("2026-11-02T08:00:00Z");
    laptop.study(t, &[("peru", "card_typed", "Lima", true)]);
    phone.study(t, &[("fiji", "card_typed", "Suva", false)]);
    laptop.sync("ana", &url).success();
    phone.sync("ana", &url).success();
    laptop.sync("ana", &url).success();

    let hub_state = |cluster: &Cluster| {
        let mut admin = cluster.admin("noop");
        let row = admin
            .query_one(
                "SELECT (SELECT seq FROM factdeck.learners),
                        (SELECT sum(pushed_tick) FROM factdeck.devices)::bigint,
                        (SELECT count(*) FROM factdeck.answers),
                        (SELECT string_agg(xmin::text, ',' ORDER BY uid) FROM factdeck.answers),
                        (SELECT string_agg(xmin::text, ',' ORDER BY fact_id) FROM factdeck.memory)",
                &[],
            )
            .unwrap();
        format!(
            "{:?} {:?} {:?} {:?} {:?}",
            row.get::<_, i64>(0),
            row.get::<_, i64>(1),
            row.get::<_, i64>(2),
            row.get::<_, Option<String>>(3),
            row.get::<_, Option<String>>(4)
        )
    };
    let before = (
        hub_state(&cluster),
        contents(&laptop.store_path()),
        contents(&phone.store_path()),
    );
    for device in [&laptop, &phone] {
        device.sync("ana", &url).success().stdout(contains(
            "sent 0 answers, received none (already in step with the hub)",
        ));
    }
    let after = (
        hub_state(&cluster),
        contents(&laptop.store_path()),
        contents(&phone.store_path()),
    );
    assert_eq!(
        before, after,
        "no row written on the hub (xmin) or on either device"
    );
}

/// Waits until the learner's role has a transaction open on the hub, then kills the sync.
fn kill_mid_transaction(cluster: &Cluster, db: &str, mut child: std::process::Child) -> bool {
    let mut admin = cluster.admin(db);
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let busy: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE usename = 'ana' AND xact_start IS NOT NULL",
                &[],
            )
            .unwrap()
            .get(0);
        if busy > 0 {
            child.kill().unwrap();
            child.wait().unwrap();
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the sync neither started a transaction nor finished");
}

fn spawn_sync(device: &Device, url: &str) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("factdeck"))
        .args(["sync", "--learner", "ana", "--hub", url])
        .env("FACTDECK_HOME", device.home())
        .env("HOME", device.home())
        .env("TZ", "UTC")
        .env_remove("PGPASSWORD")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_sync_killed_mid_transaction_is_completed_by_the_next_with_no_duplicate_or_loss() {
    let cluster = Cluster::start();
    new_hub(&cluster, "killed", "ana", "");
    let url = cluster.url_without_user("killed");
    let (laptop, phone) = (Device::new(), Device::new());
    let t = at("2026-11-02T08:00:00Z");
    // Enough answers that the push and the pull take a while.
    let facts: Vec<String> = (0..300).map(|i| format!("fact-{i}")).collect();
    for session in 0..20 {
        let answers: Vec<(&str, &str, &str, bool)> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), "card_choice", "Rome", (i + session) % 3 != 0))
            .collect();
        laptop.study(t + day(i64::try_from(session).unwrap()), &answers);
    }
    let local_answers = 20 * 300;

    // Killed inside the push: the hub has none of it, or all of it.
    assert!(kill_mid_transaction(
        &cluster,
        "killed",
        spawn_sync(&laptop, &url)
    ));
    let on_hub = hub_count(&cluster, "killed", "SELECT count(*) FROM factdeck.answers");
    assert!(on_hub == 0 || on_hub == local_answers, "{on_hub}");
    laptop.sync("ana", &url).success();
    assert_eq!(
        hub_count(&cluster, "killed", "SELECT count(*) FROM factdeck.answers"),
        local_answers
    );

    // Killed inside the pull on the other device: its store has none of it, or all of it.
    assert!(kill_mid_transaction(
        &cluster,
        "killed",
        spawn_sync(&phone, &url)
    ));
    let received = phone.store().fact_form_counts(&Filter::default()).unwrap();
    let total: u32 = received.iter().map(|c| c.attempts).sum();
    assert!(total == 0 || i64::from(total) == local_answers, "{total}");
    phone.sync("ana", &url).success();
    laptop.sync("ana", &url).success();
    assert_eq!(
        contents(&laptop.store_path()),
        contents(&phone.store_path())
    );
    assert_eq!(
        hub_count(&cluster, "killed", "SELECT count(*) FROM factdeck.answers"),
        local_answers,
        "no duplicate"
    );
    phone
        .sync("ana", &url)
        .success()
        .stdout(contains("already in step"));
}

#[test]
fn an_override_and_a_discarded_session_reach_the_other_device() {
    let cluster = Cluster::start();
    new_hub(&cluster, "changes", "ana", "");
    let url = cluster.url_without_user("changes");
    let (laptop, phone) = (Device::new(), Device::new());
    let t = at("2026-11-02T08:00:00Z");
    let id = laptop.study(t, &[("chad", "card_typed", "Ndjamena", false)]);
    let empty = laptop.study(t + day(1), &[]);
    laptop.sync("ana", &url).success();
    phone.sync("ana", &url).success();
    assert_eq!(
        phone
            .store()
            .sessions(&Filter::default(), None)
            .unwrap()
            .len(),
        2
    );

    {
        let mut store = laptop.store();
        let answer = store.answers(id).unwrap()[0].id;
        store
            .override_review(answer, Rating::Good, &mut |past| {
                scheduler().replay(past.iter().copied())
            })
            .unwrap();
        assert!(store.discard_if_empty(empty).unwrap());
    }
    laptop.sync("ana", &url).success();
    phone.sync("ana", &url).success();
    let store = phone.store();
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 1, "the discarded session is gone");
    assert_eq!(sessions[0].score, 1, "the override counts");
    let answer = &store.answers(sessions[0].id).unwrap()[0];
    assert!(answer.overridden && answer.credited);
    assert_eq!(
        contents(&laptop.store_path()),
        contents(&phone.store_path())
    );
}

#[test]
fn a_data_directory_syncs_as_one_learner() {
    let cluster = Cluster::start();
    new_hub(&cluster, "oneself", "ana,ben", "");
    let url = cluster.url_without_user("oneself");
    let laptop = Device::new();
    laptop.study(
        at("2026-11-02T08:00:00Z"),
        &[("peru", "card_typed", "Lima", true)],
    );
    laptop.sync("ana", &url).success();
    laptop
        .sync("ben", &url)
        .failure()
        .stderr(contains("syncs as learner `ana`"));
    factdeck(laptop.home())
        .args([
            "sync",
            "--learner",
            "ana",
            "--hub",
            &cluster.url("ben", "oneself"),
        ])
        .assert()
        .failure()
        .stderr(contains("logs in as `ben` but the learner is `ana`"));
}
