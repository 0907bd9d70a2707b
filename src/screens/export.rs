//! The export dialog (`x` from any screen): format, date range and file; says where it wrote.
//!
//! The dialog only collects a `Request`; the runtime formats the journal (`export::export`)
//! and writes it with `store::write_export` — the same rules as
//! `rekindle export -o`: never over the journal or its backups, atomically, 0600, and never over
//! an existing file without a confirmation. The confirmation is a second `Ctrl-S`: a first
//! attempt on an existing file fails with "already exists", the dialog says so, and `Ctrl-S`
//! again on the same path sends the request with `force`. Editing the path drops the
//! confirmation.
//!
//! The default file is `~/rekindle-<today>.<ext>` in the home directory (where people look for
//! it; the process's working directory is wherever the terminal happened to be). `~/` is
//! expanded when the file is written, not in the dialog, so `update` stays free of the
//! environment; other relative paths are relative to the directory rekindle was started in.
//! Changing the format changes the file's extension when it still is the old format's.

use crate::export::{Format, Range};
use crate::journal::parse_date;
use crate::ui::component::{Component, Ctx, Effect, Outcome};
use crate::ui::keymap::{self, Binding, ctrl, is_char, is_ctrl, plain};
use crate::ui::text::{break_long_words, hanging, input_spans};
use crate::ui::text_input::TextInput;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub use crate::export::Request;

/// A field of the dialog, in the order ↓ moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Format,
    From,
    To,
    File,
}

const FIELDS: [Field; 4] = [Field::Format, Field::From, Field::To, Field::File];

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub format: Format,
    pub from: TextInput,
    pub to: TextInput,
    pub path: TextInput,
    /// `None` after `Esc` left a text field: nothing focused, `Esc`/`q` close.
    pub focus: Option<Field>,
    /// Why the last attempt failed (validation here, or the write).
    pub error: Option<String>,
    /// The path of the request in flight, so a failure can be tied to it.
    pub requested: Option<String>,
    /// A path the user was told exists: `Ctrl-S` with the path unchanged overwrites it.
    pub confirm_overwrite: Option<String>,
    /// Where the last export was written.
    pub written: Option<String>,
}

impl State {
    /// The dialog as it opens on `today`.
    pub fn new(today: chrono::NaiveDate) -> State {
        let format = Format::default();
        State {
            format,
            from: TextInput::single_line(""),
            to: TextInput::single_line(""),
            path: TextInput::single_line(&format!("~/rekindle-{}.{}", today, format.extension())),
            focus: Some(Field::Format),
            error: None,
            requested: None,
            confirm_overwrite: None,
            written: None,
        }
    }

