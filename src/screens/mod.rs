//! The six screens, the overlays, and the figures they share.
//!
//! Each screen file has the same parts: its UI-only `State`, its `Msg`, `bindings` (the keymap
//! that handles keys and fills the footer and help), `on_key`, `update` and `render`.

pub mod banner;
pub mod boundaries;
pub mod check_in;
pub mod confirm;
pub mod connections;
pub mod export;
pub mod help;
pub mod journal;
pub mod recovery;
pub mod settings;
pub mod trends;

use crate::app::{App, Effect};
use crate::journal::Journal;
use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// The screens in tab order; the number is the digit that opens each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    CheckIn,
    Connections,
    Boundaries,
    Trends,
    Journal,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::CheckIn,
        Screen::Connections,
        Screen::Boundaries,
        Screen::Trends,
        Screen::Journal,
        Screen::Settings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::CheckIn => "Check-in",
            Screen::Connections => "Connections",
            Screen::Boundaries => "Boundaries",
            Screen::Trends => "Trends",
            Screen::Journal => "Journal",
            Screen::Settings => "Settings",
        }
    }

    pub fn number(self) -> u8 {
        Screen::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(1, |i| i as u8 + 1)
    }

    pub fn from_number(n: u8) -> Option<Screen> {
        Screen::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Screen {
        Screen::ALL[usize::from(self.number()) % Screen::ALL.len()]
    }

    pub fn previous(self) -> Screen {
        Screen::ALL[(usize::from(self.number()) + Screen::ALL.len() - 2) % Screen::ALL.len()]
    }
}

/// Figures derived from the journal and the clock, recomputed after every change and every
/// tick, never on a key press that changes neither. The one key that changes an input is the
/// Trends screen's number of weeks, and it recomputes only the review (`set_review_weeks`).
#[derive(Debug, Default, Clone)]
pub struct Derived {
    /// The active boundaries in force now, in journal order, with their reminder lines
    /// ("19:40 — you said: …") and the start of their windows.
    pub reminders: Vec<banner::Reminder>,
    /// Check-in position by date, so the journal screen finds a day without scanning.
    pub check_in_index: std::collections::HashMap<NaiveDate, usize>,
    pub connections: connections::Figures,
    pub boundaries: boundaries::Figures,
    /// The weekly review as of today over the Trends screen's number of weeks; its flags are
    /// today's flags wherever they show. `None` only before the first `compute`.
    pub review: Option<crate::trends::Review>,
    /// Day strain S (0–30) for each of the last 28 days, oldest first; `None` is a missed day.
    pub last_28_days: Vec<Option<u32>>,
}

impl Derived {
    pub fn compute(
        journal: &Journal,
        now: DateTime<FixedOffset>,
        today: NaiveDate,
        weeks: usize,
    ) -> Derived {
        let check_in_index: std::collections::HashMap<NaiveDate, usize> = journal
            .check_ins
            .iter()
            .enumerate()
            .map(|(i, c)| (c.date, i))
            .collect();
        let last_28_days = (0..crate::trends::SLOPE_DAYS)
            .rev()
            .map(|back| {
                let date = today.checked_sub_days(chrono::Days::new(back))?;
                let index = check_in_index.get(&date)?;
                journal.check_ins.get(*index).map(crate::scoring::strain)
            })
            .collect();
        Derived {
            reminders: banner::Reminder::all_in_force(journal, now.naive_local()),
            connections: connections::Figures::compute(journal, today),
            boundaries: boundaries::Figures::compute(journal, today),
            check_in_index,
            review: Some(crate::trends::review(journal, today, weeks)),
            last_28_days,
        }
    }

    /// The Trends screen changed how many weeks it shows: only the review depends on that.
    pub fn set_review_weeks(&mut self, journal: &Journal, today: NaiveDate, weeks: usize) {
        self.review = Some(crate::trends::review(journal, today, weeks));
    }
}

/// Gives the key to the current screen. `None` means the screen did not use it, so the global
/// keys get their turn.
pub fn on_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    match app.screen {
        Screen::CheckIn => check_in::on_key(app, key),
        Screen::Connections => connections::on_key(app, key),
        Screen::Boundaries => boundaries::on_key(app, key),
        Screen::Trends => trends::on_key(app, key),
        Screen::Journal => journal::on_key(app, key),
        Screen::Settings => settings::on_key(app, key),
    }
}

