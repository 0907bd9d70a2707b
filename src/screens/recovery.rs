//! The recovery screen, shown instead of the normal UI when the journal could not be read:
//! restore the newest good backup, or move the damaged file aside and start fresh. Nothing is
//! ever deleted, and nothing is written until the user chooses.

use crate::app::keymap::is_char;
use crate::app::{App, Effect};
use crate::ui::text::wrapped;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug)]
pub struct State {
    pub reason: String,
}

impl State {
    pub fn new(reason: String) -> State {
        State { reason }
    }
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    if is_char(key, 'r') {
        vec![Effect::RestoreBackup]
    } else if is_char(key, 'm') {
        vec![Effect::MoveAside]
    } else if is_char(key, 'q') || key.code == crossterm::event::KeyCode::Esc {
        app.should_quit = true;
        vec![Effect::Quit]
    } else {
        Vec::new()
    }
}

pub fn render(app: &App, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4) as usize;
    let mut lines = vec![
        Line::styled("rekindle could not read your journal", theme.heading),
        Line::raw(""),
    ];
    lines.extend(wrapped(
        &format!("File: {}", app.journal_path.display()),
        width,
        theme.label,
    ));
    lines.extend(wrapped(
        &format!("Problem: {}", state.reason),
        width,
        theme.error,
    ));
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        "Nothing has been changed. The file stays exactly as it is until you choose:",
        width,
        ratatui::style::Style::default(),
    ));
    lines.push(Line::raw(""));
    for (key, does) in [
        (
            "r",
            "restore the newest backup that reads cleanly (the damaged file is moved aside first)",
        ),
        (
            "m",
            "move the damaged file aside to journal.corrupt-<time>.json and start a fresh journal",
        ),
        ("q", "quit and fix the file by hand"),
    ] {
        lines.extend(crate::ui::text::hanging(
            vec![
                Span::raw("  "),
                Span::styled(key, theme.key),
                Span::raw("  "),
            ],
            does,
            ratatui::style::Style::default(),
            width,
        ));
    }
    if let Some(status) = &app.status {
        lines.push(Line::raw(""));
        let style = if status.is_error {
            theme.error
        } else {
            theme.ok
        };
        lines.extend(wrapped(&status.text, width, style));
    }
    frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
}
