//! Drives the real `rekindle` binary in a pseudo-terminal, as a person would: type keys, read
//! the screen through a VT100 emulator, check what the terminal was left in.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const DOWN: &str = "\x1b[B";
pub const CTRL_S: &str = "\x13";
pub const CTRL_C: &str = "\x03";
pub const ESC: &str = "\x1b";
pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";

/// `rekindle` (no subcommand) with the sandbox's data dir, clock and time zone, as a terminal
/// would start it: only the environment given here.
pub fn command(sandbox: &super::Sandbox, now: &str, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("rekindle"));
    cmd.args(args);
    cmd.env_clear();
    cmd.env("REKINDLE_DATA_DIR", sandbox.data_dir());
    cmd.env("REKINDLE_NOW", now);
    cmd.env("TZ", super::TZ);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", sandbox.dir.path());
    cmd
}

/// Sends `signal` to process `pid` (no external `kill` needed).
pub fn send_signal(pid: u32, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(pid).expect("a pid fits pid_t");
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    let result = unsafe { libc::kill(pid, signal) };
    assert_eq!(
        result,
        0,
        "kill({pid}, {signal}): {}",
        std::io::Error::last_os_error()
    );
}

pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// Starts `rekindle` (no subcommand) in a `cols`×`rows` terminal with the sandbox's data dir,
    /// clock and time zone.
    pub fn start(sandbox: &super::Sandbox, now: &str, cols: u16, rows: u16) -> Tui {
        Tui::start_with(sandbox, now, cols, rows, &[])
    }

    pub fn start_with(
        sandbox: &super::Sandbox,
        now: &str,
        cols: u16,
        rows: u16,
        args: &[&str],
    ) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pty
            .slave
            .spawn_command(command(sandbox, now, args))
            .expect("spawn rekindle");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().expect("parser lock").process(&buf[..n]);
            }
        });
        Tui {
            parser,
            writer,
            child,
            _master: pty.master,
        }
    }

    /// Sends bytes as typed keys, then pauses so a lone Esc is not read as Alt+the next key.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser lock")
            .screen()
            .alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser
            .lock()
            .expect("parser lock")
            .screen()
            .hide_cursor()
    }

    /// Waits until the screen shows `needle`; panics with the screen if it never does.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("the screen never showed {needle:?}; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child has a pid")
    }

    /// Sends a signal (`libc::SIGTERM`, `libc::SIGINT`, `libc::SIGHUP`, …) to the app.
    pub fn signal(&self, signal: libc::c_int) {
        send_signal(self.pid(), signal);
    }

    /// Waits for the process to end and returns its exit code (`None` if a signal ended it).
    pub fn wait_exit(&mut self) -> Option<u32> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take in the last bytes written before exit.
                std::thread::sleep(Duration::from_millis(150));
                return Some(status.exit_code());
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "rekindle did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
