//! Using one journal on two machines: finding the copies a sync tool leaves beside the journal
//! when both machines changed it (the README's command list `paths`), for `rekindle paths` and the TUI to show.
//!
//! Sync tools keep both versions under names like:
//! - Syncthing: `journal.sync-conflict-20261116-123456-ABCDEF7.json`
//! - Dropbox: `journal (conflicted copy 2026-11-16).json`, `journal (Sam's conflicted copy …).json`
//! - Nextcloud / ownCloud: `journal (conflicted copy 2026-11-16 123456).json`, older clients
//!   `journal_conflict-20261116-123456.json`
//! - Seafile: `journal (SFConflict sam@example.com 2026-11-16-12-34-56).json`
//! - others: `journal (conflict …).json`, `journal.conflict.json`
//!
//! The rule that covers them all: a file beside the journal whose name starts with `journal`,
//! ends with `.json`, is not the journal itself and contains the word `conflict` (any case).
//! Each one is a whole journal; `rekindle import FILE` merges it in, then it can be removed.

use std::path::{Path, PathBuf};

/// Sync-conflict copies of `journal.json` in `data_dir`, sorted by name. An unreadable or
/// missing directory has none.
pub fn sync_conflicts(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            entry
                .file_type()
                .is_ok_and(|t| t.is_file() || t.is_symlink())
        })
        .filter(|entry| is_conflict_copy(&entry.file_name().to_string_lossy()))
        .map(|entry| entry.path())
        .collect();
    found.sort();
    found
}

/// Whether a file name is a sync tool's conflict copy of `journal.json`.
pub fn is_conflict_copy(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower != "journal.json"
        && lower.starts_with("journal")
        && lower.ends_with(".json")
        && lower.contains("conflict")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_sync_tools_use_are_recognised() {
        for name in [
            "journal.sync-conflict-20261116-123456-ABCDEF7.json",
            "journal (conflicted copy 2026-11-16).json",
            "journal (Sam's conflicted copy 2026-11-16).json",
            "journal (conflicted copy 2026-11-16 123456).json",
            "journal_conflict-20261116-123456.json",
            "journal (conflict 2026-11-16).json",
            "journal (SFConflict sam@example.com 2026-11-16-12-34-56).json",
            "Journal.Conflict.json",
        ] {
            assert!(is_conflict_copy(name), "{name}");
        }
        for name in [
            "journal.json",
            "journal.corrupt-20261116T120000.json",
            "rekindle.lock",
            "export.json",
            "journal.sync-conflict-20261116.json.tmp",
            "conflict.json",
        ] {
            assert!(!is_conflict_copy(name), "{name}");
        }
    }

    #[test]
    fn only_conflict_copies_in_the_directory_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "journal.json",
            "journal (conflicted copy 2026-11-16).json",
            "journal.sync-conflict-20261116-123456-ABCDEF7.json",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), b"{}").unwrap();
        }
        std::fs::create_dir(dir.path().join("journal_conflict-dir.json")).unwrap();
        let names: Vec<String> = sync_conflicts(dir.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "journal (conflicted copy 2026-11-16).json",
                "journal.sync-conflict-20261116-123456-ABCDEF7.json"
            ]
        );
        assert!(sync_conflicts(&dir.path().join("missing")).is_empty());
    }
}
