//! Screen 5, the journal: every day newest first, missed days shown as gaps; `Enter` opens a day
//! in the check-in form to edit it or backfill it.

use crate::scoring::{self, Band};
use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::keymap::{self, Binding, plain};
use chrono::{Days, NaiveDate};
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The selected row, counted in days back from today (row 0 is today).
#[derive(Debug, Default)]
pub struct State {
    pub selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Open,
}

/// How many rows the journal has: from today back to the first check-in (at least four weeks,
/// so a new journal shows what the gaps will look like).
pub fn row_count(ctx: &Ctx) -> usize {
    let earliest = ctx
        .journal
        .check_ins
        .iter()
        .map(|c| c.date)
        .filter(|d| *d <= ctx.today)
        .min()
        .unwrap_or(ctx.today);
    let days = (ctx.today - earliest).num_days().max(0) as usize + 1;
    days.max(28)
}

pub fn date_of_row(ctx: &Ctx, row: usize) -> NaiveDate {
    ctx.today
        .checked_sub_days(Days::new(row as u64))
        .unwrap_or(ctx.today)
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, _ctx: &Ctx) -> Vec<Binding<Msg>> {
        vec![
            keymap::up_down("move", Msg::Down, Msg::Up),
            Binding::new("Enter", "open/backfill day", plain(KeyCode::Enter), |k| {
                (k.code == KeyCode::Enter).then_some(Msg::Open)
            }),
            Binding::new("PgUp/PgDn", "page", plain(KeyCode::PageDown), |k| {
                match k.code {
                    KeyCode::PageDown => Some(Msg::PageDown),
                    KeyCode::PageUp => Some(Msg::PageUp),
                    _ => None,
                }
            })
            .help_only(),
            Binding::new(
                "Home/End",
                "newest/oldest",
                plain(KeyCode::End),
                |k| match k.code {
                    KeyCode::Home => Some(Msg::Top),
                    KeyCode::End => Some(Msg::Bottom),
                    _ => None,
                },
            )
            .help_only(),
        ]
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        let last = row_count(ctx) - 1;
        let s = &mut self.selected;
        match msg {
            Msg::Down => *s = (*s + 1).min(last),
            Msg::Up => *s = s.saturating_sub(1),
            Msg::PageDown => *s = (*s + 10).min(last),
            Msg::PageUp => *s = s.saturating_sub(10),
            Msg::Top => *s = 0,
            Msg::Bottom => *s = last,
            Msg::Open => {
                return Outcome {
                    open_day: Some(date_of_row(ctx, self.selected)),
                    ..Outcome::done()
                };
            }
        }
        Outcome::done()
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let area = crate::ui::inset(area);
        let count = ctx
            .journal
            .check_ins
            .iter()
            .filter(|c| c.date <= ctx.today)
            .count();
        let legend = if area.width >= 78 {
            " · E exhaustion, C cynicism, F efficacy, composite 0–100"
        } else {
            ""
        };
        let mut lines = vec![Line::from(vec![
            Span::styled("Journal", theme.heading),
            Span::styled(format!(" · {count} check-ins{legend}"), theme.dim),
        ])];
        let height = (area.height as usize).saturating_sub(1).max(1);
        let rows = row_count(ctx);
        let selected = self.selected.min(rows - 1);
        // Page-wise scrolling: stable, and needs no state written back from rendering.
        let top = (selected / height) * height;
        // What the columns before the note take: marker, date, E/C/F, composite, band.
        let note_width = (area.width as usize).saturating_sub(48);
        for row in top..(top + height).min(rows) {
            let date = date_of_row(ctx, row);
            let style = if row == selected {
                theme.selected
            } else {
                ratatui::style::Style::default()
            };
            let marker = if row == selected { "›" } else { " " };
            let day = date.format("%a %Y-%m-%d").to_string();
            let line = match ctx
                .derived
                .check_in_index
                .get(&date)
                .and_then(|i| ctx.journal.check_ins.get(*i))
            {
                Some(c) => {
                    let band = Band::of_day(c);
                    let note = preview(&c.note, note_width);
                    Line::from(vec![
                        Span::styled(format!("{marker} {day}  "), style),
                        Span::styled(
                            format!(
                                "E{:>3} C{:>3} F{:>3}  ",
                                c.exhaustion, c.cynicism, c.efficacy
                            ),
                            style,
                        ),
                        Span::styled(
                            format!("{:>3} ", scoring::fmt0(scoring::composite(c))),
                            theme.band(band),
                        ),
                        Span::styled(format!("{:<10}", band_short(band)), theme.band(band)),
                        Span::styled(note, theme.dim),
                    ])
                }
                None => Line::from(vec![
                    Span::styled(format!("{marker} {day}  "), style),
                    Span::styled("·  no check-in", theme.dim),
                    Span::styled(
                        if row == selected {
                            "  (Enter to backfill)"
                        } else {
                            ""
                        },
                        theme.dim,
                    ),
                ]),
            };
            lines.push(line);
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

fn band_short(band: Band) -> &'static str {
    match band {
        Band::Low => "low",
        Band::Moderate => "moderate",
        Band::High => "high",
        Band::VeryHigh => "very high",
    }
}

/// The note's first line cut to `width` columns, with `…` where anything was left out (a later
/// line counts), so a preview never looks like the whole note.
fn preview(note: &str, width: usize) -> String {
    let first = note.lines().next().unwrap_or("");
    let fitted = crate::ui::text::fit(first, width);
    if note.lines().nth(1).is_some() && !fitted.ends_with('…') && width > fitted.chars().count() {
        fitted + "…"
    } else {
        fitted
    }
}

#[cfg(test)]
mod tests {
    use super::preview;

    #[test]
    fn previews_mark_what_they_leave_out() {
        assert_eq!(preview("Back-to-back calls", 40), "Back-to-back calls");
        assert_eq!(preview("Back-to-back calls", 8), "Back-to…");
        assert_eq!(preview("one\ntwo", 40), "one…");
        assert_eq!(preview("", 10), "");
        assert_eq!(preview("雨の日", 5), "雨の…");
    }
}
