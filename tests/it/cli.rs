//! The command line as a user meets it: the real binary, a temp data dir, a fixed clock and TZ.

use crate::support;

use crate::support::{Sandbox, stdout_of};
use predicates::prelude::*;
use serde_json::json;

/// The id of the journal's `index`th boundary.
fn boundary_id(s: &Sandbox, index: usize) -> String {
    s.journal()["boundaries"][index]["id"]
        .as_str()
        .expect("a boundary id")
        .to_string()
}

#[test]
fn checkin_is_written_exactly_as_the_spec_shows() {
    let s = Sandbox::new();
    s.cmd()
        .args([
            "boundary",
            "add",
            "No work email after 19:00",
            "--from",
            "19:00",
        ])
        .args(["--until", "07:00", "--days", "mon,tue,wed,thu,fri"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Added boundary b-"));
    s.cmd()
        .args(["boundary", "add", "Lunch away from the desk"])
        .assert()
        .success();
    // Ids are `b-` and 6 random letters and digits (issue 12: no collisions across devices).
    let (b1, b2) = (boundary_id(&s, 0), boundary_id(&s, 1));
    s.cmd()
        .args(["checkin", "-e", "7", "-c", "4", "-f", "5"])
        .args(["--note", "Back-to-back incident calls.", "--sleep", "6.5"])
        .args(["--outside", "--rest", "--kept", &b1, "--slipped", &b2])
        .assert()
        .success()
        // S = 7 + 4 + (10 − 5) = 16; composite = 16/30 × 100 = 53.3, band high.
        .stdout(predicate::str::contains("composite 53.3 (high strain)"))
        .stdout(predicate::str::contains(
            "A reflection aid, not a diagnosis.",
        ));
    let journal = s.journal();
    assert_eq!(journal["format"], "rekindle-journal");
    assert_eq!(journal["version"], 1);
    assert_eq!(
        journal["check_ins"][0],
        json!({
            "date": "2026-11-23",
            "recorded_at": "2026-11-23T21:04:05+01:00",
            "exhaustion": 7,
            "cynicism": 4,
            "efficacy": 5,
            "note": "Back-to-back incident calls.",
            "habits": { "sleep_hours": 6.5, "exercise": false, "outside": true, "mindful": false, "rest_block": true, "disconnected": false },
            "boundaries": { b1.clone(): "kept", b2: "slipped" }
        })
    );
    assert_eq!(
        journal["boundaries"][0],
        json!({
            "id": b1,
            "text": "No work email after 19:00",
            "from": "19:00",
            "until": "07:00",
            "days": ["mon", "tue", "wed", "thu", "fri"],
            "created": "2026-11-23",
            "archived": false
        })
    );
    assert_eq!(
        journal["settings"],
        json!({
            "week_starts_on": "monday",
            "day_starts_at": "04:00",
            "support_text": "If you feel hopeless or unsafe, contact your local emergency number or a crisis line now. Set your own line with: rekindle settings support_text TEXT"
        })
    );
}

#[test]
fn habits_are_absent_unless_a_habit_flag_is_given() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "1", "-c", "2", "-f", "9"])
        .assert()
        .success();
    let journal = s.journal();
    let day = journal["check_ins"][0].as_object().unwrap();
    assert!(
        !day.contains_key("habits"),
        "no habit flag: not recorded, not false"
    );
    assert!(!day.contains_key("note"));
    assert!(!day.contains_key("boundaries"));
}

