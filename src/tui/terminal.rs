//! The terminal's lifecycle: raw mode and the alternate screen on the way in, and a restore on
//! every way out — normal quit, error return (the guard's `Drop`), panic (the hook) and
//! SIGTERM/SIGINT/SIGQUIT (a flag the loop checks). SIGHUP means the terminal is gone: the
//! process exits without writing to it.

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::stdout;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Restores the terminal when dropped, whichever path leaves the event loop.
pub struct TerminalGuard;

impl TerminalGuard {
    pub fn enter() -> std::io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        // Built before entering the alternate screen, so a failure there still restores raw mode.
        let guard = TerminalGuard;
        // Bracketed paste: a paste arrives as one text, never as keys.
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Best-effort restore; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
}

/// On panic: restore the terminal first, then say where it happened — but never the panic's
/// message, which could quote journal text.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "an unknown place".to_string());
        eprintln!(
            "rekindle: an internal error stopped the app (at {place}). Your journal holds everything up to the last save."
        );
    }));
}

/// Signals the event loop watches.
pub struct Signals {
    pub stop: Arc<AtomicBool>,
    hung_up: Arc<AtomicBool>,
}

impl Signals {
    /// Watches signals on a thread of their own. SIGTERM/SIGINT/SIGQUIT set `stop`, which the
    /// loop checks at least every quarter second. SIGHUP ends the process from the watcher at
    /// once: after a hang-up crossterm's read loop can spin on end-of-file and never return to
    /// the loop, and the terminal is gone, so there is nothing to restore (the OS releases the
    /// lock; unsaved form input is lost, saved entries are already on disk).
    pub fn register() -> std::io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let stop = Arc::new(AtomicBool::new(false));
        // Set in the signal handler itself, before the watcher thread even wakes.
        let hung_up = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGHUP, Arc::clone(&hung_up))?;
        let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
        let flag = Arc::clone(&stop);
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if signal == SIGHUP {
                    std::process::exit(129);
                }
                flag.store(true, Ordering::Relaxed);
            }
        });
        Ok(Signals { stop, hung_up })
    }

    /// Passes a terminal I/O error on, unless the terminal hung up. Then the watcher is already
    /// ending the process with 129, and this thread waits for it: reporting the error would write
    /// to the dead terminal (a panic, then an abort). The hang-up's signal can come a moment
    /// after its error, hence the short wait before passing an error on.
    pub fn unless_hung_up(&self, err: std::io::Error) -> std::io::Error {
        for _ in 0..10 {
            if self.hung_up.load(Ordering::SeqCst) {
                loop {
                    std::thread::park();
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        err
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// The theme for this terminal: the only place the UI reads `NO_COLOR`, `TERM` and the locale
/// (`LC_ALL`, `LC_CTYPE`, `LANG`); the decision itself is the pure `Capabilities::detect`.
pub fn theme_from_env() -> crate::ui::theme::Theme {
    use crate::ui::theme::{Capabilities, Env, Theme};
    let var = |name| std::env::var(name).ok();
    let (no_color, term, lc_all, lc_ctype, lang) = (
        var("NO_COLOR"),
        var("TERM"),
        var("LC_ALL"),
        var("LC_CTYPE"),
        var("LANG"),
    );
    Theme::for_terminal(Capabilities::detect(Env {
        no_color: no_color.as_deref(),
        term: term.as_deref(),
        lc_all: lc_all.as_deref(),
        lc_ctype: lc_ctype.as_deref(),
        lang: lang.as_deref(),
    }))
}
