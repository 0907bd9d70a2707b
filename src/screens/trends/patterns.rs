//! The patterns on the Trends screen: a panel in the page with the summary (at most 3 clear
//! insights, or the honest "no clear patterns" text), and a full view over the page (`p`) with
//! every clear insight and its details, the "not clear yet" ones, `a` for every comparison, and
//! the footer.
//!
//! The report is computed in `Derived` (after the first frame, or on opening this screen) and
//! only laid out here; until it is there the panel says "Looking for patterns…". Wording is the
//! insights module's own, word for word (docs/INSIGHTS.md); nothing here adds a figure.

use crate::insights::{Insight, POSSIBLE_HEADING, Report, empty_text};
use crate::ui::component::Ctx;
use crate::ui::text::{hanging, wrapped};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// What the panel and the full view show before the report is computed.
pub const LOOKING: &str = "Looking for patterns…";

/// The panel in the page: a heading, then the summary sentences.
pub fn panel_lines(ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let mut lines = vec![Line::from(vec![
        Span::styled("Patterns", theme.label),
        Span::styled(
            format!("{}p shows every pattern", theme.glyphs.sep),
            theme.dim,
        ),
    ])];
    match &ctx.derived.insights {
        None => lines.extend(wrapped(LOOKING, width, theme.dim)),
        Some(report) => {
            for sentence in report.summary_lines() {
                lines.extend(bullet(&sentence, width, theme));
            }
        }
    }
    lines
}

/// "• sentence", wrapped under itself.
fn bullet(text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    hanging(
        vec![Span::styled(
            format!("{} ", theme.glyphs.banner),
            theme.label,
        )],
        text,
        Style::default(),
        width,
    )
}

/// The full view's text, `width` columns wide: every clear insight with its details, then at
/// most 3 "not clear yet" ones, then (`all`) every comparison, then the footer.
pub fn full_lines(report: &Report, all: bool, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let section = |lines: &mut Vec<Line<'static>>, heading: &str, insights: Vec<&Insight>| {
        lines.push(Line::styled(heading.to_string(), theme.heading));
        for insight in insights {
            lines.extend(bullet(&report.sentence(insight), width, theme));
            for detail in report.details(insight) {
                lines.extend(hanging(vec![Span::raw("    ")], &detail, theme.dim, width));
            }
        }
    };
    let clear: Vec<_> = report.clear().collect();
    if clear.is_empty() {
        lines.extend(wrapped(&empty_text(report.weeks), width, Style::default()));
    } else {
        section(&mut lines, "Clear patterns", clear);
    }
    let possible: Vec<_> = report.possible_shown().collect();
    if !possible.is_empty() {
        lines.push(Line::raw(""));
        section(&mut lines, POSSIBLE_HEADING, possible);
    }
    lines.push(Line::raw(""));
    if all {
        lines.push(Line::styled("Every comparison", theme.heading));
        for verdict in report.verdict_lines() {
            lines.extend(hanging(
                vec![Span::raw("  ")],
                &verdict,
                Style::default(),
                width,
            ));
        }
    } else {
        lines.extend(wrapped(
            "a shows every comparison, with its verdict",
            width,
            theme.dim,
        ));
    }
    lines.push(Line::raw(""));
    lines.extend(wrapped(&report.footer(), width, theme.dim));
    theme.glyphs.lines(lines)
}

/// Where the full view is drawn in the screen's `area`, and its text area inside the border.
fn boxes(area: Rect) -> (Rect, Rect) {
    let outer = crate::ui::inset(area);
    let inner = Block::bordered().inner(outer);
    (outer, inner)
}

/// The full view's lines and how many rows show them (one fewer when they overflow: the last
/// row then says how much is left).
fn fit(ctx: &Ctx, report: &Report, all: bool, area: Rect) -> (Vec<Line<'static>>, u16) {
    let (_, inner) = boxes(area);
    let lines = full_lines(report, all, usize::from(inner.width), ctx.theme);
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let viewport = if total > inner.height {
        inner.height.saturating_sub(1)
    } else {
        inner.height
    };
    (lines, viewport)
}

/// How far the full view can scroll in the screen's area (the layout `render_full` draws).
pub fn max_scroll(ctx: &Ctx, all: bool) -> usize {
    let Some(report) = &ctx.derived.insights else {
        return 0;
    };
    let (lines, viewport) = fit(ctx, report, all, ctx.area);
    lines.len().saturating_sub(usize::from(viewport))
}

/// The full view over the page, scrolled to `scroll`.
pub fn render_full(ctx: &Ctx, all: bool, scroll: usize, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let (outer, inner) = boxes(area);
    if inner.is_empty() {
        return;
    }
    frame.render_widget(Clear, outer);
    frame.render_widget(
        Block::bordered().title(theme.glyphs.text(" Patterns · p or Esc closes ")),
        outer,
    );
    let Some(report) = &ctx.derived.insights else {
        frame.render_widget(
            Paragraph::new(Line::styled(theme.glyphs.text(LOOKING), theme.dim)),
            inner,
        );
        return;
    };
    let (lines, viewport) = fit(ctx, report, all, area);
    let max = lines.len().saturating_sub(usize::from(viewport));
    let scroll = scroll.min(max);
    let shown: Vec<Line<'static>> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(viewport))
        .collect();
    frame.render_widget(
        Paragraph::new(shown),
        Rect::new(inner.x, inner.y, inner.width, viewport),
    );
    if max > 0 {
        let below = max - scroll;
        let text = match below {
            0 => "end of the patterns · ↑ scrolls back".to_string(),
            1 => "↓ 1 more line · ↑↓ scroll".to_string(),
            n => format!("↓ {n} more lines · ↑↓ scroll"),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(theme.glyphs.text(&text), theme.dim)),
            Rect::new(inner.x, inner.y + viewport, inner.width, 1),
        );
    }
}
