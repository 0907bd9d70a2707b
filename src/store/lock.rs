//! The one-writer lock: an exclusive lock on `rekindle.lock`, never on the journal itself (the
//! journal is replaced by rename on every save, so a lock on it would be lost).

use super::as_loaded::AsLoaded;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// Held for as long as this value lives; the OS releases it when the process dies, so a killed
/// rekindle never leaves a stale lock behind.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
    /// The journal as it loaded under this lock and the day it loaded on: today's backup, taken
    /// by the first save under the lock (`Store::save`) that passes its checks, just before the
    /// rename; a command that stops before saving takes none.
    pub(super) pending_backup: Option<(AsLoaded, chrono::NaiveDate)>,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another rekindle holds it.
    Busy,
    Io(std::io::Error),
}

impl WriterLock {
    /// Takes the lock, retrying for up to `patience` while another rekindle holds it.
    pub fn acquire(path: &Path, patience: Duration) -> Result<WriterLock, LockError> {
        let file = open_private(path).map_err(LockError::Io)?;
        let deadline = Instant::now() + patience;
        let mut pause = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(WriterLock {
                        _file: file,
                        pending_backup: None,
                    });
                }
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => return Err(LockError::Busy),
                Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
    }
}

impl WriterLock {
    /// The journal's bytes as they loaded under this lock (`None` on a first run): what a
    /// command copies aside before a change it cannot undo (an import, a deletion).
    pub fn loaded_bytes(&self) -> Option<&[u8]> {
        self.pending_backup
            .as_ref()
            .and_then(|(loaded, _)| loaded.bytes())
    }
}

fn open_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rekindle.lock");
        let first = WriterLock::acquire(&path, Duration::ZERO).unwrap();
        assert!(matches!(
            WriterLock::acquire(&path, Duration::from_millis(20)),
            Err(LockError::Busy)
        ));
        drop(first);
        assert!(WriterLock::acquire(&path, Duration::ZERO).is_ok());
    }
}
