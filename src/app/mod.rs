//! The state machine behind the terminal UI: `update(app, action) -> effects`.
//!
//! `App` holds each screen's state and routes to the screens with one exhaustive match
//! (`each_screen!`); screens never see the `App`, only a read-only `Ctx`. `update` is the only
//! code that changes the app's state; it never touches the disk, the terminal or the clock.
//! Saves and exports leave as `Effect`s, are carried out by the runtime (`tui`), and come back
//! as actions (`Saved`, `SaveFailed`), so the status line only ever says what really happened.
//! The journal in memory changes only when a save has succeeded.

pub use crate::ui::component::{Effect, Hint, Status};
pub use frame::render;

use crate::derived::Derived;
use crate::journal::{Journal, journal_day};
use crate::screens::{self, Screen};
use crate::ui::component::{Component, Ctx, Leave, Outcome};
use crate::ui::keymap::{self, Binding, ch, ctrl, is_char, is_ctrl, plain};
use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use std::path::PathBuf;

/// Something that happened: a key, the clock, the terminal's size, or the result of an effect.
#[derive(Debug)]
pub enum Action {
    Key(KeyEvent),
    /// A bracketed paste: the text goes whole into the focused text field, never as keys.
    Paste(String),
    /// The clock moved on (sent before every key, and at least once a minute).
    Tick(DateTime<FixedOffset>),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A frame is on screen and nothing is waiting: time for work kept off the first frame
    /// (the patterns report, when it is missing).
    Idle,
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
    /// Someone else wrote the journal (a command, a sync tool, an editor): this is it now.
    Reloaded {
        journal: Box<Journal>,
    },
    /// The journal on disk can no longer be read: nothing may overwrite it.
    DiskUnreadable {
        why: String,
        backups: Vec<screens::recovery::Backup>,
    },
}

/// An overlay drawn above the current screen; it takes the keys while open.
#[derive(Debug)]
pub enum Overlay {
    /// The help overlay, with how far its key list is scrolled.
    Help { scroll: usize },
    /// Boxed: the dialog's fields are far larger than the other variants.
    Export(Box<screens::export::State>),
    /// A form with unsaved changes is being left: Save / Discard / Keep editing.
    Leave(LeaveQuestion),
}

/// The question asked before a changed form is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaveQuestion {
    /// The screen whose form holds the changes.
    pub screen: Screen,
    pub why: Why,
    /// When it was asked: a question that pops up by itself (a new day) lets keys typed in the
    /// same second through to the form, so typing on never answers it by accident.
    pub asked_at: DateTime<FixedOffset>,
}

/// Why a changed form is being left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// `q` or `Ctrl-C`.
    Quit,
    /// The day rolled over under an open form of the previous day.
    NewDay,
    /// The form asked (`Esc` with no field focused, `t` back to today).
    Form(Leave),
}

impl LeaveQuestion {
    pub fn text(&self) -> String {
        let what = match self.screen {
            Screen::CheckIn => "This check-in",
            Screen::Connections => "This connection",
            Screen::Boundaries => "This boundary",
            Screen::Settings => "The settings",
            Screen::Trends | Screen::Journal => "This form",
        };
        match self.why {
            Why::NewDay => format!("A new day began. {what} has unsaved changes."),
            Why::Quit | Why::Form(_) => format!("{what} has unsaved changes."),
        }
    }
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
    /// The terminal's size as of the last resize; zero before the first.
    pub size: (u16, u16),
    pub mode: Mode,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    /// Shown once, on a first run.
    pub welcome: bool,
    pub theme: crate::ui::theme::Theme,
    pub derived: Derived,
    pub check_in: screens::check_in::State,
    pub connections: screens::connections::State,
    pub boundaries: screens::boundaries::State,
    pub trends: screens::trends::State,
    pub journal_view: screens::journal::State,
    pub settings: screens::settings::State,
    pub banner: banner::State,
    pub should_quit: bool,
    /// What to do once the save started from the leave question lands.
    pub after_save: Option<LeaveQuestion>,
    /// When a letter last went nowhere in a form: keys typed within a second after it are taken
    /// as the same typing and change nothing.
    pub stray_at: Option<DateTime<FixedOffset>>,
}

