//! Building an `App` with no terminal and driving it with keys.

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rekindle::app::{Action, App, Effect, update};
use rekindle::journal::Journal;
use rekindle::ui::theme::Theme;

pub fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("a valid test time")
}

/// The app on `journal` at 21:04 on Monday 2026-11-23, colour off.
pub fn app_with(journal: Journal) -> App {
    App::new(
        journal,
        "/data/rekindle/journal.json".into(),
        at("2026-11-23T21:04:05+01:00"),
        false,
        Theme::new(true),
    )
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses one key; returns the effects.
pub fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    update(app, Action::Key(k))
}

/// Types each character as a key press; returns all effects.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(app, key(KeyCode::Char(c))))
        .collect()
}

/// Types the three ratings as a person does: each digit, then ↓ to the next field.
pub fn rate(app: &mut App, ratings: [char; 3]) {
    for digit in ratings {
        press(app, key(KeyCode::Char(digit)));
        press(app, key(KeyCode::Down));
    }
}

/// Carries out effects the way the runtime does, minus the disk: saves always succeed.
pub fn settle(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::Save { journal, what } = effect {
            let more = update(app, Action::Saved { journal, what });
            settle(app, more);
        }
    }
}

/// Draws the app on a `TestBackend` of `width`×`height` and returns the screen as text, one line
/// per row with trailing spaces trimmed (colour is dropped: assert styles separately).
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    let buffer = draw(app, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws the app and returns the buffer, for style assertions.
pub fn draw(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("test terminal");
    terminal
        .draw(|frame| rekindle::app::render(app, frame))
        .expect("drawing never fails on a TestBackend");
    terminal.backend().buffer().clone()
}

/// The journal of the one save among `effects` (fails unless there is exactly one).
pub fn saved_journal(effects: &[Effect]) -> &Journal {
    let saves: Vec<&Journal> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save { journal, .. } => Some(&**journal),
            _ => None,
        })
        .collect();
    assert_eq!(saves.len(), 1, "exactly one save: {effects:?}");
    saves[0]
}
