//! Last-known-good backups: one copy of the journal per day, taken as part of the first
//! successful save of the day, and a copy taken just before an import changes the journal.
//!
//! Only files rekindle wrote itself count as backups: exactly `journal-YYYY-MM-DD.json` (the
//! daily copy) or `journal-YYYY-MM-DD_before-import.json`, with a real date. Anything else in
//! `backups/` (a person's own `journal-notes-1.json`) is never listed, restored or pruned.
//!
//! Backups are ordered by when they were taken (the file's modification time, then the date in
//! its name, then a pre-import copy after the daily copy of the same day), not by name: a
//! journal carried across time zones can take a backup named for an earlier day after a later
//! one. A backup whose name is dated after today (written under a clock that was wrong, or by
//! `REKINDLE_NOW` in 2099) is ignored for "newest": it is listed last, offered for restore only
//! when nothing else reads cleanly, and neither counts towards nor is removed by pruning, so a
//! clock that is wrong now never deletes the good backups and a wrong clock earlier never
//! crowds out the fresh ones. The newest `KEEP` of the others are kept.

use super::atomic::{write_atomic, write_atomic_with};
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How many backups (dated today or earlier) are kept.
pub const KEEP: usize = 7;

/// One of rekindle's own backup files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// The date in its name: the day (by the clock of the time) it was taken.
    pub date: NaiveDate,
    /// `journal-…_before-import.json`.
    pub before_import: bool,
    /// When it was taken: its modification time.
    pub taken: SystemTime,
    /// Named for a day after today.
    pub future: bool,
}

/// The date and kind in one of rekindle's own backup names, or `None` for any other name.
pub fn parse_name(name: &str) -> Option<(NaiveDate, bool)> {
    let rest = name.strip_prefix("journal-")?;
    let (day, before_import) = if let Some(day) = rest.strip_suffix("_before-import.json") {
        (day, true)
    } else {
        (rest.strip_suffix(".json")?, false)
    };
    // `parse_date` insists on exactly YYYY-MM-DD with a real date.
    crate::journal::parse_date(day)
        .ok()
        .map(|date| (date, before_import))
}

/// rekindle's own backups in `dir`, newest first by when they were taken; those dated after
/// `today` come last.
pub fn scan(dir: &Path, today: NaiveDate) -> Vec<Found> {
    let mut found: Vec<Found> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let (date, before_import) = parse_name(entry.file_name().to_str()?)?;
            // `DirEntry::metadata` does not follow symlinks: a link is not a file rekindle wrote.
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            Some(Found {
                path: entry.path(),
                date,
                before_import,
                taken: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                future: date > today,
            })
        })
        .collect();
    found.sort_by_key(|f| {
        (
            f.future,
            Reverse(if f.future {
                SystemTime::UNIX_EPOCH
            } else {
                f.taken
            }),
            Reverse(f.date),
            Reverse(f.before_import),
        )
    });
    found
}

/// The paths of `scan`, in its order.
pub fn list(dir: &Path, today: NaiveDate) -> Vec<PathBuf> {
    scan(dir, today).into_iter().map(|f| f.path).collect()
}

/// Copies `bytes` (a journal that just decoded) to `backups/journal-<today>.json` unless today's
/// copy exists, then prunes to the newest `KEEP`.
pub fn backup_once_a_day(dir: &Path, bytes: &[u8], today: NaiveDate) -> std::io::Result<()> {
    backup_once_a_day_with(dir, today, |file| file.write_all(bytes))
}

/// `backup_once_a_day` for a journal that `fill` writes (copying it from the open file).
pub fn backup_once_a_day_with(
    dir: &Path,
    today: NaiveDate,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = daily(dir, today);
    if std::fs::symlink_metadata(&target).is_ok() {
        return Ok(());
    }
    super::create_private_dir(dir)?;
    super::atomic::remove_stale_temps(dir);
    write_atomic_with(&target, fill)?;
    prune(dir, today)
}