/// The read-only view every screen gets, built from the app's fields (a macro, not a method, so
/// the borrow stays on those fields and a screen's own state can be borrowed mutably beside it).
macro_rules! ctx {
    ($app:expr) => {
        Ctx {
            journal: &$app.journal,
            journal_path: &$app.journal_path,
            derived: &$app.derived,
            today: $app.today,
            now: $app.now,
            theme: &$app.theme,
            welcome: $app.welcome,
            flags_dismissed: $app.trends.flags_dismissed,
            area: $crate::app::frame::body_area($app),
        }
    };
}

/// Runs `$body` with `$screen` bound to the state of screen `$which` and `$ctx` to the `Ctx`:
/// the one exhaustive match that routes to screens, so a new `Screen` variant cannot be
/// half-wired. `each_screen!` (the current screen) and `all_screens!` are built on it.
macro_rules! on_screen {
    ($app:expr, $which:expr, |$screen:ident, $ctx:ident| $body:expr) => {{
        let which: Screen = $which;
        let app = $app;
        let $ctx = ctx!(app);
        match which {
            Screen::CheckIn => {
                let $screen = &mut app.check_in;
                $body
            }
            Screen::Connections => {
                let $screen = &mut app.connections;
                $body
            }
            Screen::Boundaries => {
                let $screen = &mut app.boundaries;
                $body
            }
            Screen::Trends => {
                let $screen = &mut app.trends;
                $body
            }
            Screen::Journal => {
                let $screen = &mut app.journal_view;
                $body
            }
            Screen::Settings => {
                let $screen = &mut app.settings;
                $body
            }
        }
    }};
}

/// `on_screen!` for the current screen.
macro_rules! each_screen {
    ($app:expr, |$screen:ident, $ctx:ident| $body:expr) => {{
        let app = $app;
        let which = app.screen;
        on_screen!(app, which, |$screen, $ctx| $body)
    }};
}

/// `on_screen!` for every screen in turn (saves reach all of them: any form may have started one).
macro_rules! all_screens {
    ($app:expr, |$screen:ident, $ctx:ident| $body:expr) => {{
        let app = $app;
        for which in Screen::ALL {
            on_screen!(&mut *app, which, |$screen, $ctx| $body);
        }
    }};
}

