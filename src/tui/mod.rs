//! The runtime around the app: open the journal under the lock, run the event loop, carry out
//! effects (save, export, recovery) and feed their results back as actions.
//!
//! The only code that talks to crossterm I/O. The poll timeout doubles as the minute tick, so no
//! async runtime is needed.

mod terminal;

use crate::app::{self, Action, App, Effect};
use crate::commands::now;
use crate::error::{Exit, Failure};
use crate::journal::Journal;
use crate::store::Store;
use crate::ui::theme::Theme;
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
    let theme = Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
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
    let mut last_minute = started.timestamp() / 60;
    loop {
        terminal
            .draw(|frame| crate::ui::render(&app, frame))
            .map_err(|err| signals.unless_hung_up(err))?;
        if app.should_quit || signals.stop_requested() {
            break;
        }
        if event::poll(WAKE).map_err(|err| signals.unless_hung_up(err))? {
            match event::read().map_err(|err| signals.unless_hung_up(err))? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    dispatch(&mut app, Action::Key(key), store, &lock);
                }
                _ => {}
            }
        }
        let moment = now()?;
        if moment.timestamp() / 60 != last_minute {
            last_minute = moment.timestamp() / 60;
            dispatch(&mut app, Action::Tick(moment), store, &lock);
        }
    }
    drop(guard);
    Ok(Exit::Ok)
}

/// Runs an action through `update`, then each effect, feeding results back in.
fn dispatch(app: &mut App, action: Action, store: &Store, lock: &crate::store::WriterLock) {
    let mut pending = vec![action];
    while let Some(action) = pending.pop() {
        for effect in app::update(app, action) {
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
        Effect::Export(request) => Some(crate::screens::export::carry_out(&request, app, store)),
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
