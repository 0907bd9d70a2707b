//! The runtime around the app: open the journal under the lock, run the event loop, carry out
//! effects (save, export, recovery) and feed their results back as actions.
//!
//! The only code that talks to crossterm I/O. The poll timeout doubles as the minute tick, so no
//! async runtime is needed.

mod terminal;

use crate::app::{self, Action, App, Effect};
use crate::clock::now;
use crate::error::{Exit, Failure};
use crate::journal::Journal;
use crate::store::Store;
use anyhow::Result;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::IsTerminal;
use std::time::Duration;
use terminal::{Signals, TerminalGuard};

/// How often the loop wakes without input: to notice signals and the minute changing.
const WAKE: Duration = Duration::from_millis(250);

pub fn run(store: &Store) -> Result<Exit> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Failure::usage("the journal screen needs a terminal (stdin and stdout are not both one)")
            .with_hint("in scripts use a command such as `rekindle checkin -e 7 -c 4 -f 5`; see `rekindle --help`")
            .into());
    }
    let lock = store.lock(Duration::ZERO).map_err(|failure| {
        if failure.exit == Exit::Locked {
            Failure::new(Exit::Locked, "rekindle is already open in another terminal")
                .with_hint("switch to that terminal, or close it and try again")
        } else {
            failure
        }
    })?;
    let theme = terminal::theme_from_env();
    let started = now()?;
    let mut app = match store.load() {
        Ok(loaded) => {
            store.backup(&loaded, started.date_naive());
            App::new(
                loaded.journal,
                store.paths.journal.clone(),
                started,
                loaded.bytes.is_none(),
                theme,
            )
        }
        Err(err) => App::recovery(store.paths.journal.clone(), err.reason(), started, theme),
    };

    let signals = Signals::register()?;
    let guard = TerminalGuard::enter()?;
    // Buffered, so a frame reaches the terminal in a few large writes instead of many small ones.
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    let size = terminal.size()?;
    app::update(&mut app, Action::Resize(size.width, size.height));
    let mut last_minute = started.timestamp() / 60;
    loop {
        terminal
            .draw(|frame| crate::app::render(&app, frame))
            .map_err(|err| signals.unless_hung_up(err))?;
        if app.should_quit || signals.stop_requested() {
            break;
        }
        if event::poll(WAKE).map_err(|err| signals.unless_hung_up(err))? {
            let action = match event::read().map_err(|err| signals.unless_hung_up(err))? {
                Event::Key(key) if key.kind != KeyEventKind::Release => Some(Action::Key(key)),
                Event::Resize(width, height) => Some(Action::Resize(width, height)),
                _ => None,
            };
            if let Some(action) = action {
                // Each action carries the moment it happened, so `recorded_at` is exact.
                let moment = now()?;
                last_minute = moment.timestamp() / 60;
                dispatch(&mut app, moment, action, store, &lock);
            }
        }
        let moment = now()?;
        if moment.timestamp() / 60 != last_minute {
            last_minute = moment.timestamp() / 60;
            dispatch(&mut app, moment, Action::Tick(moment), store, &lock);
        }
    }
    drop(guard);
    Ok(Exit::Ok)
}

/// Runs an action through `update` at `moment`, then each effect, feeding results back in.
fn dispatch(
    app: &mut App,
    moment: chrono::DateTime<chrono::FixedOffset>,
    action: Action,
    store: &Store,
    lock: &crate::store::WriterLock,
) {
    let mut pending = vec![action];
    while let Some(action) = pending.pop() {
        for effect in app::update_at(app, moment, action) {
            if let Some(result) = carry_out(effect, app, store, lock) {
                pending.push(result);
            }
        }
    }
}

fn carry_out(
    effect: Effect,
    app: &App,
    store: &Store,
    lock: &crate::store::WriterLock,
) -> Option<Action> {
    match effect {
        Effect::Quit => None,
        Effect::Save { journal, what } => Some(match store.save(lock, &journal) {
            Ok(()) => Action::Saved { journal, what },
            Err(failure) => Action::SaveFailed { why: failure.what },
        }),
        Effect::Export(request) => Some(export(&request, app, store)),
        Effect::RestoreBackup => Some(match store.restore_backup(lock, app.now) {
            Ok(Some((backup, aside))) => match store.load() {
                Ok(loaded) => Action::Recovered {
                    journal: Box::new(loaded.journal),
                    what: format!(
                        "Restored {}; the damaged file is kept at {}",
                        backup.display(),
                        aside.display()
                    ),
                },
                Err(err) => Action::RecoveryFailed { why: err.reason() },
            },
            Ok(None) => Action::RecoveryFailed {
                why: "No backup reads cleanly. Press m to move the damaged file aside and start fresh, or q to quit.".to_string(),
            },
            Err(e) => Action::RecoveryFailed {
                why: format!("Could not restore: {e}"),
            },
        }),
        Effect::MoveAside => Some(match store.move_aside(lock, app.now) {
            Ok(aside) => Action::Recovered {
                journal: Box::new(Journal::default()),
                what: format!("Moved the damaged journal to {}; this is a fresh one", aside.display()),
            },
            Err(e) => Action::RecoveryFailed {
                why: format!("Could not move the file aside: {e}"),
            },
        }),
    }
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