/// True where a digit means a value (a focused rating or text field), not a screen switch.
pub fn captures_digits(app: &App) -> bool {
    match app.screen {
        Screen::CheckIn => check_in::captures_digits(app),
        Screen::Connections => connections::captures_digits(app),
        Screen::Boundaries => boundaries::captures_digits(app),
        Screen::Trends => false,
        Screen::Journal => false,
        Screen::Settings => settings::captures_digits(app),
    }
}

/// True where printable keys are not the global keys: a text field has focus, or a y/n question
/// takes every key.
pub fn text_focused(app: &App) -> bool {
    if let Some(crate::app::Overlay::Export(state)) = &app.overlay {
        return state.text_focused();
    }
    match app.screen {
        Screen::CheckIn => check_in::text_focused(app),
        Screen::Connections => connections::text_focused(app),
        Screen::Boundaries => boundaries::text_focused(app),
        Screen::Trends | Screen::Journal => false,
        Screen::Settings => settings::captures_digits(app),
    }
}

/// One advertised key of the current screen, for the footer, the help overlay and the test that
/// presses every advertised key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub does: &'static str,
    pub in_footer: bool,
    pub example: KeyEvent,
}

/// The current screen's key hints, straight from the keymap that handles its keys.
pub fn hints(app: &App) -> Vec<Hint> {
    fn collect<M>(bindings: Vec<crate::app::keymap::Binding<M>>) -> Vec<Hint> {
        bindings
            .iter()
            .map(|b| Hint {
                keys: b.keys,
                does: b.does,
                in_footer: b.in_footer,
                example: b.example,
            })
            .collect()
    }
    if let Some(crate::app::Overlay::Export(state)) = &app.overlay {
        return collect(export::bindings(state));
    }
    match app.screen {
        Screen::CheckIn => collect(check_in::bindings(app)),
        Screen::Connections => collect(connections::bindings(app)),
        Screen::Boundaries => collect(boundaries::bindings(app)),
        Screen::Trends => collect(trends::bindings(app)),
        Screen::Journal => collect(journal::bindings(app)),
        Screen::Settings => collect(settings::bindings(app)),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    match app.screen {
        Screen::CheckIn => check_in::render(app, frame, area),
        Screen::Connections => connections::render(app, frame, area),
        Screen::Boundaries => boundaries::render(app, frame, area),
        Screen::Trends => trends::render(app, frame, area),
        Screen::Journal => journal::render(app, frame, area),
        Screen::Settings => settings::render(app, frame, area),
    }
}

/// After a save lands, each screen resets whatever form produced it.
pub fn after_save(app: &mut App) {
    check_in::after_save(app);
    connections::after_save(app);
    boundaries::after_save(app);
    settings::after_save(app);
}

/// After a save fails, the screens that started it keep their forms open and unsaved, so a later
/// save from elsewhere is not mistaken for theirs.
pub fn save_failed(app: &mut App) {
    check_in::save_failed(app);
    connections::save_failed(app);
    boundaries::save_failed(app);
    settings::save_failed(app);
}

/// What one of the keys every form shares does to a form with `fields`, focused on `focus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormStep<F> {
    Save,
    Focus(Option<F>),
    /// `Esc` with no field focused: close the form without saving.
    Cancel,
}

/// The one place the shared form keys are decided: `Ctrl-S` saves, `Enter` moves on and saves
/// on the last field, `↑`/`↓` move (wrapping), `Esc` leaves a field and then cancels.
pub fn form_step<F: Copy + PartialEq>(
    key: crate::app::keymap::FormKey,
    fields: &[F],
    focus: Option<F>,
) -> FormStep<F> {
    use crate::app::keymap::FormKey;
    match key {
        FormKey::Save => FormStep::Save,
        FormKey::Enter if focus.is_some() && focus == fields.last().copied() => FormStep::Save,
        FormKey::Enter | FormKey::Next => FormStep::Focus(Some(next_field(fields, focus, true))),
        FormKey::Previous => FormStep::Focus(Some(next_field(fields, focus, false))),
        FormKey::Leave if focus.is_some() => FormStep::Focus(None),
        FormKey::Leave => FormStep::Cancel,
    }
}

