//! Issue 16: the recent-days summary (`recent.json`) never changes what is shown or saved. A
//! damaged summary, one made stale by an outside write to the journal, and a deleted one each
//! give exactly the output (and the saved journal) of a run with no summary at all.

use crate::support::{Sandbox, stdout_of};
use chrono::NaiveDate;
use rekindle::generate::{Spec, journal};
use rekindle::journal::{CheckIn, Rating, decode, encode};
use rekindle::paths::Paths;
use rekindle::store::Store;
use std::time::Duration;

const SUMMARY: &str = "cache/recent.json";

fn sandbox_with_year() -> Sandbox {
    let s = Sandbox::new();
    let end = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    s.write_journal(&encode(&journal(&Spec::years_long_notes(1, end, 42))));
    s
}

fn summary(s: &Sandbox) -> std::path::PathBuf {
    s.data_dir().join(SUMMARY)
}

/// `status` (and `status --with reach-out`, which always reads the whole journal) with no
/// summary present; leaves none behind, so the caller's summary state is unchanged.
fn status_without_summary(s: &Sandbox) -> String {
    let kept = std::fs::read(summary(s)).ok();
    let _ = std::fs::remove_file(summary(s));
    let out = stdout_of(&s.cmd().arg("status").output().unwrap());
    match kept {
        Some(bytes) => std::fs::write(summary(s), bytes).unwrap(),
        None => {
            let _ = std::fs::remove_file(summary(s));
        }
    }
    out
}

fn status(s: &Sandbox) -> String {
    let output = s.cmd().arg("status").output().unwrap();
    assert!(output.status.success());
    stdout_of(&output)
}

#[test]
fn status_is_the_same_with_a_good_damaged_stale_or_deleted_summary() {
    let s = sandbox_with_year();
    let truth = status_without_summary(&s);
    // The first status writes the summary; the second answers from it.
    assert_eq!(status(&s), truth);
    assert!(summary(&s).exists(), "status writes the summary");
    assert_eq!(status(&s), truth);

    let good = std::fs::read_to_string(summary(&s)).unwrap();
    // Damaged so that it still parses and validates: a rating changed in the short part
    // (second line, what `status` reads) or in the body (what the first frame reads).
    for line in [1, 2] {
        let mut lines: Vec<String> = good.splitn(3, '\n').map(String::from).collect();
        let damaged = if line == 1 {
            let mut part: serde_json::Value = serde_json::from_str(&lines[1]).unwrap();
            let last = part["check_ins"]
                .as_array_mut()
                .unwrap()
                .last_mut()
                .unwrap();
            let e = last["exhaustion"].as_u64().unwrap();
            last["exhaustion"] = serde_json::json!((e + 5) % 11);
            lines[1] = serde_json::to_string(&part).unwrap();
            lines.join("\n")
        } else {
            let at = lines[2].rfind("\"exhaustion\": ").unwrap() + "\"exhaustion\": ".len();
            let digit = if lines[2].as_bytes()[at] == b'9' {
                "8"
            } else {
                "9"
            };
            lines[2].replace_range(at..at + 1, digit);
            lines.join("\n")
        };
        assert_ne!(damaged, good);
        std::fs::write(summary(&s), &damaged).unwrap();
        assert_eq!(status(&s), truth);
        std::fs::write(summary(&s), &good).unwrap();
    }
    // Damaged beyond parsing: cut in half, or empty.
    std::fs::write(summary(&s), &good.as_bytes()[..good.len() / 2]).unwrap();
    assert_eq!(status(&s), truth);
    std::fs::write(summary(&s), b"").unwrap();
    assert_eq!(status(&s), truth);
    // Whole again: trusted again, the same line.
    std::fs::write(summary(&s), &good).unwrap();
    assert_eq!(status(&s), truth);

    // Stale: an outside write (an editor, a sync tool) adds today's check-in, after which the
    // summary on disk describes the old file.
    let before_outside = std::fs::read(summary(&s)).unwrap();
    let mut changed = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let r = |v| Rating::new(v).unwrap();
    changed.upsert_check_in(CheckIn::new(today, r(10), r(10), r(0)));
    std::fs::write(s.journal_path(), encode(&changed)).unwrap();
    std::fs::write(summary(&s), &before_outside).unwrap();
    let truth_after = status_without_summary(&s);
    assert_ne!(truth_after, truth, "the outside write changes the line");
    assert!(truth_after.starts_with("checked in today"));
    assert_eq!(status(&s), truth_after);
    // …and once rewritten, the summary gives it too.
    assert_eq!(status(&s), truth_after);

    // Deleted.
    std::fs::remove_file(summary(&s)).unwrap();
    assert_eq!(status(&s), truth_after);
}

