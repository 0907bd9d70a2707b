//! The contract between the app and its screens (and dialogs): a screen owns its state, reads
//! the world through a read-only `Ctx`, and answers a message with an `Outcome` — the effects
//! for the runtime, the status line, where to go next. It never sees the whole app, never
//! touches the disk, the terminal or the clock, and its `render` only reads.
//!
//! `Component` makes that shape a compile-time contract; the app drives every screen through it
//! with one exhaustive match, so a new screen cannot be half-wired.

use super::keymap::{self, Binding};
use super::theme::Theme;
use crate::derived::Derived;
use crate::journal::Journal;
use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What every screen may read: the journal as saved, the figures derived from it, the clock as
/// of the action being handled, and how to draw.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub journal: &'a Journal,
    /// Where the journal lives, for messages that say where something was saved or kept.
    pub journal_path: &'a std::path::Path,
    pub derived: &'a Derived,
    /// The journal day `now` belongs to under `settings.day_starts_at`.
    pub today: NaiveDate,
    /// When the action being handled happened (exact to the second), so `recorded_at` is too.
    pub now: DateTime<FixedOffset>,
    pub theme: &'a Theme,
    /// A first run: the check-in screen greets once.
    pub welcome: bool,
    /// Today's flags were dismissed on the Trends screen; elsewhere they then stay quiet.
    pub flags_dismissed: bool,
    /// Where the screen is drawn, as of the last resize (empty before the first), so `update`
    /// can bound scrolling without `render` writing anything back.
    pub area: Rect,
}

/// Work for the runtime: the only ways the app reaches the disk or ends.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save this journal (the current one with the user's change applied); `what` describes the
    /// change for the status line.
    Save {
        journal: Box<crate::journal::Journal>,
        what: String,
    },
    Export(crate::export::Request),
    /// Restore this backup (one the recovery screen listed and the person picked).
    RestoreBackup(std::path::PathBuf),
    MoveAside,
    Quit,
}

impl Effect {
    pub fn save(journal: Journal, what: impl Into<String>) -> Effect {
        Effect::Save {
            journal: Box::new(journal),
            what: what.into(),
        }
    }
}

/// What the status line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// A screen's answer to one message.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub effects: Vec<Effect>,
    /// Replaces the status line when set.
    pub status: Option<Status>,
    /// Open this day in the check-in form (the Journal screen's `Enter`).
    pub open_day: Option<NaiveDate>,
    /// A dialog asks to be closed.
    pub close: bool,
    /// The form was asked to close but holds unsaved changes: the app asks "Save / Discard /
    /// Keep editing" first, and does the leaving itself once answered.
    pub ask_leave: Option<Leave>,
}

/// How a form with unsaved changes was asked to close (the answer "Discard" then does this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// `Esc` with no field focused: cancel the edit.
    Cancel,
    /// `t` on a past day: back to today.
    Today,
}

impl Outcome {
    /// Handled, with nothing more to do.
    pub fn done() -> Outcome {
        Outcome::default()
    }

    pub fn say(text: impl Into<String>) -> Outcome {
        Outcome {
            status: Some(Status {
                text: text.into(),
                is_error: false,
            }),
            ..Outcome::default()
        }
    }

    pub fn warn(text: impl Into<String>) -> Outcome {
        Outcome {
            status: Some(Status {
                text: text.into(),
                is_error: true,
            }),
            ..Outcome::default()
        }
    }

    /// The form asks the app to ask before it closes with unsaved changes.
    pub fn ask_leave(leave: Leave) -> Outcome {
        Outcome {
            ask_leave: Some(leave),
            ..Outcome::default()
        }
    }

    pub fn effect(effect: Effect) -> Outcome {
        Outcome {
            effects: vec![effect],
            ..Outcome::default()
        }
    }

    /// Save `journal`; `what` becomes the status line once the save has landed.
    pub fn save(journal: Journal, what: impl Into<String>) -> Outcome {
        Outcome::effect(Effect::save(journal, what))
    }
}

/// One advertised key of a screen, for the footer, the help overlay and the test that presses
/// every advertised key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub does: &'static str,
    pub in_footer: bool,
    pub example: KeyEvent,
}

impl Hint {
    pub fn of<M>(bindings: &[Binding<M>]) -> Vec<Hint> {
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
}

/// A screen or dialog: its own state, driven by messages, drawn from its state and the `Ctx`.
pub trait Component {
    type Msg: 'static;

    /// The keymap: decides what a key does, fills the footer and the help.
    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Self::Msg>>;

    fn update(&mut self, ctx: &Ctx, msg: Self::Msg) -> Outcome;

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect);

    /// Gives the key to the component. `None` means it did not use it, so the app's keys get
    /// their turn. Components with a text field override this to let the field take keys first.
    fn on_key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Option<Outcome> {
        let msg = keymap::lookup(&self.bindings(ctx), key)?;
        Some(self.update(ctx, msg))
    }

    fn hints(&self, ctx: &Ctx) -> Vec<Hint> {
        Hint::of(&self.bindings(ctx))
    }

    /// True where a digit means a value (a focused rating or text field), not a screen switch.
    fn captures_digits(&self) -> bool {
        false
    }

    /// True where printable keys are not the app's keys: a text field has focus, or a y/n
    /// question takes every key.
    fn text_focused(&self) -> bool {
        false
    }

    /// A save has landed (`ctx` holds the saved journal): a form that started it closes.
    fn saved(&mut self, _ctx: &Ctx) {}

    /// A save failed: a form that started it stays open and is no longer "saving", so a later
    /// save from elsewhere is not mistaken for its own.
    fn save_failed(&mut self) {}

    /// A bracketed paste: whole into the focused text field. `Err` names where pasting works
    /// ("the note"), for the status line; nothing changed.
    fn paste(&mut self, _text: &str) -> Result<(), &'static str> {
        Err("a text field")
    }

    /// Where typing goes, when a form is open with a field that takes no letters focused.
    fn typing_hint(&self) -> Option<&'static str> {
        None
    }

    /// True when a form holds values not saved yet (leaving it asks first).
    fn draft_changed(&self, _ctx: &Ctx) -> bool {
        false
    }

    /// Saves the open form as its own `Ctrl-S` does.
    fn save_draft(&mut self, _ctx: &Ctx) -> Outcome {
        Outcome::done()
    }

    /// Drops the unsaved values; `to_today` when leaving for today's page (the day rolled over).
    fn discard_draft(&mut self, _ctx: &Ctx, _to_today: bool) {}

    /// The person switched to this screen; a word for the status line, if any.
    fn arrived(&mut self, _ctx: &Ctx) -> Option<String> {
        None
    }

    /// Someone else wrote the journal (`old` is what the app had, `new` what it holds now): a
    /// form nobody touched follows the new version; one with a draft keeps it.
    fn journal_changed(&mut self, _old: &Ctx, _new: &Ctx) {}

    /// The journal day changed under an open app (`day_starts_at` passed).
    fn day_changed(&mut self, _ctx: &Ctx, _previous: NaiveDate) {}
}
