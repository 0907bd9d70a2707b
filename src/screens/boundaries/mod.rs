//! Screen 3, boundaries: the rules you set yourself, which are in force right now, and how often
//! you kept each over the last 7 and 28 days. `a` adds, `Enter` edits, `d` archives (or restores
//! an archived one) after a y/n question. Archived boundaries keep their history and are listed,
//! dimmed, at the bottom.
//!
//! One responsibility per file: this one has the list, its keys and its figures; `form` the
//! add/edit form.

mod form;

pub use form::{Field, Form, FormMsg};

use super::confirm;
use crate::journal::Boundary;
use crate::reminders::describe_window;
use crate::scoring::fmt0;
use crate::trends::{BoundaryRate, OutcomeCounts};
use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::form::FormFields;
use crate::ui::keymap::{self, Binding, ch, is_char, plain};
use crate::ui::text::{capitalised, hanging, join_wrapped};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A change waiting for its y/n answer, by boundary id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    Archive(String),
    Restore(String),
}

#[derive(Debug, Default)]
pub struct State {
    /// The selected row, in the order of `Figures::order`.
    pub selected: usize,
    pub form: Option<Form>,
    pub confirm: Option<Pending>,
    /// A boundary being archived or restored: it moves in the list, and the selection follows
    /// it once the save lands.
    pub moving: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Top,
    Bottom,
    Add,
    Edit,
    Archive,
    Confirm(bool),
    Form(FormMsg),
}

/// The selected boundary, if there is one.
pub fn selected<'a>(state: &State, ctx: &Ctx<'a>) -> Option<&'a Boundary> {
    let order = &ctx.derived.boundaries.order;
    let row = state.selected.min(order.len().checked_sub(1)?);
    ctx.journal.boundaries.get(order[row])
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        bindings(self, ctx)
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        on_key(self, ctx, key)
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        update(self, ctx, msg)
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        render(self, ctx, frame, area);
    }

    fn captures_digits(&self) -> bool {
        captures_digits(self)
    }

    fn text_focused(&self) -> bool {
        text_focused(self)
    }

    fn saved(&mut self, ctx: &Ctx) {
        saved(self, ctx);
    }

    fn save_failed(&mut self) {
        save_failed(self);
    }

    fn paste(&mut self, text: &str) -> Result<(), &'static str> {
        match self.form.as_mut().map(|form| form.paste(text)) {
            Some(true) => Ok(()),
            Some(false) => Err("the text"),
            None => Err("a text field"),
        }
    }

    fn typing_hint(&self) -> Option<&'static str> {
        self.form.as_ref()?.typing_hint()
    }

    fn draft_changed(&self, _ctx: &Ctx) -> bool {
        self.form.as_ref().is_some_and(FormFields::changed)
    }

    fn save_draft(&mut self, ctx: &Ctx) -> Outcome {
        update(
            self,
            ctx,
            Msg::Form(FormMsg::Key(crate::ui::keymap::FormKey::Save)),
        )
    }

    fn discard_draft(&mut self, _ctx: &Ctx, _to_today: bool) {
        self.form = None;
    }
}

fn bindings(state: &State, ctx: &Ctx) -> Vec<Binding<Msg>> {
    if let Some(pending) = &state.confirm {
        let yes = match pending {
            Pending::Archive(_) => "yes, archive",
            Pending::Restore(_) => "yes, restore",
        };
        return vec![
            Binding::new("y", yes, ch('y'), |k| {
                confirm::is_yes(k).then_some(Msg::Confirm(true))
            }),
            Binding::new("n/Esc", "no", ch('n'), |k| {
                confirm::is_no(k).then_some(Msg::Confirm(false))
            }),
        ];
    }
    if let Some(form) = &state.form {
        return form::bindings(form);
    }
    let mut list = vec![Binding::new("a", "add", ch('a'), |k| {
        is_char(k, 'a').then_some(Msg::Add)
    })];
    let Some(boundary) = selected(state, ctx) else {
        return list;
    };
    list.push(Binding::new("Enter", "edit", plain(KeyCode::Enter), |k| {
        (k.code == KeyCode::Enter).then_some(Msg::Edit)
    }));
    let d_does = if boundary.archived {
        "restore"
    } else {
        "archive"
    };
    list.push(Binding::new("d", d_does, ch('d'), |k| {
        is_char(k, 'd').then_some(Msg::Archive)
    }));
    list.push(Binding::new("↑↓", "move", plain(KeyCode::Down), |k| {
        if keymap::is_down(k) {
            Some(Msg::Down)
        } else if keymap::is_up(k) {
            Some(Msg::Up)
        } else {
            None
        }
    }));
    list.push(
        Binding::new("Home/End", "first/last", plain(KeyCode::End), |k| {
            match k.code {
                KeyCode::Home => Some(Msg::Top),
                KeyCode::End => Some(Msg::Bottom),
                _ => None,
            }
        })
        .help_only(),
    );
    list
}

