//! Last-known-good backups: one copy of a journal that loaded cleanly per day, the newest 7 kept.

use super::atomic::write_atomic;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// How many daily backups are kept.
pub const KEEP: usize = 7;

/// Copies `bytes` (a journal that just decoded) to `backups/journal-<today>.json` unless today's
/// copy exists, then prunes to the newest `KEEP`. `label` distinguishes pre-migration copies.
pub fn backup_once_a_day(dir: &Path, bytes: &[u8], today: NaiveDate) -> std::io::Result<()> {
    let target = dir.join(format!("journal-{}.json", today.format("%Y-%m-%d")));
    if target.exists() {
        return Ok(());
    }
    super::create_private_dir(dir)?;
    write_atomic(&target, bytes)?;
    prune(dir)
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
}
