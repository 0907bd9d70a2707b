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
        Some(Stat::from_meta(&std::fs::metadata(path).ok()?))
    }

    /// The same, from metadata already taken (of an open file, say).
    pub fn from_meta(meta: &std::fs::Metadata) -> Stat {
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let identity = (0, 0);
        Stat {
            identity,
            len: meta.len(),
            modified: meta.modified().ok(),
        }
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

    /// Whether `other` was taken of the same bytes (or both of no file), whatever the stat.
    pub fn same_bytes(&self, other: &Fingerprint) -> bool {
        match (self, other) {
            (Fingerprint::Missing, Fingerprint::Missing) => true,
            (Fingerprint::Present { hash: mine, .. }, Fingerprint::Present { hash, .. }) => {
                mine == hash
            }
            _ => false,
        }
    }
}

/// A reader that hashes what passes through it exactly as `Fingerprint::of` hashes the whole
/// file, given the file's length up front: so a file decoded as it streams by still gets its
/// fingerprint without being held in memory.
pub struct Hashing<R> {
    inner: R,
    hasher: std::hash::DefaultHasher,
    expected: u64,
    count: u64,
}

impl<R: std::io::Read> Hashing<R> {
    pub fn new(inner: R, len: u64) -> Hashing<R> {
        let mut hasher = std::hash::DefaultHasher::new();
        // What `<[u8] as Hash>::hash` writes before the bytes.
        hasher.write_usize(len as usize);
        Hashing {
            inner,
            hasher,
            expected: len,
            count: 0,
        }
    }

    /// The fingerprint, when exactly the `len` bytes promised went through.
    pub fn finish(self, stat: Stat) -> Option<Fingerprint> {
        (self.count == self.expected).then(|| Fingerprint::Present {
            stat,
            hash: self.hasher.finish(),
        })
    }
}

impl<R: std::io::Read> std::io::Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.write(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: the same bytes hash the same in every process.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Read;

    /// Hands out at most `step` bytes per read, so the hash sees the file in odd pieces.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn stat() -> Stat {
        Stat {
            identity: (1, 2),
            len: 0,
            modified: None,
        }
    }

    proptest! {
        #[test]
        fn hashing_as_it_streams_is_hashing_the_whole(
            bytes in proptest::collection::vec(any::<u8>(), 0..3000),
            step in 1usize..200,
        ) {
            let mut reader = Hashing::new(Trickle { bytes: &bytes, step }, bytes.len() as u64);
            std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
            prop_assert_eq!(reader.finish(stat()), Some(Fingerprint::of(Some(stat()), &bytes)));
        }
    }

    #[test]
    fn a_file_that_is_not_the_promised_length_gives_no_fingerprint() {
        let bytes = b"{\"a\": 1}";
        let mut reader = Hashing::new(&bytes[..], bytes.len() as u64 + 1);
        std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
        assert_eq!(reader.finish(stat()), None);
    }
}
