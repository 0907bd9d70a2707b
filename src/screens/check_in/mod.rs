//! Screen 1, the daily check-in: three ratings, habits, today's boundaries and a note, or the
//! saved day's scores when it is already done. This file owns the form and its keys; `render`
//! draws it.

mod render;

pub use render::{outcome_words, scale};

use crate::journal::{self, CheckIn, Habit, Rating, Upsert, check_sleep_hours};
use crate::reminders;
use crate::ui::component::{Component, Ctx, Leave, Outcome};
use crate::ui::form::{FormStep, form_step};
use crate::ui::keymap::{self, Binding, FormKey, ch, ctrl, is_char};
use crate::ui::text_input::TextInput;
use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The three questions with their 0 and 10 anchors (docs/SCORING.md; rekindle's own wording).
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
    pub outcome: Option<journal::Outcome>,
}

impl BoundaryChoice {
    /// Steps the outcome forwards (`Space`: none yet, kept, slipped, and round again) or
    /// backwards, which in a cycle of three is two steps forwards.
    fn cycle_outcome(&mut self, forward: bool) {
        use journal::Outcome::{Kept, Slipped};
        let steps = if forward { 1 } else { 2 };
        for _ in 0..steps {
            self.outcome = match self.outcome {
                None => Some(Kept),
                Some(Kept) => Some(Slipped),
                Some(Slipped) => None,
            };
        }
    }
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
    /// A `1` just set this rating (which, and when): a `0` within a second makes it 10.
    pub pending_one: Option<(usize, DateTime<FixedOffset>)>,
}

/// How long after a `1` a `0` still makes 10 (the clock counts whole seconds, so in practice
/// the same or the next second).
pub const TEN_WITHIN_SECONDS: i64 = 1;

