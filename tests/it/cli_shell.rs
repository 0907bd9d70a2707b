//! Fits the shell (issue 18): `list`, `show`, `delete`, `boundary restore`, `checkin --due`,
//! shell completions and the man page, through the real binary on a fixed journal.
//!
//! The test command needs only the Rust toolchain: where a check needs `bash`, `groff` or `man`
//! it runs when the tool is on PATH and otherwise says on stderr that it was skipped; the
//! structural checks (every subcommand present, exactly what clap's generators write) always run.

use crate::support::pty::Tui;
use crate::support::{NOW, Sandbox, list_names, stderr_of, stdout_of};
use clap::CommandFactory;
use rekindle::cli::Cli;
use serde_json::json;

/// Mon 16, Wed 18 and Fri 20 November 2026 have check-ins; Thu 19 only a connection; today (in
/// `NOW`) is Mon 23.
const FIXTURE: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "settings": { "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": "Call a friend." },
  "check_ins": [
    { "date": "2026-11-16", "exhaustion": 7, "cynicism": 4, "efficacy": 5,
      "note": "Un ÉTÉ au café\nsecond line",
      "habits": { "sleep_hours": 6.5, "exercise": false, "outside": true },
      "boundaries": { "b-1": "kept" } },
    { "date": "2026-11-18", "exhaustion": 2, "cynicism": 3, "efficacy": 8, "note": "Quiet day" },
    { "date": "2026-11-20", "exhaustion": 5, "cynicism": 5, "efficacy": 5 }
  ],
  "connections": [
    { "id": "c-1", "date": "2026-11-19", "person": "Sam", "kind": "call", "initiated_by": "them",
      "felt": "nourishing", "gratitude": "Sam brought SOUP when I was ill." },
    { "id": "c-2", "date": "2026-11-18", "person": "Ana", "kind": "in_person", "initiated_by": "me",
      "felt": "neutral", "note": "Café walk" }
  ],
  "boundaries": [
    { "id": "b-1", "text": "No work email after 19:00", "from": "19:00", "until": "07:00" }
  ]
}"#;

fn fixture() -> Sandbox {
    let s = Sandbox::new();
    s.write_journal(FIXTURE.as_bytes());
    s
}

