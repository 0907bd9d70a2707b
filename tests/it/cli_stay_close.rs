//! Stay close from the command line: `person`, `reach-out`, `status --with reach-out` and the
//! `connect` additions, one test per acceptance item of the "stay close" issue. "Now" is Monday
//! 2026-11-23 21:04 in Berlin (support::NOW).

use crate::support;

use crate::support::{Sandbox, stderr_of, stdout_of};
use serde_json::Value;

/// Runs `rekindle ARGS` at NOW, asserting success, and returns stdout.
fn ok(s: &Sandbox, args: &[&str]) -> String {
    let output = s.cmd().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output)
}

fn exit_code(s: &Sandbox, args: &[&str]) -> i32 {
    s.cmd().args(args).output().unwrap().status.code().unwrap()
}

fn connect(s: &Sandbox, person: &str, date: &str, felt: &str, by: &str) {
    ok(
        s,
        &[
            "connect", person, "--kind", "call", "--felt", felt, "--by", by, "--date", date,
        ],
    );
}

/// Sam with a two-week rhythm and a last contact 20 days ago (2026-11-03).
fn sam_twenty_days_ago() -> Sandbox {
    let s = Sandbox::new();
    ok(&s, &["person", "set", "Sam", "--every", "14"]);
    connect(&s, "Sam", "2026-11-03", "nourishing", "me");
    s
}

#[test]
fn acceptance_1_sam_past_his_rhythm_gets_one_line_and_due_exits_0() {
    let s = sam_twenty_days_ago();
    let out = ok(&s, &["reach-out"]);
    assert_eq!(
        out,
        "Sam — about 3 weeks since you last talked (you hoped about every 2).\n"
    );
    let due = s.cmd().args(["reach-out", "--due"]).output().unwrap();
    assert_eq!(due.status.code(), Some(0));
    assert!(stdout_of(&due).contains("Sam"));
}

#[test]
fn acceptance_2_a_message_today_in_other_case_resets_and_due_exits_1() {
    let s = sam_twenty_days_ago();
    ok(
        &s,
        &["connect", "sam", "--kind", "message", "--felt", "neutral"],
    );
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    assert_eq!(
        stdout_of(&s.cmd().args(["reach-out", "--due"]).output().unwrap()),
        ""
    );
}

#[test]
fn acceptance_3_contacts_they_started_and_draining_ones_reset_too() {
    let s = sam_twenty_days_ago();
    connect(&s, "Sam", "2026-11-20", "neutral", "them");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    let s = sam_twenty_days_ago();
    connect(&s, "Sam", "2026-11-20", "draining", "me");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
}

#[test]
fn acceptance_4_a_pause_until_tomorrow_hides_sam_until_the_day_after() {
    let s = sam_twenty_days_ago();
    let out = ok(&s, &["person", "set", "Sam", "--pause-until", "tomorrow"]);
    assert!(out.contains("paused until 24 Nov"), "{out}");
    assert_eq!(s.journal()["people"][0]["paused_until"], "2026-11-24");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    let tomorrow = s
        .cmd_at("2026-11-24T21:00:00+01:00")
        .args(["reach-out", "--due"])
        .output()
        .unwrap();
    assert_eq!(tomorrow.status.code(), Some(1));
    let after = s
        .cmd_at("2026-11-25T09:00:00+01:00")
        .args(["reach-out", "--due"])
        .output()
        .unwrap();
    assert_eq!(after.status.code(), Some(0));
    assert!(stdout_of(&after).starts_with("Sam — "));
    ok(&s, &["person", "set", "Sam", "--resume"]);
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 0);
}

