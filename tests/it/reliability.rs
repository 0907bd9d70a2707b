//! SPEC §6 from the outside: damaged journals are refused and never touched, files are private,
//! concurrent writers never lose each other's data, and a kill at any instant leaves a whole
//! journal.

use crate::support;

use crate::support::{Sandbox, stderr_of};
use predicates::prelude::*;
use rekindle::journal::{self, CheckIn, Journal, Rating};
use std::process::{Command, Stdio};
use std::time::Duration;

const GOOD: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "check_ins": [
    { "date": "2026-11-20", "exhaustion": 7, "cynicism": 4, "efficacy": 5 }
  ]
}
"#;

/// Every command that writes, each of which must refuse a damaged journal.
fn write_commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["checkin", "-e", "7", "-c", "4", "-f", "5"],
        vec!["connect", "Sam", "--kind", "call", "--felt", "nourishing"],
        vec!["boundary", "add", "No work email after 19:00"],
        vec!["boundary", "archive", "b-1"],
        vec!["settings", "week_starts_on", "sunday"],
    ]
}

fn assert_refused(damage: &str, bytes: &[u8], location: &str) {
    let s = Sandbox::new();
    s.write_journal(bytes);
    for args in write_commands() {
        let out = s.cmd().args(&args).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(65), "{damage}: {args:?}: {err}");
        assert!(
            err.contains(&s.journal_path().display().to_string()),
            "{damage}: the message names the file: {err}"
        );
        assert!(
            err.contains(location),
            "{damage}: the message says where ({location}): {err}"
        );
        assert_eq!(
            std::fs::read(s.journal_path()).unwrap(),
            bytes,
            "{damage}: {args:?} changed the file"
        );
        assert!(
            s.stray_files().is_empty(),
            "{damage}: left {:?}",
            s.stray_files()
        );
        assert!(
            support::list_names(&s.data_dir().join("backups")).is_empty(),
            "{damage}: a damaged journal must not become a backup"
        );
    }
    // Reading commands refuse too, rather than showing an empty journal.
    for args in [vec!["reminders"], vec!["support"], vec!["boundary", "list"]] {
        s.cmd().args(&args).assert().code(65);
    }
}

#[test]
fn empty_file_is_refused() {
    assert_refused("0-byte", b"", "line 1 column 1");
}

#[test]
fn truncated_file_is_refused() {
    assert_refused(
        "truncated",
        &GOOD.as_bytes()[..GOOD.len() - 12],
        "truncated",
    );
}

#[test]
fn garbage_is_refused() {
    assert_refused("garbage", b"\x00\x01 not json at all", "line 1 column");
}

#[test]
fn wrong_type_is_refused_with_its_json_path() {
    let bad = GOOD.replace("\"exhaustion\": 7", "\"exhaustion\": \"seven\"");
    assert_refused(
        "wrong type",
        bad.as_bytes(),
        "check_ins[0].exhaustion, line 5",
    );
}

#[test]
fn out_of_range_rating_is_refused() {
    let bad = GOOD.replace("\"cynicism\": 4", "\"cynicism\": 11");
    assert_refused("rating 11", bad.as_bytes(), "check_ins[0].cynicism");
}

#[test]
fn future_version_is_refused() {
    let bad = GOOD.replace("\"version\": 1", "\"version\": 2");
    assert_refused("version 2", bad.as_bytes(), "newer rekindle");
}

#[test]
fn bare_array_is_refused() {
    assert_refused("array", b"[]", "line 1");
}

#[cfg(unix)]
#[test]
fn files_are_private_even_under_umask_000() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    let exe = assert_cmd::cargo::cargo_bin("rekindle");
    use std::os::unix::process::CommandExt;
    for round in 0..2 {
        let mut cmd = Command::new(&exe);
        // A second, different check-in: the first save has no earlier journal to back up, and
        // the same values again would change (and write) nothing.
        let exhaustion = (round + 1).to_string();
        cmd.args(["checkin", "-e", &exhaustion, "-c", "2", "-f", "9"])
            .env("REKINDLE_DATA_DIR", s.data_dir())
            .env("REKINDLE_NOW", support::NOW)
            .env("TZ", support::TZ)
            .stdout(Stdio::null());
        // SAFETY: umask(2) is async-signal-safe and only sets the new process's mask.
        unsafe {
            cmd.pre_exec(|| {
                libc::umask(0o000);
                Ok(())
            });
        }
        let status = cmd.status().unwrap();
        assert!(status.success(), "round {round}");
    }
    let mode = |p: std::path::PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(s.data_dir()), 0o700);
    assert_eq!(mode(s.journal_path()), 0o600);
    assert_eq!(mode(s.data_dir().join("rekindle.lock")), 0o600);
    assert_eq!(mode(s.data_dir().join("backups")), 0o700);
    assert_eq!(
        mode(s.data_dir().join("backups/journal-2026-11-23.json")),
        0o600
    );
}

