//! The reminder banner: the boundaries in force right now, above every screen ("19:40 — you
//! said: no work email after 19:00"), and `b` to hide it for the rest of that window.
//!
//! A dismissal is keyed by (boundary id, wall-clock start of the window), so it lasts exactly as
//! long as the window that was showing and the reminder returns when the next window starts,
//! with no timer to keep: the minute tick recomputes `Derived::reminders` and `lines` filters.

use crate::derived::{Derived, Reminder};
use crate::ui::component::Outcome;
use crate::ui::keymap::{Binding, ch, is_char};
use chrono::NaiveDateTime;
use std::collections::HashSet;

/// The banner never takes more rows than this, however many boundaries are in force.
const MAX_LINES: usize = 2;

#[derive(Debug, Default)]
pub struct State {
    /// Windows the user hid: (boundary id, when that window started).
    pub dismissed: HashSet<(String, NaiveDateTime)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Dismiss,
}

impl State {
    /// The reminders in force that the user has not hidden.
    fn shown<'a>(&'a self, derived: &'a Derived) -> impl Iterator<Item = &'a Reminder> {
        derived
            .reminders
            .iter()
            .filter(|r| !self.dismissed.contains(&r.window()))
    }

    /// The lines to show: one per reminder, or the first and a count when there are too many.
    pub fn lines(&self, derived: &Derived) -> Vec<String> {
        let shown: Vec<&Reminder> = self.shown(derived).collect();
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

    /// The banner's key, advertised only while the banner shows (a key that does nothing is
    /// never listed).
    pub fn bindings(&self, derived: &Derived) -> Vec<Binding<Msg>> {
        if self.shown(derived).next().is_none() {
            return Vec::new();
        }
        vec![Binding::new("b", "hide reminder", ch('b'), |k| {
            is_char(k, 'b').then_some(Msg::Dismiss)
        })]
    }

    pub fn update(&mut self, derived: &Derived, msg: Msg) -> Outcome {
        match msg {
            Msg::Dismiss => {
                let current: HashSet<(String, NaiveDateTime)> =
                    derived.reminders.iter().map(Reminder::window).collect();
                // Windows that have ended can never show again, so forgetting them keeps the
                // set as small as the list of boundaries.
                self.dismissed.retain(|k| current.contains(k));
                self.dismissed.extend(current);
                Outcome::say(
                    "Reminder hidden until its next window. The Boundaries screen still lists it.",
                )
            }
        }
    }
}
