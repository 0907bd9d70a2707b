//! The one home of sample journals for unit tests (test builds only): a small hand-made journal
//! shared by the export, codec and merge tests.
//!
//! Three weeks with check-ins (Mondays 2026-11-09, 11-16 and 11-30), an empty week between them:
//! - week of 11-09: 3 check-ins, E 5.0 C 3.7 F 6.0, composite 42.2 moderate (docs/SCORING.md's worked
//!   example); a note full of Markdown; a nourishing call with a gratitude line;
//! - week of 11-16: 2 check-ins (not enough for means); a slipped boundary; a record naming a
//!   boundary id that does not exist; a formula-like note; a draining visit with a two-line note;
//! - week of 11-30: one very high day, and a therapy session.
//!
//! Also `arb_journal`, the proptest strategy for random valid journals.

use crate::journal::{
    Boundary, CheckIn, ClockTime, Connection, Felt, InitiatedBy, Journal, Kind, Outcome, Rating,
    Settings, decode,
};
use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;

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

/// A plain call I started on `date` (YYYY-MM-DD) that felt neutral: the connection unit tests
/// build from.
pub fn call(id: &str, date: &str, person: &str) -> crate::journal::Connection {
    crate::journal::Connection {
        id: id.into(),
        date: d(date),
        recorded_at: None,
        person: person.into(),
        kind: crate::journal::Kind::Call,
        initiated_by: crate::journal::InitiatedBy::Me,
        felt: crate::journal::Felt::Neutral,
        note: String::new(),
        gratitude: String::new(),
        extra: Default::default(),
    }
}

/// Small random journals that `decode` would accept, for property tests: unique dates (kept in
/// date order, as the app writes them) and ids, notes with unicode, commas, quotes and line
/// breaks, optional habits and `recorded_at`, boundary records naming real and unknown ids, and
/// unknown fields at every level.
pub fn arb_journal() -> impl Strategy<Value = Journal> {
    (
        arb_settings(),
        proptest::collection::btree_map(0u64..70, arb_check_in(), 0..10),
        proptest::collection::vec(arb_connection(), 0..6),
        proptest::collection::vec(arb_boundary(), 0..4),
        proptest::option::of("[a-z]{1,6}"),
    )
        .prop_map(|(settings, days, connections, boundaries, extra)| {
            let start = d("2026-10-01");
            let on = |offset: u64| {
                start
                    .checked_add_days(chrono::Days::new(offset))
                    .expect("small offsets stay in range")
            };
            let mut journal = Journal {
                settings,
                ..Journal::default()
            };
            for (offset, mut check_in) in days {
                check_in.date = on(offset);
                journal.check_ins.push(check_in);
            }
            for (i, (offset, mut connection)) in connections.into_iter().enumerate() {
                connection.id = format!("c-{}", i + 1);
                connection.date = on(offset);
                journal.connections.push(connection);
            }
            for (i, mut boundary) in boundaries.into_iter().enumerate() {
                boundary.id = format!("b-{}", i + 1);
                journal.boundaries.push(boundary);
            }
            if let Some(value) = extra {
                journal.extra.insert("plugin_data".into(), value.into());
            }
            journal
        })
}

/// Note-like text: mostly letters, plus punctuation, Markdown and CSV specials, tabs, CR/LF,
/// accents and emoji.
pub fn arb_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range('a', 'z'),
            1 => proptest::sample::select(vec![' ', '\t', '\n', '\r', '🙂', 'é', '„', '\u{200b}']),
            3 => proptest::char::range('!', '~'),
        ],
        0..max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn arb_settings() -> impl Strategy<Value = Settings> {
    (
        0usize..7,
        0u32..24,
        proptest::option::of("[A-Za-z ,.]{1,20}"),
    )
        .prop_map(|(weekday, hour, support)| {
            let mut settings = Settings {
                week_starts_on: crate::journal::LongDay(crate::journal::calendar::WEEK[weekday]),
                day_starts_at: ClockTime::new(hour, 0).expect("hours 0–23 are valid"),
                ..Settings::default()
            };
            if let Some(text) = support.filter(|t| !t.trim().is_empty()) {
                settings.support_text = text;
            }
            settings
        })
}