pub mod banner;
pub mod frame;
pub mod help;

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
            banner: banner::State::default(),
            derived: Derived::default(),
            journal,
            journal_path,
            now,
            today,
            size: (0, 0),
            mode: Mode::Normal,
            screen: Screen::CheckIn,
            overlay: None,
            status: None,
            welcome: first_run,
            theme,
            should_quit: false,
            after_save: None,
            stray_at: None,
        };
        app.refresh();
        app.open_journal();
        app
    }

    /// The recovery screen for a journal that could not be read, listing its `backups`.
    pub fn recovery(
        journal_path: PathBuf,
        reason: String,
        backups: Vec<screens::recovery::Backup>,
        now: DateTime<FixedOffset>,
        theme: crate::ui::theme::Theme,
    ) -> App {
        let mut app = App::new(Journal::default(), journal_path, now, false, theme);
        app.mode = Mode::Recovery(screens::recovery::State::new(reason, backups));
        app
    }

    /// Recomputes everything derived from the journal and the clock. The patterns report is
    /// dropped (the journal may have changed); `Action::Idle` computes it again.
    pub fn refresh(&mut self) {
        self.today = journal_day(&self.now, self.journal.settings.day_starts_at);
        self.derived = Derived::compute(&self.journal, self.now, self.today, self.trends.weeks);
    }

    /// `refresh` for the clock alone (the journal is unchanged): the patterns report is kept
    /// unless the day changed.
    fn refresh_clock(&mut self) {
        let insights = self.derived.insights.take();
        self.refresh();
        if insights.as_ref().is_some_and(|r| r.today == self.today) {
            self.derived.insights = insights;
        }
    }

    /// True when the patterns report is still to be computed (the runtime then sends
    /// `Action::Idle` after drawing).
    pub fn wants_idle(&self) -> bool {
        matches!(self.mode, Mode::Normal) && self.derived.insights.is_none()
    }

    /// Computes the patterns report if it is missing.
    fn ensure_insights(&mut self) {
        self.derived.ensure_insights(&self.journal, self.today);
    }

    /// The screens that show the journal as a whole start from it: today's check-in, the
    /// saved settings.
    fn open_journal(&mut self) {
        let ctx = ctx!(self);
        self.check_in.open_today(&ctx);
        self.settings = screens::settings::State::from(&self.journal.settings);
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

    /// What every screen reads, as of now.
    pub fn ctx(&self) -> Ctx<'_> {
        ctx!(self)
    }

    /// The current screen's key hints (or the open dialog's), straight from the keymap that
    /// handles its keys.
    pub fn hints(&self) -> Vec<Hint> {
        self.hints_in(&ctx!(self))
    }

    /// The same, for a screen drawn as `ctx` says (the frame being drawn knows its own size).
    pub fn hints_in(&self, ctx: &Ctx) -> Vec<Hint> {
        let ctx = *ctx;
        if let Some(Overlay::Export(state)) = &self.overlay {
            return state.hints(&ctx);
        }
        match self.screen {
            Screen::CheckIn => self.check_in.hints(&ctx),
            Screen::Connections => self.connections.hints(&ctx),
            Screen::Boundaries => self.boundaries.hints(&ctx),
            Screen::Trends => self.trends.hints(&ctx),
            Screen::Journal => self.journal_view.hints(&ctx),
            Screen::Settings => self.settings.hints(&ctx),
        }
    }

    /// True where printable keys are not the global keys: a text field has focus, or a y/n
    /// question takes every key.
    pub fn text_focused(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Export(state)) => return state.text_focused(),
            Some(Overlay::Leave(_)) => return true,
            Some(Overlay::Help { .. }) | None => {}
        }
        match self.screen {
            Screen::CheckIn => self.check_in.text_focused(),
            Screen::Connections => self.connections.text_focused(),
            Screen::Boundaries => self.boundaries.text_focused(),
            Screen::Trends => self.trends.text_focused(),
            Screen::Journal => self.journal_view.text_focused(),
            Screen::Settings => self.settings.text_focused(),
        }
    }

    /// True below the smallest size the UI draws at: then only quit and resize act.
    pub fn too_small(&self) -> bool {
        let (width, height) = self.size;
        width > 0 && (width < frame::MIN_WIDTH || height < frame::MIN_HEIGHT)
    }

    /// Applies a screen's answer: the status line, where to go, and the effects to carry out.
    fn apply(&mut self, outcome: Outcome) -> Vec<Effect> {
        if let Some(status) = outcome.status {
            self.status = Some(status);
        }
        if let Some(leave) = outcome.ask_leave {
            self.overlay = Some(Overlay::Leave(LeaveQuestion {
                screen: self.screen,
                why: Why::Form(leave),
                asked_at: self.now,
            }));
        }
        if let Some(date) = outcome.open_day {
            let ctx = ctx!(self);
            self.check_in.open_day(&ctx, date);
            self.screen = Screen::CheckIn;
        }
        if outcome.close {
            self.overlay = None;
        }
        // The Trends screen changed how many weeks it shows: only the review depends on that.
        if self.trends.weeks != self.derived.review_weeks {
            self.derived
                .set_review_weeks(&self.journal, self.today, self.trends.weeks);
        }
        outcome.effects
    }
}