/// The field after (or before) `focus` in a form's `fields`, wrapping around at the ends (↓ from
/// the last field comes back to the first, as in every rekindle form); with no field focused,
/// the first (or the last). `fields` is a form's non-empty field list.
pub fn next_field<F: Copy + PartialEq>(fields: &[F], focus: Option<F>, forward: bool) -> F {
    let at = focus.and_then(|f| fields.iter().position(|x| *x == f));
    let count = fields.len().max(1);
    let next = match at {
        None if forward => 0,
        None => count - 1,
        Some(i) if forward => (i + 1) % count,
        Some(i) => (i + count - 1) % count,
    };
    fields[next]
}

/// At most this many flags are listed outside the Trends screen (SCORING.md: two or three
/// signposts at a time); the rest are counted.
const FLAGS_ELSEWHERE: usize = 2;

/// Today's flags for the check-in screen's saved view: each flag's title and evidence, gently,
/// wrapped to `width`, pointing to the Trends screen for suggestions. `seek_support` comes first
/// with the support text right under it, so a short screen cuts off other flags before it cuts
/// off the support text. Flags dismissed on the Trends screen are not shown, but the support
/// text of a raised `seek_support` always is: dismissing a flag never hides it.
pub fn flag_lines(app: &App, width: usize) -> Vec<ratatui::text::Line<'static>> {
    use crate::trends::FlagKind;
    use crate::ui::text::{break_long_words, hanging};
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    let theme = &app.theme;
    let Some(review) = &app.derived.review else {
        return Vec::new();
    };
    let support = |lines: &mut Vec<Line<'static>>| {
        lines.extend(hanging(
            vec![Span::styled("    Support: ", theme.label)],
            &break_long_words(
                app.journal.settings.support_text.trim(),
                width.saturating_sub(13).max(8),
            ),
            Style::default(),
            width,
        ));
    };
    let mut flags: Vec<&crate::trends::Flag> = review.flags.iter().collect();
    // Stable: the others keep SCORING.md's order.
    flags.sort_by_key(|f| f.kind != FlagKind::SeekSupport);
    let seek_support = flags
        .first()
        .is_some_and(|f| f.kind == FlagKind::SeekSupport);
    let mut lines = Vec::new();
    if flags.is_empty() {
        return lines;
    }
    lines.push(Line::raw(""));
    if app.trends.flags_dismissed {
        if seek_support {
            support(&mut lines);
        }
        return lines;
    }
    for flag in flags.iter().take(FLAGS_ELSEWHERE) {
        lines.extend(hanging(
            vec![Span::styled("  ⚑ ", theme.flag)],
            flag.kind.title(),
            theme.flag,
            width,
        ));
        lines.extend(hanging(
            vec![Span::raw("    ")],
            &flag.evidence,
            Style::default(),
            width,
        ));
        if flag.kind == FlagKind::SeekSupport {
            support(&mut lines);
        }
    }
    let pointer = match flags.len().saturating_sub(FLAGS_ELSEWHERE) {
        0 => "What might help: the Trends screen (4).".to_string(),
        n => format!("{n} more, and what might help: the Trends screen (4)."),
    };
    lines.extend(hanging(vec![Span::raw("    ")], &pointer, theme.dim, width));
    lines
}

#[cfg(test)]
mod tests {
    use super::{FormStep, form_step};
    use crate::app::keymap::FormKey;

    #[test]
    fn shared_form_keys_move_wrap_save_on_the_last_field_and_cancel_after_leaving() {
        let fields = ['a', 'b', 'c'];
        assert_eq!(
            form_step(FormKey::Next, &fields, None),
            FormStep::Focus(Some('a'))
        );
        assert_eq!(
            form_step(FormKey::Next, &fields, Some('c')),
            FormStep::Focus(Some('a'))
        );
        assert_eq!(
            form_step(FormKey::Previous, &fields, Some('a')),
            FormStep::Focus(Some('c'))
        );
        assert_eq!(
            form_step(FormKey::Enter, &fields, Some('b')),
            FormStep::Focus(Some('c'))
        );
        assert_eq!(
            form_step(FormKey::Enter, &fields, Some('c')),
            FormStep::Save
        );
        assert_eq!(form_step(FormKey::Save, &fields, Some('a')), FormStep::Save);
        assert_eq!(
            form_step(FormKey::Leave, &fields, Some('b')),
            FormStep::Focus(None)
        );
        assert_eq!(form_step(FormKey::Leave, &fields, None), FormStep::Cancel);
    }
}
