//! Forgiving input on the command line (issue 13): text that starts with "-", three-letter
//! weekdays, `H:MM` times, `today` / `yesterday` for dates. Every refusal names what is
//! accepted.

use crate::support::{Sandbox, stderr_of, stdout_of};
use serde_json::json;

fn ok(s: &Sandbox, args: &[&str]) -> String {
    let output = s.cmd().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output)
}

fn refused(s: &Sandbox, args: &[&str]) -> String {
    let output = s.cmd().args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stdout_of(&output)
    );
    stderr_of(&output)
}

#[test]
fn text_values_may_start_with_a_hyphen() {
    let s = Sandbox::new();
    ok(
        &s,
        &[
            "checkin",
            "-e",
            "3",
            "-c",
            "2",
            "-f",
            "7",
            "--note",
            "-5 degrees and rain",
        ],
    );
    assert_eq!(s.journal()["check_ins"][0]["note"], "-5 degrees and rain");
    let out = ok(
        &s,
        &[
            "connect",
            "-Sam-",
            "--kind",
            "call",
            "--felt",
            "neutral",
            "--note",
            "--late again",
            "--gratitude",
            "-1 worry",
        ],
    );
    assert!(out.contains("with -Sam- on"), "{out}");
    let connection = &s.journal()["connections"][0];
    assert_eq!(
        (
            &connection["person"],
            &connection["note"],
            &connection["gratitude"]
        ),
        (&json!("-Sam-"), &json!("--late again"), &json!("-1 worry"))
    );
    ok(
        &s,
        &[
            "boundary",
            "add",
            "- no email after 19:00",
            "--from",
            "19:00",
        ],
    );
    assert_eq!(
        s.journal()["boundaries"][0]["text"],
        "- no email after 19:00"
    );
    ok(&s, &["settings", "support_text", "-- call Sam on 555 0100"]);
    assert_eq!(
        s.journal()["settings"]["support_text"],
        "-- call Sam on 555 0100"
    );
    // Flags after a positional are still flags.
    let out = ok(&s, &["settings", "week_starts_on", "--json"]);
    assert_eq!(out, "\"monday\"\n");
    // `--note -` still reads stdin.
    let output = s
        .cmd()
        .args([
            "checkin",
            "-e",
            "3",
            "-c",
            "2",
            "-f",
            "7",
            "--note",
            "-",
            "--date",
            "2026-11-20",
        ])
        .write_stdin("private words\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(s.journal()["check_ins"][0]["note"], "private words");
}

#[test]
fn weekdays_accept_three_letters_and_full_names_in_any_case() {
    let s = Sandbox::new();
    for (typed, stored) in [
        ("sun", "sunday"),
        ("Sat", "saturday"),
        ("MONDAY", "monday"),
        ("tuesday", "tuesday"),
        ("thu", "thursday"),
    ] {
        let out = ok(&s, &["settings", "week_starts_on", typed]);
        assert_eq!(out, format!("week_starts_on is now {stored}\n"));
        assert_eq!(s.journal()["settings"]["week_starts_on"], stored);
    }
    ok(
        &s,
        &["boundary", "add", "Weekend off", "--days", "saturday,Sun"],
    );
    assert_eq!(s.journal()["boundaries"][0]["days"], json!(["sat", "sun"]));

    let err = refused(&s, &["settings", "week_starts_on", "sonntag"]);
    assert!(
        err.contains("monday, tuesday, … sunday, or mon, tue, … sun"),
        "{err}"
    );
    let err = refused(&s, &["boundary", "add", "x", "--days", "mon,funday"]);
    assert!(
        err.contains("mon, tue, wed, thu, fri, sat or sun (or its full name)"),
        "{err}"
    );
}

#[test]
fn times_accept_h_mm_and_are_stored_as_hh_mm() {
    let s = Sandbox::new();
    let out = ok(
        &s,
        &[
            "boundary",
            "add",
            "Phone away",
            "--from",
            "7:00",
            "--until",
            "9:30",
        ],
    );
    assert!(out.contains("07:00–09:30"), "{out}");
    let boundary = &s.journal()["boundaries"][0];
    assert_eq!(
        (&boundary["from"], &boundary["until"]),
        (&json!("07:00"), &json!("09:30"))
    );
    ok(
        &s,
        &[
            "boundary", "add", "Evening", "--from", "19:00", "--until", "07:00",
        ],
    );
    assert_eq!(
        ok(&s, &["settings", "day_starts_at", "5:00"]),
        "day_starts_at is now 05:00\n"
    );
    assert_eq!(s.journal()["settings"]["day_starts_at"], "05:00");
    ok(&s, &["settings", "day_starts_at", "04:00"]);
    for bad in ["7", "7:0", "24:00", "7.00", "07:00:00", "seven"] {
        let err = refused(&s, &["boundary", "add", "x", "--from", bad]);
        assert!(
            err.contains("expected a time as HH:MM or H:MM from 00:00 to 23:59"),
            "{bad}: {err}"
        );
        let err = refused(&s, &["settings", "day_starts_at", bad]);
        assert!(
            err.contains("a time HH:MM or H:MM from 00:00 to 23:59"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn dates_accept_today_and_yesterday_as_journal_days() {
    let s = Sandbox::new();
    // Monday 2026-11-23 21:04.
    let out = ok(
        &s,
        &[
            "checkin",
            "-e",
            "1",
            "-c",
            "1",
            "-f",
            "9",
            "--date",
            "yesterday",
        ],
    );
    assert!(out.contains("Sun 2026-11-22"), "{out}");
    let out = ok(
        &s,
        &[
            "checkin", "-e", "1", "-c", "1", "-f", "9", "--date", "Today",
        ],
    );
    assert!(out.contains("Mon 2026-11-23"), "{out}");
    let out = ok(
        &s,
        &[
            "connect",
            "Sam",
            "--kind",
            "call",
            "--felt",
            "neutral",
            "--date",
            "yesterday",
        ],
    );
    assert!(out.contains("on Sun 2026-11-22"), "{out}");

    // 01:30 on Tuesday is still Monday's journal day (day_starts_at 04:00).
    let late = s
        .cmd_at("2026-11-24T01:30:00+01:00")
        .args([
            "checkin",
            "-e",
            "2",
            "-c",
            "2",
            "-f",
            "8",
            "--date",
            "yesterday",
        ])
        .output()
        .unwrap();
    assert!(
        stdout_of(&late).contains("Sun 2026-11-22"),
        "{}",
        stdout_of(&late)
    );
    let late = s
        .cmd_at("2026-11-24T01:30:00+01:00")
        .args(["trends", "--as-of", "today", "--weeks", "1"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&late).starts_with("Weekly review as of 2026-11-23"),
        "{}",
        stdout_of(&late)
    );

    let out = ok(&s, &["trends", "--as-of", "yesterday", "--weeks", "1"]);
    assert!(out.starts_with("Weekly review as of 2026-11-22"), "{out}");
    let out = ok(
        &s,
        &[
            "export",
            "--format",
            "csv",
            "--from",
            "yesterday",
            "--to",
            "today",
        ],
    );
    let dates: Vec<&str> = out.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(dates, ["2026-11-22", "2026-11-23"]);

    for (args, flag) in [
        (
            vec![
                "checkin", "-e", "1", "-c", "1", "-f", "1", "--date", "tomorrow",
            ],
            "--date",
        ),
        (vec!["trends", "--as-of", "last week"], "--as-of"),
        (vec!["export", "--from", "2026/11/01"], "--from"),
    ] {
        let err = refused(&s, &args);
        assert!(
            err.contains(&format!(
                "invalid {flag}: expected a date as YYYY-MM-DD, today or yesterday"
            )),
            "{err}"
        );
    }
    let err = refused(&s, &["export", "--from", "today", "--to", "yesterday"]);
    assert!(err.contains("before it starts"), "{err}");
}
