//! Screen 5, the journal: every day newest first, missed days shown as gaps; `Enter` opens a day
//! in the check-in form to edit it or backfill it.
//!
//! `/` searches the days' notes and their connections' notes and gratitude (the same rule as
//! `rekindle list --search`: case ignored the Unicode way, accents kept, see `journal::search`).
//! The selection jumps to the nearest match as the query is typed; `Enter` keeps the query and
//! leaves the field, `n`/`N` move to the next older / newer match (wrapping around), and `Esc`
//! clears the search. `d` deletes the selected day's check-in after a y/n question (its
//! connections are kept).

use super::confirm;
use crate::journal::search::Query;
use crate::scoring::{self, Band};
use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::keymap::{self, Binding, ch, is_char, plain};
use crate::ui::text_input::TextInput;
use chrono::{Days, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The selected row, counted in days back from today (row 0 is today), and the search and the
/// delete question when they are open.
#[derive(Debug, Default)]
pub struct State {
    pub selected: usize,
    search: Option<Search>,
    /// The day whose check-in `d` asked to delete, while the y/n question is open.
    confirm_delete: Option<NaiveDate>,
}

/// A search: the query as typed, whether its field has focus, and the matching days (newest
/// first), worked out when the query or the journal changes rather than on every key or frame.
#[derive(Debug)]
struct Search {
    input: TextInput,
    editing: bool,
    matches: Vec<NaiveDate>,
    /// The row the search started from: typing jumps to the nearest match from here.
    origin: usize,
}

impl Search {
    fn refresh(&mut self, ctx: &Ctx) {
        self.matches = match Query::new(self.input.text()) {
            Some(query) => query
                .days(ctx.journal)
                .into_keys()
                .rev()
                .filter(|d| *d <= ctx.today && row_of(ctx, *d).is_some())
                .collect(),
            None => Vec::new(),
        };
    }

    fn rows(&self, ctx: &Ctx) -> Vec<usize> {
        self.matches
            .iter()
            .filter_map(|d| row_of(ctx, *d))
            .collect()
    }
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
    Search,
    /// Leave the search field keeping the query (`Enter`).
    SearchDone,
    /// `Esc`: clear the search.
    SearchClear,
    NextMatch,
    PreviousMatch,
    Delete,
    Confirm(bool),
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

/// The row showing `date`, when the journal shows it.
fn row_of(ctx: &Ctx, date: NaiveDate) -> Option<usize> {
    let back = (ctx.today - date).num_days();
    usize::try_from(back)
        .ok()
        .filter(|row| *row < row_count(ctx))
}

impl State {
    /// Moves to the next match after (`forward`: older) or before the selected row, wrapping
    /// around; says where it went.
    fn step(&mut self, ctx: &Ctx, forward: bool) -> Outcome {
        let Some(search) = &self.search else {
            return Outcome::done();
        };
        let rows = search.rows(ctx);
        let query = search.input.text().trim().to_string();
        if rows.is_empty() {
            return Outcome::warn(format!("No day matches “{query}”."));
        }
        let here = self.selected;
        let (target, wrapped) = if forward {
            match rows.iter().find(|r| **r > here) {
                Some(r) => (*r, false),
                None => (rows[0], true),
            }
        } else {
            match rows.iter().rev().find(|r| **r < here) {
                Some(r) => (*r, false),
                None => (rows[rows.len() - 1], true),
            }
        };
        self.selected = target;
        self.say_match(ctx, &rows, wrapped)
    }

    fn say_match(&self, ctx: &Ctx, rows: &[usize], wrapped: bool) -> Outcome {
        let Some(search) = &self.search else {
            return Outcome::done();
        };
        let query = search.input.text().trim();
        if rows.is_empty() {
            return Outcome::warn(format!("No day matches “{query}”."));
        }
        let at = rows
            .iter()
            .position(|r| *r == self.selected)
            .map_or(0, |i| i + 1);
        let date = date_of_row(ctx, self.selected).format("%a %Y-%m-%d");
        let wrap = if wrapped { " (wrapped around)" } else { "" };
        Outcome::say(format!(
            "“{query}”: match {at} of {} on {date}{wrap} · n/N next/previous · Esc clears",
            rows.len()
        ))
    }

    /// After the query changed: jump to the nearest match at or after where the search began.
    fn jump_as_typed(&mut self, ctx: &Ctx) -> Outcome {
        let Some(search) = &mut self.search else {
            return Outcome::done();
        };
        search.refresh(ctx);
        if Query::new(search.input.text()).is_none() {
            self.selected = search.origin;
            return Outcome::say("Search the notes and connections: type, then Enter");
        }
        let rows = search.rows(ctx);
        let origin = search.origin;
        if let Some(row) = rows.iter().find(|r| **r >= origin).or(rows.first()) {
            self.selected = *row;
        }
        self.say_match(ctx, &rows, false)
    }

    fn bindings_for(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        if self.confirm_delete.is_some() {
            return confirm::bindings("yes, delete", "no, keep it", Msg::Confirm);
        }
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return vec![
                keymap::on("Enter", "keep the search", KeyCode::Enter, Msg::SearchDone),
                keymap::on("Esc", "clear search", KeyCode::Esc, Msg::SearchClear),
            ];
        }
        // The footer is cut to fit (80 columns with a reminder's key): while a search is on,
        // its keys come first; the help lists them all.
        let mut list = vec![keymap::up_down("move", Msg::Down, Msg::Up)];
        if self.search.is_some() {
            let (next, previous) = (
                (KeyCode::Char('n'), Msg::NextMatch),
                (KeyCode::Char('N'), Msg::PreviousMatch),
            );
            list.push(keymap::plain_pair("n/N", "next/prev match", next, previous));
            list.push(keymap::on(
                "Esc",
                "clear search",
                KeyCode::Esc,
                Msg::SearchClear,
            ));
        }
        list.push(Binding::new("/", "search", ch('/'), |k| {
            is_char(k, '/').then_some(Msg::Search)
        }));
        list.push(Binding::new("Enter", "open", plain(KeyCode::Enter), |k| {
            (k.code == KeyCode::Enter).then_some(Msg::Open)
        }));
        if ctx
            .journal
            .check_in_on(date_of_row(ctx, self.selected))
            .is_some()
        {
            list.push(Binding::new("d", "delete", ch('d'), |k| {
                is_char(k, 'd').then_some(Msg::Delete)
            }));
        }
        list.push(keymap::page_up_down("page", Msg::PageUp, Msg::PageDown));
        list.push(keymap::home_end("newest/oldest", Msg::Top, Msg::Bottom));
        list
    }
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        self.bindings_for(ctx)
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        if let Some(search) = &mut self.search
            && search.editing
            && self.confirm_delete.is_none()
        {
            if search.input.handle(key) {
                return Some(self.jump_as_typed(ctx));
            }
            // The field takes every key while it has focus: a stray key is not a command.
            let msg = keymap::lookup(&self.bindings(ctx), key);
            return Some(msg.map_or_else(Outcome::done, |m| self.update(ctx, m)));
        }
        let asking = self.confirm_delete.is_some();
        confirm::on_key(self, ctx, key, asking)
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
            Msg::Search => {
                let mut search = Search {
                    input: TextInput::single_line(""),
                    editing: true,
                    matches: Vec::new(),
                    origin: self.selected,
                };
                if let Some(old) = self.search.take() {
                    search.input = old.input;
                    search.refresh(ctx);
                }
                self.search = Some(search);
                return Outcome::say("Search the notes and connections: type, then Enter");
            }
            Msg::SearchDone => {
                let empty = self
                    .search
                    .as_ref()
                    .is_none_or(|s| Query::new(s.input.text()).is_none());
                if empty {
                    self.search = None;
                    return Outcome::say("Search closed.");
                }
                if let Some(search) = &mut self.search {
                    search.editing = false;
                }
                let rows = self
                    .search
                    .as_ref()
                    .map(|s| s.rows(ctx))
                    .unwrap_or_default();
                return self.say_match(ctx, &rows, false);
            }
            Msg::SearchClear => {
                self.search = None;
                return Outcome::say("Search cleared.");
            }
            Msg::NextMatch => return self.step(ctx, true),
            Msg::PreviousMatch => return self.step(ctx, false),
            Msg::Delete => {
                let date = date_of_row(ctx, self.selected);
                if ctx.journal.check_in_on(date).is_some() {
                    self.confirm_delete = Some(date);
                } else {
                    return Outcome::say("That day has no check-in to delete.");
                }
            }
            Msg::Confirm(yes) => return self.confirm(ctx, yes),
        }
        Outcome::done()
    }

    fn captures_digits(&self) -> bool {
        self.text_focused()
    }

    fn text_focused(&self) -> bool {
        self.confirm_delete.is_some() || self.search.as_ref().is_some_and(|s| s.editing)
    }

    fn saved(&mut self, ctx: &Ctx) {
        if let Some(search) = &mut self.search {
            search.refresh(ctx);
        }
        self.selected = self.selected.min(row_count(ctx) - 1);
    }

    fn day_changed(&mut self, ctx: &Ctx, _previous: NaiveDate) {
        self.saved(ctx);
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let full = area;
        let mut area = crate::ui::inset(area);
        if let Some(search) = &self.search {
            // The search line, at the bottom of the screen.
            let [list, bar] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Min(1),
                ratatui::layout::Constraint::Length(1),
            ])
            .areas(area);
            area = list;
            let count = match (Query::new(search.input.text()), search.matches.len()) {
                (None, _) => String::new(),
                (Some(_), 0) => "  no match".to_string(),
                (Some(_), 1) => "  1 day matches".to_string(),
                (Some(_), n) => format!("  {n} days match"),
            };
            let mut spans = vec![
                Span::styled("/", theme.key),
                Span::raw(search.input.text().to_string()),
            ];
            if search.editing {
                spans.push(Span::styled("▏", theme.key));
            }
            spans.push(Span::styled(count, theme.dim));
            frame.render_widget(Paragraph::new(Line::from(spans)), bar);
        }
        let matched: std::collections::HashSet<NaiveDate> = self
            .search
            .as_ref()
            .map(|s| s.matches.iter().copied().collect())
            .unwrap_or_default();
        let count = ctx
            .journal
            .check_ins
            .iter()
            .filter(|c| c.date <= ctx.today)
            .count();
        let counted = match count {
            1 => " · 1 check-in".to_string(),
            n => format!(" · {n} check-ins"),
        };
        // The legend only when it fits whole beside the count: never cut mid-word.
        let legend = " · E exhaustion, C cynicism, F efficacy, strain 0–100";
        let fits = "Journal".len() + counted.chars().count() + legend.chars().count()
            <= usize::from(area.width);
        let mut lines = vec![Line::from(vec![
            Span::styled("Journal", theme.heading),
            Span::styled(
                format!("{counted}{}", if fits { legend } else { "" }),
                theme.dim,
            ),
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
            // A match is marked with a symbol, not only a colour.
            let marker = match (row == selected, matched.contains(&date)) {
                (true, _) => "›",
                (false, true) => "•",
                (false, false) => " ",
            };
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
        if let Some(date) = self.confirm_delete
            && let Some(c) = ctx.journal.check_in_on(date)
        {
            let question = format!(
                "Delete the check-in for {} (E{} C{} F{})? Its connections are kept. This cannot be undone.",
                date.format("%a %-d %b %Y"),
                c.exhaustion,
                c.cynicism,
                c.efficacy
            );
            confirm::render(theme, &question, "delete", "keep it", frame, full);
        }
    }
}

impl State {
    fn confirm(&mut self, ctx: &Ctx, yes: bool) -> Outcome {
        let Some(date) = self.confirm_delete.take() else {
            return Outcome::done();
        };
        let described = format!("the check-in for {}", date.format("%a %-d %b %Y"));
        if !yes {
            return Outcome::say(format!("Kept {described}; nothing was deleted."));
        }
        let mut journal = ctx.journal.clone();
        if journal.remove_check_in(date).is_none() {
            return Outcome::done();
        }
        Outcome::save(journal, format!("Deleted {described}"))
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
