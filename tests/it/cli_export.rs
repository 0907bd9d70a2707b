//! `rekindle export` and `rekindle import` as a user meets them: the real binary, a temp data
//! dir, a fixed clock and TZ. Refusals leave every file byte-identical.

use crate::support;

use crate::support::{Sandbox, stderr_of, stdout_of};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Four days, a boundary, two connections; recorded_at on the check-in of 11-20 for conflicts.
const JOURNAL: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "settings": { "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": "Call Jo on 0161 555 0199." },
  "check_ins": [
    { "date": "2026-11-16", "exhaustion": 8, "cynicism": 6, "efficacy": 3 },
    { "date": "2026-11-17", "exhaustion": 6, "cynicism": 4, "efficacy": 5, "note": "=SUM(A1:A9) looked odd",
      "boundaries": { "b-1": "slipped" } },
    { "date": "2026-11-20", "recorded_at": "2026-11-20T20:00:00+01:00", "exhaustion": 5, "cynicism": 5, "efficacy": 5,
      "habits": { "sleep_hours": 7.5, "exercise": true, "outside": false } },
    { "date": "2026-11-23", "exhaustion": 3, "cynicism": 3, "efficacy": 8, "note": "Calm, finally." }
  ],
  "connections": [
    { "id": "c-1", "date": "2026-11-18", "recorded_at": "2026-11-18T12:00:00+01:00", "person": "Sam", "kind": "call", "initiated_by": "me", "felt": "nourishing" },
    { "id": "c-2", "date": "2026-11-21", "person": "Ana", "kind": "message", "initiated_by": "them", "felt": "draining" }
  ],
  "boundaries": [ { "id": "b-1", "text": "No work email after 19:00" } ]
}"#;

fn with_journal() -> Sandbox {
    let s = Sandbox::new();
    s.write_journal(JOURNAL.as_bytes());
    s
}

/// Every file under `dir` (relative path → bytes), to show a command left it all untouched.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), Vec::new());
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn markdown_to_stdout_by_default_and_with_dash() {
    let s = with_journal();
    let out = stdout_of(&s.cmd().arg("export").output().unwrap());
    assert!(out.starts_with("# "), "{out}");
    assert!(out.contains("A reflection aid, not a diagnosis."));
    assert!(out.contains("Calm, finally."));
    let dash = stdout_of(&s.cmd().args(["export", "-o", "-"]).output().unwrap());
    assert_eq!(dash, out);
    let json = s
        .cmd()
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["check_ins"].as_array().unwrap().len(), 4);
}

#[test]
fn export_refuses_an_existing_file_without_force_and_replaces_it_with_force() {
    let s = with_journal();
    let target = s.dir.path().join("journal.md");
    std::fs::write(&target, b"my own notes").unwrap();
    let output = s
        .cmd()
        .args(["export", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(73), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("already exists"),
        "{}",
        stderr_of(&output)
    );
    assert!(stderr_of(&output).contains("--force"));
    assert_eq!(std::fs::read(&target).unwrap(), b"my own notes");

    let output = s
        .cmd()
        .args(["export", "--force", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout_of(&output).is_empty(), "data goes to the file only");
    let written = target.canonicalize().unwrap();
    assert_eq!(
        stderr_of(&output),
        format!("Wrote the markdown export to {}\n", written.display())
    );
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.starts_with("# ") && text.contains("Calm, finally."));
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600, "replaced files are private too");
}

#[test]
fn export_never_writes_over_the_journal_or_its_backups() {
    let s = with_journal();
    // A write makes today's backup, so there is a backup to protect as well.
    s.cmd()
        .args(["settings", "week_starts_on", "monday"])
        .assert()
        .success();
    let backup = s.data_dir().join("backups/journal-2026-11-23.json");
    assert!(backup.exists());
    let before = tree(&s.data_dir());
    let dotted = s.data_dir().join("backups/../journal.json");
    for target in [s.journal_path(), dotted, backup] {
        for force in [false, true] {
            let mut cmd = s.cmd();
            cmd.args(["export", "--format", "json", "-o"]).arg(&target);
            if force {
                cmd.arg("--force");
            }
            let output = cmd.output().unwrap();
            assert_eq!(output.status.code(), Some(73), "{target:?} force {force}");
            assert!(
                stderr_of(&output).contains("never writes over rekindle's own journal"),
                "{}",
                stderr_of(&output)
            );
        }
    }
    #[cfg(unix)]
    {
        let link = s.dir.path().join("looks-harmless.json");
        std::os::unix::fs::symlink(s.journal_path(), &link).unwrap();
        let output = s
            .cmd()
            .args(["export", "--force", "-o"])
            .arg(&link)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(73));
    }
    assert_eq!(tree(&s.data_dir()), before, "every file byte-identical");
}

