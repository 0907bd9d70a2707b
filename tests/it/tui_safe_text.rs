//! Hostile text in the journal never reaches the terminal from the TUI: every screen is drawn
//! with notes, names, boundaries and the support text full of escapes, C1 codes and bidi
//! overrides, and no cell holds one of them.

use crate::support::app::{app_with, draw, key, press};
use rekindle::journal::{self, Journal};

const PAYLOAD: &str = "a\u{1b}[2Jb\u{1b}]52;c;aGk=\u{7}c\u{9b}2Jd\u{202e}e\u{2066}f\u{8}g\rh";

fn hostile_journal() -> Journal {
    let p = serde_json::to_string(PAYLOAD).expect("a JSON string");
    let text = format!(
        r#"{{"format":"rekindle-journal","version":1,
        "settings":{{"support_text":{p}}},
        "check_ins":[{{"date":"2026-11-23","exhaustion":8,"cynicism":7,"efficacy":3,"note":{p}}}],
        "connections":[{{"id":"c-1","date":"2026-11-23","person":{p},"kind":"call","initiated_by":"me","felt":"neutral","note":{p},"gratitude":{p}}}],
        "boundaries":[{{"id":"b-1","text":{p},"from":"19:00","until":"23:59"}}]}}"#
    );
    journal::decode(text.as_bytes()).expect("the hostile journal decodes")
}

#[test]
fn no_screen_draws_a_control_or_bidi_character_from_journal_text() {
    use crossterm::event::KeyCode;
    for screen in ['1', '2', '3', '4', '5', '6', '?'] {
        let mut app = app_with(hostile_journal());
        press(&mut app, key(KeyCode::Char(screen)));
        for (width, height) in [(80, 24), (50, 16), (120, 40)] {
            let buffer = draw(&app, width, height);
            for cell in buffer.content.iter() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(rekindle::terminal_text::is_unsafe),
                    "screen {screen} at {width}x{height} drew {:?}",
                    cell.symbol()
                );
            }
        }
    }
}
