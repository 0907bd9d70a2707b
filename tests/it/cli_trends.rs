//! `rekindle trends` and `rekindle status` as a user meets them: the real binary on small
//! hand-written journals whose numbers are worked out by hand in the comments. "Now" is Monday
//! 2026-11-23 21:04 (support::NOW), weeks start on Monday unless a test says otherwise.

use crate::support::{Sandbox, list_names, stderr_of, stdout_of};
use serde_json::{Value, json};

/// A journal file with these check-ins, connections, boundaries and settings (JSON fragments).
fn journal(check_ins: &str, connections: &str, boundaries: &str, settings: &str) -> Vec<u8> {
    format!(
        r#"{{"format": "rekindle-journal", "version": 1, "settings": {{{settings}}},
            "check_ins": [{check_ins}], "connections": [{connections}], "boundaries": [{boundaries}]}}"#
    )
    .into_bytes()
}

fn day(date: &str, e: u8, c: u8, f: u8) -> String {
    format!(r#"{{"date": "{date}", "exhaustion": {e}, "cynicism": {c}, "efficacy": {f}}}"#)
}

fn day_with_boundary(date: &str, (e, c, f): (u8, u8, u8), outcome: &str) -> String {
    format!(
        r#"{{"date": "{date}", "exhaustion": {e}, "cynicism": {c}, "efficacy": {f},
            "boundaries": {{"b-1": "{outcome}"}}}}"#
    )
}

fn trends_json(s: &Sandbox, args: &[&str]) -> Value {
    let output = s
        .cmd()
        .arg("trends")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).expect("trends --json prints JSON")
}

/// Two complete weeks and today:
///
/// Week of 2026-11-09: (6,4,6) S 14, (5,3,7) S 11, (7,5,4) S 18. ΣS 43 over 3:
///   composite 10·43/9 = 47.78 → 47.8, moderate (2·43 = 86 ≥ 15·3 = 45, but 43 < 45);
///   E 18/3 = 6.0, C 12/3 = 4.0, F 17/3 = 5.67 → 5.7.
/// Week of 2026-11-16: (8,6,3) S 21, (6,4,5) S 15, (4,2,7) S 9, (7,5,5) S 17. ΣS 62 over 4:
///   composite 10·62/12 = 51.67 → 51.7, high (62 ≥ 15·4 = 60); E 25/4 = 6.25 → 6.3 and
///   C 17/4 = 4.25 → 4.3 (halves round away from zero), F 20/4 = 5.0.
///   Boundary b-1: kept, slipped, kept, kept → 3/4 = 0.75 → 0.8.
///   Connections: Sam (nourishing, me) on 11-20, Ana (draining, them) on 11-18.
/// Week of 2026-11-23: one check-in today (3,3,8): no means.
/// Change: the latest week with means is 11-16, against 11-09:
///   Δ·10 = 100·(62·3 − 43·4)/(3·4·3) = 1400/36 = 38.9 → 39 → +3.9, steady (< 5).
/// Slope: 8 check-ins in the last 28 days, fewer than 10 → null.
/// Days since a nourishing connection: 11-20 to 11-23 = 3.
/// Flags: none. Isolation needs no nourishing contact in the last 7 days (11-20 is inside);
///   persistent strain needs both complete weeks ≥ 50 (11-09 is 47.8); no day has S ≥ 27;
///   no E ≥ 7 on 8 days; b-1 slipped once.
fn two_weeks() -> Vec<u8> {
    let check_ins = [
        day("2026-11-09", 6, 4, 6),
        day("2026-11-11", 5, 3, 7),
        day("2026-11-13", 7, 5, 4),
        day_with_boundary("2026-11-16", (8, 6, 3), "kept"),
        day_with_boundary("2026-11-17", (6, 4, 5), "slipped"),
        day_with_boundary("2026-11-19", (4, 2, 7), "kept"),
        day_with_boundary("2026-11-20", (7, 5, 5), "kept"),
        day("2026-11-23", 3, 3, 8),
    ]
    .join(",");
    let connections = r#"
        {"id": "c-1", "date": "2026-11-20", "person": "Sam", "kind": "call", "initiated_by": "me", "felt": "nourishing"},
        {"id": "c-2", "date": "2026-11-18", "person": "Ana", "kind": "message", "initiated_by": "them", "felt": "draining"}"#;
    let boundaries = r#"{"id": "b-1", "text": "No work email after 19:00"}"#;
    journal(&check_ins, connections, boundaries, "")
}

