//! Screen 2, the connection log: who you reached and who reached you, newest first, with days
//! since a nourishing connection, this week's counts, and a per-person view (`p`, or a side
//! panel from 100 columns). `a` adds, `Enter` edits, `d` deletes after a y/n question.
//!
//! One responsibility per file: this one has the list, its keys and the figures it shows;
//! `form` the add/edit form; `people` the per-person view and the names the form completes.

mod form;
mod people;
mod stay_close;

pub use form::{Field, Form, FormMsg};

use super::confirm;
use crate::journal::{Connection, Felt, InitiatedBy, Kind};
use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::form::form_hooks;
use crate::ui::keymap::{self, Binding, plain};
use crate::ui::list;
use crate::ui::text::{hanging, join_wrapped};
use crossterm::event::{KeyCode, KeyEvent};
use people::fit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// From this terminal width the per-person summary shows beside the log.
const SIDE_PANEL_WIDTH: u16 = 100;
const PANEL_COLUMNS: u16 = 40;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Log,
    People,
}

#[derive(Debug, Default)]
pub struct State {
    /// The selected row of the log, in newest-first order.
    pub selected: usize,
    pub view: View,
    pub people_selected: usize,
    pub form: Option<Form>,
    /// The id of a connection waiting for "delete? y/n".
    pub confirm_delete: Option<String>,
    pub stay_close: stay_close::Panel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Move(list::Move),
    Add,
    Edit,
    Delete,
    ToggleView,
    Confirm(bool),
    Form(FormMsg),
    StayClose(stay_close::Msg),
}

pub fn felt_words(felt: Felt) -> (&'static str, &'static str) {
    match felt {
        Felt::Nourishing => ("+", "nourishing"),
        // Not `·`: between two ` · ` separators it read as an empty gap.
        Felt::Neutral => ("○", "neutral"),
        Felt::Draining => ("−", "draining"),
    }
}

/// The selected connection as the start of a sentence, with the article or verb each kind needs:
/// "A call with Sam", "Time in person with Jo" (never "In person with …" or "a in person").
pub fn kind_sentence(kind: Kind, person: &str) -> String {
    match kind {
        Kind::Message => format!("A message with {person}"),
        Kind::Call => format!("A call with {person}"),
        Kind::Video => format!("A video call with {person}"),
        Kind::InPerson => format!("Time in person with {person}"),
        Kind::Group => format!("Time in a group with {person}"),
        Kind::Therapy => format!("A therapy session with {person}"),
        Kind::Mentor => format!("A mentoring session with {person}"),
        Kind::Other => format!("Time with {person}"),
    }
}

/// How a connection felt, as words after "it felt": no symbol, so nothing reads as a gap.
fn felt_sentence(felt: Felt) -> &'static str {
    match felt {
        Felt::Nourishing => "it felt nourishing",
        Felt::Neutral => "it felt neutral",
        Felt::Draining => "it felt draining",
    }
}

pub fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Message => "message",
        Kind::Call => "call",
        Kind::Video => "video",
        Kind::InPerson => "in person",
        Kind::Group => "group",
        Kind::Therapy => "therapy",
        Kind::Mentor => "mentor",
        Kind::Other => "other",
    }
}

fn by_words(by: InitiatedBy) -> &'static str {
    match by {
        InitiatedBy::Me => "by me",
        InitiatedBy::Them => "by them",
        InitiatedBy::Mutual => "mutual",
    }
}

/// The selected connection of the log, if there is one.
pub fn selected<'a>(state: &State, ctx: &Ctx<'a>) -> Option<&'a Connection> {
    let order = &ctx.derived.connections.order;
    let row = state.selected.min(order.len().checked_sub(1)?);
    ctx.journal.connections.get(order[row])
}

fn can_complete(state: &State, ctx: &Ctx) -> bool {
    state
        .form
        .as_ref()
        .is_some_and(|f| f.completion(&ctx.derived.connections.names).is_some())
}

impl Component for State {
    type Msg = Msg;

