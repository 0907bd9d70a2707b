//! The frame around the screens: tab bar, reminder banner, status line, footer, overlays and
//! the "terminal too small" view. Rendering only reads the app's state.

use super::{App, Mode, Overlay};
use crate::screens::Screen;
use crate::ui::component::{Component, Ctx};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Below this size the UI shows a notice instead of a cramped, misleading layout.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 16;

/// The tab bar, banner, body, status line and footer of a terminal of `area`.
struct Areas {
    tabs: Rect,
    banner: Rect,
    body: Rect,
    status: Rect,
    footer: Rect,
}

fn areas(app: &App, area: Rect) -> Areas {
    let banner_rows = app.banner.lines(&app.derived).len().min(2) as u16;
    let [tabs, banner, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_rows),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        tabs,
        banner,
        body,
        status,
        footer,
    }
}

/// Where the current screen is drawn, for a terminal of the app's last known size.
pub fn body_area(app: &App) -> Rect {
    let (width, height) = app.size;
    areas(app, Rect::new(0, 0, width, height)).body
}

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, frame, area);
    // Under a non-UTF-8 locale, whatever a widget drew itself (borders, chart axes) or a screen
    // laid out from text built elsewhere gets its ASCII stand-in: no symbol reaches the terminal
    // as mojibake.
    app.theme.glyphs.ascii_buffer(frame.buffer_mut(), area);
    strip_unsafe(frame.buffer_mut());
}

/// The last guard before the terminal: a character that could steer it (a control, a C1 code,
/// a bidi override that reverses what follows) never leaves a cell, whatever text a screen drew
/// (journal notes, names, imported files). The same set `terminal_text` escapes for the CLI.
fn strip_unsafe(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(crate::terminal_text::is_unsafe) {
            let kept: String = cell
                .symbol()
                .chars()
                .filter(|c| !crate::terminal_text::is_unsafe(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(app, frame, area);
        return;
    }
    let ctx = ctx!(app);
    if let Mode::Recovery(state) = &app.mode {
        state.render(&ctx, app.status.as_ref(), frame, area);
        return;
    }
    let Areas {
        tabs,
        banner,
        body,
        status,
        footer,
    } = areas(app, area);
    // This frame's own size, which is the terminal's whatever `Resize` said last.
    let ctx = Ctx { area: body, ..ctx };
    render_tabs(app, frame, tabs);
    frame.render_widget(
        Paragraph::new(
            app.banner
                .lines(&app.derived)
                .into_iter()
                .map(|l| {
                    let glyphs = app.theme.glyphs;
                    let room =
                        usize::from(area.width).saturating_sub(3 + glyphs.banner.chars().count());
                    let line = glyphs.fit(&glyphs.text(&l), room);
                    Line::styled(format!(" {} {line}", glyphs.banner), app.theme.banner)
                })
                .collect::<Vec<_>>(),
        ),
        banner,
    );
    match app.screen {
        Screen::CheckIn => app.check_in.render(&ctx, frame, body),
        Screen::Connections => app.connections.render(&ctx, frame, body),
        Screen::Boundaries => app.boundaries.render(&ctx, frame, body),
        Screen::Trends => app.trends.render(&ctx, frame, body),
        Screen::Journal => app.journal_view.render(&ctx, frame, body),
        Screen::Settings => app.settings.render(&ctx, frame, body),
    }
    render_status(app, frame, status);
    render_footer(app, &ctx, frame, footer);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => super::help::render(app, *scroll, frame, body),
        Some(Overlay::Export(state)) => state.render(&ctx, frame, body),
        Some(Overlay::Leave(question)) => render_leave(app, question, frame, body),
        None => {}
    }
}

/// The keys of the leave question, for its box, its footer and the "too small" view.
/// The keys the help overlay answers to while it is open (the ASCII pass covers the arrows).
const HELP_KEYS: [(&str, &str); 2] = [("↑↓", "more keys"), ("Esc/q/?", "close help")];

pub const LEAVE_KEYS: [(&str, &str); 4] = [
    ("s", "save"),
    ("d", "discard"),
    ("k/Esc", "keep editing"),
    ("Ctrl-C", "quit without saving"),
];

fn render_leave(app: &App, question: &super::LeaveQuestion, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(60);
    let inner = width.saturating_sub(4) as usize;
    let mut lines =
        crate::ui::text::wrapped(&question.text(), inner, ratatui::style::Style::default());
    lines.push(Line::raw(""));
    lines.push(Line::from(
        LEAVE_KEYS[..3]
            .iter()
            .flat_map(|(k, d)| {
                [
                    Span::styled(k.to_string(), app.theme.key),
                    Span::raw(format!(" {d}  ")),
                ]
            })
            .collect::<Vec<_>>(),
    ));
    if question.why == super::Why::Quit {
        let (k, d) = LEAVE_KEYS[3];
        lines.push(Line::from(vec![
            Span::styled(k, app.theme.key),
            Span::raw(format!(" again: {d}")),
        ]));
    }
    let height = lines.len() as u16 + 2;
    let popup = crate::ui::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            ratatui::widgets::Block::bordered()
                .title(" Unsaved changes ")
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        popup,
    );
}

