//! The export dialog (`x` from any screen): format, range and file; says where it wrote.

use crate::app::{App, Effect};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

/// What to export and where, for the runtime to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub path: String,
}

#[derive(Debug)]
pub struct State {
    pub error: Option<String>,
}

impl State {
    pub fn new(_app: &App) -> State {
        State { error: None }
    }
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    if key.code == KeyCode::Esc || crate::app::keymap::is_char(key, 'q') {
        app.overlay = None;
    }
    Vec::new()
}

pub fn render(_app: &App, _state: &State, frame: &mut Frame, area: Rect) {
    let popup = crate::ui::centered(area, 60, 6);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(vec![Line::raw("Export")]).block(Block::bordered().title(" Export ")),
        popup,
    );
}

/// Writes the export the dialog asked for, reporting the result as an action.
pub fn carry_out(
    request: &Request,
    _app: &App,
    _store: &crate::store::Store,
) -> crate::app::Action {
    crate::app::Action::ExportFailed {
        why: format!("export to {} is not available yet", request.path),
    }
}