    form_hooks!(question: confirm_delete, paste_into: "the note", list: render_page);

    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        if self.confirm_delete.is_some() {
            return confirm::bindings("yes, delete", "no, keep it", Msg::Confirm);
        }
        if let Some(form) = &self.form {
            return form::bindings(form, can_complete(self, ctx));
        }
        if let Some(keys) = stay_close::bindings(self, ctx) {
            return keys;
        }
        match self.view {
            View::Log => {
                let mut keys = vec![keymap::on("a", "add", KeyCode::Char('a'), Msg::Add)];
                if !ctx.journal.connections.is_empty() {
                    keys.push(Binding::new("Enter", "edit", plain(KeyCode::Enter), |k| {
                        (k.code == KeyCode::Enter).then_some(Msg::Edit)
                    }));
                    keys.push(keymap::on("d", "delete", KeyCode::Char('d'), Msg::Delete));
                    keys.extend(list::bindings(Msg::Move));
                }
                keys.push(keymap::on(
                    "p",
                    "people",
                    KeyCode::Char('p'),
                    Msg::ToggleView,
                ));
                keys.extend(stay_close::log_bindings(ctx));
                keys
            }
            View::People => {
                let mut keys = vec![
                    keymap::on("a", "log one with them", KeyCode::Char('a'), Msg::Add),
                    keymap::on("p", "back to the log", KeyCode::Char('p'), Msg::ToggleView),
                ];
                if !ctx.derived.connections.people.is_empty() {
                    keys.extend(list::bindings(Msg::Move));
                }
                keys.extend(stay_close::people_bindings(ctx));
                keys
            }
        }
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        if let Some(form) = &mut self.form
            && form.edit_text(key, &ctx.derived.connections.names)
        {
            return Some(Outcome::done());
        }
        let asking = self.confirm_delete.is_some();
        confirm::on_key(self, ctx, key, asking)
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        match msg {
            Msg::Move(step) => match self.view {
                View::Log => {
                    let rows = ctx.derived.connections.order.len();
                    self.selected = step.apply(self.selected, rows);
                }
                View::People => {
                    let rows = ctx.derived.connections.people.len();
                    self.people_selected = step.apply(self.people_selected, rows);
                }
            },
            Msg::ToggleView => {
                self.view = match self.view {
                    View::Log => View::People,
                    View::People => View::Log,
                };
            }
            Msg::Add => {
                let person = match self.view {
                    View::Log => "",
                    View::People => {
                        let people = &ctx.derived.connections.people;
                        let last = people.len().saturating_sub(1);
                        people
                            .get(self.people_selected.min(last))
                            .map_or("", |p| p.person.as_str())
                    }
                };
                self.form = Some(Form::new(ctx.today, person));
            }
            Msg::Edit => {
                if let Some(connection) = selected(self, ctx) {
                    self.form = Some(Form::edit(connection));
                }
            }
            Msg::Delete => {
                self.confirm_delete = selected(self, ctx).map(|c| c.id.clone());
            }
            Msg::Confirm(yes) => return confirm_delete(self, ctx, yes),
            Msg::Form(msg) => return form::update(self, ctx, msg),
            Msg::StayClose(msg) => return stay_close::update(self, ctx, msg),
        }
        Outcome::done()
    }

    fn saved(&mut self, ctx: &Ctx) {
        if let Some(id) = self.form.as_ref().and_then(|f| f.saving.clone()) {
            self.form = None;
            self.view = View::Log;
            let (order, connections) = (&ctx.derived.connections.order, &ctx.journal.connections);
            if let Some(row) = list::row_of(order, connections, |c| c.id == id) {
                self.selected = row;
            }
        }
        // A delete leaves one row fewer.
        let rows = ctx.derived.connections.order.len();
        self.selected = self.selected.min(rows.saturating_sub(1));
    }

    fn save_failed(&mut self) {
        if let Some(form) = &mut self.form {
            form.saving = None;
        }
    }
}

fn render_page(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let inner = crate::ui::inset(area);
    let header = header(ctx, inner.width as usize, inner.height as usize);
    let [top, body] =
        Layout::vertical([Constraint::Length(header.len() as u16), Constraint::Min(1)])
            .areas(inner);
    frame.render_widget(Paragraph::new(ctx.theme.glyphs.lines(header)), top);
    let body = stay_close::render(state, ctx, frame, body);
    match state.view {
        View::People => people::render(state, ctx, frame, body),
        View::Log if area.width >= SIDE_PANEL_WIDTH => {
            let [log, _, panel] = Layout::horizontal([
                Constraint::Min(40),
                Constraint::Length(2),
                Constraint::Length(PANEL_COLUMNS),
            ])
            .areas(body);
            render_log(state, ctx, frame, log);
            people::render_panel(ctx, frame, panel);
        }
        View::Log => render_log(state, ctx, frame, body),
    }
    if let Some(id) = &state.confirm_delete
        && let Some(c) = ctx.journal.connections.iter().find(|c| &c.id == id)
    {
        let question = format!(
            "Delete the connection with {} on {}? This cannot be undone.",
            c.person,
            c.date.format("%a %-d %b %Y")
        );
        confirm::render(ctx.theme, &question, "delete", "keep it", frame, area);
    }
}

