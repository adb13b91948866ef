//! `class report` on a fixture class: every figure equals the hand computation in
//! `src/class/analysis/tests.rs` (the same class, there from counts, here through devices,
//! sync, the hub and the binary).

use factdeck::store::ScoreHistory;
use factdeck::store::StudyLog;
use predicates::str::contains;
use serde_json::Value;

use super::*;

const T: &str = "2026-11-02T08:00:00Z";

/// Six learners, five items of the deck, each answered once (see the table in the unit test):
/// `e`, `n` and `m` are multiple choice, `h` and `z` typed.
fn fixture(cluster: &Cluster) -> Vec<Device> {
    new_hub(cluster, "class", "ana,ben,cai,dee,eve,fay", "tess");
    let url = cluster.url_without_user("class");
    let t = at(T);
    let rows: [(&str, [(&str, bool); 5]); 6] = [
        (
            "ana",
            [
                ("Rome", true),
                ("Lima", true),
                ("Lyon", false),
                ("Paris", true),
                ("Suva", true),
            ],
        ),
        (
            "ben",
            [
                ("Rome", true),
                ("Pisa", false),
                ("Lyon", false),
                ("Paris", true),
                ("Suva", true),
            ],
        ),
        (
            "cai",
            [
                ("Rome", true),
                ("Pisa", false),
                ("Nice", false),
                ("Oslo", false),
                ("Suva", true),
            ],
        ),
        (
            "dee",
            [
                ("Rome", true),
                ("Pisa", false),
                ("Bern", true),
                ("Paris", true),
                ("Suva", true),
            ],
        ),
        (
            "eve",
            [
                ("Rome", true),
                ("Pisa", false),
                ("Bern", true),
                ("Oslo", false),
                ("Suva", true),
            ],
        ),
        (
            "fay",
            [
                ("Graz", false),
                ("Pisa", false),
                ("Bern", true),
                ("Bergen", false),
                ("Suva", true),
            ],
        ),
    ];
    let forms = [
        ("e", "card_choice"),
        ("h", "card_typed"),
        ("n", "card_choice"),
        ("m", "card_choice"),
        ("z", "card_typed"),
    ];
    let mut devices = Vec::new();
    for (learner, answers) in rows {
        let device = Device::new();
        let all: Vec<(&str, &str, &str, bool)> = forms
            .iter()
            .zip(answers)
            .map(|((fact, form), (given, right))| (*fact, *form, given, right))
            .collect();
        if learner == "ana" {
            // Two sessions, and one answer a month before --since (a fact of its own).
            device.study(
                t - SignedDuration::from_hours(24 * 30),
                &[("old", "card_typed", "x", true)],
            );
            device.study(t, &all[..2]);
            device.study(t + SignedDuration::from_secs(600), &all[2..]);
        } else {
            device.study(t, &all);
        }
        if learner == "ben" {
            device.study_in("rivers", t, &[("nile", "card_typed", "Nile", false)]);
        }
        device.sync(learner, &url).success();
        devices.push(device);
    }
    devices
}

