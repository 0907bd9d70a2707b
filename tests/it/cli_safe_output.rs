//! Safe output (SPEC §6, issue 13): every text command and error path, run with each payload
//! stored in a note, a person, a boundary, the support text, an import file and a path, writes
//! no raw terminal control to stdout or stderr; the Markdown and CSV files are safe to `cat`;
//! the JSON export round-trips every payload exactly.
//!
//! Table-driven: `PAYLOADS` × `commands()`. A failure names the payload and the command.

use crate::support::{NOW, Sandbox, TZ};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Output;

/// The payloads of the issue. The zero-width joiner is not a control: it must survive intact.
const PAYLOADS: [(&str, &str); 9] = [
    ("ESC[2J", "clear\u{1b}[2Jscreen"),
    ("OSC 52", "copy\u{1b}]52;c;aGk=\u{7}this"),
    (
        "OSC 8",
        "\u{1b}]8;;http://evil.example/\u{1b}\\click\u{1b}]8;;\u{1b}\\ here",
    ),
    ("BEL", "ring\u{7}ring"),
    ("CR", "hidden\roverwritten"),
    ("BS", "typo\u{8}\u{8}fixed"),
    ("C1 CSI", "c1\u{9b}2Jcsi"),
    ("RLO", "bidi \u{202e}txt.exe"),
    ("ZWJ", "coder 🧑\u{200d}💻 emoji"),
];

/// Raw characters a terminal would act on: C0 except LF and tab, DEL, C1, bidi overrides and
/// isolates. The same rule as `rekindle::terminal_text::is_unsafe`, written out independently.
fn is_raw_control(ch: char) -> bool {
    matches!(ch,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(label: &str, what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(ch) = text.chars().find(|&c| is_raw_control(c)) {
        panic!("{label}: {what} holds a raw {ch:?}:\n{text:?}");
    }
}

fn assert_output_clean(label: &str, output: &Output) {
    assert_clean(label, "stdout", &output.stdout);
    assert_clean(label, "stderr", &output.stderr);
}

/// A journal with the payload in every text field a person can fill, and as a boundary id
/// (which check-ins use as a map key).
fn journal_with(payload: &str) -> Value {
    json!({
        "format": "rekindle-journal",
        "version": 1,
        "settings": { "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": payload },
        "check_ins": [
            { "date": "2026-11-20", "recorded_at": "2026-11-20T20:00:00+01:00",
              "exhaustion": 9, "cynicism": 9, "efficacy": 1, "note": payload,
              "habits": { "outside": true, "exercise": false },
              "boundaries": { payload: "kept", "b-1": "slipped" } },
            { "date": "2026-11-21", "exhaustion": 9, "cynicism": 9, "efficacy": 0, "note": payload },
            { "date": "2026-11-22", "exhaustion": 9, "cynicism": 9, "efficacy": 0, "note": payload }
        ],
        "connections": [
            { "id": "c-20261101-1", "date": "2026-11-01", "recorded_at": "2026-11-01T12:00:00+01:00",
              "person": payload, "kind": "in_person", "initiated_by": "me", "felt": "nourishing",
              "note": payload, "gratitude": payload }
        ],
        "boundaries": [
            { "id": "b-1", "text": payload, "archived": false },
            { "id": payload, "text": payload, "days": ["mon"], "archived": false }
        ]
    })
}

/// The printable remains of a payload, to check an error message did not quote it.
fn printable_part(payload: &str) -> String {
    payload.chars().filter(|c| !is_raw_control(*c)).collect()
}

fn run(s: &Sandbox, data_dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = s.cmd();
    cmd.env("REKINDLE_DATA_DIR", data_dir).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.as_bytes().to_vec());
    }
    cmd.output().expect("rekindle runs")
}

