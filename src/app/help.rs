//! The help overlay: every key of the current screen and the global keys, generated from the
//! same keymaps that handle them, ending with the support text (always shown whole).

use super::App;
use crate::ui::text::wrapped;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// An upper bound for the scroll offset; no keymap comes near it.
pub const MAX_SCROLL: usize = 64;

/// Every key of the current screen, then the global ones.
pub fn key_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![Line::styled(
        format!("{} screen", app.screen.title()),
        theme.heading,
    )];
    let key_line = |keys: &str, does: &str| {
        Line::from(vec![
            Span::styled(format!("{keys:>12}  "), theme.key),
            Span::raw(does.to_string()),
        ])
    };
    for hint in app.hints() {
        lines.push(key_line(hint.keys, hint.does));
    }
    lines.push(Line::styled("Everywhere", theme.heading));
    for b in app.banner.bindings(&app.derived) {
        lines.push(key_line(b.keys, b.does));
    }
    for b in super::global_bindings() {
        lines.push(key_line(b.keys, b.does));
    }
    lines.push(key_line("Esc/q/?", "close this help"));
    lines
}

/// The support text under its heading, wrapped to `width`.
pub fn support_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![Line::styled("If things are hard right now", theme.heading)];
    lines.extend(wrapped(
        &app.journal.settings.support_text,
        width,
        theme.label,
    ));
    lines
}

/// Draws the overlay. The support text always shows whole at the bottom; when the keys do not
/// all fit above it, they scroll (`↑`/`↓`) and a line says how many are out of sight. A person
/// who opens help on a bad day must never have to scroll to find where to turn.
pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = width.saturating_sub(2) as usize;
    let keys = key_lines(app);
    let support = support_lines(app, inner_width);
    let height = ((keys.len() + support.len()) as u16 + 2).min(area.height);
    let popup = crate::ui::centered(area, width + 2, height);
    let room = height.saturating_sub(2) as usize;
    let mut text: Vec<Line<'static>> = Vec::new();
    if support.len() >= room {
        // Not even the support text fits: it alone is shown, from its heading down.
    } else if keys.len() + support.len() <= room {
        text.extend(keys);
    } else {
        // One line tells what is out of sight; the rest of the room above the support text
        // shows keys from `scroll` on.
        let visible = room - support.len() - 1;
        let top = scroll.min(keys.len().saturating_sub(visible));
        let below = keys.len().saturating_sub(top + visible);
        text.extend(keys.into_iter().skip(top).take(visible));
        let note = match (top, below) {
            (0, n) => format!("↓ {n} more keys"),
            (_, 0) => "↑ back to the first keys".to_string(),
            (_, n) => format!("↑↓ {n} more keys"),
        };
        text.push(Line::styled(note, theme.dim));
    }
    text.extend(support);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text).block(Block::bordered().title(" Help · Esc closes ")),
        popup,
    );
}