#[test]
fn a_stale_or_damaged_summary_never_changes_what_a_check_in_saves() {
    let checkin = |s: &Sandbox| {
        let output = s
            .cmd()
            .args(["checkin", "-e", "5", "-c", "4", "-f", "6", "--note", "x"])
            .output()
            .unwrap();
        assert!(output.status.success());
        std::fs::read(s.journal_path()).unwrap()
    };
    let plain = sandbox_with_year();
    let expected = checkin(&plain);

    // A summary of another journal, claiming to be current, and a damaged one.
    let other = sandbox_with_year();
    let _ = status(&other);
    let foreign = std::fs::read(summary(&other)).unwrap();
    for bytes in [foreign.clone(), foreign[..foreign.len() / 3].to_vec()] {
        let s = sandbox_with_year();
        std::fs::create_dir_all(summary(&s).parent().unwrap()).unwrap();
        std::fs::write(summary(&s), &bytes).unwrap();
        assert_eq!(checkin(&s), expected);
        // The save wrote a fresh summary that matches the file it wrote.
        assert_eq!(status(&s), status_without_summary(&s));
    }
}

#[test]
fn the_summary_is_private_and_deleting_it_loses_nothing() {
    let s = sandbox_with_year();
    let journal_before = std::fs::read(s.journal_path()).unwrap();
    let _ = status(&s);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(summary(&s)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(
        std::fs::read(s.journal_path()).unwrap(),
        journal_before,
        "status never writes the journal"
    );
    std::fs::remove_file(summary(&s)).unwrap();
    let out = s
        .cmd()
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        decode(&out.stdout).unwrap(),
        decode(&journal_before).unwrap()
    );
}

/// Whether the next write of a check-in on `day` would load only the recent days: what
/// `rekindle checkin` asks the store for.
fn writes_recent_only(s: &Sandbox, day: NaiveDate) -> bool {
    let store = Store::new(Paths::in_dir(s.data_dir()));
    let (_lock, working) = store
        .begin_write_recent(Duration::from_secs(5), day, |_| Some(day), |_| Ok(()))
        .unwrap();
    working.is_recent_only()
}

/// A day of the sandboxes' year, counted back from the last generated day.
fn days_before_end(days: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap() - chrono::Days::new(days)
}

#[test]
fn check_ins_that_load_only_recent_days_save_exactly_what_a_full_load_saves() {
    // The same commands on two copies of a year's journal: one keeps its summary (after the
    // first save, check-ins on recent days load only those), the other loses it before each
    // command (every command loads the whole journal). Their files stay byte-identical.
    let recent = sandbox_with_year();
    let whole = sandbox_with_year();
    let run = |s: &Sandbox, args: &[&str]| {
        let output = s.cmd().args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", stdout_of(&output));
        // Each sandbox names its own journal path.
        stdout_of(&output).replace(&s.journal_path().display().to_string(), "JOURNAL")
    };
    let steps: [&[&str]; 6] = [
        &[
            "checkin", "-e", "5", "-c", "4", "-f", "6", "--note", "first",
        ],
        // Updates today: a note with a newline, quotes and what looks like a list key.
        &[
            "checkin",
            "-e",
            "7",
            "--note",
            "one\ntwo \"three\"\n  \"connections\": [",
        ],
        &[
            "checkin",
            "--date",
            "yesterday",
            "-e",
            "1",
            "-c",
            "2",
            "-f",
            "3",
            "--replace",
        ],
        // Long before the window: the whole journal, and the summary made afresh.
        &[
            "checkin",
            "--date",
            "2025-12-01",
            "-e",
            "9",
            "-c",
            "9",
            "-f",
            "1",
            "--replace",
        ],
        &[
            "checkin",
            "--date",
            "2026-11-20",
            "-e",
            "2",
            "-c",
            "2",
            "-f",
            "8",
            "--exercise",
        ],
        &["checkin", "-f", "9"],
    ];
    for (i, args) in steps.iter().enumerate() {
        if i > 0 && i != 3 {
            assert!(
                writes_recent_only(&recent, days_before_end(2)),
                "step {i} loads only the recent days"
            );
        }
        let _ = std::fs::remove_file(summary(&whole));
        assert_eq!(
            run(&recent, args),
            run(&whole, args),
            "step {i}: the same output"
        );
        assert!(
            std::fs::read(recent.journal_path()).unwrap()
                == std::fs::read(whole.journal_path()).unwrap(),
            "step {i}: the same file"
        );
        assert_eq!(status(&recent), status_without_summary(&recent));
    }
    assert!(
        !writes_recent_only(&recent, days_before_end(500)),
        "a day before the window loads the whole journal"
    );
    let saved = decode(&std::fs::read(recent.journal_path()).unwrap()).unwrap();
    let original = decode(&encode(&journal(&Spec::years_long_notes(
        1,
        days_before_end(0),
        42,
    ))))
    .unwrap();
    for day in original.check_ins.iter().map(|c| c.date) {
        assert!(saved.check_in_on(day).is_some(), "{day} is kept");
    }
    assert!(
        saved
            .check_in_on(days_before_end(0) + chrono::Days::new(1))
            .is_some()
    );
}

