//! Shared test helpers: a temp data dir and the real `rekindle` binary pointed at it with a fixed
//! clock and time zone.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A Monday evening in Berlin winter time. `TZ` is a POSIX rule string, so no tzdata is needed.
pub const NOW: &str = "2026-11-23T21:04:05+01:00";
pub const TZ: &str = "CET-1CEST,M3.5.0,M10.5.0/3";

pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The data dir (created by rekindle on first write).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn journal_path(&self) -> PathBuf {
        self.data_dir().join("journal.json")
    }

    pub fn cmd(&self) -> Command {
        self.cmd_at(NOW)
    }

    pub fn cmd_at(&self, now: &str) -> Command {
        let mut cmd = Command::cargo_bin("rekindle").expect("binary built");
        cmd.env_clear()
            .env("REKINDLE_DATA_DIR", self.data_dir())
            .env("REKINDLE_NOW", now)
            .env("TZ", TZ)
            .env("HOME", self.dir.path())
            .env("NO_COLOR", "1");
        cmd
    }

    pub fn journal(&self) -> serde_json::Value {
        let bytes = std::fs::read(self.journal_path()).expect("journal exists");
        serde_json::from_slice(&bytes).expect("journal is JSON")
    }

    pub fn write_journal(&self, bytes: &[u8]) {
        std::fs::create_dir_all(self.data_dir()).unwrap();
        std::fs::write(self.journal_path(), bytes).unwrap();
    }

    /// Files in the data dir other than the journal, the lock, backups and the derived files
    /// `cache/` (the recent-days summary).
    pub fn stray_files(&self) -> Vec<String> {
        list_names(&self.data_dir())
            .into_iter()
            .filter(|n| {
                !matches!(
                    n.as_str(),
                    "journal.json" | "rekindle.lock" | "backups" | "cache"
                )
            })
            .collect()
    }
}

pub fn list_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub mod app;
pub mod pty;
pub mod social;

/// Makes a named pipe at `path` (no external `mkfifo` needed).
#[cfg(unix)]
pub fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("a path without NUL");
    // SAFETY: mkfifo(3) reads the NUL-terminated path we own for the length of the call.
    let result = unsafe { libc::mkfifo(name.as_ptr(), 0o600) };
    assert_eq!(
        result,
        0,
        "mkfifo {}: {}",
        path.display(),
        std::io::Error::last_os_error()
    );
}