#[test]
fn a_missing_output_directory_is_exit_73_with_a_clear_message() {
    let s = with_journal();
    let target = s.dir.path().join("no-such-dir/out.md");
    let output = s
        .cmd()
        .args(["export", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(73));
    let err = stderr_of(&output);
    assert!(
        err.contains("the output directory does not exist") && err.contains("no-such-dir"),
        "{err}"
    );
    assert!(!s.dir.path().join("no-such-dir").exists());
}

#[test]
fn bad_format_or_dates_are_usage_errors_and_write_nothing() {
    let s = with_journal();
    let target = s.dir.path().join("out.md");
    for args in [
        &["--from", "2026-02-30"][..],
        &["--to", "23/11/2026"][..],
        &["--from", "2026-11-20", "--to", "2026-11-19"][..],
        &["--format", "pdf"][..],
    ] {
        let output = s
            .cmd()
            .arg("export")
            .args(args)
            .arg("-o")
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr_of(&output)
        );
        assert!(!target.exists(), "{args:?}");
    }
}

#[test]
fn csv_export_of_a_date_range_reads_back_with_the_csv_crate() {
    let s = with_journal();
    let target = s.dir.path().join("range.csv");
    s.cmd()
        .args(["export", "--format", "csv", "--from", "2026-11-17", "--to"])
        .args(["2026-11-20", "-o"])
        .arg(&target)
        .assert()
        .success();
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);
    let mut reader = csv::Reader::from_path(&target).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 11-16 and 11-23 are outside the range.
    let dates: Vec<&str> = rows.iter().map(|r| &r[column("date")]).collect();
    assert_eq!(dates, ["2026-11-17", "2026-11-20"]);
    // 11-17: S = 6 + 4 + (10 − 5) = 15 → composite 50.0, high; b-1 slipped.
    let first = &rows[0];
    assert_eq!(&first[column("strain")], "15");
    assert_eq!(&first[column("composite")], "50.0");
    assert_eq!(&first[column("boundaries_slipped")], "1");
    // A note that a spreadsheet would run as a formula gets a leading apostrophe.
    assert_eq!(&first[column("note")], "'=SUM(A1:A9) looked odd");
    // 11-20: S = 15 too; sleep 7.5; exercise yes, outside no, the rest not recorded.
    let second = &rows[1];
    assert_eq!(&second[column("sleep_hours")], "7.5");
    assert_eq!(&second[column("exercise")], "1");
    assert_eq!(&second[column("outside")], "0");
    assert_eq!(&second[column("mindful")], "");
    // Ana's draining message on 11-21 is outside the range; Sam's call on 11-18 has no row.
    assert!(rows.iter().all(|r| &r[column("connections")] == "0"));
}

#[test]
fn json_export_of_a_range_keeps_only_its_days() {
    let s = with_journal();
    let out = s
        .cmd()
        .args(["export", "--format", "json", "--from", "2026-11-20"])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = value["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-20", "2026-11-23"]);
    let people: Vec<&str> = value["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["person"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["Ana"]);
    assert_eq!(
        value["boundaries"][0]["id"], "b-1",
        "boundaries always whole"
    );
}

/// An import file: the journal's format with these check-ins and connections.
fn import_file(s: &Sandbox, name: &str, check_ins: &str, connections: &str) -> PathBuf {
    let path = s.dir.path().join(name);
    std::fs::write(
        &path,
        format!(
            r#"{{"format": "rekindle-journal", "version": 1,
                "check_ins": [{check_ins}], "connections": [{connections}]}}"#
        ),
    )
    .unwrap();
    path
}

