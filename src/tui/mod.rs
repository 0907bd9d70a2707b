//! The runtime around the app: open the journal, run the event loop, carry out effects (save,
//! export, recovery) and feed their results back as actions; read the clock for every action;
//! notice, about once a second, when someone else writes the journal.
//!
//! The open app holds no lock: the one-writer lock is taken only for the length of a save
//! (`Store::save_change`), so commands in another terminal finish at once, and a save lands on
//! top of whatever others wrote since the app last read the file. Two open apps behave the
//! same way towards each other.
//!
//! Start-up (issue 16): when the recent-days summary (`store::summary`) matches the journal on
//! disk, the first frame is drawn from it; the whole journal is loaded right after the first
//! frame (streamed from the file, `Store::load_lean`) and replaces it before any key is handled,
//! so nothing is ever saved from the summary. Without a usable summary the journal is loaded first, as
//! before, and a fresh summary is written after the first frame, beside today's backup.
//!
//! The only code that talks to crossterm I/O. The poll timeout doubles as the minute tick, so no
//! async runtime is needed.

mod terminal;

use crate::app::{self, Action, App, Effect, Mode};
use crate::clock::now;
use crate::error::{Exit, Failure};
use crate::journal::Journal;
use crate::screens::recovery::Backup;
use crate::store::{AsLoaded, CLI_LOCK_PATIENCE, Fingerprint, Outside, SaveError, Store};
use crate::ui::theme::Theme;
use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::IsTerminal;
use std::time::{Duration, Instant};
use terminal::{Signals, TerminalGuard};

/// How often the loop wakes without input: to notice signals and the minute changing.
const WAKE: Duration = Duration::from_millis(250);

/// How often the journal file is checked for changes made elsewhere (one `stat` each time).
const LOOK_OUTSIDE: Duration = Duration::from_secs(1);

/// What the runtime keeps beside the app: where the journal is, and what it last read of it.
struct Runtime<'a> {
    store: &'a Store,
    /// The file as the app's journal last matched it; a save compares the file with it.
    seen: Fingerprint,
}

