//! Screen 3, boundaries: the rules you set yourself, and which are in force now.

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
    let mut lines = vec![Line::styled("Boundaries", app.theme.heading)];
    for b in &app.journal.boundaries {
        let state = if b.archived {
            "archived"
        } else if app.derived.in_force.contains(&b.id) {
            "in force now"
        } else {
            ""
        };
        lines.push(Line::raw(format!(
            "{:<5} {:<40} {:<22} {state}",
            b.id,
            b.text,
            crate::reminders::describe_window(b)
        )));
    }
    frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
}