/// Applies one action and returns the effects for the runtime to carry out.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => on_key(app, key),
        Action::Paste(text) => on_paste(app, &text),
        Action::Tick(now) => {
            let before = (app.today, app.now.timestamp() / 60);
            app.now = now;
            // Figures change by the minute at most; a key's exact time needs no recompute.
            if now.timestamp() / 60 != before.1 {
                app.refresh_clock();
            }
            if app.today != before.0 {
                all_screens!(&mut *app, |screen, ctx| screen.day_changed(&ctx, before.0));
                // A changed form of the day that ended stays; ask what to do with it.
                let ctx = ctx!(app);
                let yesterday_draft = app
                    .check_in
                    .form
                    .as_ref()
                    .is_some_and(|f| f.date == before.0)
                    && app.check_in.draft_changed(&ctx);
                if yesterday_draft && !matches!(app.overlay, Some(Overlay::Leave(_))) {
                    app.overlay = Some(Overlay::Leave(LeaveQuestion {
                        screen: Screen::CheckIn,
                        why: Why::NewDay,
                        asked_at: now,
                    }));
                }
            }
            Vec::new()
        }
        Action::Resize(width, height) => {
            app.size = (width, height);
            Vec::new()
        }
        Action::Idle => {
            if matches!(app.mode, Mode::Normal) {
                app.ensure_insights();
            }
            Vec::new()
        }
        Action::Saved { journal, what } => {
            app.journal = *journal;
            app.refresh();
            app.welcome = false;
            all_screens!(&mut *app, |screen, ctx| screen.saved(&ctx));
            app.say(format!("{what} — saved to {}", app.journal_path.display()));
            match app.after_save.take() {
                Some(question) => after_leaving(app, question),
                None => Vec::new(),
            }
        }
        Action::SaveFailed { why } => {
            app.after_save = None;
            all_screens!(&mut *app, |screen, _ctx| screen.save_failed());
            app.warn(format!(
                "Not saved: {why}. Your entry is still here; try Ctrl-S again."
            ));
            Vec::new()
        }
        Action::Exported { path } => {
            if let Some(Overlay::Export(state)) = &mut app.overlay {
                state.exported(&path);
            }
            app.say(format!("Exported to {path}"));
            Vec::new()
        }
        Action::ExportFailed { why, file_exists } => {
            // The open dialog shows the whole reason (paths can be long); the one-line status
            // only points at it.
            if let Some(Overlay::Export(state)) = &mut app.overlay {
                state.failed(&why, file_exists);
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
            app.open_journal();
            app.say(what);
            Vec::new()
        }
        Action::RecoveryFailed { why } => {
            app.warn(why);
            Vec::new()
        }
        Action::Reloaded { journal } => {
            let old = std::mem::replace(&mut app.journal, *journal);
            app.refresh();
            if let Mode::Recovery(_) = app.mode {
                // Someone repaired the file (by hand, a sync): it reads again.
                app.mode = Mode::Normal;
                app.open_journal();
                app.say("The journal reads again; this is it.");
                return Vec::new();
            }
            all_screens!(&mut *app, |screen, ctx| screen.journal_changed(
                &Ctx {
                    journal: &old,
                    ..ctx
                },
                &ctx
            ));
            app.say(
                "The journal changed outside this window; this is its new version (anything unsaved here is kept).",
            );
            Vec::new()
        }
        Action::DiskUnreadable { why, backups } => {
            app.mode = Mode::Recovery(screens::recovery::State::new(why, backups));
            app.warn("The journal on disk can no longer be read; rekindle wrote nothing to it.");
            Vec::new()
        }
    }
}

