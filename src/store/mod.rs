//! The only code that touches the journal file: load with typed errors, atomic save, the
//! one-writer lock, daily backups and the recovery moves for a damaged journal.
//!
//! Invariant: nothing here writes `journal.json` unless the caller holds a `Journal` that was
//! loaded cleanly (or is a first run's empty one). A journal that could not be read is never
//! overwritten, and no backup is taken of it.
//!
//! Only format version 1 exists, so there is no migration yet; `journal::decode` refuses other
//! versions by name. The first migration must take a backup before it runs.

mod as_loaded;
mod atomic;
pub mod backup;
mod export_file;
mod fingerprint;
mod lock;
mod splice;
pub mod summary;

pub use atomic::{follow_links, write_atomic};
pub use export_file::{OutputError, write_export};
pub use fingerprint::{Fingerprint, Stat};
pub use lock::{LockError, WriterLock};

use crate::error::{Exit, Failure};
use crate::journal::{self, DecodeError, Journal};
use crate::paths::Paths;
pub use as_loaded::AsLoaded;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The largest journal, import file or backup rekindle reads: 256 MiB (docs/FORMAT.md). A 50-year
/// journal with long notes is a few tens of MiB.
pub const MAX_INPUT_BYTES: u64 = 256 << 20;

/// Reads a whole journal-sized file: a regular file (after symlinks) of at most
/// `MAX_INPUT_BYTES`. A FIFO, a device, a directory or a larger file is refused before any of it
/// is read (`ErrorKind::InvalidInput`), and the read is capped in case the file grows meanwhile.
pub fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    fn refuse(why: String) -> std::io::Error {
        std::io::Error::new(ErrorKind::InvalidInput, why)
    }
    let too_big = |len: u64| {
        refuse(format!(
            "the file is larger than 256 MiB ({len} bytes), the most rekindle reads"
        ))
    };
    let not_regular = || refuse("not a regular file (a FIFO, a device or a directory)".into());
    // Checked before opening: opening a FIFO would wait for a writer.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path)?;
    // The same checks on what was opened, in case the path was swapped in between.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// One backup as the recovery screen shows it (`Store::backups`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When it was taken (its modification time).
    pub taken: SystemTime,
    /// The date in its name.
    pub date: NaiveDate,
    /// A copy taken just before an import (`journal-…_before-import.json`).
    pub before_import: bool,
    /// Named for a day after today: taken under a wrong clock. Listed last, never preferred.
    pub future: bool,
    /// Whether it reads and decodes as a journal.
    pub decodes: bool,
    /// How many check-ins it holds, when it decodes.
    pub check_ins: Option<usize>,
    /// The latest check-in date in it, when it decodes and has one.
    pub last_date: Option<NaiveDate>,
}

impl BackupInfo {
    /// `taken` in the local time zone, for showing.
    pub fn taken_local(&self) -> chrono::DateTime<chrono::Local> {
        self.taken.into()
    }
}

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

/// A journal as loaded, with the file it came from (its bytes, or the file held open: for the
/// daily backup) and what a later saver compares the file with.
#[derive(Debug)]
pub struct Loaded {
    pub journal: Journal,
    /// `None` on a first run: there was no file.
    pub file: Option<AsLoaded>,
    pub fingerprint: Fingerprint,
}

/// What became of the journal file since a reader took `seen`.
#[derive(Debug)]
pub enum Outside {
    Unchanged,
    /// Touched (a new time or inode) with the same bytes: nothing to reload.
    Touched(Fingerprint),
    /// Someone else wrote it; here is what it holds now (boxed: a whole journal).
    Changed(Box<Loaded>),
    /// It can no longer be read: nobody may overwrite it.
    Unreadable(LoadError),
}

/// A save of one reader's change that landed.
#[derive(Debug)]
pub struct Saved {
    /// What the file holds now: the change, on top of whatever others wrote meanwhile.
    pub journal: Journal,
    pub fingerprint: Fingerprint,
    /// Others had written meanwhile, and the change was applied on top of their version.
    pub merged: bool,
}

/// Why a save did not land.
#[derive(Debug)]
pub enum SaveError {
    Failed(Failure),
    /// The file on disk became unreadable since it was read: it is left exactly as it is.
    Unreadable(LoadError),
}

/// A journal to change under the lock (`Store::begin_write_recent`): the whole of it, or only
/// its recent days, the older entries staying in the file as they are.
#[derive(Debug)]
pub struct Working {
    /// What to change and then save with `Store::save_working`.
    pub journal: Journal,
    older: Option<Older>,
}