#[test]
fn connection_is_written_exactly_as_the_spec_shows() {
    let s = Sandbox::new();
    s.cmd_at("2026-11-23T18:30:00+01:00")
        .args(["connect", "Sam", "--kind", "call", "--felt", "nourishing"])
        .args([
            "--note",
            "Just listened.",
            "--gratitude",
            "Sam checked in on me first last week.",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("c-20261123-"));
    s.cmd()
        .args([
            "connect",
            "Ana",
            "--kind",
            "in-person",
            "--felt",
            "draining",
            "--by",
            "them",
        ])
        .args(["--date", "2026-11-20"])
        .assert()
        .success();
    let journal = s.journal();
    let id = journal["connections"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(id.starts_with("c-20261123-") && id.len() == 17, "{id}");
    assert_eq!(
        journal["connections"][0],
        json!({
            "id": id,
            "date": "2026-11-23",
            "recorded_at": "2026-11-23T18:30:00+01:00",
            "person": "Sam",
            "kind": "call",
            "initiated_by": "me",
            "felt": "nourishing",
            "note": "Just listened.",
            "gratitude": "Sam checked in on me first last week."
        })
    );
    assert_eq!(journal["connections"][1]["kind"], "in_person");
    assert_eq!(journal["connections"][1]["initiated_by"], "them");
    assert!(
        journal["connections"][1]["id"]
            .as_str()
            .unwrap()
            .starts_with("c-20261120-")
    );
}

#[test]
fn checking_in_again_updates_the_day_and_says_so() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "7", "-c", "4", "-f", "5"])
        .assert()
        .success();
    s.cmd()
        .args(["checkin", "-e", "3", "-c", "2", "-f", "8"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Updated"))
        .stdout(predicate::str::contains("exhaustion 7 → 3"));
    let journal = s.journal();
    let days = journal["check_ins"].as_array().unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["exhaustion"], 3);
}

#[test]
fn note_dash_reads_stdin() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5", "--note", "-"])
        .write_stdin("private words,\nsecond line\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("private").not());
    assert_eq!(
        s.journal()["check_ins"][0]["note"],
        "private words,\nsecond line"
    );
}

#[test]
fn before_day_start_a_checkin_belongs_to_the_previous_day() {
    let s = Sandbox::new();
    s.cmd_at("2026-11-24T01:30:00+01:00")
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
        .assert()
        .success();
    assert_eq!(s.journal()["check_ins"][0]["date"], "2026-11-23");
}

#[test]
fn backfill_with_date_and_refuse_the_future() {
    let s = Sandbox::new();
    let checkin_on = |date: &str| {
        s.cmd()
            .args(["checkin", "-e", "5", "-c", "5", "-f", "5", "--date", date])
            .assert()
    };
    checkin_on("2026-11-02").success();
    checkin_on("2026-11-30")
        .code(2)
        .stderr(predicate::str::contains("in the future"));
    checkin_on("2026-02-30")
        .code(2)
        .stderr(predicate::str::contains("2026-02-30"));
    let journal = s.journal();
    assert_eq!(journal["check_ins"].as_array().unwrap().len(), 1);
    assert_eq!(journal["check_ins"][0]["date"], "2026-11-02");
}

#[test]
fn invalid_input_is_refused_with_exit_2_and_nothing_written() {
    let s = Sandbox::new();
    let cases: &[&[&str]] = &[
        &["checkin", "-e", "11", "-c", "4", "-f", "5"],
        &["checkin", "-e", "-1", "-c", "4", "-f", "5"],
        &["checkin", "-e", "7", "-c", "4", "-f", "5", "--sleep", "25"],
        &["checkin", "-e", "7", "-c", "4", "-f", "5", "--kept", "b-9"],
        &["connect", "", "--kind", "call", "--felt", "nourishing"],
        &[
            "connect",
            "Sam",
            "--kind",
            "telepathy",
            "--felt",
            "nourishing",
        ],
        &["connect", "Sam", "--kind", "call", "--felt", "great"],
        &[
            "connect", "Sam", "--kind", "call", "--felt", "neutral", "--by", "boss",
        ],
        &["boundary", "add", "Lunch", "--from", "25:00"],
        &["boundary", "add", "Lunch", "--days", "mon,funday"],
        &["boundary", "add", "   "],
        &["boundary", "archive", "b-9"],
        &["settings", "colour", "blue"],
        &["settings", "day_starts_at", "7pm"],
        &["settings", "support_text", "  "],
    ];
    for args in cases {
        let out = s.cmd().args(*args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            support::stderr_of(&out)
        );
        let err = support::stderr_of(&out);
        assert!(err.starts_with("rekindle: "), "{args:?}: {err}");
        assert!(!s.journal_path().exists(), "{args:?} wrote a journal");
    }
}

