//! Screen 6, settings: week start, day boundary, days off and support text, edited like any form
//! and saved with `Ctrl-S`; the new values apply to every screen at once. Each value is checked
//! by the same parser as `rekindle settings KEY VALUE`.

use crate::journal::{LongDay, SettingKey, Settings};
use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::form::{FormStep, form_step};
use crate::ui::keymap::{self, Binding, FormKey};
use crate::ui::text::{input_spans, wrap_with_cursor};
use crate::ui::text_input::TextInput;
use chrono::Weekday;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    WeekStart,
    DayStart,
    DaysOff,
    SupportText,
}

const FIELDS: [Field; 4] = [
    Field::WeekStart,
    Field::DayStart,
    Field::DaysOff,
    Field::SupportText,
];

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub week_start: Weekday,
    pub day_start: TextInput,
    /// Weekday names as `rekindle settings days_off` takes them ("saturday,sunday", "sat sun",
    /// "none").
    pub days_off: TextInput,
    pub support_text: TextInput,
    pub focus: Option<Field>,
    /// The field a validation message belongs to, and the message.
    pub error: Option<(Field, String)>,
    pub saving: bool,
}

impl Default for State {
    fn default() -> Self {
        State::from(&Settings::default())
    }
}

impl From<&Settings> for State {
    fn from(settings: &Settings) -> State {
        State {
            week_start: settings.week_start(),
            day_start: TextInput::single_line(&settings.day_starts_at.to_string()),
            days_off: TextInput::single_line(&settings.days_off.to_string()),
            support_text: TextInput::multi_line(&settings.support_text),
            // The first field is focused, so ←/→ change the week start at once.
            focus: Some(Field::WeekStart),
            error: None,
            saving: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Form(FormKey),
    Earlier,
    Later,
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, _ctx: &Ctx) -> Vec<Binding<Msg>> {
        let focus = self.focus;
        let mut list: Vec<Binding<Msg>> = keymap::form_head("save")
            .into_iter()
            .map(|b| b.map(Msg::Form))
            .collect();
        if focus == Some(Field::WeekStart) {
            list.push(keymap::left_right("change day", Msg::Earlier, Msg::Later));
        }
        // With no field focused there is nothing to leave, and Enter starts nothing.
        if focus.is_some() {
            let enter = if focus == Some(Field::SupportText) {
                "save"
            } else {
                "next field"
            };
            list.extend(
                keymap::form_tail(enter, "leave field")
                    .into_iter()
                    .map(|b| b.map(Msg::Form)),
            );
        }
        list
    }

    fn captures_digits(&self) -> bool {
        matches!(
            self.focus,
            Some(Field::DayStart | Field::DaysOff | Field::SupportText)
        )
    }

    fn text_focused(&self) -> bool {
        self.captures_digits()
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        let input = match self.focus {
            Some(Field::DayStart) => Some(&mut self.day_start),
            Some(Field::DaysOff) => Some(&mut self.days_off),
            Some(Field::SupportText) => Some(&mut self.support_text),
            Some(Field::WeekStart) | None => None,
        };
        if let Some(input) = input
            && input.handle(key)
        {
            self.error = None;
            return Some(Outcome::done());
        }
        let msg = keymap::lookup(&self.bindings(ctx), key)?;
        Some(self.update(ctx, msg))
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        match msg {
            Msg::Form(key) => match form_step(key, &FIELDS, self.focus) {
                FormStep::Save => return self.save(ctx),
                FormStep::Focus(focus) => self.focus = focus,
                // The settings screen is a form that never closes: there is nothing to cancel.
                FormStep::Cancel => {}
            },
            Msg::Earlier => self.week_start = self.week_start.pred(),
            Msg::Later => self.week_start = self.week_start.succ(),
        }
        Outcome::done()
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        render(self, ctx, frame, area);
    }

    fn save_failed(&mut self) {
        self.saving = false;
    }

    fn paste(&mut self, text: &str) -> Result<(), &'static str> {
        if self.paste_text(text) {
            Ok(())
        } else {
            Err("the support text")
        }
    }

