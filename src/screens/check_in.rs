//! Screen 1, the daily check-in: three ratings, habits, today's boundaries and a note, or the
//! saved day's scores when it is already done.

use super::FormStep;
use crate::app::keymap::{self, Binding, FormKey, ch, ctrl, is_char};
use crate::app::text_input::TextInput;
use crate::app::{App, Effect};
use crate::journal::{CheckIn, HABIT_LABELS, Outcome, Rating, Upsert, check_sleep_hours};
use crate::reminders;
use crate::scoring::{self, Band, NOT_A_DIAGNOSIS};
use crate::ui::text::{hanging, wrap_with_cursor, wrapped};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The three questions with their 0 and 10 anchors (SCORING.md; rekindle's own wording).
pub const QUESTIONS: [(&str, &str, &str, &str); 3] = [
    (
        "Exhaustion",
        "How spent do you feel today, body and mind?",
        "fresh, energy to spare",
        "completely spent, running on empty",
    ),
    (
        "Cynicism",
        "How detached or cynical did you feel about your work today?",
        "involved, it mattered to me",
        "couldn't care less about it",
    ),
    (
        "Efficacy",
        "How capable did you feel in your work today?",
        "out of my depth, nothing landed",
        "capable, my work made a difference",
    ),
];

#[derive(Debug, Default)]
pub struct State {
    /// `None` shows the saved check-in of `viewing` (read-only).
    pub form: Option<Form>,
    pub viewing: Option<NaiveDate>,
}

/// A form field, in the order ↓ moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Rating(usize),
    Sleep,
    Habit(usize),
    Boundary(usize),
    Note,
}

/// A boundary listed on the form, with the outcome chosen so far.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryChoice {
    pub id: String,
    pub text: String,
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub date: NaiveDate,
    pub ratings: [Option<Rating>; 3],
    pub sleep: TextInput,
    pub habits: [bool; 5],
    pub boundaries: Vec<BoundaryChoice>,
    pub note: TextInput,
    pub focus: Option<Field>,
    pub error: Option<String>,
    /// The saved check-in this form edits, kept so fields the form does not show survive.
    pub base: Option<CheckIn>,
    /// A save from this form is in flight.
    pub saving: bool,
}

impl Form {
    /// A form for `date`, filled from that day's check-in when there is one.
    pub fn for_day(app: &App, date: NaiveDate) -> Form {
        let base = app.journal.check_in_on(date).cloned();
        let mut boundaries: Vec<BoundaryChoice> = app
            .journal
            .boundaries
            .iter()
            .filter(|b| {
                reminders::applies_on(b, date)
                    || base
                        .as_ref()
                        .is_some_and(|c| c.boundaries.contains_key(&b.id))
            })
            .map(|b| BoundaryChoice {
                id: b.id.clone(),
                text: b.text.clone(),
                outcome: base.as_ref().and_then(|c| c.boundaries.get(&b.id).copied()),
            })
            .collect();
        boundaries.sort_by_key(|b| app.journal.boundary(&b.id).is_some_and(|b| b.archived));
        let (ratings, sleep, habits, note) = match &base {
            Some(c) => (
                [Some(c.exhaustion), Some(c.cynicism), Some(c.efficacy)],
                c.habits
                    .sleep_hours
                    .map(|h| h.to_string())
                    .unwrap_or_default(),
                c.habits.flags().map(|f| f.unwrap_or(false)),
                c.note.clone(),
            ),
            None => ([None; 3], String::new(), [false; 5], String::new()),
        };
        Form {
            date,
            ratings,
            sleep: TextInput::single_line(&sleep),
            habits,
            boundaries,
            note: TextInput::multi_line(&note),
            focus: Some(Field::Rating(0)),
            error: None,
            base,
            saving: false,
        }
    }

    pub fn fields(&self) -> Vec<Field> {
        let mut fields = vec![
            Field::Rating(0),
            Field::Rating(1),
            Field::Rating(2),
            Field::Sleep,
        ];
        fields.extend((0..HABIT_LABELS.len()).map(Field::Habit));
        fields.extend((0..self.boundaries.len()).map(Field::Boundary));
        fields.push(Field::Note);
        fields
    }

