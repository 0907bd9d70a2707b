//! Last-known-good backups: one copy of a journal that loaded cleanly per day, and a copy taken
//! just before an import changes the journal; the newest 7 files of either kind are kept.
//!
//! Every backup is named `journal-YYYY-MM-DD….json`, so `list` (newest first, by name) and the
//! pruning see them all and the directory never holds more than `KEEP` files. The pre-import
//! copy is `journal-YYYY-MM-DD_before-import.json`: `_` sorts after `.`, so on one date it comes
//! before the daily copy in `list`, which is their age order (the daily copy holds the day's
//! first state, the pre-import copy a later one) and what the restore screen relies on when it
//! offers the newest backup that decodes.

use super::atomic::write_atomic;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// How many daily backups are kept.
pub const KEEP: usize = 7;

/// Copies `bytes` (a journal that just decoded) to `backups/journal-<today>.json` unless today's
/// copy exists, then prunes to the newest `KEEP`.
pub fn backup_once_a_day(dir: &Path, bytes: &[u8], today: NaiveDate) -> std::io::Result<()> {
    let target = dir.join(format!("journal-{}.json", today.format("%Y-%m-%d")));
    if target.exists() {
        return Ok(());
    }
    super::create_private_dir(dir)?;
    write_atomic(&target, bytes)?;
    prune(dir)
}

/// Makes sure a backup holds exactly `bytes` (the journal as it was before an import) and returns
/// its path. Today's daily backup already holds them when this is the first write of the day, and
/// then no second copy is made; otherwise they go to `journal-<today>_before-import.json`
/// (replacing an earlier pre-import copy of the same day: the daily backup still holds the
/// day's first state, and this file the state just before the latest import).
pub fn before_import(dir: &Path, bytes: &[u8], today: NaiveDate) -> std::io::Result<PathBuf> {
    let day = today.format("%Y-%m-%d");
    let daily = dir.join(format!("journal-{day}.json"));
    if std::fs::read(&daily).is_ok_and(|held| held == bytes) {
        return Ok(daily);
    }
    super::create_private_dir(dir)?;
    let target = dir.join(format!("journal-{day}_before-import.json"));
    write_atomic(&target, bytes)?;
    prune(dir)?;
    Ok(target)
}

/// Backups in `dir`, newest first (their names sort by date).
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("journal-") && n.ends_with(".json"))
        })
        .collect();
    found.sort();
    found.reverse();
    found
}

fn prune(dir: &Path) -> std::io::Result<()> {
    for old in list(dir).into_iter().skip(KEEP) {
        std::fs::remove_file(old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_a_day_and_only_the_newest_seven() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        let start = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for i in 0..10 {
            let day = start + chrono::Days::new(i);
            backup_once_a_day(&backups, format!("day {i}").as_bytes(), day).unwrap();
            backup_once_a_day(&backups, b"later the same day", day).unwrap();
        }
        let kept = list(&backups);
        assert_eq!(kept.len(), KEEP);
        assert!(kept[0].ends_with("journal-2026-11-10.json"));
        assert_eq!(std::fs::read(&kept[0]).unwrap(), b"day 9");
    }

    #[test]
    fn a_pre_import_copy_is_made_only_when_no_backup_holds_those_bytes_and_is_pruned_too() {
        let dir = tempfile::tempdir().unwrap();
        let backups = dir.path().join("backups");
        let start = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for i in 0..7 {
            backup_once_a_day(&backups, b"old", start + chrono::Days::new(i)).unwrap();
        }
        let today = start + chrono::Days::new(7);
        backup_once_a_day(&backups, b"morning", today).unwrap();
        // Same bytes as today's daily copy: that copy is the pre-import backup.
        let held = before_import(&backups, b"morning", today).unwrap();
        assert!(held.ends_with("journal-2026-11-08.json"));
        // Different bytes: a second file for today, and still only the newest 7 files.
        let held = before_import(&backups, b"evening", today).unwrap();
        assert!(held.ends_with("journal-2026-11-08_before-import.json"));
        assert_eq!(std::fs::read(&held).unwrap(), b"evening");
        let kept = list(&backups);
        assert_eq!(kept.len(), KEEP);
        assert!(
            kept[0].ends_with("journal-2026-11-08_before-import.json"),
            "newest first"
        );
        assert!(kept[1].ends_with("journal-2026-11-08.json"));
        assert!(kept[6].ends_with("journal-2026-11-03.json"), "{kept:?}");
    }
}
