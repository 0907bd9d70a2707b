//! The recent-days summary, `cache/recent.json` in the data directory: the last `WINDOW_DAYS` of the
//! journal (check-ins and connections dated from the latest entry's date − `WINDOW_DAYS` on,
//! with all of settings, boundaries, people and unknown top-level fields), so `rekindle status`
//! and the TUI's first frame cost the same at 1, 10 or 50 years.
//!
//! Why a derived file and not reading the tail of `journal.json`: the journal's lists come in the
//! order check-ins, connections, boundaries, people, so the latest check-ins sit in the middle of
//! the file, before years of connections; a hand-edited or synced file may have any order and
//! layout; and the settings (which decide "today") sit at the top. Finding the recent check-ins
//! without parsing would take a scanner that second-guesses JSON. A derived file is plain
//! serde, and its trust rule is simple:
//!
//! - `journal.json` stays the single source of truth. The summary is trusted only when the
//!   journal's `stat` (device, inode, size, modification and change time to the nanosecond,
//!   following symlinks) is exactly the one recorded in it, and its body hashes to the hash
//!   recorded beside it (so a damaged body that still parses is refused too). Anything else —
//!   missing, damaged, stale, another format — and the reader loads the journal in full, as
//!   before, and writes a fresh summary.
//! - It is written atomically (temp file and rename, 0600) without fsync: a crash leaves an old,
//!   empty or partial file, which the checks refuse. Deleting it loses nothing.
//! - It is written after each save (with the saved file's own `stat`, taken from the written
//!   file's handle), and by a reader that had to load the journal in full (only when the
//!   journal's `stat` did not change while it was read).
//!
//! - Version 2: the header also records, when rekindle wrote the journal itself, where the
//!   check-in and connection lines dated before the window sit in it (`splice::Blocks`), so
//!   `checkin` on a recent day decodes only the window and writes those lines back unchanged
//!   (`Store::begin_write_recent`). After such a save the window keeps its first day, so it can
//!   grow past `WINDOW_DAYS`; at twice that, the next check-in loads in full and re-centres it.
//!
//! `status` answers from it when the window covers today − 13 … today (it always does unless
//! the journal holds entries dated over a year ahead); the TUI draws its first frame from it and
//! loads the whole journal right after, swapping it in before it handles the first key; `trends`
//! answers from it when its review provably is the whole journal's (`trends::review_of_recent`);
//! `checkin` on a recent day writes through it (`Blocks`, `store::splice`).
//!
//! Layout: one header line (JSON: format, version, the journal's stat, each part's first day
//! and hash), then the short part on one line (settings and the last 14 days of check-ins, all
//! `status` reads), then the body (the `WINDOW_DAYS` window the first frame reads). Both parts
//! are journals in the v1 format that `journal::decode` reads and validates.

use super::atomic::write_atomic_unsynced;
use super::splice::{self, Blocks};
use crate::journal::{self, Journal};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::Path;

/// The directory in the data directory that holds derived files, and the summary's name in it.
/// The directory carries a `.gitignore` of `*`, so a data directory kept in git (or merged with
/// the merge driver) never commits it.
pub const DIR_NAME: &str = "cache";
pub const FILE_NAME: &str = "recent.json";

/// How many days before the latest entry the summary keeps: more than the longest window the
/// first frame shows (26 weeks of review, its flags' baselines) and `status` needs (14 days).
pub const WINDOW_DAYS: u64 = 400;

const FORMAT: &str = "rekindle-recent";
/// 2: the header records where the older entries sit in the journal (`splice::Blocks`).
const VERSION: u64 = 2;

