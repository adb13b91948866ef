//! The preparation timeline and the congress's own dates.

use factdeck::deck::FactDate;
use jiff::civil::Date;

use super::{date, dates, figure, loaded, whole};

fn d(text: &str) -> FactDate {
    text.parse().unwrap()
}

#[test]
fn every_dated_event_of_the_source_is_a_date_fact() {
    let l = loaded();
    let all = dates(&l);
    assert!(all.len() >= 10, "only {} date facts", all.len());
    // (date, end of span, how many events the source dates so)
    let expected: &[(&str, Option<&str>, usize, &str)] = &[
        (
            "2020-06-07",
            None,
            1,
            "13th Political Bureau meeting: first hints",
        ),
        (
            "2020-08-19",
            None,
            1,
            "6th plenary meeting announces the congress",
        ),
        (
            "2020-10-05",
            None,
            1,
            "19th Political Bureau meeting announces the campaign",
        ),
        ("2020-10-12", Some("2020-12-30"), 1, "the 80-day campaign"),
        (
            "2020-11-29",
            None,
            1,
            "21st enlarged Political Bureau meeting",
        ),
        (
            "2020-12-29",
            None,
            2,
            "convening decided; qualifications approved",
        ),
        (
            "2020-12-30",
            None,
            2,
            "KCNA confirms Pyongyang; certificates ceremony",
        ),
        ("2020-12", None, 2, "delegates elected; delegates arrive"),
        ("2021-01-05", None, 1, "the congress opens"),
        ("2021-01-12", None, 1, "the congress closes"),
        ("2016", None, 1, "the 7th Congress"),
        ("2026", None, 1, "the 9th Congress"),
    ];
    for &(when, end, n, what) in expected {
        let (when, end) = (d(when), end.map(d));
        let found = all
            .iter()
            .filter(|f| f.date == when && f.end == end)
            .count();
        assert!(
            found >= n,
            "{what}: {found} fact(s) dated {when} (end {end:?}), want {n}"
        );
    }
}

#[test]
fn the_opening_accepts_the_infoboxs_date_and_says_why() {
    let l = loaded();
    let opening = date(&l, "congress-opening");
    assert_eq!(opening.date, d("2021-01-05"));
    assert!(super::SOURCE.contains("from January 5 to 12, 2021"));
    assert_eq!(opening.also, [d("2021-01-06")]);
    assert!(super::SOURCE.contains("Date: January 6–12, 2021"));
    assert!(opening.also_note.is_some());
}

/// Days from `start` to `end`, counting both.
fn days_inclusive(start: Date, end: Date) -> i64 {
    i64::from(start.until(end).unwrap().get_days()) + 1
}

#[test]
fn spans_agree_with_the_lengths_the_source_states() {
    let l = loaded();
    let campaign = date(&l, "campaign");
    let end = campaign.end.expect("the campaign is a span");
    assert_eq!(
        days_inclusive(campaign.date.first_day(), end.first_day()),
        whole(figure(&l, "campaign-length").value),
        "October 12 to December 30 is the 80-day campaign"
    );
    let infobox_start = date(&l, "congress-opening").also[0];
    let closing = date(&l, "congress-closing").date;
    assert_eq!(
        days_inclusive(infobox_start.first_day(), closing.first_day()),
        whole(figure(&l, "congress-length").value),
        "the infobox's January 6–12 is its 7 days"
    );
}

/// The deck states the order of the preparations and the congress (`precedes`,
/// `follows`), so wrong dates offered for an event keep to it: every preparation precedes
/// the opening, the closing follows it, the 9th Congress follows the 8th.
#[test]
fn the_order_the_deck_states_holds_for_every_preparation() {
    let l = loaded();
    for d in dates(&l) {
        if d.meta.tags.iter().any(|t| t == "preparations") {
            let direct = d.precedes.iter().any(|p| p == "congress-opening");
            let through = d
                .precedes
                .iter()
                .any(|p| date(&l, p).precedes.iter().any(|q| q == "congress-opening"));
            assert!(
                direct || through,
                "`{}` does not precede the opening",
                d.meta.id
            );
        }
    }
    assert_eq!(date(&l, "congress-closing").follows, ["congress-opening"]);
    assert_eq!(date(&l, "next-congress").follows, ["congress-closing"]);
}
