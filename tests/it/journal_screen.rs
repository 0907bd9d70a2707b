//! The Journal screen's search (`/`, `n`/`N`, `Esc`) and delete (`d` with a y/n question), in
//! process and in a real pseudo-terminal (issue 18).

use crate::support::app::{app_with, key, press, screen_text, settle, type_text};
use crate::support::pty::{DOWN, ESC, TAB, Tui};
use crate::support::{NOW, Sandbox};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rekindle::app::{App, Effect};
use rekindle::journal::{Journal, decode};
use rekindle::screens::Screen;

/// Today is Mon 2026-11-23 (row 0). Wed 18 (row 5) has "Quiet day" and Ana's "Café walk";
/// Mon 16 (row 7) has "Un ÉTÉ au café"; Thu 19 (row 4) only Sam's gratitude.
const FIXTURE: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "check_ins": [
    { "date": "2026-11-16", "exhaustion": 7, "cynicism": 4, "efficacy": 5, "note": "Un ÉTÉ au café" },
    { "date": "2026-11-18", "exhaustion": 2, "cynicism": 3, "efficacy": 8, "note": "Quiet day" },
    { "date": "2026-11-20", "exhaustion": 5, "cynicism": 5, "efficacy": 5 }
  ],
  "connections": [
    { "id": "c-1", "date": "2026-11-19", "person": "Sam", "kind": "call", "initiated_by": "them",
      "felt": "nourishing", "gratitude": "Sam brought SOUP." },
    { "id": "c-2", "date": "2026-11-18", "person": "Ana", "kind": "in_person", "initiated_by": "me",
      "felt": "neutral", "note": "Café walk" }
  ],
  "boundaries": []
}"#;

fn journal_screen() -> App {
    let journal: Journal = decode(FIXTURE.as_bytes()).unwrap();
    let mut app = app_with(journal);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('5')));
    assert_eq!(app.screen, Screen::Journal);
    app
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn shift(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
}

#[test]
fn slash_search_jumps_to_the_match_and_n_moves_between_matches() {
    let mut app = journal_screen();
    assert!(
        screen_text(&app, 80, 24).contains("/ search"),
        "in the footer"
    );
    press(&mut app, key(KeyCode::Char('/')));
    // In the field, letters and digits are text: `q` does not quit, `1` does not switch screens.
    assert!(type_text(&mut app, "CAFÉ").is_empty());
    assert_eq!(
        app.journal_view.selected, 5,
        "jumped to Wed 18 (Ana's note)"
    );
    assert!(status(&app).contains("match 1 of 2"), "{}", status(&app));
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("/CAFÉ"), "{screen}");
    assert!(screen.contains("2 days match"), "{screen}");
    assert!(screen.contains("› Wed 2026-11-18"), "{screen}");
    assert!(
        screen.contains("• Mon 2026-11-16"),
        "the other match is marked: {screen}"
    );

    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.screen,
        Screen::Journal,
        "Enter keeps the query, opens nothing"
    );
    press(&mut app, key(KeyCode::Char('n')));
    assert_eq!(app.journal_view.selected, 7, "n: the next (older) match");
    press(&mut app, key(KeyCode::Char('n')));
    assert_eq!(app.journal_view.selected, 5, "wraps around to the newest");
    assert!(status(&app).contains("wrapped around"), "{}", status(&app));
    press(&mut app, shift('N'));
    assert_eq!(
        app.journal_view.selected, 7,
        "N: the previous (newer) match, wrapping"
    );
    assert!(screen_text(&app, 80, 24).contains("n/N next/prev match"));

    // Esc clears the search: the marks and n/N go.
    press(&mut app, key(KeyCode::Esc));
    let screen = screen_text(&app, 80, 24);
    assert!(!screen.contains("/CAFÉ"), "{screen}");
    assert!(!screen.contains('•'), "{screen}");
    press(&mut app, key(KeyCode::Char('n')));
    assert_eq!(
        app.journal_view.selected, 7,
        "n does nothing without a search"
    );
}

