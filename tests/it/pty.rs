//! End to end in a real pseudo-terminal: the binary as a person meets it.

use crate::support;

use crate::support::pty::{CTRL_C, CTRL_S, DOWN, ENTER, TAB, Tui};
use crate::support::{NOW, Sandbox};

#[test]
fn a_check_in_by_keys_is_saved_and_shown_on_reopening() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    assert!(
        tui.alternate_screen(),
        "the UI runs on the alternate screen"
    );
    tui.send("7");
    tui.send(DOWN);
    tui.send("4");
    tui.send(DOWN);
    tui.send("6");
    for _ in 0..7 {
        tui.send(DOWN);
    }
    tui.send("quiet q day");
    tui.send(CTRL_S);
    let screen = tui.wait_for("saved to");
    assert!(screen.contains("checked in"), "{screen}");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    assert!(
        !tui.alternate_screen(),
        "the alternate screen is left on quit"
    );
    assert!(!tui.cursor_hidden(), "the cursor is shown again on quit");

    let journal = s.journal();
    let day = &journal["check_ins"][0];
    assert_eq!(day["date"], "2026-11-23");
    assert_eq!(
        (
            day["exhaustion"].as_u64(),
            day["cynicism"].as_u64(),
            day["efficacy"].as_u64()
        ),
        (Some(7), Some(4), Some(6))
    );
    assert_eq!(day["note"], "quiet q day");
    assert_eq!(
        day["habits"]["exercise"], false,
        "the form records every habit it shows"
    );

    let mut again = Tui::start(&s, NOW, 80, 24);
    let screen = again.wait_for("checked in");
    // E7 C4 F6: S = 7 + 4 + 4 = 15, composite 50, band high (50 is inclusive).
    assert!(screen.contains("50 of 100"), "{screen}");
    assert!(screen.contains("high strain"), "{screen}");
    again.send("q");
    assert_eq!(again.wait_exit(), Some(0));
}

#[test]
fn sigterm_during_the_form_restores_the_terminal() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    tui.send("8");
    assert!(tui.alternate_screen());
    assert!(tui.cursor_hidden());
    tui.signal(libc::SIGTERM);
    tui.wait_exit();
    assert!(
        !tui.alternate_screen(),
        "alternate screen left after SIGTERM"
    );
    assert!(!tui.cursor_hidden(), "cursor shown after SIGTERM");
    assert!(!s.journal_path().exists(), "an unsaved form is not written");
}

#[test]
fn sigint_restores_the_terminal_too() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    tui.signal(libc::SIGINT);
    tui.wait_exit();
    assert!(!tui.alternate_screen());
    assert!(!tui.cursor_hidden());
}

#[test]
fn a_damaged_journal_gets_the_recovery_screen_and_is_moved_aside_not_deleted() {
    let s = Sandbox::new();
    let damaged = br#"{"format":"rekindle-journal","version":1,"check_ins":[{"date":"2026-11-2"#;
    s.write_journal(damaged);
    let mut tui = Tui::start(&s, NOW, 80, 24);
    let screen = tui.wait_for("could not read your journal");
    assert!(screen.contains("truncated"), "{screen}");
    assert_eq!(
        std::fs::read(s.journal_path()).unwrap(),
        damaged,
        "nothing written before a choice"
    );
    tui.send("m");
    tui.wait_for("Moved the damaged journal");
    tui.send("q");
    tui.wait_exit();
    let aside: Vec<String> = support::list_names(&s.data_dir())
        .into_iter()
        .filter(|n| n.starts_with("journal.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read(s.data_dir().join(&aside[0])).unwrap(),
        damaged
    );
}

#[test]
fn a_damaged_journal_can_be_restored_from_the_backup() {
    let s = Sandbox::new();
    s.cmd()
        .args([
            "checkin",
            "-e",
            "3",
            "-c",
            "3",
            "-f",
            "7",
            "--date",
            "2026-11-20",
        ])
        .assert()
        .success();
    // The second write backs up the journal as it loaded (with the 20th).
    s.cmd()
        .args([
            "checkin",
            "-e",
            "4",
            "-c",
            "4",
            "-f",
            "6",
            "--date",
            "2026-11-21",
        ])
        .assert()
        .success();
    s.write_journal(b"");
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("could not read your journal");
    tui.send("r");
    tui.wait_for("Restored");
    tui.send(CTRL_C);
    tui.wait_exit();
    let journal = s.journal();
    assert_eq!(journal["check_ins"][0]["date"], "2026-11-20");
}

#[test]
fn without_a_terminal_the_app_says_so_instead_of_drawing() {
    let s = Sandbox::new();
    s.cmd()
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("needs a terminal"));
}

#[test]
fn a_tiny_terminal_shows_what_it_needs_and_keys_still_work() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 30, 10);
    tui.wait_for("terminal too small");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
}