fn run_ok(s: &Sandbox, args: &[&str]) -> String {
    let out = s.cmd().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn list_shows_a_range_newest_first_with_missed_days_as_gaps() {
    let s = fixture();
    // --from before the first recorded day starts at it: no gaps before the journal began.
    let out = run_ok(&s, &["list", "--from", "2026-11-01", "--to", "2026-11-21"]);
    assert_eq!(
        out,
        "Sat 2026-11-21  ·  no check-in\n\
         Fri 2026-11-20  E 5 C 5 F 5  strain 15\n\
         Thu 2026-11-19  ·  no check-in\n\
         Wed 2026-11-18  E 2 C 3 F 8  strain  7  Quiet day\n\
         Tue 2026-11-17  ·  no check-in\n\
         Mon 2026-11-16  E 7 C 4 F 5  strain 16  Un ÉTÉ au café …\n"
    );
    // Without a range: from the first day to today.
    let out = run_ok(&s, &["list"]);
    let dates: Vec<&str> = out.lines().map(|l| &l[4..14]).collect();
    assert_eq!(dates.first(), Some(&"2026-11-23"));
    assert_eq!(dates.last(), Some(&"2026-11-16"));
    assert_eq!(dates.len(), 8);
    // A range may use today/yesterday, and a backwards range is a usage error.
    let out = run_ok(&s, &["list", "--from", "yesterday"]);
    assert_eq!(
        out,
        "Mon 2026-11-23  ·  no check-in\nSun 2026-11-22  ·  no check-in\n"
    );
    s.cmd()
        .args(["list", "--from", "2026-11-20", "--to", "2026-11-18"])
        .assert()
        .code(2);
}

#[test]
fn list_search_ignores_case_but_not_accents_and_looks_in_connections() {
    let s = fixture();
    assert_eq!(
        run_ok(&s, &["list", "--search", "été"]),
        "Mon 2026-11-16  E 7 C 4 F 5  strain 16  Un ÉTÉ au café …\n"
    );
    assert_eq!(
        run_ok(&s, &["list", "--search", "CAFÉ"]),
        "Wed 2026-11-18  E 2 C 3 F 8  strain  7  Quiet day  [found in the note of the connection with Ana]\n\
         Mon 2026-11-16  E 7 C 4 F 5  strain 16  Un ÉTÉ au café …\n"
    );
    // Documented: accents count.
    assert_eq!(
        run_ok(&s, &["list", "--search", "cafe"]),
        "No day matches that search.\n"
    );
    // A word in a connection's gratitude, on a day without a check-in.
    assert_eq!(
        run_ok(&s, &["list", "--search", "soup"]),
        "Thu 2026-11-19  ·  no check-in  [found in the gratitude of the connection with Sam]\n"
    );
    // The second line of a note is searched too; a range narrows a search.
    assert!(run_ok(&s, &["list", "--search", "SECOND LINE"]).contains("2026-11-16"));
    assert_eq!(
        run_ok(&s, &["list", "--search", "café", "--to", "2026-11-17"])
            .lines()
            .count(),
        1
    );
}

#[test]
fn list_json_has_a_stable_shape() {
    let s = fixture();
    let out = run_ok(
        &s,
        &[
            "list",
            "--from",
            "2026-11-18",
            "--to",
            "2026-11-19",
            "--json",
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value,
        json!({
            "from": "2026-11-18",
            "to": "2026-11-19",
            "search": null,
            "days": [
                { "date": "2026-11-19", "check_in": null },
                { "date": "2026-11-18", "check_in": {
                    "exhaustion": 2, "cynicism": 3, "efficacy": 8,
                    "strain": 7, "composite": 23.3, "note": "Quiet day" } }
            ]
        })
    );
    let out = run_ok(&s, &["list", "--search", "Soup", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value["days"],
        json!([{ "date": "2026-11-19", "check_in": null,
                 "matches": [{ "in": "gratitude", "connection": "c-1" }] }])
    );
}

#[test]
fn show_prints_one_day_in_full() {
    let s = fixture();
    assert_eq!(
        run_ok(&s, &["show", "2026-11-16"]),
        "Monday 2026-11-16\n\
         exhaustion 7, cynicism 4, efficacy 5: strain 16 of 30, composite 53.3 (high strain)\n\
         \n\
         note:\n  Un ÉTÉ au café\n  second line\n\
         \n\
         habits: slept 6.5 h, Moved or exercised: no, Went outside: yes\n\
         boundaries:\n  kept     b-1  No work email after 19:00\n\
         connections: none logged\n\
         A reflection aid, not a diagnosis.\n"
    );
    assert_eq!(
        run_ok(&s, &["show", "2026-11-19"]),
        "Thursday 2026-11-19\n\
         No check-in recorded for this day.\n\
         connections:\n  Sam — a call, reached out: them, felt nourishing  [c-1]\n    gratitude: Sam brought SOUP when I was ill.\n"
    );
    assert!(run_ok(&s, &["show", "today"]).starts_with("Monday 2026-11-23\n"));
    s.cmd().args(["show", "2026-02-30"]).assert().code(2);
}

#[test]
fn delete_refuses_without_a_terminal_unless_yes() {
    let s = fixture();
    let before = std::fs::read(s.journal_path()).unwrap();
    // Even a "y" piped in is not an answer: stdin is not a terminal.
    let out = s
        .cmd()
        .args(["delete", "2026-11-18"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--yes"), "{}", stderr_of(&out));
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);
    assert_eq!(
        list_names(&s.data_dir()),
        vec!["journal.json"],
        "a refused delete writes nothing at all"
    );
    // A day without a check-in is refused too.
    s.cmd()
        .args(["delete", "2026-11-19", "--yes"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);

    let out = run_ok(&s, &["delete", "2026-11-18", "--yes"]);
    assert!(
        out.contains("Deleted the check-in for Wed 2026-11-18"),
        "{out}"
    );
    let journal = s.journal();
    let dates: Vec<&str> = journal["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-16", "2026-11-20"]);
    assert_eq!(
        journal["connections"].as_array().unwrap().len(),
        2,
        "the day's connections are kept"
    );
}

/// Whether the newest backup holds a check-in on `date`.
fn newest_backup_has(s: &Sandbox, date: &str) -> bool {
    let dir = s.data_dir().join("backups");
    let newest = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .max_by_key(|e| e.metadata().unwrap().modified().unwrap())
        .unwrap();
    let backup: serde_json::Value =
        serde_json::from_slice(&std::fs::read(newest.path()).unwrap()).unwrap();
    backup["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["date"] == date)
}

#[test]
fn a_deleted_day_is_in_the_next_backup() {
    let s = fixture();
    // Today's daily backup is taken by this first save: the fixture, without today's check-in.
    run_ok(
        &s,
        &[
            "checkin", "-e", "6", "-c", "6", "-f", "6", "--note", "today",
        ],
    );
    assert!(!newest_backup_has(&s, "2026-11-23"));
    let out = run_ok(&s, &["delete", "today", "--yes"]);
    assert!(out.contains("The journal as it was before is in"), "{out}");
    assert!(s.journal()["check_ins"].as_array().unwrap().len() == 3);
    assert!(
        newest_backup_has(&s, "2026-11-23"),
        "the day deleted is in the newest backup"
    );
}

#[test]
fn delete_asks_on_a_terminal() {
    let s = fixture();
    let mut tui = Tui::start_with(&s, NOW, 80, 24, &["delete", "2026-11-18"]);
    tui.wait_for(
        "Delete the check-in for Wed 2026-11-18 (E2 C3 F8)? Its connections are kept. [y/N]",
    );
    tui.send("n\r");
    assert_eq!(tui.wait_exit(), Some(0));
    assert!(
        tui.screen().contains("nothing was deleted"),
        "{}",
        tui.screen()
    );
    assert_eq!(s.journal()["check_ins"].as_array().unwrap().len(), 3);

    let mut tui = Tui::start_with(&s, NOW, 80, 24, &["delete", "2026-11-18"]);
    tui.wait_for("[y/N]");
    tui.send("y\r");
    assert_eq!(tui.wait_exit(), Some(0));
    assert_eq!(s.journal()["check_ins"].as_array().unwrap().len(), 2);
}

#[test]
fn boundary_restore_brings_an_archived_boundary_back() {
    let s = fixture();
    run_ok(&s, &["boundary", "archive", "b-1"]);
    assert_eq!(s.journal()["boundaries"][0]["archived"], true);
    let out = run_ok(&s, &["boundary", "restore", "b-1"]);
    assert!(
        out.starts_with("Restored boundary b-1: No work email after 19:00"),
        "{out}"
    );
    assert_eq!(s.journal()["boundaries"][0]["archived"], false);
    assert_eq!(
        run_ok(&s, &["boundary", "restore", "b-1"]),
        "Boundary b-1 was already active.\n"
    );
    let before = std::fs::read(s.journal_path()).unwrap();
    s.cmd()
        .args(["boundary", "restore", "b-9"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), before);
}

#[test]
fn checkin_due_exits_0_until_today_has_a_check_in_honouring_day_starts_at() {
    let s = fixture();
    let due = |now: &str| {
        let out = s.cmd_at(now).args(["checkin", "--due"]).output().unwrap();
        assert!(out.stdout.is_empty(), "--due prints nothing");
        out.status.code()
    };
    let before = std::fs::read(s.journal_path()).unwrap();
    assert_eq!(due(NOW), Some(0), "Mon 23 has no check-in yet");
    assert_eq!(
        std::fs::read(s.journal_path()).unwrap(),
        before,
        "--due writes nothing"
    );
    run_ok(&s, &["checkin", "-e", "3", "-c", "3", "-f", "7"]);
    assert_eq!(due(NOW), Some(1), "checked in");
    // 02:30 on Tuesday is still Monday's journal day (day_starts_at 04:00) …
    assert_eq!(due("2026-11-24T02:30:00+01:00"), Some(1));
    // … and from 04:00 Tuesday is due.
    assert_eq!(due("2026-11-24T04:30:00+01:00"), Some(0));
    // With the day starting at midnight, 02:30 is already Tuesday.
    run_ok(&s, &["settings", "day_starts_at", "00:00"]);
    assert_eq!(due("2026-11-24T02:30:00+01:00"), Some(0));
    // --due records nothing, so it takes no ratings.
    s.cmd()
        .args(["checkin", "--due", "-e", "3"])
        .assert()
        .code(2);
}

/// `name` on PATH, without needing `which`.
fn tool(name: &str) -> Option<std::path::PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

fn skipped(what: &str, tool: &str) {
    eprintln!("SKIPPED: {what}: `{tool}` is not installed (the structural checks still ran)");
}

fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

fn generated(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rekindle", &mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn completions_are_clap_completes_own_and_name_every_subcommand() {
    let s = Sandbox::new();
    for (name, shell) in [
        ("bash", clap_complete::Shell::Bash),
        ("zsh", clap_complete::Shell::Zsh),
        ("fish", clap_complete::Shell::Fish),
    ] {
        let script = run_ok(&s, &["completions", name]);
        assert_eq!(
            script,
            generated(shell),
            "{name}: exactly clap_complete's script"
        );
        for sub in subcommands() {
            assert!(script.contains(&sub), "{name} completes {sub}");
        }
        for sub in ["list", "show", "delete", "completions", "man", "restore"] {
            assert!(script.contains(sub), "{name} completes {sub}");
        }
    }
    assert!(!s.data_dir().exists(), "completions touch no data dir");
    s.cmd().args(["completions", "powershell"]).assert().code(2);
}

#[test]
fn bash_completion_loads_and_completes_subcommands() {
    let Some(bash) = tool("bash") else {
        return skipped("bash completion loads and completes", "bash");
    };
    let s = Sandbox::new();
    let script = s.dir.path().join("rekindle.bash");
    std::fs::write(&script, run_ok(&s, &["completions", "bash"])).unwrap();
    let syntax = std::process::Command::new(&bash)
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(syntax.status.success(), "{}", stderr_of(&syntax));
    // Load it as a person would, then ask the completion function what follows `rekindle `
    // and `rekindle boundary re`.
    let program = format!(
        "source {path}\n\
         complete -p rekindle\n\
         COMP_WORDS=(rekindle ''); COMP_CWORD=1; COMP_LINE='rekindle '; COMP_POINT=9\n\
         _rekindle rekindle '' rekindle\n\
         echo \"top: ${{COMPREPLY[*]}}\"\n\
         COMP_WORDS=(rekindle boundary re); COMP_CWORD=2; COMP_LINE='rekindle boundary re'; COMP_POINT=20\n\
         _rekindle rekindle re boundary\n\
         echo \"boundary: ${{COMPREPLY[*]}}\"\n",
        path = script.display()
    );
    let out = std::process::Command::new(&bash)
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(out.status.success(), "{}{}", text, stderr_of(&out));
    assert!(text.contains("-F _rekindle rekindle"), "{text}");
    let top = text.lines().find(|l| l.starts_with("top: ")).unwrap();
    for sub in subcommands() {
        assert!(
            top.split_whitespace().any(|w| w == sub),
            "`rekindle <Tab>` offers {sub}: {top}"
        );
    }
    let boundary = text.lines().find(|l| l.starts_with("boundary: ")).unwrap();
    assert_eq!(boundary, "boundary: restore");
}

#[test]
fn the_man_page_is_clap_mangens_own_and_renders() {
    let s = Sandbox::new();
    let page = run_ok(&s, &["man"]);
    let mut expected = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut expected)
        .unwrap();
    assert_eq!(page.as_bytes(), expected.as_slice());
    assert!(page.contains(".TH rekindle 1"), "a section-1 page");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
    ] {
        assert!(page.contains(section), "{section}");
    }
    for sub in subcommands() {
        assert!(
            page.contains(&format!("rekindle\\-{}", sub.replace('-', "\\-"))),
            "the page lists {sub}"
        );
    }

    if let Some(groff) = tool("groff") {
        let mut child = std::process::Command::new(groff)
            .args(["-man", "-Tutf8", "-ww"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert_eq!(stderr_of(&out), "", "groff renders it without a warning");
        // grotty marks bold and underline by overstriking (`S\u{8}S`): keep the last of each.
        let mut text = String::new();
        for c in stdout_of(&out).chars() {
            if c == '\u{8}' {
                text.pop();
            } else {
                text.push(c);
            }
        }
        assert!(text.contains("SYNOPSIS"), "{text}");
        assert!(text.contains("rekindle-list"), "{text}");
    } else {
        skipped("the man page renders with groff", "groff");
    }
}
