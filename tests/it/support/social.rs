//! Journals for the Connections and Boundaries tests, as of Monday 2026-11-23 21:04 (the time
//! `app::app_with` uses).

use rekindle::journal::{self, Journal};

/// Eight days of check-ins; five connections in the last 90 days and one older; four
/// boundaries: "No work email after 19:00" (in force at 21:04, slipped on 4 of its last 6
/// records), "Weekend off", "Lunch away from the desk" and an archived one.
pub fn filled() -> Journal {
    journal::decode(FILLED.as_bytes()).expect("fixture journal is valid")
}

/// `filled` without the two recent nourishing connections: the last one was Sam, 34 days ago,
/// so the `isolation` flag is raised.
pub fn isolated() -> Journal {
    let mut journal = filled();
    journal
        .connections
        .retain(|c| c.id != "c-20261122-1" && c.id != "c-20261118-1");
    journal
}

const FILLED: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "check_ins": [
    { "date": "2026-11-16", "exhaustion": 6, "cynicism": 4, "efficacy": 5,
      "boundaries": { "b-1": "kept", "b-4": "slipped" } },
    { "date": "2026-11-17", "exhaustion": 6, "cynicism": 4, "efficacy": 5,
      "boundaries": { "b-1": "slipped" } },
    { "date": "2026-11-18", "exhaustion": 7, "cynicism": 4, "efficacy": 5,
      "boundaries": { "b-1": "slipped" } },
    { "date": "2026-11-19", "exhaustion": 6, "cynicism": 3, "efficacy": 6,
      "boundaries": { "b-1": "kept", "b-3": "slipped" } },
    { "date": "2026-11-20", "exhaustion": 7, "cynicism": 5, "efficacy": 4,
      "boundaries": { "b-1": "slipped", "b-3": "kept" } },
    { "date": "2026-11-21", "exhaustion": 4, "cynicism": 2, "efficacy": 7,
      "boundaries": { "b-2": "kept" } },
    { "date": "2026-11-22", "exhaustion": 3, "cynicism": 2, "efficacy": 7,
      "boundaries": { "b-2": "kept" } },
    { "date": "2026-11-23", "exhaustion": 7, "cynicism": 4, "efficacy": 5,
      "boundaries": { "b-1": "slipped", "b-3": "kept" } }
  ],
  "connections": [
    { "id": "c-20260801-1", "date": "2026-08-01", "person": "Old friend", "kind": "call",
      "initiated_by": "them", "felt": "nourishing" },
    { "id": "c-20261020-1", "date": "2026-10-20", "person": "Sam", "kind": "message",
      "initiated_by": "them", "felt": "nourishing" },
    { "id": "c-20261114-1", "date": "2026-11-14", "person": "Samira", "kind": "message",
      "initiated_by": "me", "felt": "neutral" },
    { "id": "c-20261118-1", "date": "2026-11-18", "person": "Mum", "kind": "video",
      "initiated_by": "mutual", "felt": "nourishing", "note": "Talked about the garden for an hour; she sounded well." },
    { "id": "c-20261120-1", "date": "2026-11-20", "person": "Team lead", "kind": "in_person",
      "initiated_by": "them", "felt": "draining", "note": "Another reorg." },
    { "id": "c-20261122-1", "date": "2026-11-22", "recorded_at": "2026-11-22T18:30:00+01:00",
      "person": "Sam", "kind": "call", "initiated_by": "me", "felt": "nourishing",
      "gratitude": "Sam checked in on me first last week.", "mood_colour": "teal" }
  ],
  "boundaries": [
    { "id": "b-1", "text": "No work email after 19:00", "from": "19:00", "until": "07:00",
      "days": ["mon", "tue", "wed", "thu", "fri"], "created": "2026-11-01" },
    { "id": "b-4", "text": "Check Slack only twice a day", "archived": true },
    { "id": "b-2", "text": "Weekend off", "days": ["sat", "sun"] },
    { "id": "b-3", "text": "Lunch away from the desk", "from": "12:00", "until": "13:00",
      "days": ["mon", "tue", "wed", "thu", "fri"] }
  ]
}"#;