#[test]
fn no_command_writes_a_raw_control_whatever_the_journal_holds() {
    for (name, payload) in PAYLOADS {
        let s = Sandbox::new();
        let journal = journal_with(payload);
        s.write_journal(&serde_json::to_vec(&journal).unwrap());
        let data = s.data_dir();
        let out_dir = s.dir.path();
        let md_file = out_dir.join("export.md");
        let csv_file = out_dir.join("export.csv");
        let md = md_file.to_str().unwrap();
        let csv = csv_file.to_str().unwrap();

        // An import file whose version of the connection is newer, so the summary lists it by
        // its id, and with a payload-named boundary.
        let mut incoming = journal.clone();
        incoming["connections"][0]["recorded_at"] = json!("2026-11-02T12:00:00+01:00");
        incoming["connections"][0]["felt"] = json!("draining");
        incoming["connections"][0]["id"] = json!(format!("c-{payload}"));
        let import_file = out_dir.join("incoming.json");
        std::fs::write(&import_file, serde_json::to_vec(&incoming).unwrap()).unwrap();
        let import = import_file.to_str().unwrap();

        let p = payload;
        let missing = format!("{}/missing-{}.json", out_dir.display(), p.replace('/', "_"));
        let unknown_id = format!("nope-{p}");
        let commands: Vec<(&str, Vec<&str>, Option<&str>)> = vec![
            ("status", vec!["status"], None),
            ("trends", vec!["trends", "--weeks", "3"], None),
            ("support", vec!["support"], None),
            ("settings", vec!["settings"], None),
            (
                "settings support_text",
                vec!["settings", "support_text"],
                None,
            ),
            ("boundary list", vec!["boundary", "list"], None),
            ("reminders", vec!["reminders"], None),
            ("export markdown", vec!["export"], None),
            ("export csv", vec!["export", "--format", "csv"], None),
            ("export markdown -o", vec!["export", "-o", md], None),
            (
                "export csv -o",
                vec!["export", "--format", "csv", "-o", csv],
                None,
            ),
            (
                "import --dry-run",
                vec!["import", import, "--dry-run"],
                None,
            ),
            ("paths", vec!["paths"], None),
            // Values typed on the command line are echoed, made visible.
            (
                "error: archive unknown id",
                vec!["boundary", "archive", &unknown_id],
                None,
            ),
            ("error: unknown setting", vec!["settings", p], None),
            (
                "error: bad --kind",
                vec!["connect", "Sam", "--kind", p, "--felt", "neutral"],
                None,
            ),
            (
                "error: bad --date",
                vec!["checkin", "-e", "1", "-c", "1", "-f", "1", "--date", p],
                None,
            ),
            (
                "error: bad week start",
                vec!["settings", "week_starts_on", p],
                None,
            ),
            (
                "error: bad --from",
                vec!["boundary", "add", "x", "--from", p],
                None,
            ),
            (
                "error: bad --days",
                vec!["boundary", "add", "x", "--days", p],
                None,
            ),
            ("error: clap unexpected argument", vec!["status", p], None),
            (
                "error: clap bad rating",
                vec!["checkin", "-e", p, "-c", "1", "-f", "1"],
                None,
            ),
            ("error: import path", vec!["import", &missing], None),
            ("error: export over a file", vec!["export", "-o", md], None),
            // Writes last: each echoes what was typed or stored.
            (
                "connect",
                vec![
                    "connect",
                    p,
                    "--kind",
                    "call",
                    "--felt",
                    "neutral",
                    "--note",
                    p,
                    "--gratitude",
                    p,
                ],
                None,
            ),
            (
                "boundary add",
                vec!["boundary", "add", p, "--from", "7:00"],
                None,
            ),
            (
                "checkin --note",
                vec!["checkin", "-e", "1", "-c", "2", "-f", "3", "--note", p],
                None,
            ),
            (
                "checkin --note -",
                vec!["checkin", "-e", "1", "-c", "2", "-f", "3", "--note", "-"],
                Some(p),
            ),
            (
                "settings support_text set",
                vec!["settings", "support_text", p],
                None,
            ),
            ("boundary archive", vec!["boundary", "archive", p], None),
            ("import", vec!["import", import], None),
        ];
        for (label, args, stdin) in commands {
            let output = run(&s, &data, &args, stdin);
            assert_output_clean(&format!("{name} / {label}"), &output);
            if !label.starts_with("error") {
                assert!(
                    output.status.success(),
                    "{name} / {label}: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
            }
        }
        for file in [&md_file, &csv_file] {
            let bytes = std::fs::read(file).unwrap();
            // The CSV writer may end rows with CRLF; a CR in a note is escaped.
            let text = String::from_utf8(bytes).unwrap().replace("\r\n", "\n");
            assert_clean(name, &file.display().to_string(), text.as_bytes());
        }
        if name == "ZWJ" {
            let text = String::from_utf8(std::fs::read(&md_file).unwrap()).unwrap();
            assert!(text.contains("🧑\u{200d}💻"), "emoji kept whole: {text}");
            let shown = run(&s, &data, &["support"], None);
            assert_eq!(
                String::from_utf8_lossy(&shown.stdout),
                format!("{p}\n"),
                "a text with no control is shown exactly as typed"
            );
        }
    }
}

#[test]
fn a_path_holding_a_payload_is_shown_made_visible() {
    for (name, payload) in PAYLOADS {
        let s = Sandbox::new();
        let data = s
            .dir
            .path()
            .join(format!("data-{}", payload.replace('/', "_")));
        let out = s
            .dir
            .path()
            .join(format!("out-{}.md", payload.replace('/', "_")));
        let out = out.to_str().unwrap();
        for (label, args) in [
            ("checkin", vec!["checkin", "-e", "1", "-c", "2", "-f", "3"]),
            ("paths", vec!["paths"]),
            ("export -o", vec!["export", "-o", out]),
            ("export -o again", vec!["export", "-o", out]),
            (
                "import the journal dir",
                vec!["import", data.to_str().unwrap()],
            ),
        ] {
            let output = run(&s, &data, &args, None);
            assert_output_clean(&format!("{name} / {label}"), &output);
        }
    }
}

#[test]
fn decode_errors_name_the_field_never_the_value_and_show_map_keys_made_visible() {
    for (name, payload) in PAYLOADS {
        let s = Sandbox::new();
        let mut bad = journal_with("fine");
        bad["connections"][0]["kind"] = json!(payload);
        let file = s.dir.path().join("bad-kind.json");
        std::fs::write(&file, serde_json::to_vec(&bad).unwrap()).unwrap();
        let output = run(&s, &s.data_dir(), &["import", file.to_str().unwrap()], None);
        assert_eq!(output.status.code(), Some(65), "{name}");
        assert_output_clean(&format!("{name} / import bad kind"), &output);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("connections[0].kind") && stderr.contains("not one of the known kinds"),
            "{name}: {stderr}"
        );
        assert!(
            !stderr.contains(&printable_part(payload)),
            "{name}: {stderr}"
        );

        // A map key (a boundary id in a check-in) is part of the JSON path: shown, made visible.
        let mut bad = journal_with("fine");
        bad["check_ins"][0]["boundaries"] = json!({ payload: "maybe" });
        s.write_journal(&serde_json::to_vec(&bad).unwrap());
        for args in [vec!["status"], vec!["trends"], vec!["export"]] {
            let output = run(&s, &s.data_dir(), &args, None);
            assert_eq!(output.status.code(), Some(65), "{name} {args:?}");
            assert_output_clean(&format!("{name} / corrupt journal {args:?}"), &output);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains("not one of the known outcomes"), "{stderr}");
            assert!(!stderr.contains("maybe"), "{stderr}");
        }
    }
}