#[test]
fn acceptance_5_five_past_due_show_three_ranked_then_and_two_more() {
    let s = Sandbox::new();
    // Days past due ÷ rhythm: Avi 6/14, Bo 10/7, Cy 1/30, Di 30/30, Ed 16/14.
    for (name, every, last) in [
        ("Avi", "2w", "2026-11-03"),
        ("Bo", "7", "2026-11-06"),
        ("Cy", "1m", "2026-10-23"),
        ("Di", "30", "2026-09-24"),
        ("Ed", "14d", "2026-10-24"),
    ] {
        ok(&s, &["person", "set", name, "--every", every]);
        connect(&s, name, last, "neutral", "me");
    }
    let out = ok(&s, &["reach-out"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("Bo — "), "{out}");
    assert!(lines[1].starts_with("Ed — "), "{out}");
    assert!(lines[2].starts_with("Di — "), "{out}");
    assert!(lines[3].starts_with("and 2 more"), "{out}");
    let all = ok(&s, &["reach-out", "--all"]);
    let firsts: Vec<&str> = all.lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(firsts, vec!["Bo", "Ed", "Di", "Avi", "Cy"], "{all}");
    let json: Value = serde_json::from_str(&ok(&s, &["reach-out", "--json"])).unwrap();
    assert_eq!(json["nudges"].as_array().unwrap().len(), 3);
    assert_eq!(json["more"], 2);
}

#[test]
fn acceptance_6_mostly_draining_contacts_keep_sam_out_of_the_list() {
    let s = Sandbox::new();
    ok(&s, &["person", "set", "Sam", "--every", "14"]);
    connect(&s, "Sam", "2026-10-01", "draining", "me");
    connect(&s, "Sam", "2026-10-20", "nourishing", "them");
    connect(&s, "Sam", "2026-11-03", "draining", "me");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    // Asked on the Connections screen (tests/app_stay_close.rs); a saved answer of "keep" in
    // the file brings the suggestions back, and it survives every later write.
    let mut journal = s.journal();
    journal["people"][0]["draining_answer"] = "keep".into();
    s.write_journal(serde_json::to_string(&journal).unwrap().as_bytes());
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 0);
    ok(
        &s,
        &["person", "set", "Sam", "--note", "Voice notes over calls."],
    );
    assert_eq!(s.journal()["people"][0]["draining_answer"], "keep");
}

#[test]
fn acceptance_7_on_a_hard_day_one_name_and_the_small_step() {
    let s = Sandbox::new();
    for name in ["Sam", "Priya"] {
        ok(&s, &["person", "set", name, "--every", "2w"]);
        connect(&s, name, "2026-11-01", "nourishing", "me");
    }
    ok(&s, &["checkin", "-e", "8", "-c", "4", "-f", "5"]);
    let out = ok(&s, &["reach-out"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() <= 3, "{out}");
    assert_eq!(
        lines.iter().filter(|l| l.contains(" — about ")).count(),
        1,
        "{out}"
    );
    assert!(
        lines.contains(&"A two-line 'thinking of you' counts."),
        "{out}"
    );
    assert!(lines.contains(&"and 1 more (rekindle reach-out --all shows everyone)"));
}

#[test]
fn acceptance_8_no_rhythm_means_a_one_line_how_to_and_due_exits_1() {
    let s = Sandbox::new();
    let out = ok(&s, &["reach-out"]);
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("rekindle person set"), "{out}");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    ok(&s, &["person", "set", "Bo"]);
    assert!(ok(&s, &["reach-out"]).contains("rekindle person set"));
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    let status = ok(&s, &["status", "--with", "reach-out"]);
    assert!(!status.contains("reach out"), "{status}");
}

#[test]
fn acceptance_9_after_a_rename_old_connections_still_match() {
    let s = Sandbox::new();
    ok(&s, &["person", "set", "Sam", "--every", "14"]);
    connect(&s, "Sam", "2026-11-20", "nourishing", "me");
    let out = ok(&s, &["person", "rename", "Sam", "Samantha"]);
    assert!(out.contains("still count for Samantha"), "{out}");
    assert_eq!(s.journal()["people"][0]["name"], "Samantha");
    assert_eq!(s.journal()["people"][0]["aliases"][0], "Sam");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    let later = s
        .cmd_at("2026-12-10T09:00:00+01:00")
        .args(["reach-out"])
        .output()
        .unwrap();
    assert!(stdout_of(&later).starts_with("Samantha — about 3 weeks since you last talked"));
}

