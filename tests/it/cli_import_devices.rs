//! Issue 12 item 5: entries from another device are never lost. New ids cannot collide across
//! devices; on import, same id but different entries are both kept (the file's under a new id)
//! and the report lists every change, never a hidden tail.

use crate::support::{Sandbox, stdout_of};
use serde_json::{Value, json};

/// One device's journal: a connection and a boundary numbered the old way, and a check-in that
/// recorded the boundary.
fn device(person: &str, boundary: &str, created: &str, day: &str) -> Value {
    json!({
        "format": "rekindle-journal",
        "version": 1,
        "check_ins": [
            { "date": day, "recorded_at": format!("{day}T21:00:00+01:00"), "exhaustion": 5, "cynicism": 5,
              "efficacy": 5, "boundaries": { "b-2": "kept" } }
        ],
        "connections": [
            { "id": "c-20261116-1", "date": "2026-11-16", "recorded_at": "2026-11-16T12:00:00+01:00",
              "person": person, "kind": "call", "initiated_by": "me", "felt": "nourishing" }
        ],
        "boundaries": [
            { "id": "b-1", "text": "No work email after 19:00", "created": "2026-11-01", "archived": false },
            { "id": "b-2", "text": boundary, "created": created, "archived": false }
        ]
    })
}

fn write(s: &Sandbox, journal: &Value) {
    s.write_journal(serde_json::to_string_pretty(journal).unwrap().as_bytes());
}