#[test]
fn sighup_exits_without_touching_the_dead_terminal() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    tui.signal(libc::SIGHUP);
    assert_eq!(tui.wait_exit(), Some(129));
    // Nothing was written on the way out: the emulator is still on the alternate screen.
    assert!(tui.alternate_screen());
}

/// Closing the terminal window must end the app. Here the window is a pseudo-terminal whose
/// master side the test holds alone; dropping it hangs the terminal up, and the kernel sends
/// SIGHUP to the app, its session leader. crossterm's reader spins on end-of-file once the
/// terminal is gone, so without the SIGHUP watcher the process would burn a core forever and
/// hold the lock; without any SIGHUP handling the signal's default action kills it instead of
/// the watcher's exit with 129. Either way this test fails.
#[test]
fn closing_the_terminal_ends_the_app_instead_of_spinning() {
    use portable_pty::{PtySize, native_pty_system};
    use std::io::Read;
    use std::time::{Duration, Instant};

    let s = Sandbox::new();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut child = pty
        .slave
        .spawn_command(support::pty::command(&s, NOW, &[]))
        .expect("spawn rekindle");
    drop(pty.slave);
    // No writer is taken: dropping one types "\n" and EOF into the app, a key press, not a
    // hang-up. The reader stops (and closes its copy of the master) once the first frame is
    // drawn, so that dropping `pty.master` below closes the last one.
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let (drawn, screen) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(24, 80, 0);
        let mut buf = [0u8; 8192];
        loop {
            let contents = parser.screen().contents();
            let n = if contents.contains("q quit") {
                0
            } else {
                reader.read(&mut buf).unwrap_or(0)
            };
            if n == 0 {
                let _ = drawn.send(contents);
                return;
            }
            parser.process(&buf[..n]);
        }
    });
    let screen = screen
        .recv_timeout(Duration::from_secs(20))
        .expect("the app draws its first frame");
    assert!(
        screen.contains("How spent do you feel today") && screen.contains("q quit"),
        "the app never drew; the screen shows:\n{screen}"
    );
    let pid = child.process_id().expect("the app is running");
    let cpu_before = cpu_ticks(pid);

    drop(pty.master);

    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() > deadline {
            let burnt = cpu_ticks(pid)
                .zip(cpu_before)
                .map(|(after, before)| format!("{} clock ticks of CPU", after - before))
                .unwrap_or_else(|| "CPU time unknown".to_string());
            let _ = child.kill();
            panic!("rekindle kept running 5 s after its terminal closed ({burnt})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(
        (status.exit_code(), status.signal()),
        (129, None),
        "the SIGHUP watcher ends the app with 129, not the signal's default action: {status}"
    );
    // And the lock went with it: a CLI write succeeds at once.
    s.cmd()
        .args(["checkin", "-e", "1", "-c", "1", "-f", "9"])
        .assert()
        .success();
}

/// User plus system CPU time of `pid` in clock ticks, where `/proc` tells it (Linux).
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

#[test]
fn a_connection_and_a_boundary_added_by_keys_land_in_the_journal() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    // Tab, not Esc then 2: a loaded machine could read Esc and 2 together as Alt-2.
    tui.send(TAB);
    tui.wait_for("Connections");
    tui.send("a");
    tui.send("Sam");
    tui.send(CTRL_S);
    tui.wait_for("saved to");
    tui.send("3");
    tui.send("a");
    tui.send("No work email after 19:00");
    tui.send(DOWN);
    tui.send("19:00");
    tui.send(DOWN);
    tui.send("07:00");
    tui.send(CTRL_S);
    let screen = tui.wait_for("in force");
    // Monday 21:04 is inside 19:00–07:00: the banner appears at once.
    assert!(
        screen.contains("21:04 — you said: No work email after 19:00"),
        "{screen}"
    );
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));

    let journal = s.journal();
    let connection = &journal["connections"][0];
    assert_eq!(connection["person"], "Sam");
    assert_eq!(connection["kind"], "message", "the defaults: a message");
    assert_eq!(connection["initiated_by"], "me");
    assert_eq!(connection["felt"], "neutral");
    assert_eq!(connection["date"], "2026-11-23");
    let boundary = &journal["boundaries"][0];
    assert_eq!(boundary["text"], "No work email after 19:00");
    assert_eq!(boundary["from"], "19:00");
    assert_eq!(boundary["until"], "07:00");
}

#[test]
fn a_boundary_in_force_shows_the_banner_on_start() {
    let s = Sandbox::new();
    s.cmd()
        .args([
            "boundary",
            "add",
            "No work email after 19:00",
            "--from",
            "19:00",
            "--until",
            "07:00",
        ])
        .assert()
        .success();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("21:04 — you said: No work email after 19:00");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    // Outside the window, no banner.
    let mut later = Tui::start(&s, "2026-11-24T12:00:00+01:00", 80, 24);
    let screen = later.wait_for("How spent do you feel today");
    assert!(!screen.contains("you said"), "{screen}");
    later.send(CTRL_C);
    later.wait_exit();
}