/// Seven check-in days, the last nourishing contact 9 days ago: the isolation flag is up.
fn isolated(s: &Sandbox) {
    for day in 17..=23 {
        ok(
            s,
            &[
                "checkin",
                "-e",
                "5",
                "-c",
                "4",
                "-f",
                "6",
                "--date",
                &format!("2026-11-{day}"),
            ],
        );
    }
    connect(s, "Priya", "2026-11-14", "nourishing", "me");
}

#[test]
fn acceptance_11_people_change_no_score_or_flag_but_the_isolation_suggestion() {
    let s = Sandbox::new();
    isolated(&s);
    let before: Value = serde_json::from_str(&ok(&s, &["trends", "--json"])).unwrap();
    let status_before = ok(&s, &["status"]);
    ok(&s, &["person", "set", "Sam", "--every", "14"]);
    ok(
        &s,
        &["person", "set", "Priya", "--every", "1m", "--alias", "Pri"],
    );
    ok(&s, &["person", "set", "Bo"]);
    let after: Value = serde_json::from_str(&ok(&s, &["trends", "--json"])).unwrap();
    assert_eq!(ok(&s, &["status"]), status_before);
    let mut expected = before.clone();
    let flags = expected["flags"].as_array_mut().unwrap();
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0]["kind"], "isolation");
    flags[0]["suggestion"] = "Reach out to one safe person — Priya or Sam; a short message or a few minutes together counts.".into();
    assert_eq!(after, expected);
}

#[test]
fn connect_says_when_the_next_nudge_could_come_and_asks_about_typos() {
    let s = Sandbox::new();
    ok(&s, &["person", "set", "Sam", "--every", "14"]);
    let out = ok(
        &s,
        &["connect", "Sam", "--kind", "call", "--felt", "neutral"],
    );
    assert!(out.ends_with("Sam: next nudge after 7 Dec\n"), "{out}");
    let typo = s
        .cmd()
        .args(["connect", "Sma", "--kind", "call", "--felt", "neutral"])
        .output()
        .unwrap();
    assert!(typo.status.success());
    assert!(
        stderr_of(&typo).contains("no person named 'Sma' — did you mean Sam?"),
        "{}",
        stderr_of(&typo)
    );
    // Never merged by itself: logged as typed, and Sam has no alias.
    assert_eq!(s.journal()["connections"][1]["person"], "Sma");
    assert!(s.journal()["people"][0].get("aliases").is_none());
    // Someone without a person entry but already in the log is not questioned.
    let again = s
        .cmd()
        .args(["connect", "Sma", "--kind", "call", "--felt", "neutral"])
        .output()
        .unwrap();
    assert_eq!(stderr_of(&again), "");
}

#[test]
fn status_with_reach_out_adds_a_segment_only_when_someone_is_suggested() {
    let s = sam_twenty_days_ago();
    let line = ok(&s, &["status", "--with", "reach-out"]);
    assert!(line.trim_end().ends_with(" · reach out: Sam"), "{line}");
    assert!(!ok(&s, &["status"]).contains("reach out"));
    assert_eq!(exit_code(&s, &["status", "--with", "nonsense"]), 2);
}

#[test]
fn refused_person_commands_write_nothing() {
    let s = Sandbox::new();
    ok(&s, &["person", "set", "Sam", "--every", "14"]);
    ok(&s, &["person", "set", "Priya"]);
    let before = std::fs::read(s.journal_path()).unwrap();
    for args in [
        &["person", "rename", "Nobody", "Someone"][..],
        &["person", "rename", "Sam", "priya"],
        &["person", "set", "Sam", "--alias", "Priya"],
        &["person", "archive", "Nobody"],
        &["person", "set", "Sam", "--every", "0"],
        &["person", "set", "Sam", "--every", "2y"],
        &["person", "set", " ", "--every", "2w"],
        &["person", "set", "Sam", "--pause-until", "2026-02-30"],
    ] {
        let output = s.cmd().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(std::fs::read(s.journal_path()).unwrap(), before, "{args:?}");
    }
}

