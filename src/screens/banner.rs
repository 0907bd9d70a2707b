//! The reminder banner: the boundaries in force right now, above every screen ("19:40 — you
//! said: no work email after 19:00"), and `b` to hide it for the rest of that window.
//!
//! A dismissal is keyed by (boundary id, wall-clock start of the window), so it lasts exactly as
//! long as the window that was showing and the reminder returns when the next window starts,
//! with no timer to keep: the minute tick recomputes `Derived::reminders` and `lines` filters.

use crate::app::keymap::{Binding, ch, is_char};
use crate::app::{App, Effect};
use crate::journal::Journal;
use crate::reminders;
use chrono::NaiveDateTime;
use crossterm::event::KeyEvent;
use std::collections::HashSet;

/// The banner never takes more rows than this, however many boundaries are in force.
const MAX_LINES: usize = 2;

#[derive(Debug, Default)]
pub struct State {
    /// Windows the user hid: (boundary id, when that window started).
    pub dismissed: HashSet<(String, NaiveDateTime)>,
}

/// A boundary in force now, as the banner shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub id: String,
    pub line: String,
    pub window_start: NaiveDateTime,
}

impl Reminder {
    /// The active boundaries in force at the wall-clock moment `now`, in the journal's order.
    pub fn all_in_force(journal: &Journal, now: NaiveDateTime) -> Vec<Reminder> {
        journal
            .boundaries
            .iter()
            .filter_map(|b| {
                reminders::window_started(b, now).map(|window_start| Reminder {
                    id: b.id.clone(),
                    line: reminders::reminder_line(b, now),
                    window_start,
                })
            })
            .collect()
    }

    fn key(&self) -> (String, NaiveDateTime) {
        (self.id.clone(), self.window_start)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Dismiss,
}

/// The reminders in force that the user has not hidden.
fn shown(app: &App) -> impl Iterator<Item = &Reminder> {
    app.derived
        .reminders
        .iter()
        .filter(|r| !app.banner.dismissed.contains(&r.key()))
}

/// The lines to show: one per reminder, or the first and a count when there are too many.
pub fn lines(app: &App) -> Vec<String> {
    let shown: Vec<&Reminder> = shown(app).collect();
    if shown.len() <= MAX_LINES {
        return shown.iter().map(|r| r.line.clone()).collect();
    }
    vec![
        shown[0].line.clone(),
        format!(
            "and {} more boundaries in force (3 Boundaries)",
            shown.len() - 1
        ),
    ]
}

/// The banner's key, advertised only while the banner shows (a key that does nothing is never
/// listed).
pub fn bindings(app: &App) -> Vec<Binding<Msg>> {
    if shown(app).next().is_none() {
        return Vec::new();
    }
    vec![Binding::new("b", "hide reminder", ch('b'), |k| {
        is_char(k, 'b').then_some(Msg::Dismiss)
    })]
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let msg = crate::app::keymap::lookup(&bindings(app), key)?;
    Some(update(app, msg))
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Dismiss => {
            let current: HashSet<(String, NaiveDateTime)> =
                app.derived.reminders.iter().map(Reminder::key).collect();
            // Windows that have ended can never show again, so forgetting them keeps the set
            // as small as the list of boundaries.
            app.banner.dismissed.retain(|k| current.contains(k));
            app.banner.dismissed.extend(current);
            app.say("Reminder hidden until its next window. The Boundaries screen still lists it.");
        }
    }
    Vec::new()
}
