//! Screen 4, trends: the weekly review.

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

pub fn on_key(_app: &mut App, _key: &KeyEvent) -> Option<Vec<Effect>> {
    None
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::styled("Trends", app.theme.heading),
        Line::raw(crate::scoring::NOT_A_DIAGNOSIS),
    ];
    frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
}
