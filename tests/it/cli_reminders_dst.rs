//! `rekindle reminders --due` on daylight-saving change days: the clock is given as a UTC
//! instant (`REKINDLE_NOW=…Z`) and the zone as a POSIX `TZ` rule string (no tzdata needed), so
//! these tests show the windows follow the local wall clock, not UTC and not the offset that
//! held before the change.

use crate::support::{Sandbox, stdout_of};

const BERLIN: &str = "CET-1CEST,M3.5.0,M10.5.0/3";
const NEW_YORK: &str = "EST5EDT,M3.2.0,M11.1.0";

/// A sandbox in `tz` holding the boundaries `(text, from, until)`, every day.
fn sandbox(tz: &str, boundaries: &[(&str, &str, &str)]) -> Sandbox {
    let sandbox = Sandbox::new();
    for (text, from, until) in boundaries {
        sandbox
            .cmd_at("2026-01-05T12:00:00Z")
            .env("TZ", tz)
            .args(["boundary", "add", text, "--from", from, "--until", until])
            .assert()
            .success();
    }
    sandbox
}

/// Runs `reminders --due` at the UTC instant `utc`; returns the exit code and stdout.
fn due(sandbox: &Sandbox, tz: &str, utc: &str) -> (i32, String) {
    let output = sandbox
        .cmd_at(utc)
        .env("TZ", tz)
        .args(["reminders", "--due"])
        .output()
        .expect("rekindle runs");
    (output.status.code().unwrap_or(-1), stdout_of(&output))
}

#[test]
fn berlin_spring_forward_follows_the_wall_clock() {
    // 2026-03-29: at 01:00 UTC the wall clock jumps from 02:00 CET to 03:00 CEST.
    let s = sandbox(BERLIN, &[("Phone in the other room", "03:00", "03:30")]);
    assert_eq!(
        due(&s, BERLIN, "2026-03-29T00:45:00Z"),
        (1, String::new()),
        "01:45 CET on the wall: not yet"
    );
    assert_eq!(
        due(&s, BERLIN, "2026-03-29T01:10:00Z"),
        (0, "03:10 — you said: Phone in the other room\n".to_string()),
        "an hour and ten minutes of UTC later the wall says 03:10 CEST"
    );
    assert_eq!(
        due(&s, BERLIN, "2026-03-29T01:30:00Z"),
        (1, String::new()),
        "03:30 CEST: the window has ended"
    );
}

#[test]
fn berlin_fall_back_repeats_the_hour_on_the_wall() {
    // 2026-10-25: at 01:00 UTC the wall clock goes back from 03:00 CEST to 02:00 CET, so the
    // wall reads 02:30 twice, an hour apart.
    let s = sandbox(BERLIN, &[("Laptop closed", "02:00", "03:00")]);
    let in_force = (0, "02:30 — you said: Laptop closed\n".to_string());
    assert_eq!(
        due(&s, BERLIN, "2026-10-25T00:30:00Z"),
        in_force,
        "02:30 CEST"
    );
    assert_eq!(
        due(&s, BERLIN, "2026-10-25T01:30:00Z"),
        in_force,
        "02:30 CET"
    );
    assert_eq!(
        due(&s, BERLIN, "2026-10-25T02:00:00Z"),
        (1, String::new()),
        "03:00 CET: over"
    );
}

#[test]
fn new_york_spring_forward_moves_the_morning_end() {
    // 2026-03-08: at 07:00 UTC the wall clock jumps from 02:00 EST to 03:00 EDT. The evening
    // window of Sunday 2026-03-08 ends at 07:00 EDT on Monday, which is 11:00 UTC, not 12:00.
    let s = sandbox(NEW_YORK, &[("No Slack after 19:00", "19:00", "07:00")]);
    assert_eq!(
        due(&s, NEW_YORK, "2026-03-08T23:10:00Z"),
        (0, "19:10 — you said: No Slack after 19:00\n".to_string()),
        "19:10 EDT"
    );
    assert_eq!(
        due(&s, NEW_YORK, "2026-03-09T10:59:00Z").0,
        0,
        "06:59 EDT: still in force"
    );
    assert_eq!(
        due(&s, NEW_YORK, "2026-03-09T11:30:00Z"),
        (1, String::new()),
        "07:30 EDT: over (it would be 06:30 at the winter offset)"
    );
}

#[test]
fn new_york_fall_back_keeps_the_window_through_the_repeated_hour() {
    // 2026-11-01: at 06:00 UTC the wall clock goes back from 02:00 EDT to 01:00 EST.
    let s = sandbox(NEW_YORK, &[("Pager muted", "01:00", "02:00")]);
    let in_force = (0, "01:30 — you said: Pager muted\n".to_string());
    assert_eq!(
        due(&s, NEW_YORK, "2026-11-01T05:30:00Z"),
        in_force,
        "01:30 EDT"
    );
    assert_eq!(
        due(&s, NEW_YORK, "2026-11-01T06:30:00Z"),
        in_force,
        "01:30 EST"
    );
    assert_eq!(
        due(&s, NEW_YORK, "2026-11-01T07:00:00Z"),
        (1, String::new()),
        "02:00 EST: over"
    );
}
