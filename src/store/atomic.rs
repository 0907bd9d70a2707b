//! Atomic, durable file replacement: a kill at any instant leaves the old file or the new one,
//! whole, never a mix or an empty file.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What `tempfile` names rekindle's temp files: `.rekindle-` + this many random characters +
/// `.tmp`. Only names of exactly this shape are ever cleaned up.
const TEMP_PREFIX: &str = ".rekindle-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM_LEN: usize = 6;

/// A temp file younger than this may belong to a write that is still running (an export does
/// not take the lock), so it is left alone.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// Writes `bytes` to `path` by writing a temp file beside it (0600), syncing it, renaming it over
/// `path` and syncing the directory so the rename itself survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, Replace::Yes)
}

/// Like `write_atomic`, but fails with `ErrorKind::AlreadyExists` when `path` exists, decided by
/// the rename itself: a file that appears between a check and the write is never overwritten.
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, Replace::No)
}

#[derive(PartialEq)]
enum Replace {
    Yes,
    No,
}

fn write(path: &Path, bytes: &[u8], replace: Replace) -> std::io::Result<()> {
    write_returning(path, |file| file.write_all(bytes), replace, Sync::Yes).map(|_| ())
}

/// Like `write_atomic`, for contents that `fill` writes to the temp file (copying from another
/// file, say), returning the metadata of the file written, taken from its own handle after the
/// rename: the identity, size and times of exactly these bytes, even if another program
/// replaces `path` a moment later. An error from `fill` leaves `path` untouched and removes the
/// temp file.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> std::io::Result<std::fs::Metadata> {
    write_returning(path, fill, Replace::Yes, Sync::Yes)
}

/// An atomic replace without fsync, for derived files that can be rebuilt (the recent-days
/// summary): a crash may leave the old, an empty or a partly written file, never a mix of two
/// whole ones, and readers check it before trusting it.
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_returning(path, |file| file.write_all(bytes), Replace::Yes, Sync::No).map(|_| ())
}

#[derive(PartialEq)]
enum Sync {
    Yes,
    No,
}

fn write_returning(
    path: &Path,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
    replace: Replace,
    sync: Sync,
) -> std::io::Result<std::fs::Metadata> {
    // A symlink stays a link: the temp file goes beside its target and replaces the target.
    let path = &follow_links(path);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM_LEN)
        .tempfile_in(dir)?;
    fill(temp.as_file_mut())?;
    if sync == Sync::Yes {
        temp.as_file().sync_all()?;
    }
    // On error the temp file is removed when `temp` drops, so no stray files are left.
    let file = match replace {
        Replace::Yes => temp.persist(path).map_err(|e| e.error)?,
        Replace::No => temp.persist_noclobber(path).map_err(|e| e.error)?,
    };
    let meta = file.metadata()?;
    if sync == Sync::Yes {
        sync_dir(dir)?;
    }
    Ok(meta)
}

/// Where a write to `path` really goes: `path` itself, or the file at the end of its chain of
/// symlinks (relative links resolved against the link's own directory). The target need not
/// exist yet. A loop of links is left to the write to report.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(target) if target.is_absolute() => current = target,
                Ok(target) => {
                    let dir = current.parent().unwrap_or(Path::new("."));
                    current = dir.join(target);
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// Whether `name` is exactly the shape of one of rekindle's own temp files.
pub fn is_own_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes rekindle's own temp files in `dir` that were last written more than `STALE_AFTER`
/// ago: copies left by a save or backup that was killed before its rename. Best effort; other
/// files, and temp files that may still be being written, are never touched.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_own_temp_name) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let stale = meta
            .modified()
            .ok()
            .and_then(|at| now.duration_since(at).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_new_only_write_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_atomic_new(&path, b"first").unwrap();
        let err = write_atomic_new(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "the temp file is gone");
    }

    #[test]
    fn temp_names_are_recognised_exactly() {
        assert!(is_own_temp_name(".rekindle-Ab3xY9.tmp"));
        for other in [
            ".rekindle-notes.tmp",
            ".rekindle-Ab3xY9.tmp.bak",
            "rekindle-Ab3xY9.tmp",
            ".rekindle-Ab3x-9.tmp",
            ".rekindle-Ab3xY9Z.tmp",
        ] {
            assert!(!is_own_temp_name(other), "{other}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        write_atomic(&path, b"x").unwrap();
        assert!(!std::fs::read_dir(dir.path()).unwrap().flatten().any(|e| {
            let name = e.file_name();
            name != "journal.json" && !is_own_temp_name(name.to_str().unwrap())
        }));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let link = dir.path().join("journal.json");
        std::os::unix::fs::symlink("real/journal.json", &link).unwrap();
        write_atomic(&link, b"one").unwrap();
        write_atomic(&link, b"two").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read(dir.path().join("real/journal.json")).unwrap(),
            b"two"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
