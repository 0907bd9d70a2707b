//! The y/n question asked before a change that is hard to take back (deleting a connection,
//! archiving or restoring a boundary).
//!
//! While it is open it takes the keys: `y` answers yes; `n`, `Esc` and `q` answer no; anything
//! else is ignored, so a stray key never deletes anything. `Tab` still switches screens and
//! `Ctrl-C` still quits, as everywhere; the question waits on its screen.

use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::keymap::{self, Binding, ch, is_char};
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

/// The question's keys: `y` (`yes_does`) and `n`/`Esc` (`no_does`), answering through `answer`.
pub fn bindings<M: 'static>(
    yes_does: &'static str,
    no_does: &'static str,
    answer: fn(bool) -> M,
) -> Vec<Binding<M>> {
    vec![
        Binding::new("y", yes_does, ch('y'), move |k| {
            is_yes(k).then(|| answer(true))
        }),
        Binding::new("n/Esc", no_does, ch('n'), move |k| {
            is_no(k).then(|| answer(false))
        }),
    ]
}

/// Gives `key` to `screen`'s keymap. While its question is open (`asking`), the question takes
/// every key: nothing else happens until it is answered.
pub fn on_key<C: Component>(
    screen: &mut C,
    ctx: &Ctx,
    key: &KeyEvent,
    asking: bool,
) -> Option<Outcome> {
    match keymap::lookup(&screen.bindings(ctx), key) {
        Some(msg) => Some(screen.update(ctx, msg)),
        None if asking => Some(Outcome::done()),
        None => None,
    }
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