/// What `stat` says about the journal, precisely enough to notice any rewrite: an atomic rename
/// is a new inode; a write in place changes the size or the change time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl FileStat {
    /// The journal's `stat`, following symlinks; `None` when it is missing (or not on Unix).
    pub fn of(path: &Path) -> Option<FileStat> {
        FileStat::from_meta(&std::fs::metadata(path).ok()?)
    }

    /// The file's length in bytes.
    pub fn size(&self) -> u64 {
        self.len
    }

    pub fn from_meta(meta: &std::fs::Metadata) -> Option<FileStat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            meta.is_file().then(|| FileStat {
                dev: meta.dev(),
                ino: meta.ino(),
                len: meta.len(),
                mtime: (meta.mtime(), meta.mtime_nsec()),
                ctime: (meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    version: u64,
    journal: FileStat,
    /// The first day of the body's window, and the body's hash.
    from: NaiveDate,
    hash: u64,
    /// The first day of the short part's window (`SHORT_DAYS`), and its hash.
    short_from: NaiveDate,
    short_hash: u64,
    /// Where the entries dated before `from` sit in the journal, when rekindle wrote it.
    blocks: Option<Blocks>,
}

/// The short part (the second line) holds the settings and the check-ins of the `SHORT_DAYS`
/// days up to the latest check-in: all `status` needs for any today on or after that day.
pub const SHORT_DAYS: u64 = 14;

/// Which part of the summary to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Settings and the last `SHORT_DAYS` days of check-ins only (for `status`).
    Short,
    /// The last `WINDOW_DAYS` of everything (for the first frame).
    Window,
}

/// The recent part of the journal, trusted for the journal as it is on disk now.
#[derive(Debug, Clone, PartialEq)]
pub struct Recent {
    /// Settings, boundaries, people and unknown top-level fields as in the journal; check-ins and
    /// connections dated `from` or later.
    pub journal: Journal,
    /// The first day the summary holds everything of.
    pub from: NaiveDate,
    /// Where the older entries sit in the journal file, when rekindle wrote it (`splice`).
    pub blocks: Option<Blocks>,
}

impl Recent {
    /// Whether every check-in and connection dated `day` or later is in `journal`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        day >= self.from
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys, as for the journal's fingerprint.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Reads the summary at `path` and returns its `part` when it is whole and was made from the
/// journal whose `stat` is `journal` now; `None` otherwise (missing, damaged, stale).
pub fn read(path: &Path, journal: Option<FileStat>, part: Part) -> Option<Recent> {
    let journal = journal?;
    let bytes = super::read_bounded(path).ok()?;
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let (head, rest) = (&bytes[..newline], &bytes[newline + 1..]);
    let header: Header = serde_json::from_slice(head).ok()?;
    if header.format != FORMAT || header.version != VERSION || header.journal != journal {
        return None;
    }
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (short, body) = (&rest[..newline], &rest[newline + 1..]);
    let (bytes, hash_wanted, from) = match part {
        Part::Short => (short, header.short_hash, header.short_from),
        Part::Window => (body, header.hash, header.from),
    };
    if hash(bytes) != hash_wanted {
        return None;
    }
    let recent = journal::decode(bytes).ok()?;
    Some(Recent {
        journal: recent,
        from,
        blocks: header.blocks,
    })
}

/// The first day of the window: `WINDOW_DAYS` before the latest check-in or connection.
fn window_start(journal: &Journal) -> NaiveDate {
    let latest = journal
        .check_ins
        .iter()
        .map(|c| c.date)
        .chain(journal.connections.iter().map(|c| c.date))
        .max()
        .unwrap_or(NaiveDate::MIN);
    latest
        .checked_sub_days(Days::new(WINDOW_DAYS))
        .unwrap_or(NaiveDate::MIN)
}

/// The recent part of `journal`, as the summary holds it.
pub fn recent_part(journal: &Journal) -> Recent {
    let from = window_start(journal);
    Recent {
        journal: recent_part_from(journal, from),
        from,
        blocks: None,
    }
}

/// `journal` without the check-ins and connections dated before `from`.
pub fn recent_part_from(journal: &Journal, from: NaiveDate) -> Journal {
    Journal {
        format: journal.format.clone(),
        version: journal.version,
        settings: journal.settings.clone(),
        check_ins: check_ins_from(journal, from),
        connections: journal
            .connections
            .iter()
            .filter(|c| c.date >= from)
            .cloned()
            .collect(),
        boundaries: journal.boundaries.clone(),
        people: journal.people.clone(),
        extra: journal.extra.clone(),
    }
}

fn check_ins_from(journal: &Journal, from: NaiveDate) -> Vec<journal::CheckIn> {
    journal
        .check_ins
        .iter()
        .filter(|c| c.date >= from)
        .cloned()
        .collect()
}

/// The short part of `journal`: settings and the check-ins of the last `SHORT_DAYS` days up
/// to the latest check-in.
fn short_part(journal: &Journal) -> Recent {
    let latest = journal.check_ins.iter().map(|c| c.date).max();
    let from = latest
        .and_then(|d| d.checked_sub_days(Days::new(SHORT_DAYS - 1)))
        .unwrap_or(NaiveDate::MIN);
    Recent {
        journal: Journal {
            settings: journal.settings.clone(),
            check_ins: check_ins_from(journal, from),
            ..Journal::default()
        },
        from,
        blocks: None,
    }
}

/// The summary file's bytes for `journal`, whose file on disk has `stat`; `file` is that
/// file's bytes when they are exactly `journal::encode(journal)` (rekindle just wrote them), so
/// the summary can say where the older entries sit.
pub fn encode(journal: &Journal, stat: FileStat, file: Option<&[u8]>) -> Vec<u8> {
    let recent = recent_part(journal);
    let body = journal::encode(&recent.journal);
    let blocks = file.and_then(|file| splice::blocks_of(file, journal, recent.from));
    encode_parts(&body, recent.from, &short_part(journal), stat, blocks)
}

/// The summary file's bytes: its window from `from` on, encoded as `body`, and its short part.
fn encode_parts(
    body: &[u8],
    from: NaiveDate,
    short: &Recent,
    stat: FileStat,
    blocks: Option<Blocks>,
) -> Vec<u8> {
    let short_bytes =
        serde_json::to_vec(&short.journal).expect("a journal holds only JSON-representable data");
    let header = Header {
        format: FORMAT.into(),
        version: VERSION,
        journal: stat,
        from,
        hash: hash(body),
        short_from: short.from,
        short_hash: hash(&short_bytes),
        blocks,
    };
    let mut bytes = serde_json::to_vec(&header).expect("a header is plain JSON");
    bytes.push(b'\n');
    bytes.extend_from_slice(&short_bytes);
    bytes.push(b'\n');
    bytes.extend_from_slice(body);
    bytes
}

/// Writes the summary of `journal` (whose file has `stat`, and the bytes `file` when rekindle
/// just wrote them) to `path`. Best effort: a summary that cannot be written is simply missing
/// next time.
pub fn write(path: &Path, journal: &Journal, stat: FileStat, file: Option<&[u8]>) {
    write_bytes(path, &encode(journal, stat, file));
}

/// Writes the summary of a journal saved by `splice`: its window `recent` from `from` on,
/// encoded as `body`, and where the older entries now sit. When the window cannot make a whole
/// summary, the old one is removed: a stale summary is refused anyway, but a missing one costs
/// no read.
pub fn write_window(
    path: &Path,
    body: &[u8],
    recent: &Journal,
    from: NaiveDate,
    stat: FileStat,
    blocks: Blocks,
) {
    // The short part comes from the window only when the window holds all of it: the last
    // `SHORT_DAYS` of check-ins do not reach back before `from`.
    let short = short_part(recent);
    if short.from < from {
        let _ = std::fs::remove_file(path);
        return;
    }
    write_bytes(path, &encode_parts(body, from, &short, stat, Some(blocks)));
}

fn write_bytes(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent()
        && std::fs::symlink_metadata(dir).is_err()
    {
        if super::create_private_dir(dir).is_err() {
            return;
        }
        let _ = write_atomic_unsynced(
            &dir.join(".gitignore"),
            b"# rekindle's derived files: rebuilt when missing\n*\n",
        );
    }
    let _ = write_atomic_unsynced(path, bytes);
}
