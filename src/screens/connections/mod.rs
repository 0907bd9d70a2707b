//! Screen 2, the connection log: who you reached and who reached you, newest first, with days
//! since a nourishing connection, this week's counts, and a per-person view (`p`, or a side
//! panel from 100 columns). `a` adds, `Enter` edits, `d` deletes after a y/n question.
//!
//! One responsibility per file: this one has the list, its keys and the figures it shows;
//! `form` the add/edit form; `people` the per-person view and the names the form completes.

mod form;
mod people;

pub use form::{Field, Form, FormMsg};

use super::confirm;
use crate::app::keymap::{self, Binding, ch, is_char, plain};
use crate::app::{App, Effect};
use crate::journal::{Connection, Felt, InitiatedBy, Journal, Kind};
use crate::trends::{self, ConnectionCounts, Flag, PersonSummary};
use crate::ui::text::{capitalised, hanging, join_wrapped};
use chrono::NaiveDate;
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
}

/// The most recent nourishing connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastNourishing {
    pub person: String,
    pub days_ago: i64,
}

/// What the screen shows, recomputed with `Derived` after every change and tick.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Indexes into `journal.connections`, newest first.
    pub order: Vec<usize>,
    pub people: Vec<PersonSummary>,
    pub last_nourishing: Option<LastNourishing>,
    pub week_start: Option<NaiveDate>,
    pub this_week: ConnectionCounts,
    pub isolation: Option<Flag>,
    /// Everyone ever logged, best completion first.
    pub names: Vec<String>,
}

