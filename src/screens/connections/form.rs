//! The add/edit form of the connection log: person (completed from the people already logged),
//! kind, who started it, how it felt, a note, a gratitude line and the date.
//!
//! A new connection defaults to a message, started by me, neutral, today (the README's screen guide), so a name
//! and `Ctrl-S` is enough. Completion shows the best match greyed after the cursor and `→` at
//! the end of the text takes it; `Tab` stays the screen switch it is everywhere else.

use super::{Msg, State, felt_words, kind_words};
use crate::journal::{Connection, Felt, InitiatedBy, Journal, Kind, check_person, parse_date};
use crate::ui::component::{Ctx, Leave, Outcome};
use crate::ui::form::{FormFields, FormStep, form_step};
use crate::ui::keymap::{self, Binding, FormKey, is_char, plain};
use crate::ui::text::{hanging, input_spans, wrap_with_cursor};
use crate::ui::text_input::TextInput;
use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A form field, in the order ↓ moves through them; `Enter` on the last one saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Person,
    Kind,
    InitiatedBy,
    Felt,
    Note,
    Gratitude,
    Date,
}

pub const FIELDS: [Field; 7] = [
    Field::Person,
    Field::Kind,
    Field::InitiatedBy,
    Field::Felt,
    Field::Note,
    Field::Gratitude,
    Field::Date,
];

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Person => "Person",
            Field::Kind => "Kind",
            Field::InitiatedBy => "Started by",
            Field::Felt => "Felt",
            Field::Note => "Note",
            Field::Gratitude => "Grateful for",
            Field::Date => "Date",
        }
    }
}

/// Width of the label column, "Grateful for" and a space.
const LABEL: usize = 13;

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub person: TextInput,
    pub kind: Kind,
    pub initiated_by: InitiatedBy,
    pub felt: Felt,
    pub note: TextInput,
    pub gratitude: TextInput,
    pub date: TextInput,
    pub focus: Option<Field>,
    /// The field a validation message belongs to, and the message.
    pub error: Option<(Field, String)>,
    /// The saved connection this form edits: its id and fields rekindle does not know survive.
    pub base: Option<Connection>,
    /// The id of the connection a save from this form is writing.
    pub saving: Option<String>,
    /// The values the form opened with, to tell whether leaving would lose anything.
    pub initial: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMsg {
    Key(FormKey),
    Earlier,
    Later,
}

impl FormFields for Form {
    fn text_focus(&mut self) -> Option<&mut TextInput> {
        match self.focus? {
            Field::Person => Some(&mut self.person),
            Field::Note => Some(&mut self.note),
            Field::Gratitude => Some(&mut self.gratitude),
            Field::Date => Some(&mut self.date),
            Field::Kind | Field::InitiatedBy | Field::Felt => None,
        }
    }

    fn values(&self) -> String {
        format!(
            "{:?}",
            (
                self.person.text(),
                self.kind,
                self.initiated_by,
                self.felt,
                self.note.text(),
                self.gratitude.text(),
                self.date.text(),
            )
        )
    }

    fn initial(&self) -> &str {
        &self.initial
    }

    fn clear_error(&mut self) {
        self.error = None;
    }
}

impl Form {
    /// A new connection dated `today` with the defaults, optionally with a person filled in.
    pub fn new(today: NaiveDate, person: &str) -> Form {
        Form {
            person: TextInput::single_line(person),
            kind: Kind::Message,
            initiated_by: InitiatedBy::Me,
            felt: Felt::Neutral,
            note: TextInput::single_line(""),
            gratitude: TextInput::single_line(""),
            date: TextInput::single_line(&today.format("%Y-%m-%d").to_string()),
            focus: Some(Field::Person),
            error: None,
            base: None,
            saving: None,
            initial: String::new(),
        }
        .started()
    }

    pub fn edit(connection: &Connection) -> Form {
        Form {
            person: TextInput::single_line(&connection.person),
            kind: connection.kind,
            initiated_by: connection.initiated_by,
            felt: connection.felt,
            note: TextInput::single_line(&connection.note),
            gratitude: TextInput::single_line(&connection.gratitude),
            date: TextInput::single_line(&connection.date.format("%Y-%m-%d").to_string()),
            focus: Some(Field::Person),
            error: None,
            base: Some(connection.clone()),
            saving: None,
            initial: String::new(),
        }
        .started()
    }