#[test]
fn import_dry_run_reports_and_writes_nothing_at_all() {
    let s = with_journal();
    let file = import_file(
        &s,
        "in.json",
        r#"{"date": "2026-11-21", "exhaustion": 4, "cynicism": 4, "efficacy": 6}"#,
        "",
    );
    let before = tree(&s.data_dir());
    let output = s
        .cmd()
        .args(["import", "--dry-run"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let out = stdout_of(&output);
    assert!(out.starts_with("Dry run: nothing was written.\n"), "{out}");
    assert!(
        out.contains("Check-ins: 1 added, 0 replaced, 0 unchanged."),
        "{out}"
    );
    assert_eq!(
        tree(&s.data_dir()),
        before,
        "no save, no backup, no lock file"
    );
    // On a fresh data dir a dry run does not even create the directory.
    let fresh = Sandbox::new();
    fresh
        .cmd()
        .args(["import", "--dry-run"])
        .arg(&file)
        .assert()
        .success();
    assert!(!fresh.data_dir().exists());
}

#[test]
fn a_corrupt_import_file_is_exit_65_naming_the_place_and_the_journal_is_untouched() {
    let s = with_journal();
    let before = tree(&s.data_dir());
    let truncated = s.dir.path().join("truncated.json");
    std::fs::write(&truncated, &JOURNAL.as_bytes()[..400]).unwrap();
    let bad_rating = import_file(
        &s,
        "bad-rating.json",
        r#"{"date": "2026-11-21", "exhaustion": 11, "cynicism": 4, "efficacy": 6}"#,
        "",
    );
    let missing = s.dir.path().join("missing.json");
    for (file, says) in [
        (&truncated, "line"),
        (&bad_rating, "check_ins[0].exhaustion"),
        (&missing, "cannot read the import file"),
    ] {
        for dry_run in [false, true] {
            let mut cmd = s.cmd();
            cmd.arg("import").arg(file);
            if dry_run {
                cmd.arg("--dry-run");
            }
            let output = cmd.output().unwrap();
            assert_eq!(output.status.code(), Some(65), "{file:?}");
            let err = stderr_of(&output);
            assert!(err.contains(&file.display().to_string()), "{err}");
            assert!(err.contains(says), "{err}");
        }
    }
    assert_eq!(tree(&s.data_dir()), before, "the journal is byte-identical");
}

#[test]
fn importing_an_export_into_an_empty_data_dir_reproduces_the_journal_exactly() {
    let source = Sandbox::new();
    source
        .cmd()
        .args(["boundary", "add", "Lunch away from the desk"])
        .assert()
        .success();
    source
        .cmd()
        .args(["settings", "week_starts_on", "sunday"])
        .assert()
        .success();
    source
        .cmd()
        .args(["settings", "support_text", "Samaritans: 116 123"])
        .assert()
        .success();
    let b1 = source.journal()["boundaries"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (date, e) in [("2026-11-20", "6"), ("2026-11-22", "4")] {
        source
            .cmd()
            .args(["checkin", "-e", e, "-c", "3", "-f", "6", "--date", date])
            .args(["--note", "line one\nline \"two\"", "--rest", "--kept", &b1])
            .assert()
            .success();
    }
    source
        .cmd()
        .args(["connect", "Sam", "--kind", "video", "--felt", "nourishing"])
        .args(["--gratitude", "Sam, thank you"])
        .assert()
        .success();
    let export = source.dir.path().join("export.json");
    source
        .cmd()
        .args(["export", "--format", "json", "-o"])
        .arg(&export)
        .assert()
        .success();

    let target = Sandbox::new();
    let output = target.cmd().arg("import").arg(&export).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let out = stdout_of(&output);
    assert!(out.contains("Check-ins: 2 added"), "{out}");
    assert!(
        out.contains("Settings: taken from the file (the journal was empty)."),
        "{out}"
    );
    assert_eq!(
        std::fs::read(target.journal_path()).unwrap(),
        std::fs::read(source.journal_path()).unwrap(),
        "byte for byte the same journal"
    );
    // Importing it again changes nothing and does not save.
    let again = stdout_of(&target.cmd().arg("import").arg(&export).output().unwrap());
    assert!(again.starts_with("Nothing to change"), "{again}");
    assert!(!again.contains("Saved to"), "{again}");
}

#[test]
fn import_reports_conflicts_and_keeps_a_backup_of_the_journal_before_it() {
    let s = with_journal();
    // A check-in today first: today's daily backup then holds the journal *before* it, so the
    // import needs its own pre-import copy.
    s.cmd()
        .args(["checkin", "-e", "2", "-c", "2", "-f", "9"])
        .assert()
        .success();
    let before_import = std::fs::read(s.journal_path()).unwrap();
    // 11-20: the file's check-in was recorded later (next morning) → the file's wins.
    // 11-16: the file's has no recorded_at, the journal's neither → a tie keeps yours.
    // c-1: the file's was recorded earlier → yours is kept. 11-21 is new.
    let file = import_file(
        &s,
        "phone.json",
        r#"{"date": "2026-11-20", "recorded_at": "2026-11-21T09:00:00+01:00", "exhaustion": 8, "cynicism": 5, "efficacy": 5},
           {"date": "2026-11-16", "exhaustion": 1, "cynicism": 1, "efficacy": 9},
           {"date": "2026-11-21", "exhaustion": 4, "cynicism": 4, "efficacy": 6}"#,
        r#"{"id": "c-1", "date": "2026-11-18", "recorded_at": "2026-11-18T08:00:00+01:00", "person": "Sam", "kind": "message", "initiated_by": "me", "felt": "neutral"}"#,
    );
    let output = s.cmd().arg("import").arg(&file).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let out = stdout_of(&output);
    for line in [
        "Check-ins: 1 added, 1 replaced, 0 unchanged, 1 kept as they were (yours were newer).",
        "Connections: 0 added, 0 updated, 0 unchanged, 1 kept as they were (yours were newer).",
        "3 entries differed between the journal and the file",
        "  check-in 2026-11-16: kept yours",
        "  check-in 2026-11-20: took the file's version",
        "  connection c-1: kept yours",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    let copy = s
        .data_dir()
        .join("backups/journal-2026-11-23_before-import.json");
    assert!(
        out.contains(&format!(
            "The journal as it was before this import is in {}",
            copy.display()
        )),
        "{out}"
    );
    assert_eq!(std::fs::read(&copy).unwrap(), before_import);
    let journal = s.journal();
    let day = |date: &str| {
        journal["check_ins"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["date"] == date)
            .cloned()
            .unwrap()
    };
    assert_eq!(day("2026-11-20")["exhaustion"], 8);
    assert_eq!(
        day("2026-11-16")["exhaustion"],
        8,
        "the tie kept the journal's"
    );
    assert_eq!(day("2026-11-21")["exhaustion"], 4);
    assert_eq!(journal["connections"][0]["felt"], "nourishing");
}

#[test]
fn the_first_write_of_the_day_being_an_import_uses_the_daily_backup_as_its_copy() {
    let s = with_journal();
    let file = import_file(
        &s,
        "in.json",
        r#"{"date": "2026-11-21", "exhaustion": 4, "cynicism": 4, "efficacy": 6}"#,
        "",
    );
    let out = stdout_of(&s.cmd().arg("import").arg(&file).output().unwrap());
    let daily = s.data_dir().join("backups/journal-2026-11-23.json");
    assert!(
        out.contains(&format!(
            "The journal as it was before this import is in {}",
            daily.display()
        )),
        "{out}"
    );
    assert_eq!(std::fs::read(&daily).unwrap(), JOURNAL.as_bytes());
    assert_eq!(
        support::list_names(&s.data_dir().join("backups")),
        ["journal-2026-11-23.json"],
        "no second copy of the same bytes"
    );
}

#[test]
fn import_into_an_unreadable_journal_is_refused_and_changes_nothing() {
    let s = Sandbox::new();
    s.write_journal(b"");
    let file = import_file(&s, "in.json", "", "");
    let before = tree(&s.data_dir());
    for dry_run in [false, true] {
        let mut cmd = s.cmd();
        cmd.arg("import").arg(&file);
        if dry_run {
            cmd.arg("--dry-run");
        }
        let output = cmd.output().unwrap();
        assert_eq!(output.status.code(), Some(65));
        assert!(stderr_of(&output).contains("journal.json"));
    }
    let after = tree(&s.data_dir());
    assert_eq!(
        after
            .iter()
            .filter(|(p, _)| !p.ends_with("rekindle.lock"))
            .collect::<Vec<_>>(),
        before.iter().collect::<Vec<_>>()
    );
}