#[test]
fn person_list_archive_and_json() {
    let s = Sandbox::new();
    assert!(ok(&s, &["person", "list"]).contains("rekindle person set"));
    ok(
        &s,
        &[
            "person",
            "set",
            "Sam",
            "--every",
            "2w",
            "--alias",
            "Samantha",
            "--note",
            "Voice notes.",
        ],
    );
    let list = ok(&s, &["person", "list"]);
    assert_eq!(
        list,
        "Sam (also Samantha): about every 2 weeks, next nudge after 7 Dec\n"
    );
    let json: Value = serde_json::from_str(&ok(&s, &["person", "list", "--json"])).unwrap();
    assert_eq!(json[0]["name"], "Sam");
    assert_eq!(json[0]["every_days"], 14);
    assert_eq!(json[0]["note"], "Voice notes.");
    assert!(json[0]["id"].as_str().unwrap().starts_with("p-"));
    ok(&s, &["person", "archive", "sam"]);
    assert_eq!(s.journal()["people"][0]["archived"], true);
    assert!(ok(&s, &["person", "list"]).contains("archived"));
    connect(&s, "Sam", "2026-10-01", "nourishing", "me");
    assert_eq!(exit_code(&s, &["reach-out", "--due"]), 1);
    // Setting an archived person again brings them back.
    let out = ok(&s, &["person", "set", "Sam", "--every", "off"]);
    assert!(out.contains("back from the archive"), "{out}");
    assert_eq!(s.journal()["people"][0].get("every_days"), None);
}

#[test]
fn a_json_export_keeps_people_and_import_merges_them_by_id() {
    let s = sam_twenty_days_ago();
    let out = s.dir.path().join("export.json");
    ok(
        &s,
        &["export", "--format", "json", "-o", out.to_str().unwrap()],
    );
    let exported: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(exported["people"][0]["name"], "Sam");
    let markdown = ok(&s, &["export"]);
    assert!(!markdown.contains("every_days") && !markdown.contains("rhythm"));
    let fresh = Sandbox::new();
    let report = ok(&fresh, &["import", out.to_str().unwrap()]);
    assert!(report.contains("People: 1 added"), "{report}");
    assert_eq!(fresh.journal()["people"], exported["people"]);
    let again = ok(&fresh, &["import", out.to_str().unwrap()]);
    assert!(
        again.contains("People: 0 added, 0 updated, 1 unchanged"),
        "{again}"
    );
}

/// Rule 5's words: any word starting with one of these stems, the word "late", and "!".
fn pressure_words(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| {
            ["overdue", "neglect", "miss", "streak", "fail"]
                .iter()
                .any(|stem| w.starts_with(stem))
                || w == "late"
        })
        .collect();
    if text.contains('!') {
        found.push("!".into());
    }
    found
}

/// The string literals of a Rust source file, outside `//` comments (escapes kept as written).
fn string_literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = match line.trim_start().starts_with("//") {
            true => continue,
            false => line,
        };
        let mut chars = code.chars().peekable();
        let mut current: Option<String> = None;
        let mut previous = ' ';
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '"') if previous != '\'' => current = Some(String::new()),
                (None, '/') if chars.peek() == Some(&'/') => break,
                (Some(text), '\\') => {
                    text.push(c);
                    if let Some(next) = chars.next() {
                        text.push(next);
                    }
                }
                (Some(text), '"') => {
                    out.push(std::mem::take(text));
                    current = None;
                }
                (Some(text), c) => text.push(c),
                (None, _) => {}
            }
            previous = c;
        }
        // A literal continued on the next line (a `\` line break) is checked line by line.
        if let Some(text) = current {
            out.push(text);
        }
    }
    out
}