fn confirm_delete(state: &mut State, ctx: &Ctx, yes: bool) -> Outcome {
    let Some(id) = state.confirm_delete.take() else {
        return Outcome::done();
    };
    let Some(connection) = ctx.journal.connections.iter().find(|c| c.id == id) else {
        return Outcome::done();
    };
    let described = format!(
        "the connection with {} ({})",
        connection.person,
        connection.date.format("%a %-d %b %Y")
    );
    if !yes {
        return Outcome::say(format!("Kept {described}; nothing was deleted."));
    }
    let mut journal = ctx.journal.clone();
    journal.connections.retain(|c| c.id != id);
    Outcome::save(journal, format!("Deleted {described}"))
}

/// Heading, days since a nourishing connection, this week's counts, and the isolation flag
/// when raised. Its suggestion is left out when it would crowd the log off a short screen.
fn header(ctx: &Ctx, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let figures = &ctx.derived.connections;
    let count = ctx.journal.connections.len();
    let mut title = vec![
        Span::styled("Connections", theme.heading),
        Span::styled(format!(" · {count} logged"), theme.dim),
    ];
    let tagline = " · reaching out, even briefly, helps";
    if Line::from(title.clone()).width() + tagline.len() <= width {
        title.push(Span::styled(tagline, theme.dim));
    }
    let mut lines = vec![Line::from(title)];
    let last = match &figures.last_nourishing {
        None => "No nourishing connection logged yet.".to_string(),
        Some(last) => format!(
            "Last nourishing connection: {}, {}.",
            last.person,
            days_ago(last.days_ago)
        ),
    };
    lines.extend(hanging(Vec::new(), &last, Style::default(), width));
    let week = figures.this_week;
    let this_week = [
        format!("This week: {} nourishing", week.nourishing),
        format!("{} neutral", week.neutral),
        format!("{} draining", week.draining),
        format!("{} started by you", week.initiated_by_me),
    ];
    lines.extend(
        join_wrapped(&this_week, " · ", width)
            .into_iter()
            .map(Line::raw),
    );
    if let Some(flag) = &figures.isolation {
        let evidence = format!("{}. {}", flag.kind.title(), flag.evidence);
        let flag_lines = hanging(
            vec![Span::styled(
                format!("{} ", theme.glyphs.gentle),
                theme.flag(),
            )],
            &evidence,
            theme.flag(),
            width,
        );
        let suggestion = hanging(vec![Span::raw("  ")], &flag.suggestion, theme.dim, width);
        let room = height / 2;
        let with_suggestion = lines.len() + flag_lines.len() + suggestion.len() <= room;
        lines.extend(flag_lines);
        if with_suggestion {
            lines.extend(suggestion);
        }
    }
    lines.push(Line::raw(""));
    lines
}

fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    }
}

/// The log, newest first, with the selected connection's details at the bottom.
fn render_log(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let order = &ctx.derived.connections.order;
    let width = area.width as usize;
    if order.is_empty() {
        let text = hanging(
            Vec::new(),
            "No connections logged yet. Press a to log one: a name and Ctrl-S is enough. A short message counts.",
            theme.dim,
            width,
        );
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let selected_row = state.selected.min(order.len() - 1);
    let details = selected(state, ctx).map_or_else(Vec::new, |c| details(ctx, c, width));
    // Details only when the log keeps at least three rows.
    let details = if (area.height as usize) >= details.len() + 4 {
        details
    } else {
        Vec::new()
    };
    let rows = (area.height as usize).saturating_sub(details.len()).max(1);
    // Page-wise scrolling: stable, and needs no state written back from rendering.
    let top = (selected_row / rows) * rows;
    let mut lines: Vec<Line> = order
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .filter_map(|(row, &i)| {
            let c = ctx.journal.connections.get(i)?;
            Some(log_row(ctx, c, row == selected_row, width))
        })
        .collect();
    lines.resize(rows, Line::raw(""));
    lines.extend(details);
    frame.render_widget(Paragraph::new(ctx.theme.glyphs.lines(lines)), area);
}

/// One row: date, person, kind, how it felt, who started it and a preview of the gratitude line
/// (or the note), as far as `width` allows; date, person and felt always show.
fn log_row(ctx: &Ctx, c: &Connection, selected: bool, width: usize) -> Line<'static> {
    let theme = ctx.theme;
    let style = if selected {
        theme.selected
    } else {
        Style::default()
    };
    let (_, word) = felt_words(c.felt);
    let g = theme.glyphs;
    let symbol = match c.felt {
        Felt::Nourishing => g.plus,
        Felt::Neutral => g.neutral,
        Felt::Draining => g.minus,
    };
    let mut spans = vec![
        theme.focus_span(selected),
        Span::styled(format!("{} ", c.date.format("%Y-%m-%d")), style),
        Span::styled(fit(c.person.trim(), 12) + " ", style),
        Span::styled(format!("{:<10}", kind_words(c.kind)), style),
        Span::styled(format!("{symbol} {word:<11}"), theme.felt(c.felt)),
    ];
    let mut used = 2 + 11 + 13 + 10 + 13;
    if width >= used + 8 {
        spans.push(Span::styled(
            format!("{:<8}", by_words(c.initiated_by)),
            style,
        ));
        used += 8;
    }
    let preview = if c.gratitude.is_empty() {
        &c.note
    } else {
        &c.gratitude
    };
    let preview = preview.lines().next().unwrap_or("");
    if width >= used + 8 && !preview.is_empty() {
        spans.push(Span::styled(
            fit(preview, width - used).trim_end().to_string(),
            theme.dim,
        ));
    }
    Line::from(spans)
}