    fn text_focus(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            Some(Field::Sleep) => Some(&mut self.sleep),
            Some(Field::Note) => Some(&mut self.note),
            _ => None,
        }
    }

    /// The check-in this form describes, or what is missing.
    pub fn to_check_in(
        &self,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<CheckIn, String> {
        let mut ratings = [Rating::new(0).expect("0 is a rating"); 3];
        for (i, slot) in self.ratings.iter().enumerate() {
            ratings[i] = slot
                .ok_or_else(|| format!("Rate {} first (0–10).", QUESTIONS[i].0.to_lowercase()))?;
        }
        let sleep = match self.sleep.text().trim() {
            "" => None,
            text => Some(
                text.replace(',', ".")
                    .parse::<f64>()
                    .map_err(|_| format!("Sleep must be hours, such as 7 or 6.5, not {text:?}."))
                    .and_then(|h| check_sleep_hours(h).map_err(|e| format!("Sleep: {e}.")))?,
            ),
        };
        let mut check_in = match &self.base {
            Some(base) => base.clone(),
            None => CheckIn::new(self.date, ratings[0], ratings[1], ratings[2]),
        };
        check_in.date = self.date;
        check_in.recorded_at = Some(now);
        [check_in.exhaustion, check_in.cynicism, check_in.efficacy] = ratings;
        check_in.note = self.note.text().trim_end().to_string();
        check_in.habits.sleep_hours = sleep;
        // The form shows every habit, so it records every one: unticked means "no".
        for (i, ticked) in self.habits.iter().enumerate() {
            if let Some(slot) = check_in.habits.flag_mut(i) {
                *slot = Some(*ticked);
            }
        }
        for choice in &self.boundaries {
            match choice.outcome {
                Some(outcome) => check_in.boundaries.insert(choice.id.clone(), outcome),
                None => check_in.boundaries.remove(&choice.id),
            };
        }
        Ok(check_in)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit,
    Form(FormKey),
    Lower,
    Raise,
    Set(u8),
    Toggle,
}

pub fn bindings(app: &App) -> Vec<Binding<Msg>> {
    let Some(form) = &app.check_in.form else {
        return vec![Binding::new(
            "e/Enter",
            "edit this check-in",
            ch('e'),
            |k| (is_char(k, 'e') || k.code == KeyCode::Enter).then_some(Msg::Edit),
        )];
    };
    let mut list: Vec<Binding<Msg>> = keymap::form_head("save")
        .into_iter()
        .map(|b| b.map(Msg::Form))
        .collect();
    match form.focus {
        Some(Field::Rating(_)) => {
            list.push(keymap::left_right("lower/raise", Msg::Lower, Msg::Raise));
            list.push(Binding::new("0–9", "set", ch('7'), |k| {
                keymap::digit(k).map(Msg::Set)
            }));
        }
        Some(Field::Habit(_)) | Some(Field::Boundary(_)) => {
            list.push(Binding::new("Space/←→", "change", ch(' '), |k| {
                if is_char(k, ' ') || keymap::is_right(k) {
                    Some(Msg::Toggle)
                } else if keymap::is_left(k) {
                    Some(Msg::Lower)
                } else {
                    None
                }
            }));
        }
        Some(Field::Note) => {
            // Documents the text field's own key (the field handles it before the keymap).
            list.push(
                Binding::new("Alt-Enter", "new line", ctrl('j'), |_| None::<Msg>).help_only(),
            );
        }
        Some(Field::Sleep) | None => {}
    }
    let enter_does = if form.focus == Some(Field::Note) {
        "save"
    } else {
        "next field"
    };
    let esc_does = if form.focus.is_some() {
        "leave field"
    } else {
        "cancel edit"
    };
    list.extend(
        keymap::form_tail(enter_does, esc_does)
            .into_iter()
            .map(|b| b.map(Msg::Form)),
    );
    list
}

pub fn captures_digits(app: &App) -> bool {
    app.check_in
        .form
        .as_ref()
        .is_some_and(|f| matches!(f.focus, Some(Field::Rating(_) | Field::Sleep | Field::Note)))
}

pub fn text_focused(app: &App) -> bool {
    app.check_in
        .form
        .as_ref()
        .is_some_and(|f| matches!(f.focus, Some(Field::Sleep | Field::Note)))
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if let Some(form) = &mut app.check_in.form
        && let Some(input) = form.text_focus()
    {
        // In a text field, printable keys (even `q`, `j`, digits) are text.
        if input.handle(key) {
            form.error = None;
            return Some(Vec::new());
        }
    }
    let msg = keymap::lookup(&bindings(app), key)?;
    Some(update(app, msg))
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    if msg == Msg::Edit {
        let date = app.check_in.viewing.unwrap_or(app.today);
        app.check_in.form = Some(Form::for_day(app, date));
        return Vec::new();
    }
    let now = app.now;
    let Some(form) = &mut app.check_in.form else {
        return Vec::new();
    };
    match (msg, form.focus) {
        (Msg::Form(key), _) => match super::form_step(key, &form.fields(), form.focus) {
            FormStep::Save => return save(app, now),
            FormStep::Focus(focus) => form.focus = focus,
            FormStep::Cancel => {
                let date = form.date;
                app.check_in.form = None;
                app.check_in.viewing = Some(date);
                if app.journal.check_in_on(date).is_none() {
                    open_today(app);
                }
                app.say("Edit cancelled; nothing was saved.");
            }
        },
        (Msg::Lower, Some(Field::Rating(i))) => {
            form.ratings[i] = Some(form.ratings[i].map_or(start(), Rating::lowered));
        }
        (Msg::Raise, Some(Field::Rating(i))) => {
            form.ratings[i] = Some(form.ratings[i].map_or(start(), Rating::raised));
        }
        (Msg::Set(v), Some(Field::Rating(i))) => form.ratings[i] = Rating::new(v),
        (Msg::Toggle | Msg::Lower, Some(Field::Habit(i))) => form.habits[i] = !form.habits[i],
        (Msg::Toggle, Some(Field::Boundary(i))) => {
            let choice = &mut form.boundaries[i];
            choice.outcome = match choice.outcome {
                None => Some(Outcome::Kept),
                Some(Outcome::Kept) => Some(Outcome::Slipped),
                Some(Outcome::Slipped) => None,
            };
        }
        (Msg::Lower, Some(Field::Boundary(i))) => {
            let choice = &mut form.boundaries[i];
            choice.outcome = match choice.outcome {
                None => Some(Outcome::Slipped),
                Some(Outcome::Slipped) => Some(Outcome::Kept),
                Some(Outcome::Kept) => None,
            };
        }
        (Msg::Edit | Msg::Lower | Msg::Raise | Msg::Set(_) | Msg::Toggle, _) => {}
    }
    if let Some(form) = &mut app.check_in.form {
        form.error = None;
    }
    Vec::new()
}

/// Where ←/→ start on a rating nobody has set yet: the middle of the scale.
fn start() -> Rating {
    Rating::new(5).expect("5 is a rating")
}

fn save(app: &mut App, now: chrono::DateTime<chrono::FixedOffset>) -> Vec<Effect> {
    let Some(form) = &mut app.check_in.form else {
        return Vec::new();
    };
    match form.to_check_in(now) {
        Err(why) => {
            form.focus = Some(match form.ratings.iter().position(Option::is_none) {
                Some(i) => Field::Rating(i),
                None => Field::Sleep,
            });
            form.error = Some(why.clone());
            app.warn(format!("Not saved: {why}"));
            Vec::new()
        }
        Ok(check_in) => {
            form.saving = true;
            let date = check_in.date;
            let mut journal = app.journal.clone();
            let verb = match journal.upsert_check_in(check_in) {
                Upsert::Added => "Saved",
                Upsert::Replaced => "Replaced",
            };
            vec![app.save(
                journal,
                format!("{verb} the check-in for {}", date.format("%a %-d %b %Y")),
            )]
        }
    }
}

/// Shows today's check-in, or a fresh form for it when there is none.
pub fn open_today(app: &mut App) {
    let today = app.today;
    app.check_in.viewing = Some(today);
    app.check_in.form = match app.journal.check_in_on(today) {
        Some(_) => None,
        None => Some(Form::for_day(app, today)),
    };
}

/// Opens `date` in the form (from the journal screen: edit a past day or backfill a missed one).
pub fn open_day(app: &mut App, date: NaiveDate) {
    app.check_in.viewing = Some(date);
    app.check_in.form = Some(Form::for_day(app, date));
    app.screen = super::Screen::CheckIn;
}

pub fn after_save(app: &mut App) {
    if let Some(form) = &app.check_in.form
        && form.saving
    {
        app.check_in.viewing = Some(form.date);
        app.check_in.form = None;
    }
}

/// The save did not land: the form stays open with its values, and is no longer "saving", so a
/// later save from another screen cannot close it.
pub fn save_failed(app: &mut App) {
    if let Some(form) = &mut app.check_in.form {
        form.saving = false;
    }
}

/// The TUI stayed open past `day_starts_at`: move to the new day unless the user is mid-entry.
pub fn day_rolled_over(app: &mut App, previous: NaiveDate) {
    let untouched = match &app.check_in.form {
        None => true,
        Some(form) => *form == Form::for_day(app, form.date),
    };
    if untouched && app.check_in.viewing.is_none_or(|d| d == previous) {
        open_today(app);
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0usize;
    let date = app.check_in.viewing.unwrap_or(app.today);
    let Some(form) = &app.check_in.form else {
        render_saved(app, date, frame, area);
        return;
    };
    let title = if form.date == app.today {
        format!("Today, {}", form.date.format("%A %-d %B %Y"))
    } else {
        format!("{} (a past day)", form.date.format("%A %-d %B %Y"))
    };
    let state = if form.base.is_some() {
        "editing the saved check-in"
    } else {
        "new check-in"
    };
    lines.extend(hanging(
        Vec::new(),
        &format!("{title} · {state}"),
        theme.heading,
        width,
    ));
    if app.welcome {
        lines.extend(wrapped(
            "Welcome to rekindle. Rate three things about today, 0 to 10, then Ctrl-S. Two minutes, once a day; ? shows every key.",
            width,
            theme.dim,
        ));
    }
    for (i, (name, question, low, high)) in QUESTIONS.iter().enumerate() {
        let focused = form.focus == Some(Field::Rating(i));
        if focused {
            focus_line = lines.len();
        }
        let value = form.ratings[i];
        lines.extend(hanging(
            vec![
                Span::styled(marker(focused), theme.focus_marker),
                Span::styled(format!("{name:<11}"), theme.field(focused)),
            ],
            question,
            ratatui::style::Style::default(),
            width,
        ));
        lines.push(Line::from(vec![
            Span::raw("    0 "),
            Span::styled(scale(value), theme.scale(focused)),
            Span::raw(" 10  "),
            Span::styled(
                value.map_or("–".to_string(), |v| v.to_string()),
                theme.value(focused),
            ),
        ]));
        lines.extend(hanging(
            vec![Span::raw("    ")],
            &format!("0 {low} · 10 {high}"),
            theme.dim,
            width,
        ));
    }
    let sleep_focused = form.focus == Some(Field::Sleep);
    if sleep_focused {
        focus_line = lines.len();
    }
    let mut sleep_line = vec![
        Span::styled(marker(sleep_focused), theme.focus_marker),
        Span::styled(format!("{:<11}", "Sleep"), theme.field(sleep_focused)),
        Span::raw("hours last night: "),
    ];
    sleep_line.extend(crate::ui::text::input_spans(
        &form.sleep,
        sleep_focused,
        theme,
    ));
    lines.push(Line::from(sleep_line));
    for (i, (_, label)) in HABIT_LABELS.iter().enumerate() {
        let focused = form.focus == Some(Field::Habit(i));
        if focused {
            focus_line = lines.len();
        }
        let tick = if form.habits[i] { "[x]" } else { "[ ]" };
        let name = if i == 0 { "Habits" } else { "" };
        lines.push(Line::from(vec![
            Span::styled(marker(focused), theme.focus_marker),
            Span::styled(format!("{name:<11}"), theme.label),
            Span::styled(format!("{tick} {label}"), theme.field(focused)),
        ]));
    }
    for (i, choice) in form.boundaries.iter().enumerate() {
        let focused = form.focus == Some(Field::Boundary(i));
        if focused {
            focus_line = lines.len();
        }
        let name = if i == 0 { "Boundaries" } else { "" };
        let (mark, word) = outcome_words(choice.outcome);
        lines.extend(hanging(
            vec![
                Span::styled(marker(focused), theme.focus_marker),
                Span::styled(format!("{name:<11}"), theme.label),
                Span::styled(format!("{mark} {word:<13}"), theme.outcome(choice.outcome)),
            ],
            &choice.text,
            theme.field(focused),
            width,
        ));
    }
    let note_focused = form.focus == Some(Field::Note);
    if note_focused {
        focus_line = lines.len();
    }
    lines.extend(hanging(
        vec![
            Span::styled(marker(note_focused), theme.focus_marker),
            Span::styled(format!("{:<11}", "Note"), theme.field(note_focused)),
        ],
        "Alt-Enter for a new line; Enter saves",
        theme.dim,
        width,
    ));
    let note_lines = wrap_with_cursor(&form.note, width.saturating_sub(4), note_focused, theme);
    if note_focused {
        focus_line = lines.len() + note_lines.len().saturating_sub(1);
    }
    for line in note_lines {
        let mut spans = vec![Span::raw("    ")];
        spans.extend(line.spans);
        lines.push(Line::from(spans));
    }
    let scroll = crate::ui::text::scroll_to_show(focus_line, lines.len(), area.height as usize);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll as u16, 0)),
        crate::ui::inset(area),
    );
}