#[test]
fn boundaries_list_and_archive_keep_history() {
    let s = Sandbox::new();
    s.cmd()
        .args(["boundary", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No boundaries yet"));
    s.cmd()
        .args([
            "boundary",
            "add",
            "No work email after 19:00",
            "--from",
            "19:00",
            "--until",
            "07:00",
        ])
        .assert()
        .success();
    let b1 = boundary_id(&s, 0);
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5", "--slipped", &b1])
        .assert()
        .success();
    // 21:04 on a Monday is inside 19:00–07:00.
    s.cmd()
        .args(["boundary", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(b1.as_str()).and(predicate::str::contains("in force now")),
        );
    s.cmd()
        .args(["boundary", "archive", &b1])
        .assert()
        .success();
    let journal = s.journal();
    assert_eq!(journal["boundaries"][0]["archived"], true);
    assert_eq!(journal["check_ins"][0]["boundaries"][&b1], "slipped");
    s.cmd()
        .args(["boundary", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("archived"));
}

#[test]
fn reminders_due_exit_codes_follow_the_window() {
    let s = Sandbox::new();
    s.cmd()
        .args(["reminders", "--due"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    s.cmd()
        .args([
            "boundary",
            "add",
            "No work email after 19:00",
            "--from",
            "19:00",
            "--until",
            "07:00",
        ])
        .args(["--days", "mon,tue,wed,thu,fri"])
        .assert()
        .success();
    let due = |now: &str| s.cmd_at(now).args(["reminders", "--due"]).output().unwrap();
    // Monday 21:04: in force.
    let out = due("2026-11-23T21:04:05+01:00");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_of(&out),
        "21:04 — you said: No work email after 19:00\n"
    );
    // Tuesday 06:59, still Monday's window, crossing midnight.
    assert_eq!(due("2026-11-24T06:59:00+01:00").status.code(), Some(0));
    // Tuesday 07:00: over.
    assert_eq!(due("2026-11-24T07:00:00+01:00").status.code(), Some(1));
    // Saturday 02:00 belongs to Friday's window; Saturday 20:00 has none.
    assert_eq!(due("2026-11-28T02:00:00+01:00").status.code(), Some(0));
    assert_eq!(due("2026-11-28T20:00:00+01:00").status.code(), Some(1));
    // Monday 02:00 would be Sunday's window, which does not exist.
    assert_eq!(due("2026-11-23T02:00:00+01:00").status.code(), Some(1));
    s.cmd_at("2026-11-24T12:00:00+01:00")
        .arg("reminders")
        .assert()
        .success()
        .stdout(predicate::str::contains("No boundary is in force"));
}

#[test]
fn settings_get_set_and_json() {
    let s = Sandbox::new();
    s.cmd()
        .args(["settings", "week_starts_on"])
        .assert()
        .success()
        .stdout("monday\n");
    s.cmd()
        .args(["settings", "week_starts_on", "Saturday"])
        .assert()
        .success();
    s.cmd()
        .args(["settings", "week_starts_on"])
        .assert()
        .success()
        .stdout("saturday\n");
    s.cmd()
        .args(["settings", "day_starts_at", "23:59"])
        .assert()
        .success();
    s.cmd()
        .args(["settings", "day_starts_at"])
        .assert()
        .success()
        .stdout("23:59\n");
    s.cmd()
        .args([
            "settings",
            "support_text",
            "Call Jo: 0123\nor the Samaritans on 116 123",
        ])
        .assert()
        .success();
    s.cmd()
        .arg("support")
        .assert()
        .success()
        .stdout("Call Jo: 0123\nor the Samaritans on 116 123\n");
    let out = s.cmd().args(["settings", "--json"]).output().unwrap();
    let settings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(settings["week_starts_on"], "saturday");
    assert_eq!(settings["day_starts_at"], "23:59");
    assert_eq!(
        settings["support_text"],
        "Call Jo: 0123\nor the Samaritans on 116 123"
    );
    s.cmd()
        .args(["settings", "day_starts_at", "--json"])
        .assert()
        .success()
        .stdout("\"23:59\"\n");
    let all = stdout_of(&s.cmd().arg("settings").output().unwrap());
    for key in ["week_starts_on", "day_starts_at", "support_text"] {
        assert!(all.contains(key), "{all}");
    }
    // With the day starting at 23:59, noon on the 24th belongs to the 23rd.
    s.cmd_at("2026-11-24T12:00:00+01:00")
        .args(["checkin", "-e", "1", "-c", "1", "-f", "9"])
        .assert()
        .success();
    assert_eq!(s.journal()["check_ins"][0]["date"], "2026-11-23");
}

#[test]
fn support_on_a_fresh_data_dir_prints_the_default_and_writes_nothing() {
    let s = Sandbox::new();
    s.cmd()
        .arg("support")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "contact your local emergency number",
        ))
        .stdout(predicate::str::contains(
            "rekindle settings support_text TEXT",
        ));
    assert!(!s.data_dir().exists());
}

#[test]
fn refused_settings_leave_the_file_byte_identical() {
    let s = Sandbox::new();
    s.cmd()
        .args(["settings", "week_starts_on", "sunday"])
        .assert()
        .success();
    let before = std::fs::read(s.journal_path()).unwrap();
    for (key, value) in [
        ("week_starts_on", "someday"),
        ("day_starts_at", "24:00"),
        ("support_text", ""),
        ("nope", "x"),
    ] {
        s.cmd()
            .args(["settings", key, value])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(key));
    }
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);
}

#[test]
fn paths_prints_the_resolved_locations() {
    let s = Sandbox::new();
    let out = stdout_of(&s.cmd().arg("paths").output().unwrap());
    assert!(
        out.contains(&s.journal_path().display().to_string()),
        "{out}"
    );
    assert!(out.contains("backups"), "{out}");
    let flagged = stdout_of(
        &s.cmd()
            .args(["--data-dir", "/tmp/elsewhere", "paths"])
            .output()
            .unwrap(),
    );
    assert!(
        flagged.contains("/tmp/elsewhere/journal.json"),
        "--data-dir wins over the env: {flagged}"
    );
}

#[test]
fn a_daily_backup_is_taken_of_the_journal_that_loaded() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "1", "-c", "1", "-f", "9"])
        .assert()
        .success();
    let first = std::fs::read(s.journal_path()).unwrap();
    s.cmd()
        .args(["checkin", "-e", "2", "-c", "1", "-f", "9"])
        .assert()
        .success();
    let backup = s.data_dir().join("backups/journal-2026-11-23.json");
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        first,
        "the copy is of what loaded"
    );
    s.cmd()
        .args(["checkin", "-e", "3", "-c", "1", "-f", "9"])
        .assert()
        .success();
    assert_eq!(std::fs::read(&backup).unwrap(), first, "once a day");
}

