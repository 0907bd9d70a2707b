//! The add/edit form of a boundary: its text, the window (`from`, `until`, `HH:MM`, empty for
//! none) and the weekdays, a row of seven toggles where ←/→ move and Space ticks. None ticked
//! means every day, as an absent `days` does in the file.

use super::{Msg, State};
use crate::journal::{Boundary, ClockTime, Journal, ShortDay, check_boundary_text};
use crate::reminders::describe_window;
use crate::ui::component::{Ctx, Leave, Outcome};
use crate::ui::form::{FormFields, FormStep, form_step};
use crate::ui::keymap::{self, Binding, FormKey, ch, is_char};
use crate::ui::text::{hanging, input_spans, wrap_with_cursor};
use crate::ui::text_input::TextInput;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Text,
    From,
    Until,
    Days,
}

pub const FIELDS: [Field; 4] = [Field::Text, Field::From, Field::Until, Field::Days];

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Text => "Text",
            Field::From => "From",
            Field::Until => "Until",
            Field::Days => "Days",
        }
    }
}

/// Width of the label column, "Until" and a space.
const LABEL: usize = 7;

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub text: TextInput,
    pub from: TextInput,
    pub until: TextInput,
    /// Monday first.
    pub days: [bool; 7],
    /// The day ←/→ is on in the days row.
    pub day_cursor: usize,
    pub focus: Option<Field>,
    /// The field a validation message belongs to, and the message.
    pub error: Option<(Field, String)>,
    /// The saved boundary this form edits: its id, `created`, `archived` and fields rekindle
    /// does not know survive.
    pub base: Option<Boundary>,
    /// The id of the boundary a save from this form is writing.
    pub saving: Option<String>,
    /// The values the form opened with, to tell whether leaving would lose anything.
    pub initial: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMsg {
    Key(FormKey),
    DayLeft,
    DayRight,
    Toggle,
}

/// A window as typed on the form, checked.
struct Window {
    from: Option<ClockTime>,
    until: Option<ClockTime>,
    days: Option<Vec<ShortDay>>,
}

fn ticks(days: Option<&[ShortDay]>) -> [bool; 7] {
    let days = days.unwrap_or(&[]);
    crate::journal::calendar::WEEK.map(|w| days.iter().any(|d| d.0 == w))
}

fn time_text(time: Option<ClockTime>) -> String {
    time.map(|t| t.to_string()).unwrap_or_default()
}

impl FormFields for Form {
    fn text_focus(&mut self) -> Option<&mut TextInput> {
        match self.focus? {
            Field::Text => Some(&mut self.text),
            Field::From => Some(&mut self.from),
            Field::Until => Some(&mut self.until),
            Field::Days => None,
        }
    }

