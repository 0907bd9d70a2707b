//! What a reader remembers of the journal file it read: identity, size, modification time and a
//! hash of the bytes. A saver compares it with the file on disk before it writes, and the open
//! app compares the cheap part (no read) about once a second to notice outside changes.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// The file as one reader saw it; `Missing` when there was none (a first run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fingerprint {
    Missing,
    Present {
        stat: Stat,
        /// A hash of the bytes: a rewrite with the same size within the same clock tick still
        /// differs here.
        hash: u64,
    },
}

/// What `stat` tells without reading the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// Device and inode: an atomic rename by another writer is a new file.
    identity: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
}

impl Stat {
    /// The file's identity, size and time, following symlinks; `None` when it is missing.
    pub fn of(path: &Path) -> Option<Stat> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let identity = (0, 0);
        Some(Stat {
            identity,
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

impl Fingerprint {
    /// The fingerprint of `bytes` just read from a file whose `stat` was taken with them.
    pub fn of(stat: Option<Stat>, bytes: &[u8]) -> Fingerprint {
        match stat {
            None => Fingerprint::Missing,
            Some(stat) => Fingerprint::Present {
                stat,
                hash: hash(bytes),
            },
        }
    }

    /// Whether `stat` (taken now) still looks like this file without reading it.
    pub fn same_stat(&self, stat: Option<Stat>) -> bool {
        match (self, stat) {
            (Fingerprint::Missing, None) => true,
            (Fingerprint::Present { stat: mine, .. }, Some(now)) => *mine == now,
            _ => false,
        }
    }

    /// Whether `bytes` are the bytes this fingerprint was taken of.
    pub fn same_bytes(&self, bytes: Option<&[u8]>) -> bool {
        match (self, bytes) {
            (Fingerprint::Missing, None) => true,
            (Fingerprint::Present { hash: mine, .. }, Some(bytes)) => *mine == hash(bytes),
            _ => false,
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: the same bytes hash the same in every process.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}
