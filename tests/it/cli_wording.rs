//! CLI wording (issue 13): articles and plurals right, the person's own text exactly as typed,
//! no empty " · · " gaps. Every count-bearing CLI sentence is rendered at 0, 1 and 2 and the
//! exact sentences were checked by hand.

use crate::support::{Sandbox, stderr_of, stdout_of};
use serde_json::{Value, json};

fn ok(s: &Sandbox, args: &[&str]) -> String {
    let output = s.cmd().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output) + &stderr_of(&output)
}

/// "1 days", "2 check-in", "1 entries" and the like: a number followed by a counted noun of
/// the wrong number.
fn plural_mistakes(text: &str) -> Vec<String> {
    const NOUNS: [(&str, &str); 7] = [
        ("check-in", "check-ins"),
        ("day", "days"),
        ("week", "weeks"),
        ("entry", "entries"),
        ("connection", "connections"),
        ("boundary", "boundaries"),
        ("habit", "habits"),
    ];
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "(),.;:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let mut mistakes = Vec::new();
    for pair in words.windows(2) {
        let (number, noun) = (pair[0], pair[1]);
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        for (one, many) in NOUNS {
            let wrong = if number == "1" { many } else { one };
            if noun == wrong {
                mistakes.push(format!("{number} {noun}"));
            }
        }
    }
    mistakes
}

fn assert_well_worded(label: &str, text: &str) {
    assert!(
        plural_mistakes(text).is_empty(),
        "{label}: {:?}\n{text}",
        plural_mistakes(text)
    );
    for gap in [" · · ", "·  ·", " ·\n", "· ·"] {
        assert!(!text.contains(gap), "{label}: an empty {gap:?} gap\n{text}");
    }
    for bad in [
        " a in", " a i", " a e", " a o", " a a", " a u", " an c", " an m", " an t",
    ] {
        assert!(
            !text.contains(bad),
            "{label}: wrong article {bad:?}\n{text}"
        );
    }
    for line in text.lines() {
        assert_eq!(line, line.trim_end(), "{label}: trailing spaces\n{text}");
    }
}

#[test]
fn connect_names_each_kind_with_its_article() {
    let s = Sandbox::new();
    for (kind, by, expected) in [
        (
            "message",
            "me",
            "Logged a message with Team lead on Mon 2026-11-23 (felt neutral, you reached out): c-20261123-1",
        ),
        (
            "call",
            "them",
            "Logged a call with Team lead on Mon 2026-11-23 (felt neutral, they reached out): c-20261123-2",
        ),
        (
            "video",
            "mutual",
            "Logged a video call with Team lead on Mon 2026-11-23 (felt neutral, you both reached out): c-20261123-3",
        ),
        (
            "in_person",
            "them",
            "Logged an in-person connection with Team lead on Mon 2026-11-23 (felt neutral, they reached out): c-20261123-4",
        ),
        (
            "in-person",
            "me",
            "Logged an in-person connection with Team lead on Mon 2026-11-23 (felt neutral, you reached out): c-20261123-5",
        ),
        (
            "group",
            "me",
            "Logged a group connection with Team lead on Mon 2026-11-23 (felt neutral, you reached out): c-20261123-6",
        ),
        (
            "therapy",
            "me",
            "Logged a therapy session with Team lead on Mon 2026-11-23 (felt neutral, you reached out): c-20261123-7",
        ),
        (
            "mentor",
            "me",
            "Logged a mentoring session with Team lead on Mon 2026-11-23 (felt neutral, you reached out): c-20261123-8",
        ),
        (
            "other",
            "me",
            "Logged a connection with Team lead on Mon 2026-11-23 (felt neutral, you reached out): c-20261123-9",
        ),
    ] {
        let out = ok(
            &s,
            &[
                "connect",
                "Team lead",
                "--kind",
                kind,
                "--felt",
                "neutral",
                "--by",
                by,
            ],
        );
        // Ids are random (they must not collide across devices): compare up to the id.
        let (said, id) = out.trim_end().rsplit_once(": ").expect("ends with the id");
        let (want, want_id) = expected.rsplit_once(": ").expect("ends with the id");
        assert_eq!(said, want);
        let day = want_id.rsplit_once('-').expect("c-DATE-N").0;
        assert!(id.starts_with(&format!("{day}-")), "{id}");
    }
}

#[test]
fn the_persons_own_text_is_shown_exactly_as_typed() {
    let s = Sandbox::new();
    let out = ok(
        &s,
        &[
            "connect",
            "dr. Kim",
            "--kind",
            "therapy",
            "--felt",
            "nourishing",
        ],
    );
    assert!(out.contains(" with dr. Kim on "), "{out}");
    let out = ok(
        &s,
        &[
            "boundary",
            "add",
            "No work email after 19:00",
            "--from",
            "19:00",
            "--until",
            "7:00",
        ],
    );
    let (added, rest) = out.split_once(": ").expect("names the new id");
    let id = added
        .strip_prefix("Added boundary ")
        .expect("says what it added")
        .to_string();
    assert!(id.starts_with("b-"), "{out}");
    assert_eq!(
        rest,
        "No work email after 19:00 (19:00–07:00 · every day)\n"
    );
    assert_eq!(
        ok(&s, &["reminders"]),
        "21:04 — you said: No work email after 19:00\n"
    );
    let list = ok(&s, &["boundary", "list"]);
    assert!(list.contains("No work email after 19:00"), "{list}");
    assert_well_worded("boundary list", &list);
    let out = ok(&s, &["boundary", "archive", &id]);
    assert_eq!(
        out,
        format!("Archived boundary {id}: No work email after 19:00 (its history is kept)\n")
    );
}

