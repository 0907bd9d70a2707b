//! Issue 12, "Nothing is lost": refused commands write nothing, backups are chosen by when they
//! were taken, symlinks stay links, dates and inputs stay in bounds, stale temp files go, and
//! exports replace only regular files. The real binary with a temp data dir and a fixed clock.

use crate::support;

use crate::support::{Sandbox, list_names, stderr_of};
use predicates::prelude::*;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A Monday a week before `support::NOW`.
const LAST_WEEK: &str = "2026-11-16T10:00:00+01:00";

fn checkin(s: &Sandbox, now: &str) {
    s.cmd_at(now)
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
        .assert()
        .success();
}

/// A journal with one boundary and a check-in, written last week, and seven backups from the
/// week before today (so any new backup would prune the oldest).
fn journal_with_full_backups() -> Sandbox {
    let s = Sandbox::new();
    s.cmd_at(LAST_WEEK)
        .args(["boundary", "add", "No email after 19:00"])
        .assert()
        .success();
    checkin(&s, LAST_WEEK);
    let backups = s.data_dir().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    for day in 16..=22 {
        std::fs::write(backups.join(format!("journal-2026-11-{day}.json")), b"{}").unwrap();
    }
    s
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for name in list_names(dir) {
        let path = dir.join(&name);
        if path.is_dir() {
            for (inner, bytes) in snapshot(&path) {
                out.push((format!("{name}/{inner}"), bytes));
            }
        } else {
            out.push((name, std::fs::read(&path).unwrap_or_default()));
        }
    }
    out
}

fn set_mtime(path: &Path, ago: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - ago).unwrap();
}

// Item 2: refused means untouched.

#[test]
fn a_refused_command_creates_rotates_and_deletes_nothing() {
    let s = journal_with_full_backups();
    let before = snapshot(&s.data_dir());
    let refused: [&[&str]; 6] = [
        &[
            "checkin",
            "-e",
            "5",
            "-c",
            "5",
            "-f",
            "5",
            "--date",
            "2026-11-24",
        ],
        &[
            "checkin",
            "-e",
            "5",
            "-c",
            "5",
            "-f",
            "5",
            "--date",
            "2026-13-01",
        ],
        &["checkin", "-e", "5", "-c", "5", "-f", "5", "--kept", "b-9"],
        &[
            "connect",
            "Sam",
            "--kind",
            "call",
            "--felt",
            "neutral",
            "--date",
            "2026-11-24",
        ],
        &["boundary", "archive", "b-7"],
        &["settings", "week_starts_on", "someday"],
    ];
    for args in refused {
        s.cmd().args(args).assert().code(2);
        assert_eq!(
            snapshot(&s.data_dir()),
            before,
            "{args:?} changed the data dir"
        );
    }
}

#[test]
fn a_refused_first_command_does_not_even_create_the_data_dir() {
    let s = Sandbox::new();
    for args in [
        &[
            "checkin",
            "-e",
            "5",
            "-c",
            "5",
            "-f",
            "5",
            "--date",
            "2026-11-24",
        ][..],
        &["checkin", "-e", "5", "-c", "5", "-f", "5", "--kept", "b-1"],
        &[
            "connect",
            "Sam",
            "--kind",
            "call",
            "--felt",
            "neutral",
            "--date",
            "2027-01-01",
        ],
        &["boundary", "archive", "b-1"],
    ] {
        s.cmd().args(args).assert().code(2);
        assert!(!s.data_dir().exists(), "{args:?} created the data dir");
    }
}

// Item 3: backups by when they were taken, only rekindle's own pruned, the future ignored.