pub fn run(store: &Store) -> Result<Exit> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::usage("the journal screen needs a terminal (stdin and stdout are not both one)")
            .with_hint("in scripts use a command such as `rekindle checkin -e 7 -c 4 -f 5`; see `rekindle --help`")
            .into());
    }
    let theme = terminal::theme_from_env();
    let started = now()?;
    // With a summary that matches the journal on disk, the first frame is drawn from the recent
    // days, then the whole journal is loaded and replaces them before any key is handled, so
    // nothing is ever saved from the summary. The load waits for the first frame rather than
    // running beside it: on two cores it would take CPU from the frame (and from the terminal
    // drawing it), and no key can arrive sooner than a person sees the screen.
    let recent = store.recent(crate::store::summary::Part::Window);
    let mut full = recent.is_some();
    let mut summarise = None;
    let (mut app, seen, mut loaded_for_backup) = match recent {
        Some(recent) => (
            App::new(
                recent.journal,
                store.paths.journal.clone(),
                started,
                false,
                theme,
            ),
            Fingerprint::Missing,
            None,
        ),
        None => {
            // No usable summary: load in full now, and write one after the first frame.
            let before = crate::store::summary::FileStat::of(&store.paths.journal);
            let opened = open(store, started, theme);
            if opened.2.is_some() {
                summarise = Some(before);
            }
            opened
        }
    };
    let mut runtime = Runtime { store, seen };
    // Copies a sync tool left beside the journal hold entries the journal may lack: say so.
    let conflicts = crate::sync::sync_conflicts(&store.paths.data_dir);
    let tell_conflicts = |app: &mut App| {
        if let Some(first) = conflicts.first() {
            let name = first.file_name().map_or_else(
                || first.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            app.warn(match conflicts.len() {
                1 => format!("A sync-conflict copy lies beside the journal ({name}): merge it with `rekindle import` (see `rekindle paths`)."),
                n => format!("{n} sync-conflict copies lie beside the journal: merge each with `rekindle import` (see `rekindle paths`)."),
            });
        }
    };
    tell_conflicts(&mut app);

    let signals = Signals::register()?;
    let guard = TerminalGuard::enter()?;
    // Buffered, so a frame reaches the terminal in a few large writes instead of many small ones.
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    let size = terminal.size()?;
    app::update(&mut app, Action::Resize(size.width, size.height));
    let mut last_minute = started.timestamp() / 60;
    let mut last_look = Instant::now();
    loop {
        terminal
            .draw(|frame| crate::app::render(&app, frame))
            .map_err(|err| signals.unless_hung_up(err))?;
        if std::mem::take(&mut full) {
            // The whole journal replaces the summary's recent days; drawn again at once.
            let (whole, seen, bytes) = open(store, started, theme);
            app = whole;
            app::update(&mut app, Action::Resize(size.width, size.height));
            tell_conflicts(&mut app);
            runtime.seen = seen;
            loaded_for_backup = bytes;
            continue;
        }
        // The day's backup waits until the first frame is on screen.
        // A journal replaced or written to since it loaded is not the journal as loaded (and a
        // word on stderr would land on the screen): the next save takes the day's backup.
        if let Some(file) = loaded_for_backup.take().filter(AsLoaded::unchanged) {
            store.backup_of(&file, started.date_naive());
        }
        // So is writing the recent-days summary for the next start.
        if let Some(before) = summarise.take() {
            store.summarise(&app.journal, before);
        }
        if app.should_quit || signals.stop_requested() {
            break;
        }
        // Work kept off the first frame (the patterns report): done now, then drawn at once.
        if app.wants_idle() {
            app::update(&mut app, Action::Idle);
            continue;
        }
        if event::poll(WAKE).map_err(|err| signals.unless_hung_up(err))? {
            let action = match event::read().map_err(|err| signals.unless_hung_up(err))? {
                Event::Key(key) if key.kind != KeyEventKind::Release => Some(Action::Key(key)),
                Event::Resize(width, height) => Some(Action::Resize(width, height)),
                Event::Paste(text) => Some(Action::Paste(text)),
                _ => None,
            };
            if let Some(action) = action {
                // Each action carries the moment it happened, so `recorded_at` is exact.
                let moment = now()?;
                last_minute = moment.timestamp() / 60;
                runtime.dispatch(&mut app, moment, action);
            }
        }
        let moment = now()?;
        if moment.timestamp() / 60 != last_minute {
            last_minute = moment.timestamp() / 60;
            runtime.dispatch(&mut app, moment, Action::Tick(moment));
        }
        if last_look.elapsed() >= LOOK_OUTSIDE {
            last_look = Instant::now();
            if let Some(action) = runtime.look_outside(&app, moment) {
                runtime.dispatch(&mut app, moment, action);
            }
        }
    }
    drop(guard);
    Ok(Exit::Ok)
}

/// Loads the whole journal and builds the app on it (the recovery screen when it does not
/// load), with what a saver compares the file with and the bytes for today's backup.
fn open(
    store: &Store,
    started: DateTime<FixedOffset>,
    theme: Theme,
) -> (App, Fingerprint, Option<AsLoaded>) {
    match store.load_lean() {
        Ok(loaded) => {
            let app = App::new(
                loaded.journal,
                store.paths.journal.clone(),
                started,
                loaded.file.is_none(),
                theme,
            );
            (app, loaded.fingerprint, loaded.file)
        }
        Err(err) => (
            App::recovery(
                store.paths.journal.clone(),
                err.reason(),
                backups(store, started),
                started,
                theme,
            ),
            Fingerprint::Missing,
            None,
        ),
    }
}

