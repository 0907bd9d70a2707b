//! The export dialog (`x` from any screen): format, date range and file; says where it wrote.
//!
//! The dialog only collects a `Request`; the runtime hands it to `carry_out`, which formats the
//! journal (`export::export`) and writes it with `store::write_export` — the same rules as
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

use crate::app::keymap::{self, Binding, ctrl, is_char, is_ctrl, plain};
use crate::app::text_input::TextInput;
use crate::app::{Action, App, Effect, Overlay};
use crate::export::{Format, Range, export};
use crate::journal::parse_date;
use crate::store::{OutputError, Store, write_export};
use crate::ui::text::{break_long_words, hanging, input_spans};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use std::path::PathBuf;

/// What to export and where, for the runtime to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub format: Format,
    pub range: Range,
    /// As typed; `~/` is expanded by `carry_out`.
    pub path: String,
    /// Replace the file if it exists (the user confirmed).
    pub force: bool,
}

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
    pub fn new(app: &App) -> State {
        let format = Format::default();
        State {
            format,
            from: TextInput::single_line(""),
            to: TextInput::single_line(""),
            path: TextInput::single_line(&format!(
                "~/rekindle-{}.{}",
                app.today,
                format.extension()
            )),
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

pub fn bindings(state: &State) -> Vec<Binding<Msg>> {
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
            (k.code == KeyCode::Enter && !crate::app::has_modifier(k)).then_some(Msg::Enter)
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

pub fn on_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(Overlay::Export(state)) = &mut app.overlay else {
        return Vec::new();
    };
    if let Some(input) = state.text_focus()
        && input.handle(key)
    {
        // In a text field printable keys are text (`q` too); any edit clears old news.
        state.error = None;
        state.written = None;
        return Vec::new();
    }
    match keymap::lookup(&bindings(state), key) {
        Some(msg) => update(app, msg),
        None => Vec::new(),
    }
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(Overlay::Export(state)) = &mut app.overlay else {
        return Vec::new();
    };
    match (msg, state.focus) {
        (Msg::Export, _) | (Msg::Enter, Some(Field::File)) => return export_now(state),
        (Msg::Enter, _) | (Msg::Next, _) => state.move_focus(true),
        (Msg::Previous, _) => state.move_focus(false),
        (Msg::FormatBack, _) => state.cycle_format(false),
        (Msg::FormatOn, _) => state.cycle_format(true),
        (Msg::Leave, _) => state.focus = None,
        (Msg::Close, _) => app.overlay = None,
    }
    Vec::new()
}

fn export_now(state: &mut State) -> Vec<Effect> {
    match state.request() {
        Err((field, why)) => {
            state.focus = Some(field);
            state.error = Some(why);
            Vec::new()
        }
        Ok(request) => {
            state.error = None;
            state.written = None;
            state.requested = Some(request.path.clone());
            vec![Effect::Export(request)]
        }
    }
}

/// The export landed: the dialog shows where, and stays open until closed.
pub fn exported(app: &mut App, path: &str) {
    if let Some(Overlay::Export(state)) = &mut app.overlay {
        state.written = Some(path.to_string());
        state.error = None;
        state.confirm_overwrite = None;
        state.requested = None;
    }
}

/// The export failed: the dialog says why; when the file exists, a second `Ctrl-S` on the same
/// path will overwrite it.
pub fn failed(app: &mut App, why: &str, file_exists: bool) {
    if let Some(Overlay::Export(state)) = &mut app.overlay {
        let requested = state.requested.take();
        state.error = Some(why.to_string());
        if file_exists {
            state.confirm_overwrite = requested;
            state.focus = Some(Field::File);
        }
    }
}

/// Writes the export the dialog asked for, reporting the result as an action.
pub fn carry_out(request: &Request, app: &App, store: &Store) -> Action {
    let bytes = export(&app.journal, request.format, request.range);
    match write_export(
        &store.paths,
        &expand_home(&request.path),
        &bytes,
        request.force,
    ) {
        Ok(written) => Action::Exported {
            path: written.display().to_string(),
        },
        Err(err) => Action::ExportFailed {
            why: err.message(),
            file_exists: matches!(err, OutputError::Exists(_)),
        },
    }
}

/// `~` and `~/…` are the home directory; anything else is used as typed.
fn expand_home(path: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match path.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(path)),
        Some(rest) if rest.starts_with('/') => match home() {
            Some(home) => home.join(rest.trim_start_matches('/')),
            None => PathBuf::from(path),
        },
        _ => PathBuf::from(path),
    }
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Markdown => "A readable journal, to keep or to take to a therapist or coach.",
        Format::Json => "The exact journal file: `rekindle import` reads it back.",
        Format::Csv => "One row per day, numbers for a spreadsheet.",
    }
}

pub fn render(app: &App, state: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
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