fn render_too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    let mut lines = vec![Line::raw(text), Line::raw("q quits")];
    if let Some(Overlay::Leave(question)) = &app.overlay {
        lines.push(Line::raw(question.text()));
        lines.push(Line::raw("s save · d discard · k keep editing"));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

fn render_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::styled(" rekindle ", app.theme.heading)];
    // Narrow terminals name only the current screen; the others keep their digits.
    let compact = area.width < 80;
    for screen in Screen::ALL {
        let current = screen == app.screen;
        let label = if compact && !current {
            screen.number().to_string()
        } else {
            format!("{} {}", screen.number(), screen.title())
        };
        let style = if current {
            app.theme.tab_active
        } else {
            app.theme.tab
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let glyphs = app.theme.glyphs;
    // One row: a longer message ends with the ellipsis rather than mid-word with no mark.
    let room = usize::from(area.width).saturating_sub(2 + glyphs.kept.chars().count());
    let line = match &app.status {
        Some(status) if status.is_error => Line::styled(
            format!(" {} {}", glyphs.slipped, glyphs.fit(&status.text, room)),
            app.theme.error,
        ),
        Some(status) => Line::styled(
            format!(" {} {}", glyphs.kept, glyphs.fit(&status.text, room)),
            app.theme.ok,
        ),
        None => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The footer: the focused screen's hints, the banner's key while a reminder shows, then `?` help
/// and `q` quit (unless a text field has the keys, where those letters are text), cut to fit.
fn render_footer(app: &App, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let overlay_keys: Option<&[(&str, &str)]> = match app.overlay {
        // The help overlay takes the keys while it is open; these are the ones it answers to.
        Some(Overlay::Help { .. }) => Some(&HELP_KEYS),
        Some(Overlay::Leave(_)) => Some(&LEAVE_KEYS),
        Some(Overlay::Export(_)) | None => None,
    };
    if let Some(keys) = overlay_keys {
        let spans = keys.iter().flat_map(|(keys, does)| {
            [
                Span::styled(keys.to_string(), app.theme.key),
                Span::raw(format!(" {does}  ")),
            ]
        });
        let line = Line::from(
            std::iter::once(Span::raw(" "))
                .chain(spans)
                .collect::<Vec<_>>(),
        );
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let letters_are_global = !app.text_focused();
    let glyphs = app.theme.glyphs;
    let mut screen: Vec<(String, &str)> = app
        .hints_in(ctx)
        .into_iter()
        .filter(|hint| hint.in_footer)
        .map(|hint| (glyphs.text(hint.keys), hint.does))
        .collect();
    // An open dialog takes every key, so the global ones (and the banner's) do not apply there.
    let dialog_open = matches!(app.overlay, Some(Overlay::Export(_)));
    let mut global: Vec<(String, &str)> = Vec::new();
    if letters_are_global && !dialog_open {
        // The banner's key comes after the screen's own, so on a narrow footer it is the one
        // left out (the help overlay always lists it).
        screen.extend(
            app.banner
                .bindings(&app.derived)
                .iter()
                .map(|b| (glyphs.text(b.keys), b.does)),
        );
        global.extend(
            super::global_bindings()
                .iter()
                .filter(|b| b.in_footer)
                .map(|b| (glyphs.text(b.keys), b.does)),
        );
    }
    let cost = |pairs: &[(String, &str)]| -> usize {
        pairs
            .iter()
            .map(|(k, d)| k.chars().count() + d.chars().count() + 3)
            .sum()
    };
    let room = (area.width as usize).saturating_sub(1 + cost(&global));
    let mut spans = vec![Span::raw(" ")];
    let mut used = 0usize;
    let shown_screen = screen.iter().take_while(|(k, d)| {
        used += k.chars().count() + d.chars().count() + 3;
        used <= room
    });
    for (keys, does) in shown_screen.chain(global.iter()) {
        spans.push(Span::styled(keys.clone(), app.theme.key));
        spans.push(Span::raw(format!(" {does}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use super::strip_unsafe;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn a_cell_never_keeps_a_control_or_bidi_character() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf[(0, 0)].set_symbol("e\u{202e}");
        buf[(1, 0)].set_symbol("\u{1b}");
        buf[(2, 0)].set_symbol("🧑\u{200d}💻");
        strip_unsafe(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "e");
        assert_eq!(buf[(1, 0)].symbol(), " ");
        assert_eq!(
            buf[(2, 0)].symbol(),
            "🧑\u{200d}💻",
            "a joiner is not a control"
        );
    }
}