fn report(cluster: &Cluster, args: &[&str]) -> assert_cmd::assert::Assert {
    let home = tempfile::tempdir().unwrap();
    factdeck(home.path())
        .env("FACTDECK_NOW", "2026-11-03T08:00:00Z")
        .args(["class", "report", "--hub", &cluster.url("tess", "class")])
        .args(args)
        .assert()
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

#[test]
fn the_class_report_equals_the_hand_computation() {
    let cluster = Cluster::start();
    let _devices = fixture(&cluster);
    let out = report(
        &cluster,
        &["--deck", DECK, "--since", "2026-11-02", "--json"],
    )
    .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();

    let learners = json["learners"].as_array().unwrap();
    let names: Vec<&str> = learners
        .iter()
        .map(|l| l["learner"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ana", "ben", "cai", "dee", "eve", "fay"]);
    // (sessions, answers, correct, facts due): a wrong answer (Again) is due within hours,
    // a right one (Good, new) in 2.3 days; ana's old fact came due long ago.
    let expected = [
        (2, 5, 4, 2),
        (1, 5, 3, 2),
        (1, 5, 2, 3),
        (1, 5, 4, 1),
        (1, 5, 3, 2),
        (1, 5, 2, 3),
    ];
    for (l, (sessions, answers, correct, due)) in learners.iter().zip(expected) {
        assert_eq!(l["sessions"], sessions, "{l}");
        assert_eq!(l["answers"], answers, "{l}");
        assert_eq!(l["correct"], correct, "{l}");
        assert!(
            close(&l["accuracy"], f64::from(correct) * 100.0 / 5.0),
            "{l}"
        );
        assert_eq!(l["facts_due"], due, "{l}");
    }
    // ana's last answer: the tenth minute's session, third answer, 20 s apart.
    assert_eq!(learners[0]["last_studied"], "2026-11-02T08:11:00Z");

    let items = json["items"].as_array().unwrap();
    let item = |fact: &str| items.iter().find(|i| i["fact_id"] == fact).unwrap();
    assert_eq!(
        items.len(),
        5,
        "the old fact and the other deck are out of scope"
    );
    assert!(close(&item("e")["facility_index"], 500.0 / 6.0));
    assert!(close(&item("h")["facility_index"], 100.0 / 6.0));
    assert!(close(&item("n")["facility_index"], 50.0));
    assert!(close(&item("m")["facility_index"], 50.0));
    assert!(close(&item("z")["facility_index"], 100.0));
    assert!(close(
        &item("e")["discrimination_index"],
        100.0 / 85f64.sqrt()
    ));
    assert!(close(
        &item("h")["discrimination_index"],
        100.0 / 85f64.sqrt()
    ));
    assert!(close(
        &item("n")["discrimination_index"],
        -300.0 / 33f64.sqrt()
    ));
    assert!(close(&item("m")["discrimination_index"], 100.0 / 3.0));
    assert_eq!(item("z")["discrimination_index"], Value::Null);
    assert_eq!(item("z")["flags"], serde_json::json!(["too_easy"]));
    assert_eq!(item("h")["flags"], serde_json::json!(["too_hard"]));
    assert_eq!(
        item("n")["flags"],
        serde_json::json!(["negative_discrimination"])
    );
    assert_eq!(item("m")["flags"], serde_json::json!([]));
    assert_eq!(
        item("n")["wrong_options"],
        serde_json::json!([{"option": "Lyon", "times": 2}, {"option": "Nice", "times": 1}])
    );
    assert_eq!(
        item("m")["wrong_options"],
        serde_json::json!([{"option": "Oslo", "times": 2}, {"option": "Bergen", "times": 1}])
    );
    assert_eq!(
        item("e")["wrong_options"],
        serde_json::json!([{"option": "Graz", "times": 1}])
    );
    assert_eq!(
        item("h")["wrong_options"],
        serde_json::json!([]),
        "typed: no options"
    );
}

#[test]
fn the_report_reads_as_tables_and_as_csv_and_widens_without_filters() {
    let cluster = Cluster::start();
    let _devices = fixture(&cluster);
    report(&cluster, &[])
        .success()
        .stdout(contains("Learners"))
        .stdout(contains("negative discrimination"))
        .stdout(contains("Oslo ×2; Bergen ×1"))
        .stdout(contains("nile"))
        .stdout(contains("old"));
    let out = report(&cluster, &["--csv", "--deck", DECK]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let (learners, items) = text.split_once("\n\n").unwrap();
    assert!(
        learners.starts_with("learner,sessions,answers,correct,accuracy,facts_due,last_studied\n")
    );
    assert!(learners.contains("\nana,3,6,5,"), "{learners}");
    assert!(items.starts_with("deck,fact_id,kind,form,answers,correct,learners,facility_index"));
    assert!(
        items.contains(",negative_discrimination,Lyon=2; Nice=1\n"),
        "{items}"
    );
}

#[test]
fn a_learner_cannot_run_the_class_report() {
    let cluster = Cluster::start();
    new_hub(&cluster, "class", "ana", "tess");
    let home = tempfile::tempdir().unwrap();
    factdeck(home.path())
        .args(["class", "report", "--hub", &cluster.url("ana", "class")])
        .assert()
        .failure()
        .stderr(contains("needs a teacher's role"));
}

#[test]
fn the_running_totals_agree_with_counting_the_answers_after_overrides() {
    let cluster = Cluster::start();
    let devices = fixture(&cluster);
    // cai overrides his wrong answer to n ("Nice"): one more point, one wrong option fewer.
    {
        let mut store = devices[2].store();
        let session = store
            .sessions(&factdeck::store::Filter::default(), None)
            .unwrap()[0]
            .id;
        let n = store
            .answers(session)
            .unwrap()
            .into_iter()
            .find(|a| a.fact_id == "n")
            .unwrap();
        store
            .override_review(n.id, Rating::Good, &mut |past| {
                scheduler().replay(past.iter().copied())
            })
            .unwrap();
    }
    devices[2]
        .sync("cai", &cluster.url_without_user("class"))
        .success();
    let json = |args: &[&str]| -> Value {
        let out = report(&cluster, args).success();
        let mut v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v["since"] = Value::Null;
        v
    };
    let totals = json(&["--json"]);
    let counted = json(&["--json", "--since", "2000-01-01"]);
    assert_eq!(totals, counted);
    let n = totals["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["fact_id"] == "n")
        .unwrap();
    assert_eq!(n["correct"], 4);
    assert_eq!(
        n["wrong_options"],
        serde_json::json!([{"option": "Lyon", "times": 2}])
    );
}