impl Working {
    /// Whether only the recent days were loaded.
    pub fn is_recent_only(&self) -> bool {
        self.older.is_some()
    }
}

/// Where a recent-days `Working` came from: its first day and the older entries' places.
#[derive(Debug)]
struct Older {
    /// The recent days as they loaded, for applying the change to the whole journal instead.
    base: Journal,
    from: NaiveDate,
    blocks: splice::Blocks,
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
        let stat = Stat::of(&self.paths.journal);
        let (journal, bytes) = self.read_journal()?;
        Ok(Loaded {
            journal,
            fingerprint: bytes
                .as_deref()
                .map_or(Fingerprint::Missing, |bytes| Fingerprint::of(stat, bytes)),
            file: bytes.map(AsLoaded::Bytes),
        })
    }

    /// `load` for the open app, which holds the journal for hours: decoded as the file streams
    /// by (`journal::decode_reader`), so the peak is the journal alone, not the journal beside
    /// all of the file's bytes, at the price of a slower parse. The file stays open for today's
    /// backup. Anything unusual (a damaged file, one that changes while it is read) is loaded by
    /// `load` instead, for the same result and the same errors.
    pub fn load_lean(&self) -> Result<Loaded, LoadError> {
        self.try_load_lean().unwrap_or_else(|| self.load())
    }

    fn try_load_lean(&self) -> Option<Result<Loaded, LoadError>> {
        let path = &self.paths.journal;
        // Checked before opening, as `read_bounded` does: opening a FIFO would wait for a writer.
        match std::fs::metadata(path) {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Some(Ok(Loaded {
                    journal: Journal::default(),
                    file: None,
                    fingerprint: Fingerprint::Missing,
                }));
            }
            Ok(meta) if meta.is_file() => {}
            _ => return None,
        }
        let file = std::fs::File::open(path).ok()?;
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() > MAX_INPUT_BYTES {
            return None;
        }
        let mut reader = fingerprint::Hashing::new(
            std::io::BufReader::with_capacity(1 << 16, &file),
            meta.len(),
        );
        let journal = journal::decode_reader(&mut reader)?;
        // Whatever `from_reader` left unread must be nothing: `finish` checks every byte went by.
        let fingerprint = reader.finish(Stat::from_meta(&meta))?;
        let stat = summary::FileStat::from_meta(&file.metadata().ok()?)?;
        Some(Ok(Loaded {
            journal,
            file: Some(AsLoaded::Open { file, stat }),
            fingerprint,
        }))
    }

    /// `load` for a reader that will not save: the journal alone, without hashing its bytes
    /// for a later saver to compare.
    pub fn read(&self) -> Result<Journal, LoadError> {
        Ok(self.read_journal()?.0)
    }

    /// The journal and the bytes it decoded from (`None` on a first run: no file).
    fn read_journal(&self) -> Result<(Journal, Option<Vec<u8>>), LoadError> {
        let path = &self.paths.journal;
        match read_bounded(path) {
            Ok(bytes) => match journal::decode(&bytes) {
                Ok(journal) => Ok((journal, Some(bytes))),
                Err(error) => Err(LoadError::Invalid {
                    path: path.clone(),
                    error,
                }),
            },
            Err(e) if e.kind() == ErrorKind::NotFound => Ok((Journal::default(), None)),
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

    /// The start of every write: lock and load. Today's backup of what loaded is taken by the
    /// first successful `save` under this lock, so a command that stops before saving (a
    /// refused argument) writes nothing at all.
    pub fn begin_write(
        &self,
        patience: Duration,
        today: NaiveDate,
    ) -> Result<(WriterLock, Journal), Failure> {
        let mut lock = self.lock(patience)?;
        let loaded = self.load()?;
        lock.pending_backup = loaded.file.map(|file| (file, today));
        Ok((lock, loaded.journal))
    }

    /// `begin_write` for a change that can still be refused once the journal is known (a
    /// `--date` in the future by the journal's day, an unknown boundary id): `check` runs on
    /// the journal under the lock, and its error is returned with nothing written. When no
    /// rekindle has written here yet (no lock file), `check` first runs on the journal read
    /// without the lock, so a refused first command does not even create the data directory.
    pub fn begin_write_checked(
        &self,
        patience: Duration,
        today: NaiveDate,
        check: impl Fn(&Journal) -> Result<(), Failure>,
    ) -> Result<(WriterLock, Journal), Failure> {
        if std::fs::symlink_metadata(&self.paths.lock).is_err() {
            check(&self.load()?.journal)?;
        }
        let (lock, journal) = self.begin_write(patience, today)?;
        check(&journal)?;
        Ok((lock, journal))
    }

    /// `begin_write_checked` for a change that touches no day before `earliest(journal)`
    /// (`None`: it may touch any): when the recent-days summary vouches for the journal on disk
    /// and holds every day from `earliest` on, only those recent days are decoded, and
    /// `save_working` writes the older entries back as the bytes they are (`splice`), so the
    /// cost does not grow with the years behind them. Otherwise the whole journal, as
    /// `begin_write_checked` gives it.
    pub fn begin_write_recent(
        &self,
        patience: Duration,
        today: NaiveDate,
        earliest: impl Fn(&Journal) -> Option<NaiveDate>,
        check: impl Fn(&Journal) -> Result<(), Failure>,
    ) -> Result<(WriterLock, Working), Failure> {
        if std::fs::symlink_metadata(&self.paths.lock).is_ok() {
            let mut lock = self.lock(patience)?;
            if let Some((journal, older, file)) = self.recent_for_write(&earliest) {
                check(&journal)?;
                lock.pending_backup = Some((file, today));
                return Ok((
                    lock,
                    Working {
                        journal,
                        older: Some(older),
                    },
                ));
            }
            drop(lock);
        }
        let (lock, journal) = self.begin_write_checked(patience, today, check)?;
        Ok((
            lock,
            Working {
                journal,
                older: None,
            },
        ))
    }

    /// The recent days to write to, the older entries' places and the open file, when the
    /// summary vouches for the journal on disk, knows where its older entries are, and holds
    /// every day from `earliest` on. Call with the lock held.
    fn recent_for_write(
        &self,
        earliest: impl Fn(&Journal) -> Option<NaiveDate>,
    ) -> Option<(Journal, Older, AsLoaded)> {
        // Only a regular file is opened: opening a FIFO would wait, with the lock held, for a
        // writer that never comes (the full load then refuses it by name).
        if !std::fs::metadata(&self.paths.journal).is_ok_and(|m| m.is_file()) {
            return None;
        }
        // The handle is taken first and its own `stat` compared: whatever replaces the name
        // later, the file copied from is the one the summary describes.
        let file = std::fs::File::open(&self.paths.journal).ok()?;
        let stat = summary::FileStat::from_meta(&file.metadata().ok()?)?;
        let recent = summary::read(&self.summary_path(), Some(stat), summary::Part::Window)?;
        let blocks = recent.blocks.clone()?;
        if !earliest(&recent.journal).is_some_and(|day| recent.covers(day)) {
            return None;
        }
        // A window far wider than `summary::WINDOW_DAYS` is re-centred by a full save.
        let latest = recent.journal.check_ins.iter().map(|c| c.date).max()?;
        if latest.signed_duration_since(recent.from).num_days() > 2 * summary::WINDOW_DAYS as i64 {
            return None;
        }
        #[cfg(unix)]
        let read = |range: std::ops::Range<usize>| {
            use std::os::unix::fs::FileExt;
            let mut bytes = vec![0; range.len()];
            file.read_exact_at(&mut bytes, range.start as u64).ok()?;
            Some(bytes)
        };
        // `FileStat` is Unix-only, so this is never reached elsewhere.
        #[cfg(not(unix))]
        let read = |_: std::ops::Range<usize>| None;
        if !splice::check_with(stat.size() as usize, read, &blocks) {
            return None;
        }
        let file = AsLoaded::Open { file, stat };
        Some((
            recent.journal.clone(),
            Older {
                base: recent.journal,
                from: recent.from,
                blocks,
            },
            file,
        ))
    }

    /// Saves what `begin_write_recent` gave, changed: the whole journal as `save` does, or the
    /// recent days spliced with the older entries of the file as it loaded under `lock`, copied
    /// file to file.
    pub fn save_working(&self, lock: &mut WriterLock, working: &Working) -> Result<(), Failure> {
        let journal = &working.journal;
        let Some(older) = &working.older else {
            return self.save(lock, journal);
        };
        let body = journal::encode(journal);
        let (Some((pieces, blocks)), Some((loaded, _))) = (
            splice::plan(&body, &older.blocks),
            lock.pending_backup.as_ref(),
        ) else {
            // Not expected with `encode`'s own output; the whole journal then takes the change.
            return self.save_whole_reloaded(lock, &older.base, journal);
        };
        let mut moved = false;
        let written = self.save_with(lock, |out| {
            let copied = pieces.iter().try_for_each(|piece| match piece {
                splice::Piece::Recent(range) => out.write_all(&body[range.clone()]),
                splice::Piece::Older(range) => loaded.copy_range(range.clone(), out),
                splice::Piece::Text(text) => out.write_all(text),
            });
            // Written into in place while it was copied (no rekindle does that; a sync tool
            // might): the copy may mix two versions, or have come up short, so it is not saved.
            moved = !loaded.unchanged();
            if moved {
                return Err(std::io::Error::other(
                    "the journal changed while it was copied",
                ));
            }
            copied
        });
        let meta = match written? {
            Err(_) if moved => return self.save_whole_reloaded(lock, &older.base, journal),
            written => written.map_err(|e| Failure::cannot_write(&self.paths.journal, &e))?,
        };
        if let Some(stat) = summary::FileStat::from_meta(&meta) {
            summary::write_window(
                &self.summary_path(),
                &body,
                journal,
                older.from,
                stat,
                blocks,
            );
        }
        Ok(())
    }

    /// Loads the journal again under `lock` (its file changed in place while a recent-days
    /// save copied from it, or the splice did not fit), applies the change from `base` to
    /// `wanted` (recent days) on top, and saves the whole journal; today's backup is then of
    /// the journal as it loaded now.
    fn save_whole_reloaded(
        &self,
        lock: &mut WriterLock,
        base: &Journal,
        wanted: &Journal,
    ) -> Result<(), Failure> {
        let loaded = self.load()?;
        let today = lock.pending_backup.take().map(|(_, today)| today);
        lock.pending_backup = loaded.file.zip(today);
        let mut whole = loaded.journal;
        journal::Change::between(base, wanted).apply(&mut whole);
        self.save(lock, &whole)
    }

    /// Takes today's backup of the journal as it loaded, if there is none yet. A failed backup
    /// must not block the user's write, so it is reported on stderr and otherwise ignored.
    pub fn backup_of(&self, file: &AsLoaded, today: NaiveDate) {
        let copy = |out: &mut std::fs::File| file.copy_all(out);
        if let Err(e) = backup::backup_once_a_day_with(&self.paths.backups, today, copy) {
            eprintln!(
                "rekindle: could not write today's backup: {}: {e}",
                self.paths.backups.display()
            );
        }
    }

    /// Saves the journal atomically. Call only with the lock held.
    ///
    /// A symlinked journal stays a link: the save replaces the link's target. A journal that is
    /// not a regular file, or that was made read-only, is refused (exit 73) with nothing
    /// written: the rename would otherwise silently replace it. Rekindle's own stale temp files
    /// (left by a killed save) beside the journal and in `backups/` are removed first. Once the
    /// save has passed those checks, today's backup of the journal as it loaded is taken if
    /// there is none, just before the new file replaces it.
    pub fn save(&self, lock: &WriterLock, journal: &Journal) -> Result<(), Failure> {
        self.save_journal(lock, journal, &journal::encode(journal))
    }

    /// Saves `journal` as `bytes` (its encoding), then writes the recent-days summary for
    /// exactly the file written.
    fn save_journal(
        &self,
        lock: &WriterLock,
        journal: &Journal,
        bytes: &[u8],
    ) -> Result<(), Failure> {
        let meta = self.save_bytes(lock, bytes)?;
        if let Some(stat) = summary::FileStat::from_meta(&meta) {
            summary::write(&self.summary_path(), journal, stat, Some(bytes));
        }
        Ok(())
    }

    fn save_bytes(&self, lock: &WriterLock, bytes: &[u8]) -> Result<std::fs::Metadata, Failure> {
        self.save_with(lock, |file| file.write_all(bytes))?
            .map_err(|e| Failure::cannot_write(&self.paths.journal, &e))
    }

    /// Takes today's backup of the journal as it loaded under `lock` if there is none yet, then
    /// saves the journal that `fill` writes (`save_bytes`). A refusal is the outer error;
    /// the inner one is `fill`'s or the write's own, for the caller to tell apart.
    fn save_with(
        &self,
        lock: &WriterLock,
        fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
    ) -> Result<std::io::Result<std::fs::Metadata>, Failure> {
        self.ensure_dir()?;
        let target = follow_links(&self.paths.journal);
        self.check_writable(&target)?;
        atomic::remove_stale_temps(target.parent().unwrap_or(Path::new(".")));
        atomic::remove_stale_temps(&self.paths.backups);
        // Before the rename: a journal held open is still linked, so its `stat` still tells
        // whether anyone wrote into it since it loaded (the rename changes its change time).
        if let Some((loaded, today)) = &lock.pending_backup {
            self.backup_of(loaded, *today);
        }
        Ok(atomic::write_atomic_with(&target, fill))
    }

    /// Where the recent-days summary lives (`summary`): `cache/recent.json` in the data
    /// directory.
    pub fn summary_path(&self) -> PathBuf {
        self.paths
            .data_dir
            .join(summary::DIR_NAME)
            .join(summary::FILE_NAME)
    }

    /// The recent part of the journal from the summary, when the summary is whole and matches
    /// the journal on disk now; `None` means: load the journal in full.
    pub fn recent(&self, part: summary::Part) -> Option<summary::Recent> {
        summary::read(
            &self.summary_path(),
            summary::FileStat::of(&self.paths.journal),
            part,
        )
    }

    /// `load`, then (re)writes the recent-days summary when the journal did not change while it
    /// was read. For readers that found no usable summary.
    pub fn load_and_summarise(&self) -> Result<Loaded, LoadError> {
        let before = summary::FileStat::of(&self.paths.journal);
        let loaded = self.load()?;
        self.summarise(&loaded.journal, before);
        Ok(loaded)
    }

    /// Writes the summary of `journal`, read from the file whose `stat` was `before`, unless
    /// the file changed since.
    pub fn summarise(&self, journal: &Journal, before: Option<summary::FileStat>) {
        if let Some(stat) = before
            && summary::FileStat::of(&self.paths.journal) == Some(stat)
        {
            summary::write(&self.summary_path(), journal, stat, None);
        }
    }

    /// Has anyone written the journal since a reader took `seen`? Costs one `stat` when nothing
    /// changed, so the open app can ask about once a second.
    pub fn outside(&self, seen: &Fingerprint) -> Outside {
        if seen.same_stat(Stat::of(&self.paths.journal)) {
            return Outside::Unchanged;
        }
        match self.load_lean() {
            Ok(loaded) if seen.same_bytes(&loaded.fingerprint) => {
                Outside::Touched(loaded.fingerprint)
            }
            Ok(loaded) => Outside::Changed(Box::new(loaded)),
            Err(error) => Outside::Unreadable(error),
        }
    }

    /// Saves one reader's change without undoing anyone else's: under the lock (held only for
    /// this save), the file is read again; if it still is what the reader saw (`seen`), `wanted`
    /// is written as it is; if someone else wrote it meanwhile, the change from `base` (what
    /// the reader had) to `wanted` is applied, entry by entry, on top of the file's new
    /// version. A file that has become unreadable is never written.
    pub fn save_change(
        &self,
        patience: Duration,
        seen: &Fingerprint,
        base: &Journal,
        wanted: &Journal,
        today: NaiveDate,
    ) -> Result<Saved, SaveError> {
        let mut lock = self.lock(patience).map_err(SaveError::Failed)?;
        let loaded = self.load_lean().map_err(SaveError::Unreadable)?;
        // A file gone since it was read (a sync tool mid-swap, a deletion) gets the whole of
        // what the reader has: nothing it showed is lost.
        let unchanged = loaded.file.is_none() || seen.same_bytes(&loaded.fingerprint);
        let journal = if unchanged {
            wanted.clone()
        } else {
            let mut theirs = loaded.journal;
            journal::Change::between(base, wanted).apply(&mut theirs);
            theirs
        };
        lock.pending_backup = loaded.file.map(|file| (file, today));
        let bytes = journal::encode(&journal);
        self.save_journal(&lock, &journal, &bytes)
            .map_err(SaveError::Failed)?;
        Ok(Saved {
            journal,
            fingerprint: Fingerprint::of(Stat::of(&self.paths.journal), &bytes),
            merged: !unchanged,
        })
    }

    /// Refuses to replace a journal that is not a regular file or is read-only.
    fn check_writable(&self, target: &Path) -> Result<(), Failure> {
        let Ok(meta) = std::fs::metadata(target) else {
            return Ok(());
        };
        let refuse = |why: &str, hint: &str| {
            Failure::new(
                Exit::CantCreate,
                format!(
                    "the journal {why}, nothing was written: {}",
                    self.paths.journal.display()
                ),
            )
            .with_hint(hint.to_string())
        };
        if !meta.is_file() {
            return Err(refuse(
                "is not a regular file",
                "move it aside; rekindle keeps the journal in a regular file",
            ));
        }
        if meta.permissions().readonly() {
            return Err(refuse(
                "is read-only",
                "make it writable (chmod u+w) if rekindle should save to it",
            ));
        }
        Ok(())
    }

    /// The backups, newest first by when they were taken (those named for a day after `now`'s
    /// come last), each with whether it decodes, how many check-ins it holds and its last
    /// check-in date: what the recovery screen lists. Reads and decodes every backup.
    pub fn backups(&self, now: DateTime<FixedOffset>) -> Vec<BackupInfo> {
        backup::scan(&self.paths.backups, now.date_naive())
            .into_iter()
            .map(|found| {
                let journal = read_bounded(&found.path)
                    .ok()
                    .and_then(|bytes| journal::decode(&bytes).ok());
                BackupInfo {
                    decodes: journal.is_some(),
                    check_ins: journal.as_ref().map(|j| j.check_ins.len()),
                    last_date: journal
                        .as_ref()
                        .and_then(|j| j.check_ins.iter().map(|c| c.date).max()),
                    path: found.path,
                    taken: found.taken,
                    date: found.date,
                    before_import: found.before_import,
                    future: found.future,
                }
            })
            .collect()
    }

    /// Moves a damaged journal aside to `journal.corrupt-<timestamp>.json` (never deletes it) and
    /// returns where it went. A symlinked journal stays a link: its target is copied aside and
    /// then removed, so the next save recreates the target through the link.
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
        while std::fs::symlink_metadata(&target).is_ok() {
            n += 1;
            target = self
                .paths
                .data_dir
                .join(format!("journal.corrupt-{stamp}-{n}.json"));
        }
        let is_link = std::fs::symlink_metadata(&self.paths.journal)
            .is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            let real = follow_links(&self.paths.journal);
            std::fs::copy(&real, &target)?;
            std::fs::File::open(&target)?.sync_all()?;
            std::fs::remove_file(&real)?;
        } else {
            std::fs::rename(&self.paths.journal, &target)?;
        }
        Ok(target)
    }

    /// Restores the newest backup that decodes (by when it was taken; one named for a day after
    /// `now`'s only when no other decodes), moving the damaged journal aside first. Returns the
    /// backup used and where the damaged file went.
    pub fn restore_backup(
        &self,
        lock: &WriterLock,
        now: DateTime<FixedOffset>,
    ) -> std::io::Result<Option<(PathBuf, PathBuf)>> {
        let good = backup::list(&self.paths.backups, now.date_naive())
            .into_iter()
            .find_map(|path| {
                let bytes = read_bounded(&path).ok()?;
                journal::decode(&bytes).ok().map(|_| (path, bytes))
            });
        let Some((backup, bytes)) = good else {
            return Ok(None);
        };
        let aside = self.move_aside(lock, now)?;
        write_atomic(&self.paths.journal, &bytes)?;
        Ok(Some((backup, aside)))
    }

    /// Restores the backup the person picked (one of `backups()`' paths): it must be one of
    /// rekindle's own backups in `backups/` and decode, else `ErrorKind::InvalidInput` and
    /// nothing changes. The current journal, if there is one, is moved aside first (never
    /// deleted); returns where it went.
    pub fn restore_backup_at(
        &self,
        lock: &WriterLock,
        backup: &Path,
        now: DateTime<FixedOffset>,
    ) -> std::io::Result<Option<PathBuf>> {
        let invalid = |why: &str| std::io::Error::new(ErrorKind::InvalidInput, why.to_string());
        let name = backup.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let in_backups = backup
            .parent()
            .and_then(|dir| dir.canonicalize().ok())
            .is_some_and(|dir| self.paths.backups.canonicalize().is_ok_and(|b| b == dir));
        if !in_backups || backup::parse_name(name).is_none() {
            return Err(invalid("not one of rekindle's backups"));
        }
        if !std::fs::symlink_metadata(backup).is_ok_and(|m| m.is_file()) {
            return Err(invalid("not one of rekindle's backups"));
        }
        let bytes = read_bounded(backup)?;
        if journal::decode(&bytes).is_err() {
            return Err(invalid("the backup does not read cleanly"));
        }
        let journal_there = std::fs::symlink_metadata(&self.paths.journal).is_ok()
            && std::fs::metadata(&self.paths.journal).is_ok();
        let aside = if journal_there {
            Some(self.move_aside(lock, now)?)
        } else {
            None
        };
        write_atomic(&self.paths.journal, &bytes)?;
        Ok(aside)
    }
}
