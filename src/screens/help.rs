//! The help overlay: every key of the current screen and the global keys, generated from the
//! same keymaps that handle them, ending with the support text.

use crate::app::App;
use crate::ui::text::wrapped;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
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
    for hint in super::hints(app) {
        lines.push(key_line(hint.keys, hint.does));
    }
    lines.push(Line::styled("Everywhere", theme.heading));
    for b in super::banner::bindings(app) {
        lines.push(key_line(b.keys, b.does));
    }
    for b in crate::app::global_bindings() {
        lines.push(key_line(b.keys, b.does));
    }
    lines.push(key_line("Esc/q/?", "close this help"));
    lines.push(Line::styled("If things are hard right now", theme.heading));
    lines.extend(wrapped(
        &app.journal.settings.support_text,
        width,
        theme.label,
    ));
    lines
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let text = lines(app, width.saturating_sub(2) as usize);
    let height = (text.len() as u16 + 2).min(area.height);
    let popup = crate::ui::centered(area, width + 2, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text).block(Block::bordered().title(" Help · Esc closes ")),
        popup,
    );
}
