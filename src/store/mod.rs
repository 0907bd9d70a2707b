//! The only code that touches the journal file: load with typed errors, atomic save, the
//! one-writer lock, daily backups and the recovery moves for a damaged journal.
//!
//! Invariant: nothing here writes `journal.json` unless the caller holds a `Journal` that was
//! loaded cleanly (or is a first run's empty one). A journal that could not be read is never
//! overwritten, and no backup is taken of it.
//!
//! Only format version 1 exists, so there is no migration yet; `journal::decode` refuses other
//! versions by name. The first migration must take a backup before it runs.

mod atomic;
pub mod backup;
mod lock;
mod output;

pub use atomic::write_atomic;
pub use lock::{LockError, WriterLock};
pub use output::{OutputError, write_export};

use crate::error::{Exit, Failure};
use crate::journal::{self, DecodeError, Journal};
use crate::paths::Paths;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a CLI write waits for another rekindle to finish before giving up with exit 75.
pub const CLI_LOCK_PATIENCE: Duration = Duration::from_secs(5);

/// Why the journal could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    Invalid {
        path: PathBuf,
        error: DecodeError,
    },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Invalid { path, .. } | LoadError::Io { path, .. } => path,
        }
    }

    /// What went wrong, without the file name.
    pub fn reason(&self) -> String {
        match self {
            LoadError::Invalid { error, .. } => error.to_string(),
            LoadError::Io { error, .. } => error.to_string(),
        }
    }
}

impl From<LoadError> for Failure {
    fn from(err: LoadError) -> Failure {
        Failure::new(
            Exit::DataErr,
            format!(
                "the journal is unreadable, nothing was written: {}: {}",
                err.path().display(),
                err.reason()
            ),
        )
        .with_hint(
            "fix the file by hand, or open `rekindle` to restore a backup or move the file aside",
        )
    }
}

/// A journal as loaded, with the bytes it came from (for the daily backup).
#[derive(Debug)]
pub struct Loaded {
    pub journal: Journal,
    /// `None` on a first run: there was no file.
    pub bytes: Option<Vec<u8>>,
}

/// Handle on the data directory's files. Holds no open files by itself.
#[derive(Debug, Clone)]
pub struct Store {
    pub paths: Paths,
}

/// Creates a directory (and missing parents) readable by the owner only.
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

impl Store {
    pub fn new(paths: Paths) -> Store {
        Store { paths }
    }

    /// Reads and validates the journal. A missing file is a first run (an empty journal); any
    /// other failure, an empty file included, is an error.
    pub fn load(&self) -> Result<Loaded, LoadError> {
        let path = &self.paths.journal;
        match std::fs::read(path) {
            Ok(bytes) => match journal::decode(&bytes) {
                Ok(journal) => Ok(Loaded {
                    journal,
                    bytes: Some(bytes),
                }),
                Err(error) => Err(LoadError::Invalid {
                    path: path.clone(),
                    error,
                }),
            },
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(Loaded {
                journal: Journal::default(),
                bytes: None,
            }),
            Err(error) => Err(LoadError::Io {
                path: path.clone(),
                error,
            }),
        }
    }

    /// Creates the data directory (0700) if it is missing.
    pub fn ensure_dir(&self) -> Result<(), Failure> {
        create_private_dir(&self.paths.data_dir)
            .map_err(|e| Failure::cannot_write(&self.paths.data_dir, &e))
    }

    /// Takes the one-writer lock, waiting up to `patience`.
    pub fn lock(&self, patience: Duration) -> Result<WriterLock, Failure> {
        self.ensure_dir()?;
        WriterLock::acquire(&self.paths.lock, patience).map_err(|e| match e {
            LockError::Busy => Failure::new(
                Exit::Locked,
                format!(
                    "the journal is in use by another rekindle: {}",
                    self.paths.lock.display()
                ),
            )
            .with_hint("close the other rekindle (or wait for it to finish) and try again"),
            LockError::Io(e) => Failure::cannot_write(&self.paths.lock, &e),
        })
    }

    /// The start of every write: lock, load, and take today's backup of what loaded.
    pub fn begin_write(
        &self,
        patience: Duration,
        today: NaiveDate,
    ) -> Result<(WriterLock, Journal), Failure> {
        let (lock, loaded) = self.begin_write_loaded(patience, today)?;
        Ok((lock, loaded.journal))
    }

    /// `begin_write`, keeping the bytes that loaded (an import copies them before it changes
    /// anything).
    pub fn begin_write_loaded(
        &self,
        patience: Duration,
        today: NaiveDate,
    ) -> Result<(WriterLock, Loaded), Failure> {
        let lock = self.lock(patience)?;
        let loaded = self.load()?;
        self.backup(&loaded, today);
        Ok((lock, loaded))
    }

    /// Takes today's last-known-good backup. A failed backup must not block the user's write, so
    /// it is reported on stderr and otherwise ignored.
    pub fn backup(&self, loaded: &Loaded, today: NaiveDate) {
        if let Some(bytes) = &loaded.bytes
            && let Err(e) = backup::backup_once_a_day(&self.paths.backups, bytes, today)
        {
            eprintln!(
                "rekindle: could not write today's backup: {}: {e}",
                self.paths.backups.display()
            );
        }
    }

    /// Saves the journal atomically. Call only with the lock held.
    pub fn save(&self, _lock: &WriterLock, journal: &Journal) -> Result<(), Failure> {
        self.ensure_dir()?;
        write_atomic(&self.paths.journal, &journal::encode(journal))
            .map_err(|e| Failure::cannot_write(&self.paths.journal, &e))
    }

    /// Moves a damaged journal aside to `journal.corrupt-<timestamp>.json` (never deletes it) and
    /// returns where it went.
    pub fn move_aside(
        &self,
        _lock: &WriterLock,
        now: DateTime<FixedOffset>,
    ) -> std::io::Result<PathBuf> {
        let stamp = now.format("%Y%m%dT%H%M%S");
        let mut target = self
            .paths
            .data_dir
            .join(format!("journal.corrupt-{stamp}.json"));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = self
                .paths
                .data_dir
                .join(format!("journal.corrupt-{stamp}-{n}.json"));
        }
        std::fs::rename(&self.paths.journal, &target)?;
        Ok(target)
    }

    /// Restores the newest backup that decodes, moving the damaged journal aside first. Returns
    /// the backup used and where the damaged file went.
    pub fn restore_backup(
        &self,
        lock: &WriterLock,
        now: DateTime<FixedOffset>,
    ) -> std::io::Result<Option<(PathBuf, PathBuf)>> {
        let good = backup::list(&self.paths.backups)
            .into_iter()
            .find_map(|path| {
                let bytes = std::fs::read(&path).ok()?;
                journal::decode(&bytes).ok().map(|_| (path, bytes))
            });
        let Some((backup, bytes)) = good else {
            return Ok(None);
        };
        let aside = self.move_aside(lock, now)?;
        write_atomic(&self.paths.journal, &bytes)?;
        Ok(Some((backup, aside)))
    }
}