impl Figures {
    pub fn compute(journal: &Journal, today: NaiveDate) -> Figures {
        let mut order: Vec<usize> = (0..journal.connections.len()).collect();
        let cs = &journal.connections;
        // Newest first; on one day the later-recorded first, then by id, so the file's order
        // never decides.
        order.sort_by(|&a, &b| {
            (cs[b].date, cs[b].recorded_at, &cs[b].id).cmp(&(
                cs[a].date,
                cs[a].recorded_at,
                &cs[a].id,
            ))
        });
        let week = trends::week_summaries(journal, today, 1).pop();
        Figures {
            order,
            people: trends::people(journal, today),
            last_nourishing: trends::last_nourishing(journal, today).map(|c| LastNourishing {
                person: c.person.trim().to_string(),
                days_ago: (today - c.date).num_days(),
            }),
            week_start: week.as_ref().map(|w| w.week_start),
            this_week: week.map(|w| w.connections).unwrap_or_default(),
            isolation: trends::isolation(journal, today),
            names: people::known_names(journal),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Top,
    Bottom,
    Add,
    Edit,
    Delete,
    ToggleView,
    Confirm(bool),
    Form(FormMsg),
}

pub fn felt_words(felt: Felt) -> (&'static str, &'static str) {
    match felt {
        Felt::Nourishing => ("+", "nourishing"),
        Felt::Neutral => ("·", "neutral"),
        Felt::Draining => ("−", "draining"),
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
pub fn selected(app: &App) -> Option<&Connection> {
    let order = &app.derived.connections.order;
    let row = app.connections.selected.min(order.len().checked_sub(1)?);
    app.journal.connections.get(order[row])
}

fn can_complete(app: &App) -> bool {
    app.connections
        .form
        .as_ref()
        .is_some_and(|f| f.completion(&app.derived.connections.names).is_some())
}

pub fn bindings(app: &App) -> Vec<Binding<Msg>> {
    let state = &app.connections;
    if state.confirm_delete.is_some() {
        return vec![
            Binding::new("y", "yes, delete", ch('y'), |k| {
                confirm::is_yes(k).then_some(Msg::Confirm(true))
            }),
            Binding::new("n/Esc", "no, keep it", ch('n'), |k| {
                confirm::is_no(k).then_some(Msg::Confirm(false))
            }),
        ];
    }
    if let Some(form) = &state.form {
        return form::bindings(form, can_complete(app));
    }
    let add = Binding::new("a", "add", ch('a'), |k| is_char(k, 'a').then_some(Msg::Add));
    let move_keys = Binding::new("↑↓", "move", plain(KeyCode::Down), |k| {
        if keymap::is_down(k) {
            Some(Msg::Down)
        } else if keymap::is_up(k) {
            Some(Msg::Up)
        } else {
            None
        }
    });
    let ends = Binding::new("Home/End", "first/last", plain(KeyCode::End), |k| {
        match k.code {
            KeyCode::Home => Some(Msg::Top),
            KeyCode::End => Some(Msg::Bottom),
            _ => None,
        }
    })
    .help_only();
    match state.view {
        View::Log => {
            let mut list = vec![add];
            if !app.journal.connections.is_empty() {
                list.push(Binding::new("Enter", "edit", plain(KeyCode::Enter), |k| {
                    (k.code == KeyCode::Enter).then_some(Msg::Edit)
                }));
                list.push(Binding::new("d", "delete", ch('d'), |k| {
                    is_char(k, 'd').then_some(Msg::Delete)
                }));
                list.push(move_keys);
                list.push(ends);
            }
            list.push(Binding::new("p", "people", ch('p'), |k| {
                is_char(k, 'p').then_some(Msg::ToggleView)
            }));
            list
        }
        View::People => {
            let mut list = vec![
                Binding::new("a", "log one with them", ch('a'), |k| {
                    is_char(k, 'a').then_some(Msg::Add)
                }),
                Binding::new("p", "back to the log", ch('p'), |k| {
                    is_char(k, 'p').then_some(Msg::ToggleView)
                }),
            ];
            if !app.derived.connections.people.is_empty() {
                list.push(move_keys);
                list.push(ends);
            }
            list
        }
    }
}

/// True where a digit is text, not a screen switch: a text field of the form has focus.
pub fn captures_digits(app: &App) -> bool {
    app.connections
        .form
        .as_ref()
        .is_some_and(Form::text_focused)
}

/// True where the global letter keys are not in effect: a text field has them, or the y/n
/// question takes every key.
pub fn text_focused(app: &App) -> bool {
    captures_digits(app) || app.connections.confirm_delete.is_some()
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if let Some(form) = &mut app.connections.form
        && form.edit_text(key, &app.derived.connections.names)
    {
        return Some(Vec::new());
    }
    match keymap::lookup(&bindings(app), key) {
        Some(msg) => Some(update(app, msg)),
        // The question takes every key: nothing else happens until it is answered.
        None if app.connections.confirm_delete.is_some() => Some(Vec::new()),
        None => None,
    }
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let state = &mut app.connections;
    let rows = match state.view {
        View::Log => app.derived.connections.order.len(),
        View::People => app.derived.connections.people.len(),
    };
    let last = rows.saturating_sub(1);
    let row = match state.view {
        View::Log => &mut state.selected,
        View::People => &mut state.people_selected,
    };
    match msg {
        Msg::Down => *row = (*row + 1).min(last),
        Msg::Up => *row = row.saturating_sub(1).min(last),
        Msg::Top => *row = 0,
        Msg::Bottom => *row = last,
        Msg::ToggleView => {
            state.view = match state.view {
                View::Log => View::People,
                View::People => View::Log,
            };
        }
        Msg::Add => {
            let person = match state.view {
                View::Log => "",
                View::People => app
                    .derived
                    .connections
                    .people
                    .get(state.people_selected.min(last))
                    .map_or("", |p| p.person.as_str()),
            };
            app.connections.form = Some(Form::new(app.today, person));
        }
        Msg::Edit => {
            if let Some(connection) = selected(app) {
                app.connections.form = Some(Form::edit(connection));
            }
        }
        Msg::Delete => {
            app.connections.confirm_delete = selected(app).map(|c| c.id.clone());
        }
        Msg::Confirm(yes) => return confirm_delete(app, yes),
        Msg::Form(msg) => return form::update(app, msg),
    }
    Vec::new()
}

fn confirm_delete(app: &mut App, yes: bool) -> Vec<Effect> {
    let Some(id) = app.connections.confirm_delete.take() else {
        return Vec::new();
    };
    let Some(connection) = app.journal.connections.iter().find(|c| c.id == id) else {
        return Vec::new();
    };
    let described = format!(
        "the connection with {} ({})",
        connection.person,
        connection.date.format("%a %-d %b %Y")
    );
    if !yes {
        app.say(format!("Kept {described}; nothing was deleted."));
        return Vec::new();
    }
    let mut journal = app.journal.clone();
    journal.connections.retain(|c| c.id != id);
    vec![app.save(journal, format!("Deleted {described}"))]
}

pub fn after_save(app: &mut App) {
    if let Some(id) = app.connections.form.as_ref().and_then(|f| f.saving.clone()) {
        app.connections.form = None;
        app.connections.view = View::Log;
        let connections = &app.journal.connections;
        if let Some(row) = app
            .derived
            .connections
            .order
            .iter()
            .position(|&i| connections.get(i).is_some_and(|c| c.id == id))
        {
            app.connections.selected = row;
        }
    }
    // A delete leaves one row fewer.
    let rows = app.derived.connections.order.len();
    app.connections.selected = app.connections.selected.min(rows.saturating_sub(1));
}

pub fn save_failed(app: &mut App) {
    if let Some(form) = &mut app.connections.form {
        form.saving = None;
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(form) = &app.connections.form {
        form::render(app, form, frame, area);
        return;
    }
    let inner = crate::ui::inset(area);
    let header = header(app, inner.width as usize, inner.height as usize);
    let [top, body] =
        Layout::vertical([Constraint::Length(header.len() as u16), Constraint::Min(1)])
            .areas(inner);
    frame.render_widget(Paragraph::new(header), top);
    match app.connections.view {
        View::People => people::render(app, frame, body),
        View::Log if area.width >= SIDE_PANEL_WIDTH => {
            let [log, _, panel] = Layout::horizontal([
                Constraint::Min(40),
                Constraint::Length(2),
                Constraint::Length(PANEL_COLUMNS),
            ])
            .areas(body);
            render_log(app, frame, log);
            people::render_panel(app, frame, panel);
        }
        View::Log => render_log(app, frame, body),
    }
    if let Some(id) = &app.connections.confirm_delete
        && let Some(c) = app.journal.connections.iter().find(|c| &c.id == id)
    {
        let question = format!(
            "Delete the connection with {} on {}? This cannot be undone.",
            c.person,
            c.date.format("%a %-d %b %Y")
        );
        confirm::render(app, &question, "delete", "keep it", frame, area);
    }
}

/// Heading, days since a nourishing connection, this week's counts, and the isolation flag
/// when raised. Its suggestion is left out when it would crowd the log off a short screen.
fn header(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let figures = &app.derived.connections;
    let count = app.journal.connections.len();
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
            vec![Span::styled("◇ ", theme.flag())],
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
fn render_log(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let order = &app.derived.connections.order;
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
    let selected_row = app.connections.selected.min(order.len() - 1);
    let details = selected(app).map_or_else(Vec::new, |c| details(app, c, width));
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
            let c = app.journal.connections.get(i)?;
            Some(log_row(app, c, row == selected_row, width))
        })
        .collect();
    lines.resize(rows, Line::raw(""));
    lines.extend(details);
    frame.render_widget(Paragraph::new(lines), area);
}

/// One row: date, person, kind, how it felt, who started it and a preview of the gratitude line
/// (or the note), as far as `width` allows; date, person and felt always show.
fn log_row(app: &App, c: &Connection, selected: bool, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let style = if selected {
        theme.selected
    } else {
        Style::default()
    };
    let (symbol, word) = felt_words(c.felt);
    let mut spans = vec![
        Span::styled(if selected { "› " } else { "  " }, theme.focus_marker),
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

/// The selected connection in full: what, who started it, and its gratitude line and note.
fn details(app: &App, c: &Connection, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let (symbol, word) = felt_words(c.felt);
    let started = match c.initiated_by {
        InitiatedBy::Me => "you reached out",
        InitiatedBy::Them => "they reached out",
        InitiatedBy::Mutual => "mutual",
    };
    let mut lines = vec![Line::styled("─".repeat(width), theme.dim)];
    lines.extend(hanging(
        Vec::new(),
        &format!(
            "{} with {} on {} · {started} · {symbol} {word}",
            capitalised(kind_words(c.kind)),
            c.person.trim(),
            c.date.format("%a %-d %b %Y"),
        ),
        theme.label,
        width,
    ));
    if !c.gratitude.is_empty() {
        lines.extend(hanging(
            vec![Span::styled("Grateful for: ", theme.label)],
            &c.gratitude,
            Style::default(),
            width,
        ));
    }
    if !c.note.is_empty() {
        lines.extend(hanging(
            vec![Span::styled("Note: ", theme.label)],
            &c.note,
            Style::default(),
            width,
        ));
    }
    lines
}
