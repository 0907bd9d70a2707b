//! The terminal's lifecycle: raw mode and the alternate screen on the way in, and a restore on
//! every way out — normal quit, error return (the guard's `Drop`), panic (the hook) and
//! SIGTERM/SIGINT/SIGQUIT (flags the loop checks). SIGHUP means the terminal is gone: the loop
//! exits without writing to it.

use crossterm::cursor::{Hide, Show};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::stdout;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Restores the terminal when dropped, whichever path leaves the event loop.
pub struct TerminalGuard {
    active: bool,
}

impl TerminalGuard {
    pub fn enter() -> std::io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        let guard = TerminalGuard { active: true };
        execute!(stdout(), EnterAlternateScreen, Hide)?;
        Ok(guard)
    }

    /// Leaves without touching the terminal (it hung up; writing to it could block or fail).
    pub fn abandon(mut self) {
        self.active = false;
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.active {
            restore();
        }
    }
}

/// Best-effort restore; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
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
    pub hang_up: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> std::io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let stop = Arc::new(AtomicBool::new(false));
        let hang_up = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGINT, SIGQUIT] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        signal_hook::flag::register(SIGHUP, Arc::clone(&hang_up))?;
        Ok(Signals { stop, hang_up })
    }

    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    pub fn hung_up(&self) -> bool {
        self.hang_up.load(Ordering::Relaxed)
    }
}