/// Makes sure a backup holds exactly `bytes` (the journal as it was before an import) and returns
/// its path. When the day has no daily backup yet, `bytes` are the day's first state and become
/// it; when the daily backup already holds them no second copy is made; otherwise they go to
/// `journal-<today>_before-import.json` (replacing an earlier pre-import copy of the same day:
/// the daily backup still holds the day's first state, and this file the state just before the
/// latest import).
pub fn before_import(dir: &Path, bytes: &[u8], today: NaiveDate) -> std::io::Result<PathBuf> {
    let daily = daily(dir, today);
    match std::fs::read(&daily) {
        Ok(held) if held == bytes => return Ok(daily),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            backup_once_a_day(dir, bytes, today)?;
            return Ok(daily);
        }
        Err(e) => return Err(e),
    }
    super::create_private_dir(dir)?;
    let target = dir.join(format!(
        "journal-{}_before-import.json",
        today.format("%Y-%m-%d")
    ));
    write_atomic(&target, bytes)?;
    prune(dir, today)?;
    Ok(target)
}

fn daily(dir: &Path, today: NaiveDate) -> PathBuf {
    dir.join(format!("journal-{}.json", today.format("%Y-%m-%d")))
}

/// Removes all but the newest `KEEP` of rekindle's own backups dated today or earlier.
fn prune(dir: &Path, today: NaiveDate) -> std::io::Result<()> {
    let dated: Vec<Found> = scan(dir, today).into_iter().filter(|f| !f.future).collect();
    for old in dated.into_iter().skip(KEEP) {
        std::fs::remove_file(old.path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn one_copy_a_day_and_only_the_newest_seven() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        for i in 0..10 {
            let day = day(1) + chrono::Days::new(i);
            backup_once_a_day(&backups, format!("day {i}").as_bytes(), day).unwrap();
            backup_once_a_day(&backups, b"later the same day", day).unwrap();
        }
        let kept = list(&backups, day(10));
        assert_eq!(kept.len(), KEEP);
        assert!(kept[0].ends_with("journal-2026-11-10.json"));
        assert_eq!(std::fs::read(&kept[0]).unwrap(), b"day 9");
    }

    #[test]
    fn a_pre_import_copy_is_made_only_when_no_backup_holds_those_bytes_and_is_pruned_too() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        for i in 0..7 {
            backup_once_a_day(&backups, b"old", day(1) + chrono::Days::new(i)).unwrap();
        }
        let today = day(8);
        // The day's first state: it becomes the daily backup, and that is the pre-import copy.
        let held = before_import(&backups, b"morning", today).unwrap();
        assert!(held.ends_with("journal-2026-11-08.json"));
        // Same bytes as today's daily copy: that copy is the pre-import backup.
        let held = before_import(&backups, b"morning", today).unwrap();
        assert!(held.ends_with("journal-2026-11-08.json"));
        // Different bytes: a second file for today, and still only the newest 7 files.
        let held = before_import(&backups, b"evening", today).unwrap();
        assert!(held.ends_with("journal-2026-11-08_before-import.json"));
        assert_eq!(std::fs::read(&held).unwrap(), b"evening");
        let kept = list(&backups, today);
        assert_eq!(kept.len(), KEEP);
        assert!(
            kept[0].ends_with("journal-2026-11-08_before-import.json"),
            "newest first"
        );
        assert!(kept[1].ends_with("journal-2026-11-08.json"));
        assert!(kept[6].ends_with("journal-2026-11-03.json"), "{kept:?}");
    }

    #[test]
    fn only_exact_names_with_real_dates_are_backups() {
        for name in [
            "journal-2026-11-08.json",
            "journal-2026-11-08_before-import.json",
        ] {
            assert!(parse_name(name).is_some(), "{name}");
        }
        for name in [
            "journal-notes-1.json",
            "journal-2026-1-8.json",
            "journal-2026-02-30.json",
            "journal-2026-11-08.json.bak",
            "journal-2026-11-08-copy.json",
            "journal-2026-11-08_before-import-2.json",
            "Journal-2026-11-08.json",
        ] {
            assert!(parse_name(name).is_none(), "{name}");
        }
    }

    #[test]
    fn future_dated_backups_are_neither_counted_nor_pruned_and_come_last() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        let far = NaiveDate::from_ymd_opt(2099, 1, 1).unwrap();
        for i in 0..7 {
            backup_once_a_day(&backups, b"2099", far + chrono::Days::new(i)).unwrap();
        }
        backup_once_a_day(&backups, b"today", day(23)).unwrap();
        let kept = list(&backups, day(23));
        assert_eq!(kept.len(), 8);
        assert!(kept[0].ends_with("journal-2026-11-23.json"), "{kept:?}");
    }
}
