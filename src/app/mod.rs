//! The state machine behind the terminal UI: `update(app, action) -> effects`.
//!
//! `update` is the only code that changes the app's state; it never touches the disk, the
//! terminal or the clock. Saves and exports leave as `Effect`s, are carried out by the runtime
//! (`tui`), and come back as actions (`Saved`, `SaveFailed`), so the status line only ever says
//! what really happened. The journal in memory changes only when a save has succeeded.

pub mod keymap;
pub mod text_input;

use crate::journal::{Journal, journal_day};
use crate::screens::{self, Screen};
use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use keymap::{Binding, ch, ctrl, is_char, is_ctrl, plain};
use std::path::PathBuf;

/// Something that happened: a key, the minute tick, or the result of an effect.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    /// The clock moved on (sent at least once a minute).
    Tick(DateTime<FixedOffset>),
    Saved {
        journal: Box<Journal>,
        what: String,
    },
    SaveFailed {
        why: String,
    },
    Exported {
        path: String,
    },
    ExportFailed {
        why: String,
        /// The file exists: the dialog asks before overwriting it.
        file_exists: bool,
    },
    /// A damaged journal was restored or moved aside; the app continues with `journal`.
    Recovered {
        journal: Box<Journal>,
        what: String,
    },
    RecoveryFailed {
        why: String,
    },
}

/// Work for the runtime: the only ways the app reaches the disk or ends.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save this journal (the current one with the user's change applied); `what` describes the
    /// change for the status line.
    Save {
        journal: Box<Journal>,
        what: String,
    },
    Export(screens::export::Request),
    RestoreBackup,
    MoveAside,
    Quit,
}

/// What the status line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// An overlay drawn above the current screen; it takes the keys while open.
#[derive(Debug)]
pub enum Overlay {
    /// The help overlay, with how far its key list is scrolled.
    Help { scroll: usize },
    /// Boxed: the dialog's fields are far larger than the other variants.
    Export(Box<screens::export::State>),
}

/// Normal operation, or the recovery screen for a journal that could not be read.
#[derive(Debug)]
pub enum Mode {
    Normal,
    Recovery(screens::recovery::State),
}

/// Everything the UI shows, and nothing it does not.
#[derive(Debug)]
pub struct App {
    pub journal: Journal,
    pub journal_path: PathBuf,
    pub now: DateTime<FixedOffset>,
    /// The journal day `now` belongs to under `settings.day_starts_at`.
    pub today: NaiveDate,
    pub mode: Mode,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    /// Shown once, on a first run.
    pub welcome: bool,
    pub theme: crate::ui::theme::Theme,
    pub derived: screens::Derived,
    pub check_in: screens::check_in::State,
    pub connections: screens::connections::State,
    pub boundaries: screens::boundaries::State,
    pub trends: screens::trends::State,
    pub journal_view: screens::journal::State,
    pub settings: screens::settings::State,
    pub banner: screens::banner::State,
    pub should_quit: bool,
}

/// Keys that mean the same on every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlobalMsg {
    NextScreen,
    PreviousScreen,
    GoTo(Screen),
    Help,
    Export,
    Quit,
}

pub fn global_bindings() -> Vec<Binding<GlobalMsg>> {
    vec![
        Binding::new("Tab", "next screen", plain(KeyCode::Tab), |k| {
            (k.code == KeyCode::Tab).then_some(GlobalMsg::NextScreen)
        })
        .help_only(),
        Binding::new(
            "Shift-Tab",
            "previous screen",
            plain(KeyCode::BackTab),
            |k| (k.code == KeyCode::BackTab).then_some(GlobalMsg::PreviousScreen),
        )
        .help_only(),
        Binding::new("1–6", "go to a screen", ch('5'), |k| {
            keymap::digit(k).and_then(|d| Screen::from_number(d).map(GlobalMsg::GoTo))
        })
        .help_only(),
        Binding::new("x", "export", ch('x'), |k| {
            is_char(k, 'x').then_some(GlobalMsg::Export)
        })
        .help_only(),
        Binding::new("?", "help", ch('?'), |k| {
            is_char(k, '?').then_some(GlobalMsg::Help)
        }),
        Binding::new("q", "quit", ch('q'), |k| {
            is_char(k, 'q').then_some(GlobalMsg::Quit)
        }),
        Binding::new("Ctrl-C", "quit, from anywhere", ctrl('c'), |k| {
            is_ctrl(k, 'c').then_some(GlobalMsg::Quit)
        })
        .help_only(),
    ]
}

impl App {
    /// The app on a journal that loaded; `first_run` when there was no file yet.
    pub fn new(
        journal: Journal,
        journal_path: PathBuf,
        now: DateTime<FixedOffset>,
        first_run: bool,
        theme: crate::ui::theme::Theme,
    ) -> App {
        let today = journal_day(&now, journal.settings.day_starts_at);
        let mut app = App {
            check_in: screens::check_in::State::default(),
            connections: screens::connections::State::default(),
            boundaries: screens::boundaries::State::default(),
            trends: screens::trends::State::default(),
            journal_view: screens::journal::State::default(),
            settings: screens::settings::State::default(),
            banner: screens::banner::State::default(),
            derived: screens::Derived::default(),
            journal,
            journal_path,
            now,
            today,
            mode: Mode::Normal,
            screen: Screen::CheckIn,
            overlay: None,
            status: None,
            welcome: first_run,
            theme,
            should_quit: false,
        };
        app.refresh();
        screens::check_in::open_today(&mut app);
        app.settings = screens::settings::State::from(&app.journal.settings);
        app
    }