#[test]
fn pruning_keeps_a_users_own_files_in_backups() {
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    let backups = s.data_dir().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let own = [
        "journal-notes-1.json",
        "journal-2026-1-1.json",
        "journal-2026-11-01.json.bak",
        "journal-2026-11-01-copy.json",
    ];
    for name in own {
        std::fs::write(backups.join(name), b"mine").unwrap();
    }
    // Ten days of writes: ten backups taken, the newest seven kept.
    for day in 13..=23 {
        checkin(&s, &format!("2026-11-{day}T10:00:00+01:00"));
    }
    let names = list_names(&backups);
    for name in own {
        assert!(
            names.contains(&name.to_string()),
            "{name} was pruned: {names:?}"
        );
    }
    let ours: Vec<_> = names
        .iter()
        .filter(|n| !own.contains(&n.as_str()))
        .collect();
    assert_eq!(ours.len(), 7, "{names:?}");
    assert_eq!(ours[0], "journal-2026-11-17.json", "{names:?}");
}

#[test]
fn future_dated_backups_neither_crowd_out_nor_outrank_fresh_ones() {
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    // Seven backups written under a clock in 2099.
    for day in 1..=7 {
        checkin(&s, &format!("2099-01-0{day}T10:00:00+01:00"));
    }
    let backups = s.data_dir().join("backups");
    assert_eq!(list_names(&backups).len(), 7);
    checkin(&s, "2026-11-22T10:00:00+01:00");
    checkin(&s, support::NOW);
    let names = list_names(&backups);
    assert!(
        names.contains(&"journal-2026-11-22.json".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"journal-2026-11-23.json".to_string()),
        "{names:?}"
    );

    // Restoring picks today's, never 2099's.
    let expected = std::fs::read(backups.join("journal-2026-11-23.json")).unwrap();
    s.write_journal(b"{ damaged");
    let store = rekindle::store::Store::new(rekindle::paths::Paths::in_dir(s.data_dir()));
    let lock = store.lock(Duration::ZERO).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(support::NOW).unwrap();
    let (used, _aside) = store.restore_backup(&lock, now).unwrap().unwrap();
    assert!(used.ends_with("journal-2026-11-23.json"), "{used:?}");
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), expected);
}

#[test]
fn backups_are_ordered_by_when_they_were_taken_not_by_name() {
    // Flying west: the backup named 11-24 was taken first, the one named 11-23 an hour later.
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    let journal = std::fs::read(s.journal_path()).unwrap();
    let backups = s.data_dir().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let tokyo = backups.join("journal-2026-11-24.json");
    let honolulu = backups.join("journal-2026-11-23.json");
    std::fs::write(&tokyo, &journal).unwrap();
    std::fs::write(&honolulu, &journal).unwrap();
    set_mtime(&tokyo, Duration::from_secs(7200));
    set_mtime(&honolulu, Duration::from_secs(3600));
    let store = rekindle::store::Store::new(rekindle::paths::Paths::in_dir(s.data_dir()));
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+01:00").unwrap();
    let listed = store.backups(now);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0].path, honolulu, "{listed:?}");
    assert!(listed[0].taken > listed[1].taken, "{listed:?}");
    s.write_journal(b"");
    let lock = store.lock(Duration::ZERO).unwrap();
    let (used, _) = store.restore_backup(&lock, now).unwrap().unwrap();
    assert_eq!(used, honolulu);
}