#[test]
fn json_outputs_round_trip_every_payload_exactly_and_are_safe_to_cat() {
    for (name, payload) in PAYLOADS {
        let s = Sandbox::new();
        let journal = journal_with(payload);
        s.write_journal(&serde_json::to_vec(&journal).unwrap());
        let output = run(&s, &s.data_dir(), &["export", "--format", "json"], None);
        assert!(output.status.success(), "{name}");
        assert_output_clean(&format!("{name} / export json"), &output);
        let exported: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(exported, journal, "{name}: the JSON export is exact");

        // And it imports back into an empty journal as the same values.
        let file = s.dir.path().join("export.json");
        std::fs::write(&file, &output.stdout).unwrap();
        let fresh = s.dir.path().join("fresh");
        let imported = run(&s, &fresh, &["import", file.to_str().unwrap()], None);
        assert!(imported.status.success(), "{name}");
        let back: Value =
            serde_json::from_slice(&std::fs::read(fresh.join("journal.json")).unwrap()).unwrap();
        assert_eq!(back["check_ins"], journal["check_ins"], "{name}");
        assert_eq!(back["connections"], journal["connections"], "{name}");
        assert_eq!(back["boundaries"], journal["boundaries"], "{name}");

        for args in [
            vec!["settings", "--json"],
            vec!["settings", "support_text", "--json"],
        ] {
            let output = run(&s, &s.data_dir(), &args, None);
            assert_output_clean(&format!("{name} / {args:?}"), &output);
            let value: Value = serde_json::from_slice(&output.stdout).unwrap();
            let text = value.get("support_text").unwrap_or(&value);
            assert_eq!(text, &json!(payload), "{name} {args:?}");
        }
        let output = run(&s, &s.data_dir(), &["trends", "--json"], None);
        assert!(output.status.success(), "{name}");
        assert_output_clean(&format!("{name} / trends --json"), &output);
        serde_json::from_slice::<Value>(&output.stdout).expect("trends --json is JSON");
    }
}

/// The fixed clock and zone of `support` are what these tests assume.
#[test]
fn the_sandbox_clock_is_the_documented_one() {
    assert_eq!(
        (NOW, TZ),
        ("2026-11-23T21:04:05+01:00", "CET-1CEST,M3.5.0,M10.5.0/3")
    );
}