#[test]
fn an_outside_write_after_a_save_is_kept_by_the_next_check_in() {
    let s = sandbox_with_year();
    let checkin = |e: &str| {
        let output = s
            .cmd()
            .args(["checkin", "-e", e, "-c", "4", "-f", "6"])
            .output()
            .unwrap();
        assert!(output.status.success());
    };
    checkin("5");
    assert!(writes_recent_only(&s, days_before_end(0)));
    // A second laptop's sync rewrites the file: an old check-in changes, a connection is added.
    let mut theirs = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    theirs.check_ins[0].note = "written on the other laptop".into();
    let r = |v| Rating::new(v).unwrap();
    theirs.upsert_check_in(CheckIn::new(days_before_end(300), r(3), r(3), r(3)));
    std::fs::write(s.journal_path(), encode(&theirs)).unwrap();
    assert!(
        !writes_recent_only(&s, days_before_end(0)),
        "a file the summary does not describe is loaded whole"
    );
    checkin("6");
    let saved = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    assert_eq!(saved.check_ins[0].note, "written on the other laptop");
    assert_eq!(
        saved
            .check_in_on(days_before_end(300))
            .map(|c| c.exhaustion.get()),
        Some(3)
    );
    assert_eq!(
        saved
            .check_in_on(days_before_end(0) + chrono::Days::new(1))
            .map(|c| c.exhaustion.get()),
        Some(6)
    );
}

