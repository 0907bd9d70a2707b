//! Screen 6, settings: week start, day boundary and support text, edited like any form and saved
//! with `Ctrl-S`; the new values apply to every screen at once.

use crate::app::keymap::{self, Binding, FormKey};
use crate::app::text_input::TextInput;
use crate::app::{App, Effect};
use crate::journal::{LongDay, SettingKey, Settings};
use crate::ui::text::{input_spans, wrap_with_cursor};
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
    SupportText,
}

const FIELDS: [Field; 3] = [Field::WeekStart, Field::DayStart, Field::SupportText];

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub week_start: Weekday,
    pub day_start: TextInput,
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
            support_text: TextInput::multi_line(&settings.support_text),
            focus: None,
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

pub fn bindings(app: &App) -> Vec<Binding<Msg>> {
    let focus = app.settings.focus;
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

pub fn captures_digits(app: &App) -> bool {
    matches!(
        app.settings.focus,
        Some(Field::DayStart | Field::SupportText)
    )
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let state = &mut app.settings;
    let input = match state.focus {
        Some(Field::DayStart) => Some(&mut state.day_start),
        Some(Field::SupportText) => Some(&mut state.support_text),
        _ => None,
    };
    if let Some(input) = input
        && input.handle(key)
    {
        state.error = None;
        return Some(Vec::new());
    }
    let msg = keymap::lookup(&bindings(app), key)?;
    Some(update(app, msg))
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let state = &mut app.settings;
    match msg {
        Msg::Form(key) => match super::form_step(key, &FIELDS, state.focus) {
            super::FormStep::Save => return save(app),
            super::FormStep::Focus(focus) => state.focus = focus,
            // The settings screen is a form that never closes: there is nothing to cancel.
            super::FormStep::Cancel => {}
        },
        Msg::Earlier => state.week_start = state.week_start.pred(),
        Msg::Later => state.week_start = state.week_start.succ(),
    }
    Vec::new()
}

fn save(app: &mut App) -> Vec<Effect> {
    let state = &mut app.settings;
    let mut settings = app.journal.settings.clone();
    let values = [
        (
            Field::WeekStart,
            SettingKey::WeekStartsOn,
            LongDay(state.week_start).name().to_string(),
        ),
        (
            Field::DayStart,
            SettingKey::DayStartsAt,
            state.day_start.text().trim().to_string(),
        ),
        (
            Field::SupportText,
            SettingKey::SupportText,
            state.support_text.text().trim_end().to_string(),
        ),
    ];
    for (field, key, value) in values {
        if let Err(why) = settings.set(key, &value) {
            state.error = Some((field, why.clone()));
            state.focus = Some(field);
            app.warn(format!("Not saved: {why}"));
            return Vec::new();
        }
    }
    state.error = None;
    state.saving = true;
    let mut journal = app.journal.clone();
    journal.settings = settings;
    vec![app.save(journal, "Saved the settings")]
}

pub fn save_failed(app: &mut App) {
    app.settings.saving = false;
}

pub fn after_save(app: &mut App) {
    if app.settings.saving {
        app.settings = State::from(&app.journal.settings);
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let state = &app.settings;
    let area = crate::ui::inset(area);
    let width = area.width as usize;
    let mut lines = vec![Line::styled("Settings", theme.heading)];
    for field in FIELDS {
        let focused = state.focus == Some(field);
        let key = match field {
            Field::WeekStart => SettingKey::WeekStartsOn,
            Field::DayStart => SettingKey::DayStartsAt,
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
