//! Row-level security (a learner reads and writes only their own rows; a teacher reads all),
//! passwords only from PGPASSWORD or ~/.pgpass and never shown or stored, and TLS.

use factdeck::store::ScoreHistory;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use super::*;

fn two_learners(cluster: &Cluster) -> (Device, Device) {
    new_hub(cluster, "class", "ana,ben", "tess");
    let url = cluster.url_without_user("class");
    let (ana, ben) = (Device::new(), Device::new());
    ana.study(
        at("2026-11-02T08:00:00Z"),
        &[("peru", "card_typed", "Lima", true)],
    );
    ben.study(
        at("2026-11-02T09:00:00Z"),
        &[
            ("chad", "card_typed", "Abuja", false),
            ("fiji", "card_typed", "Suva", true),
        ],
    );
    ana.sync("ana", &url).success();
    ben.sync("ben", &url).success();
    (ana, ben)
}

#[test]
fn a_learner_can_neither_read_nor_write_another_learners_rows() {
    let cluster = Cluster::start();
    let (ana_device, _ben_device) = two_learners(&cluster);
    let mut ana = cluster.connect_as("ana", "class");
    for table in ["sessions", "answers", "reviews", "memory", "devices"] {
        let seen: Vec<String> = ana
            .query(
                &format!("SELECT DISTINCT learner FROM factdeck.{table}"),
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(seen, ["ana"], "{table}");
        let changed = ana
            .execute(
                &format!("UPDATE factdeck.{table} SET learner = learner WHERE learner = 'ben'"),
                &[],
            )
            .unwrap();
        assert_eq!(changed, 0, "{table}");
        let err = ana
            .execute(&format!("DELETE FROM factdeck.{table}"), &[])
            .unwrap_err();
        assert!(err.to_string().contains("db error"), "{table}: {err}");
    }
    let ben_answer: uuid::Uuid = cluster
        .admin("class")
        .query_one(
            "SELECT uid FROM factdeck.answers WHERE learner = 'ben' LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    // Writing a row as ben, or over one of ben's by its uid, is refused.
    let session: uuid::Uuid = ana
        .query_one("SELECT uid FROM factdeck.sessions", &[])
        .unwrap()
        .get(0);
    let insert = "INSERT INTO factdeck.answers (uid, session_uid, learner, device, seq, hub_seq,
            deck_id, fact_id, kind, form, prompt, given, expected, verdict, overridden,
            response_ms, answered_at)
        VALUES ($1, $2, $3, gen_random_uuid(), 1, 1, 'd', 'f', 'card', 'card_typed', 'p', 'g',
            'e', 'correct', false, 1, now())
        ON CONFLICT (uid) DO UPDATE SET verdict = 'correct'";
    let as_ben = ana
        .execute(insert, &[&uuid::Uuid::now_v7(), &session, &"ben"])
        .unwrap_err();
    assert!(
        as_ben
            .as_db_error()
            .unwrap()
            .message()
            .contains("row-level security"),
        "{as_ben:?}"
    );
    let over_ben = ana
        .execute(insert, &[&ben_answer, &session, &"ana"])
        .unwrap_err();
    assert!(
        over_ben
            .as_db_error()
            .unwrap()
            .message()
            .contains("row-level security"),
        "{over_ben:?}"
    );
    let moved = ana
        .execute(
            "UPDATE factdeck.learners SET seq = 0 WHERE name = 'ben'",
            &[],
        )
        .unwrap();
    assert_eq!(moved, 0);
    let verdict: String = cluster
        .admin("class")
        .query_one(
            "SELECT verdict FROM factdeck.answers WHERE uid = $1",
            &[&ben_answer],
        )
        .unwrap()
        .get(0);
    assert_eq!(verdict, "wrong", "ben's answer is as he gave it");

    // Through factdeck too: ana's device never receives ben's rows.
    assert_eq!(
        ana_device
            .store()
            .sessions(&factdeck::store::Filter::default(), None)
            .unwrap()
            .len(),
        1
    );
    // The teacher reads everyone's, and writes nothing.
    let mut tess = cluster.connect_as("tess", "class");
    let all: i64 = tess
        .query_one("SELECT count(*) FROM factdeck.answers", &[])
        .unwrap()
        .get(0);
    assert_eq!(all, 3);
    assert!(
        tess.execute("UPDATE factdeck.answers SET verdict = 'correct'", &[])
            .is_err()
    );
}

const SECRET: &str = "pw-Secret-42";

fn password_hub() -> Cluster {
    let cluster = Cluster::start_with(Auth::Password, false);
    new_hub(&cluster, "class", "ana", "");
    cluster
        .admin("class")
        .batch_execute(&format!("ALTER ROLE ana PASSWORD '{SECRET}'"))
        .unwrap();
    cluster
}

fn never_shown(assert: &assert_cmd::assert::Assert) {
    let out = assert.get_output();
    for stream in [&out.stdout, &out.stderr] {
        assert!(!String::from_utf8_lossy(stream).contains(SECRET));
    }
}

#[test]
fn the_password_comes_from_pgpassword_or_pgpass_and_is_never_shown_or_stored() {
    let cluster = password_hub();
    let url = cluster.url_without_user("class");
    let device = Device::new();
    device.study(
        at("2026-11-02T08:00:00Z"),
        &[("peru", "card_typed", "Lima", true)],
    );

    let missing = device.sync("ana", &url).failure();
    never_shown(&missing);
    missing
        .stderr(contains(
            "asks for a password: set PGPASSWORD or add a line",
        ))
        .stderr(contains("there is no"));

    let wrong = factdeck(device.home())
        .env("PGPASSWORD", "not-it")
        .args(["sync", "--learner", "ana", "--hub", &url])
        .assert()
        .failure();
    wrong.stderr(contains("refused the login of `ana`"));

    let right = factdeck(device.home())
        .env("PGPASSWORD", SECRET)
        .args(["sync", "--learner", "ana", "--hub", &url])
        .assert()
        .success();
    never_shown(&right);

    // ~/.pgpass (HOME is the data directory here), first readable by others, then not.
    let pgpass = device.home().join(".pgpass");
    let line = format!(
        "{}:{}:class:ana:{SECRET}\n",
        cluster.socket_dir().display(),
        cluster.port
    );
    std::fs::write(&pgpass, line).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
    device
        .sync("ana", &url)
        .failure()
        .stderr(contains("was ignored: others may read it; run chmod 600"));
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    never_shown(&device.sync("ana", &url).success());

    // Nothing factdeck wrote holds it.
    for entry in std::fs::read_dir(device.home()).unwrap() {
        let path = entry.unwrap().path();
        if path != pgpass && path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn a_password_in_the_url_is_refused_without_being_echoed() {
    let device = Device::new();
    let refused = device
        .sync("ana", &format!("postgresql://ana:{SECRET}@localhost/class"))
        .failure();
    never_shown(&refused);
    refused.stderr(contains("the hub URL holds a password"));
}

#[test]
fn tls_connects_with_the_hubs_certificate_trusted_and_refuses_without() {
    let cluster = Cluster::start_with(Auth::Trust, true);
    new_hub(&cluster, "class", "ana", "");
    let port = cluster.tls_port.unwrap();
    let url = format!("postgresql://localhost:{port}/class?sslmode=require");
    let device = Device::new();
    device.study(
        at("2026-11-02T08:00:00Z"),
        &[("peru", "card_typed", "Lima", true)],
    );
    device
        .sync("ana", &url)
        .failure()
        .stderr(contains("cannot make a secure connection"))
        .stderr(contains("invalid peer certificate: it is self-signed"))
        .stderr(contains("PGSSLROOTCERT"))
        .stderr(contains("OtherError").not());
    // With PGSSLROOTCERT, only its authorities count, as with libpq: another one is refused.
    let other_authority = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls/ca.crt");
    factdeck(device.home())
        .env("PGSSLROOTCERT", &other_authority)
        .args(["sync", "--learner", "ana", "--hub", &url])
        .assert()
        .failure()
        .stderr(contains("cannot make a secure connection"))
        .stderr(contains("invalid peer certificate: it is"))
        .stderr(contains("OtherError").not());
    factdeck(device.home())
        .env("PGSSLROOTCERT", cluster.certificate())
        .args(["sync", "--learner", "ana", "--hub", &url])
        .assert()
        .success()
        .stdout(contains("sent 1 answer"));
    // The cluster's TCP port admits `hostssl` only: getting in at all means TLS.
}

#[test]
fn a_root_certificate_file_without_a_certificate_is_refused_before_connecting() {
    let device = Device::new();
    let empty = device.home().join("root.crt");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    // Nothing listens on port 1: the file is refused before any connection is tried.
    factdeck(device.home())
        .env("PGSSLROOTCERT", &empty)
        .args(["sync", "--learner", "ana", "--hub"])
        .arg("postgresql://localhost:1/class?sslmode=require")
        .assert()
        .failure()
        .stderr(contains(format!(
            "cannot read PGSSLROOTCERT {}",
            empty.display()
        )))
        .stderr(contains("it holds no certificate"));
}