#[test]
fn trends_json_holds_the_hand_worked_figures() {
    let s = Sandbox::new();
    s.write_journal(&two_weeks());
    let review = trends_json(&s, &["--weeks", "3"]);
    assert_eq!(
        review,
        json!({
            "today": "2026-11-23",
            "weeks": [
                {
                    "week_start": "2026-11-09", "check_ins": 3,
                    "exhaustion": 6.0, "cynicism": 4.0, "efficacy": 5.7,
                    "composite": 47.8, "band": "moderate",
                    "connections": { "nourishing": 0, "neutral": 0, "draining": 0, "initiated_by_me": 0 },
                    "boundaries_kept_rate": null
                },
                {
                    "week_start": "2026-11-16", "check_ins": 4,
                    "exhaustion": 6.3, "cynicism": 4.3, "efficacy": 5.0,
                    "composite": 51.7, "band": "high",
                    "connections": { "nourishing": 1, "neutral": 0, "draining": 1, "initiated_by_me": 1 },
                    "boundaries_kept_rate": 0.8
                },
                {
                    "week_start": "2026-11-23", "check_ins": 1,
                    "exhaustion": null, "cynicism": null, "efficacy": null,
                    "composite": null, "band": null,
                    "connections": { "nourishing": 0, "neutral": 0, "draining": 0, "initiated_by_me": 0 },
                    "boundaries_kept_rate": null
                }
            ],
            "change": { "composite": 3.9, "direction": "steady",
                        "week_start": "2026-11-16", "previous_week_start": "2026-11-09" },
            "slope_28d": null,
            "days_since_nourishing": 3,
            "flags": []
        })
    );
}