/// The bytes a terminal sends for a bracketed paste of `text` (its new lines as `\r`).
fn bracketed(text: &str) -> String {
    format!("\x1b[200~{}\x1b[201~", text.replace('\n', "\r"))
}

#[test]
fn a_bracketed_multi_line_paste_into_the_note_saves_the_whole_note() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    for (i, digit) in ["7", "4", "6"].iter().enumerate() {
        tui.send(digit);
        if i < 2 {
            tui.send(DOWN);
        }
    }
    for _ in 0..7 {
        tui.send(DOWN);
    }
    // q, 5 and x are keys outside a text field; inside a paste they are text.
    tui.send(&bracketed("Long day.\nq then 5, x\nstill here"));
    tui.send(CTRL_S);
    tui.wait_for("saved to");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    let day = &s.journal()["check_ins"][0];
    assert_eq!(day["note"], "Long day.\nq then 5, x\nstill here");
    assert_eq!(
        (
            day["exhaustion"].as_u64(),
            day["cynicism"].as_u64(),
            day["efficacy"].as_u64()
        ),
        (Some(7), Some(4), Some(6)),
        "nothing else changed"
    );
    assert_eq!(day["habits"]["exercise"], false);
}

#[test]
fn a_paste_with_a_rating_focused_changes_nothing() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    tui.send(&bracketed("7\n4 q\n"));
    tui.wait_for("Paste ignored: move to the note to paste");
    // Unchanged form: q quits at once, and nothing was written.
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    assert!(!s.journal_path().exists());
}

#[test]
fn q_with_a_changed_form_asks_before_leaving() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    tui.send("7");
    tui.send("q");
    tui.wait_for("Unsaved changes");
    tui.send("k");
    tui.wait_for("Kept editing");
    tui.send("q");
    tui.wait_for("Unsaved changes");
    tui.send("d");
    assert_eq!(tui.wait_exit(), Some(0));
    assert!(!s.journal_path().exists(), "discarded, not written");
}

#[test]
fn one_then_zero_is_ten_and_a_sentence_on_a_rating_changes_nothing() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    tui.send("1");
    tui.send("0");
    tui.send(DOWN);
    tui.send("4");
    // A sentence on the cynicism rating: no digit, j, k or q in it acts.
    tui.send("honestly just 2 tired, quite done");
    tui.wait_for("Typing goes in a text field");
    tui.send(DOWN);
    tui.send("6");
    tui.send(CTRL_S);
    tui.wait_for("saved to");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    let day = &s.journal()["check_ins"][0];
    assert_eq!(
        (
            day["exhaustion"].as_u64(),
            day["cynicism"].as_u64(),
            day["efficacy"].as_u64()
        ),
        (Some(10), Some(4), Some(6))
    );
    assert!(
        day["note"].as_str().unwrap_or("").is_empty(),
        "the sentence went nowhere: {day}"
    );
}

#[test]
fn under_too_small_keys_change_nothing_and_q_quits() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 40, 12);
    tui.wait_for("terminal too small");
    for keys in ["7", DOWN, "4", DOWN, "6", CTRL_S, TAB, "x"] {
        tui.send(keys);
    }
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0), "unchanged: q quits at once");
    assert!(!s.journal_path().exists(), "nothing was saved");
}

#[test]
fn one_after_opening_a_past_day_shows_today() {
    let s = Sandbox::new();
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    for _ in 0..4 {
        tui.send(TAB);
    }
    tui.wait_for("check-ins");
    tui.send(DOWN);
    tui.send(DOWN);
    tui.send(ENTER);
    tui.wait_for("Saturday 21 November 2026 (a past day)");
    // Away (the connections list) and back with 1.
    tui.send(TAB);
    tui.send("1");
    tui.wait_for("Today, Monday 23 November 2026");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
}

#[test]
fn opening_the_app_on_a_summarised_journal_takes_the_days_backup_of_it_as_it_was() {
    // The first frame comes from the recent-days summary; the whole journal is streamed in
    // right after it, from a file held open, and today's backup is copied from that file.
    let s = Sandbox::new();
    let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let bytes = rekindle::journal::encode(&rekindle::generate::journal(
        &rekindle::generate::Spec::years_long_notes(2, end, 3),
    ));
    s.write_journal(&bytes);
    assert!(s.cmd().arg("status").output().unwrap().status.success());
    assert!(s.data_dir().join("cache/recent.json").exists());
    let backup = s.data_dir().join("backups/journal-2026-11-23.json");
    assert!(!backup.exists());

    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !backup.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    assert!(
        std::fs::read(&backup).unwrap() == bytes,
        "today's backup is the journal as the app found it"
    );
    assert!(
        std::fs::read(s.journal_path()).unwrap() == bytes,
        "nothing else was written"
    );
}