fn render_saved(app: &App, date: NaiveDate, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let Some(check_in) = app.journal.check_in_on(date) else {
        lines.push(Line::raw("No check-in for this day."));
        frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
        return;
    };
    let heading = if date == app.today {
        format!("Today, {} · checked in", date.format("%A %-d %B %Y"))
    } else {
        format!("{} · checked in", date.format("%A %-d %B %Y"))
    };
    lines.extend(hanging(Vec::new(), &heading, theme.heading, width));
    let ratings = [check_in.exhaustion, check_in.cynicism, check_in.efficacy];
    for (i, (name, _, low, high)) in QUESTIONS.iter().enumerate() {
        let anchor = if i == 2 { high } else { low };
        lines.push(Line::from(vec![
            Span::styled(format!("  {name:<11}"), theme.label),
            Span::styled(scale(Some(ratings[i])), theme.scale(false)),
            Span::styled(format!(" {:>2}", ratings[i]), theme.value(false)),
            Span::styled(
                format!("   (10 is {})", if i == 2 { anchor } else { high }),
                theme.dim,
            ),
        ]));
    }
    let band = Band::of_day(check_in);
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<11}", "Composite"), theme.label),
        Span::styled(
            scoring::fmt0(scoring::composite(check_in)),
            theme.value(false),
        ),
        Span::raw(" of 100 · "),
        Span::styled(band.label(), theme.band(band)),
        Span::styled(
            format!(" (strain {} of 30)", scoring::strain(check_in)),
            theme.dim,
        ),
    ]));
    lines.push(Line::styled(format!("  {NOT_A_DIAGNOSIS}"), theme.dim));
    let habits = habit_summary(check_in);
    for (i, line) in crate::ui::text::wrap(&habits, width.saturating_sub(13))
        .into_iter()
        .enumerate()
        .filter(|_| !habits.is_empty())
    {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<11}", if i == 0 { "Habits" } else { "" }),
                theme.label,
            ),
            Span::raw(line),
        ]));
    }
    for (id, outcome) in &check_in.boundaries {
        let text = app
            .journal
            .boundary(id)
            .map_or(id.as_str(), |b| b.text.as_str());
        let (mark, word) = outcome_words(Some(*outcome));
        for (i, line) in crate::ui::text::wrap(text, width.saturating_sub(23))
            .into_iter()
            .enumerate()
        {
            let (label, result) = if i == 0 {
                ("Boundary", format!("{mark} {word:<9}"))
            } else {
                ("", " ".repeat(11))
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {label:<11}"), theme.label),
                Span::styled(result, theme.outcome(Some(*outcome))),
                Span::raw(line),
            ]));
        }
    }
    if !check_in.note.is_empty() {
        lines.push(Line::styled("  Note", theme.label));
        for line in check_in.note.lines() {
            lines.extend(
                wrapped(
                    line,
                    width.saturating_sub(4),
                    ratatui::style::Style::default(),
                )
                .into_iter()
                .map(|l| {
                    let mut spans = vec![Span::raw("    ")];
                    spans.extend(l.spans);
                    Line::from(spans)
                }),
            );
        }
    }
    lines.extend(super::flag_lines(app, width));
    frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
}

fn habit_summary(check_in: &CheckIn) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(hours) = check_in.habits.sleep_hours {
        parts.push(format!("slept {hours} h"));
    }
    for ((_, label), flag) in HABIT_LABELS.iter().zip(check_in.habits.flags()) {
        if flag == Some(true) {
            parts.push(label.to_lowercase());
        }
    }
    parts.join(", ")
}

fn marker(focused: bool) -> &'static str {
    if focused { "› " } else { "  " }
}

/// A 10-cell bar: one filled cell per point.
pub fn scale(value: Option<Rating>) -> String {
    let filled = value.map_or(0, |v| usize::from(v.get()));
    format!("{}{}", "■".repeat(filled), "·".repeat(10 - filled))
}

pub fn outcome_words(outcome: Option<Outcome>) -> (&'static str, &'static str) {
    match outcome {
        Some(Outcome::Kept) => ("✓", "kept"),
        Some(Outcome::Slipped) => ("✗", "slipped"),
        None => ("·", "not recorded"),
    }
}