#[test]
fn weeks_defaults_to_eight_and_counts_back_from_the_current_week() {
    let s = Sandbox::new();
    s.write_journal(&two_weeks());
    let starts = |review: &Value| -> Vec<String> {
        review["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["week_start"].as_str().unwrap().to_string())
            .collect()
    };
    // Eight Mondays ending with 2026-11-23: the first is 7·7 = 49 days earlier, 2026-10-05.
    let default = trends_json(&s, &[]);
    let weeks = starts(&default);
    assert_eq!(weeks.len(), 8);
    assert_eq!(weeks[0], "2026-10-05");
    assert_eq!(weeks[7], "2026-11-23");
    // Weeks without check-ins are listed with null means, never zeros.
    assert_eq!(default["weeks"][0]["check_ins"], 0);
    assert_eq!(default["weeks"][0]["composite"], Value::Null);
    assert_eq!(starts(&trends_json(&s, &["--weeks", "1"])), ["2026-11-23"]);
    let zero = s.cmd().args(["trends", "--weeks", "0"]).output().unwrap();
    assert_eq!(zero.status.code(), Some(2), "{}", stderr_of(&zero));
}

/// Ten check-ins three days apart over the last 28 days, x = date − (today − 27) = 0, 3, …, 27,
/// with F 10 and E + C = 3, 4, …, 12: S = 3 + x/3. The daily composite 10·S/3 = 10 + 10x/9 is
/// a straight line, so the least-squares slope is exactly 10/9 a day = 70/9 = 7.78 → 7.8 a week.
fn rising_month() -> Vec<u8> {
    let pairs = [
        (2, 1),
        (2, 2),
        (3, 2),
        (3, 3),
        (4, 3),
        (4, 4),
        (5, 4),
        (5, 5),
        (6, 5),
        (6, 6),
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 10, 27).unwrap();
    let check_ins: Vec<String> = pairs
        .iter()
        .enumerate()
        .map(|(k, &(e, c))| {
            let date = start + chrono::Days::new(3 * k as u64);
            day(&date.to_string(), e, c, 10)
        })
        .collect();
    journal(&check_ins.join(","), "", "", "")
}

#[test]
fn slope_is_reported_with_ten_check_ins_and_as_of_ignores_later_entries() {
    let s = Sandbox::new();
    s.write_journal(&rising_month());
    let review = trends_json(&s, &[]);
    assert_eq!(review["slope_28d"], json!(7.8));
    let table = stdout_of(&s.cmd().arg("trends").output().unwrap());
    assert!(
        table.contains("28-day slope: +7.8 points a week, rising"),
        "{table}"
    );
    // As of 2026-11-20 the window is 10-24 … 11-20: the check-in of 11-23 does not exist yet,
    // leaving 9 — one short of a slope.
    let earlier = trends_json(&s, &["--as-of", "2026-11-20"]);
    assert_eq!(earlier["today"], "2026-11-20");
    assert_eq!(earlier["slope_28d"], Value::Null);
    let weeks = earlier["weeks"].as_array().unwrap();
    assert_eq!(weeks.last().unwrap()["week_start"], "2026-11-16");
    // Week of 11-16 as of 11-20: only 11-17 and 11-20 → 2 check-ins, no means.
    assert_eq!(weeks.last().unwrap()["check_ins"], 2);
    assert_eq!(weeks.last().unwrap()["composite"], Value::Null);
    let table = stdout_of(
        &s.cmd()
            .args(["trends", "--as-of", "2026-11-20"])
            .output()
            .unwrap(),
    );
    assert!(table.contains("(9 so far)"), "{table}");
}

#[test]
fn as_of_must_be_a_valid_day_not_after_today() {
    let s = Sandbox::new();
    s.write_journal(&two_weeks());
    for (bad, says) in [
        ("2026-11-24", "after today (2026-11-23)"),
        ("2026-02-30", "invalid --as-of"),
        // `today` and `yesterday` are accepted (tests/cli_input_forms.rs); other words are not.
        (
            "last week",
            "expected a date as YYYY-MM-DD, today or yesterday",
        ),
    ] {
        let output = s.cmd().args(["trends", "--as-of", bad]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(stderr_of(&output).contains(says), "{}", stderr_of(&output));
    }
    // Today itself is fine; before 04:00 on the 24th it is still the 23rd's journal day.
    s.cmd()
        .args(["trends", "--as-of", "2026-11-23"])
        .assert()
        .success();
    let late = s
        .cmd_at("2026-11-24T01:30:00+01:00")
        .args(["trends", "--as-of", "2026-11-24", "--json"])
        .output()
        .unwrap();
    assert_eq!(late.status.code(), Some(2), "{}", stderr_of(&late));
}

/// With weeks starting on Saturday, Monday 2026-11-23 is in the week of Saturday 2026-11-21.
/// Check-ins on Sat 11-21 (5,5,5) S 15, Sun 11-22 (6,5,5) S 16 and Mon 11-23 (7,5,5) S 17 are
/// one week: ΣS 48 over 3 → 10·48/9 = 53.33 → 53.3, high (48 ≥ 45). On Monday weeks they would
/// split 2 + 1 and have no means at all.
#[test]
fn week_starts_on_saturday_names_weeks_by_their_saturday() {
    let s = Sandbox::new();
    let check_ins = [
        day("2026-11-21", 5, 5, 5),
        day("2026-11-22", 6, 5, 5),
        day("2026-11-23", 7, 5, 5),
    ]
    .join(",");
    s.write_journal(&journal(
        &check_ins,
        "",
        "",
        r#""week_starts_on": "saturday""#,
    ));
    let review = trends_json(&s, &["--weeks", "3"]);
    let weeks = review["weeks"].as_array().unwrap();
    let starts: Vec<&str> = weeks
        .iter()
        .map(|w| w["week_start"].as_str().unwrap())
        .collect();
    assert_eq!(starts, ["2026-11-07", "2026-11-14", "2026-11-21"]);
    for start in &starts {
        let date = chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap();
        assert_eq!(chrono::Datelike::weekday(&date), chrono::Weekday::Sat);
    }
    assert_eq!(weeks[2]["check_ins"], 3);
    assert_eq!(weeks[2]["composite"], json!(53.3));
    assert_eq!(weeks[2]["band"], "high");
    assert_eq!(review["change"]["week_start"], "2026-11-21");
    assert_eq!(review["change"]["previous_week_start"], "2026-11-14");
    let table = stdout_of(&s.cmd().arg("trends").output().unwrap());
    assert!(table.contains("(weeks start on Saturday)"), "{table}");
    assert!(table.contains("2026-11-21    3 of 3"), "{table}");
}

#[test]
fn trends_table_reads_as_a_review_and_ends_with_the_support_text() {
    let s = Sandbox::new();
    s.write_journal(&two_weeks());
    let table = stdout_of(&s.cmd().args(["trends", "--weeks", "3"]).output().unwrap());
    for line in [
        "2026-11-09    3 of 7   6.0  4.0  5.7  47.8 moderate strain     0/0/0 (0)     -",
        "2026-11-16    4 of 7   6.3  4.3  5.0  51.7 high strain         1/0/1 (1)   3/4",
        "2026-11-23    1 of 1  not enough check-ins (1 of 3)            0/0/0 (0)     -",
        "Change: +3.9, steady (week of 2026-11-16: 51.7; week of 2026-11-09: 47.8)",
        "Days since a nourishing connection: 3",
        "No flags right now.",
        "A reflection aid, not a diagnosis.",
    ] {
        assert!(table.contains(line), "missing {line:?} in\n{table}");
    }
    assert!(
        table
            .trim_end()
            .ends_with("Set your own line with: rekindle settings support_text TEXT"),
        "{table}"
    );
}

#[test]
fn trends_and_status_write_nothing() {
    let s = Sandbox::new();
    s.write_journal(&two_weeks());
    let before = std::fs::read(s.journal_path()).unwrap();
    s.cmd().arg("trends").assert().success();
    s.cmd().args(["trends", "--json"]).assert().success();
    s.cmd().arg("status").assert().success();
    // `status` may leave its derived summary (`cache/`, deleting it loses nothing), never a
    // backup or a lock, and never touches the journal.
    assert_eq!(
        list_names(&s.data_dir()),
        ["cache", "journal.json"],
        "no backup, no lock"
    );
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);
    // On a fresh data dir they do not even create the directory.
    let fresh = Sandbox::new();
    fresh.cmd().arg("trends").assert().success();
    let status = fresh.cmd().arg("status").output().unwrap();
    assert_eq!(
        stdout_of(&status),
        "not checked in today · too few check-ins for 7-day arrows\n"
    );
    assert!(!fresh.data_dir().exists());
}

/// SCORING.md's status example: exhaustion over the last 7 days (11-17 … 11-23) 4, 4, 5 against
/// the 7 before (11-10 … 11-16) 4, 4, 4, 4, 4, 3: 13/3 − 23/6 = 0.5 exactly → ↑ (naive floats
/// give 0.4999…). Cynicism and efficacy stay 5 → →.
#[test]
fn status_shows_todays_check_in_and_the_exact_seven_day_arrows() {
    let s = Sandbox::new();
    let mut check_ins: Vec<String> = ["10", "11", "12", "13", "14"]
        .iter()
        .map(|d| day(&format!("2026-11-{d}"), 4, 5, 5))
        .collect();
    check_ins.push(day("2026-11-15", 3, 5, 5));
    check_ins.push(day("2026-11-21", 4, 5, 5));
    check_ins.push(day("2026-11-22", 4, 5, 5));
    s.write_journal(&journal(&check_ins.join(","), "", "", ""));
    // Before today's check-in: 2 of 3 needed in the last 7 days, so no arrows yet.
    let status = stdout_of(&s.cmd().arg("status").output().unwrap());
    assert_eq!(
        status,
        "not checked in today · too few check-ins for 7-day arrows\n"
    );
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
        .assert()
        .success();
    let status = stdout_of(&s.cmd().arg("status").output().unwrap());
    assert_eq!(
        status,
        "checked in today · exhaustion ↑ cynicism → efficacy →\n"
    );
}

#[test]
fn an_unreadable_journal_is_exit_65_for_trends_and_status() {
    let s = Sandbox::new();
    s.write_journal(b"{\"format\": \"rekindle-journal\", \"version\": 1, \"check_ins\": [");
    for args in [&["trends"][..], &["status"][..]] {
        let output = s.cmd().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(65), "{args:?}");
        assert!(stderr_of(&output).contains("journal.json"));
    }
}
