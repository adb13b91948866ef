//! `hub init`: versioned, repeatable, refused without the rights; sync refuses hubs it cannot
//! use and says what to do.

use predicates::str::contains;

use super::*;

#[test]
fn init_can_be_run_again_and_adds_roles() {
    let cluster = Cluster::start();
    new_hub(&cluster, "again", "ana", "");
    let home = tempfile::tempdir().unwrap();
    factdeck(home.path())
        .args(["hub", "init", "--hub", &cluster.url("postgres", "again")])
        .args(["--learners", "ana,ben", "--teachers", "tess"])
        .assert()
        .success()
        .stdout(contains("is at schema version 1."))
        .stdout(contains("Created 2 roles: ben, tess."));
    let mut admin = cluster.admin("again");
    let learners: Vec<String> = admin
        .query("SELECT name FROM factdeck.learners ORDER BY name", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(learners, ["ana", "ben"]);
    let teacher: bool = admin
        .query_one(
            "SELECT pg_has_role('tess', 'factdeck_teacher', 'MEMBER')",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(teacher);
    let version: i32 = admin
        .query_one("SELECT version FROM factdeck.hub", &[])
        .unwrap()
        .get(0);
    assert_eq!(version, factdeck::hub::latest_hub_version());
}

#[test]
fn init_without_the_right_to_create_roles_says_so() {
    let cluster = Cluster::start();
    cluster.create_db("plain");
    cluster
        .admin("plain")
        .batch_execute("CREATE ROLE someone LOGIN")
        .unwrap();
    let home = tempfile::tempdir().unwrap();
    factdeck(home.path())
        .args(["hub", "init", "--hub", &cluster.url("someone", "plain")])
        .args(["--learners", "ana"])
        .assert()
        .failure()
        .stderr(contains(
            "`someone` may not create the hub's roles and schema",
        ));
}

#[test]
fn sync_says_what_is_missing_on_the_hub() {
    let cluster = Cluster::start();
    cluster.create_db("bare");
    cluster
        .admin("bare")
        .batch_execute("CREATE ROLE ana LOGIN")
        .unwrap();
    let device = Device::new();
    device
        .sync("ana", &cluster.url_without_user("bare"))
        .failure()
        .stderr(contains("has no factdeck hub yet"))
        .stderr(contains("factdeck hub init --hub URL"));

    new_hub(&cluster, "class", "ana", "");
    cluster
        .admin("class")
        .batch_execute("CREATE ROLE stranger LOGIN")
        .unwrap();
    device
        .sync("stranger", &cluster.url_without_user("class"))
        .failure()
        .stderr(contains("`stranger` is not a learner"))
        .stderr(contains("--learners stranger"));

    cluster
        .admin("class")
        .batch_execute("UPDATE factdeck.hub SET version = 99")
        .unwrap();
    device
        .sync("ana", &cluster.url_without_user("class"))
        .failure()
        .stderr(contains(
            "schema version 99, newer than this factdeck knows",
        ));
}