#[test]
fn the_recovery_list_says_what_each_backup_holds_and_one_can_be_restored() {
    let s = Sandbox::new();
    checkin(&s, "2026-11-20T10:00:00+01:00");
    checkin(&s, "2026-11-21T10:00:00+01:00");
    checkin(&s, "2026-11-22T10:00:00+01:00");
    let backups = s.data_dir().join("backups");
    std::fs::write(backups.join("journal-2026-11-19.json"), b"{ broken").unwrap();
    set_mtime(
        &backups.join("journal-2026-11-19.json"),
        Duration::from_secs(86_400),
    );
    let store = rekindle::store::Store::new(rekindle::paths::Paths::in_dir(s.data_dir()));
    let now = chrono::DateTime::parse_from_rfc3339(support::NOW).unwrap();
    let listed = store.backups(now);
    let names: Vec<_> = listed
        .iter()
        .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "journal-2026-11-22.json",
            "journal-2026-11-21.json",
            "journal-2026-11-19.json"
        ]
    );
    assert_eq!(listed[0].check_ins, Some(2));
    assert_eq!(
        listed[0].last_date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
    );
    assert!(listed[0].decodes);
    assert!(!listed[2].decodes);
    assert_eq!(listed[2].check_ins, None);

    // Restore the older one the person picks; the current journal is moved aside, not lost.
    let current = std::fs::read(s.journal_path()).unwrap();
    let lock = store.lock(Duration::ZERO).unwrap();
    let aside = store
        .restore_backup_at(&lock, &listed[1].path, now)
        .unwrap()
        .expect("the journal existed");
    assert_eq!(std::fs::read(&aside).unwrap(), current);
    assert_eq!(
        std::fs::read(s.journal_path()).unwrap(),
        std::fs::read(&listed[1].path).unwrap()
    );
    // A backup that does not decode, or a file that is not one of rekindle's backups, is refused.
    assert!(
        store
            .restore_backup_at(&lock, &listed[2].path, now)
            .is_err()
    );
    let elsewhere = s.dir.path().join("journal-2026-11-22.json");
    std::fs::copy(&listed[0].path, &elsewhere).unwrap();
    assert!(store.restore_backup_at(&lock, &elsewhere, now).is_err());
}

// Item 4: symlinks kept.

#[cfg(unix)]
#[test]
fn a_symlinked_journal_stays_a_link_and_its_target_is_saved() {
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    let real_dir = s.dir.path().join("synced");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("journal.json");
    std::fs::rename(s.journal_path(), &real).unwrap();
    std::os::unix::fs::symlink("../synced/journal.json", s.journal_path()).unwrap();
    checkin(&s, support::NOW);
    let meta = std::fs::symlink_metadata(s.journal_path()).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    let journal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&real).unwrap()).unwrap();
    assert_eq!(journal["check_ins"].as_array().unwrap().len(), 2);
    assert_eq!(list_names(&real_dir), ["journal.json"], "no temp file left");
    assert!(s.stray_files().is_empty(), "{:?}", s.stray_files());
}

#[cfg(unix)]
#[test]
fn a_symlinked_data_dir_stays_a_link() {
    let s = Sandbox::new();
    let real = s.dir.path().join("real-data");
    std::fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, s.data_dir()).unwrap();
    checkin(&s, LAST_WEEK);
    checkin(&s, support::NOW);
    assert!(
        std::fs::symlink_metadata(s.data_dir())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(real.join("journal.json").is_file());
}

// Item 9: dates stay in range.