#[test]
fn dst_nights_date_check_ins_by_the_wall_clock() {
    // Europe/Berlin as a POSIX rule: on 2026-03-29 clocks jump 02:00 → 03:00; on 2026-10-25
    // 02:00–03:00 happens twice. Instants are given in UTC; rekindle shows them in TZ.
    let berlin = "CET-1CEST,M3.5.0,M10.5.0/3";
    let cases = [
        ("2026-03-29T01:30:00Z", "2026-03-28", "+02:00"), // 03:30 CEST, before 04:00
        ("2026-03-29T02:00:00Z", "2026-03-29", "+02:00"), // 04:00 CEST
        ("2026-10-25T00:30:00Z", "2026-10-24", "+02:00"), // first 02:30 (CEST)
        ("2026-10-25T01:30:00Z", "2026-10-24", "+01:00"), // second 02:30 (CET)
    ];
    for (instant, day, offset) in cases {
        let s = Sandbox::new();
        s.cmd_at(instant)
            .env("TZ", berlin)
            .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
            .assert()
            .success();
        let journal = s.journal();
        assert_eq!(journal["check_ins"][0]["date"], day, "{instant}");
        let recorded = journal["check_ins"][0]["recorded_at"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            recorded.ends_with(offset),
            "{instant}: recorded_at {recorded}"
        );
    }
}
