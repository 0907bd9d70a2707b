//! The per-person view of the connection log: over the last 90 days, how often the user was in
//! touch with each person, when last, and what share of those contacts felt nourishing or
//! draining — shares, not a ratio (docs/SCORING.md), so the draining side is never hidden.
//! Also the names the add form completes from.

use super::State;
use crate::scoring::fmt0;
use crate::trends::{PEOPLE_DAYS, PersonSummary};
use crate::ui::component::Ctx;
use crate::ui::text::wrapped;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Cuts `text` to `width` columns, marking a cut with `…`, and pads it to exactly `width`.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    if text.width() > width {
        for c in text.chars() {
            if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
                break;
            }
            out.push(c);
        }
        out.push('…');
    } else {
        out.push_str(text);
    }
    let pad = width.saturating_sub(out.width());
    out + &" ".repeat(pad)
}

fn percent(share: f64) -> String {
    format!("{}%", fmt0(share * 100.0))
}

/// One person's row, as wide as `width` allows: the full form from 70 columns, else compact
/// (`+` nourishing, `−` draining, explained by the legend).
fn row(person: &PersonSummary, width: usize) -> String {
    let contacts = if person.count == 1 {
        "1 contact".to_string()
    } else {
        format!("{} contacts", person.count)
    };
    if width >= 70 {
        format!(
            "{} {contacts:<11} last {}  {:>4} nourishing  {:>4} draining",
            fit(&person.person, 14),
            person.last.format("%Y-%m-%d"),
            percent(person.share_nourishing()),
            percent(person.share_draining()),
        )
    } else {
        let name = width.saturating_sub(2 + 24).clamp(6, 16);
        format!(
            "{} {:>3}  +{:<4} −{:<4} {}",
            fit(&person.person, name),
            person.count,
            percent(person.share_nourishing()),
            percent(person.share_draining()),
            person.last.format("%m-%d"),
        )
    }
}

fn legend(width: usize) -> &'static str {
    if width >= 70 {
        "Share of your contacts with each person that felt nourishing or draining."
    } else {
        "count · + nourishing · − draining · last"
    }
}

/// The people list with `selected` marked (or none when `None`), page-wise scrolled.
fn lines(ctx: &Ctx, selected: Option<usize>, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let people = &ctx.derived.connections.people;
    let mut lines = vec![Line::styled(
        format!("People, last {PEOPLE_DAYS} days"),
        theme.heading,
    )];
    lines.extend(wrapped(legend(width), width, theme.dim));
    if people.is_empty() {
        lines.push(Line::raw(format!(
            "Nobody in the last {PEOPLE_DAYS} days yet."
        )));
        return lines;
    }
    let rows = height.saturating_sub(lines.len()).max(1);
    let chosen = selected.map(|s| s.min(people.len() - 1));
    let top = chosen.map_or(0, |s| (s / rows) * rows);
    for (i, person) in people.iter().enumerate().skip(top).take(rows) {
        let is_selected = chosen == Some(i);
        let style = if is_selected {
            theme.selected
        } else {
            Style::default()
        };
        lines.push(Line::from(vec![
            theme.focus_span(is_selected),
            Span::styled(row(person, width.saturating_sub(2)), style),
        ]));
    }
    lines
}

/// The full-width per-person view (`p`).
pub fn render(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let text = lines(
        ctx,
        Some(state.people_selected),
        area.width as usize,
        area.height as usize,
    );
    frame.render_widget(Paragraph::new(ctx.theme.glyphs.lines(text)), area);
}

/// The side panel beside the log on wide terminals: the same rows, compact, nothing selected.
pub fn render_panel(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let text = lines(ctx, None, area.width as usize, area.height as usize);
    frame.render_widget(Paragraph::new(ctx.theme.glyphs.lines(text)), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_and_pads() {
        assert_eq!(fit("Sam", 5), "Sam  ");
        assert_eq!(fit("Samantha", 5), "Sama…");
        assert_eq!(fit("Samantha", 8), "Samantha");
    }
}