impl Runtime<'_> {
    /// Runs an action through `update` at `moment`, then each effect, feeding results back in.
    fn dispatch(&mut self, app: &mut App, moment: DateTime<FixedOffset>, action: Action) {
        let mut pending = vec![action];
        while let Some(action) = pending.pop() {
            for effect in app::update_at(app, moment, action) {
                if let Some(result) = self.carry_out(effect, app, moment) {
                    pending.push(result);
                }
            }
        }
    }

    /// What changed on disk since the app's journal was read, as an action (or nothing).
    fn look_outside(&mut self, app: &App, moment: DateTime<FixedOffset>) -> Option<Action> {
        match self.store.outside(&self.seen) {
            Outside::Unchanged => None,
            Outside::Touched(fingerprint) => {
                self.seen = fingerprint;
                None
            }
            Outside::Changed(loaded) => {
                let loaded = *loaded;
                self.seen = loaded.fingerprint;
                Some(Action::Reloaded {
                    journal: Box::new(loaded.journal),
                })
            }
            // Already on the recovery screen: it says so; nothing new to tell.
            Outside::Unreadable(_) if matches!(app.mode, Mode::Recovery(_)) => None,
            Outside::Unreadable(error) => Some(Action::DiskUnreadable {
                why: error.reason(),
                backups: backups(self.store, moment),
            }),
        }
    }

    fn carry_out(
        &mut self,
        effect: Effect,
        app: &App,
        moment: DateTime<FixedOffset>,
    ) -> Option<Action> {
        let store = self.store;
        match effect {
            Effect::Quit => None,
            Effect::Save { journal, what } => Some(
                match store.save_change(
                    CLI_LOCK_PATIENCE,
                    &self.seen,
                    &app.journal,
                    &journal,
                    app.today,
                ) {
                    Ok(saved) => {
                        self.seen = saved.fingerprint;
                        let what = if saved.merged {
                            format!("{what} (kept the changes made outside this window too)")
                        } else {
                            what
                        };
                        Action::Saved {
                            journal: Box::new(saved.journal),
                            what,
                        }
                    }
                    Err(SaveError::Failed(failure)) => Action::SaveFailed { why: failure.what },
                    Err(SaveError::Unreadable(error)) => Action::DiskUnreadable {
                        why: error.reason(),
                        backups: backups(store, moment),
                    },
                },
            ),
            Effect::Export(request) => Some(export(&request, app, store)),
            Effect::RestoreBackup(backup) => Some(self.restore(&backup, moment)),
            Effect::MoveAside => Some(self.move_aside(moment)),
        }
    }

    fn restore(&mut self, backup: &std::path::Path, moment: DateTime<FixedOffset>) -> Action {
        let store = self.store;
        let restored = store
            .lock(CLI_LOCK_PATIENCE)
            .map_err(|failure| failure.what)
            .and_then(|lock| {
                store
                    .restore_backup_at(&lock, backup, moment)
                    .map_err(|e| format!("Could not restore: {e}"))
            });
        match restored {
            Ok(aside) => match store.load() {
                Ok(loaded) => {
                    self.seen = loaded.fingerprint;
                    let kept = aside.map_or(String::new(), |aside| {
                        format!("; the damaged file is kept at {}", aside.display())
                    });
                    Action::Recovered {
                        journal: Box::new(loaded.journal),
                        what: format!("Restored {}{kept}", backup.display()),
                    }
                }
                Err(err) => Action::RecoveryFailed { why: err.reason() },
            },
            Err(why) => Action::RecoveryFailed { why },
        }
    }

    fn move_aside(&mut self, moment: DateTime<FixedOffset>) -> Action {
        let store = self.store;
        let moved = store
            .lock(CLI_LOCK_PATIENCE)
            .map_err(|failure| failure.what)
            .and_then(|lock| {
                store
                    .move_aside(&lock, moment)
                    .map_err(|e| format!("Could not move the file aside: {e}"))
            });
        match moved {
            Ok(aside) => {
                self.seen = Fingerprint::Missing;
                Action::Recovered {
                    journal: Box::new(Journal::default()),
                    what: format!(
                        "Moved the damaged journal to {}; this is a fresh one",
                        aside.display()
                    ),
                }
            }
            Err(why) => Action::RecoveryFailed { why },
        }
    }
}

/// The backups for the recovery screen, newest first.
fn backups(store: &Store, now: DateTime<FixedOffset>) -> Vec<Backup> {
    store
        .backups(now)
        .into_iter()
        .map(|info| Backup {
            taken: info.taken_local().naive_local(),
            check_ins: if info.decodes { info.check_ins } else { None },
            last_date: info.last_date,
            path: info.path,
        })
        .collect()
}

/// Writes the export the dialog asked for, with the rules of `rekindle export -o`, reporting the
/// result as an action.
pub fn export(request: &crate::export::Request, app: &App, store: &Store) -> Action {
    let bytes = crate::export::export(&app.journal, request.format, request.range);
    match crate::store::write_export(
        &store.paths,
        &expand_home(&request.path),
        &bytes,
        request.force,
    ) {
        Ok(written) => Action::Exported {
            path: written.display().to_string(),
        },
        Err(err) => Action::ExportFailed {
            why: err.message(),
            file_exists: matches!(err, crate::store::OutputError::Exists(_)),
        },
    }
}

/// `~` and `~/…` are the home directory; anything else is used as typed.
fn expand_home(path: &str) -> std::path::PathBuf {
    use std::path::PathBuf;
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match path.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(path)),
        Some(rest) if rest.starts_with('/') => match home() {
            Some(home) => home.join(rest.trim_start_matches('/')),
            None => PathBuf::from(path),
        },
        _ => PathBuf::from(path),
    }
}