    fn text_focus(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            Some(Field::From) => Some(&mut self.from),
            Some(Field::To) => Some(&mut self.to),
            Some(Field::File) => Some(&mut self.path),
            Some(Field::Format) | None => None,
        }
    }

    pub fn text_focused(&self) -> bool {
        matches!(self.focus, Some(Field::From | Field::To | Field::File))
    }

    fn move_focus(&mut self, forward: bool) {
        let at = self.focus.and_then(|f| FIELDS.iter().position(|x| *x == f));
        let next = match at {
            None => 0,
            Some(i) if forward => (i + 1).min(FIELDS.len() - 1),
            Some(i) => i.saturating_sub(1),
        };
        self.focus = Some(FIELDS[next]);
    }

    fn cycle_format(&mut self, forward: bool) {
        let at = Format::ALL
            .iter()
            .position(|f| *f == self.format)
            .unwrap_or(0);
        let n = Format::ALL.len();
        let next = Format::ALL[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        // Keep the extension in step while it is still the one the dialog chose.
        let old = format!(".{}", self.format.extension());
        if let Some(stem) = self.path.text().strip_suffix(&old) {
            let renamed = format!("{stem}.{}", next.extension());
            self.path.set(&renamed);
        }
        self.format = next;
    }

    /// The request the fields describe, or the field at fault and why.
    pub fn request(&self) -> Result<Request, (Field, String)> {
        let date = |field: Field, input: &TextInput, name: &str| match input.text().trim() {
            "" => Ok(None),
            text => parse_date(text)
                .map(Some)
                .map_err(|why| (field, format!("{name}: {why}"))),
        };
        let from = date(Field::From, &self.from, "From")?;
        let to = date(Field::To, &self.to, "To")?;
        let range = Range::new(from, to).map_err(|_| {
            (
                Field::To,
                "To is before From; the range would be empty".to_string(),
            )
        })?;
        let path = self.path.text().trim();
        if path.is_empty() {
            return Err((Field::File, "File: give a file name".to_string()));
        }
        Ok(Request {
            format: self.format,
            range,
            path: path.to_string(),
            force: self.confirm_overwrite.as_deref() == Some(path),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Export,
    Next,
    Previous,
    FormatBack,
    FormatOn,
    Enter,
    Leave,
    Close,
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, _ctx: &Ctx) -> Vec<Binding<Msg>> {
        let state = self;
        let mut list = vec![
            Binding::new("Ctrl-S", "export", ctrl('s'), |k| {
                is_ctrl(k, 's').then_some(Msg::Export)
            }),
            Binding::new("↑↓", "move", plain(KeyCode::Down), |k| {
                if keymap::is_down(k) || k.code == KeyCode::Tab {
                    Some(Msg::Next)
                } else if keymap::is_up(k) || k.code == KeyCode::BackTab {
                    Some(Msg::Previous)
                } else {
                    None
                }
            }),
        ];
        if state.focus == Some(Field::Format) {
            list.push(Binding::new(
                "←→",
                "format",
                plain(KeyCode::Right),
                |k| {
                    if keymap::is_left(k) {
                        Some(Msg::FormatBack)
                    } else if keymap::is_right(k) {
                        Some(Msg::FormatOn)
                    } else {
                        None
                    }
                },
            ));
        }
        let enter = if state.focus == Some(Field::File) {
            "export"
        } else {
            "next field"
        };
        list.push(
            Binding::new("Enter", enter, plain(KeyCode::Enter), |k| {
                (k.code == KeyCode::Enter && !keymap::has_modifier(k)).then_some(Msg::Enter)
            })
            .help_only(),
        );
        if state.text_focused() {
            list.push(Binding::new(
                "Esc",
                "leave field",
                plain(KeyCode::Esc),
                |k| (k.code == KeyCode::Esc).then_some(Msg::Leave),
            ));
        } else {
            list.push(Binding::new("Esc/q", "close", plain(KeyCode::Esc), |k| {
                (k.code == KeyCode::Esc || is_char(k, 'q')).then_some(Msg::Close)
            }));
        }
        list
    }

    fn text_focused(&self) -> bool {
        State::text_focused(self)
    }

    fn captures_digits(&self) -> bool {
        State::text_focused(self)
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        if let Some(input) = self.text_focus()
            && input.handle(key)
        {
            // In a text field printable keys are text (`q` too); any edit clears old news.
            self.error = None;
            self.written = None;
            return Some(Outcome::done());
        }
        let msg = keymap::lookup(&self.bindings(ctx), key)?;
        Some(self.update(ctx, msg))
    }

    fn update(&mut self, _ctx: &Ctx, msg: Msg) -> Outcome {
        match (msg, self.focus) {
            (Msg::Export, _) | (Msg::Enter, Some(Field::File)) => return self.export_now(),
            (Msg::Enter, _) | (Msg::Next, _) => self.move_focus(true),
            (Msg::Previous, _) => self.move_focus(false),
            (Msg::FormatBack, _) => self.cycle_format(false),
            (Msg::FormatOn, _) => self.cycle_format(true),
            (Msg::Leave, _) => self.focus = None,
            (Msg::Close, _) => {
                return Outcome {
                    close: true,
                    ..Outcome::done()
                };
            }
        }
        Outcome::done()
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        render(self, ctx, frame, area);
    }
}

impl State {
    fn export_now(&mut self) -> Outcome {
        match self.request() {
            Err((field, why)) => {
                self.focus = Some(field);
                self.error = Some(why);
                Outcome::done()
            }
            Ok(request) => {
                self.error = None;
                self.written = None;
                self.requested = Some(request.path.clone());
                Outcome::effect(Effect::Export(request))
            }
        }
    }

    /// The export landed: the dialog shows where, and stays open until closed.
    pub fn exported(&mut self, path: &str) {
        self.written = Some(path.to_string());
        self.error = None;
        self.confirm_overwrite = None;
        self.requested = None;
    }

    /// The export failed: the dialog says why; when the file exists, a second `Ctrl-S` on the
    /// same path will overwrite it.
    pub fn failed(&mut self, why: &str, file_exists: bool) {
        let requested = self.requested.take();
        self.error = Some(why.to_string());
        if file_exists {
            self.confirm_overwrite = requested;
            self.focus = Some(Field::File);
        }
    }
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Markdown => "A readable journal, to keep or to take to a therapist or coach.",
        Format::Json => "The exact journal file: `rekindle import` reads it back.",
        Format::Csv => "One row per day, numbers for a spreadsheet.",
    }
}

fn render(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let width = area.width.saturating_sub(4).min(72);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    let label = |field: Field, name: &str| {
        let focused = state.focus == Some(field);
        vec![
            Span::styled(if focused { "› " } else { "  " }, theme.focus_marker),
            Span::styled(format!("{name:<7}"), theme.field(focused)),
            Span::raw(" "),
        ]
    };

    let mut format_line = label(Field::Format, "Format");
    for format in Format::ALL {
        let name = match format {
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV",
        };
        // Brackets mark the choice without colour.
        if format == state.format {
            format_line.push(Span::styled(format!("[{name}]"), theme.selected));
        } else {
            format_line.push(Span::raw(format!(" {name} ")));
        }
        format_line.push(Span::raw(" "));
    }
    lines.push(Line::from(format_line));
    lines.extend(hanging(
        vec![Span::raw(" ".repeat(10))],
        describe(state.format),
        theme.dim,
        inner,
    ));
    for (field, name, input, empty) in [
        (
            Field::From,
            "From",
            &state.from,
            "empty: from the first entry",
        ),
        (Field::To, "To", &state.to, "empty: to the last entry"),
    ] {
        let focused = state.focus == Some(field);
        let mut spans = label(field, name);
        spans.extend(input_spans(input, focused, theme));
        let hint = if input.text().is_empty() {
            format!("  YYYY-MM-DD, {empty}")
        } else {
            "  YYYY-MM-DD".to_string()
        };
        spans.push(Span::styled(hint, theme.dim));
        lines.push(Line::from(spans));
    }
    let focused = state.focus == Some(Field::File);
    let mut spans = label(Field::File, "File");
    spans.extend(input_spans(&state.path, focused, theme));
    lines.push(Line::from(spans));
    lines.extend(hanging(
        vec![Span::raw(" ".repeat(10))],
        "~/ is your home directory; the file is private (0600).",
        theme.dim,
        inner,
    ));
    lines.push(Line::raw(""));
    if let Some(error) = &state.error {
        // Messages hold paths: long ones break across lines rather than lose characters.
        lines.extend(hanging(
            vec![Span::styled("✗ ", theme.error)],
            &break_long_words(error, inner.saturating_sub(2).max(8)),
            theme.error,
            inner,
        ));
        // Only while the path is still the one that exists: editing it drops the offer.
        if state.confirm_overwrite.as_deref() == Some(state.path.text().trim()) {
            lines.extend(hanging(
                vec![Span::raw("  ")],
                "Press Ctrl-S again to overwrite it.",
                Style::default(),
                inner,
            ));
        }
    } else if let Some(path) = &state.written {
        lines.extend(hanging(
            vec![Span::styled("✓ ", theme.ok)],
            &break_long_words(
                &format!("Written to {path}"),
                inner.saturating_sub(2).max(8),
            ),
            theme.ok,
            inner,
        ));
    } else {
        lines.extend(hanging(
            Vec::new(),
            "Ctrl-S exports; Enter on the file exports too.",
            theme.dim,
            inner,
        ));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = crate::ui::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .style(Style::default())
            .block(Block::bordered().title(" Export ")),
        popup,
    );
}
