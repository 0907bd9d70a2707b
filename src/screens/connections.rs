//! Screen 2, the connection log: who you reached and who reached you, newest first.

use crate::app::keymap::Binding;
use crate::app::{App, Effect};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

#[derive(Debug, Default)]
pub struct State {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {}

pub fn bindings(_app: &App) -> Vec<Binding<Msg>> {
    Vec::new()
}

pub fn captures_digits(_app: &App) -> bool {
    false
}

pub fn on_key(_app: &mut App, _key: &KeyEvent) -> Option<Vec<Effect>> {
    None
}

pub fn after_save(_app: &mut App) {}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let mut lines = vec![Line::styled("Connections", app.theme.heading)];
    let mut log: Vec<_> = app.journal.connections.iter().collect();
    log.sort_by_key(|c| std::cmp::Reverse(c.date));
    for c in log {
        lines.push(Line::raw(format!(
            "{}  {:<16} {:<10} {:<11} {}",
            c.date, c.person, c.kind, c.felt, c.gratitude
        )));
    }
    frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
}