#[test]
fn a_clock_or_date_outside_1970_to_9999_is_refused_and_nothing_is_written() {
    let s = Sandbox::new();
    for now in [
        "9999-12-31T23:30:00-01:00", // 10000-01-01 in TZ
        "1969-12-31T12:00:00+00:00",
        "0001-01-01T00:00:00+00:00",
    ] {
        let out = s
            .cmd_at(now)
            .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{now}");
        assert!(
            stderr_of(&out).contains("1970-01-01") && stderr_of(&out).contains("9999-12-31"),
            "{now}: {}",
            stderr_of(&out)
        );
        assert!(!s.data_dir().exists(), "{now}");
    }
    s.cmd()
        .args([
            "checkin",
            "-e",
            "5",
            "-c",
            "5",
            "-f",
            "5",
            "--date",
            "1969-12-31",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1970-01-01"));
    s.cmd()
        .args([
            "connect",
            "Sam",
            "--kind",
            "call",
            "--felt",
            "neutral",
            "--date",
            "0100-01-01",
        ])
        .assert()
        .code(2);
    assert!(!s.data_dir().exists());
}

// Item 10: leftovers cleaned.

#[test]
fn the_next_save_removes_stale_temp_files_of_rekindle_only() {
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    let stale = s.data_dir().join(".rekindle-Ab3xY9.tmp");
    let fresh = s.data_dir().join(".rekindle-Zz9zZ9.tmp");
    let theirs = s.data_dir().join(".rekindle-notes-of-mine.tmp");
    let stale_backup = s.data_dir().join("backups/.rekindle-Qq1qQ1.tmp");
    std::fs::create_dir_all(s.data_dir().join("backups")).unwrap();
    for path in [&stale, &fresh, &theirs, &stale_backup] {
        std::fs::write(path, b"half a journal").unwrap();
    }
    for path in [&stale, &theirs, &stale_backup] {
        set_mtime(path, Duration::from_secs(3600));
    }
    checkin(&s, support::NOW);
    assert!(!stale.exists(), "a stale temp file is removed");
    assert!(!stale_backup.exists(), "also in backups/");
    assert!(fresh.exists(), "one that may be being written stays");
    assert!(theirs.exists(), "only rekindle's exact pattern");
}

// Item 11: bounded input.

#[test]
fn a_huge_journal_or_import_file_is_refused_before_it_is_read() {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.data_dir()).unwrap();
    let file = std::fs::File::create(s.journal_path()).unwrap();
    file.set_len(257 << 20).unwrap(); // sparse: no disk used
    refused_as_damaged(s.cmd().args(["status"]), "256 MiB");
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(65);
    std::fs::remove_file(s.journal_path()).unwrap();
    let big = s.dir.path().join("big.json");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(257 << 20)
        .unwrap();
    refused_as_damaged(s.cmd().arg("import").arg(&big), "256 MiB");
}

#[cfg(unix)]
#[test]
fn a_device_or_fifo_is_refused_as_journal_or_import() {
    let s = Sandbox::new();
    refused_as_damaged(s.cmd().args(["import", "/dev/zero"]), "not a regular file");
    let fifo = s.dir.path().join("pipe.json");
    crate::support::make_fifo(&fifo);
    refused_as_damaged(s.cmd().arg("import").arg(&fifo), "not a regular file");
    std::fs::create_dir_all(s.data_dir()).unwrap();
    std::os::unix::fs::symlink(&fifo, s.journal_path()).unwrap();
    refused_as_damaged(s.cmd().args(["status"]), "not a regular file");
}

#[cfg(unix)]
#[test]
fn a_fifo_swapped_in_after_a_check_in_is_refused_not_waited_on_with_the_lock_held() {
    // After a save there is a lock file and a summary: the next check-in would load only the
    // recent days, and must not open a FIFO (that waits for a writer, holding the lock).
    let s = Sandbox::new();
    s.cmd()
        .args([
            "checkin",
            "-e",
            "5",
            "-c",
            "5",
            "-f",
            "5",
            "--date",
            "yesterday",
        ])
        .assert()
        .success();
    std::fs::remove_file(s.journal_path()).unwrap();
    crate::support::make_fifo(&s.journal_path());
    refused_as_damaged(
        s.cmd().args(["checkin", "-e", "6", "-c", "6", "-f", "6"]),
        "not a regular file",
    );
}

#[test]
fn text_over_64_kib_is_refused_at_input() {
    let s = Sandbox::new();
    let long = "x".repeat(64 * 1024 + 1);
    let format_flag = format!("--format={long}");
    let cases: [Vec<&str>; 7] = [
        vec!["checkin", "-e", "5", "-c", "5", "-f", "5", "--note", &long],
        vec!["boundary", "add", "Lunch", "--from", &long],
        vec!["export", &format_flag],
        vec!["connect", &long, "--kind", "call", "--felt", "neutral"],
        vec![
            "connect",
            "Sam",
            "--kind",
            "call",
            "--felt",
            "neutral",
            "--gratitude",
            &long,
        ],
        vec!["boundary", "add", &long],
        vec!["settings", "support_text", &long],
    ];
    for args in cases {
        s.cmd()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("64 KiB"));
    }
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5", "--note", "-"])
        .write_stdin(long.repeat(4))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("64 KiB"));
    assert!(!s.data_dir().exists());
    // Exactly 64 KiB is fine.
    s.cmd()
        .args([
            "checkin",
            "-e",
            "5",
            "-c",
            "5",
            "-f",
            "5",
            "--note",
            &long[1..],
        ])
        .assert()
        .success();
}