    /// Where typing goes when a letter was typed on the week start.
    fn typing_hint(&self) -> Option<&'static str> {
        (self.focus == Some(Field::WeekStart)).then_some("↓ to the support text to write")
    }

    fn draft_changed(&self, ctx: &Ctx) -> bool {
        self.changed(&ctx.journal.settings)
    }

    fn save_draft(&mut self, ctx: &Ctx) -> Outcome {
        self.update(ctx, Msg::Form(FormKey::Save))
    }

    fn discard_draft(&mut self, ctx: &Ctx, _to_today: bool) {
        *self = State::from(&ctx.journal.settings);
    }

    fn arrived(&mut self, _ctx: &Ctx) -> Option<String> {
        self.come_back();
        None
    }

    fn journal_changed(&mut self, old: &Ctx, new: &Ctx) {
        // Untouched values follow the new settings; edited ones stay for the person to save.
        if *self == State::from(&old.journal.settings) {
            *self = State::from(&new.journal.settings);
        }
    }

    fn saved(&mut self, ctx: &Ctx) {
        if self.saving {
            *self = State::from(&ctx.journal.settings);
        }
    }
}

impl State {
    /// True when a value differs from the saved settings.
    pub fn changed(&self, saved: &Settings) -> bool {
        let fresh = State::from(saved);
        self.week_start != fresh.week_start
            || self.day_start.text() != fresh.day_start.text()
            || self.days_off.text() != fresh.days_off.text()
            || self.support_text.text() != fresh.support_text.text()
    }

    /// Opening the screen focuses the first field when none is.
    pub fn come_back(&mut self) {
        if self.focus.is_none() {
            self.focus = Some(Field::WeekStart);
        }
    }

    /// A paste goes whole into the focused text field; false when none has focus.
    fn paste_text(&mut self, text: &str) -> bool {
        let input = match self.focus {
            Some(Field::DayStart) => &mut self.day_start,
            Some(Field::DaysOff) => &mut self.days_off,
            Some(Field::SupportText) => &mut self.support_text,
            Some(Field::WeekStart) | None => return false,
        };
        input.paste(text);
        self.error = None;
        true
    }

    fn save(&mut self, ctx: &Ctx) -> Outcome {
        let mut settings = ctx.journal.settings.clone();
        let values = [
            (
                Field::WeekStart,
                SettingKey::WeekStartsOn,
                LongDay(self.week_start).name().to_string(),
            ),
            (
                Field::DayStart,
                SettingKey::DayStartsAt,
                self.day_start.text().trim().to_string(),
            ),
            (
                Field::DaysOff,
                SettingKey::DaysOff,
                self.days_off.text().trim().to_string(),
            ),
            (
                Field::SupportText,
                SettingKey::SupportText,
                self.support_text.text().trim_end().to_string(),
            ),
        ];
        for (field, key, value) in values {
            if let Err(why) = settings.set(key, &value) {
                self.error = Some((field, why.clone()));
                self.focus = Some(field);
                return Outcome::warn(format!("Not saved: {why}"));
            }
        }
        self.error = None;
        self.saving = true;
        let mut journal = ctx.journal.clone();
        journal.settings = settings;
        Outcome::save(journal, "Saved the settings")
    }
}

fn render(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let area = crate::ui::inset(area);
    let width = area.width as usize;
    let mut lines = vec![Line::styled("Settings", theme.heading)];
    for field in FIELDS {
        let focused = state.focus == Some(field);
        let key = match field {
            Field::WeekStart => SettingKey::WeekStartsOn,
            Field::DayStart => SettingKey::DayStartsAt,
            Field::DaysOff => SettingKey::DaysOff,
            Field::SupportText => SettingKey::SupportText,
        };
        lines.push(Line::raw(""));
        let mut head = vec![
            Span::styled(if focused { "› " } else { "  " }, theme.focus_marker),
            Span::styled(format!("{:<16}", key.name()), theme.field(focused)),
        ];
        match field {
            Field::WeekStart => {
                head.push(Span::styled(
                    format!("◀ {} ▶", LongDay(state.week_start).name()),
                    theme.value(focused),
                ));
            }
            Field::DayStart => head.extend(input_spans(&state.day_start, focused, theme)),
            Field::DaysOff => head.extend(input_spans(&state.days_off, focused, theme)),
            Field::SupportText => {}
        }
        lines.push(Line::from(head));
        if field == Field::SupportText {
            for line in
                wrap_with_cursor(&state.support_text, width.saturating_sub(4), focused, theme)
            {
                let mut spans = vec![Span::raw("    ")];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
        lines.extend(crate::ui::text::hanging(
            vec![Span::raw("    ")],
            key.about(),
            theme.dim,
            width,
        ));
        if let Some((error_field, why)) = &state.error
            && *error_field == field
        {
            lines.push(Line::styled(format!("    ✗ {why}"), theme.error));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Changing day_starts_at affects new check-ins only; past days keep their dates.",
        theme.dim,
    ));
    let focus_line = match state.focus {
        Some(Field::SupportText) => lines.len().saturating_sub(3),
        _ => 0,
    };
    let scroll = crate::ui::text::scroll_to_show(focus_line, lines.len(), area.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}
