//! `history --json` written as it is read: the sessions go from the store to the output one
//! at a time, so 50,000 of them are never held as rows, values and text at once. The output
//! is byte for byte what `format!("{:#}\n", export::json(report))` gives for a report that
//! holds those sessions: the same serializer over the same map, with only the `sessions`
//! array filled in from elsewhere.

use std::cell::RefCell;
use std::io::{self, Write};

use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;
use serde_json::ser::PrettyFormatter;

use super::Report;
use super::export::{json, session_json};
use crate::store::{SessionRow, StoreError, StoreResult};

/// Reading the sessions or writing the output failed.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Write(#[from] io::Error),
}

/// Calls its argument with each session, newest first, until it returns false.
pub type Sessions<'s> = dyn FnOnce(&mut dyn FnMut(&SessionRow) -> bool) -> StoreResult<()> + 's;

/// Writes `report` as `history --json` does, with the sessions from `sessions` in place of
/// `report.sessions` (which is not read).
pub fn write_json(
    out: impl Write,
    report: &Report,
    sessions: Box<Sessions<'_>>,
) -> Result<(), StreamError> {
    let value = json(report);
    let failed = RefCell::new(None);
    let whole = Whole {
        value: &value,
        sessions: Streamed {
            source: RefCell::new(Some(sessions)),
            failed: &failed,
        },
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, PrettyFormatter::new());
    let written = whole.serialize(&mut serializer);
    if let Some(e) = failed.take() {
        return Err(e.into());
    }
    written.map_err(io::Error::from)?;
    serializer.into_inner().write_all(b"\n")?;
    Ok(())
}

/// The report's object, with the streamed sessions under `sessions`.
struct Whole<'a, 's> {
    value: &'a Value,
    sessions: Streamed<'a, 's>,
}

impl Serialize for Whole<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Value::Object(fields) = self.value else {
            return self.value.serialize(serializer);
        };
        let mut map = serializer.serialize_map(Some(fields.len()))?;
        for (key, value) in fields {
            if key == "sessions" {
                map.serialize_entry(key, &self.sessions)?;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

struct Streamed<'a, 's> {
    source: RefCell<Option<Box<Sessions<'s>>>>,
    /// Where a store error waits while the serializer unwinds with a stand-in.
    failed: &'a RefCell<Option<StoreError>>,
}

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        let Some(source) = self.source.borrow_mut().take() else {
            return seq.end();
        };
        let mut write_error = None;
        let read = source(&mut |row| match seq.serialize_element(&session_json(row)) {
            Ok(()) => true,
            Err(e) => {
                write_error = Some(e);
                false
            }
        });
        if let Some(e) = write_error {
            return Err(e);
        }
        if let Err(e) = read {
            *self.failed.borrow_mut() = Some(e);
            return Err(S::Error::custom("reading the sessions failed"));
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Mode, SessionId};

    fn row(id: i64, deck: &str) -> SessionRow {
        SessionRow {
            id: SessionId(id),
            deck_id: deck.to_owned(),
            deck_hash: "00ff".to_owned(),
            mode: Mode::Practice,
            seed: 7,
            started_at: "2026-11-28T10:00:00Z".parse().unwrap(),
            ended_at: Some("2026-11-28T10:05:00Z".parse().unwrap()),
            last_answer_at: None,
            interrupted: id % 2 == 0,
            score: 3,
            total: u32::try_from(id).unwrap(),
        }
    }

    fn streamed(report: &Report, rows: &[SessionRow]) -> String {
        let mut out = Vec::new();
        write_json(
            &mut out,
            report,
            Box::new(|visit| {
                for r in rows {
                    if !visit(r) {
                        break;
                    }
                }
                Ok(())
            }),
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_stream_is_byte_for_byte_the_whole_value() {
        let today = jiff::civil::date(2026, 11, 28);
        let rows: Vec<SessionRow> = (1..=5).map(|i| row(i, "deck \"q\"")).collect();
        let held = Report {
            sessions: rows.clone(),
            trends: vec![(Mode::Practice, vec![50.0, 62.5])],
            ..Report::empty(today)
        };
        let expected = format!("{:#}\n", json(&held));
        let empty_sessions = Report {
            sessions: Vec::new(),
            ..held
        };
        assert_eq!(streamed(&empty_sessions, &rows), expected);
        // With no sessions at all, the empty array is written as `[]` too.
        let none = Report::empty(today);
        assert_eq!(streamed(&none, &[]), format!("{:#}\n", json(&none)));
    }

    #[test]
    fn a_store_error_comes_back_as_itself() {
        let report = Report::empty(jiff::civil::date(2026, 11, 28));
        let err = write_json(
            Vec::new(),
            &report,
            Box::new(|_| Err(StoreError::UnknownSession(SessionId(9)))),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            StreamError::Store(StoreError::UnknownSession(_))
        ));
    }
}
