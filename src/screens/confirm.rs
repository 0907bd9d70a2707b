//! The y/n question asked before a change that is hard to take back (deleting a connection,
//! archiving or restoring a boundary).
//!
//! While it is open it takes the keys: `y` answers yes; `n`, `Esc` and `q` answer no; anything
//! else is ignored, so a stray key never deletes anything. `Tab` still switches screens and
//! `Ctrl-C` still quits, as everywhere; the question waits on its screen.

use crate::ui::keymap::is_char;
use crate::ui::text::wrapped;
use crate::ui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// `Some(true)` for yes, `Some(false)` for no, `None` for any other key.
pub fn answer(key: &KeyEvent) -> Option<bool> {
    if is_char(key, 'y') || is_char(key, 'Y') {
        Some(true)
    } else if is_char(key, 'n')
        || is_char(key, 'N')
        || is_char(key, 'q')
        || key.code == KeyCode::Esc
    {
        Some(false)
    } else {
        None
    }
}

pub fn is_yes(key: &KeyEvent) -> bool {
    answer(key) == Some(true)
}

pub fn is_no(key: &KeyEvent) -> bool {
    answer(key) == Some(false)
}

/// Draws `question` in a box over the middle of `area`, with what `y` and `n` do.
pub fn render(theme: &Theme, question: &str, yes: &str, no: &str, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(60);
    let inner = width.saturating_sub(4) as usize;
    let mut lines = wrapped(question, inner, ratatui::style::Style::default());
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("y", theme.key),
        Span::raw(format!(" {yes}   ")),
        Span::styled("n/Esc", theme.key),
        Span::raw(format!(" {no}")),
    ]));
    let height = lines.len() as u16 + 2;
    let popup = crate::ui::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Are you sure? ")
                .padding(Padding::horizontal(1)),
        ),
        popup,
    );
}