fn arb_recorded_at() -> impl Strategy<Value = Option<DateTime<FixedOffset>>> {
    proptest::option::of((1_790_000_000i64..1_800_000_000, -12i32..=14)).prop_map(|at| {
        at.map(|(seconds, hours)| {
            let offset = FixedOffset::east_opt(hours * 3600).expect("offsets within ±14 h");
            DateTime::from_timestamp(seconds, 0)
                .expect("a 2026 timestamp")
                .with_timezone(&offset)
        })
    })
}

fn rating() -> impl Strategy<Value = Rating> {
    (0u8..=10).prop_map(|v| Rating::new(v).expect("0–10"))
}

fn arb_check_in() -> impl Strategy<Value = CheckIn> {
    let habits = (
        proptest::option::of(0u32..=240),
        proptest::array::uniform5(proptest::option::of(any::<bool>())),
    );
    let outcomes = proptest::collection::btree_map(
        proptest::sample::select(vec!["b-1", "b-2", "b-3", "b-x"]),
        prop_oneof![Just(Outcome::Kept), Just(Outcome::Slipped)],
        0..3,
    );
    (
        (rating(), rating(), rating()),
        arb_recorded_at(),
        arb_text(30),
        habits,
        outcomes,
        any::<bool>(),
    )
        .prop_map(
            |((e, c, f), recorded_at, note, (sleep, flags), outcomes, extra)| {
                let mut check_in = CheckIn::new(d("2026-01-01"), e, c, f);
                check_in.recorded_at = recorded_at;
                check_in.note = note;
                check_in.habits.sleep_hours = sleep.map(|tenths| f64::from(tenths) / 10.0);
                for (habit, flag) in crate::journal::Habit::ALL.into_iter().zip(flags) {
                    *check_in.habits.slot(habit) = flag;
                }
                check_in.boundaries = outcomes
                    .into_iter()
                    .map(|(id, outcome)| (id.into(), outcome))
                    .collect();
                if extra {
                    check_in.extra.insert("mood".into(), "🙂, \"ok\"".into());
                }
                check_in
            },
        )
}

fn arb_connection() -> impl Strategy<Value = (u64, Connection)> {
    (
        0u64..70,
        arb_recorded_at(),
        "[A-Za-zé][A-Za-zé ,\"*#]{0,8}",
        proptest::sample::select(Kind::ALL),
        proptest::sample::select(InitiatedBy::ALL),
        proptest::sample::select(Felt::ALL),
        arb_text(20),
        arb_text(20),
    )
        .prop_map(
            |(offset, recorded_at, person, kind, initiated_by, felt, note, gratitude)| {
                let connection = Connection {
                    id: String::new(),
                    date: d("2026-01-01"),
                    recorded_at,
                    person,
                    kind,
                    initiated_by,
                    felt,
                    note,
                    gratitude,
                    extra: Default::default(),
                };
                (offset, connection)
            },
        )
}

fn arb_boundary() -> impl Strategy<Value = Boundary> {
    (
        "[A-Za-z][A-Za-z0-9 :,|-]{0,20}",
        proptest::option::of((0u32..24, 0u32..24)),
        proptest::option::of(proptest::sample::subsequence(
            vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            0..=7,
        )),
        any::<bool>(),
    )
        .prop_map(|(text, window, days, archived)| Boundary {
            id: String::new(),
            text,
            from: window.map(|(from, _)| ClockTime::new(from, 0).expect("0–23")),
            until: window.map(|(_, until)| ClockTime::new(until, 30).expect("0–23")),
            days: days.map(|days| {
                days.into_iter()
                    .map(|day| day.parse().expect("a short day name"))
                    .collect()
            }),
            created: None,
            archived,
            extra: Default::default(),
        })
}
