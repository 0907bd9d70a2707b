//! Building an `App` with no terminal and driving it with keys.
#![allow(dead_code)]

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

/// Carries out effects the way the runtime does, minus the disk: saves always succeed.
pub fn settle(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::Save { journal, what } = effect {
            let more = update(app, Action::Saved { journal, what });
            settle(app, more);
        }
    }
}