    /// The recovery screen for a journal that could not be read.
    pub fn recovery(
        journal_path: PathBuf,
        reason: String,
        now: DateTime<FixedOffset>,
        theme: crate::ui::theme::Theme,
    ) -> App {
        let mut app = App::new(Journal::default(), journal_path, now, false, theme);
        app.mode = Mode::Recovery(screens::recovery::State::new(reason));
        app
    }

    /// Recomputes everything derived from the journal and the clock.
    pub fn refresh(&mut self) {
        self.today = journal_day(&self.now, self.journal.settings.day_starts_at);
        self.derived =
            screens::Derived::compute(&self.journal, self.now, self.today, self.trends.weeks);
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    /// A save of `journal` with `what` as the status message once it succeeds.
    pub fn save(&self, journal: Journal, what: impl Into<String>) -> Effect {
        Effect::Save {
            journal: Box::new(journal),
            what: what.into(),
        }
    }
}

/// Applies one action and returns the effects for the runtime to carry out.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => on_key(app, key),
        Action::Tick(now) => {
            let before = app.today;
            app.now = now;
            app.refresh();
            if app.today != before {
                screens::check_in::day_rolled_over(app, before);
            }
            Vec::new()
        }
        Action::Saved { journal, what } => {
            app.journal = *journal;
            app.refresh();
            app.welcome = false;
            screens::after_save(app);
            app.say(format!("{what} — saved to {}", app.journal_path.display()));
            Vec::new()
        }
        Action::SaveFailed { why } => {
            screens::save_failed(app);
            app.warn(format!(
                "Not saved: {why}. Your entry is still here; try Ctrl-S again."
            ));
            Vec::new()
        }
        Action::Exported { path } => {
            screens::export::exported(app, &path);
            app.say(format!("Exported to {path}"));
            Vec::new()
        }
        Action::ExportFailed { why, file_exists } => {
            // The open dialog shows the whole reason (paths can be long); the one-line status
            // only points at it.
            if matches!(app.overlay, Some(Overlay::Export(_))) {
                screens::export::failed(app, &why, file_exists);
                app.warn("Export failed; the export dialog says why.");
            } else {
                app.warn(format!("Export failed: {why}"));
            }
            Vec::new()
        }
        Action::Recovered { journal, what } => {
            app.mode = Mode::Normal;
            app.journal = *journal;
            app.refresh();
            screens::check_in::open_today(app);
            app.settings = screens::settings::State::from(&app.journal.settings);
            app.say(what);
            Vec::new()
        }
        Action::RecoveryFailed { why } => {
            app.warn(why);
            Vec::new()
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // Ctrl-C always quits, whatever has focus.
    if is_ctrl(&key, 'c') {
        app.should_quit = true;
        return vec![Effect::Quit];
    }
    if let Mode::Recovery(_) = app.mode {
        return screens::recovery::on_key(app, &key);
    }
    if app.overlay.is_some() {
        return on_overlay_key(app, &key);
    }
    // Tab switches screens everywhere, even from inside a text field; the form keeps its values.
    if matches!(key.code, KeyCode::Tab | KeyCode::BackTab) {
        let msg = if key.code == KeyCode::Tab {
            GlobalMsg::NextScreen
        } else {
            GlobalMsg::PreviousScreen
        };
        return on_global(app, msg);
    }
    if let Some(effects) = screens::on_key(app, &key) {
        return effects;
    }
    if screens::captures_digits(app) && keymap::digit(&key).is_some() {
        return Vec::new();
    }
    if let Some(effects) = screens::banner::on_key(app, &key) {
        return effects;
    }
    match keymap::lookup(&global_bindings(), &key) {
        Some(msg) => on_global(app, msg),
        None => Vec::new(),
    }
}

fn on_global(app: &mut App, msg: GlobalMsg) -> Vec<Effect> {
    match msg {
        GlobalMsg::NextScreen => app.screen = app.screen.next(),
        GlobalMsg::PreviousScreen => app.screen = app.screen.previous(),
        GlobalMsg::GoTo(screen) => app.screen = screen,
        GlobalMsg::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        GlobalMsg::Export => {
            app.overlay = Some(Overlay::Export(Box::new(screens::export::State::new(app))));
        }
        GlobalMsg::Quit => {
            app.should_quit = true;
            return vec![Effect::Quit];
        }
    }
    Vec::new()
}

fn on_overlay_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    match &mut app.overlay {
        Some(Overlay::Help { scroll }) => {
            if is_char(key, 'q') || is_char(key, '?') || key.code == KeyCode::Esc {
                app.overlay = None;
            } else if keymap::is_down(key) {
                // Rendering stops at the end of the list; this only bounds the number.
                *scroll = (*scroll + 1).min(screens::help::MAX_SCROLL);
            } else if keymap::is_up(key) {
                *scroll = scroll.saturating_sub(1);
            }
            Vec::new()
        }
        Some(Overlay::Export(_)) => screens::export::on_key(app, key),
        None => Vec::new(),
    }
}

/// True when a key event carries Ctrl or Alt.
pub fn has_modifier(key: &KeyEvent) -> bool {
    key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}
