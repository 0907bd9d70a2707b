//! The frame around the screens: tab bar, reminder banner, status line, footer, overlays and
//! the "terminal too small" view. Rendering only reads the app's state.

pub mod text;
pub mod theme;

use crate::app::{App, Mode, Overlay};
use crate::screens::{self, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Below this size the UI shows a notice instead of a cramped, misleading layout.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 16;

/// One column of breathing room on each side.
pub fn inset(area: Rect) -> Rect {
    area.inner(Margin::new(1, 0))
}

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area);
        return;
    }
    if let Mode::Recovery(state) = &app.mode {
        screens::recovery::render(app, state, frame, area);
        return;
    }
    let banner_lines = screens::banner::lines(app);
    let [tabs, banner, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_lines.len().min(2) as u16),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(app, frame, tabs);
    frame.render_widget(
        Paragraph::new(
            banner_lines
                .into_iter()
                .map(|l| {
                    let line = text::fit(&l, usize::from(area.width).saturating_sub(4));
                    Line::styled(format!(" » {line}"), app.theme.banner)
                })
                .collect::<Vec<_>>(),
        ),
        banner,
    );
    screens::render(app, frame, body);
    render_status(app, frame, status);
    render_footer(app, frame, footer);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => screens::help::render(app, *scroll, frame, body),
        Some(Overlay::Export(state)) => screens::export::render(app, state, frame, body),
        None => {}
    }
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(vec![Line::raw(text), Line::raw("q quits")]).wrap(Wrap { trim: true }),
        area,
    );
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
    let line = match &app.status {
        Some(status) if status.is_error => {
            Line::styled(format!(" ✗ {}", status.text), app.theme.error)
        }
        Some(status) => Line::styled(format!(" ✓ {}", status.text), app.theme.ok),
        None => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The footer: the focused screen's hints, the banner's key while a reminder shows, then `?` help
/// and `q` quit (unless a text field has the keys, where those letters are text), cut to fit.
fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(Overlay::Help { .. }) = app.overlay {
        // The help overlay takes the keys while it is open; these are the ones it answers to.
        let spans = [("↑↓", "more keys"), ("Esc/q/?", "close help")]
            .iter()
            .flat_map(|(keys, does)| {
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
    let letters_are_global = !screens::text_focused(app);
    let mut screen: Vec<(&str, &str)> = screens::hints(app)
        .into_iter()
        .filter(|hint| hint.in_footer)
        .map(|hint| (hint.keys, hint.does))
        .collect();
    // An open dialog takes every key, so the global ones (and the banner's) do not apply there.
    let dialog_open = matches!(app.overlay, Some(Overlay::Export(_)));
    let mut global: Vec<(&str, &str)> = Vec::new();
    if letters_are_global && !dialog_open {
        // The banner's key comes after the screen's own, so on a narrow footer it is the one
        // left out (the help overlay always lists it).
        screen.extend(
            screens::banner::bindings(app)
                .iter()
                .map(|b| (b.keys, b.does)),
        );
        global.extend(
            crate::app::global_bindings()
                .iter()
                .filter(|b| b.in_footer)
                .map(|b| (b.keys, b.does)),
        );
    }
    let cost = |pairs: &[(&str, &str)]| -> usize {
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
        spans.push(Span::styled(keys.to_string(), app.theme.key));
        spans.push(Span::raw(format!(" {does}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A centred box of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