#[test]
fn concurrent_writers_lose_nothing() {
    let s = Sandbox::new();
    let exe = assert_cmd::cargo::cargo_bin("rekindle");
    // Two loops, each writing 25 check-ins on its own dates, one process each, at the same time.
    let writer = |month: u32| {
        for day in 1..=25 {
            let status = Command::new(&exe)
                .args(["checkin", "-e", "5", "-c", "5", "-f", "5", "--date"])
                .arg(format!("2026-{month:02}-{day:02}"))
                .env("REKINDLE_DATA_DIR", s.data_dir())
                .env("REKINDLE_NOW", support::NOW)
                .env("TZ", support::TZ)
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success(), "2026-{month:02}-{day:02}");
        }
    };
    std::thread::scope(|scope| {
        scope.spawn(|| writer(9));
        scope.spawn(|| writer(10));
    });
    let journal = s.journal();
    assert_eq!(journal["check_ins"].as_array().unwrap().len(), 50);
}

#[test]
fn a_second_writer_waits_then_gives_up_with_75() {
    use rekindle::store::WriterLock;
    let s = Sandbox::new();
    std::fs::create_dir_all(s.data_dir()).unwrap();
    let _held = WriterLock::acquire(&s.data_dir().join("rekindle.lock"), Duration::ZERO).unwrap();
    s.cmd()
        .args(["checkin", "-e", "1", "-c", "1", "-f", "9"])
        .timeout(Duration::from_secs(30))
        .assert()
        .code(75)
        .stderr(predicate::str::contains("another rekindle"));
    assert!(!s.journal_path().exists());
}

/// A journal big enough that a save takes a while, so kills land mid-write.
fn large_journal(days: u32) -> Vec<u8> {
    let mut journal = Journal::default();
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let r = |v: u32| Rating::new((v % 11) as u8).unwrap();
    for i in 0..days {
        let mut day = CheckIn::new(
            start + chrono::Days::new(u64::from(i)),
            r(i),
            r(i / 3),
            r(i / 7),
        );
        day.note = format!("Day {i}: a long note with some weight — ünïcödé, commas, \"quotes\". ")
            .repeat(3);
        journal.upsert_check_in(day);
    }
    journal::encode(&journal)
}

#[cfg(unix)]
#[test]
fn sigkill_at_random_moments_never_breaks_the_journal() {
    let s = Sandbox::new();
    s.write_journal(&large_journal(3000));
    let exe = assert_cmd::cargo::cargo_bin("rekindle");
    let mut confirmed: Vec<String> = Vec::new();
    // Time one whole save, so kills can be spread over the whole of one, however fast the build.
    let started = std::time::Instant::now();
    let warm_up = Command::new(&exe)
        .args([
            "checkin",
            "-e",
            "4",
            "-c",
            "4",
            "-f",
            "4",
            "--date",
            "2025-12-31",
        ])
        .env("REKINDLE_DATA_DIR", s.data_dir())
        .env("REKINDLE_NOW", support::NOW)
        .env("TZ", support::TZ)
        .output()
        .unwrap();
    assert!(warm_up.status.success());
    let mut span_us = (started.elapsed().as_micros() as u64 * 3 / 2).max(1000);
    // A fixed linear congruential sequence: "random" moments, the same on every run.
    let mut seed: u64 = 0x5eed;
    for round in 0..40u32 {
        let date = format!("2026-{:02}-{:02}", 1 + round / 28, 1 + round % 28);
        let mut child = Command::new(&exe)
            .args(["checkin", "-e", "4", "-c", "4", "-f", "4", "--date", &date])
            .env("REKINDLE_DATA_DIR", s.data_dir())
            .env("REKINDLE_NOW", support::NOW)
            .env("TZ", support::TZ)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % span_us));
        let _ = child.kill();
        let status = child.wait().unwrap();
        // Keep about half the runs interrupted however loaded the machine is: a slow run widens
        // the window kills land in, a fast one narrows it.
        if status.success() {
            confirmed.push(date);
            span_us = span_us * 4 / 5;
        } else {
            span_us = span_us * 5 / 4;
        }
        span_us = span_us.max(1000);
        let bytes = std::fs::read(s.journal_path()).unwrap();
        let journal = journal::decode(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: the journal is broken: {e}"));
        assert!(
            journal.check_ins.len() >= 3000,
            "round {round}: days were lost"
        );
        for day in &confirmed {
            assert!(
                journal.check_ins.iter().any(|c| c.date.to_string() == *day),
                "round {round}: {day} was confirmed but is missing"
            );
        }
    }
    // Some rounds should complete and some be killed, or the test proves little.
    assert!(!confirmed.is_empty(), "no save ever completed");
    assert!(confirmed.len() < 40, "no save was ever interrupted");
}

#[test]
fn a_ten_year_journal_survives_a_cli_write_intact() {
    use rekindle::generate::{Spec, journal as generate};
    let s = Sandbox::new();
    let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let original = generate(&Spec::years(10, end, 3));
    s.write_journal(&journal::encode(&original));
    s.cmd()
        .args(["checkin", "-e", "2", "-c", "2", "-f", "8"])
        .assert()
        .success();
    let saved = journal::decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    assert_eq!(saved.check_ins.len(), original.check_ins.len() + 1);
    let mut without_today = saved.clone();
    without_today.remove_check_in(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    assert_eq!(
        without_today, original,
        "every other entry is exactly as it was"
    );
}
