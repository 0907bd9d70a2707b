//! Issue 12 "Nothing is lost", items 7 and 8: every save keeps what it does not change exactly
//! as written (unknown fields, numbers as their text, `sleep_hours` unrounded), `null` in an
//! optional field reads as absent everywhere, and `checkin` on a day that has one updates only
//! the fields given.

use crate::support::{Sandbox, stdout_of};
use predicates::prelude::*;
use serde_json::{Value, json};

/// A journal with unknown fields at every level and numbers a float round-trip would change.
const ODD: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "settings": { "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": "Call Sam.", "scale": 1E2 },
  "check_ins": [
    { "date": "2026-11-20", "recorded_at": "2026-11-20T21:00:00+01:00", "exhaustion": 6, "cynicism": 5, "efficacy": 4,
      "note": "Long day.", "habits": { "sleep_hours": 6.55, "exercise": true, "caffeine_mg": 1e-300 },
      "boundaries": { "b-1": "kept" }, "steps": 123456789012345678901234567890, "mood": { "score": 1E2, "tiny": 1e-300 } },
    { "date": "2026-11-21", "exhaustion": 5, "cynicism": 5, "efficacy": 5, "habits": { "sleep_hours": 7 } },
    { "date": "2026-11-22", "exhaustion": 5, "cynicism": 5, "efficacy": 5, "habits": { "sleep_hours": 1e-300 } }
  ],
  "connections": [
    { "id": "c-20261120-1", "date": "2026-11-20", "person": "Sam", "kind": "call", "initiated_by": "me",
      "felt": "nourishing", "minutes": 12.50 }
  ],
  "boundaries": [ { "id": "b-1", "text": "No work email after 19:00", "weight": -0.0 } ],
  "plugin": { "counter": 18446744073709551616, "ratio": 0.1000000000000000055511151231257827 }
}
"#;

fn text_of(s: &Sandbox) -> String {
    String::from_utf8(std::fs::read(s.journal_path()).unwrap()).unwrap()
}

#[test]
fn a_save_keeps_every_number_exactly_as_written() {
    let s = Sandbox::new();
    s.write_journal(ODD.as_bytes());
    let before = s.journal();
    // A write that touches none of these entries: settings.
    s.cmd()
        .args(["settings", "week_starts_on", "sunday"])
        .assert()
        .success();
    let text = text_of(&s);
    for written in [
        "\"sleep_hours\": 6.55",
        "\"sleep_hours\": 7}",
        "\"sleep_hours\": 1e-300",
        "\"caffeine_mg\": 1e-300",
        "123456789012345678901234567890",
        // serde_json spells an exponent `e+2`: the same number, digits untouched, never 100.0.
        "\"score\": 1e+2",
        "\"scale\": 1e+2",
        "\"minutes\": 12.50",
        "\"weight\": -0.0",
        "18446744073709551616",
        "0.1000000000000000055511151231257827",
    ] {
        assert!(text.contains(written), "{written} was rewritten:\n{text}");
    }
    let mut after = s.journal();
    after["settings"]["week_starts_on"] = json!("monday");
    // `archived` absent means false (SPEC §2); a save always writes it.
    assert_eq!(after["boundaries"][0]["archived"], false);
    after["boundaries"][0]
        .as_object_mut()
        .unwrap()
        .shift_remove("archived");
    assert_eq!(after, before, "only the setting changed");
}