#[test]
fn connection_ids_are_allocated_in_linear_time() {
    // 30,000 connections on one day: the old allocation tried c-…-1, c-…-2, … each against every
    // connection (quadratic) and took seconds.
    let s = Sandbox::new();
    let mut connections = String::new();
    for n in 1..=30_000 {
        if n > 1 {
            connections.push(',');
        }
        connections.push_str(&format!(
            r#"{{"id":"c-20261123-{n}","date":"2026-11-23","person":"P","kind":"call","initiated_by":"me","felt":"neutral"}}"#
        ));
    }
    let journal = format!(
        r#"{{"format":"rekindle-journal","version":1,"check_ins":[],"connections":[{connections}],"boundaries":[]}}"#
    );
    s.write_journal(journal.as_bytes());
    let started = std::time::Instant::now();
    s.cmd()
        .args(["connect", "Sam", "--kind", "call", "--felt", "neutral"])
        .assert()
        .success()
        .stdout(predicate::str::contains(": c-20261123-"));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(8), "took {took:?}");
}

// Item 12: export targets and a read-only journal.

#[cfg(unix)]
#[test]
fn export_replaces_only_regular_files() {
    use std::os::unix::fs::FileTypeExt;
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    // Never `-o /dev/null` itself: on a regression, run as root, that would replace the real
    // device for every process on the machine. A link to it reaches the same check.
    let device = s.dir.path().join("null.md");
    std::os::unix::fs::symlink("/dev/null", &device).unwrap();
    s.cmd()
        .arg("export")
        .arg("-o")
        .arg(&device)
        .arg("--force")
        .assert()
        .code(73)
        .stderr(predicate::str::contains("not a regular file"));
    assert!(
        std::fs::metadata(&device)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let fifo = s.dir.path().join("out.fifo");
    crate::support::make_fifo(&fifo);
    s.cmd()
        .arg("export")
        .arg("-o")
        .arg(&fifo)
        .arg("--force")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(73)
        .stderr(predicate::str::contains("not a regular file"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn export_to_a_missing_directory_with_a_trailing_slash_creates_nothing() {
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    s.cmd()
        .current_dir(s.dir.path())
        .args(["export", "-o", "missing-dir/"])
        .assert()
        .code(73)
        .stderr(predicate::str::contains("missing-dir"));
    assert!(!s.dir.path().join("missing-dir").exists());
    s.cmd()
        .current_dir(s.dir.path())
        .args(["export", "-o", "missing-dir/", "--force"])
        .assert()
        .code(73);
    assert!(!s.dir.path().join("missing-dir").exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_journal_is_not_written() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    checkin(&s, LAST_WEEK);
    let before = std::fs::read(s.journal_path()).unwrap();
    std::fs::set_permissions(s.journal_path(), std::fs::Permissions::from_mode(0o400)).unwrap();
    s.cmd()
        .args(["checkin", "-e", "1", "-c", "1", "-f", "9"])
        .assert()
        .code(73)
        .stderr(predicate::str::contains("read-only"));
    let meta = std::fs::metadata(s.journal_path()).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o400);
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);
    assert!(
        !s.data_dir().join("backups").exists(),
        "a failed save takes no backup"
    );
}

/// Runs `cmd` (at most 20 s: a refusal must not wait on a FIFO) and requires exit 65 with
/// `says` on stderr.
fn refused_as_damaged(cmd: &mut assert_cmd::Command, says: &str) {
    cmd.timeout(Duration::from_secs(20))
        .assert()
        .code(65)
        .stderr(predicate::str::contains(says));
}
