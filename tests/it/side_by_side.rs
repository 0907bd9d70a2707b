//! The open app and everything else that writes the journal, side by side: the CLI in another
//! pane, a sync tool or an editor rewriting the file, a second open app. Nothing anyone saved is
//! lost, nobody waits on the open app, and a file that became unreadable is never overwritten.

use crate::support::pty::{CTRL_S, DOWN, Tui};
use crate::support::{NOW, Sandbox};
use std::time::{Duration, Instant};

/// Rewrites the journal the way a sync tool or an editor would (a new file renamed over it),
/// adding a check-in for `date`.
fn outside_rewrite_adding_a_check_in(s: &Sandbox, date: &str) {
    let mut journal = s.journal();
    journal["check_ins"]
        .as_array_mut()
        .expect("check_ins is a list")
        .push(serde_json::json!({"date": date, "exhaustion": 2, "cynicism": 2, "efficacy": 8, "note": "written elsewhere"}));
    let text = serde_json::to_vec_pretty(&journal).expect("a journal serialises");
    let temp = s.data_dir().join("synced.tmp");
    std::fs::write(&temp, text).expect("write beside the journal");
    std::fs::rename(&temp, s.journal_path()).expect("rename over the journal");
}

/// A data dir whose journal already holds a check-in for Friday 2026-11-20.
fn sandbox_with_a_past_check_in() -> Sandbox {
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
            "2026-11-20",
        ])
        .assert()
        .success();
    s
}

/// Types the three ratings into the open check-in form, ↓ between them.
fn rate(tui: &mut Tui, ratings: [&str; 3]) {
    for (i, rating) in ratings.into_iter().enumerate() {
        if i > 0 {
            tui.send(DOWN);
        }
        tui.send(rating);
    }
}

#[test]
fn the_open_app_the_cli_and_an_outside_rewrite_all_keep_their_entries() {
    let s = sandbox_with_a_past_check_in();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");

    // A command in another pane finishes at once while the app is open.
    let started = Instant::now();
    s.cmd()
        .args(["connect", "Jo", "--kind", "call", "--felt", "nourishing"])
        .assert()
        .success();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(1), "connect took {took:?}");
    // The app notices within a second or two and says so.
    tui.wait_for("changed outside this window");

    // The user starts a check-in; meanwhile a sync tool rewrites the file.
    rate(&mut tui, ["7", "4", "5"]);
    outside_rewrite_adding_a_check_in(&s, "2026-11-21");
    tui.send(CTRL_S);
    tui.wait_for("Saved the check-in");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));

    let journal = s.journal();
    let dates: Vec<&str> = journal["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2026-11-20", "2026-11-21", "2026-11-23"],
        "the CLI's day, the synced day and the app's day"
    );
    let today = &journal["check_ins"][2];
    assert_eq!(
        (&today["exhaustion"], &today["cynicism"], &today["efficacy"]),
        (&7.into(), &4.into(), &5.into())
    );
    assert_eq!(journal["check_ins"][1]["note"], "written elsewhere");
    let people: Vec<&str> = journal["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["person"].as_str().unwrap())
        .collect();
    assert_eq!(
        people,
        ["Jo"],
        "the CLI's connection survived the app's save"
    );
}

#[test]
fn a_journal_damaged_while_the_app_is_open_is_never_overwritten() {
    let s = sandbox_with_a_past_check_in();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    rate(&mut tui, ["7", "4", "5"]);
    let damaged = br#"{"format":"rekindle-journal","version":1,"check_ins":[{"date":"2026-11-2"#;
    std::fs::write(s.journal_path(), damaged).unwrap();
    // Saving at once races the app's look at the file: either way it must not write.
    tui.send(CTRL_S);
    let screen = tui.wait_for("could not read your journal");
    assert!(screen.contains("Backups, newest first"), "{screen}");
    assert_eq!(std::fs::read(s.journal_path()).unwrap(), damaged);
    tui.send("q");
    tui.wait_exit();
    assert_eq!(
        std::fs::read(s.journal_path()).unwrap(),
        damaged,
        "still exactly as damaged after quitting"
    );
}

#[test]
fn two_open_apps_each_see_the_others_saves() {
    let s = Sandbox::new();
    let mut first = Tui::start(&s, NOW, 80, 24);
    first.wait_for("How spent do you feel today");
    let mut second = Tui::start(&s, NOW, 80, 24);
    second.wait_for("How spent do you feel today");
    rate(&mut first, ["6", "3", "7"]);
    first.send(CTRL_S);
    first.wait_for("Saved the check-in");
    // The second shows the day as saved, with no form left to overwrite it.
    second.wait_for("checked in");
    first.send("q");
    second.send("q");
    assert_eq!(first.wait_exit(), Some(0));
    assert_eq!(second.wait_exit(), Some(0));
    assert_eq!(s.journal()["check_ins"][0]["exhaustion"], 6);
}

#[test]
fn the_app_says_on_start_when_a_sync_conflict_copy_lies_beside_the_journal() {
    let s = sandbox_with_a_past_check_in();
    std::fs::copy(
        s.journal_path(),
        s.data_dir()
            .join("journal.sync-conflict-20261122-101500-ABCDEFG.json"),
    )
    .unwrap();
    let mut tui = Tui::start(&s, NOW, 100, 24);
    // The name comes last on the line: once it shows, the whole message has been drawn.
    let screen = tui.wait_for("(journal.sync-conflict-2026");
    assert!(
        screen.contains("A sync-conflict copy lies beside the journal"),
        "{screen}"
    );
    tui.send("q");
    tui.wait_exit();
}

/// Waits until the journal on disk satisfies `done` (the app's save landed).
fn wait_for_journal(s: &Sandbox, what: &str, done: impl Fn(&serde_json::Value) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if std::fs::read(s.journal_path()).is_ok() && done(&s.journal()) {
            return;
        }
        assert!(Instant::now() < deadline, "the journal never showed {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_open_app_saving_again_and_again_while_commands_write_loses_nothing() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    rate(&mut tui, ["7", "4", "5"]);
    tui.send(CTRL_S);
    tui.wait_for("Saved the check-in");
    std::thread::scope(|scope| {
        // A script in another pane logs twelve connections while the app keeps saving.
        let writer = scope.spawn(|| {
            for i in 0..12 {
                let started = Instant::now();
                s.cmd()
                    .args(["connect", &format!("Friend {i}"), "--kind", "message"])
                    .args(["--felt", "neutral"])
                    .assert()
                    .success();
                assert!(
                    started.elapsed() < Duration::from_secs(2),
                    "connect {i} waited on the open app: {:?}",
                    started.elapsed()
                );
            }
        });
        for exhaustion in ["1", "2", "3", "4"] {
            tui.send("e");
            tui.wait_for("editing the saved check-in");
            tui.send(exhaustion);
            tui.send(CTRL_S);
            let want: u64 = exhaustion.parse().unwrap();
            wait_for_journal(&s, &format!("exhaustion {want}"), |j| {
                j["check_ins"][0]["exhaustion"] == want
            });
        }
        writer.join().expect("the writer finished");
    });
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    let journal = s.journal();
    assert_eq!(
        journal["check_ins"][0]["exhaustion"], 4,
        "the app's last save"
    );
    let mut people: Vec<String> = journal["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["person"].as_str().unwrap().to_string())
        .collect();
    people.sort();
    let mut want: Vec<String> = (0..12).map(|i| format!("Friend {i}")).collect();
    want.sort();
    assert_eq!(people, want, "every connection the script logged survived");
}