    fn values(&self) -> String {
        format!(
            "{:?}",
            (
                self.text.text(),
                self.from.text(),
                self.until.text(),
                self.days,
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
    pub fn new() -> Form {
        Form {
            text: TextInput::single_line(""),
            from: TextInput::single_line(""),
            until: TextInput::single_line(""),
            days: [false; 7],
            day_cursor: 0,
            focus: Some(Field::Text),
            error: None,
            base: None,
            saving: None,
            initial: String::new(),
        }
        .started()
    }

    pub fn edit(boundary: &Boundary) -> Form {
        Form {
            text: TextInput::single_line(&boundary.text),
            from: TextInput::single_line(&time_text(boundary.from)),
            until: TextInput::single_line(&time_text(boundary.until)),
            days: ticks(boundary.days.as_deref()),
            base: Some(boundary.clone()),
            ..Form::new()
        }
        .started()
    }

    /// The values as they are now, in one comparable string.
    fn started(mut self) -> Form {
        self.initial = self.values();
        self
    }

    /// Where typing goes when a letter was typed on the days row.
    pub fn typing_hint(&self) -> Option<&'static str> {
        (!self.text_focused()).then_some("↑ to the text to write")
    }

    pub fn text_focused(&self) -> bool {
        match self.focus {
            Some(Field::Text | Field::From | Field::Until) => true,
            Some(Field::Days) | None => false,
        }
    }

    /// Gives `key` to the focused text field; true when it was editing.
    pub fn edit_text(&mut self, key: &KeyEvent) -> bool {
        self.edit_focused_text(key)
    }

    /// The window and days as typed so far; `Err` with the field at fault.
    fn window(&self) -> Result<Window, (Field, String)> {
        let time =
            |field: Field, input: &TextInput| -> Result<Option<ClockTime>, (Field, String)> {
                match input.text().trim() {
                    "" => Ok(None),
                    text => text
                        .parse()
                        .map(Some)
                        .map_err(|why: String| (field, format!("{}: {why}", field.label()))),
                }
            };
        let from = time(Field::From, &self.from)?;
        let until = time(Field::Until, &self.until)?;
        let base_days = self.base.as_ref().and_then(|b| b.days.clone());
        // Untouched toggles keep the days exactly as they were (even a hand-written empty list,
        // which none ticked would otherwise turn into "every day").
        let days = if self.base.is_some() && self.days == ticks(base_days.as_deref()) {
            base_days
        } else if self.days.iter().any(|t| *t) {
            Some(
                crate::journal::calendar::WEEK
                    .iter()
                    .zip(self.days)
                    .filter(|(_, ticked)| *ticked)
                    .map(|(w, _)| ShortDay(*w))
                    .collect(),
            )
        } else {
            None
        };
        Ok(Window { from, until, days })
    }

    /// "19:00–07:00 · mon–fri" for what is typed so far, when it reads.
    fn preview(&self) -> Option<String> {
        let Window { from, until, days } = self.window().ok()?;
        Some(describe_window(&Boundary {
            id: String::new(),
            text: String::new(),
            from,
            until,
            days,
            created: None,
            archived: false,
            extra: Default::default(),
        }))
    }

    /// The boundary this form describes, or the field at fault and what is wrong with it.
    pub fn to_boundary(
        &self,
        journal: &Journal,
        today: NaiveDate,
    ) -> Result<Boundary, (Field, String)> {
        let text = check_boundary_text(self.text.text()).map_err(|why| (Field::Text, why))?;
        let Window { from, until, days } = self.window()?;
        let mut boundary = match &self.base {
            Some(base) => base.clone(),
            None => Boundary {
                id: journal.next_boundary_id(),
                text: String::new(),
                from: None,
                until: None,
                days: None,
                created: Some(today),
                archived: false,
                extra: Default::default(),
            },
        };
        boundary.text = text;
        boundary.from = from;
        boundary.until = until;
        boundary.days = days;
        Ok(boundary)
    }

    /// The self over the whole screen.
    pub fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let area = crate::ui::inset(area);
        let width = area.width as usize;
        let title = match &self.base {
            Some(base) => format!("Editing the boundary \"{}\"", base.text),
            None => "New boundary".to_string(),
        };
        let mut lines = hanging(Vec::new(), &title, theme.heading, width);
        let mut focus_line = 0;
        let indent = || vec![Span::raw(" ".repeat(LABEL + 2))];
        for field in FIELDS {
            let focused = self.focus == Some(field);
            if focused {
                focus_line = lines.len();
            }
            let mut spans = vec![
                Span::styled(if focused { "› " } else { "  " }, theme.focus_marker),
                Span::styled(format!("{:<LABEL$}", field.label()), theme.field(focused)),
            ];
            match field {
                Field::Text => {
                    let wrapped = wrap_with_cursor(
                        &self.text,
                        width.saturating_sub(LABEL + 2),
                        focused,
                        theme,
                    );
                    for (i, line) in wrapped.into_iter().enumerate() {
                        let mut row = if i == 0 { spans.clone() } else { indent() };
                        row.extend(line.spans);
                        lines.push(Line::from(row));
                    }
                }
                Field::From | Field::Until => {
                    let input = if field == Field::From {
                        &self.from
                    } else {
                        &self.until
                    };
                    spans.extend(input_spans(input, focused, theme));
                    let none = if field == Field::From {
                        "  (empty: from midnight)"
                    } else {
                        "  (empty: until midnight)"
                    };
                    if input.text().is_empty() {
                        spans.push(Span::styled(none, theme.dim));
                    }
                    lines.push(Line::from(spans));
                }
                Field::Days => {
                    for (i, ticked) in self.days.iter().enumerate() {
                        let mark = if *ticked { "✓" } else { "·" };
                        let style = if focused && i == self.day_cursor {
                            theme.cursor()
                        } else if *ticked {
                            theme.value(false)
                        } else {
                            theme.dim
                        };
                        spans.push(Span::styled(
                            format!(
                                "{mark}{}",
                                ShortDay(crate::journal::calendar::WEEK[i]).name()
                            ),
                            style,
                        ));
                        spans.push(Span::raw(" "));
                    }
                    lines.push(Line::from(spans));
                }
            }
            if let Some((error_field, why)) = &self.error
                && *error_field == field
            {
                lines.extend(hanging(indent(), &format!("✗ {why}"), theme.error, width));
            }
        }
        if let Some(preview) = self.preview() {
            lines.extend(hanging(
                indent(),
                &format!("Applies {preview}"),
                Style::default(),
                width,
            ));
        }
        lines.push(Line::raw(""));
        let hint = match self.focus {
            Some(Field::Text) => "Your own words, such as \"No work email after 19:00\".",
            Some(Field::From | Field::Until) => {
                "HH:MM. A window may cross midnight, such as from 19:00 until 07:00."
            }
            Some(Field::Days) => {
                "←/→ pick a day, Space ticks it; none ticked means every day. A window belongs to the day it starts on. Enter saves."
            }
            None => "↑/↓ to pick a field, Ctrl-S to save, Esc to cancel.",
        };
        lines.extend(hanging(Vec::new(), hint, theme.dim, width));
        let scroll = crate::ui::text::scroll_to_show(focus_line, lines.len(), area.height as usize);
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    }
}

impl Default for Form {
    fn default() -> Self {
        Form::new()
    }
}

/// A shared form key, as the screen's message.
impl From<FormKey> for Msg {
    fn from(key: FormKey) -> Msg {
        Msg::Form(FormMsg::Key(key))
    }
}

pub fn bindings(form: &Form) -> Vec<Binding<Msg>> {
    let mut list: Vec<Binding<Msg>> = keymap::form_head("save")
        .into_iter()
        .map(|b| b.map(Msg::from))
        .collect();
    if form.focus == Some(Field::Days) {
        list.push(keymap::left_right(
            "pick day",
            Msg::Form(FormMsg::DayLeft),
            Msg::Form(FormMsg::DayRight),
        ));
        list.push(Binding::new("Space", "tick day", ch(' '), |k| {
            is_char(k, ' ').then_some(Msg::Form(FormMsg::Toggle))
        }));
    }
    let enter_does = match form.focus {
        Some(Field::Days) => "save",
        Some(Field::Text | Field::From | Field::Until) | None => "next field",
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
        FormMsg::DayLeft => form.day_cursor = (form.day_cursor + 6) % 7,
        FormMsg::DayRight => form.day_cursor = (form.day_cursor + 1) % 7,
        FormMsg::Toggle => {
            form.days[form.day_cursor] = !form.days[form.day_cursor];
            form.error = None;
        }
    }
    Outcome::done()
}

fn save(state: &mut State, ctx: &Ctx) -> Outcome {
    let Some(form) = &mut state.form else {
        return Outcome::done();
    };
    let boundary = match form.to_boundary(ctx.journal, ctx.today) {
        Ok(boundary) => boundary,
        Err((field, why)) => {
            form.focus = Some(field);
            form.error = Some((field, why.clone()));
            return Outcome::warn(format!("Not saved: {why}"));
        }
    };
    form.saving = Some(boundary.id.clone());
    let verb = if form.base.is_some() {
        "Updated"
    } else {
        "Added"
    };
    let what = format!(
        "{verb} the boundary \"{}\" ({})",
        boundary.text,
        describe_window(&boundary)
    );
    let mut journal = ctx.journal.clone();
    match journal.boundaries.iter_mut().find(|b| b.id == boundary.id) {
        Some(existing) => *existing = boundary,
        None => journal.boundaries.push(boundary),
    }
    Outcome::save(journal, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn form_for(json: &str) -> Form {
        Form::edit(&serde_json::from_str::<Boundary>(json).unwrap())
    }

    #[test]
    fn untouched_days_keep_what_the_file_said() {
        let journal = Journal::default();
        let today = "2026-11-23".parse().unwrap();
        let empty = form_for(r#"{"id":"b-1","text":"x","days":[]}"#);
        assert_eq!(
            empty.to_boundary(&journal, today).unwrap().days,
            Some(vec![])
        );
        let every = form_for(r#"{"id":"b-1","text":"x"}"#);
        assert_eq!(every.to_boundary(&journal, today).unwrap().days, None);
        let mut ticked = every.clone();
        ticked.days[5] = true;
        ticked.days[6] = true;
        assert_eq!(
            ticked.to_boundary(&journal, today).unwrap().days,
            Some(vec![ShortDay(Weekday::Sat), ShortDay(Weekday::Sun)])
        );
        let mut cleared = form_for(r#"{"id":"b-1","text":"x","days":["mon"]}"#);
        cleared.days[0] = false;
        assert_eq!(
            cleared.to_boundary(&journal, today).unwrap().days,
            None,
            "none ticked means every day"
        );
    }

    #[test]
    fn a_bad_time_names_its_field() {
        let mut form = Form::new();
        form.text.set("No email");
        form.until.set("7:00");
        let (field, why) = form
            .to_boundary(&Journal::default(), "2026-11-23".parse().unwrap())
            .unwrap_err();
        assert_eq!(field, Field::Until);
        assert!(why.starts_with("Until: expected a time as HH:MM"), "{why}");
    }
}