/// True where a digit is text, not a screen switch: a text field of the form has focus.
fn captures_digits(state: &State) -> bool {
    state.form.as_ref().is_some_and(Form::text_focused)
}

/// True where the global letter keys are not in effect: a text field has them, or the y/n
/// question takes every key.
fn text_focused(state: &State) -> bool {
    captures_digits(state) || state.confirm.is_some()
}

fn on_key(state: &mut State, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
    if let Some(form) = &mut state.form
        && form.edit_text(key)
    {
        return Some(Outcome::done());
    }
    match keymap::lookup(&bindings(state, ctx), key) {
        Some(msg) => Some(update(state, ctx, msg)),
        // The question takes every key: nothing else happens until it is answered.
        None if state.confirm.is_some() => Some(Outcome::done()),
        None => None,
    }
}

fn update(state: &mut State, ctx: &Ctx, msg: Msg) -> Outcome {
    let last = ctx.derived.boundaries.order.len().saturating_sub(1);
    let row = &mut state.selected;
    match msg {
        Msg::Down => *row = (*row + 1).min(last),
        Msg::Up => *row = row.saturating_sub(1).min(last),
        Msg::Top => *row = 0,
        Msg::Bottom => *row = last,
        Msg::Add => state.form = Some(Form::new()),
        Msg::Edit => {
            if let Some(boundary) = selected(state, ctx) {
                state.form = Some(Form::edit(boundary));
            }
        }
        Msg::Archive => {
            state.confirm = selected(state, ctx).map(|b| {
                if b.archived {
                    Pending::Restore(b.id.clone())
                } else {
                    Pending::Archive(b.id.clone())
                }
            });
        }
        Msg::Confirm(yes) => return answer(state, ctx, yes),
        Msg::Form(msg) => return form::update(state, ctx, msg),
    }
    Outcome::done()
}

fn answer(state: &mut State, ctx: &Ctx, yes: bool) -> Outcome {
    let Some(pending) = state.confirm.take() else {
        return Outcome::done();
    };
    let (id, archive) = match &pending {
        Pending::Archive(id) => (id, true),
        Pending::Restore(id) => (id, false),
    };
    let mut journal = ctx.journal.clone();
    let Some(boundary) = journal.boundaries.iter_mut().find(|b| &b.id == id) else {
        return Outcome::done();
    };
    if !yes {
        return Outcome::say(format!("Nothing changed: \"{}\".", boundary.text));
    }
    boundary.archived = archive;
    state.moving = Some(id.clone());
    let what = if archive {
        format!(
            "Archived \"{}\"; its history stays in every rate",
            boundary.text
        )
    } else {
        format!("Restored \"{}\"", boundary.text)
    };
    Outcome::save(journal, what)
}

fn saved(state: &mut State, ctx: &Ctx) {
    if let Some(id) = state.form.as_ref().and_then(|f| f.saving.clone()) {
        state.form = None;
        select(state, ctx, &id);
    }
    if let Some(id) = state.moving.take() {
        select(state, ctx, &id);
    }
}

/// Moves the selection to the boundary `id` (it moves when archived or restored).
fn select(state: &mut State, ctx: &Ctx, id: &str) {
    let boundaries = &ctx.journal.boundaries;
    if let Some(row) = ctx
        .derived
        .boundaries
        .order
        .iter()
        .position(|&i| boundaries.get(i).is_some_and(|b| b.id == id))
    {
        state.selected = row;
    }
}

fn save_failed(state: &mut State) {
    if let Some(form) = &mut state.form {
        form.saving = None;
    }
    state.moving = None;
}

fn render(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    if let Some(form) = &state.form {
        form::render(ctx, form, frame, area);
        return;
    }
    let theme = ctx.theme;
    let inner = crate::ui::inset(area);
    let width = inner.width as usize;
    let figures = &ctx.derived.boundaries;
    let archived = ctx.journal.boundaries.iter().filter(|b| b.archived).count();
    let active = ctx.journal.boundaries.len() - archived;
    let mut lines = vec![Line::from(vec![
        Span::styled("Boundaries", theme.heading),
        Span::styled(
            format!(" · {active} active · {archived} archived"),
            theme.dim,
        ),
    ])];
    lines.extend(hanging(
        Vec::new(),
        "Your own rules; kept-rates come from your check-ins.",
        theme.dim,
        width,
    ));
    lines.push(Line::raw(""));
    if figures.order.is_empty() {
        lines.extend(hanging(
            Vec::new(),
            "No boundaries yet. Press a to add one, such as \"No work email after 19:00\" from 19:00 until 07:00 on weekdays. While one is in force, a reminder shows at the top of every screen.",
            theme.dim,
            width,
        ));
        frame.render_widget(Paragraph::new(ctx.theme.glyphs.lines(lines)), inner);
        return;
    }
    // The heading stays put; only the list below it scrolls.
    let [top, list] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(ctx.theme.glyphs.lines(lines)), top);
    let mut lines = Vec::new();
    let selected_row = state.selected.min(figures.order.len() - 1);
    let mut focus_line = 0;
    for (row, &i) in figures.order.iter().enumerate() {
        let Some(boundary) = ctx.journal.boundaries.get(i) else {
            continue;
        };
        if boundary.archived && (row == 0 || !is_archived(ctx, figures.order[row - 1])) {
            if row > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(
                "Archived · kept for their history; d restores",
                theme.dim,
            ));
        }
        if row == selected_row {
            focus_line = lines.len();
        }
        lines.extend(boundary_lines(
            ctx,
            boundary,
            figures.rates.get(i),
            row == selected_row,
            width,
        ));
    }
    let scroll = crate::ui::text::scroll_to_show(focus_line, lines.len(), list.height as usize);
    frame.render_widget(
        Paragraph::new(ctx.theme.glyphs.lines(lines)).scroll((scroll as u16, 0)),
        list,
    );
    if let Some(pending) = &state.confirm {
        let (question, yes) = match pending {
            Pending::Archive(id) => (
                format!(
                    "Archive \"{}\"? It stops reminding you and leaves your check-ins; its history stays, and d restores it.",
                    text_of(ctx, id)
                ),
                "archive",
            ),
            Pending::Restore(id) => (
                format!(
                    "Restore \"{}\"? It reminds you again and comes back to your check-ins.",
                    text_of(ctx, id)
                ),
                "restore",
            ),
        };
        confirm::render(ctx.theme, &question, yes, "keep as is", frame, area);
    }
}