#[test]
fn checkin_on_an_existing_day_keeps_its_unknown_fields_and_numbers() {
    let s = Sandbox::new();
    s.write_journal(ODD.as_bytes());
    let before = s.journal();
    s.cmd()
        .args(["checkin", "--date", "2026-11-20", "-e", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("exhaustion 6 → 3"));
    let after = s.journal();
    let (old, new) = (&before["check_ins"][0], &after["check_ins"][0]);
    for key in [
        "steps",
        "mood",
        "note",
        "habits",
        "boundaries",
        "cynicism",
        "efficacy",
    ] {
        assert_eq!(new[key], old[key], "{key} changed");
    }
    assert_eq!(new["exhaustion"], 3);
    assert_eq!(new["recorded_at"], "2026-11-23T21:04:05+01:00");
    assert!(text_of(&s).contains("\"sleep_hours\": 6.55"));
    assert_eq!(after["check_ins"][1], before["check_ins"][1]);
}

#[test]
fn sleep_hours_are_kept_as_given_and_rounded_only_for_display() {
    let s = Sandbox::new();
    s.cmd()
        .args([
            "checkin", "-e", "5", "-c", "5", "-f", "5", "--sleep", "6.55",
        ])
        .assert()
        .success();
    assert!(
        text_of(&s).contains("\"sleep_hours\": 6.55"),
        "{}",
        text_of(&s)
    );
    s.cmd()
        .args(["checkin", "--sleep", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sleep 6.6 → 7.0"));
    assert!(
        text_of(&s).contains("\"sleep_hours\": 7}"),
        "{}",
        text_of(&s)
    );
    let md = s.cmd().args(["export"]).output().unwrap();
    assert!(md.status.success());
    s.cmd().args(["checkin", "--sleep", "25"]).assert().code(2);
}

#[test]
fn null_in_an_optional_field_reads_as_absent_everywhere() {
    let s = Sandbox::new();
    s.write_journal(
        br#"{"format":"rekindle-journal","version":1,
        "settings":{"week_starts_on":null,"day_starts_at":null,"support_text":null,"x":null},
        "check_ins":[{"date":"2026-11-20","recorded_at":null,"exhaustion":5,"cynicism":5,"efficacy":5,
          "note":null,"habits":{"sleep_hours":null,"exercise":null,"outside":true,"y":null},"boundaries":null}],
        "connections":[{"id":"c-1","date":"2026-11-20","person":"Sam","kind":"call","initiated_by":"me",
          "felt":"neutral","recorded_at":null,"note":null,"gratitude":null}],
        "boundaries":[{"id":"b-1","text":"Lunch","from":null,"until":null,"days":null,"created":null,"archived":null}],
        "people":null}"#,
    );
    s.cmd().arg("status").assert().success();
    s.cmd()
        .args(["checkin", "--date", "2026-11-20", "-c", "4"])
        .assert()
        .success();
    let j = s.journal();
    // Known optional fields: null is absent, and a save leaves them out.
    assert_eq!(
        j["check_ins"][0],
        json!({"date":"2026-11-20","recorded_at":"2026-11-23T21:04:05+01:00","exhaustion":5,"cynicism":4,
               "efficacy":5,"habits":{"outside":true,"y":null}})
    );
    assert_eq!(
        j["connections"][0],
        json!({"id":"c-1","date":"2026-11-20","person":"Sam","kind":"call","initiated_by":"me","felt":"neutral"})
    );
    assert_eq!(
        j["boundaries"][0],
        json!({"id":"b-1","text":"Lunch","archived":false})
    );
    assert_eq!(j["settings"]["week_starts_on"], "monday");
    assert_eq!(j["settings"]["day_starts_at"], "04:00");
    // Unknown fields keep their null.
    assert_eq!(j["settings"]["x"], Value::Null);
    // `people` is a known list since 0.2 (the stay-close issue): null is absent, and left out.
    assert!(!j.as_object().unwrap().contains_key("people"));
}

fn day_with_everything(s: &Sandbox) {
    s.cmd()
        .args(["boundary", "add", "No work email after 19:00"])
        .assert()
        .success();
    let id = s.journal()["boundaries"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.cmd()
        .args(["checkin", "-e", "7", "-c", "4", "-f", "5"])
        .args(["--note", "Back-to-back incident calls.", "--sleep", "6.5"])
        .args(["--outside", "--kept", &id])
        .assert()
        .success();
}

#[test]
fn checkin_again_updates_only_the_given_fields_and_keeps_the_note() {
    let s = Sandbox::new();
    day_with_everything(&s);
    let before = s.journal()["check_ins"][0].clone();
    let out = s
        .cmd_at("2026-11-23T22:00:00+01:00")
        .args(["checkin", "-e", "3", "--exercise"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains("Updated the check-in for Mon 2026-11-23"),
        "{stdout}"
    );
    assert!(stdout.contains("exhaustion 7 → 3"), "{stdout}");
    assert!(stdout.contains("exercise no → yes"), "{stdout}");
    assert!(
        !stdout.contains("incident"),
        "the note is not repeated: {stdout}"
    );
    let after = s.journal()["check_ins"][0].clone();
    assert_eq!(after["note"], "Back-to-back incident calls.");
    assert_eq!(after["boundaries"], before["boundaries"]);
    assert_eq!(after["cynicism"], 4);
    assert_eq!(after["efficacy"], 5);
    assert_eq!(
        after["habits"],
        json!({"sleep_hours": 6.5, "exercise": true, "outside": true, "mindful": false, "rest_block": false, "disconnected": false})
    );
    assert_eq!(after["recorded_at"], "2026-11-23T22:00:00+01:00");
}

#[test]
fn checkin_with_only_a_note_updates_the_note() {
    let s = Sandbox::new();
    day_with_everything(&s);
    s.cmd()
        .args(["checkin", "--note", "-"])
        .write_stdin("Later: a walk helped.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("note replaced"));
    let day = s.journal()["check_ins"][0].clone();
    assert_eq!(day["note"], "Later: a walk helped.");
    assert_eq!(day["exhaustion"], 7);
    assert_eq!(day["habits"]["sleep_hours"], 6.5);
}

#[test]
fn checkin_with_nothing_new_writes_nothing() {
    let s = Sandbox::new();
    day_with_everything(&s);
    let before = std::fs::read(s.journal_path()).unwrap();
    s.cmd_at("2026-11-23T23:00:00+01:00")
        .args(["checkin", "-e", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing to change"));
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);
}

#[test]
fn checkin_replace_records_the_whole_day_afresh() {
    let s = Sandbox::new();
    day_with_everything(&s);
    s.cmd()
        .args(["checkin", "--replace", "-e", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-e, -c and -f"));
    s.cmd()
        .args(["checkin", "--replace", "-e", "2", "-c", "2", "-f", "8"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Replaced the whole check-in"));
    let day = s.journal()["check_ins"][0].clone();
    assert_eq!(
        day,
        json!({"date":"2026-11-23","recorded_at":"2026-11-23T21:04:05+01:00","exhaustion":2,"cynicism":2,"efficacy":8})
    );
}

#[test]
fn a_new_day_needs_all_three_ratings_and_nothing_is_written_without_them() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "5", "--note", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs all three ratings"));
    assert!(!s.journal_path().exists());
}