#[test]
fn colliding_ids_from_two_devices_keep_both_entries() {
    let laptop = Sandbox::new();
    write(
        &laptop,
        &device(
            "Alex",
            "Lunch away from the desk",
            "2026-11-02",
            "2026-11-17",
        ),
    );
    let phone = device(
        "Team lead",
        "No Slack on weekends",
        "2026-11-10",
        "2026-11-18",
    );
    let file = laptop.dir.path().join("phone.json");
    std::fs::write(&file, serde_json::to_vec(&phone).unwrap()).unwrap();

    let out = laptop.cmd().arg("import").arg(&file).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let report = stdout_of(&out);

    let j = laptop.journal();
    let connections = j["connections"].as_array().unwrap();
    assert_eq!(connections.len(), 2, "{j:#}");
    assert_eq!(connections[0]["id"], "c-20261116-1");
    assert_eq!(connections[0]["person"], "Alex");
    assert_eq!(connections[1]["person"], "Team lead");
    let new_connection = connections[1]["id"].as_str().unwrap();
    assert!(new_connection.starts_with("c-20261116-") && new_connection != "c-20261116-1");

    let boundaries = j["boundaries"].as_array().unwrap();
    assert_eq!(
        boundaries.len(),
        3,
        "b-1 is the same boundary on both: {j:#}"
    );
    assert_eq!(boundaries[1]["id"], "b-2");
    assert_eq!(boundaries[1]["text"], "Lunch away from the desk");
    assert_eq!(boundaries[2]["text"], "No Slack on weekends");
    let new_boundary = boundaries[2]["id"].as_str().unwrap();
    assert_ne!(new_boundary, "b-2");

    // The phone's check-in recorded its own b-2: it now points at that boundary's new id.
    let days = j["check_ins"].as_array().unwrap();
    assert_eq!(days[0]["boundaries"], json!({ "b-2": "kept" }));
    assert_eq!(days[1]["date"], "2026-11-18");
    assert_eq!(days[1]["boundaries"], json!({ new_boundary: "kept" }));

    // The report says so, with both sides and the new ids.
    assert!(
        report.contains(&format!(
            "  connection c-20261116-1: yours is 2026-11-16, Alex, the file's is 2026-11-16, Team lead: added as {new_connection}\n"
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("  boundary b-2: yours is \"Lunch away from the desk\", created 2026-11-02, the file's is \"No Slack on weekends\", created 2026-11-10: added as {new_boundary}\n")),
        "{report}"
    );
    assert!(report.contains("  check-in 2026-11-18\n"), "{report}");

    // Importing the same file again finds everything already there.
    let again = laptop.cmd().arg("import").arg(&file).output().unwrap();
    assert!(
        stdout_of(&again).starts_with("Nothing to change"),
        "{}",
        stdout_of(&again)
    );
    assert_eq!(laptop.journal(), j);
}

#[test]
fn both_devices_importing_each_other_end_up_with_everything() {
    let (laptop, phone) = (Sandbox::new(), Sandbox::new());
    write(
        &laptop,
        &device(
            "Alex",
            "Lunch away from the desk",
            "2026-11-02",
            "2026-11-17",
        ),
    );
    write(
        &phone,
        &device(
            "Team lead",
            "No Slack on weekends",
            "2026-11-10",
            "2026-11-18",
        ),
    );
    let to_phone = laptop.dir.path().join("laptop.json");
    let to_laptop = phone.dir.path().join("phone.json");
    std::fs::copy(laptop.journal_path(), &to_phone).unwrap();
    std::fs::copy(phone.journal_path(), &to_laptop).unwrap();
    laptop
        .cmd()
        .arg("import")
        .arg(&to_laptop)
        .assert()
        .success();
    phone.cmd().arg("import").arg(&to_phone).assert().success();
    // Then each imports the other's merged journal: nothing is added twice.
    let merged_laptop = laptop.dir.path().join("merged.json");
    std::fs::copy(laptop.journal_path(), &merged_laptop).unwrap();
    phone
        .cmd()
        .arg("import")
        .arg(&merged_laptop)
        .assert()
        .success();
    let people = |s: &Sandbox| {
        let mut people: Vec<String> = s.journal()["connections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["person"].as_str().unwrap().to_string())
            .collect();
        people.sort();
        people
    };
    assert_eq!(people(&laptop), ["Alex", "Team lead"]);
    assert_eq!(people(&phone), ["Alex", "Team lead"]);
    assert_eq!(phone.journal()["boundaries"].as_array().unwrap().len(), 3);
}

#[test]
fn the_report_lists_every_conflict_with_no_hidden_tail() {
    let s = Sandbox::new();
    let day = |n: u32, e: u8, at: &str| {
        json!({ "date": format!("2026-10-{n:02}"), "recorded_at": format!("2026-10-{n:02}T{at}+01:00"),
                "exhaustion": e, "cynicism": 5, "efficacy": 5 })
    };
    let ours: Vec<Value> = (1..=15).map(|n| day(n, 3, "20:00:00")).collect();
    let theirs: Vec<Value> = (1..=15).map(|n| day(n, 8, "21:00:00")).collect();
    write(
        &s,
        &json!({ "format": "rekindle-journal", "version": 1, "check_ins": ours }),
    );
    let file = s.dir.path().join("other.json");
    std::fs::write(
        &file,
        serde_json::to_vec(
            &json!({ "format": "rekindle-journal", "version": 1, "check_ins": theirs }),
        )
        .unwrap(),
    )
    .unwrap();
    let out = s
        .cmd()
        .args(["import", "--dry-run"])
        .arg(&file)
        .output()
        .unwrap();
    let report = stdout_of(&out);
    for n in 1..=15 {
        assert!(
            report.contains(&format!(
                "  check-in 2026-10-{n:02}: took the file's version\n"
            )),
            "{report}"
        );
    }
    assert!(!report.contains("more"), "{report}");
}

#[test]
fn new_ids_from_two_devices_on_the_same_day_do_not_collide() {
    let ids = |s: &Sandbox| {
        s.cmd()
            .args(["connect", "Sam", "--kind", "call", "--felt", "neutral"])
            .assert()
            .success();
        s.cmd()
            .args(["boundary", "add", "Lunch away from the desk"])
            .assert()
            .success();
        let j = s.journal();
        let last = |list: &str| {
            let list = j[list].as_array().unwrap();
            list[list.len() - 1]["id"].as_str().unwrap().to_string()
        };
        (last("connections"), last("boundaries"))
    };
    let (a, b) = (Sandbox::new(), Sandbox::new());
    let (ca, ba) = ids(&a);
    let (cb, bb) = ids(&b);
    let shape = |id: &str, stem: &str| {
        id.strip_prefix(stem).is_some_and(|rest| {
            rest.len() == 6
                && rest
                    .bytes()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        })
    };
    assert!(
        shape(&ca, "c-20261123-") && shape(&cb, "c-20261123-"),
        "{ca} {cb}"
    );
    assert!(shape(&ba, "b-") && shape(&bb, "b-"), "{ba} {bb}");
    assert_ne!(ca, cb);
    assert_ne!(ba, bb);
    // Old sequential ids still load and stay as they are.
    let old = Sandbox::new();
    write(
        &old,
        &device(
            "Alex",
            "Lunch away from the desk",
            "2026-11-02",
            "2026-11-17",
        ),
    );
    let (c, _) = ids(&old);
    assert!(shape(&c, "c-20261123-"));
    assert_eq!(old.journal()["connections"][0]["id"], "c-20261116-1");
}
