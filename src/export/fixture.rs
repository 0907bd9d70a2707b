//! A small hand-made journal shared by the export and import tests (test builds only).
//!
//! Three weeks with check-ins (Mondays 2026-11-09, 11-16 and 11-30), an empty week between them:
//! - week of 11-09: 3 check-ins, E 5.0 C 3.7 F 6.0, composite 42.2 moderate (SCORING.md's worked
//!   example); a note full of Markdown; a nourishing call with a gratitude line;
//! - week of 11-16: 2 check-ins (not enough for means); a slipped boundary; a record naming a
//!   boundary id that does not exist; a formula-like note; a draining visit with a two-line note;
//! - week of 11-30: one very high day, and a therapy session.

use crate::journal::{Journal, decode};
use chrono::NaiveDate;

pub const SAMPLE_JSON: &str = r##"{
  "format": "rekindle-journal",
  "version": 1,
  "settings": { "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": "Call Sam on 555 0100.", "theme": "dusk" },
  "check_ins": [
    { "date": "2026-11-09", "recorded_at": "2026-11-09T21:04:05+01:00", "exhaustion": 7, "cynicism": 4, "efficacy": 5,
      "note": "Back-to-back incident calls.",
      "habits": { "sleep_hours": 6.5, "exercise": false, "outside": true, "rest_block": true, "disconnected": false },
      "boundaries": { "b-1": "kept", "b-2": "slipped" } },
    { "date": "2026-11-11", "recorded_at": "2026-11-11T20:00:00+01:00", "exhaustion": 5, "cynicism": 5, "efficacy": 5,
      "note": "# hi <script>alert(1)</script> | a | *not bold* [link](x) & `code`\n- not a list\n\n1. not a numbered list\n---\n    not code\nback\\slash @sam $5 ~strike~ 2^10^",
      "mood_emoji": "🙂" },
    { "date": "2026-11-12", "exhaustion": 3, "cynicism": 2, "efficacy": 8,
      "note": "Lunch with \"the team\", finally 🙂\nSecond line, still the 12th",
      "habits": { "sleep_hours": 8.0, "mindful": true } },
    { "date": "2026-11-16", "recorded_at": "2026-11-16T22:10:00+01:00", "exhaustion": 8, "cynicism": 6, "efficacy": 3,
      "note": "=1+1",
      "boundaries": { "b-1": "slipped", "b-9": "kept" } },
    { "date": "2026-11-20", "exhaustion": 6, "cynicism": 4, "efficacy": 5 },
    { "date": "2026-11-30", "recorded_at": "2026-11-30T23:59:00+01:00", "exhaustion": 10, "cynicism": 10, "efficacy": 0,
      "note": "-5 on the review, +1 meeting, @all",
      "habits": { "sleep_hours": 4.0, "exercise": false, "outside": false, "mindful": false, "rest_block": false, "disconnected": false } }
  ],
  "connections": [
    { "id": "c-20261115-1", "date": "2026-11-15", "recorded_at": "2026-11-15T18:30:00+01:00", "person": "Sam", "kind": "call",
      "initiated_by": "me", "felt": "nourishing", "note": "Just listened.", "gratitude": "Sam checked in on me first last week." },
    { "id": "c-20261118-1", "date": "2026-11-18", "person": "Alex", "kind": "in_person", "initiated_by": "them",
      "felt": "draining", "note": "Long vent about the reorg.\nI left tired.", "place": "office" },
    { "id": "c-20261201-1", "date": "2026-12-01", "person": "Dr. *Kim*", "kind": "therapy", "initiated_by": "mutual",
      "felt": "neutral" }
  ],
  "boundaries": [
    { "id": "b-1", "text": "No work email after 19:00", "from": "19:00", "until": "07:00",
      "days": ["mon", "tue", "wed", "thu", "fri"], "created": "2026-11-01", "archived": false },
    { "id": "b-2", "text": "Lunch away from the desk", "created": "2026-11-01" },
    { "id": "b-3", "text": "No Slack on weekends", "days": ["sat", "sun"], "archived": true }
  ],
  "plugin_data": { "x": [1, 2] }
}
"##;

pub fn sample() -> Journal {
    decode(SAMPLE_JSON.as_bytes()).expect("the sample journal is valid")
}

pub fn d(text: &str) -> NaiveDate {
    crate::journal::parse_date(text).expect("test dates are valid")
}