impl Form {
    /// A form for `date`, filled from that day's check-in when there is one.
    pub fn for_day(ctx: &Ctx, date: NaiveDate) -> Form {
        let base = ctx.journal.check_in_on(date).cloned();
        let mut boundaries: Vec<BoundaryChoice> = ctx
            .journal
            .boundaries
            .iter()
            .filter(|b| {
                reminders::applies_on(b, date)
                    || base
                        .as_ref()
                        .is_some_and(|c| c.boundaries.contains_key(b.id.as_str()))
            })
            .map(|b| BoundaryChoice {
                id: b.id.clone(),
                text: b.text.clone(),
                outcome: base
                    .as_ref()
                    .and_then(|c| c.boundaries.get(b.id.as_str()).copied()),
            })
            .collect();
        boundaries.sort_by_key(|b| ctx.journal.boundary(&b.id).is_some_and(|b| b.archived));
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
            pending_one: None,
        }
    }

    /// True when a value differs from what the form opened with (the day's saved check-in, or
    /// blank): leaving it then asks first.
    pub fn changed(&self, ctx: &Ctx) -> bool {
        let fresh = Form::for_day(ctx, self.date);
        self.ratings != fresh.ratings
            || self.sleep.text() != fresh.sleep.text()
            || self.habits != fresh.habits
            || self.note.text() != fresh.note.text()
            // By outcome against the saved day: a boundary added meanwhile changes nothing here.
            || self.boundaries.iter().any(|b| {
                b.outcome
                    != self
                        .base
                        .as_ref()
                        .and_then(|c| c.boundaries.get(b.id.as_str()).copied())
            })
    }

    pub fn fields(&self) -> Vec<Field> {
        let mut fields = vec![
            Field::Rating(0),
            Field::Rating(1),
            Field::Rating(2),
            Field::Sleep,
        ];
        fields.extend((0..Habit::ALL.len()).map(Field::Habit));
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
        for (habit, ticked) in Habit::ALL.into_iter().zip(self.habits) {
            *check_in.habits.slot(habit) = Some(ticked);
        }
        for choice in &self.boundaries {
            match choice.outcome {
                Some(outcome) => check_in
                    .boundaries
                    .insert(choice.id.as_str().into(), outcome),
                None => check_in.boundaries.remove(choice.id.as_str()),
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
    /// Back to today from a past day.
    Today,
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        let today = Binding::new("t", "today", ch('t'), |k| {
            is_char(k, 't').then_some(Msg::Today)
        });
        let Some(form) = &self.form else {
            let mut list = vec![Binding::new(
                "e/Enter",
                "edit this check-in",
                ch('e'),
                |k| (is_char(k, 'e') || k.code == KeyCode::Enter).then_some(Msg::Edit),
            )];
            if self.viewing.is_some_and(|d| d != ctx.today) {
                list.push(today);
            }
            return list;
        };
        let on_rating = matches!(form.focus, Some(Field::Rating(_)));
        // On a rating letters are never keys (not even h/j/k/l): a sentence typed there must not
        // change a value or move the focus. The arrows do it.
        let head = if on_rating {
            keymap::form_head_arrows("save")
        } else {
            keymap::form_head("save")
        };
        let mut list: Vec<Binding<Msg>> = head.into_iter().map(|b| b.map(Msg::Form)).collect();
        // A past day says how to get back, early enough to stay in the footer.
        let past_day = form.date != ctx.today;
        if past_day && !matches!(form.focus, Some(Field::Sleep | Field::Note)) {
            list.push(today);
        }
        match form.focus {
            Some(Field::Rating(_)) => {
                list.push(keymap::arrows_left_right(
                    "lower/raise",
                    Msg::Lower,
                    Msg::Raise,
                ));
                list.push(Binding::new("0–10", "set (1 0 for ten)", ch('7'), |k| {
                    keymap::digit(k).map(Msg::Set)
                }));
                // Documents the decision (the app answers a stray letter with where typing goes).
                list.push(
                    Binding::new(
                        "letters",
                        "not keys on a rating (no h/j/k/l): ↓ to the note to write",
                        ch('a'),
                        |_| None::<Msg>,
                    )
                    .help_only(),
                );
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

    fn captures_digits(&self) -> bool {
        self.form
            .as_ref()
            .is_some_and(|f| matches!(f.focus, Some(Field::Rating(_) | Field::Sleep | Field::Note)))
    }

    fn text_focused(&self) -> bool {
        self.form
            .as_ref()
            .is_some_and(|f| matches!(f.focus, Some(Field::Sleep | Field::Note)))
    }

    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        // Only a `0` right after a `1` makes ten; any other key in between ends that.
        if let Some(form) = &mut self.form
            && keymap::digit(key) != Some(0)
        {
            form.pending_one = None;
        }
        if let Some(form) = &mut self.form
            && let Some(input) = form.text_focus()
        {
            // In a text field, printable keys (even `q`, `j`, digits) are text.
            if input.handle(key) {
                form.error = None;
                return Some(Outcome::done());
            }
        }
        let msg = keymap::lookup(&self.bindings(ctx), key)?;
        Some(self.update(ctx, msg))
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        if msg == Msg::Edit {
            let date = self.viewing.unwrap_or(ctx.today);
            self.form = Some(Form::for_day(ctx, date));
            return Outcome::done();
        }
        if msg == Msg::Today {
            if self.draft_changed(ctx) {
                return Outcome::ask_leave(Leave::Today);
            }
            self.open_today(ctx);
            return Outcome::done();
        }
        let Some(form) = &mut self.form else {
            return Outcome::done();
        };
        let pending_one = form.pending_one.take();
        match (msg, form.focus) {
            (Msg::Form(key), _) => match form_step(key, &form.fields(), form.focus) {
                FormStep::Save => return self.save(ctx),
                FormStep::Focus(focus) => form.focus = focus,
                FormStep::Cancel if form.changed(ctx) => {
                    return Outcome::ask_leave(Leave::Cancel);
                }
                FormStep::Cancel => return self.cancel(ctx),
            },
            (Msg::Lower, Some(Field::Rating(i))) => {
                form.ratings[i] = Some(form.ratings[i].map_or(start(), Rating::lowered));
            }
            (Msg::Raise, Some(Field::Rating(i))) => {
                form.ratings[i] = Some(form.ratings[i].map_or(start(), Rating::raised));
            }
            // `1` then `0` within a second is ten, on the same rating.
            (Msg::Set(0), Some(Field::Rating(i)))
                if pending_one.is_some_and(|(j, at)| {
                    j == i && (ctx.now - at).num_seconds().abs() <= TEN_WITHIN_SECONDS
                }) =>
            {
                form.ratings[i] = Rating::new(10);
            }
            (Msg::Set(v), Some(Field::Rating(i))) => {
                form.ratings[i] = Rating::new(v);
                if v == 1 {
                    form.pending_one = Some((i, ctx.now));
                }
            }
            (Msg::Toggle | Msg::Lower, Some(Field::Habit(i))) => form.habits[i] = !form.habits[i],
            (Msg::Toggle, Some(Field::Boundary(i))) => form.boundaries[i].cycle_outcome(true),
            (Msg::Lower, Some(Field::Boundary(i))) => form.boundaries[i].cycle_outcome(false),
            (Msg::Edit | Msg::Today | Msg::Lower | Msg::Raise | Msg::Set(_) | Msg::Toggle, _) => {}
        }
        if let Some(form) = &mut self.form {
            form.error = None;
        }
        Outcome::done()
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        let date = self.viewing.unwrap_or(ctx.today);
        match &self.form {
            Some(form) => render::form(form, ctx, frame, area),
            None => render::saved(ctx, date, frame, area),
        }
    }

    fn paste(&mut self, text: &str) -> Result<(), &'static str> {
        match (self.paste_text(text), &self.form) {
            (true, _) => Ok(()),
            (false, Some(_)) => Err("the note"),
            (false, None) => Err("a text field"),
        }
    }

    /// Where typing goes when a letter was typed on a field that takes no letters.
    fn typing_hint(&self) -> Option<&'static str> {
        let form = self.form.as_ref()?;
        match form.focus {
            Some(Field::Sleep | Field::Note) => None,
            Some(_) | None => Some("↓ to the note to write"),
        }
    }

    fn draft_changed(&self, ctx: &Ctx) -> bool {
        self.form.as_ref().is_some_and(|f| f.changed(ctx))
    }

    fn save_draft(&mut self, ctx: &Ctx) -> Outcome {
        self.update(ctx, Msg::Form(FormKey::Save))
    }

    fn discard_draft(&mut self, ctx: &Ctx, to_today: bool) {
        if to_today {
            self.open_today(ctx);
        } else {
            self.cancel(ctx);
        }
    }

    fn arrived(&mut self, ctx: &Ctx) -> Option<String> {
        self.come_back(ctx)
    }

    fn saved(&mut self, _ctx: &Ctx) {
        if let Some(form) = &self.form
            && form.saving
        {
            self.viewing = Some(form.date);
            self.form = None;
        }
    }

    /// The save did not land: the form stays open with its values, and is no longer "saving", so
    /// a later save from another screen cannot close it.
    fn save_failed(&mut self) {
        if let Some(form) = &mut self.form {
            form.saving = false;
        }
    }

    fn journal_changed(&mut self, old: &Ctx, new: &Ctx) {
        if let Some(form) = &self.form
            && *form == Form::for_day(old, form.date)
        {
            // Untouched: show the day as it is now (a check-in saved from the CLI appears).
            let date = form.date;
            self.form = None;
            if date == new.today {
                self.open_today(new);
            } else {
                self.open_day(new, date);
            }
        }
    }

    /// The TUI stayed open past `day_starts_at`: move to the new day unless the user is
    /// mid-entry.
    fn day_changed(&mut self, ctx: &Ctx, previous: NaiveDate) {
        // A changed form stays; the app asks what to do with it (Save / Discard / Keep editing).
        let untouched = !self.draft_changed(ctx);
        if untouched && self.viewing.is_none_or(|d| d == previous) {
            self.open_today(ctx);
        }
    }
}

impl State {
    /// Closes the form without saving (what `Esc` with no field focused does).
    pub fn cancel(&mut self, ctx: &Ctx) -> Outcome {
        let Some(form) = &self.form else {
            return Outcome::done();
        };
        let date = form.date;
        self.form = None;
        self.viewing = Some(date);
        if ctx.journal.check_in_on(date).is_none() {
            self.open_today(ctx);
        }
        Outcome::say("Edit cancelled; nothing was saved.")
    }

    /// A paste goes whole into the focused text field (the sleep hours or the note); false when
    /// none has focus, so the app says where to paste instead.
    fn paste_text(&mut self, text: &str) -> bool {
        let Some(form) = &mut self.form else {
            return false;
        };
        form.pending_one = None;
        let Some(input) = form.text_focus() else {
            return false;
        };
        input.paste(text);
        form.error = None;
        true
    }

    /// Screen 1 always shows today: coming back to it after a past day was opened (from the
    /// Journal screen) shows today again, unless that day holds unsaved changes, which stay
    /// until saved or left with `t`.
    pub fn come_back(&mut self, ctx: &Ctx) -> Option<String> {
        let date = match &self.form {
            Some(form) => form.date,
            None => self.viewing.unwrap_or(ctx.today),
        };
        if date == ctx.today {
            return None;
        }
        if self.draft_changed(ctx) {
            return Some(format!(
                "Still editing {} (not saved); t goes to today.",
                date.format("%a %-d %b %Y")
            ));
        }
        self.open_today(ctx);
        None
    }

    fn save(&mut self, ctx: &Ctx) -> Outcome {
        let Some(form) = &mut self.form else {
            return Outcome::done();
        };
        match form.to_check_in(ctx.now) {
            Err(why) => {
                form.focus = Some(match form.ratings.iter().position(Option::is_none) {
                    Some(i) => Field::Rating(i),
                    None => Field::Sleep,
                });
                form.error = Some(why.clone());
                Outcome::warn(format!("Not saved: {why}"))
            }
            Ok(check_in) => {
                form.saving = true;
                let date = check_in.date;
                let mut journal = ctx.journal.clone();
                let verb = match journal.upsert_check_in(check_in) {
                    Upsert::Added => "Saved",
                    Upsert::Replaced => "Replaced",
                };
                Outcome::save(
                    journal,
                    format!("{verb} the check-in for {}", date.format("%a %-d %b %Y")),
                )
            }
        }
    }

    /// Shows today's check-in, or a fresh form for it when there is none.
    pub fn open_today(&mut self, ctx: &Ctx) {
        self.viewing = Some(ctx.today);
        self.form = match ctx.journal.check_in_on(ctx.today) {
            Some(_) => None,
            None => Some(Form::for_day(ctx, ctx.today)),
        };
    }

    /// Opens `date` in the form (from the journal screen: edit a past day or backfill a missed
    /// one).
    pub fn open_day(&mut self, ctx: &Ctx, date: NaiveDate) {
        self.viewing = Some(date);
        self.form = Some(Form::for_day(ctx, date));
    }
}

/// Where ←/→ start on a rating nobody has set yet: the middle of the scale.
fn start() -> Rating {
    Rating::new(5).expect("5 is a rating")
}