/// `update` at the moment `now`: the runtime reads the clock once per action and hands it in,
/// so what an action records (`recorded_at`) is exact to the second.
pub fn update_at(app: &mut App, now: DateTime<FixedOffset>, action: Action) -> Vec<Effect> {
    let mut effects = update(app, Action::Tick(now));
    effects.extend(update(app, action));
    effects
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Mode::Recovery(state) = &mut app.mode {
        if is_ctrl(&key, 'c') {
            app.should_quit = true;
            return vec![Effect::Quit];
        }
        let outcome = state.on_key(&key);
        if outcome.effects.contains(&Effect::Quit) {
            app.should_quit = true;
        }
        return app.apply(outcome);
    }
    if let Some(Overlay::Leave(question)) = app.overlay {
        return on_leave_key(app, question, &key);
    }
    // Ctrl-C quits from anywhere, whatever has focus; a changed form asks first.
    if is_ctrl(&key, 'c') {
        return quit(app);
    }
    // Too small to draw: only quit (and resize) act.
    if app.too_small() {
        return if is_char(&key, 'q') {
            quit(app)
        } else {
            Vec::new()
        };
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
    // A character typed within a second of a letter that went nowhere is the same typing: it
    // changes nothing (a sentence typed on a rating neither sets it nor moves the focus). A key
    // that types nothing (an arrow, Esc, Enter) ends the typing.
    if !keymap::is_typing(&key) {
        app.stray_at = None;
    }
    if keymap::is_typing(&key)
        && let Some(hint) = typing_hint(app)
        && app
            .stray_at
            .is_some_and(|at| (app.now - at).num_seconds().abs() <= STRAY_SECONDS)
    {
        return stray(app, hint);
    }
    if let Some(outcome) = each_screen!(&mut *app, |screen, ctx| screen.on_key(&ctx, &key)) {
        return app.apply(outcome);
    }
    let captures_digits = each_screen!(&mut *app, |screen, _ctx| screen.captures_digits());
    if captures_digits && keymap::digit(&key).is_some() {
        return Vec::new();
    }
    if let Some(msg) = keymap::lookup(&app.banner.bindings(&app.derived), &key) {
        let outcome = app.banner.update(&app.derived, msg);
        return app.apply(outcome);
    }
    match keymap::lookup(&global_bindings(), &key) {
        Some(msg) => on_global(app, msg),
        // In a form, a letter that is no key of the focused field changes nothing, and the
        // status line says where typing goes.
        None if keymap::is_typing(&key) => match typing_hint(app) {
            Some(hint) => stray(app, hint),
            None => Vec::new(),
        },
        None => Vec::new(),
    }
}

/// How long after a stray letter further characters count as the same typing (whole seconds,
/// as the clock counts them).
const STRAY_SECONDS: i64 = 1;

fn stray(app: &mut App, hint: &str) -> Vec<Effect> {
    app.stray_at = Some(app.now);
    app.say(format!("Typing goes in a text field: {hint}"));
    Vec::new()
}

/// Where typing goes, when the current screen has a form open with a field that takes no
/// letters focused.
fn typing_hint(app: &mut App) -> Option<&'static str> {
    each_screen!(app, |screen, _ctx| screen.typing_hint())
}

/// A bracketed paste: whole into the focused text field, or ignored with a word on where to
/// paste. Never run as keys.
fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    if app.too_small() || matches!(app.mode, Mode::Recovery(_)) {
        return Vec::new();
    }
    let pasted = match &mut app.overlay {
        Some(Overlay::Export(state)) => state.paste(text),
        Some(Overlay::Help { .. } | Overlay::Leave(_)) => Err("a text field"),
        None => each_screen!(&mut *app, |screen, _ctx| screen.paste(text)),
    };
    match pasted {
        Err(target) => app.say(format!("{PASTE_IGNORED} move to {target} to paste")),
        // The advice was followed: it no longer applies.
        Ok(())
            if app
                .status
                .as_ref()
                .is_some_and(|s| s.text.starts_with(PASTE_IGNORED)) =>
        {
            app.status = None
        }
        Ok(()) => {}
    }
    Vec::new()
}

/// How the status line starts when a paste went nowhere.
const PASTE_IGNORED: &str = "Paste ignored:";

/// `q` or `Ctrl-C`: quits, unless a form holds unsaved changes; then the first such form is
/// shown with the question (Save / Discard / Keep editing).
fn quit(app: &mut App) -> Vec<Effect> {
    let first = std::iter::once(app.screen)
        .chain(Screen::ALL)
        .find(|screen| draft_changed(app, *screen));
    match first {
        Some(screen) => {
            app.screen = screen;
            app.overlay = Some(Overlay::Leave(LeaveQuestion {
                screen,
                why: Why::Quit,
                asked_at: app.now,
            }));
            Vec::new()
        }
        None => {
            app.should_quit = true;
            vec![Effect::Quit]
        }
    }
}

/// The leave question takes the keys: `s` saves, `d` discards, `k` or `Esc` (or any other key)
/// keeps editing; `Ctrl-C` again quits without saving.
fn on_leave_key(app: &mut App, question: LeaveQuestion, key: &KeyEvent) -> Vec<Effect> {
    if is_ctrl(key, 'c') {
        app.should_quit = true;
        return vec![Effect::Quit];
    }
    // A question that popped up by itself: a key in the same second was typed before it was
    // seen, so it goes to the form and the question steps aside.
    if question.why == Why::NewDay && (app.now - question.asked_at).num_seconds().abs() < 1 {
        app.overlay = None;
        keep_editing(app, question);
        return on_key(app, *key);
    }
    app.overlay = None;
    if is_char(key, 's') || is_char(key, 'S') {
        app.screen = question.screen;
        let outcome = save_draft(app, question.screen);
        let effects = app.apply(outcome);
        if effects.iter().any(|e| matches!(e, Effect::Save { .. })) {
            app.after_save = Some(question);
        }
        return effects;
    }
    if is_char(key, 'd') || is_char(key, 'D') {
        discard_draft(app, question);
        return after_leaving(app, question);
    }
    keep_editing(app, question);
    Vec::new()
}

