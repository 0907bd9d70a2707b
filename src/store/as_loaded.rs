//! The journal file as one writer loaded it under the lock: what today's backup copies, and
//! what a recent-days save copies the older entries from.
//!
//! A full load holds the file's bytes. A recent-days load (`Store::begin_write_recent`) holds
//! the file open instead and never reads it whole: the save and the backup copy from it in the
//! kernel (`copy_file_range` on Linux, through `std::io::copy`). The open handle is the file as
//! it loaded even after the save renames a new journal over its name.

use super::summary::FileStat;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::ops::Range;

#[derive(Debug)]
pub enum AsLoaded {
    Bytes(Vec<u8>),
    /// Open, and by its `stat` the file a summary's `Blocks` were taken of.
    Open {
        file: File,
        stat: FileStat,
    },
}

impl AsLoaded {
    /// The bytes, when they were read.
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            AsLoaded::Bytes(bytes) => Some(bytes),
            AsLoaded::Open { .. } => None,
        }
    }

    /// Writes bytes `range` of the file to `out`.
    pub fn copy_range(&self, range: Range<usize>, out: &mut File) -> std::io::Result<()> {
        match self {
            AsLoaded::Bytes(bytes) => {
                let run = bytes.get(range).ok_or_else(past_the_end)?;
                out.write_all(run)
            }
            AsLoaded::Open { file, .. } => {
                let len = (range.end - range.start) as u64;
                (&*file).seek(SeekFrom::Start(range.start as u64))?;
                let copied = std::io::copy(&mut file.take(len), out)?;
                if copied == len {
                    Ok(())
                } else {
                    Err(past_the_end())
                }
            }
        }
    }

    /// Writes the whole file, as it loaded, to `out` (today's backup). An open file written
    /// into in place since it loaded is refused: the copy would not be the journal as loaded.
    pub fn copy_all(&self, out: &mut File) -> std::io::Result<()> {
        match self {
            AsLoaded::Bytes(bytes) => out.write_all(bytes),
            AsLoaded::Open { stat, .. } => {
                self.copy_range(0..stat.size() as usize, out)?;
                if self.unchanged() {
                    Ok(())
                } else {
                    Err(std::io::Error::other(
                        "the journal was written to since it loaded",
                    ))
                }
            }
        }
    }

    /// Whether an open file still has the `stat` it was checked by: nobody wrote into it in
    /// place since (a rename over its name leaves it as it is).
    pub fn unchanged(&self) -> bool {
        match self {
            AsLoaded::Bytes(_) => true,
            AsLoaded::Open { file, stat } => file
                .metadata()
                .ok()
                .and_then(|meta| FileStat::from_meta(&meta))
                .is_some_and(|now| now == *stat),
        }
    }
}

fn past_the_end() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::UnexpectedEof,
        "the journal is shorter than when it loaded",
    )
}