fn is_archived(ctx: &Ctx, index: usize) -> bool {
    ctx.journal
        .boundaries
        .get(index)
        .is_some_and(|b| b.archived)
}

fn text_of<'a>(ctx: &'a Ctx, id: &'a str) -> &'a str {
    ctx.journal.boundary(id).map_or(id, |b| b.text.as_str())
}

/// Width of the state column: "● in force " and a space.
const STATE: usize = 13;

/// A boundary's lines: whether it is in force (symbol and words), its text, window and days,
/// its kept-rates, and the `boundary_slipping` flag beside it when raised.
fn boundary_lines(
    ctx: &Ctx,
    boundary: &Boundary,
    rate: Option<&BoundaryRate>,
    selected: bool,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let in_force = ctx.derived.reminders.iter().any(|r| r.id == boundary.id);
    let g = theme.glyphs;
    let (state, state_style) = if boundary.archived {
        (format!("{} archived", g.archived), theme.dim)
    } else if in_force {
        (format!("{} in force", g.in_force), theme.in_force(true))
    } else {
        (format!("{} not now", g.not_now), theme.in_force(false))
    };
    let text_style = match (selected, boundary.archived) {
        (true, _) => theme.selected,
        (false, true) => theme.dim,
        (false, false) => Style::default(),
    };
    let detail_style = if boundary.archived {
        theme.dim
    } else {
        Style::default()
    };
    let indent = || vec![Span::raw(" ".repeat(STATE + 2))];
    let mut lines = hanging(
        vec![
            Span::styled(
                if selected {
                    format!("{} ", g.focus)
                } else {
                    "  ".to_string()
                },
                theme.focus_marker,
            ),
            Span::styled(format!("{state:<STATE$}"), state_style),
        ],
        &boundary.text,
        text_style,
        width,
    );
    lines.extend(hanging(
        indent(),
        &describe_window(boundary),
        detail_style,
        width,
    ));
    let rates = match rate {
        Some(r) => vec![
            format!("7 days: {}", kept(r.last_7)),
            format!("28 days: {}", kept(r.last_28)),
        ],
        None => vec!["no record".to_string()],
    };
    for line in join_wrapped(&rates, " · ", width.saturating_sub(STATE + 2)) {
        let mut spans = indent();
        spans.push(Span::styled(line, detail_style));
        lines.push(Line::from(spans));
    }
    if let Some((_, flag)) = ctx
        .derived
        .boundaries
        .slipping
        .iter()
        .find(|(id, _)| *id == boundary.id)
    {
        // The evidence names the boundary; beside it, the name would only repeat the line above.
        let quoted = format!("\"{}\": ", boundary.text.trim());
        let evidence = flag
            .evidence
            .strip_prefix(&quoted)
            .unwrap_or(&flag.evidence);
        let evidence = capitalised(evidence);
        lines.extend(hanging(
            vec![
                Span::raw(" ".repeat(STATE)),
                Span::styled(format!("{} ", theme.glyphs.gentle), theme.flag()),
            ],
            &evidence,
            theme.flag(),
            width,
        ));
        lines.extend(hanging(indent(), &flag.suggestion, theme.dim, width));
    }
    lines
}

/// "3/4 kept (75%)", or "no record" when nothing was ticked in the window.
fn kept(counts: OutcomeCounts) -> String {
    match counts.kept_rate() {
        None => "no record".to_string(),
        Some(rate) => format!(
            "{}/{} kept ({}%)",
            counts.kept,
            counts.recorded(),
            fmt0(rate * 100.0)
        ),
    }
}
