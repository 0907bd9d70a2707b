//! The recovery screen, shown instead of the normal UI when the journal could not be read:
//! restore the newest good backup, or move the damaged file aside and start fresh. Nothing is
//! ever deleted, and nothing is written until the user chooses.

use crate::ui::component::{Ctx, Effect, Outcome, Status};
use crate::ui::keymap::is_char;
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

    /// `r` restores, `m` moves aside, `q`/`Esc` quit; nothing else does anything.
    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        if is_char(key, 'r') {
            Outcome::effect(Effect::RestoreBackup)
        } else if is_char(key, 'm') {
            Outcome::effect(Effect::MoveAside)
        } else if is_char(key, 'q') || key.code == crossterm::event::KeyCode::Esc {
            Outcome::effect(Effect::Quit)
        } else {
            Outcome::done()
        }
    }

    /// Not a tab screen, so not a `Component`: it replaces the whole frame, status line included.
    pub fn render(&self, ctx: &Ctx, status: Option<&Status>, frame: &mut Frame, area: Rect) {
        render(self, ctx, status, frame, area);
    }
}

fn render(state: &State, ctx: &Ctx, status: Option<&Status>, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let width = area.width.saturating_sub(4) as usize;
    let mut lines = vec![
        Line::styled("rekindle could not read your journal", theme.heading),
        Line::raw(""),
    ];
    lines.extend(wrapped(
        &format!("File: {}", ctx.journal_path.display()),
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
    if let Some(status) = status {
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
