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
use crate::ui::form::form_hooks;
use crate::ui::keymap::{self, Binding, plain};
use crate::ui::list;
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
    Move(list::Move),
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

    form_hooks!(question: confirm, paste_into: "the text", list: render_list);

    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        if let Some(pending) = &self.confirm {
            let yes = match pending {
                Pending::Archive(_) => "yes, archive",
                Pending::Restore(_) => "yes, restore",
            };
            return confirm::bindings(yes, "no", Msg::Confirm);
        }
        if let Some(form) = &self.form {
            return form::bindings(form);
        }
        let mut list = vec![keymap::on("a", "add", KeyCode::Char('a'), Msg::Add)];
        let Some(boundary) = selected(self, ctx) else {
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
        list.push(keymap::on("d", d_does, KeyCode::Char('d'), Msg::Archive));
        list.extend(list::bindings(Msg::Move));
        list
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        if let Some(form) = &mut self.form
            && form.edit_text(key)
        {
            return Some(Outcome::done());
        }
        let asking = self.confirm.is_some();
        confirm::on_key(self, ctx, key, asking)
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        match msg {
            Msg::Move(step) => {
                let rows = ctx.derived.boundaries.order.len();
                self.selected = step.apply(self.selected, rows);
            }
            Msg::Add => self.form = Some(Form::new()),
            Msg::Edit => {
                if let Some(boundary) = selected(self, ctx) {
                    self.form = Some(Form::edit(boundary));
                }
            }
            Msg::Archive => {
                self.confirm = selected(self, ctx).map(|b| {
                    if b.archived {
                        Pending::Restore(b.id.clone())
                    } else {
                        Pending::Archive(b.id.clone())
                    }
                });
            }
            Msg::Confirm(yes) => return answer(self, ctx, yes),
            Msg::Form(msg) => return form::update(self, ctx, msg),
        }
        Outcome::done()
    }

    fn saved(&mut self, ctx: &Ctx) {
        if let Some(id) = self.form.as_ref().and_then(|f| f.saving.clone()) {
            self.form = None;
            select(self, ctx, &id);
        }
        if let Some(id) = self.moving.take() {
            select(self, ctx, &id);
        }
    }

    fn save_failed(&mut self) {
        if let Some(form) = &mut self.form {
            form.saving = None;
        }
        self.moving = None;
    }
}

fn render_list(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
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

/// Moves the selection to the boundary `id` (it moves when archived or restored).
fn select(state: &mut State, ctx: &Ctx, id: &str) {
    let (order, boundaries) = (&ctx.derived.boundaries.order, &ctx.journal.boundaries);
    if let Some(row) = list::row_of(order, boundaries, |b| b.id == id) {
        state.selected = row;
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
            theme.focus_span(selected),
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