#[test]
fn a_check_in_near_the_start_of_the_window_leaves_no_summary_that_could_mislead_status() {
    // Check-ins stopped a week into the window; connections went on. After a check-in two days
    // later, the last 14 days of check-ins reach back before the window, which alone can no
    // longer say what they hold: the summary must not claim to.
    let s = Sandbox::new();
    s.write_journal(&encode(&journal(&Spec::years_long_notes(
        3,
        days_before_end(0),
        42,
    ))));
    let checkin = |date: &str| {
        let output = s
            .cmd()
            .args(["checkin", "--date", date, "-e", "4", "-c", "4", "-f", "4"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stdout_of(&output));
    };
    // A full save writes the summary; its header names the window's first day.
    checkin("2025-06-01");
    let header: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(summary(&s))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let from: NaiveDate = header["from"].as_str().unwrap().parse().unwrap();
    let mut j = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    j.check_ins.retain(|c| c.date < from + chrono::Days::new(6));
    // Exhausted before the window, rested in it: the 7-day arrows show whether `status` saw
    // the days before the window.
    let r = |v| Rating::new(v).unwrap();
    for c in &mut j.check_ins {
        c.exhaustion = if c.date < from { r(10) } else { r(1) };
    }
    // Written by rekindle's own encoder through a save, so the summary knows the older lines.
    s.write_journal(&encode(&j));
    let _ = std::fs::remove_file(summary(&s));
    checkin("2025-06-02");
    let day = from + chrono::Days::new(8);
    assert!(writes_recent_only(&s, day));
    checkin(&day.to_string());
    // `status` on the day after: its last 14 days reach back before the window.
    let now = format!("{}T21:00:00+01:00", day + chrono::Days::new(1));
    let status_at = |s: &Sandbox| {
        let output = s.cmd_at(&now).arg("status").output().unwrap();
        assert!(output.status.success());
        stdout_of(&output)
    };
    // The window alone cannot vouch for those 14 days, so the save leaves no summary to trust.
    assert!(
        !summary(&s).exists(),
        "no summary claims the days before the window"
    );
    let with_summary = status_at(&s);
    let _ = std::fs::remove_file(summary(&s));
    let truth = status_at(&s);
    assert_eq!(with_summary, truth);
    // The status run wrote a fresh summary from the whole journal, which gives the same line.
    assert_eq!(status_at(&s), truth);
    let saved = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    assert!(saved.check_in_on(day).is_some());
    assert!(saved.check_in_on(from).is_some());
    assert!(
        saved
            .check_in_on(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap())
            .is_some()
    );
}

/// After a check-in (so the summary knows the file), loads the recent days for a check-in on
/// the next day; another program then rewrites the journal in place (truncate and write: the
/// same inode, as `std::fs::write` does) with `theirs` changed by `edit`; the check-in with
/// exhaustion `exhaustion` is saved. Returns their journal, the saved one and the day.
fn save_over_a_write_in_place(
    edit: impl FnOnce(&mut rekindle::journal::Journal),
    exhaustion: u8,
) -> (
    rekindle::journal::Journal,
    rekindle::journal::Journal,
    NaiveDate,
) {
    let s = sandbox_with_year();
    let first = s
        .cmd()
        .args(["checkin", "-e", "5", "-c", "4", "-f", "6"])
        .output()
        .unwrap();
    assert!(first.status.success());
    let store = Store::new(Paths::in_dir(s.data_dir()));
    let day = days_before_end(0) + chrono::Days::new(1);
    let (mut lock, mut working) = store
        .begin_write_recent(Duration::from_secs(5), day, |_| Some(day), |_| Ok(()))
        .unwrap();
    assert!(working.is_recent_only());

    let mut theirs = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    edit(&mut theirs);
    let ino =
        |p: &std::path::Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let inode = ino(&s.journal_path());
    std::fs::write(s.journal_path(), encode(&theirs)).unwrap();
    assert_eq!(ino(&s.journal_path()), inode, "written in place");

    let r = |v| Rating::new(v).unwrap();
    working
        .journal
        .upsert_check_in(CheckIn::new(day, r(exhaustion), r(7), r(2)));
    store.save_working(&mut lock, &working).unwrap();
    drop(lock);
    let saved = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    (theirs, saved, day)
}

#[test]
fn a_write_in_place_after_a_recent_days_load_is_kept_by_its_save() {
    // The recent-days save copies the older entries from the open file. Should a sync tool
    // write into that very file (no rename) meanwhile, the copy could mix two versions: the
    // save notices and applies the check-in to the whole file as it is now instead. Here an
    // old note grows and an old day is added, so every older entry after them has moved and
    // the summary's places are wrong.
    let (theirs, saved, day) = save_over_a_write_in_place(
        |theirs| {
            theirs.check_ins[0].note = "written on the other laptop, in place".into();
            let r = |v| Rating::new(v).unwrap();
            theirs.upsert_check_in(CheckIn::new(days_before_end(300), r(3), r(3), r(3)));
        },
        8,
    );
    assert_eq!(saved.check_ins[0].note, theirs.check_ins[0].note);
    assert_eq!(
        saved
            .check_in_on(days_before_end(300))
            .map(|c| c.exhaustion.get()),
        Some(3),
        "the other program's day is kept"
    );
    assert_eq!(
        saved.check_in_on(day).map(|c| c.exhaustion.get()),
        Some(8),
        "the check-in is saved"
    );
    assert_eq!(saved.check_ins.len(), theirs.check_ins.len());
}

#[test]
fn the_first_save_of_a_day_that_loads_only_recent_days_backs_up_the_file_as_it_loaded() {
    let s = sandbox_with_year();
    let monday = "2026-11-23T21:04:05+01:00";
    let tuesday = "2026-11-24T08:30:00+01:00";
    let run = |now: &str, e: &str| {
        let output = s
            .cmd_at(now)
            .args(["checkin", "-e", e, "-c", "4", "-f", "6"])
            .output()
            .unwrap();
        assert!(output.status.success());
    };
    run(monday, "5");
    let before_tuesday = std::fs::read(s.journal_path()).unwrap();
    let tuesday_day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert!(writes_recent_only(&s, tuesday_day));
    run(tuesday, "6");
    let backup = s.data_dir().join("backups/journal-2026-11-24.json");
    assert!(
        std::fs::read(&backup).unwrap() == before_tuesday,
        "Tuesday's backup is the journal as Tuesday's first save found it"
    );
    run(tuesday, "7");
    assert!(
        std::fs::read(&backup).unwrap() == before_tuesday,
        "a later save the same day leaves the day's backup alone"
    );
    let saved = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    assert_eq!(
        saved.check_in_on(tuesday_day).map(|c| c.exhaustion.get()),
        Some(7)
    );
}

#[test]
fn trends_gives_the_same_review_with_or_without_the_summary() {
    // Two years: the summary holds the last 400 days of them.
    let two_years = journal(&Spec::years_long_notes(2, days_before_end(0), 42));
    let s = Sandbox::new();
    s.write_journal(&encode(&two_years));
    // No nourishing contact lately, so the isolation flag (which the summary cannot vouch
    // for) is among the cases.
    let lonely = Sandbox::new();
    let mut quiet = two_years.clone();
    quiet.connections.retain(|c| c.date < days_before_end(20));
    lonely.write_journal(&encode(&quiet));
    let cases: [&[&str]; 9] = [
        &["trends"],
        &["trends", "--json"],
        &["trends", "--weeks", "30"],
        &["trends", "--weeks", "80"],
        &["trends", "--as-of", "2026-10-01", "--json"],
        &["trends", "--as-of", "2025-12-10"],
        &["trends", "--as-of", "2025-11-01"],
        &["trends", "--weeks", "3", "--as-of", "yesterday"],
        &["trends", "--as-of", "tomorrow"],
    ];
    for s in [&s, &lonely] {
        assert!(s.cmd().arg("status").output().unwrap().status.success());
        assert!(summary(s).exists(), "status wrote the summary");
        for args in cases {
            let with = s.cmd().args(args).output().unwrap();
            let kept = std::fs::read(summary(s)).unwrap();
            std::fs::remove_file(summary(s)).unwrap();
            let without = s.cmd().args(args).output().unwrap();
            std::fs::write(summary(s), kept).unwrap();
            assert_eq!(with.status.code(), without.status.code(), "{args:?}");
            assert_eq!(stdout_of(&with), stdout_of(&without), "{args:?}");
            assert_eq!(with.stderr, without.stderr, "{args:?}");
        }
    }
    let flagged = stdout_of(&lonely.cmd().arg("trends").output().unwrap());
    assert!(
        flagged.contains("Few nourishing contacts lately"),
        "{flagged}"
    );

    // A damaged summary, and one made stale by another program's write, change nothing.
    let trends = |s: &Sandbox| stdout_of(&s.cmd().args(["trends", "--json"]).output().unwrap());
    let good = std::fs::read(summary(&s)).unwrap();
    std::fs::write(summary(&s), &good[..good.len() / 2]).unwrap();
    let kept = trends(&s);
    std::fs::remove_file(summary(&s)).unwrap();
    assert_eq!(kept, trends(&s), "a damaged summary");
    assert!(s.cmd().arg("status").output().unwrap().status.success());
    assert!(summary(&s).exists());
    let mut theirs = decode(&std::fs::read(s.journal_path()).unwrap()).unwrap();
    let r = |v| Rating::new(v).unwrap();
    for ago in 0..7 {
        theirs.upsert_check_in(CheckIn::new(days_before_end(ago), r(10), r(10), r(0)));
    }
    std::fs::write(s.journal_path(), encode(&theirs)).unwrap();
    let stale = trends(&s);
    std::fs::remove_file(summary(&s)).unwrap();
    assert_eq!(
        stale,
        trends(&s),
        "a summary made stale by an outside write"
    );
    assert!(
        stale.contains("\"composite\": 100.0"),
        "the outside write shows: {stale}"
    );
}

#[test]
fn a_journal_cut_shorter_in_place_after_a_recent_days_load_is_kept_by_its_save() {
    // The other program drops the oldest half of the check-ins, writing in place: the older
    // entries the save would copy are no longer all there.
    let (theirs, saved, day) = save_over_a_write_in_place(
        |theirs| {
            let half = theirs.check_ins.len() / 2;
            theirs.check_ins.drain(..half);
            theirs.connections.clear();
        },
        9,
    );
    assert_eq!(saved.check_ins.len(), theirs.check_ins.len());
    assert_eq!(saved.check_in_on(day).map(|c| c.exhaustion.get()), Some(9));
    assert_eq!(saved.check_ins[0].date, theirs.check_ins[0].date);
}