    /// The values as they are now, in one comparable string.
    fn started(mut self) -> Form {
        self.initial = self.values();
        self
    }

    /// Where typing goes when a letter was typed on a choice.
    pub fn typing_hint(&self) -> Option<&'static str> {
        (!self.text_focused()).then_some("↓ to the note to write, ↑ to the person")
    }

    pub fn text_focused(&self) -> bool {
        match self.focus {
            Some(Field::Person | Field::Note | Field::Gratitude | Field::Date) => true,
            Some(Field::Kind | Field::InitiatedBy | Field::Felt) | None => false,
        }
    }

    /// The name `→` would complete to: the person field has focus, the cursor is at the end, and
    /// a logged name starts with what was typed.
    pub fn completion<'a>(&self, names: &'a [String]) -> Option<&'a str> {
        let typed = self.person.text();
        (self.focus == Some(Field::Person) && self.person.cursor() == typed.chars().count())
            .then(|| completion(typed, names))
            .flatten()
    }

    /// Gives `key` to the focused text field (or takes the completion on `→`). True when the
    /// key was editing, so the form does not treat it as a command.
    pub fn edit_text(&mut self, key: &KeyEvent, names: &[String]) -> bool {
        if key.code == KeyCode::Right
            && keymap::is_plain(key)
            && let Some(name) = self.completion(names)
        {
            self.person.set(name);
            self.error = None;
            return true;
        }
        self.edit_focused_text(key)
    }

    /// Steps the focused choice through its vocabulary, wrapping at the ends.
    fn cycle(&mut self, forward: bool) {
        match self.focus {
            Some(Field::Kind) => self.kind = step(Kind::ALL, self.kind, forward),
            Some(Field::InitiatedBy) => {
                self.initiated_by = step(InitiatedBy::ALL, self.initiated_by, forward);
            }
            Some(Field::Felt) => self.felt = step(Felt::ALL, self.felt, forward),
            Some(Field::Person | Field::Note | Field::Gratitude | Field::Date) | None => {}
        }
    }

    /// The connection this form describes, or the field at fault and what is wrong with it.
    pub fn to_connection(
        &self,
        journal: &Journal,
        today: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<Connection, (Field, String)> {
        let person = check_person(self.person.text()).map_err(|why| (Field::Person, why))?;
        let date = parse_date(self.date.text().trim()).map_err(|why| (Field::Date, why))?;
        if date > today {
            return Err((
                Field::Date,
                format!("{date} is in the future; log a connection on or before today ({today})"),
            ));
        }
        let mut connection = match &self.base {
            Some(base) => base.clone(),
            None => Connection {
                id: journal.next_connection_id(date),
                date,
                recorded_at: None,
                person: String::new(),
                kind: self.kind,
                initiated_by: self.initiated_by,
                felt: self.felt,
                note: String::new(),
                gratitude: String::new(),
                extra: Default::default(),
            },
        };
        connection.date = date;
        connection.recorded_at = Some(now);
        connection.person = person;
        connection.kind = self.kind;
        connection.initiated_by = self.initiated_by;
        connection.felt = self.felt;
        connection.note = self.note.text().trim().to_string();
        connection.gratitude = self.gratitude.text().trim().to_string();
        Ok(connection)
    }

    /// The self over the whole screen.
    pub fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let area = crate::ui::inset(area);
        let width = area.width as usize;
        let title = match &self.base {
            Some(base) => format!(
                "Editing the connection with {} ({})",
                base.person,
                base.date.format("%a %-d %b %Y")
            ),
            None => "New connection".to_string(),
        };
        let mut lines = hanging(Vec::new(), &title, theme.heading, width);
        let mut focus_line = 0;
        let value_width = width.saturating_sub(LABEL + 2);
        for field in FIELDS {
            let focused = self.focus == Some(field);
            if focused {
                focus_line = lines.len();
            }
            let head = vec![
                Span::styled(if focused { "› " } else { "  " }, theme.focus_marker),
                Span::styled(format!("{:<LABEL$}", field.label()), theme.field(focused)),
            ];
            let choice = |text: String| {
                let mut spans = head.clone();
                spans.push(Span::styled(format!("◀ {text} ▶"), theme.value(focused)));
                Line::from(spans)
            };
            match field {
                Field::Person => {
                    let mut spans = head.clone();
                    spans.extend(person_spans(ctx, self, focused));
                    lines.push(Line::from(spans));
                }
                Field::Kind => lines.push(choice(kind_words(self.kind).to_string())),
                Field::InitiatedBy => lines.push(choice(self.initiated_by.as_str().to_string())),
                Field::Felt => {
                    let (symbol, word) = felt_words(self.felt);
                    lines.push(choice(format!("{symbol} {word}")));
                }
                Field::Date => {
                    let mut spans = head.clone();
                    spans.extend(input_spans(&self.date, focused, theme));
                    lines.push(Line::from(spans));
                }
                Field::Note | Field::Gratitude => {
                    let input = if field == Field::Note {
                        &self.note
                    } else {
                        &self.gratitude
                    };
                    let wrapped = if input.text().is_empty() && !focused {
                        vec![Line::raw("–")]
                    } else {
                        wrap_with_cursor(input, value_width, focused, theme)
                    };
                    for (i, line) in wrapped.into_iter().enumerate() {
                        let mut spans = if i == 0 {
                            head.clone()
                        } else {
                            vec![Span::raw(" ".repeat(LABEL + 2))]
                        };
                        spans.extend(line.spans);
                        lines.push(Line::from(spans));
                    }
                }
            }
            if let Some((error_field, why)) = &self.error
                && *error_field == field
            {
                lines.extend(hanging(
                    vec![Span::raw(" ".repeat(LABEL + 2))],
                    &format!("✗ {why}"),
                    theme.error,
                    width,
                ));
            }
        }
        lines.push(Line::raw(""));
        let hint = match self.focus {
            Some(Field::Person) => {
                "Type a name; a name and Ctrl-S is enough, the rest has defaults."
            }
            Some(Field::Kind | Field::InitiatedBy | Field::Felt) => "←/→ to change.",
            Some(Field::Note) => "Anything you want to remember about it.",
            Some(Field::Gratitude) => "One thing you are grateful for, if anything comes to mind.",
            Some(Field::Date) => "YYYY-MM-DD, today or earlier. Enter saves.",
            None => "↑/↓ to pick a field, Ctrl-S to save, Esc to cancel.",
        };
        lines.extend(hanging(Vec::new(), hint, theme.dim, width));
        let scroll = crate::ui::text::scroll_to_show(focus_line, lines.len(), area.height as usize);
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    }
}