fn keep_editing(app: &mut App, question: LeaveQuestion) {
    app.screen = question.screen;
    match question.why {
        Why::NewDay => {
            let date = app.check_in.form.as_ref().map(|f| f.date);
            let date = date.map(|d| d.format("%a %-d %b %Y").to_string());
            app.say(format!(
                "A new day began; still editing {} (not saved). t goes to today.",
                date.unwrap_or_default()
            ));
        }
        Why::Quit | Why::Form(_) => app.say("Kept editing; nothing was saved or lost."),
    }
}

/// The draft was saved or discarded: finish what the question interrupted.
fn after_leaving(app: &mut App, question: LeaveQuestion) -> Vec<Effect> {
    match question.why {
        Why::Quit => quit(app),
        Why::NewDay | Why::Form(Leave::Today) => {
            let ctx = ctx!(app);
            app.check_in.open_today(&ctx);
            Vec::new()
        }
        Why::Form(Leave::Cancel) => Vec::new(),
    }
}

/// True when `screen` holds a form with values not saved yet.
fn draft_changed(app: &mut App, screen: Screen) -> bool {
    on_screen!(app, screen, |state, ctx| state.draft_changed(&ctx))
}

/// Saves `screen`'s form as its own `Ctrl-S` does (a form that does not validate stays, with
/// its reason on the status line).
fn save_draft(app: &mut App, screen: Screen) -> Outcome {
    on_screen!(app, screen, |state, ctx| state.save_draft(&ctx))
}

/// Drops `question.screen`'s unsaved values.
fn discard_draft(app: &mut App, question: LeaveQuestion) {
    let to_today = matches!(question.why, Why::NewDay | Why::Form(Leave::Today));
    on_screen!(&mut *app, question.screen, |state, ctx| state
        .discard_draft(&ctx, to_today));
    app.say("Discarded the changes; nothing was saved.");
}

fn on_global(app: &mut App, msg: GlobalMsg) -> Vec<Effect> {
    match msg {
        GlobalMsg::NextScreen => go_to(app, app.screen.next()),
        GlobalMsg::PreviousScreen => go_to(app, app.screen.previous()),
        GlobalMsg::GoTo(screen) => go_to(app, screen),
        GlobalMsg::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        GlobalMsg::Export => {
            app.overlay = Some(Overlay::Export(Box::new(screens::export::State::new(
                app.today,
            ))));
        }
        GlobalMsg::Quit => return quit(app),
    }
    Vec::new()
}

/// Switches to `screen`. Screen 1 comes back to today (a past day's unsaved changes stay, and
/// the status line says so); Settings comes with its first field focused.
fn go_to(app: &mut App, screen: Screen) {
    let arriving = app.screen != screen;
    app.screen = screen;
    if !arriving {
        return;
    }
    // The Trends screen shows the patterns: compute them now if the idle moment has not yet.
    if screen == Screen::Trends {
        app.ensure_insights();
    }
    if let Some(note) = on_screen!(&mut *app, screen, |state, ctx| state.arrived(&ctx)) {
        app.say(note);
    }
}

fn on_overlay_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let ctx = ctx!(app);
    match &mut app.overlay {
        Some(Overlay::Help { scroll }) => {
            if is_char(key, 'q') || is_char(key, '?') || key.code == KeyCode::Esc {
                app.overlay = None;
            } else if keymap::is_down(key) {
                // Rendering stops at the end of the list; this only bounds the number.
                *scroll = (*scroll + 1).min(help::MAX_SCROLL);
            } else if keymap::is_up(key) {
                *scroll = scroll.saturating_sub(1);
            }
            Vec::new()
        }
        Some(Overlay::Export(state)) => {
            let outcome = state.on_key(&ctx, key).unwrap_or_default();
            app.apply(outcome)
        }
        Some(Overlay::Leave(_)) | None => Vec::new(),
    }
}