/// "A call with Sam on Sun 22 Nov 2026 · you reached out · it felt nourishing": every part is
/// words, so no part is ever an empty gap between separators.
pub fn details_sentence(c: &Connection, sep: &str) -> String {
    let started = match c.initiated_by {
        InitiatedBy::Me => "you reached out",
        InitiatedBy::Them => "they reached out",
        InitiatedBy::Mutual => "you both reached out",
    };
    format!(
        "{} on {}{sep}{started}{sep}{}",
        kind_sentence(c.kind, c.person.trim()),
        c.date.format("%a %-d %b %Y"),
        felt_sentence(c.felt),
    )
}

/// The selected connection in full: what, who started it, and its gratitude line and note.
fn details(ctx: &Ctx, c: &Connection, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let glyphs = theme.glyphs;
    let lines_rule = glyphs.rule.repeat(width);
    let mut lines = vec![Line::styled(lines_rule, theme.dim)];
    lines.extend(hanging(
        Vec::new(),
        &details_sentence(c, glyphs.sep),
        theme.label,
        width,
    ));
    for (label, text) in [("Grateful for: ", &c.gratitude), ("Note: ", &c.note)] {
        if !text.is_empty() {
            lines.extend(hanging(
                vec![Span::styled(label, theme.label)],
                text,
                Style::default(),
                width,
            ));
        }
    }
    lines
}

#[cfg(test)]
mod wording_tests {
    use super::*;
    use crate::ui::theme::Glyphs;

    fn connection(kind: Kind, initiated_by: InitiatedBy, felt: Felt) -> Connection {
        let json = format!(
            r#"{{"id": "c-1", "date": "2026-11-22", "person": "Team lead", "kind": "{}", "initiated_by": "{}", "felt": "{}"}}"#,
            kind.as_str(),
            initiated_by.as_str(),
            felt.as_str()
        );
        serde_json::from_str(&json).expect("a valid connection")
    }

    #[test]
    fn connection_details_are_words_with_no_empty_gap() {
        for &kind in Kind::ALL {
            for &by in InitiatedBy::ALL {
                for &felt in Felt::ALL {
                    let c = connection(kind, by, felt);
                    for sep in [Glyphs::UNICODE.sep, Glyphs::ASCII.sep] {
                        let text = details_sentence(&c, sep);
                        assert!(!text.contains(" · · ") && !text.contains(" - - "), "{text}");
                        assert!(!text.contains("· ·") && !text.contains("  "), "{text}");
                        assert!(!text.to_lowercase().contains("a in "), "{text}");
                        assert!(!text.starts_with("In person"), "{text}");
                        assert!(text.contains("Team lead"), "{text}");
                        assert!(text.ends_with(felt.as_str()), "{text}");
                    }
                }
            }
        }
        let c = connection(Kind::InPerson, InitiatedBy::Mutual, Felt::Neutral);
        assert_eq!(
            details_sentence(&c, " · "),
            "Time in person with Team lead on Sun 22 Nov 2026 · you both reached out · it felt neutral"
        );
        let c = connection(Kind::Call, InitiatedBy::Me, Felt::Nourishing);
        assert_eq!(
            details_sentence(&c, " · "),
            "A call with Team lead on Sun 22 Nov 2026 · you reached out · it felt nourishing"
        );
    }
}
