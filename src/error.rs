//! User-facing failures and the exit codes they map to (the README's command list).
//!
//! Messages read `rekindle: <what went wrong>: <which file/value>` plus a hint on what to do.
//! They never quote journal text: a note must not end up in a terminal log or a bug report.

use std::fmt;
use std::path::Path;

/// Documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    /// `reminders --due` found no boundary in force.
    NoneDue = 1,
    Usage = 2,
    /// The journal or an import file is unreadable or invalid (EX_DATAERR).
    DataErr = 65,
    /// An output file cannot be written (EX_CANTCREAT).
    CantCreate = 73,
    /// Another rekindle holds the journal (EX_TEMPFAIL).
    Locked = 75,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// A failure to report to the user, with the exit code it ends the process with.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub what: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(exit: Exit, what: impl Into<String>) -> Failure {
        Failure {
            exit,
            what: what.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }

    pub fn usage(what: impl Into<String>) -> Failure {
        Failure::new(Exit::Usage, what)
    }

    pub fn cannot_write(path: &Path, err: &std::io::Error) -> Failure {
        Failure::new(
            Exit::CantCreate,
            format!("cannot write {}: {}", path.display(), err),
        )
        .with_hint("check that the directory exists and is writable, and that the disk has room")
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

impl std::error::Error for Failure {}