#[test]
fn acceptance_10_copy_never_uses_pressure_words_or_exclamation_marks() {
    assert_eq!(
        pressure_words("You missed Sam; overdue, late!"),
        vec!["missed", "overdue", "late", "!"],
        "the check itself works"
    );
    // Every literal the feature's code holds (the wording is built from these).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "src/stay_close.rs",
        "src/journal/person.rs",
        "src/commands/person.rs",
        "src/commands/reach_out.rs",
        "src/screens/connections/stay_close.rs",
    ] {
        let Ok(source) = std::fs::read_to_string(root.join(file)) else {
            panic!("{file} is part of the feature");
        };
        for literal in string_literals(&source) {
            // `!` inside format arguments such as `{x:?}` cannot occur; `!=` is code.
            let words = pressure_words(&literal);
            assert!(words.is_empty(), "{file}: {literal:?} uses {words:?}");
        }
    }
    // And everything the commands actually print, across the states that word things
    // differently: help, how-to, due, hard day, more, unmentioned, paused, archived, errors.
    let s = Sandbox::new();
    let mut seen = String::new();
    let mut run = |args: &[&str], now: &str| {
        let output = s.cmd_at(now).args(args).output().unwrap();
        seen.push_str(&stdout_of(&output));
        seen.push_str(&stderr_of(&output));
    };
    const NOW: &str = support::NOW;
    for help in [
        &["person", "--help"][..],
        &["person", "set", "--help"],
        &["person", "rename", "--help"],
        &["person", "archive", "--help"],
        &["person", "list", "--help"],
        &["reach-out", "--help"],
        &["status", "--help"],
    ] {
        run(help, NOW);
    }
    run(&["reach-out"], NOW);
    run(&["person", "list"], NOW);
    for (name, last, felt) in [
        ("Priya", "2026-08-01", "nourishing"),
        ("Priya", "2026-07-01", "nourishing"),
        ("Sam", "2026-10-01", "neutral"),
        ("Ana", "2026-09-01", "neutral"),
        ("Bo", "2026-11-01", "neutral"),
        ("Cy", "2025-01-01", "neutral"),
    ] {
        run(
            &[
                "connect", name, "--kind", "call", "--felt", felt, "--date", last,
            ],
            NOW,
        );
    }
    run(&["reach-out", "--json"], NOW);
    for (name, every) in [("Sam", "2w"), ("Ana", "10"), ("Bo", "1"), ("Cy", "1m")] {
        run(&["person", "set", name, "--every", every], NOW);
    }
    run(
        &["connect", "Sma", "--kind", "call", "--felt", "neutral"],
        NOW,
    );
    run(&["reach-out"], NOW);
    run(&["reach-out", "--all"], NOW);
    run(&["reach-out", "--json", "--all"], NOW);
    run(&["status", "--with", "reach-out"], NOW);
    run(
        &["person", "set", "Ana", "--pause-until", "2026-12-01"],
        NOW,
    );
    run(&["person", "archive", "Cy"], NOW);
    run(&["person", "archive", "Cy"], NOW);
    run(&["person", "rename", "Bo", "Bob"], NOW);
    run(&["person", "list"], NOW);
    run(&["person", "rename", "Nobody", "X"], NOW);
    run(&["person", "set", "Sam", "--every", "0"], NOW);
    run(&["person", "set", "Sam", "--alias", "Bob"], NOW);
    run(&["checkin", "-e", "9", "-c", "5", "-f", "4"], NOW);
    run(&["reach-out"], NOW);
    run(&["reach-out", "--due"], "2027-06-01T09:00:00+01:00");
    assert!(
        seen.contains("Sam — about"),
        "the states were reached: {seen}"
    );
    assert!(seen.contains("thinking of you"), "{seen}");
    assert!(seen.contains("haven't mentioned Priya"), "{seen}");
    let words = pressure_words(&seen);
    assert!(words.is_empty(), "{words:?} in:\n{seen}");
}