fn step<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let at = all.iter().position(|v| *v == current).unwrap_or(0);
    let next = if forward {
        (at + 1) % all.len()
    } else {
        (at + all.len() - 1) % all.len()
    };
    all[next]
}

/// The first of `names` (ordered best first) that is longer than `typed` and starts with it,
/// ignoring case; `None` for blank input.
pub fn completion<'a>(typed: &str, names: &'a [String]) -> Option<&'a str> {
    if typed.trim().is_empty() {
        return None;
    }
    let typed_len = typed.chars().count();
    names
        .iter()
        .map(String::as_str)
        .find(|name| name.chars().count() > typed_len && starts_with_ignoring_case(name, typed))
}

/// Compared char by char, so the completion's remainder starts right after the typed chars.
fn starts_with_ignoring_case(name: &str, prefix: &str) -> bool {
    let mut chars = name.chars();
    prefix.chars().all(|p| {
        chars
            .next()
            .is_some_and(|c| c.to_lowercase().eq(p.to_lowercase()))
    })
}

/// A shared form key, as the screen's message.
impl From<FormKey> for Msg {
    fn from(key: FormKey) -> Msg {
        Msg::Form(FormMsg::Key(key))
    }
}

pub fn bindings(form: &Form, can_complete: bool) -> Vec<Binding<Msg>> {
    let mut list: Vec<Binding<Msg>> = keymap::form_head("save")
        .into_iter()
        .map(|b| b.map(Msg::from))
        .collect();
    match form.focus {
        Some(Field::Kind | Field::InitiatedBy | Field::Felt) => {
            list.push(Binding::new(
                "←→",
                "change",
                plain(KeyCode::Right),
                |k| {
                    if keymap::is_left(k) {
                        Some(Msg::Form(FormMsg::Earlier))
                    } else if keymap::is_right(k) || is_char(k, ' ') {
                        Some(Msg::Form(FormMsg::Later))
                    } else {
                        None
                    }
                },
            ));
        }
        // `Form::edit_text` takes `→` before any binding; this entry only advertises it.
        Some(Field::Person) if can_complete => list.push(Binding::new(
            "→",
            "complete name",
            plain(KeyCode::Right),
            |_| None,
        )),
        Some(Field::Person | Field::Note | Field::Gratitude | Field::Date) | None => {}
    }
    let enter_does = match form.focus {
        Some(Field::Date) => "save",
        Some(_) | None => "next field",
    };
    list.extend(crate::ui::form::tail(
        enter_does,
        form.focus.is_some(),
        Msg::from,
    ));
    list
}