/// A journal with `n` heavy check-ins in the week of 2026-11-16 (recorded an hour after each
/// day's evening), `n` connections and `n` boundaries.
fn journal_with(n: usize, ratings: u8) -> Value {
    let check_ins: Vec<Value> = (0..n)
        .map(|i| {
            json!({ "date": format!("2026-11-{}", 17 + i), "recorded_at": format!("2026-11-{}T20:00:00+01:00", 17 + i),
                    "exhaustion": ratings, "cynicism": 9, "efficacy": 1,
                    "habits": { "outside": i == 0, "exercise": false } })
        })
        .collect();
    let connections: Vec<Value> = (0..n)
        .map(|i| {
            json!({ "id": format!("c-2026110{}-1", 2 + i), "date": format!("2026-11-0{}", 2 + i),
                    "person": format!("P{i}"), "kind": "call", "initiated_by": "me", "felt": "nourishing" })
        })
        .collect();
    let boundaries: Vec<Value> = (0..n)
        .map(|i| json!({ "id": format!("b-{}", i + 1), "text": format!("Rule {i}") }))
        .collect();
    json!({ "format": "rekindle-journal", "version": 1,
            "check_ins": check_ins, "connections": connections, "boundaries": boundaries })
}

#[test]
fn count_bearing_sentences_at_zero_one_and_two() {
    for n in 0..=2 {
        let s = Sandbox::new();
        s.write_journal(&serde_json::to_vec(&journal_with(n, 9)).unwrap());
        let trends = ok(&s, &["trends", "--weeks", "2"]);
        let markdown = ok(&s, &["export"]);
        let status = ok(&s, &["status"]);
        let boundaries = ok(&s, &["boundary", "list"]);
        for (label, text) in [
            ("trends", &trends),
            ("markdown", &markdown),
            ("status", &status),
            ("boundary list", &boundaries),
        ] {
            assert_well_worded(&format!("{label} at {n}"), text);
        }
        assert!(
            trends.contains(&format!(
                "28-day slope: needs 10 check-ins in the last 28 days ({n} so far)"
            )),
            "{trends}"
        );
        assert!(
            trends.contains(&format!(
                "2026-11-16    {n} of 7  not enough check-ins ({n} of 3)"
            )),
            "{trends}"
        );
        let heavy = match n {
            0 => None,
            1 => Some("Composite 90 or more on 1 day in the last 7 days: 2026-11-17 (90.0)."),
            _ => Some("Composite 90 or more on 2 days in the last 7 days: 2026-11-17 (90.0),"),
        };
        if let Some(line) = heavy {
            assert!(trends.contains(line), "{trends}");
        }
        let nourishing = match n {
            0 => "Days since a nourishing connection: none logged yet",
            1 => "Days since a nourishing connection: 21",
            _ => "Days since a nourishing connection: 20",
        };
        assert!(trends.contains(nourishing), "{trends}");
        if n > 0 {
            assert!(
                markdown.contains(&format!(
                    "Checked in on {n} of 7 days. Weekly means: not enough check-ins ({n} of 3)."
                )),
                "{markdown}"
            );
        } else {
            assert!(
                markdown.contains("_Nothing was recorded in this range._"),
                "{markdown}"
            );
        }
        // The habits done, or that none was ticked; never a list of failures.
        assert!(!markdown.contains("Did not"), "{markdown}");
        if n >= 1 {
            assert!(markdown.contains("- Did: went outside\n"), "{markdown}");
        }
        if n >= 2 {
            assert!(markdown.contains("- No habits ticked\n"), "{markdown}");
        }

        // Import: n new check-ins into an empty journal, then n conflicts into this one.
        let file = s.dir.path().join("file.json");
        std::fs::write(&file, serde_json::to_vec(&journal_with(n, 8)).unwrap()).unwrap();
        let fresh = s.dir.path().join("fresh");
        let output = s
            .cmd()
            .env("REKINDLE_DATA_DIR", &fresh)
            .args(["import", file.to_str().unwrap(), "--dry-run"])
            .output()
            .unwrap();
        let into_empty = stdout_of(&output);
        assert_well_worded(&format!("import into empty at {n}"), &into_empty);
        let added = format!(
            "Check-ins: {n} added, 0 replaced, 0 unchanged.\nConnections: {n} added, 0 updated, 0 unchanged.\nBoundaries: {n} added, 0 updated, 0 unchanged.\n"
        );
        assert!(into_empty.contains(&added), "{into_empty}");

        let mut later = journal_with(n, 8);
        for c in later["check_ins"].as_array_mut().unwrap() {
            let at = c["recorded_at"].as_str().unwrap().replace("T20:", "T22:");
            c["recorded_at"] = json!(at);
        }
        std::fs::write(&file, serde_json::to_vec(&later).unwrap()).unwrap();
        let conflicts = ok(&s, &["import", file.to_str().unwrap(), "--dry-run"]);
        assert_well_worded(&format!("import conflicts at {n}"), &conflicts);
        match n {
            0 => assert!(!conflicts.contains("differed"), "{conflicts}"),
            1 => assert!(
                conflicts.contains("\n1 entry differed between"),
                "{conflicts}"
            ),
            _ => assert!(
                conflicts.contains("\n2 entries differed between"),
                "{conflicts}"
            ),
        }
    }
}

#[test]
fn the_plural_check_catches_what_it_is_for() {
    assert_eq!(
        plural_mistakes("Checked 1 check-ins (2 day) on 1 days."),
        ["1 check-ins", "2 day", "1 days"]
    );
    assert!(
        plural_mistakes("1 of 7 days, 28-day slope, 0 check-ins, 1 entry, 2 entries").is_empty()
    );
}