#[test]
fn search_finds_gratitude_ignores_case_and_says_when_nothing_matches() {
    let mut app = journal_screen();
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "soup");
    assert_eq!(app.journal_view.selected, 4, "Thu 19: Sam's gratitude");
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    type_text(&mut app, "cafe");
    assert!(
        status(&app).contains("No day matches"),
        "accents count: {}",
        status(&app)
    );
    assert!(screen_text(&app, 80, 24).contains("no match"));
    // Esc in the field clears the search too.
    press(&mut app, key(KeyCode::Esc));
    assert!(!screen_text(&app, 80, 24).contains("/cafe"));
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.should_quit, "out of the field, q quits again");
}

#[test]
fn d_asks_before_deleting_a_day() {
    let mut app = journal_screen();
    // Row 1 (Sun 22) has no check-in: nothing to ask about.
    press(&mut app, key(KeyCode::Down));
    assert!(press(&mut app, key(KeyCode::Char('d'))).is_empty());
    assert!(!screen_text(&app, 80, 24).contains("Are you sure?"));
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.journal_view.selected, 5);
    assert!(
        press(&mut app, key(KeyCode::Char('d'))).is_empty(),
        "only asks"
    );
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Are you sure?"), "{screen}");
    assert!(
        screen.contains("Delete the check-in for Wed 18 Nov 2026"),
        "{screen}"
    );
    // A stray key is not an answer; n keeps the day.
    assert!(press(&mut app, key(KeyCode::Char('x'))).is_empty());
    assert!(press(&mut app, key(KeyCode::Char('n'))).is_empty());
    assert!(
        status(&app).contains("nothing was deleted"),
        "{}",
        status(&app)
    );
    assert_eq!(app.journal.check_ins.len(), 3);

    press(&mut app, key(KeyCode::Char('d')));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let saved = effects
        .iter()
        .find_map(|e| match e {
            Effect::Save { journal, .. } => Some(journal.clone()),
            _ => None,
        })
        .expect("y saves");
    let dates: Vec<String> = saved.check_ins.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(dates, ["2026-11-16", "2026-11-20"]);
    assert_eq!(saved.connections.len(), 2, "the day's connections are kept");
    settle(&mut app, effects);
    assert!(status(&app).contains("Deleted the check-in for Wed 18 Nov 2026"));
}

#[test]
fn in_a_terminal_slash_jumps_to_the_match_and_d_asks_first() {
    let s = Sandbox::new();
    s.write_journal(FIXTURE.as_bytes());
    let mut tui = Tui::start(&s, NOW, 80, 24);
    tui.wait_for("How spent do you feel today");
    for _ in 0..4 {
        tui.send(TAB);
    }
    tui.wait_for("/ search");
    tui.send("/soup");
    let screen = tui.wait_for("1 day matches");
    assert!(screen.contains("› Thu 2026-11-19"), "{screen}");
    tui.send(ESC);
    tui.send(DOWN);
    tui.wait_for("› Wed 2026-11-18");
    tui.send("d");
    tui.wait_for("Are you sure?");
    assert_eq!(
        s.journal()["check_ins"].as_array().unwrap().len(),
        3,
        "only asked"
    );
    tui.send("y");
    tui.wait_for("Deleted the check-in for Wed 18 Nov 2026");
    tui.send("q");
    assert_eq!(tui.wait_exit(), Some(0));
    let dates: Vec<String> = s.journal()["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dates, ["2026-11-16", "2026-11-20"]);
}

#[test]
fn the_header_counts_one_check_in_in_the_singular() {
    let journal = decode(
        br#"{"format":"rekindle-journal","version":1,"check_ins":[
          {"date":"2026-11-20","exhaustion":5,"cynicism":5,"efficacy":5}]}"#,
    )
    .expect("a valid journal");
    let mut app = app_with(journal);
    app.screen = Screen::Journal;
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Journal · 1 check-in ·"), "{text}");
    assert!(!text.contains("1 check-ins"), "{text}");
}