pub fn update(state: &mut State, ctx: &Ctx, msg: FormMsg) -> Outcome {
    let Some(form) = &mut state.form else {
        return Outcome::done();
    };
    match msg {
        FormMsg::Key(key) => match form_step(key, &FIELDS, form.focus) {
            FormStep::Save => return save(state, ctx),
            FormStep::Focus(focus) => form.focus = focus,
            FormStep::Cancel if form.changed() => return Outcome::ask_leave(Leave::Cancel),
            FormStep::Cancel => {
                let what = crate::ui::form::cancelled(form.base.is_some());
                state.form = None;
                return Outcome::say(what);
            }
        },
        FormMsg::Earlier => form.cycle(false),
        FormMsg::Later => form.cycle(true),
    }
    Outcome::done()
}

fn save(state: &mut State, ctx: &Ctx) -> Outcome {
    let Some(form) = &mut state.form else {
        return Outcome::done();
    };
    let connection = match form.to_connection(ctx.journal, ctx.today, ctx.now) {
        Ok(connection) => connection,
        Err((field, why)) => {
            form.focus = Some(field);
            form.error = Some((field, why.clone()));
            return Outcome::warn(format!("Not saved: {why}"));
        }
    };
    form.saving = Some(connection.id.clone());
    let verb = if form.base.is_some() {
        "Updated"
    } else {
        "Logged"
    };
    let what = format!(
        "{verb} the connection with {} ({})",
        connection.person,
        connection.date.format("%a %-d %b %Y")
    );
    let mut journal = ctx.journal.clone();
    match journal
        .connections
        .iter_mut()
        .find(|c| c.id == connection.id)
    {
        Some(existing) => *existing = connection,
        None => journal.connections.push(connection),
    }
    Outcome::save(journal, what)
}

/// The person field: the typed text, the cursor, and the completion greyed after it (the cursor
/// sits on its first letter, as in shells that suggest).
fn person_spans(ctx: &Ctx, form: &Form, focused: bool) -> Vec<Span<'static>> {
    let theme = ctx.theme;
    let Some(name) = form.completion(&ctx.derived.connections.names) else {
        return input_spans(&form.person, focused, theme);
    };
    let mut rest = name.chars().skip(form.person.text().chars().count());
    let under = rest.next().map(String::from).unwrap_or_default();
    vec![
        Span::raw(form.person.text().to_string()),
        Span::styled(under, theme.cursor().patch(theme.completion())),
        Span::styled(rest.collect::<String>(), theme.completion()),
        Span::styled(format!("  → {name}"), theme.dim),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn completion_takes_the_first_longer_name_ignoring_case() {
        let known = names(&["Sam", "Samira", "sandra", "Åsa"]);
        assert_eq!(completion("sa", &known), Some("Sam"));
        assert_eq!(completion("SAMI", &known), Some("Samira"));
        assert_eq!(completion("san", &known), Some("sandra"));
        assert_eq!(completion("å", &known), Some("Åsa"));
        assert_eq!(completion("Sam", &known), Some("Samira"), "Sam is done");
        assert_eq!(completion("Samira", &known), None, "nothing longer");
        assert_eq!(completion("x", &known), None);
        assert_eq!(
            completion("  ", &known),
            None,
            "blank input suggests nothing"
        );
    }

    #[test]
    fn choices_wrap_at_both_ends() {
        assert_eq!(step(Felt::ALL, Felt::Draining, true), Felt::Nourishing);
        assert_eq!(step(Felt::ALL, Felt::Nourishing, false), Felt::Draining);
        assert_eq!(step(Kind::ALL, Kind::Message, true), Kind::Call);
    }
}
